from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from aterkoppla.accounts.models import ApiToken, User


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Django's user admin, with the organisation's role: who may create and publish
    recruitments (``is_recruiter``). Site admins (superusers) may anyway."""

    list_display = (
        "username",
        "email",
        "first_name",
        "last_name",
        "is_staff",
        "is_recruiter",
        "is_superuser",
    )
    list_filter = (*UserAdmin.list_filter, "is_recruiter")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Role in the organisation"), {"fields": ("is_recruiter",)}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Role in the organisation"), {"fields": ("is_recruiter",)}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made by their user (profile page) or with ``createtoken``, where the token is
    shown once; the admin only lists and revokes them."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__username"]
    # A tuple: a list of names is not a list of field groups to the type checker.
    readonly_fields = ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    fields = readonly_fields
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.action(description=_("Revoke the selected tokens"), permissions=["delete"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            token.revoke()
        self.message_user(request, _("The tokens were revoked."))
