from __future__ import annotations

from django.urls import path

from aterkoppla.portal import erasure_views, survey_views, talent_pool_views, views

app_name = "portal"
urlpatterns = [
    # Before the token routes, which would otherwise take "ny-lank" for a token.
    path("ny-lank/", views.lost_link, name="lost_link"),
    path("<str:token>/", views.candidate_page, name="application"),
    path("<str:token>/aterta/", views.withdraw, name="withdraw"),
    path("<str:token>/skriftlig-information/", views.disclosure, name="disclosure"),
    # The candidate's data (GDPR art. 15).
    path("<str:token>/dina-uppgifter/", views.data_export, name="export"),
    path(
        "<str:token>/dina-uppgifter/json/",
        views.data_export,
        {"export_format": "json"},
        name="export_json",
    ),
    path(
        "<str:token>/dina-uppgifter/pdf/",
        views.data_export,
        {"export_format": "pdf"},
        name="export_pdf",
    ),
    # The candidate-experience survey, after the final answer. Messages build its address
    # from the page's (``messaging.services._context``: "survey_url").
    path("<str:token>/enkat/", survey_views.survey, name="survey"),
    # Erasure (GDPR art. 17).
    path("<str:token>/radera/", erasure_views.erasure, name="erasure"),
    # The talent pool (consent under GDPR art. 6.1 a).
    path("<str:token>/talangbank/", talent_pool_views.talent_pool, name="talent_pool"),
    path(
        "<str:token>/talangbank/lamna/",
        talent_pool_views.talent_pool_leave_view,
        name="talent_pool_leave",
    ),
    path(
        "<str:token>/talangbank/fornya/",
        talent_pool_views.talent_pool_renew_view,
        name="talent_pool_renew",
    ),
]
