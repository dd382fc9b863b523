from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from aterkoppla.accounts.models import User
from aterkoppla.core.forms import DateInput
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership


class RecruitmentForm(forms.ModelForm):
    class Meta:
        model = Recruitment
        fields = [
            "title",
            "description",
            "job_tasks",
            "language",
            "status",
            "application_deadline",
            "first_reply_by",
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

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give the recruitment a title."))
        return title


class CriterionForm(forms.ModelForm):
    weight = forms.IntegerField(
        label=_("weight"),
        min_value=Criterion.MIN_WEIGHT,
        max_value=Criterion.MAX_WEIGHT,
        initial=3,
        help_text=_("From 1 (least) to 5 (most important)."),
    )

    class Meta:
        model = Criterion
        fields = ["name", "kind", "category", "weight", "job_task", "description"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "job_task": forms.TextInput(attrs={"list": "job-tasks"}),
        }

    def __init__(self, *args: object, recruitment: Recruitment | None = None, **kwargs: object):
        super().__init__(*args, **kwargs)
        if recruitment is not None:
            self.instance.recruitment = recruitment

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Name the requirement."))
        return name


class BaseCriterionFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        names = [f.cleaned_data["name"].casefold() for f in self.filled_forms()]
        if len(names) != len(set(names)):
            raise forms.ValidationError(_("Two requirements have the same name."))

    def filled_forms(self) -> list[CriterionForm]:
        return [f for f in self.forms if f.has_changed() and f.cleaned_data.get("name")]


CriterionFormSet = forms.formset_factory(
    CriterionForm, formset=BaseCriterionFormSet, extra=5, max_num=30, validate_max=True
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
