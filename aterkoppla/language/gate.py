"""The language gate: what every service that stores a text calls before it stores it.

A service that keeps a text which justifies a decision or reaches a candidate (DESIGN §6)
passes it through :func:`language_gate` with the reason it was given to keep it, if any. A
``block`` finding under a blocking policy stops the service with :class:`LanguageBlocked`
(a ``ValidationError`` naming each stopped text) unless there is a reason; a kept text is
recorded in ``LanguageOverride`` and, when it belongs to an application, on its timeline.
Because the gate is inside the service, no caller (page, API, command, the demo) can skip it;
callers only pass the reason through and show the findings.

Pages show the warnings of what they saved once: they collect them with
:func:`language_advice` around the service call.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from aterkoppla.language.models import Policy, Where
from aterkoppla.language.review import (
    SPECIAL_CATEGORY,
    Review,
    blocked_error,
    check_text,
    record_override,
    requirement_profile,
)
from aterkoppla.lib.language_check import language_of

if TYPE_CHECKING:
    from aterkoppla.accounts.models import User
    from aterkoppla.applications.models import Application
    from aterkoppla.lib.language_check import Finding


@dataclass(frozen=True)
class Text:
    """One text for the gate.

    ``name`` is the service's name for it: callers map it to their own field (a form field,
    a path in a request body). ``where`` says what kind of text it is on the override log;
    ``application`` is whose timeline records an override of it; ``lang`` is the language it
    is written in, when known (a template's); ``label`` names it for the person reading
    the log. ``profile`` is the requirement profile the text is read against (the names and
    descriptions of the recruitment's requirements); when it is None and the text belongs to
    an application, the gate reads that application's recruitment's profile.
    """

    name: str
    text: str
    where: str
    application: Application | None = None
    lang: str = "auto"
    label: str = ""
    profile: tuple[str, ...] | None = None


class LanguageBlocked(ValidationError):
    """Texts the language check stops, with no reason given to keep them."""

    def __init__(self, found: Review, texts: Sequence[Text]) -> None:
        self.review = found
        self.texts = {text.name: text for text in texts if text.name in found.blocking}
        super().__init__(
            {name: [blocked_error(findings)] for name, findings in found.blocking.items()}
        )

    @property
    def blocking(self) -> dict[str, list[Finding]]:
        return self.review.blocking


_advice: contextvars.ContextVar[list[Review] | None] = contextvars.ContextVar(
    "language_advice", default=None
)


@contextlib.contextmanager
def language_advice() -> Iterator[list[Review]]:
    """Collect the reviews of the texts gated inside the block (for the warnings a page
    shows after saving)."""
    collected: list[Review] = []
    token = _advice.set(collected)
    try:
        yield collected
    finally:
        _advice.reset(token)


def language_gate(
    texts: Sequence[Text],
    *,
    policy: str,
    by: User | None,
    reason: str = "",
    subject: str = "",
    record: bool = True,
) -> Review:
    """Check ``texts`` under ``policy``; stop, or record what is kept.

    Raises :class:`LanguageBlocked` when a text has a ``block`` finding under a blocking
    policy and ``reason`` is empty. Otherwise records each kept text (one override per
    kind of text and application, with the reason; under a ``warn`` policy without one) and
    returns the review. Call it inside the transaction that stores the texts, so that a text
    and the record of keeping it exist together. ``record=False`` only checks: for a plan
    shown for confirmation before anything is stored.
    """
    texts = [text for text in texts if text.text]
    profiles: dict[int, tuple[str, ...]] = {}
    found = Review(
        findings={
            text.name: staff_note_findings(
                check_text(text.text, lang=text.lang, profile=_profile(text, profiles)),
                text.where,
            )
            for text in texts
        },
        policy=policy,
        labels={text.name: text.label or text.name for text in texts},
    )
    reason = reason.strip()
    if found.needs_override and not reason:
        raise LanguageBlocked(found, texts)
    if not record:
        return found
    groups: dict[tuple[str, int | None], list[Text]] = {}
    for text in texts:
        if text.name in found.blocking:
            key = (text.where, text.application.pk if text.application is not None else None)
            groups.setdefault(key, []).append(text)
    for group in groups.values():
        first = group[0]
        record_override(
            Review(
                findings={text.name: found.findings[text.name] for text in group},
                policy=policy,
                labels=found.labels,
            ),
            where=first.where,
            by=by,
            reason=reason,
            application=first.application,
            subject=_subject(first.application) if first.application is not None else subject,
        )
    collected = _advice.get()
    if collected is not None:
        collected.append(found)
    return found


# The staff's notes about a candidate (DESIGN §6): what they write down in a recruitment.
STAFF_NOTES = frozenset(
    {Where.SCREENING, Where.SCORECARD, Where.MERITS, Where.REJECTION, Where.CALL}
)


def staff_note_findings(findings: list[Finding], where: str) -> list[Finding]:
    """In a staff note, sensitive personal data (GDPR art. 9, ``special_category``) stops
    the text like a protected ground: it must not be stored in a recruitment at all, so a
    warning after it is saved comes too late. Elsewhere (templates, the organisation's
    texts) it stays the warning the lexicon gives. What the staff are told is
    :data:`aterkoppla.language.review.SPECIAL_CATEGORY_REMINDER`."""
    if where not in STAFF_NOTES:
        return findings
    return [
        dataclasses.replace(finding, severity="block")
        if finding.category == SPECIAL_CATEGORY
        else finding
        for finding in findings
    ]


def _profile(text: Text, profiles: dict[int, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The requirement profile ``text`` is read against, read once per recruitment."""
    if text.profile is not None or text.application is None:
        return text.profile
    recruitment = text.application.recruitment
    if recruitment.pk not in profiles:
        profiles[recruitment.pk] = requirement_profile(recruitment)
    return profiles[recruitment.pk]


def _subject(application: Application) -> str:
    return f"{application.candidate.full_name} · {application.recruitment.title}"


__all__ = ["LanguageBlocked", "Policy", "Text", "language_advice", "language_gate"]


def other_language(text: str, readers: str) -> str | None:
    """The language ``text`` is clearly written in when that is not ``readers``' ("sv" or
    "en"), else None. A text that reaches a candidate is in their language (DESIGN §6): the
    services that keep such texts refuse one for which this is not None."""
    written_in = language_of(text) if text.strip() else None
    return written_in if written_in is not None and written_in != readers else None


def language_name(code: str) -> str:
    """ "svenska" or "engelska" in running Swedish text; "Swedish" or "English" in English."""
    name = str({"sv": _("Swedish"), "en": _("English")}.get(code, code))
    return name.lower() if (translation.get_language() or "sv").startswith("sv") else name


def require_readers_language(text: str, readers: str, *, field: str) -> None:
    """Refuse (``ValidationError`` on ``field``) a text for readers of ``readers`` that reads
    as another language."""
    if other_language(text, readers) is not None:
        raise ValidationError(
            {
                field: _("Write it in %(language)s: the candidate reads %(language)s.")
                % {"language": language_name(readers)}
            }
        )
