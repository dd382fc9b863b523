from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from aterkoppla.privacy.models import ErasureRequest

Via = ErasureRequest.Via


class ErasureForm(forms.Form):
    """An erasure request received by staff on the candidate's behalf."""

    via = forms.ChoiceField(
        label=_("How did the candidate ask?"),
        choices=[(via.value, via.label) for via in (Via.PHONE, Via.EMAIL, Via.LETTER)],
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "How the request reached you, e.g. “Samtal 4 december”. It is kept after the "
            "erasure: write no name or contact details."
        ),
    )
