from __future__ import annotations

import pytest

from aterkoppla.lib.addresses import address_of, is_unattended, named_address


@pytest.mark.parametrize(
    "value",
    [
        "",
        "Återkoppla <noreply@localhost>",
        "noreply@nordlager.se",
        "no-reply@nordlager.se",
        "No_Reply@nordlager.se",
        "donotreply@nordlager.se",
        "do-not-reply@nordlager.se",
        "rekrytering@localhost",
        "rekrytering@server.local",
        "rekrytering@intranet",
        "inte en adress",
    ],
)
def test_addresses_nobody_reads(value):
    assert is_unattended(value)


@pytest.mark.parametrize(
    "value",
    ["rekrytering@nordlager.se", "Nordlager AB <jobb@nordlager.se>", "reply@nordlager.se"],
)
def test_addresses_a_person_reads(value):
    assert not is_unattended(value)


def test_names_are_kept_readable_and_quoted_where_needed():
    assert address_of("Nordlager AB <jobb@nordlager.se>") == "jobb@nordlager.se"
    assert named_address("Olivia Ägare", "olivia@example.se") == "Olivia Ägare <olivia@example.se>"
    assert named_address("Lind, Rebecka", "r@example.se") == '"Lind, Rebecka" <r@example.se>'
    assert named_address("", "r@example.se") == "r@example.se"
