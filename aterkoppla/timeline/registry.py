"""The kinds of timeline event: each app declares its own in its ``events`` module.

A kind has a label, the shape of its data (a ``TypedDict``: the one place that says what an
event of this kind records), an example of that data (for tests and the docs) and a function
that says in one sentence, in the active language, what happened. The timeline app knows no
kind itself, so it imports no other app: apps register their kinds when Django starts
(``TimelineConfig.ready`` imports every app's ``events`` module).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

Summary = Callable[[Mapping[str, Any]], str]


class UnknownKind(LookupError):
    """No app declared this kind of event."""


class BadEventData(ValueError):
    """The data does not have the shape its kind declares."""


@dataclass(frozen=True)
class EventKind:
    name: str
    label: str | Promise
    schema: type
    example: Mapping[str, Any]
    summary: Summary | None = None
    # An event on a recruitment that concerns its closed applications too (a legal hold):
    # shown on every application's timeline from its arrival, not only while it is open.
    lasting: bool = False

    @property
    def required(self) -> frozenset[str]:
        return frozenset(getattr(self.schema, "__required_keys__", ()))

    @property
    def allowed(self) -> frozenset[str]:
        return self.required | frozenset(getattr(self.schema, "__optional_keys__", ()))

    def check(self, data: Mapping[str, Any]) -> None:
        """Refuse data that lacks a key the kind requires or has one it does not declare."""
        keys = data.keys()
        missing = self.required - keys
        unknown = keys - self.allowed
        if missing or unknown:
            raise BadEventData(
                f"{self.name}: missing {sorted(missing)}, not declared {sorted(unknown)}"
            )

    def summarise(self, data: Mapping[str, Any]) -> str:
        if self.summary is None:
            return str(self.label)
        return self.summary(data)


_KINDS: dict[str, EventKind] = {}


def event_kind(
    name: str,
    *,
    label: str | Promise,
    schema: type,
    example: Mapping[str, Any],
    summary: Summary | None = None,
    lasting: bool = False,
) -> str:
    """Declare a kind of event; returns its name, the value stored in ``TimelineEvent.kind``.
    ``lasting``: an event on a recruitment shown to its closed applications too."""
    kind = EventKind(
        name=name, label=label, schema=schema, example=example, summary=summary, lasting=lasting
    )
    known = _KINDS.get(name)
    if known is not None and known.schema is not schema:
        raise ValueError(f"The timeline event kind {name!r} is declared twice.")
    kind.check(example)
    _KINDS[name] = kind
    return name


def kind_get(name: str) -> EventKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise UnknownKind(name) from None


def kinds() -> list[EventKind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.name)


def lasting_kinds() -> list[str]:
    """The kinds of recruitment event every application's timeline shows, open or closed."""
    return sorted(kind.name for kind in _KINDS.values() if kind.lasting)
