"""Form helpers shared by every app."""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from aterkoppla.lib.phone import InvalidPhoneNumber, to_e164

_F = TypeVar("_F", bound=forms.Field)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields else None
        if field == NON_FIELD_ERRORS:
            target = None
        form.add_error(target, errors)


def form_field(form: forms.BaseForm, name: str, kind: type[_F]) -> _F:
    """The form's field ``name``, which the form declares as a ``kind`` (``form.fields`` says
    only ``Field``): for setting the choices or the queryset that a field gets per form."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{type(form).__name__}.{name} is not a {kind.__name__}")
    return field


class PhoneField(forms.CharField):
    """A phone number as people write it, cleaned to E.164 (Swedish numbers by default)."""

    default_error_messages = {
        "invalid": _("Enter a phone number, for example 070-123 45 67 or +44 20 7946 0958."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def clean(self, value: object) -> str:
        raw = super().clean(value)
        try:
            return to_e164(raw)
        except InvalidPhoneNumber:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
