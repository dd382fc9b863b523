"""``/privacy/``: the candidate's data, exported by staff on their behalf (GDPR art. 15)."""

from __future__ import annotations

from django.urls import path

from aterkoppla.privacy import views

app_name = "privacy"

urlpatterns = [
    path("applications/<int:pk>/export/", views.export_page, name="export"),
    path(
        "applications/<int:pk>/export/json/",
        views.export_file,
        {"export_format": "json"},
        name="export_json",
    ),
    path(
        "applications/<int:pk>/export/pdf/",
        views.export_file,
        {"export_format": "pdf"},
        name="export_pdf",
    ),
    path("applications/<int:pk>/erasure/", views.erasure, name="erasure"),
]
