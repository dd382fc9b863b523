from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.core.forms import form_field
from aterkoppla.experience.metrics import Period
from aterkoppla.recruitment.models import Recruitment

# The earliest period start anyone asks for; before it, there is nothing.
EARLIEST = dt.date(2000, 1, 1)


class _OneRecruitmentForm(forms.Form):
    """All the recruitments the user may measure, or one of them (another is a form error)."""

    recruitment = forms.ModelChoiceField(
        label=_("Recruitment"),
        queryset=Recruitment.objects.none(),
        required=False,
        empty_label=_("All recruitments"),
    )

    def __init__(self, *args: Any, recruitments: QuerySet[Recruitment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = form_field(self, "recruitment", forms.ModelChoiceField)
        field.queryset = recruitments.order_by("-created_at", "-pk")

    def errors_text(self) -> str:
        """The errors in one line, for a file that cannot be made (CSV, PDF)."""
        return "; ".join(str(error) for errors in self.errors.values() for error in errors)


class MetricsFilterForm(_OneRecruitmentForm):
    """The period (applications received in it) and, optionally, one recruitment."""

    start = forms.DateField(
        label=_("Applications received from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=_("up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    field_order = ["start", "end", "recruitment"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        for name, day in (("start", start), ("end", end)):
            if day is not None and not EARLIEST <= day <= timezone.localdate() + dt.timedelta(
                days=366
            ):
                self.add_error(name, _("Choose a date between 2000 and next year."))
        if start and end and start > end:
            self.add_error("end", _("The end of the period cannot be before its start."))
        return cleaned

    def period(self) -> Period:
        return Period(start=self.cleaned_data.get("start"), end=self.cleaned_data.get("end"))


def default_period(today: dt.date) -> dict[str, str]:
    """The last twelve months, today included."""
    return {"start": (today - dt.timedelta(days=364)).isoformat(), "end": today.isoformat()}


class ActiveMeasuresForm(_OneRecruitmentForm):
    """The year (applications received in it) and, optionally, one recruitment."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())
    field_order = ["year", "recruitment"]

    def __init__(self, *args: Any, recruitments: QuerySet[Recruitment], **kwargs: Any) -> None:
        super().__init__(*args, recruitments=recruitments, **kwargs)
        this_year = timezone.localdate().year
        years = form_field(self, "year", forms.TypedChoiceField)
        years.choices = [(year, str(year)) for year in range(this_year, this_year - 10, -1)]
