from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class TimelineConfig(AppConfig):
    name = "aterkoppla.timeline"
    verbose_name = _("Timeline")

    def ready(self) -> None:
        # Each app declares its own event kinds in its ``events`` module (wording and data).
        autodiscover_modules("events")
