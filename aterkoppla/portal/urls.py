from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path


def application(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


app_name = "portal"
urlpatterns = [
    path("<str:token>/", application, name="application"),
]
