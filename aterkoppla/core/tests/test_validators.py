"""A person's name as it goes into the messages we send (core.validators)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from aterkoppla.core.validators import validate_person_name


@pytest.mark.parametrize(
    "name",
    [
        "Sara",
        "Anna-Karin",
        "J.R.R.",
        "Ann-Britt d'Almeida",
        "Nguyễn Thị",
        "Ólafur Örn",
        "محمد",
        "St. John",
        "Jr.",
        "Björk 2.0",
    ],
)
def test_names_people_have_pass(name):
    validate_person_name(name)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Flood https://evil.example/prize", "web_address"),
        ("Vinn http://x", "web_address"),
        ("Klicka www.vinst.se", "web_address"),
        ("evil.example/prize", "web_address"),
        ("Sara\nEk", "control_characters"),
        ("Sara\r\nBcc: all@example.se", "control_characters"),
        ("Sara\tEk", "control_characters"),
        ("Sara\u2028Ek", "control_characters"),
        ("Sara\x1bEk", "control_characters"),
    ],
)
def test_addresses_and_control_characters_are_refused(name, code):
    with pytest.raises(ValidationError) as refused:
        validate_person_name(name)
    assert refused.value.code == code
