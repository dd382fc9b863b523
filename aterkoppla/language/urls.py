from __future__ import annotations

from django.urls import path

from aterkoppla.language import views

app_name = "language"
urlpatterns = [
    path("check/", views.check, name="check"),
    path("overrides/", views.override_log, name="overrides"),
]
