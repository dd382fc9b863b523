"""``/settings/``: the organisation's settings (site admins)."""

from __future__ import annotations

from django.urls import path

from aterkoppla.organisation import views

app_name = "organisation"
urlpatterns = [
    path("", views.settings_edit, name="settings"),
]
