from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class LostLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("The address you gave when you applied."),
        widget=forms.EmailInput({"autocomplete": "email", "spellcheck": "false"}),
    )
