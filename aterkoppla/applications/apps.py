from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "aterkoppla.applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from aterkoppla.applications.retention import guarded_models, refuse_guarded_deletion

        # Nothing within its retention period or under a legal hold is deleted, by any path
        # (the admin, a cascade, the shell): ``aterkoppla.applications.retention``.
        for model in guarded_models():
            pre_delete.connect(
                refuse_guarded_deletion, sender=model, dispatch_uid=f"retention-{model.__name__}"
            )
