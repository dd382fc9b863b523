from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from aterkoppla.timeline.models import TimelineEvent


@admin.register(TimelineEvent)
class TimelineEventAdmin(admin.ModelAdmin):
    """Shown for reading: the timeline is evidence and is never edited."""

    list_display = ["at", "application", "recruitment", "label", "actor", "actor_user"]
    list_filter = ["kind", "actor"]
    list_select_related = [
        "application__candidate",
        "application__recruitment",
        "recruitment",
        "actor_user",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
