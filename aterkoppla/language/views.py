"""The live check behind every checked text field, and the log of overrides."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aterkoppla.accounts.access import require_site_admin
from aterkoppla.language.models import LanguageOverride
from aterkoppla.language.review import MAX_TEXT, category_label, check_text

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest

PAGE_SIZE = 50


def _error(status: int, detail: str) -> JsonResponse:
    return JsonResponse(
        {"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
    )


@require_POST
def check(request: HttpRequest) -> JsonResponse:
    """``{text, lang}`` → ``{findings}``, for the browser while someone types.

    Session-authenticated (with the CSRF token) for the pages; programs use
    ``POST /api/v1/lint``. It reads no stored data, so any signed-in user may call it.
    """
    if not request.user.is_authenticated:
        return _error(401, _("Log in to use the language check."))
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return _error(400, _("The request is not valid JSON."))
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        return _error(422, _("Send an object with the text to check in “text”."))
    text, lang = body["text"], body.get("lang") or "auto"
    if lang not in ("auto", "sv", "en"):
        return _error(422, _("“lang” must be sv, en or auto."))
    if len(text) > MAX_TEXT:
        return _error(
            422, _("The text is too long: at most %(max)s characters.") % {"max": f"{MAX_TEXT:,}"}
        )
    findings = []
    for finding in check_text(text, lang=lang):
        item = finding.to_dict()
        item["category_label"] = category_label(finding.category)
        findings.append(item)
    labels = {
        "block": _("Stops the text"),
        "warn": _("Warning"),
        "info": _("Hint"),
        "block_under_warn": _("Warning: this recruitment only warns"),
        "instead": _("Instead:"),
    }
    return JsonResponse(
        {
            "findings": findings,
            "blocked": any(f["severity"] == "block" for f in findings),
            "labels": labels,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@login_required
def override_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every text kept in spite of a blocking finding, newest first (site admins)."""
    require_site_admin(request)
    overrides = LanguageOverride.objects.select_related("user", "application__candidate")
    page = Paginator(overrides, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "language/override_log.html", {"page": page, "nav": "settings"})
