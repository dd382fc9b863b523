"""Forms for screening, interviews, scorecards and the merits summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from aterkoppla.accounts.models import User
from aterkoppla.applications.merits import (
    YEAR_MAX,
    YEAR_MIN,
    MeritData,
    merit_errors,
    merits_by_kind,
)
from aterkoppla.applications.models import MERIT_SECTIONS, Application, Merit
from aterkoppla.assessment.models import SCORE_LABELS, Interview, Rating, Screening
from aterkoppla.assessment.services import RatingInput, ScreeningResult
from aterkoppla.core.forms import DateInput, form_field
from aterkoppla.language.forms import LanguageCheckedMixin, checked
from aterkoppla.language.gate import LanguageBlocked
from aterkoppla.language.review import blocked_error
from aterkoppla.recruitment.models import Criterion

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOTE_MAX = 5000


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class ScreeningForm(LanguageCheckedMixin, forms.Form):
    """One row per requirement of the profile in force: result and an optional note."""

    advance_to = forms.ChoiceField(
        label=_("Then"),
        required=False,
        choices=[
            ("", _("Keep the application where it is")),
            (Application.Stage.SCREENING, _("Move to screening")),
            (Application.Stage.INTERVIEW, _("Invite to interview")),
            ("reject", _("Mark for rejection")),
        ],
        help_text=_(
            "Moving on sends the candidate a status update with the promised answer date. "
            "A rejection is decided, and told, on the decision screen."
        ),
    )
    reply_by = forms.DateField(
        label=_("New promised answer date"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty to keep the current date."),
    )
    rejection_reason = checked(
        forms.CharField(
            label=_("Reason for the rejection, for the candidate"),
            required=False,
            max_length=NOTE_MAX,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_(
                "With “Mark for rejection”: a short reason tied to the requirement profile. "
                "The written rejection tells the candidate."
            ),
        )
    )

    def __init__(
        self,
        *args: Any,
        criteria: Sequence[Criterion],
        screenings: dict[int, Screening],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            current = screenings.get(criterion.pk)
            self.fields[f"result_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.name,
                required=False,
                choices=[("", _("Not screened")), *Screening.Result.choices],
                initial=current.result if current else "",
                widget=forms.RadioSelect,
            )
            self.fields[f"note_{criterion.pk}"] = checked(
                forms.CharField(
                    label=_("Note on “%(name)s”") % {"name": criterion.name},
                    required=False,
                    max_length=NOTE_MAX,
                    initial=current.note if current else "",
                    widget=forms.TextInput,
                )
            )
        self.language_setup()

    def rows(self) -> Iterator[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        for criterion in self.criteria:
            yield criterion, self[f"result_{criterion.pk}"], self[f"note_{criterion.pk}"]

    def results(self) -> list[ScreeningResult]:
        return [
            ScreeningResult(
                criterion_id=criterion.pk,
                result=self.cleaned_data[f"result_{criterion.pk}"],
                note=self.cleaned_data[f"note_{criterion.pk}"],
            )
            for criterion in self.criteria
            if self.cleaned_data.get(f"result_{criterion.pk}")
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for criterion in self.criteria:
            if cleaned.get(f"note_{criterion.pk}") and not cleaned.get(f"result_{criterion.pk}"):
                self.add_error(
                    f"result_{criterion.pk}", _("Choose a result for the note to be saved.")
                )
        if cleaned.get("rejection_reason") and cleaned.get("advance_to") != "reject":
            self.add_error(
                "advance_to", _("Choose “Mark for rejection” for the reason to be saved.")
            )
        return cleaned


KIND_ROW_LABELS: dict[str, Any] = {
    Merit.Kind.EDUCATION: _("Education %(n)s"),
    Merit.Kind.EXPERIENCE: _("Work experience %(n)s"),
    Merit.Kind.OTHER: _("Other merit %(n)s"),
}


class MeritRowForm(forms.Form):
    """One merit: what other candidates may be told (role, field, level, length) and what
    only staff see (the organisation and the period)."""

    role = checked(
        forms.CharField(
            label=_("Role"),
            required=False,
            max_length=Merit.TEXT_MAX,
            help_text=_("For example lagerarbetare. No employer, place or years."),
        )
    )
    field = checked(
        forms.CharField(
            label=_("Field"),
            required=False,
            max_length=Merit.TEXT_MAX,
            help_text=_("For example datavetenskap, WMS-system, truckkort A+B."),
        )
    )
    level = forms.ChoiceField(label=_("Level"), required=False)
    years = forms.IntegerField(label=_("Years"), required=False, min_value=0, max_value=80)
    months = forms.IntegerField(label=_("Months"), required=False, min_value=0, max_value=11)
    organisation = forms.CharField(
        label=_("Employer or school"),
        required=False,
        max_length=Merit.TEXT_MAX,
        help_text=_("Only staff see it, with the place if you like."),
    )
    from_year = forms.IntegerField(
        label=_("From year"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )
    to_year = forms.IntegerField(
        label=_("To year"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )
    reviewed = forms.BooleanField(
        label=_("Checked: nothing in the role or field tells who the person is"),
        required=False,
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        levels = Merit.LEVELS[kind]
        blank = _("Employment") if kind == Merit.Kind.EXPERIENCE else _("Not given")
        form_field(self, "level", forms.ChoiceField).choices = [
            ("", blank),
            *[(level, Merit.Level(level).label) for level in levels],
        ]
        if kind != Merit.Kind.EXPERIENCE:
            del self.fields["role"]
        else:
            self.fields["field"].help_text = _(
                "If the role does not say it, for example WMS-system."
            )
        if not self.needs_review:
            del self.fields["reviewed"]

    @property
    def row_label(self) -> str:
        """ "Work experience 2": the form's prefix ends in its index."""
        index = int((self.prefix or "-0").rsplit("-", 1)[1])
        return str(KIND_ROW_LABELS[self.kind]) % {"n": index + 1}

    @property
    def needs_review(self) -> bool:
        return bool(self.initial.get("needs_review"))

    @property
    def source_text(self) -> str:
        return str(self.initial.get("source_text", ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors or (not self.has_changed() and not self.initial):
            return cleaned
        data = self.merit()
        for name, messages in merit_errors(data).items():
            target = name if name in self.fields else None
            for message in messages:
                self.add_error(target, message)
        return cleaned

    def merit(self) -> MeritData:
        data = self.cleaned_data
        held = self.needs_review and not data.get("reviewed")
        return MeritData(
            kind=self.kind,
            role=data.get("role", "") or "",
            field=data.get("field", "") or "",
            level=data.get("level", "") or "",
            years=data.get("years"),
            months=data.get("months"),
            organisation=data.get("organisation", "") or "",
            from_year=data.get("from_year"),
            to_year=data.get("to_year"),
            needs_review=held,
            source_text=self.source_text if held else "",
        )


class BaseMeritFormSet(forms.BaseFormSet):
    def __init__(
        self, data: Any = None, *, kind: str, initial: list[dict[str, Any]] | None = None
    ) -> None:
        self.kind = kind
        super().__init__(data, prefix=kind, initial=initial, form_kwargs={"kind": kind})

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if forms.formsets.DELETION_FIELD_NAME in form.fields:
            form.fields[forms.formsets.DELETION_FIELD_NAME].label = _("Remove this merit")

    @property
    def legend(self) -> str:
        return str(Merit.Kind(self.kind).label)

    def kept_forms(self) -> list[MeritRowForm]:
        """The rows to store, in order: filled in (or already stored) and not removed."""
        rows: list[MeritRowForm] = self.forms
        return [
            form
            for form in rows
            if (form.initial or form.has_changed())
            and not (self.can_delete and form.cleaned_data.get(forms.formsets.DELETION_FIELD_NAME))
        ]


MeritFormSet = cast(
    type[BaseMeritFormSet],
    forms.formset_factory(
        MeritRowForm,
        formset=BaseMeritFormSet,
        extra=2,
        can_delete=True,
        max_num=30,
        validate_max=True,
    ),
)


class MeritsForm(LanguageCheckedMixin, forms.Form):
    """The merits page: one formset per kind, and the reason to keep a stopped text."""

    def __init__(self, data: Any = None, *, merits: Iterable[Merit] = (), **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        grouped = merits_by_kind(merits)
        self.formsets = [
            MeritFormSet(
                data,
                kind=kind,
                initial=[MeritData.of(merit).as_dict() for merit in grouped[kind]],
            )
            for kind in MERIT_SECTIONS
        ]

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return all([valid, *(formset.is_valid() for formset in self.formsets)])

    def merits(self) -> list[MeritData]:
        return [form.merit() for formset in self.formsets for form in formset.kept_forms()]

    def language_stopped(self, exc: LanguageBlocked) -> None:
        """Each stopped role or field ("experience-0-role") on its row."""
        self._language_stopped = True
        for name, findings in exc.blocking.items():
            kind, index, attr = name.split("-")
            formset = next(f for f in self.formsets if f.kind == kind)
            formset.kept_forms()[int(index)].add_error(attr, blocked_error(findings))

    @property
    def formset_errors(self) -> list[tuple[str, forms.BoundField | None, str]]:
        """Each merit's errors for the summary: its label, the field (if any) and the text."""
        found: list[tuple[str, forms.BoundField | None, str]] = []
        for formset in self.formsets:
            if not formset.is_bound:
                continue
            for error in formset.non_form_errors():
                found.append((formset.legend, None, str(error)))
            for form in formset.forms:
                for name, errors in form.errors.items():
                    field = form[name] if name in form.fields else None
                    found += [(form.row_label, field, str(error)) for error in errors]
        return found

    def has_review(self) -> bool:
        return any(form.needs_review for formset in self.formsets for form in formset.forms)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%H:%M")


class _InterviewFields(forms.Form):
    """What an interview is: when, how long, where, who meets the candidate, what to bring."""

    date = forms.DateField(label=_("Date"), widget=DateInput())
    time = forms.TimeField(label=_("Time"), widget=TimeInput(), help_text=_("Swedish time."))
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"),
        min_value=Interview.MIN_MINUTES,
        max_value=Interview.MAX_MINUTES,
        initial=60,
    )
    location = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=200,
        help_text=_("The address or room. Give a place, a video link or both."),
    )
    video_url = forms.URLField(
        label=_("Video link"), required=False, max_length=500, assume_scheme="https"
    )
    bring = forms.CharField(
        label=_("What to bring (optional)"),
        required=False,
        max_length=500,
        help_text=_(
            "Told to the candidate as you write it, for example “Ta med id-handling och "
            "betyg.” Leave it empty and nothing is said about it."
        ),
    )
    interviewers = forms.ModelMultipleChoiceField(
        label=_("Interviewers"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("From the recruitment's team. Each gets a calendar invitation by email."),
        error_messages={"required": _("Choose at least one interviewer.")},
    )

    def __init__(self, *args: Any, team: Sequence[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        interviewers = form_field(self, "interviewers", forms.ModelMultipleChoiceField)
        interviewers.queryset = User.objects.filter(pk__in=[u.pk for u in team]).order_by(
            "first_name", "last_name", "username"
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not cleaned.get("location") and not cleaned.get("video_url") and not self.errors:
            self.add_error("location", _("Give a place or a video link."))
        return cleaned

    def scheduled_at(self) -> dt.datetime:
        day, time = self.cleaned_data["date"], self.cleaned_data["time"]
        return dt.datetime.combine(day, time, tzinfo=STOCKHOLM)

    @staticmethod
    def initial_from(interview: Interview) -> dict[str, Any]:
        local = interview.scheduled_at.astimezone(STOCKHOLM)
        return {
            "date": local.date(),
            "time": local.time(),
            "duration_minutes": interview.duration_minutes,
            "location": interview.location,
            "video_url": interview.video_url,
            "bring": interview.bring,
            "interviewers": [user.pk for user in interview.interviewers.all()],
        }


class InterviewForm(_InterviewFields):
    BOOK = "book"
    HELD = "held"

    when = forms.ChoiceField(
        label=_("Booked ahead or already held?"),
        choices=[
            (
                BOOK,
                _(
                    "Book an interview still to come: the candidate and the interviewers get "
                    "invitations"
                ),
            ),
            (
                HELD,
                _(
                    "Record an interview already held (a phone interview yesterday, say): it is "
                    "marked held and nothing is sent"
                ),
            ),
        ],
        initial=BOOK,
        # Left out, it is a booking: the form as it was before the choice existed.
        required=False,
        widget=forms.RadioSelect,
    )
    field_order = ["when"]

    @property
    def already_held(self) -> bool:
        return self.cleaned_data.get("when") == self.HELD


REASON_HELP = _("Told to the candidate in the message, and kept on the timeline.")


class InterviewMoveForm(_InterviewFields):
    reason = forms.CharField(
        label=_("Why it changes (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )


class InterviewCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is cancelled (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )


class ScorecardForm(LanguageCheckedMixin, forms.Form):
    impression = checked(
        forms.CharField(
            label=_("Impression"),
            required=False,
            max_length=NOTE_MAX,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("How the candidate came across: what they did and said, not who they are."),
        )
    )
    strengths = checked(
        forms.CharField(
            label=_("Strengths"),
            required=False,
            max_length=NOTE_MAX,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("What they did well. The caller opens the feedback call with these."),
        )
    )
    tips = checked(
        forms.CharField(
            label=_("Tips for the candidate"),
            required=False,
            max_length=NOTE_MAX,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_(
                "What would make their next interview better. The candidate may hear this."
            ),
        )
    )

    def __init__(
        self,
        *args: Any,
        criteria: Sequence[Criterion],
        ratings: dict[int, Rating],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            current = ratings.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", _("Not assessed")), *SCORE_LABELS.items()],
                initial=current.score if current else "",
                widget=forms.RadioSelect,
            )
            self.fields[f"evidence_{criterion.pk}"] = checked(
                forms.CharField(
                    label=_("Evidence for “%(name)s”") % {"name": criterion.name},
                    required=False,
                    max_length=NOTE_MAX,
                    initial=current.evidence if current else "",
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
            )
        self.language_setup()

    def rows(self) -> Iterator[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        for criterion in self.criteria:
            yield criterion, self[f"score_{criterion.pk}"], self[f"evidence_{criterion.pk}"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not any(cleaned.get(f"score_{c.pk}") for c in self.criteria) and not self.errors:
            raise forms.ValidationError(_("Score at least one requirement."))
        for criterion in self.criteria:
            if cleaned.get(f"evidence_{criterion.pk}") and not cleaned.get(f"score_{criterion.pk}"):
                self.add_error(
                    f"score_{criterion.pk}", _("Choose a score for the evidence to be saved.")
                )
        return cleaned

    def ratings(self) -> list[RatingInput]:
        return [
            RatingInput(
                criterion_id=criterion.pk,
                score=self.cleaned_data[f"score_{criterion.pk}"],
                evidence=self.cleaned_data[f"evidence_{criterion.pk}"],
            )
            for criterion in self.criteria
            if self.cleaned_data.get(f"score_{criterion.pk}")
        ]
