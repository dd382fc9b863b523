from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from aterkoppla.privacy.models import ErasureRequest


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin):
    """Shown for reading: an erasure request is the record that erasure was asked for and
    done (GDPR art. 17); it is made and carried out by ``privacy.services.erasure_request``
    and the retention run, never edited."""

    list_display = ["requested_at", "candidate", "via", "status", "erase_on", "done_at"]
    list_filter = ["status", "via"]
    list_select_related = ["candidate"]
    date_hierarchy = "requested_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
