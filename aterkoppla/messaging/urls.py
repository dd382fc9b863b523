"""Outbox pages, below the recruitment and the application they belong to."""

from __future__ import annotations

from django.urls import path

from aterkoppla.messaging import views

app_name = "messaging"
urlpatterns = [
    path("recruitments/<int:pk>/messages/", views.recruitment_outbox, name="recruitment_outbox"),
    path("applications/<int:pk>/messages/", views.application_outbox, name="application_outbox"),
    path("messages/<int:pk>/retry/", views.message_retry, name="retry"),
    path("messages/<int:pk>/review/", views.message_review, name="review"),
]
