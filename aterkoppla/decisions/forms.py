"""The decision screen and the call log, as forms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.feedback import Channel, rejection_channel
from aterkoppla.applications.models import Application
from aterkoppla.core.forms import DateInput
from aterkoppla.decisions.models import CallAttempt, DisclosureRequest
from aterkoppla.decisions.services import RejectionInput
from aterkoppla.language.forms import LanguageCheckedMixin, checked
from aterkoppla.language.gate import require_readers_language
from aterkoppla.recruitment.models import Criterion, Language

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TEXT_MAX = 5000

HIRED, RESERVE, REJECTED = "hired", "reserve", "rejected"
OTHERS_KEEP, OTHERS_MARKED, OTHERS_ALL = "keep", "marked", "all"


@dataclass
class Row:
    application: Application
    outcome: forms.BoundField
    decisive: forms.BoundField
    explanation: forms.BoundField
    warnings: list[str]


class DecisionForm(LanguageCheckedMixin, forms.Form):
    """One row per candidate invited to interview; one choice for everyone else still open.

    A row's rejection is a feedback call when an interview was held with the candidate
    (``applications.feedback``), and then needs decisive requirements and an explanation;
    otherwise it is a written answer.
    """

    others = forms.ChoiceField(
        label=_("Everyone else still open (not interviewed)"),
        choices=[
            (OTHERS_KEEP, _("Leave them open for now")),
            (OTHERS_MARKED, _("Reject those marked for rejection, with a written answer")),
            (OTHERS_ALL, _("Reject all of them, with a written answer")),
        ],
        initial=OTHERS_KEEP,
        widget=forms.RadioSelect,
    )
    reserve_until = forms.DateField(
        label=_("Reserves hear from us again by"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty to keep each reserve's promised date."),
    )
    no_hire = forms.BooleanField(
        label=_("Nobody is hired: the recruitment is cancelled or advertised again"),
        required=False,
        help_text=_(
            "Then no message or call sheet says that another candidate was chosen or compares "
            "with the person chosen."
        ),
    )

    def __init__(
        self,
        *args: Any,
        interviewed: Sequence[Application],
        criteria: Sequence[Criterion],
        warnings: dict[int, list[str]],
        other_languages: Collection[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.interviewed = list(interviewed)
        self.warnings = warnings
        # The reason for everyone else, once in each language they read: a candidate never
        # gets a reason in another language than their own.
        self.other_languages = [code for code, _name in Language.choices if code in other_languages]
        for code in self.other_languages or [Language.SV.value]:
            several = len(self.other_languages) > 1
            self.fields[f"others_reason_{code}"] = checked(
                forms.CharField(
                    label=(
                        _("Reason in Swedish, for those who read Swedish")
                        if code == Language.SV
                        else _("Reason in English, for those who read English")
                    )
                    if several
                    else (
                        _("Reason for those without one of their own")
                        if code == Language.SV
                        else _("Reason for those without one of their own (in English)")
                    ),
                    required=False,
                    max_length=TEXT_MAX,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    help_text=_(
                        "Optional. Tie it to the requirement profile; it goes into each letter "
                        "that has no reason written at screening."
                    ),
                )
            )
        choices = [(c.pk, c.name) for c in criteria]
        for application in self.interviewed:
            pk = application.pk
            called = rejection_channel(application) == Channel.CALL
            self.fields[f"outcome_{pk}"] = forms.ChoiceField(
                label=_("Outcome for %(name)s") % {"name": application.candidate.full_name},
                required=False,
                choices=[
                    ("", _("Not decided yet")),
                    (HIRED, _("Hire")),
                    (RESERVE, _("Reserve")),
                    (
                        REJECTED,
                        _("Reject (a feedback call)")
                        if called
                        else _("Reject (a written answer: no interview was held)"),
                    ),
                ],
            )
            self.fields[f"decisive_{pk}"] = forms.TypedMultipleChoiceField(
                label=_("Decisive requirements"),
                required=False,
                coerce=int,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
            )
            self.fields[f"explanation_{pk}"] = checked(
                forms.CharField(
                    label=_("Explanation for the call")
                    if called
                    else _("Reason for the written answer"),
                    required=False,
                    max_length=TEXT_MAX,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            )
        self.language_setup()

    def rows(self) -> Iterator[Row]:
        for application in self.interviewed:
            pk = application.pk
            yield Row(
                application,
                self[f"outcome_{pk}"],
                self[f"decisive_{pk}"],
                self[f"explanation_{pk}"],
                self.warnings.get(pk, []),
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for code in self.other_languages:
            self._check_language(f"others_reason_{code}", code)
        for application in self.interviewed:
            pk = application.pk
            if cleaned.get(f"outcome_{pk}") != REJECTED:
                continue
            self._check_language(f"explanation_{pk}", application.candidate.language)
            if rejection_channel(application) != Channel.CALL:
                continue
            if not cleaned.get(f"decisive_{pk}"):
                self.add_error(
                    f"decisive_{pk}",
                    _("Name at least one requirement that decided it: the call rests on it."),
                )
            if not (cleaned.get(f"explanation_{pk}") or "").strip():
                self.add_error(
                    f"explanation_{pk}",
                    _("Explain the decision in a few sentences: the caller will say it."),
                )
        return cleaned

    def _check_language(self, name: str, language: str) -> None:
        """A text that clearly reads as another language than its readers' is refused."""
        try:
            require_readers_language(self.cleaned_data.get(name) or "", language, field=name)
        except ValidationError as error:
            self.add_error(None, error)

    def language_field_for(self, name: str) -> str | None:
        """The service names an explanation ``explanation:<application id>``."""
        pk = int(name.rpartition(":")[2]) if name.startswith("explanation:") else None
        if any(a.pk == pk for a in self.interviewed):
            return f"explanation_{pk}"
        return next(name for name in self.fields if name.startswith("others_reason_"))

    def others_reasons(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("others_reason_")]

    def chosen(self, result: str) -> list[int]:
        return [
            a.pk for a in self.interviewed if self.cleaned_data.get(f"outcome_{a.pk}") == result
        ]

    def rejections(self, others: Sequence[tuple[int, str]]) -> list[RejectionInput]:
        """The rejections named on the screen; ``others`` are (application id, language)."""
        interviewed = [
            RejectionInput(
                a.pk,
                tuple(self.cleaned_data[f"decisive_{a.pk}"]),
                self.cleaned_data[f"explanation_{a.pk}"],
            )
            for a in self.interviewed
            if self.cleaned_data.get(f"outcome_{a.pk}") == REJECTED
        ]
        reasons = {
            code: self.cleaned_data.get(f"others_reason_{code}", "")
            for code in self.other_languages
        }
        return interviewed + [RejectionInput(pk, (), reasons.get(code, "")) for pk, code in others]

    def is_empty(self) -> bool:
        return (
            not any(self.cleaned_data.get(f"outcome_{a.pk}") for a in self.interviewed)
            and self.cleaned_data.get("others") == OTHERS_KEEP
        )


class DisclosureForm(forms.Form):
    """A request for the written information, received by staff on the candidate's behalf."""

    via = forms.ChoiceField(
        label=_("How did the candidate ask?"),
        choices=[
            (DisclosureRequest.Via.PHONE, DisclosureRequest.Via.PHONE.label),
            (DisclosureRequest.Via.EMAIL, DisclosureRequest.Via.EMAIL.label),
            (DisclosureRequest.Via.LETTER, DisclosureRequest.Via.LETTER.label),
        ],
    )


class AttemptForm(LanguageCheckedMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("How did the call go?"),
        choices=CallAttempt.Outcome.choices,
        widget=forms.RadioSelect,
    )
    callback_date = forms.DateField(label=_("Call back on"), required=False, widget=DateInput())
    callback_time = forms.TimeField(
        label=_("at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Swedish time. You get a calendar reminder for it."),
    )
    notes = checked(
        forms.CharField(
            label=_("What was said and asked"),
            required=False,
            max_length=TEXT_MAX,
            widget=forms.Textarea(attrs={"rows": 5}),
            help_text=_(
                "Facts about the call, in neutral words: the candidate may ask to see them."
            ),
        )
    )
    summary_requested = forms.BooleanField(
        label=_("The candidate wants a written summary"), required=False
    )
    talent_pool = forms.BooleanField(
        label=_("Interested in hearing about future jobs"),
        required=False,
        help_text=_(
            "They get a link to join the talent pool themselves: what they say in the call is "
            "no consent."
        ),
    )
    disclosure_requested = forms.BooleanField(
        label=_(
            "Asked for written information about the merits of the person chosen "
            "(diskrimineringslagen 2 kap. 4 §)"
        ),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        callback = cleaned.get("outcome") == CallAttempt.Outcome.CALLBACK
        if callback and not (cleaned.get("callback_date") and cleaned.get("callback_time")):
            self.add_error("callback_date", _("Give the day and time to call back."))
        return cleaned

    def callback_at(self) -> dt.datetime | None:
        day, time = self.cleaned_data.get("callback_date"), self.cleaned_data.get("callback_time")
        if self.cleaned_data.get("outcome") != CallAttempt.Outcome.CALLBACK or not day or not time:
            return None
        return dt.datetime.combine(day, time, tzinfo=STOCKHOLM)
