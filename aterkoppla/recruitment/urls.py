from __future__ import annotations

from django.urls import path

from aterkoppla.applications import import_views
from aterkoppla.applications import views as application_views
from aterkoppla.recruitment import views

app_name = "recruitment"
urlpatterns = [
    path("", views.recruitment_list, name="list"),
    path("new/", views.recruitment_create, name="create"),
    path("<int:pk>/", views.recruitment_detail, name="detail"),
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
    path("<int:pk>/applications/new/", application_views.application_add, name="application_add"),
    path("<int:pk>/import/", import_views.application_import, name="import"),
    path(
        "<int:pk>/import/example.csv",
        import_views.application_import_example,
        name="import_example",
    ),
]
