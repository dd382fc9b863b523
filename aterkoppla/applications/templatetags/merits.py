"""Showing merits to staff: the phrase others may be told, and the staff-only period."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from aterkoppla.applications import merits
from aterkoppla.applications.models import Merit

register = template.Library()


@register.filter
def merit_phrase(merit: Merit) -> str:
    """What another candidate would be told of ``merit``, in the reader's language."""
    language = "en" if (get_language() or "sv").startswith("en") else "sv"
    return merits.merit_phrase(merit, language)


@register.filter
def merit_period(merit: Merit) -> str:
    return merits.merit_period(merit)
