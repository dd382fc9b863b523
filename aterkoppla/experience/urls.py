"""``/experience/``: the candidate-experience figures and the report for the active measures."""

from __future__ import annotations

from django.urls import path

from aterkoppla.experience import report_views, views

app_name = "experience"

urlpatterns = [
    path("metrics/", views.metrics_page, name="metrics"),
    path("metrics.csv", views.metrics_csv, name="metrics_csv"),
    path("active-measures/", report_views.report_page, name="active_measures"),
    path("active-measures.csv", report_views.report_csv, name="active_measures_csv"),
    path("active-measures.pdf", report_views.report_pdf, name="active_measures_pdf"),
]
