from __future__ import annotations

import datetime as dt

from django.utils import translation

from aterkoppla.core.templatetags.aterkoppla import phone, short_date


def test_phone_is_shown_the_way_people_write_it():
    assert phone("+46701234567") == "070-123 45 67"
    assert phone("") == ""
    assert phone("garbage") == "garbage"


def test_short_date_per_language():
    with translation.override("sv"):
        assert short_date(dt.date(2026, 11, 16)) == "16 nov. 2026"
        assert short_date(dt.date(2026, 5, 1)) == "1 maj 2026"
        # 23:30 UTC on 31 December is already New Year's Day in Stockholm.
        assert short_date(dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)) == "1 jan. 2027"
    with translation.override("en"):
        assert short_date(dt.date(2026, 11, 16)) == "16 Nov 2026"
    assert short_date(None) == ""
