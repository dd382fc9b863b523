"""``/account/``: logging in and out, your profile and your API tokens."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from aterkoppla.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("tokens/new/", views.token_create, name="token_create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
