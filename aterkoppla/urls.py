"""The project's URLs: each app under its own prefix, and the addresses pages had before."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from aterkoppla import legacy_urls

urlpatterns = [
    # "/" is the dashboard "Who is waiting?"; it sends people who are not logged in to log in.
    path("", include("aterkoppla.dashboard.urls")),
    path("account/", include("aterkoppla.accounts.urls")),
    path("recruitments/", include("aterkoppla.recruitment.urls")),
    path("applications/", include("aterkoppla.applications.urls")),
    path("assessment/", include("aterkoppla.assessment.urls")),
    path("decisions/", include("aterkoppla.decisions.urls")),
    path("privacy/", include("aterkoppla.privacy.urls")),
    path("experience/", include("aterkoppla.experience.urls")),
    path("messages/", include("aterkoppla.messaging.urls")),
    path("language/", include("aterkoppla.language.urls")),
    path("settings/", include("aterkoppla.organisation.urls")),
    path("jobb/", include("aterkoppla.careers.urls")),
    path("ansokan/", include("aterkoppla.portal.urls")),
    path("api/v1/", include("aterkoppla.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    *legacy_urls.urlpatterns,
]

handler404 = "aterkoppla.core.views.not_found"
handler403 = "aterkoppla.core.views.forbidden"
handler500 = "aterkoppla.core.views.server_error"
