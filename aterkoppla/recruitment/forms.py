from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from aterkoppla.accounts.models import User
from aterkoppla.core.forms import DateInput, form_field
from aterkoppla.language.forms import OVERRIDE_FIELD, LanguageCheckedMixin, checked
from aterkoppla.language.models import Policy
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
from aterkoppla.recruitment.services import status_choices, status_needs_reason

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

STATUS_REASON = "status_reason"


class RecruitmentForm(LanguageCheckedMixin, forms.ModelForm):
    """The recruitment and its job posting; the posting's texts pass the language check."""

    class Meta:
        model = Recruitment
        fields = [
            "title",
            "description",
            "job_tasks",
            "language",
            "status",
            "location",
            "remote",
            "employment_type",
            "application_deadline",
            "first_reply_by",
            "language_policy",
            "call_notice",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "job_tasks": forms.Textarea(attrs={"rows": 4}),
            "application_deadline": DateInput(),
            "first_reply_by": DateInput(),
        }
        help_texts = {
            "language": _("The language of the job posting and of messages by default."),
        }
        error_messages = {"title": {"required": _("Give the recruitment a title.")}}

    def __init__(self, *args: Any, instance: Recruitment | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("language_policy", instance.language_policy if instance else Policy.BLOCK)
        super().__init__(*args, instance=instance, **kwargs)
        for name in ("description", "job_tasks"):
            checked(self.fields[name])
        self.language_setup()
        # Left out (older clients, the API's forms): the policy stays as it is.
        self.fields["language_policy"].required = False
        self._status_setup(instance)

    def _status_setup(self, instance: Recruitment | None) -> None:
        """Offer only the statuses the rule allows from here; ask why when going back."""
        Status = Recruitment.Status
        current = instance.status if instance is not None else None
        allowed = status_choices(current) if current else [Status.DRAFT, Status.OPEN]
        field = form_field(self, "status", forms.TypedChoiceField)
        field.choices = [(value, Status(value).label) for value in allowed]
        field.error_messages["invalid_choice"] = _(
            "Choose one of the statuses offered. A recruitment is decided by a decision with a "
            "hire, and completed when every applicant has had their final answer."
        )
        field.help_text = _(
            "Open: on the career page and taking applications. Closed: taking no more. "
            "Decided and completed follow the decision and the final answers."
        )
        if current and any(status_needs_reason(current, to) for to in allowed):
            self.fields[STATUS_REASON] = forms.CharField(
                label=_("Reason for the change of status"),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_(
                    "The recruitment is %(status)s. To open or close it again, say why "
                    "(for example: the person hired withdrew). The reason is kept on the "
                    "timeline."
                )
                % {"status": Status(current).label.lower()},
            )

    def clean_language_policy(self) -> str:
        return self.cleaned_data.get("language_policy") or self.language_policy

    def recruitment_data(self) -> dict:
        """The cleaned values for the services, without the override's reason (the status's
        reason stays: :func:`~aterkoppla.recruitment.services.recruitment_update` takes it)."""
        return {k: v for k, v in self.cleaned_data.items() if k != OVERRIDE_FIELD}

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        deadline, reply_by = cleaned.get("application_deadline"), cleaned.get("first_reply_by")
        if deadline and reply_by and reply_by < deadline:
            self.add_error(
                "first_reply_by",
                _("The promised answer date cannot be before the application deadline."),
            )
        return cleaned


class CriterionForm(forms.ModelForm):
    weight = forms.IntegerField(
        label=_("weight"),
        min_value=Criterion.MIN_WEIGHT,
        max_value=Criterion.MAX_WEIGHT,
        initial=3,
        help_text=_("From 1 (least) to 5 (most important)."),
        error_messages={
            "min_value": _("The weight must be between 1 and 5."),
            "max_value": _("The weight must be between 1 and 5."),
            "invalid": _("The weight must be a whole number between 1 and 5."),
        },
    )

    class Meta:
        model = Criterion
        fields = ["name", "kind", "category", "weight", "job_task", "description"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "job_task": forms.TextInput(attrs={"list": "job-tasks"}),
        }
        error_messages = {"name": {"required": _("Name the requirement.")}}

    def __init__(
        self,
        *args: Any,
        recruitment: Recruitment | None = None,
        in_force: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        if recruitment is not None:
            self.instance.recruitment = recruitment
        if in_force:
            self.fields["reason"] = reason_field()

    def changes(self) -> dict[str, object]:
        """The fields the user changed, without the reason for the change."""
        return {
            k: v for k, v in self.cleaned_data.items() if k in self.changed_data and k != "reason"
        }


def reason_field() -> forms.CharField:
    return forms.CharField(
        label=_("Reason for the change"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "The profile is in force since screening started. The reason is shown on every "
            "open application, and the change makes a new version of the profile."
        ),
        error_messages={"required": _("Say why the profile changes.")},
    )


class ReasonForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"] = reason_field()


class BaseCriterionFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        names = [f.cleaned_data["name"].casefold() for f in self.filled_forms()]
        if len(names) != len(set(names)):
            raise forms.ValidationError(_("Two requirements have the same name."))

    def filled_forms(self) -> list[CriterionForm]:
        return [f for f in self.forms if f.has_changed() and f.cleaned_data.get("name")]


# formset_factory makes a subclass of ``formset``; django-stubs types the result as the plain
# BaseFormSet, which would hide ``filled_forms``.
CriterionFormSet = cast(
    type[BaseCriterionFormSet],
    forms.formset_factory(
        CriterionForm, formset=BaseCriterionFormSet, extra=5, max_num=30, validate_max=True
    ),
)


class TeamMemberForm(forms.Form):
    username = forms.CharField(label=_("username"), max_length=150)
    role = forms.ChoiceField(
        label=_("role"),
        choices=[c for c in TeamMembership.Role.choices if c[0] != TeamMembership.Role.OWNER],
    )

    def clean_username(self) -> User:
        username = self.cleaned_data["username"].strip()
        user = User.objects.filter(username__iexact=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("There is no active user with that username."))
        return user


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


def _hold_reason(
    label: StrOrPromise, help_text: StrOrPromise, required: StrOrPromise
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=help_text,
        error_messages={"required": required},
    )


class LegalHoldForm(forms.Form):
    """A site admin puts a hold on a recruitment (``/recruitments/holds/``)."""

    recruitment = forms.ModelChoiceField(
        label=_("Recruitment"),
        queryset=Recruitment.objects.order_by("-created_at"),
        empty_label=_("Choose a recruitment"),
        error_messages={
            "required": _("Choose the recruitment to keep."),
            "invalid_choice": _("Choose one of the recruitments in the list."),
        },
    )
    reason = _hold_reason(
        _("Reason"),
        _(
            "For example: DO has asked for a statement, or a claim has been announced. Kept on "
            "record and on the timeline; name no candidate."
        ),
        _("Say why the hold is set."),
    )


class DisputeForm(forms.Form):
    """The owner or a site admin marks the recruitment as disputed (a hold of its own)."""

    reason = _hold_reason(
        _("What is disputed"),
        _(
            "For example: DO har begärt yttrande. Kept on record and on the timeline; name no "
            "candidate."
        ),
        _("Say what is disputed."),
    )


class LiftHoldForm(forms.Form):
    lift_reason = _hold_reason(
        _("Reason for lifting"),
        _("For example: the dispute is settled and no claim can be brought any more."),
        _("Say why the hold is lifted."),
    )
