from __future__ import annotations

from django.urls import path

from aterkoppla.messaging import template_views
from aterkoppla.organisation import views

app_name = "organisation"
urlpatterns = [
    path("", views.settings_edit, name="settings"),
    path("templates/", template_views.template_list, name="templates"),
    path("templates/<str:kind>/<str:language>/", template_views.template_edit, name="template"),
    path(
        "templates/<str:kind>/<str:language>/preview/",
        template_views.template_preview,
        name="template_preview",
    ),
]
