"""``/messages/``: the organisation's wording of each message (site admins).

An application's messages are on its own pages (``/applications/…/messages/``).
"""

from __future__ import annotations

from django.urls import path

from aterkoppla.messaging import template_views

app_name = "messaging"
urlpatterns = [
    path("templates/", template_views.template_list, name="templates"),
    path("templates/<str:kind>/<str:language>/", template_views.template_edit, name="template"),
    path(
        "templates/<str:kind>/<str:language>/preview/",
        template_views.template_preview,
        name="template_preview",
    ),
]
