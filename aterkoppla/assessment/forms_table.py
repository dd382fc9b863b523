"""Forms of the fast screening table: one small form per row, one for the page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.models import Application
from aterkoppla.assessment.models import Screening
from aterkoppla.assessment.services import ScreeningResult
from aterkoppla.core.forms import DateInput
from aterkoppla.recruitment.models import Criterion

if TYPE_CHECKING:
    from django.utils.functional import Promise

Stage = Application.Stage
NOT_SCREENED = ("", "–")


class Action(models.TextChoices):
    KEEP = "keep", _("Keep")
    SCREENING = "screening", _("Move to screening")
    INTERVIEW = "interview", _("Move to interview")
    REJECT = "reject", _("Mark for rejection")
    UNMARK = "unmark", _("Undo the rejection mark")


@dataclass(frozen=True)
class RowChange:
    results: list[ScreeningResult]
    advance_to: str | None
    mark_for_rejection: bool | None


class TablePageForm(forms.Form):
    reply_by = forms.DateField(
        label=_("New promised answer date"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "For the applications you move on. Needed when an application's promised date "
            "has passed; the candidate is told the new date."
        ),
    )


class ScreeningRowForm(forms.Form):
    """One application's must screenings and what to do with it next."""

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        application: Application,
        criteria: Sequence[Criterion],
    ) -> None:
        self.application = application
        self.criteria = list(criteria)
        # Prefetched by the view: no query per row.
        self.existing = {s.criterion_id: s for s in application.screenings.all()}
        initial: dict[str, str] = {
            f"c{c.pk}": self.existing[c.pk].result for c in self.criteria if c.pk in self.existing
        }
        initial["action"] = Action.KEEP
        super().__init__(data, prefix=f"a{application.pk}", initial=initial)
        name = application.candidate.full_name
        for criterion in self.criteria:
            choices: list[tuple[str, str | Promise]] = list(Screening.Result.choices)
            if criterion.pk not in self.existing:
                # A screening can be changed but not taken back.
                choices.insert(0, NOT_SCREENED)
            self.fields[f"c{criterion.pk}"] = forms.ChoiceField(
                label=criterion.name,
                choices=choices,
                required=False,
                widget=forms.Select(attrs={"aria-label": f"{criterion.name}: {name}"}),
            )
        self.fields["action"] = forms.ChoiceField(
            label=_("Next step"),
            choices=self._actions(),
            widget=forms.Select(attrs={"aria-label": _("Next step for %(name)s") % {"name": name}}),
        )

    def _actions(self) -> list[tuple[str, str | Promise]]:
        stage = self.application.stage
        allowed = [Action.KEEP]
        if stage == Stage.RECEIVED:
            allowed.append(Action.SCREENING)
        if stage in {Stage.RECEIVED, Stage.SCREENING}:
            allowed.append(Action.INTERVIEW)
        allowed.append(Action.UNMARK if self.application.marked_for_rejection else Action.REJECT)
        return [(a.value, a.label) for a in allowed]

    def criterion_fields(self) -> list[forms.BoundField]:
        return [self[f"c{c.pk}"] for c in self.criteria]

    def first_field_id(self) -> str:
        fields = self.criterion_fields()
        return (fields[0] if fields else self["action"]).id_for_label

    def change(self) -> RowChange | None:
        """What the row asks for, or None when nothing differs from what is recorded."""
        results = []
        for criterion in self.criteria:
            value = self.cleaned_data[f"c{criterion.pk}"]
            before = self.existing.get(criterion.pk)
            if not value or (before and before.result == value):
                continue
            # The note written on the application's own screening page stays.
            results.append(ScreeningResult(criterion.pk, value, before.note if before else ""))
        action = self.cleaned_data["action"]
        advance_to = action if action in {Action.SCREENING, Action.INTERVIEW} else None
        mark = {Action.REJECT: True, Action.UNMARK: False}.get(action)
        if not results and advance_to is None and mark is None:
            return None
        return RowChange(results=results, advance_to=advance_to, mark_for_rejection=mark)
