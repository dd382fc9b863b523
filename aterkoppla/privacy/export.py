"""The candidate's copy of their personal data: the right of access (GDPR art. 15).

``candidate_export`` gathers everything Återkoppla holds about one person across all their
applications, in the reader's language, and leaves out what art. 15(4) keeps from them: the
other applicants (names, contact details, merits, scores) and anything that compares the
candidate with them (the call sheet, the comparison matrix). Staff appear by their role only
("Interviewer 1"), never by name (docs/DECISIONS.md). A note written by staff that names
another applicant of the same recruitment is replaced by a short marker.

The same dictionary is the JSON file, the readable page and the PDF; each export is recorded
on the timeline of every one of the candidate's applications (``candidate_export_record``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count, Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.merits import merit_period, merit_phrase
from aterkoppla.applications.models import (
    Application,
    Candidate,
    Document,
    Merit,
    TalentPoolConsent,
    TalentPoolInvitation,
)
from aterkoppla.assessment.models import Interview, Rating, Scorecard, Screening
from aterkoppla.core.pdf import PdfUnavailable, pdf_from_html
from aterkoppla.decisions.models import CallAttempt, CallTask, DecisionItem, DisclosureRequest
from aterkoppla.experience.models import SurveyResponse
from aterkoppla.lib.call_sheet.person import names_anyone
from aterkoppla.lib.links import redact_links
from aterkoppla.messaging.models import CANDIDATE_KINDS, Message
from aterkoppla.messaging.selectors import application_messages
from aterkoppla.organisation.models import Organisation
from aterkoppla.privacy.events import DATA_EXPORTED
from aterkoppla.recruitment.models import Language
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.registry import UnknownKind, kind_get
from aterkoppla.timeline.selectors import timeline_for
from aterkoppla.timeline.services import timeline_event, timeline_record_many

if TYPE_CHECKING:
    from aterkoppla.accounts.models import User

__all__ = [
    "BY_CANDIDATE",
    "BY_STAFF",
    "FORMATS",
    "OMITTED",
    "PdfUnavailable",
    "candidate_export",
    "candidate_export_pdf",
    "candidate_export_record",
]

FORMAT_VERSION = 1
FORMATS = ("page", "json", "pdf")
BY_CANDIDATE = "candidate"
BY_STAFF = "staff"

# What stands instead of a note that names another applicant (GDPR art. 15(4)).
OMITTED = _("[left out: names another applicant]")

# The messages that reached the candidate, or are on their way. One stopped by the language
# check, waiting for the contact details or failed never reached them: not what was told.
TOLD = (
    Message.Status.QUEUED,
    Message.Status.SENDING,
    Message.Status.SENT,
    Message.Status.PRINTED,
)


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return timezone.localtime(value) if value is not None else None


def _label(choices: Any, value: str) -> str:
    """The label of ``value`` among ``choices`` (a TextChoices), or the value itself."""
    return str(choices(value).label) if value in choices.values else value


class _Others:
    """The other applicants of each recruitment, to keep staff notes that name them out.

    Their first names, last names, full names, email addresses and phone numbers; a name
    the candidate shares with one of them (two Annas) is left to the full name, so that a
    note about the candidate themselves stays in."""

    def __init__(self, candidate: Candidate, recruitment_ids: Iterable[int]) -> None:
        own = {candidate.first_name.casefold(), candidate.last_name.casefold()}
        names: dict[int, set[str]] = defaultdict(set)
        rows = (
            Application.objects.filter(recruitment_id__in=list(recruitment_ids))
            .exclude(candidate_id=candidate.pk)
            .values_list(
                "recruitment_id",
                "candidate__first_name",
                "candidate__last_name",
                "candidate__email",
                "candidate__phone",
            )
        )
        for recruitment_id, first, last, email, phone in rows:
            found = names[recruitment_id]
            found.update(part for part in (first, last) if part and part.casefold() not in own)
            found.update(part for part in (f"{first} {last}".strip(), email, phone) if part)
        self._names = {key: tuple(value) for key, value in names.items()}

    def named(self, text: str, recruitment_id: int) -> bool:
        """Whether ``text`` names another applicant of the recruitment."""
        names = self._names.get(recruitment_id, ())
        if not text or not names:
            return False
        folded = " ".join(text.split()).casefold()
        # A cheap look first: a recruitment may have thousands of applicants.
        near = tuple(name for name in names if " ".join(name.split()).casefold() in folded)
        return bool(near) and names_anyone(text, near)

    def clean(self, text: str, recruitment_id: int) -> str:
        return str(OMITTED) if self.named(text, recruitment_id) else text


class _Builder:
    """One export: reads each kind of record once for all the candidate's applications."""

    def __init__(self, candidate: Candidate, *, for_candidate: bool = False) -> None:
        self.candidate = candidate
        self.for_candidate = for_candidate
        self.applications = list(
            Application.objects.filter(candidate=candidate)
            .select_related("recruitment")
            .order_by("received_at", "id")
        )
        ids = [application.pk for application in self.applications]
        self.others = _Others(candidate, {a.recruitment_id for a in self.applications})
        self.merits = self._by_application(Merit.objects.filter(application_id__in=ids))
        self.documents = self._by_application(Document.objects.filter(application_id__in=ids))
        self.screenings = self._by_application(
            Screening.objects.filter(application_id__in=ids)
            .select_related("criterion")
            .order_by("criterion__order", "criterion_id")
        )
        self.interviews = self._by_application(
            Interview.objects.filter(application_id__in=ids)
            .annotate(interviewer_count=Count("interviewers"))
            .order_by("scheduled_at", "id")
        )
        ratings = Rating.objects.select_related("criterion").order_by(
            "criterion__order", "criterion_id"
        )
        # Scorecards of all the interviews at once (``assessment.selectors.scorecards_of``
        # reads one interview): the export must not grow in queries with the interviews.
        self.scorecards: dict[int, list[Scorecard]] = defaultdict(list)
        for card in (
            Scorecard.objects.filter(interview__application_id__in=ids)
            .select_related("interview")
            .prefetch_related(Prefetch("ratings", queryset=ratings))
            .order_by("submitted_at", "id")
        ):
            self.scorecards[card.interview.application_id].append(card)
        self.decisions = self._by_application(
            DecisionItem.objects.filter(application_id__in=ids)
            .select_related("decision")
            .prefetch_related("decisive_criteria")
            .order_by("decision__decided_at", "id")
        )
        attempts = CallAttempt.objects.order_by("at", "id")
        self.calls = {
            task.application_id: task
            for task in CallTask.objects.filter(application_id__in=ids).prefetch_related(
                Prefetch("attempts", queryset=attempts)
            )
        }
        self.disclosures = self._by_application(
            DisclosureRequest.objects.filter(application_id__in=ids).order_by("requested_at", "id")
        )
        # The candidate's own answers to the survey: theirs to see, never shown to staff one
        # by one.
        self.surveys = {
            answer.application_id: answer
            for answer in SurveyResponse.objects.filter(application_id__in=ids)
        }
        # Their talent-pool consents with the text they agreed to (GDPR art. 7.1), and the
        # jobs staff invited them to under them.
        self.consents = list(
            TalentPoolConsent.objects.filter(candidate=candidate).order_by("given_at", "pk")
        )
        self.invitations = list(
            TalentPoolInvitation.objects.filter(candidate=candidate)
            .select_related("recruitment")
            .order_by("invited_at", "pk")
        )

    @staticmethod
    def _by_application(rows: Iterable[Any]) -> dict[int, list[Any]]:
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[row.application_id].append(row)
        return grouped

    # --- The candidate ----------------------------------------------------------------

    def candidate_part(self) -> dict[str, Any]:
        candidate = self.candidate
        return {
            "first_name": candidate.first_name,
            "last_name": candidate.last_name,
            "email": candidate.email,
            "phone": candidate.phone,
            "language": candidate.language,
            "language_label": _label(Language, candidate.language),
            "created_at": _local(candidate.created_at),
            "talent_pool": [
                {
                    "given_at": _local(consent.given_at),
                    "expires_at": _local(consent.expires_at),
                    "withdrawn_at": _local(consent.withdrawn_at),
                    "renewed_at": _local(consent.renewed_at),
                    "scope": consent.scope,
                    "text": consent.text,
                    "language": consent.language,
                }
                for consent in self.consents
            ],
            "talent_pool_invitations": [
                {"job": invitation.recruitment.title, "invited_at": _local(invitation.invited_at)}
                for invitation in self.invitations
            ],
        }

    # --- One application --------------------------------------------------------------

    def application_part(self, application: Application) -> dict[str, Any]:
        pk, recruitment_id = application.pk, application.recruitment_id
        interviewer_numbers = self._interviewer_numbers(self.scorecards[pk])
        events = list(timeline_for(application))
        Stage = Application.Stage
        return {
            "id": pk,
            "job": application.recruitment.title,
            "received_at": _local(application.received_at),
            "source": application.source,
            "source_label": _label(Application.Source, application.source),
            "stage": application.stage,
            "stage_label": _label(Stage, application.stage),
            "stage_changed_at": _local(application.stage_changed_at),
            "closed_from_stage": application.closed_from_stage or None,
            "interviewed": application.interviewed,
            "reply_by": application.reply_by if application.is_open else None,
            "final_answer_at": _local(application.final_answer_at),
            "stages": self._stages(events),
            "promises": self._promises(events),
            "merits": [self._merit(merit) for merit in self.merits[pk]],
            "documents": [
                {
                    "kind": document.kind,
                    "kind_label": _label(Document.Kind, document.kind),
                    "file_name": document.original_name,
                    "size": document.size,
                    "uploaded_at": _local(document.uploaded_at),
                }
                for document in self.documents[pk]
            ],
            "screening": [
                {
                    "requirement": screening.criterion.name,
                    "result": screening.result,
                    "result_label": _label(Screening.Result, screening.result),
                    "note": self.others.clean(screening.note, recruitment_id),
                    "screened_at": _local(screening.screened_at),
                }
                for screening in self.screenings[pk]
            ],
            "rejection_reason": self.others.clean(application.rejection_reason, recruitment_id),
            "interviews": [self._interview(interview) for interview in self.interviews[pk]],
            "scorecards": [
                self._scorecard(card, interviewer_numbers, recruitment_id)
                for card in self.scorecards[pk]
            ],
            "decisions": [self._decision(item, recruitment_id) for item in self.decisions[pk]],
            "call": self._call(self.calls.get(pk), recruitment_id),
            "disclosure_requests": [
                {
                    "requested_at": _local(asked.requested_at),
                    "via": asked.via,
                    "via_label": _label(DisclosureRequest.Via, asked.via),
                    "due": asked.due,
                    "status": asked.status,
                    "status_label": _label(DisclosureRequest.Status, asked.status),
                    "answered_at": _local(asked.answered_at),
                }
                for asked in self.disclosures[pk]
            ],
            "survey": self._survey(self.surveys.get(pk)),
            "messages": self._messages(application),
            "timeline": [
                self._event(event, interviewer_numbers, recruitment_id) for event in events
            ],
        }

    @staticmethod
    def _stages(events: list[TimelineEvent]) -> list[dict[str, Any]]:
        return [
            {
                "at": _local(event.at),
                "from_stage": event.data.get("from"),
                "to_stage": event.data.get("to"),
                "to_label": _label(Application.Stage, event.data.get("to", "")),
            }
            for event in events
            if event.kind == "stage_changed"
        ]

    @staticmethod
    def _promises(events: list[TimelineEvent]) -> list[dict[str, Any]]:
        """Each answer date promised, when it was promised (a date repeated at a stage
        change is the same promise)."""
        promises: list[dict[str, Any]] = []
        for event in events:
            promised = event.promised_date()
            if promised is not None and (not promises or promises[-1]["reply_by"] != promised):
                promises.append({"at": _local(event.at), "reply_by": promised})
        return promises

    @staticmethod
    def _merit(merit: Merit) -> dict[str, Any]:
        language = translation.get_language() or Language.SV
        return {
            "kind": merit.kind,
            "kind_label": _label(Merit.Kind, merit.kind),
            "role": merit.role,
            "field": merit.field,
            "level": merit.level,
            "level_label": _label(Merit.Level, merit.level) if merit.level else "",
            "years": merit.years,
            "months": merit.months,
            "organisation": merit.organisation,
            "from_year": merit.from_year,
            "to_year": merit.to_year,
            "period": merit_period(merit),
            "written_as": merit.source_text,
            "text": merit_phrase(merit, language[:2]) if not merit.needs_review else "",
        }

    def _interview(self, interview: Interview) -> dict[str, Any]:
        recruitment_id = self._recruitment_of(interview.application_id)
        count: int = getattr(interview, "interviewer_count", 0)
        return {
            "scheduled_at": _local(interview.scheduled_at),
            "duration_minutes": interview.duration_minutes,
            "place": self.others.clean(interview.location, recruitment_id),
            "video_url": interview.video_url,
            "interviewers": count,
            "interviewers_label": _interviewers(count),
            "held_at": _local(interview.held_at),
            "cancelled_at": _local(interview.cancelled_at),
        }

    def _recruitment_of(self, application_id: int) -> int:
        return next(a.recruitment_id for a in self.applications if a.pk == application_id)

    @staticmethod
    def _interviewer_numbers(cards: list[Scorecard]) -> dict[int, int]:
        """Each interviewer of the application as a number, in the order they scored."""
        numbers: dict[int, int] = {}
        for card in cards:
            numbers.setdefault(card.interviewer_id, len(numbers) + 1)
        return numbers

    def _scorecard(
        self, card: Scorecard, numbers: dict[int, int], recruitment_id: int
    ) -> dict[str, Any]:
        clean = self.others.clean
        return {
            "interviewer": _interviewer(numbers.get(card.interviewer_id)),
            "interview_at": _local(card.interview.scheduled_at),
            "submitted_at": _local(card.submitted_at),
            "changed_at": _local(card.changed_at),
            "ratings": [
                {
                    "requirement": rating.criterion.name,
                    "score": rating.score,
                    "evidence": clean(rating.evidence, recruitment_id),
                }
                for rating in card.ratings.all()
            ],
            "impression": clean(card.impression, recruitment_id),
            "strengths": clean(card.strengths, recruitment_id),
            "tips": clean(card.tips, recruitment_id),
        }

    def _decision(self, item: DecisionItem, recruitment_id: int) -> dict[str, Any]:
        return {
            "decided_at": _local(item.decision.decided_at),
            "result": item.result,
            "result_label": _label(DecisionItem.Result, item.result),
            "channel": item.channel,
            "channel_label": _label(DecisionItem.Channel, item.channel),
            "decisive_requirements": [c.name for c in item.decisive_criteria.all()],
            "explanation": self.others.clean(item.explanation, recruitment_id),
        }

    def _call(self, task: CallTask | None, recruitment_id: int) -> dict[str, Any] | None:
        if task is None:
            return None
        return {
            "due": task.due,
            "status": task.status,
            "status_label": _label(CallTask.Status, task.status),
            "callback_at": _local(task.callback_at),
            "summary_requested": task.summary_requested,
            "talent_pool": task.talent_pool,
            "disclosure_requested": task.disclosure_requested,
            "attempts": [
                {
                    "at": _local(attempt.at),
                    "outcome": attempt.outcome,
                    "outcome_label": _label(CallAttempt.Outcome, attempt.outcome),
                    "notes": self.others.clean(attempt.notes, recruitment_id),
                    "callback_at": _local(attempt.callback_at),
                }
                for attempt in task.attempts.all()
            ],
        }

    def _survey(self, answer: SurveyResponse | None) -> dict[str, Any] | None:
        """The candidate's answer to the survey, in the copy they make themselves. Staff see
        answers only in aggregate, so a copy made by staff says only where to find it."""
        if answer is None:
            return None
        if not self.for_candidate:
            return {"on_own_page": True}
        return {
            "on_own_page": False,
            "answered_at": _local(answer.answered_at),
            "recommend": answer.recommend,
            "clear_reason": answer.clear_reason,
            "clear_reason_label": _label(SurveyResponse.Answer, answer.clear_reason),
            "respectful": answer.respectful,
            "respectful_label": _label(SurveyResponse.Answer, answer.respectful),
            "comment": answer.comment,
        }

    @staticmethod
    def _messages(application: Application) -> list[dict[str, Any]]:
        rows = application_messages(application, oldest_first=True).filter(
            kind__in=CANDIDATE_KINDS, status__in=TOLD
        )
        return [
            {
                "kind": message.kind,
                "kind_label": message.get_kind_display(),
                "channel": message.channel,
                "channel_label": message.get_channel_display(),
                "status": message.status,
                "status_label": message.get_status_display(),
                "created_at": _local(message.created_at),
                "sent_at": _local(message.sent_at),
                "to": message.to_address,
                "language": message.language,
                "subject": message.subject,
                # The key of a link to the candidate page stays out: a copy may be passed on.
                "body_text": redact_links(message.body_text),
            }
            for message in rows
        ]

    def _event(
        self, event: TimelineEvent, numbers: dict[int, int], recruitment_id: int
    ) -> dict[str, Any]:
        data = _staff_as_roles(event.data, self.scorecards[event.application_id or 0], numbers)
        try:
            summary = kind_get(event.kind).summarise(data)
        except UnknownKind:
            summary = event.kind
        return {
            "at": _local(event.at),
            "kind": event.kind,
            "label": event.label(),
            "summary": self.others.clean(summary, recruitment_id),
            "actor": event.actor,
            "actor_label": event.get_actor_display(),
        }


def _interviewer(number: int | None) -> str:
    if number is None:
        return gettext("An interviewer")
    return gettext("Interviewer %(number)s") % {"number": number}


def _interviewers(count: int) -> str:
    return ngettext("%(count)s interviewer", "%(count)s interviewers", count) % {"count": count}


def _staff_as_roles(
    data: Mapping[str, Any], cards: list[Scorecard], numbers: dict[int, int]
) -> dict[str, Any]:
    """An event's data with the staff's names replaced by their roles, before it is worded.

    The interviewers of a booking become how many they were; the interviewer of a scorecard
    becomes the number their scorecards have in the export."""
    data = dict(data)
    if isinstance(data.get("interviewers"), list):
        data["interviewers"] = [_interviewers(len(data["interviewers"]))]
    if "interviewer" in data:
        card = next((c for c in cards if c.pk == data.get("scorecard")), None)
        data["interviewer"] = _interviewer(numbers.get(card.interviewer_id) if card else None)
    return data


def candidate_export(
    candidate: Candidate, *, language: str | None = None, for_candidate: bool = False
) -> dict[str, Any]:
    """Everything about ``candidate`` across all their applications, in ``language`` (their
    own by default): what GDPR art. 15 gives them a copy of.

    ``for_candidate``: made by the candidate on their own page, with their answers to the
    survey. A copy staff make for them leaves the answers out and says where they are: staff
    never see one candidate's answers (docs/DECISIONS.md).

    Dates and times are Python values (in Europe/Stockholm): the JSON file writes them in ISO
    8601, the page and the PDF in words. Other applicants are never in it (art. 15(4)).
    """
    language = language if language in Language.values else candidate.language
    with translation.override(language):
        builder = _Builder(candidate, for_candidate=for_candidate)
        organisation = Organisation.current()
        return {
            "format": "aterkoppla.candidate_export",
            "version": FORMAT_VERSION,
            "made_at": timezone.localtime(),
            "language": language,
            "controller": {
                "name": organisation.name,
                "email": organisation.contact_email,
            },
            "privacy_notice": organisation.privacy_notice(language),
            "candidate": builder.candidate_part(),
            "applications": [builder.application_part(a) for a in builder.applications],
        }


@transaction.atomic
def candidate_export_record(
    *, candidate: Candidate, by: User | None, export_format: str
) -> list[TimelineEvent]:
    """Record an export on the timeline of each of the candidate's applications: by the
    candidate themselves (``by`` None) or by a staff member on their behalf."""
    if export_format not in FORMATS:
        raise ValueError(f"unknown export format {export_format!r}")
    data = {"by": BY_STAFF if by is not None else BY_CANDIDATE, "format": export_format}
    actor = TimelineEvent.Actor.USER if by is not None else TimelineEvent.Actor.CANDIDATE
    ids = Application.objects.filter(candidate=candidate).values_list("pk", flat=True)
    now = timezone.now()
    return timeline_record_many(
        timeline_event(kind=DATA_EXPORTED, application_id=pk, by=by, actor=actor, data=data, at=now)
        for pk in ids
    )


def candidate_export_pdf(export: Mapping[str, Any]) -> bytes:
    """The export as a PDF (WeasyPrint), in the export's language.

    ``PdfUnavailable`` when PDFs cannot be made on this server."""
    with translation.override(export["language"]):
        html = render_to_string(
            "privacy/export_pdf.html", {"export": export, "LANGUAGE_CODE": export["language"]}
        )
    return pdf_from_html(html)
