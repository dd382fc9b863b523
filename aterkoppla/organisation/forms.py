from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from aterkoppla.core.forms import PhoneField
from aterkoppla.core.meta import model_field
from aterkoppla.language.forms import LanguageCheckedMixin, checked
from aterkoppla.lib.addresses import is_unattended
from aterkoppla.organisation.models import Organisation


class OrganisationForm(LanguageCheckedMixin, forms.ModelForm):
    phone = PhoneField(required=False)
    # "nordlager.se" means https today (and in Django 6).
    website = forms.URLField(required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Organisation
        fields = [
            "name",
            "website",
            "city",
            "contact_email",
            "sender_email",
            "phone",
            "privacy_contact",
            "privacy_notice_sv",
            "privacy_notice_en",
            "retention_months",
            "talent_pool_months",
            "disclosure_working_days",
            "promise_auto_update",
            "promise_postpone_days",
            "promise_max_updates",
        ]
        widgets = {
            "privacy_notice_sv": forms.Textarea(attrs={"rows": 10}),
            "privacy_notice_en": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("phone", "website"):
            field = model_field(Organisation, name)
            self.fields[name].label = field.verbose_name
            self.fields[name].help_text = field.help_text
        # Required here, blank in the model: an existing installation keeps working until an
        # admin saves the settings, and its messages wait until then (services.py).
        self.fields["contact_email"].required = True
        checked(self.fields["privacy_notice_sv"], lang="sv")
        checked(self.fields["privacy_notice_en"], lang="en")
        self.language_setup()

    def clean_contact_email(self) -> str:
        address: str = self.cleaned_data["contact_email"]
        if address and is_unattended(address):
            raise forms.ValidationError(
                _("Candidates' replies must reach a person: give an address that someone reads.")
            )
        return address

    def clean_sender_email(self) -> str:
        address: str = self.cleaned_data["sender_email"]
        if address and is_unattended(address):
            raise forms.ValidationError(
                _(
                    "A no-reply address cannot be the sender: candidates answer messages. "
                    "Give an address your mail server may send from and someone reads."
                )
            )
        return address
