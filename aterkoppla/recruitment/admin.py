from __future__ import annotations

from django.contrib import admin

from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership


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
