"""What the demo tests share: the moment they load the demo at, and the titles."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

from django.core.management import call_command

# A Tuesday; the demo's dates are relative to it.
NOW = dt.datetime(2026, 3, 10, 10, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
TODAY = NOW.date()
WAREHOUSE = "Lagerarbetare till vårt lager i Jönköping"
BACKEND = "Backend-utvecklare (Python/Django)"
FINANCE = "Ekonomiassistent"
SUPPORT = "Customer Support Specialist (English-speaking)"
# Finished months ago, for the figures page: one kept every promise, one did not.
EVENING_SHIFT = "Truckförare till kvällsskiftet"
PLANNER = "Transportplanerare"
ALL_TITLES = {WAREHOUSE, BACKEND, FINANCE, SUPPORT, EVENING_SHIFT, PLANNER}


def run_demo() -> str:
    """``aterkoppla demo``; returns what it printed."""
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()
