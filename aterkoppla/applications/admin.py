from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

from aterkoppla.applications.models import Application, Candidate
from aterkoppla.applications.retention import RetentionRefused, deletion_refusal
from aterkoppla.recruitment.admin import RecruitmentAdmin
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.timeline.models import TimelineEvent


class RetentionGuardedAdmin(admin.ModelAdmin):
    """An admin that deletes nothing the retention rule keeps (``retention.deletion_refusal``):
    no delete button on a kept row, its delete page refused (403), and "delete selected"
    deletes nothing when any selected row is kept, saying why. The ``pre_delete`` guard's
    ``RetentionRefused`` (a cascade reaching a kept row) is shown as an error, never a 500."""

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is not None and deletion_refusal(obj) is not None:
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        try:
            return super().delete_view(request, object_id, extra_context)
        except RetentionRefused as refused:
            # The view's transaction has been rolled back: nothing was deleted.
            self.message_user(request, str(refused), messages.ERROR)
            return HttpResponseRedirect(request.path.removesuffix("delete/") + "change/")

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions: dict[str, Any] = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                RetentionGuardedAdmin.delete_selected_kept,
                "delete_selected",
                actions["delete_selected"][2],
            )
        return actions

    @staticmethod
    def delete_selected_kept(
        modeladmin: RetentionGuardedAdmin, request: HttpRequest, queryset: QuerySet[Any]
    ) -> HttpResponse | None:
        """Django's "delete selected", refused as a whole when any selected row is kept."""
        for obj in queryset:
            refusal = deletion_refusal(obj)
            if refusal is not None:
                modeladmin.message_user(
                    request,
                    _("Nothing was deleted: “%(object)s” must be kept. %(reason)s")
                    % {"object": obj, "reason": refusal},
                    messages.ERROR,
                )
                return None
        try:
            with transaction.atomic():
                return delete_selected(modeladmin, request, queryset)
        except RetentionRefused as refused:
            modeladmin.message_user(
                request, _("Nothing was deleted. %(reason)s") % {"reason": refused}, messages.ERROR
            )
            return None


@admin.register(Candidate)
class CandidateAdmin(RetentionGuardedAdmin):
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
class ApplicationAdmin(RetentionGuardedAdmin):
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


# The recruitment app registers its admin; the retention rule is this app's (the recruitment
# app sits below applications), so the guarded admin is put in its place here.
admin.site.unregister(Recruitment)


@admin.register(Recruitment)
class GuardedRecruitmentAdmin(RetentionGuardedAdmin, RecruitmentAdmin):
    pass
