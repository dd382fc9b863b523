from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from aterkoppla.organisation.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "website", "city"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not Organisation.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
