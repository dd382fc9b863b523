"""The typed helpers that read a model's fields and a form's fields."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import FieldDoesNotExist

from aterkoppla.applications.models import Candidate
from aterkoppla.core.forms import form_field
from aterkoppla.core.meta import max_length, model_field
from aterkoppla.recruitment.models import Recruitment


def test_model_field_is_the_models_own_field() -> None:
    field = model_field(Recruitment, "title")
    assert field is Recruitment._meta.get_field("title")
    assert str(field.verbose_name) == str(Recruitment._meta.get_field("title").verbose_name)


def test_model_field_refuses_a_reverse_relation_and_an_unknown_name() -> None:
    with pytest.raises(FieldDoesNotExist, match="reverse relation"):
        model_field(Recruitment, "applications")
    with pytest.raises(FieldDoesNotExist):
        model_field(Recruitment, "no_such_field")


def test_max_length() -> None:
    assert max_length(Candidate, "first_name") == 100
    assert max_length(Candidate, "email") == 254
    with pytest.raises(TypeError, match="max_length"):
        max_length(Recruitment, "remote")


class _Form(forms.Form):
    choice = forms.ChoiceField(choices=[("a", "A")])
    text = forms.CharField()


def test_form_field_is_the_forms_own_field_of_the_kind_asked_for() -> None:
    form = _Form()
    assert form_field(form, "choice", forms.ChoiceField) is form.fields["choice"]
    with pytest.raises(TypeError, match="is not a ChoiceField"):
        form_field(form, "text", forms.ChoiceField)
