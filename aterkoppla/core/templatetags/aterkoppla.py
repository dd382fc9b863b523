"""Small presentation filters used across the recruiter UI."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language

from aterkoppla.lib import links
from aterkoppla.lib.phone import display

register = template.Library()


@register.filter
def phone(e164: str) -> str:
    """``+46701234567`` → ``070-123 45 67``; foreign numbers in international format."""
    try:
        return display(e164)
    except Exception:  # a stored value that no longer parses is shown as it is
        return e164


# Swedish month abbreviations as Språkrådet writes them: short months are not abbreviated.
_SV_MONTHS = (
    "jan.",
    "feb.",
    "mars",
    "apr.",
    "maj",
    "juni",
    "juli",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)


@register.filter
def short_date(value: dt.date | dt.datetime | None) -> str:
    """A compact date the way each language abbreviates it: "16 nov. 2026", "16 Nov 2026"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    if get_language() == "sv":
        return f"{value.day} {_SV_MONTHS[value.month - 1]} {value.year}"
    return date_format(value, "j M Y")


@register.filter
def redact_links(text: str) -> str:
    """Candidate links without their secret part, for staff eyes."""
    return links.redact_links(text)
