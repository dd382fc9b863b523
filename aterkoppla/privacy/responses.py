"""The export as a file to download: JSON or PDF, for the candidate's page, staff and the API."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.text import slugify

from aterkoppla.privacy.export import candidate_export_pdf


def export_file_name(export: Mapping[str, Any], extension: str) -> str:
    person = export["candidate"]
    name = slugify(f"{person['first_name']} {person['last_name']}") or "candidate"
    return f"aterkoppla-{name}-{export['made_at']:%Y-%m-%d}.{extension}"


def export_json(export: Mapping[str, Any]) -> str:
    """Dates and times in ISO 8601, text as it is (Swedish letters unescaped)."""
    return json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _download(body: str | bytes, content_type: str, file_name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def export_json_response(export: Mapping[str, Any]) -> HttpResponse:
    response = _download(export_json(export), "application/json", export_file_name(export, "json"))
    response["Content-Language"] = export["language"]
    return response


def export_pdf_response(export: Mapping[str, Any]) -> HttpResponse:
    """``PdfUnavailable`` when PDFs cannot be made on this server."""
    response = _download(
        candidate_export_pdf(export), "application/pdf", export_file_name(export, "pdf")
    )
    response["Content-Language"] = export["language"]
    return response
