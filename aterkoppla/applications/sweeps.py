"""The applications' scheduled work: keep every promise (P2)."""

from __future__ import annotations

import datetime as dt

from aterkoppla.applications.promises import SweepResult, promises_sweep
from aterkoppla.core.sweeps import sweep


@sweep("promises")
def promises(now: dt.datetime) -> SweepResult:
    """A passed promise gets a new date for the candidate, or is escalated to the staff."""
    return promises_sweep(now)
