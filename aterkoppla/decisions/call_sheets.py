"""Compose a call sheet from what the database holds (DESIGN §5).

``aterkoppla.lib.call_sheet`` writes the sheet from plain facts; this module gathers them: the
profile, this candidate's screening and scores, the hired person's scores and merits (never
their name), and the decision. It also hands the composer its wording: Django's ``gettext``
in the candidate's language for what is said to them, in the reader's for the reminders.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import mean

from django.utils import formats, translation
from django.utils.translation import gettext

from aterkoppla.applications.merits import merits_phrases
from aterkoppla.applications.models import Application
from aterkoppla.assessment.models import Rating, Scorecard, Screening
from aterkoppla.decisions.models import DecisionItem
from aterkoppla.language.review import reader_language
from aterkoppla.lib.call_sheet import (
    OUTCOME_CHOSEN,
    OUTCOME_NONE,
    OUTCOME_PENDING,
    CallSheet,
    CallSheetFacts,
    CriterionFacts,
    Translate,
    compose,
)
from aterkoppla.lib.phone import display as phone_display
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Criterion

# A score at or below this marks a weakness whose evidence a tip may rest on.
WEAK_SCORE = 2


def _scores_by_criterion(applications: list[int]) -> dict[int, list[int]]:
    scores: dict[int, list[int]] = defaultdict(list)
    rows = Rating.objects.filter(scorecard__interview__application_id__in=applications)
    for criterion_id, score in rows.values_list("criterion_id", "score"):
        scores[criterion_id].append(score)
    return scores


def withheld_details(hired: list[Application]) -> tuple[str, ...]:
    """What would identify the people chosen, never to be said to anyone else: their names,
    and the employers, schools and years of their merits. A staff text holding one of them
    (an explanation "hon kommer från Nordlager i Borås sedan 2019") is not read out."""
    details: list[str] = []
    for other in hired:
        details += [other.candidate.first_name, other.candidate.last_name]
        for merit in other.merits.all():
            details.append(merit.organisation)
            details += [str(year) for year in (merit.from_year, merit.to_year) if year]
    return tuple(dict.fromkeys(detail.strip() for detail in details if detail.strip()))


def latest_item(application: Application) -> DecisionItem | None:
    return (
        DecisionItem.objects.filter(application=application)
        .select_related("decision")
        .prefetch_related("decisive_criteria")
        .first()
    )


def hired_applications(application: Application) -> list[Application]:
    """Who got the job in the same recruitment (the people the answers compare with)."""
    return list(
        Application.objects.filter(
            recruitment_id=application.recruitment_id, stage=Application.Stage.HIRED
        )
        .exclude(pk=application.pk)
        .select_related("candidate")
        .prefetch_related("merits")
    )


def facts_for(application: Application, item: DecisionItem | None = None) -> CallSheetFacts:
    item = item if item is not None else latest_item(application)
    candidate = application.candidate
    language = candidate.language
    hired = hired_applications(application)
    own_scores = _scores_by_criterion([application.pk])
    hired_scores = _scores_by_criterion([a.pk for a in hired]) if hired else {}
    evidence: dict[int, list[str]] = defaultdict(list)
    weak_evidence: dict[int, list[str]] = defaultdict(list)
    for criterion_id, text, score in Rating.objects.filter(
        scorecard__interview__application=application
    ).values_list("criterion_id", "evidence", "score"):
        if text.strip():
            evidence[criterion_id].append(text.strip())
            if score <= WEAK_SCORE:
                weak_evidence[criterion_id].append(text.strip())
    screenings = {s.criterion_id: s for s in Screening.objects.filter(application=application)}
    cards = list(Scorecard.objects.filter(interview__application=application).order_by("id"))
    criteria = []
    for criterion in Criterion.objects.filter(recruitment_id=application.recruitment_id):
        screening = screenings.get(criterion.pk)
        hired_list = hired_scores.get(criterion.pk)
        criteria.append(
            CriterionFacts(
                id=criterion.pk,
                name=criterion.name,
                kind=criterion.kind,
                weight=criterion.weight,
                description=criterion.description,
                category=criterion.category,
                job_task=criterion.job_task,
                screening=screening.result if screening else "",
                screening_note=screening.note if screening else "",
                scores=tuple(own_scores.get(criterion.pk, ())),
                evidence=tuple(evidence.get(criterion.pk, ())),
                hired_mean=mean(hired_list) if hired_list else None,
                weak_evidence=tuple(weak_evidence.get(criterion.pk, ())),
            )
        )
    # Kind, level and length only: never the employer, school, place or years, from which
    # colleagues could tell who got the job; merits waiting for review are left out.
    hired_merits = tuple(phrase for other in hired for phrase in merits_phrases(other, language))
    with translation.override(language):
        decided = formats.date_format(
            item.decision.decided_at if item else application.stage_changed_at, "j F Y"
        )
    return CallSheetFacts(
        language=language,
        candidate_name=candidate.full_name,
        first_name=candidate.first_name,
        phone=phone_display(candidate.phone) if candidate.phone else "",
        phone_uri=f"tel:{candidate.phone}" if candidate.phone else "",
        job_title=application.recruitment.title,
        organisation=Organisation.current().name,
        decision_date=decided,
        criteria=tuple(criteria),
        decisive_ids=tuple(c.pk for c in item.decisive_criteria.all()) if item else (),
        explanation=item.explanation if item else "",
        impressions=tuple(c.impression for c in cards if c.impression.strip()),
        strengths=tuple(c.strengths for c in cards if c.strengths.strip()),
        tips=tuple(c.tips for c in cards if c.tips.strip()),
        hired_merits=hired_merits,
        hired_count=len(hired),
        withheld_names=withheld_details(hired),
        outcome=_outcome(hired, item),
        staff_language=application.recruitment.language,
        # The survey link follows the call by email (the summary, or a message of its own:
        # ``services._reached``); a candidate without an address is not promised it.
        survey=bool(candidate.email),
    )


def _outcome(hired: list[Application], item: DecisionItem | None) -> str:
    return feedback_outcome(
        anyone_hired=bool(hired), no_hire=item is not None and item.decision.no_hire
    )


def feedback_outcome(*, anyone_hired: bool, no_hire: bool) -> str:
    """What a rejected candidate may be told of who got the job: someone ("chosen"), nobody
    yet while others go on ("pending"), or nobody, the recruitment being cancelled or
    advertised again ("none"). Only "chosen" lets a text say "the person we chose"."""
    if anyone_hired:
        return OUTCOME_CHOSEN
    return OUTCOME_NONE if no_hire else OUTCOME_PENDING


def _translator(language: str) -> Translate:
    """A phrase from the catalogue in ``language``, whatever language is active."""

    def translate(message: str) -> str:
        with translation.override(language):
            return gettext(message)

    return translate


def _compose_sheet(facts: CallSheetFacts, reader: str) -> CallSheet:
    return compose(
        facts,
        reader_language=reader,
        translate_candidate=_translator(facts.language),
        translate_reader=_translator(reader),
    )


def call_sheet_for(application: Application, item: DecisionItem | None = None) -> CallSheet:
    return _compose_sheet(facts_for(application, item), reader_language())


def written_summary(application: Application, item: DecisionItem | None = None) -> dict[str, str]:
    """What a message after a call needs (``summary`` and ``outcome``): the written summary in
    the candidate's language, a letter with the decision, the strengths, what decided it and
    tips for next time (never the phone script), made of what may be said to the candidate;
    and who got the job, for the sentences around it."""
    sheet = _compose_sheet(facts_for(application, item), application.candidate.language)
    return {"summary": sheet.summary, "outcome": sheet.outcome}
