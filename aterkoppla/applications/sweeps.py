"""The applications' scheduled work: keep every promise (P2), and ask before a talent-pool
consent ends whether the candidate wants to renew it (DESIGN §8)."""

from __future__ import annotations

import datetime as dt

from aterkoppla.applications.pending import pending_sweep
from aterkoppla.applications.promises import SweepResult, promises_sweep
from aterkoppla.applications.services import acknowledgements_sweep
from aterkoppla.applications.talent_pool import talent_pool_sweep
from aterkoppla.core.sweeps import sweep


@sweep("promises")
def promises(now: dt.datetime) -> SweepResult:
    """A passed promise gets a new date for the candidate, or is escalated to the staff."""
    return promises_sweep(now)


@sweep("talent_pool")
def talent_pool(now: dt.datetime) -> list[int]:
    """A consent in its last month: the candidate is asked once whether to renew it."""
    return talent_pool_sweep(now)


@sweep("acknowledgements")
def acknowledgements(now: dt.datetime) -> list[int]:
    """An application whose acknowledgement could not be written when it arrived gets it."""
    return acknowledgements_sweep(now)


@sweep("pending_applications")
def pending_applications(now: dt.datetime) -> int:
    """Applications from a known address not confirmed within a week are deleted."""
    return pending_sweep(now)
