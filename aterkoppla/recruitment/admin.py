from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from aterkoppla.recruitment.models import Criterion, LegalHold, Recruitment, TeamMembership


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["order", "name", "kind", "category", "weight", "job_task"]


class TeamMembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Recruitment)
class RecruitmentAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "owner",
        "application_deadline",
        "first_reply_by",
        "created_at",
    ]
    list_filter = ["status", "language"]
    # The status follows its rule (``services.recruitment_set_status``), not a bare edit.
    readonly_fields = ["status", "published_at"]
    search_fields = ["title", "description"]
    list_select_related = ["owner"]
    autocomplete_fields = ["owner"]
    date_hierarchy = "created_at"
    inlines = [CriterionInline, TeamMembershipInline]


@admin.register(LegalHold)
class LegalHoldAdmin(admin.ModelAdmin):
    """Shown for reading: holds are set and lifted on ``/recruitments/holds/`` (and the API),
    with a reason and on the timeline, never by a bare edit."""

    list_display = ["recruitment", "source", "set_at", "set_by", "lifted_at", "lifted_by"]
    list_filter = ["source", ("lifted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["recruitment", "set_by", "lifted_by"]
    search_fields = ["recruitment__title", "reason", "lift_reason"]
    date_hierarchy = "set_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
