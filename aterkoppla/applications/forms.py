from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.models import Application
from aterkoppla.core.forms import DateInput, PhoneField, form_field
from aterkoppla.core.validators import validate_person_name
from aterkoppla.recruitment.models import Criterion, Language

_ONE_PER_LINE = _("One per line.")


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class ApplicationAddForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"), max_length=100, validators=[validate_person_name]
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=100, validators=[validate_person_name]
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Without an email address, answers are sent as letters."),
    )
    phone = PhoneField(label=_("Phone"), required=False)
    language = forms.ChoiceField(label=_("Preferred language"), choices=Language.choices)
    education = forms.CharField(
        label=_("Education"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_ONE_PER_LINE,
    )
    experience = forms.CharField(
        label=_("Work experience"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_ONE_PER_LINE,
    )
    other = forms.CharField(
        label=_("Other merits"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_ONE_PER_LINE,
    )

    def merits(self) -> dict[str, list[str]]:
        return {key: _lines(self.cleaned_data[key]) for key in ("education", "experience", "other")}


class MoveForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Move to"))
    reply_by = forms.DateField(
        label=_("New promised answer date"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty to keep the current date."),
    )

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rejections are decided on the decision page, which owes the candidate feedback.
        form_field(self, "to_stage", forms.ChoiceField).choices = [
            (stage, Application.Stage(stage).label)
            for stage in application.allowed_next_stages()
            if stage != Application.Stage.REJECTED
        ]


class TalentPoolSearchForm(forms.Form):
    """Finding people in the talent pool: by a requirement they met, its category, and words."""

    requirement = forms.CharField(
        label=_("Requirement met"),
        required=False,
        max_length=200,
        help_text=_("Words of a requirement they met at screening or scored 4 or 5 on."),
    )
    category = forms.ChoiceField(
        label=_("Kind of requirement met"),
        required=False,
        choices=[("", _("Any")), *Criterion.Category.choices],
    )
    text = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Name, the jobs they want to hear about, merits or jobs they applied for."),
    )


class TalentPoolInviteForm(forms.Form):
    recruitment = forms.IntegerField(
        label=_("Recruitment"),
        min_value=1,
        error_messages={
            "required": _("Choose the recruitment to invite them to."),
            "invalid": _("Choose the recruitment to invite them to."),
            "min_value": _("Choose the recruitment to invite them to."),
        },
    )
