"""``/applications/``: the pipeline, each application, its documents and its messages."""

from __future__ import annotations

from django.urls import path

from aterkoppla.applications import (
    import_views,
    outbox_views,
    pipeline_views,
    talent_pool_views,
    views,
)

app_name = "applications"
urlpatterns = [
    path("", pipeline_views.recruitments, name="recruitments"),
    path("recruitment/<int:pk>/", pipeline_views.pipeline, name="pipeline"),
    path("recruitment/<int:pk>/new/", views.application_add, name="add"),
    path("recruitment/<int:pk>/import/", import_views.application_import, name="import"),
    path(
        "recruitment/<int:pk>/import/example.csv",
        import_views.application_import_example,
        name="import_example",
    ),
    path(
        "recruitment/<int:pk>/messages/",
        outbox_views.recruitment_outbox,
        name="recruitment_outbox",
    ),
    path("talent-pool/", talent_pool_views.talent_pool, name="talent_pool"),
    path(
        "talent-pool/<int:pk>/invite/",
        talent_pool_views.talent_pool_invite_view,
        name="talent_pool_invite",
    ),
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/move/", views.application_move, name="move"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        views.document_download,
        name="document",
    ),
    path("<int:pk>/messages/", outbox_views.application_outbox, name="outbox"),
    path("messages/<int:pk>/retry/", outbox_views.message_retry, name="message_retry"),
    path("messages/<int:pk>/review/", outbox_views.message_review, name="message_review"),
    path("messages/<int:pk>/html/", outbox_views.message_html, name="message_html"),
]
