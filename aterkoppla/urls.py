from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from aterkoppla.dashboard import views as dashboard_views

urlpatterns = [
    # "/" is the dashboard "Who is waiting?"; it sends people who are not logged in to log in.
    path("", dashboard_views.home, name="home"),
    path("", include("aterkoppla.dashboard.urls")),
    path("", include("aterkoppla.core.urls")),
    path("", include("aterkoppla.messaging.urls")),
    path("recruitments/", include("aterkoppla.recruitment.urls")),
    path("applications/", include("aterkoppla.applications.urls")),
    path("", include("aterkoppla.assessment.urls")),
    path("", include("aterkoppla.decisions.urls")),
    path("language/", include("aterkoppla.language.urls")),
    path("account/", include("aterkoppla.accounts.urls")),
    path("settings/", include("aterkoppla.organisation.urls")),
    path("jobb/", include("aterkoppla.careers.urls")),
    path("ansokan/", include("aterkoppla.portal.urls")),
    path("api/v1/", include("aterkoppla.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler404 = "aterkoppla.core.views.not_found"
handler403 = "aterkoppla.core.views.forbidden"
handler500 = "aterkoppla.core.views.server_error"
