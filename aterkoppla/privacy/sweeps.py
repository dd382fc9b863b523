"""The daily retention run (``aterkoppla.privacy.services.retention_daily``)."""

from __future__ import annotations

import datetime as dt

from aterkoppla.core.sweeps import sweep
from aterkoppla.privacy.services import RetentionPlan, retention_daily


@sweep("retention")
def retention(now: dt.datetime) -> RetentionPlan | None:
    return retention_daily(now)
