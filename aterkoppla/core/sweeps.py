"""Scheduled work: each app declares its sweeps in its own ``sweeps`` module.

A sweep is a function of the time that does what is due on the clock rather than on a queue
(a passed promise, a call overdue, a retention deadline). It must be idempotent: several
workers may run it at once and each runs it every minute, so a second run on the same day
changes nothing. ``aterkoppla worker`` runs every registered sweep once a minute, and
``aterkoppla worker --once`` once; a test runs one alone by calling it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger("aterkoppla.worker")

SweepFunction = Callable[[dt.datetime], Any]


@dataclass(frozen=True)
class Sweep:
    name: str
    run: SweepFunction


_SWEEPS: dict[str, Sweep] = {}


def sweep(name: str) -> Callable[[SweepFunction], SweepFunction]:
    """Register the decorated function as the sweep ``name``; it is called as ``f(now)``."""

    def register(function: SweepFunction) -> SweepFunction:
        known = _SWEEPS.get(name)
        if known is not None and known.run is not function:
            raise ValueError(f"The sweep {name!r} is registered twice.")
        _SWEEPS[name] = Sweep(name=name, run=function)
        return function

    return register


def sweeps() -> list[Sweep]:
    """Every registered sweep, by name: each app's ``sweeps`` module is imported first."""
    autodiscover_modules("sweeps")
    return [_SWEEPS[name] for name in sorted(_SWEEPS)]


def sweeps_run(*, now: dt.datetime | None = None) -> dict[str, Any]:
    """Run every sweep once, each on its own: one that fails is logged and the rest still run.

    Returns each sweep's result by name (its exception, for one that failed).
    """
    now = now or timezone.now()
    results: dict[str, Any] = {}
    for registered in sweeps():
        try:
            results[registered.name] = registered.run(now)
        except Exception as exc:
            logger.exception("The sweep %r failed; it runs again in a minute", registered.name)
            results[registered.name] = exc
    return results
