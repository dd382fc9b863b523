"""``/assessment/``: screening, the merits summary, interviews, scorecards and the matrix."""

from __future__ import annotations

from django.urls import path

from aterkoppla.assessment import recruitment_views, views

app_name = "assessment"
urlpatterns = [
    path("applications/<int:pk>/screening/", views.application_screening, name="screening"),
    path("applications/<int:pk>/merits/", views.merits_edit, name="merits"),
    path("applications/<int:pk>/interviews/new/", views.interview_new, name="interview_new"),
    path("interviews/<int:pk>/", views.interview_detail, name="interview"),
    path("interviews/<int:pk>/held/", views.interview_held, name="interview_held"),
    path("interviews/<int:pk>/move/", views.interview_move, name="interview_move"),
    path("interviews/<int:pk>/cancel/", views.interview_cancel, name="interview_cancel"),
    path("interviews/<int:pk>/scorecard/", views.scorecard_edit, name="scorecard"),
    path("interviews/<int:pk>/invitation.ics", views.interview_ics, name="interview_ics"),
    path(
        "recruitments/<int:pk>/screening/",
        recruitment_views.screening_table,
        name="screening_table",
    ),
    path("recruitments/<int:pk>/comparison/", recruitment_views.comparison, name="comparison"),
]
