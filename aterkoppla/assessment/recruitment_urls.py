"""A recruitment's assessment pages: the fast screening table and the comparison matrix."""

from __future__ import annotations

from django.urls import URLPattern, path

from aterkoppla.assessment import recruitment_views

urlpatterns: list[URLPattern] = [
    path(
        "recruitments/<int:pk>/screening/",
        recruitment_views.screening_table,
        name="screening_table",
    ),
    path("recruitments/<int:pk>/comparison/", recruitment_views.comparison, name="comparison"),
]
