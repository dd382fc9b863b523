"""``/``: who is waiting, the first page after logging in."""

from __future__ import annotations

from django.urls import path

from aterkoppla.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
]
