from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from aterkoppla.experience.models import SurveyResponse
from aterkoppla.experience.survey import COMMENT_MAX_LENGTH

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


class LostLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("The address you gave when you applied."),
        widget=forms.EmailInput({"autocomplete": "email", "spellcheck": "false"}),
    )


class TalentPoolForm(forms.Form):
    """Joining the talent pool: the box is the consent, its label the consent text."""

    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("Tick the box if you want to join the talent pool."),
        },
    )
    scope = forms.CharField(
        label=_("Which kinds of jobs would you like to hear about?"),
        required=False,
        max_length=300,
        help_text=_("For example: warehouse and logistics. Leave it empty for any job."),
    )

    def __init__(self, *args: Any, consent_text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text


# --- The candidate-experience survey (``aterkoppla.experience``) ---------------------------

# Each error names its question: the summary at the top lists the errors alone.
CHOOSE_NUMBER = _("Choose how likely you would be to recommend us, from 0 to 10.")
CHOOSE_CLEAR = _("Choose whether you got a clear answer as to why.")
CHOOSE_RESPECT = _("Choose whether you felt treated with respect.")


def _answer_field(label: _StrPromise, error: _StrPromise) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=SurveyResponse.Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": error, "invalid_choice": error},
    )


class SurveyForm(forms.Form):
    recommend = forms.TypedChoiceField(
        label=_("How likely is it that you would recommend us as an employer to a friend?"),
        choices=[(n, str(n)) for n in range(11)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_NUMBER, "invalid_choice": CHOOSE_NUMBER},
    )
    clear_reason = _answer_field(_("Did you get a clear answer as to why?"), CHOOSE_CLEAR)
    respectful = _answer_field(_("Did you feel treated with respect?"), CHOOSE_RESPECT)
    comment = forms.CharField(
        label=_("Is there anything else you would like to tell us?"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        help_text=_(
            "At most 2,000 characters. Please do not name other people or write about your health."
        ),
        widget=forms.Textarea({"rows": 5}),
    )
