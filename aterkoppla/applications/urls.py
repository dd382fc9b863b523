from __future__ import annotations

from django.urls import path

from aterkoppla.applications import views

app_name = "applications"
urlpatterns = [
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/move/", views.application_move, name="move"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        views.document_download,
        name="document",
    ),
]
