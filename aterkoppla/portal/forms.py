from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


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
