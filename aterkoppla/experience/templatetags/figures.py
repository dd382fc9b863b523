"""How figures are written on the pages: shares as whole percentages, cNPS with its sign,
and "–" where there is nothing to count."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from aterkoppla.experience.charts import percent, signed

register = template.Library()


@register.filter
def share(value: float | None) -> str:
    return percent(value)


@register.filter
def score(value: int | None) -> str:
    return signed(value)


@register.filter
def amount(value: float | None, places: int = 1) -> str:
    return "–" if value is None else number_format(value, places)


@register.filter
def get_count(counts: dict[str, int], key: str) -> int:
    """A count from a Counter, 0 when there is none."""
    return counts.get(key, 0)


@register.filter
def hours(value: float | None) -> str:
    """A time in hours as people say it: minutes below an hour, else hours."""
    if value is None:
        return "–"
    if value < 1:
        return _("%(minutes)s min") % {"minutes": max(1, round(value * 60))}
    return _("%(hours)s h") % {"hours": number_format(value, 1)}
