from __future__ import annotations

from django import template

from aterkoppla.language.review import reader_language
from aterkoppla.lib.call_sheet import format_number

register = template.Library()


@register.filter
def one_decimal(value: float | None) -> str:
    """3.5 as "3,5" in Swedish and "3.5" in English; "–" for no value."""
    if value is None:
        return "–"
    return format_number(value, reader_language())
