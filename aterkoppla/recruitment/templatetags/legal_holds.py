"""``{% holds_in_force recruitment as holds %}``: the notice that a recruitment is kept."""

from __future__ import annotations

from django import template

from aterkoppla.recruitment.models import LegalHold, Recruitment
from aterkoppla.recruitment.selectors import legal_holds_in_force

register = template.Library()


@register.simple_tag
def holds_in_force(recruitment: Recruitment) -> list[LegalHold]:
    """The holds on ``recruitment`` in force (one query), for ``recruitment/_hold_notice.html``."""
    return list(legal_holds_in_force(recruitment))
