"""``/api/v1/``: the API's routes; any other path below it answers JSON, not an HTML page."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, re_path, reverse
from django.utils.translation import gettext as _

from aterkoppla.api.errors import error_response
from aterkoppla.api.v1 import api

View = Callable[..., HttpResponse]


def _json_405(view: View) -> View:
    """ninja answers a method a path lacks with a plain-text 405; make it our JSON error."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "Allow" in response:
            allowed = response["Allow"]
            response = error_response(405, _("This method is not allowed here."))
            response["Allow"] = allowed
        return response

    return wrapper


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return error_response(404, _("Not found."))


def index(request: HttpRequest) -> HttpResponse:
    """Where a person who opens /api/v1/ finds the description of the API."""
    return JsonResponse(
        {"name": api.title, "version": api.version, "openapi": reverse(f"{app_name}:openapi-json")},
        json_dumps_params={"ensure_ascii": False},
    )


def _patterns() -> list[URLPattern | URLResolver]:
    patterns, _app_name, _namespace = api.urls
    result: list[URLPattern | URLResolver] = []
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            # ninja's own root view only raises an HTML 404; its URL name must stay.
            view = index if pattern.name == "api-root" else _json_405(pattern.callback)
            pattern = URLPattern(pattern.pattern, view, pattern.default_args, pattern.name)
        result.append(pattern)
    return result


app_name = api.urls_namespace
urlpatterns = [*_patterns(), re_path(r"^(?P<rest>.*)$", not_found, name="not_found")]
