"""``POST /api/v1/lint``: the language check (DESIGN §6) for any signed-in caller.

It reads no stored data, so every user with a token may call it. Messages and suggestions
follow the request's language (Accept-Language, the language cookie), Swedish by default.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field, StrictStr

from aterkoppla.api import schemas
from aterkoppla.api.errors import InvalidInput
from aterkoppla.language.review import MAX_TEXT, check_text

router = Router()


class LintIn(schemas.Input):
    text: StrictStr = Field(description=f"The text to check, at most {MAX_TEXT:,} characters.")
    lang: Literal["sv", "en", "auto"] = Field(
        "auto", description="The text's language; `auto` detects Swedish or English."
    )


class FindingOut(Schema):
    category: str
    severity: Literal["block", "warn", "info"]
    start: int = Field(description="Offset of the first character, counted in characters.")
    end: int = Field(description="Offset after the last character: text[start:end] == match.")
    match: str
    message: str
    suggestion: str
    rule: str = Field(
        description="The lexicon entry that matched, or `model.<category>` when the second "
        "reader (a model fitted on the labelled corpus) flagged a sentence no entry matched; "
        "such a finding is always `warn` and spans the sentence."
    )
    basis: str = Field(description="The legal basis, in a line.")


class LintOut(Schema):
    findings: list[FindingOut]


@router.post(
    "/lint",
    response={200: LintOut, **dict.fromkeys((400, 401, 422), schemas.ErrorOut)},
    summary="Check a text's language",
)
def lint(request: HttpRequest, payload: LintIn) -> dict[str, list[dict[str, object]]]:
    """Discriminatory reasoning, vague reasons and disrespect in a Swedish or English text.

    `block` findings must be edited (or overridden with a reason) before the text is used;
    `warn` and `info` are advice.
    """
    if len(payload.text) > MAX_TEXT:
        message = _("The text is too long: at most %(max)s characters.") % {"max": f"{MAX_TEXT:,}"}
        raise InvalidInput({"text": [message]})
    # The product's own check: links and addresses are not read as words.
    findings = check_text(payload.text, lang=payload.lang)
    return {"findings": [finding.to_dict() for finding in findings]}
