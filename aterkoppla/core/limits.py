"""Limits that hold before a request's body is read: its size, and the rate limits of the
public forms. Django's CSRF check reads a POST's body (a multipart upload is spooled to disk)
before the view and its rate limit run; these run first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from django_ratelimit.decorators import ratelimit

View = Callable[..., HttpResponse]
EARLY = "early_rate_limit"


def rate_limited_early(
    *,
    group: str,
    rate: Any,
    key: str = "ip",
    method: str = "POST",
    refusal: Callable[[HttpRequest], HttpResponse] | None = None,
) -> Callable[[View], View]:
    """django-ratelimit's ``ratelimit`` (counted by the view, blocking with 429), marked so
    that ``RequestLimitsMiddleware`` also refuses an address already over the limit before
    the body is read. The same group, so both see the same count. ``refusal`` answers the
    early refusal (default: the rate-limit page), e.g. with a private page's headers."""

    def decorate(view: View) -> View:
        limited = ratelimit(group=group, key=key, rate=rate, method=method, block=True)(view)
        spec = {"group": group, "key": key, "rate": rate, "method": method}
        setattr(limited, EARLY, (spec, refusal))
        return limited

    return decorate


def too_large(request: HttpRequest) -> HttpResponse:
    limit = settings.REQUEST_MAX_BYTES // (1024 * 1024)
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": _("The request body is too large (at most %(mb)s MB).") % {"mb": limit}},
            status=413,
        )
    return render(request, "core/too_large.html", {"limit_mb": limit}, status=413)


class RequestLimitsMiddleware:
    """Before the CSRF check and the view: a body larger than ``REQUEST_MAX_BYTES`` (as its
    Content-Length says; Django reads no more than that) is refused with 413, and a POST to a
    rate-limited public form from an address already over its limit with 429."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            # Nothing of the body has been read; the server closes the connection after.
            response = too_large(request)
            response["Connection"] = "close"
            return response
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: View, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        early = getattr(view, EARLY, None)
        if early is None:
            return None
        spec, refusal = early
        if request.method != spec["method"]:
            return None
        usage = get_usage(request, increment=False, **spec)
        if usage is not None and usage["count"] >= usage["limit"]:
            from aterkoppla.core.views import rate_limited

            return (refusal or rate_limited)(request)
        return None
