from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from aterkoppla.accounts.models import ApiToken


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_("What the token is for, for example the system that uses it."),
    )
