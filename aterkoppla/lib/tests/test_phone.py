from __future__ import annotations

import pytest

from aterkoppla.lib.phone import InvalidPhoneNumber, display, to_e164


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("070-123 45 67", "+46701234567"),
        ("+46 70 123 45 67", "+46701234567"),
        ("036-12 34 56", "+4636123456"),
        ("+44 20 7946 0958", "+442079460958"),
        ("", ""),
    ],
)
def test_numbers_are_stored_as_e164(raw, e164):
    assert to_e164(raw) == e164


@pytest.mark.parametrize("raw", ["12", "ring mig", "070-123"])
def test_non_numbers_are_refused(raw):
    with pytest.raises(InvalidPhoneNumber):
        to_e164(raw)


def test_display_is_national_for_sweden():
    assert display("+46701234567") == "070-123 45 67"
    assert display("+442079460958").startswith("+44 20")
