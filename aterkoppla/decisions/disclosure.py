"""The written information under diskrimineringslagen 2 kap. 4 §, as the candidate reads it.

The law owes an applicant who was not hired the education, work experience and other
particular merits of the person hired and of those called to interview: facts, not
assessments. Each person's merits are said as the call sheet says them (kind, level and
length; ``applications.merits.merit_phrase``), never with a name, contact details, an
employer, a school, a place or a year, and the people are listed in an order that says
nothing about who they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext

from aterkoppla.applications.merits import merit_phrase
from aterkoppla.applications.models import Application
from aterkoppla.decisions.models import DisclosureRequest


@dataclass(frozen=True)
class PersonMerits:
    education: tuple[str, ...]
    experience: tuple[str, ...]
    other: tuple[str, ...]

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "education": list(self.education),
            "experience": list(self.experience),
            "other": list(self.other),
        }


@dataclass(frozen=True)
class LetterPerson:
    """One person as the letter lists them: a label ("Person 2", or "" when the section holds
    one person) and (what, said) lines: education, work experience, other merits."""

    label: str
    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class LetterSection:
    """ "Den som anställdes" or "Kallade till intervju (n)", with the people under it."""

    heading: str
    people: tuple[LetterPerson, ...]


@dataclass(frozen=True)
class DisclosureLetter:
    language: str
    hired: tuple[PersonMerits, ...]
    interviewed: tuple[PersonMerits, ...]
    sections: tuple[LetterSection, ...]
    text: str

    def to_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "hired": [person.to_dict() for person in self.hired],
            "interviewed": [person.to_dict() for person in self.interviewed],
            "text": self.text,
        }


def _merits_of(application: Application, language: str) -> PersonMerits:
    by_kind: dict[str, list[str]] = {"education": [], "experience": [], "other": []}
    for merit in application.merits.all():
        if not merit.needs_review:
            by_kind.setdefault(merit.kind, []).append(merit_phrase(merit, language))
    return PersonMerits(
        education=tuple(sorted(by_kind["education"])),
        experience=tuple(sorted(by_kind["experience"])),
        other=tuple(sorted(by_kind["other"])),
    )


def _section(heading: str, people: list[PersonMerits]) -> LetterSection:
    many = len(people) > 1
    return LetterSection(
        heading=heading,
        people=tuple(
            LetterPerson(
                label=gettext("Person %(n)s") % {"n": number} if many else "",
                lines=tuple(
                    (label, ", ".join(phrases) if phrases else gettext("none stated"))
                    for label, phrases in (
                        (gettext("Education"), person.education),
                        (gettext("Work experience"), person.experience),
                        (gettext("Other merits"), person.other),
                    )
                ),
            )
            for number, person in enumerate(people, start=1)
        ),
    )


def _text(sections: list[LetterSection]) -> str:
    """The sections as the email says them: a heading, then each person's lines."""
    if not sections:
        return gettext("Nobody else was called to interview for this position.")
    parts = []
    for section in sections:
        lines = [f"{section.heading}:"]
        for person in section.people:
            if person.label:
                lines.append(f"{person.label}:")
            lines.extend(f"– {label}: {said}" for label, said in person.lines)
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def disclosure_letter(request: DisclosureRequest) -> DisclosureLetter:
    """The letter answering ``request``, in the requester's language, in the sections
    DESIGN §7 names: "Den som anställdes" and "Kallade till intervju (n)"."""
    requester = request.application
    language = requester.candidate.language
    people = list(
        Application.objects.filter(recruitment_id=requester.recruitment_id)
        .filter(Application.invited_to_interview_q())
        .exclude(pk=requester.pk)
        .prefetch_related("merits")
    )
    with translation.override(language):
        hired = [_merits_of(a, language) for a in people if a.stage == Application.Stage.HIRED]
        others = [_merits_of(a, language) for a in people if a.stage != Application.Stage.HIRED]
        # An order that tells nothing about the people: by what is said of them.
        hired.sort(key=lambda p: (p.education, p.experience, p.other))
        others.sort(key=lambda p: (p.education, p.experience, p.other))
        sections = []
        if hired:
            heading = (
                gettext("The person hired")
                if len(hired) == 1
                else gettext("The people hired (%(n)s)") % {"n": len(hired)}
            )
            sections.append(_section(heading, hired))
        if others:
            heading = gettext("Called to interview (%(n)s)") % {"n": len(others)}
            sections.append(_section(heading, others))
        text = _text(sections)
    return DisclosureLetter(
        language=language,
        hired=tuple(hired),
        interviewed=tuple(others),
        sections=tuple(sections),
        text=text,
    )
