"""``/recruitments/``: a recruitment's job posting, requirement profile, team and legal holds.

Its applications are ``/applications/recruitment/<id>/`` (the applications app's).
"""

from __future__ import annotations

from django.urls import path
from django.views.generic import RedirectView

from aterkoppla.recruitment import hold_views, views

app_name = "recruitment"
urlpatterns = [
    # The list of recruitments, and each one's page, are the pipeline's (older links).
    path("", RedirectView.as_view(pattern_name="applications:recruitments", permanent=True)),
    path("new/", views.recruitment_create, name="create"),
    path("holds/", hold_views.holds, name="holds"),
    path("<int:pk>/", RedirectView.as_view(pattern_name="applications:pipeline", permanent=True)),
    path("<int:pk>/edit/", views.recruitment_edit, name="edit"),
    path("<int:pk>/profile/", views.profile, name="profile"),
    path("<int:pk>/criteria/<int:criterion_pk>/edit/", views.criterion_edit, name="criterion_edit"),
    path("<int:pk>/criteria/<int:criterion_pk>/move/", views.criterion_move, name="criterion_move"),
    path(
        "<int:pk>/criteria/<int:criterion_pk>/remove/",
        views.criterion_remove,
        name="criterion_remove",
    ),
    path("<int:pk>/team/", views.team, name="team"),
    path("<int:pk>/team/<int:membership_pk>/remove/", views.team_remove, name="team_remove"),
    path("<int:pk>/holds/dispute/", views.recruitment_dispute, name="dispute"),
    path("<int:pk>/holds/<int:hold_pk>/lift/", hold_views.hold_lift, name="hold_lift"),
]
