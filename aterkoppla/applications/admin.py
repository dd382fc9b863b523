from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from aterkoppla.applications.models import Application, Candidate
from aterkoppla.timeline.models import TimelineEvent


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["first_name", "last_name", "email", "phone", "language", "created_at"]
    search_fields = ["first_name", "last_name", "email", "phone"]
    list_filter = ["language"]


class TimelineInline(admin.TabularInline):
    """Shown for reading: the timeline is evidence and is never edited."""

    model = TimelineEvent
    extra = 0
    # A tuple: a list of names is not a list of field groups to the type checker.
    readonly_fields = ("at", "actor", "actor_user", "kind", "data")
    fields = readonly_fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["candidate", "recruitment", "stage", "reply_by", "interviewed", "received_at"]
    list_filter = ["stage", "source", "interviewed", "recruitment"]
    search_fields = ["candidate__first_name", "candidate__last_name", "candidate__email"]
    list_select_related = ["candidate", "recruitment"]
    raw_id_fields = ["candidate"]
    # Stage changes go through the recruiter UI so that they are validated and on the timeline.
    readonly_fields = [
        "stage",
        "stage_changed_at",
        "closed_from_stage",
        "final_answer_at",
        "received_at",
        "source",
    ]
    inlines = [TimelineInline]
