"""The language check where texts are saved and messages queued (DESIGN §6).

``aterkoppla.lib.language_check`` knows words; this module knows the product: which findings
stop a text under a recruitment's policy, how an override is recorded (on the timeline and in
``LanguageOverride``), and how findings read on a form.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.language.events import LANGUAGE_OVERRIDE
from aterkoppla.language.models import LanguageOverride, Policy, Where
from aterkoppla.lib.language_check import Finding, check, detect_language
from aterkoppla.timeline.services import timeline_record

if TYPE_CHECKING:
    from aterkoppla.applications.models import Application
    from aterkoppla.recruitment.models import Recruitment

CATEGORY_LABELS = {
    "sex": gettext_lazy("sex or pregnancy"),
    "transgender_identity": gettext_lazy("transgender identity or expression"),
    "ethnicity": gettext_lazy("ethnicity"),
    "religion": gettext_lazy("religion or other belief"),
    "disability": gettext_lazy("disability or health"),
    "sexual_orientation": gettext_lazy("sexual orientation"),
    "age": gettext_lazy("age"),
    "parental_leave": gettext_lazy("parental leave"),
    "union": gettext_lazy("union membership"),
    "fit": gettext_lazy("vague reason"),
    "disrespect": gettext_lazy("disrespectful tone"),
    "special_category": gettext_lazy("sensitive personal data"),
}

SPECIAL_CATEGORY = "special_category"

MAX_TEXT = 20_000

# Links and email addresses are not language: a random token in a candidate link ("…ungA…")
# must not read as a word. They are blanked (same length, so offsets stay true) before checking.
_UNCHECKED = re.compile(r"\bhttps?://\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _mask(text: str) -> str:
    return _UNCHECKED.sub(lambda m: " " * len(m.group()), text)


def reader_language() -> str:
    """The language findings are explained in: the user's interface language."""
    return "en" if (get_language() or "").startswith("en") else "sv"


@functools.lru_cache(maxsize=8192)
def _check_line(
    line: str, lang: str, reader: str, profile: tuple[str, ...] | None = None
) -> tuple[Finding, ...]:
    return tuple(check(line, lang=lang, reader_lang=reader, profile=profile))


def check_text(
    text: str,
    *,
    lang: str = "auto",
    reader: str | None = None,
    profile: Sequence[str] | None = None,
) -> list[Finding]:
    """Findings for a text, line by line with a cache.

    Messages to a thousand candidates differ only in a few lines (the salutation, the date),
    so each distinct line is checked once per process. Offsets are into ``text``.
    ``profile``: the names and descriptions of the recruitment's requirements when the text
    belongs to one (:func:`requirement_profile`): a topic they name is job-related unless the
    sentence binds it to a person.
    """
    profile = tuple(profile) if profile else None
    reader = reader or reader_language()
    if lang == "auto":
        lang = detect_language(text)
    findings: list[Finding] = []
    offset = 0
    for line in _mask(text).splitlines(keepends=True):
        if line.strip():
            for finding in _check_line(line, lang, reader, profile):
                findings.append(
                    dataclasses.replace(
                        finding, start=finding.start + offset, end=finding.end + offset
                    )
                )
        offset += len(line)
    return findings


def requirement_profile(recruitment: Recruitment) -> tuple[str, ...]:
    """The names and descriptions of the requirements in force in ``recruitment``'s profile:
    what the language check reads as the job's own topics ("Erfarenhet av arbete med personer
    med funktionsnedsättning")."""
    texts: list[str] = []
    for name, description in recruitment.criteria.values_list("name", "description"):
        texts += [text for text in (name, description) if text]
    return tuple(texts)


def category_label(category: str) -> str:
    return str(CATEGORY_LABELS.get(category, category))


def describe(finding: Finding) -> str:
    """One finding for a form error or a list: what, why, and what to write instead."""
    return _("“%(match)s” (%(category)s): %(message)s Instead: %(suggestion)s") % {
        "match": finding.match,
        "category": category_label(finding.category),
        "message": finding.message,
        "suggestion": finding.suggestion,
    }


@dataclass
class Review:
    """The findings of several texts (by field name) under one policy."""

    findings: dict[str, list[Finding]]
    policy: str = Policy.BLOCK
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def blocking(self) -> dict[str, list[Finding]]:
        return {
            name: [f for f in found if f.severity == "block"]
            for name, found in self.findings.items()
            if any(f.severity == "block" for f in found)
        }

    @property
    def blocked(self) -> bool:
        """Some text has a ``block`` finding (whatever the policy does with it)."""
        return bool(self.blocking)

    @property
    def needs_override(self) -> bool:
        """The text may not be kept without a person's reason."""
        return self.policy == Policy.BLOCK and self.blocked

    def advice(self) -> list[Finding]:
        """What to show after saving: warnings, and block findings that a policy let pass."""
        return [
            finding
            for found in self.findings.values()
            for finding in found
            if finding.severity == "warn"
            or (finding.severity == "block" and not self.needs_override)
        ]

    def as_records(self) -> list[dict[str, str]]:
        return [
            {
                "field": name,
                "label": self.labels.get(name, ""),
                "match": finding.match,
                "category": finding.category,
                "severity": finding.severity,
                "rule": finding.rule,
            }
            for name, found in self.blocking.items()
            for finding in found
        ]


def review(
    texts: Mapping[str, str],
    *,
    policy: str = Policy.BLOCK,
    lang: str = "auto",
    labels: Mapping[str, str] | None = None,
    langs: Mapping[str, str] | None = None,
    profile: Sequence[str] | None = None,
) -> Review:
    """Check several texts; ``langs`` gives a text's language by name (else ``lang``);
    ``profile`` the requirements of the recruitment they belong to (:func:`check_text`)."""
    langs = langs or {}
    return Review(
        findings={
            name: check_text(text, lang=langs.get(name, lang), profile=profile)
            for name, text in texts.items()
            if text
        },
        policy=policy,
        labels=dict(labels or {}),
    )


def blocked_error(findings: Iterable[Finding]) -> str:
    """The form error under a field whose text may not be kept as it is."""
    findings = list(findings)
    described = " ".join(describe(finding) for finding in findings)
    error = _(
        "The language check stops this text: %(findings)s Edit the text, or give a reason to "
        "keep it as it is."
    ) % {"findings": described}
    reminder = special_category_reminder(findings)
    return f"{error} {reminder}" if reminder else error


# The one wording of the reminder, wherever staff see a finding of sensitive personal data:
# the form error, the warning after saving, the API's "detail".
SPECIAL_CATEGORY_REMINDER = gettext_lazy(
    "Health, ethnic origin, religion or other beliefs, political opinions, union membership, "
    "sex life or sexual orientation, and genetic or biometric data are special categories of "
    "personal data (GDPR article 9). They must not be stored in a recruitment: remove them "
    "from the text."
)


def special_category_reminder(findings: Iterable[Finding]) -> str:
    """The reminder of GDPR art. 9 when a finding is of sensitive personal data
    (``special_category``), else "" (in the active language)."""
    if any(finding.category == SPECIAL_CATEGORY for finding in findings):
        return str(SPECIAL_CATEGORY_REMINDER)
    return ""


def record_override(
    found: Review,
    *,
    where: str,
    by: User | None,
    reason: str = "",
    application: Application | None = None,
    subject: str = "",
) -> LanguageOverride | None:
    """Record that a text with ``block`` findings was kept: with the person's reason, or
    because the recruitment's policy only warns. On the application's timeline as well."""
    if not found.blocked:
        return None
    records = found.as_records()
    override = LanguageOverride.objects.create(
        user=by,
        where=where,
        subject=subject[:300],
        application=application,
        policy=found.policy,
        reason=reason,
        findings=records,
    )
    if application is not None:
        timeline_record(
            application=application,
            by=by,
            kind=LANGUAGE_OVERRIDE,
            data={
                "where": where,
                "policy": found.policy,
                "reason": reason,
                "findings": [
                    {"match": r["match"], "category": r["category"], "label": r["label"]}
                    for r in records
                ],
            },
        )
    return override


__all__ = [
    "CATEGORY_LABELS",
    "MAX_TEXT",
    "SPECIAL_CATEGORY",
    "SPECIAL_CATEGORY_REMINDER",
    "Policy",
    "Review",
    "Where",
    "blocked_error",
    "category_label",
    "check_text",
    "describe",
    "reader_language",
    "record_override",
    "requirement_profile",
    "review",
    "special_category_reminder",
]
