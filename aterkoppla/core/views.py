from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/error.html", {"status": 404}, status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/error.html", {"status": 403}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/error.html", {"status": 500}, status=500)


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """What django-ratelimit shows when an address has sent too much: 429 with a plain word."""
    return render(request, "core/rate_limited.html", status=429)


def client_ip(request: HttpRequest) -> str:
    """The client's address, read where the rate limits read it (``RATELIMIT_IP_META_KEY``:
    REMOTE_ADDR, or the header a trusted reverse proxy sets); the login lock-out uses it too."""
    value = request.META.get(settings.RATELIMIT_IP_META_KEY) or request.META.get("REMOTE_ADDR")
    # A proxy's list ("client, proxy1, proxy2"): the first is the client as the proxy saw it.
    return (value or "").split(",")[0].strip()


def after_response(response: HttpResponse, work: Callable[[], object]) -> HttpResponse:
    """Run ``work`` once the response has been sent (when the server closes it), so that how
    long the answer takes does not depend on what ``work`` finds: the lost-link page answers
    as fast for a known address as for an unknown one. Django calls a response's closers
    before its end-of-request signal, while the database connection is still open."""

    def run() -> None:
        try:
            work()
        except Exception:
            logger.exception("Work after the response failed")

    # Django keeps the closers of a response here (HttpResponseBase.close runs them).
    response._resource_closers.append(run)  # type: ignore[attr-defined]
    return response
