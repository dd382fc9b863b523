from __future__ import annotations

from django.urls import path

from aterkoppla.careers import views

app_name = "careers"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/ansok/", views.apply, name="apply"),
    path("<int:pk>/tack/", views.thanks, name="thanks"),
    path("bekrafta/<str:token>/", views.confirm, name="confirm"),
]
