"""The decisions' scheduled work: keep the promise of the written information (DL 2 kap. 4 §)."""

from __future__ import annotations

import datetime as dt

from aterkoppla.core.sweeps import sweep
from aterkoppla.decisions.disclosure_promises import (
    DisclosureSweepResult,
    disclosure_promises_sweep,
)


@sweep("disclosures")
def disclosures(now: dt.datetime) -> DisclosureSweepResult:
    """The recruitment's owner is told once when a request falls due soon, once when it is late."""
    return disclosure_promises_sweep(now)
