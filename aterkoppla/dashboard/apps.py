from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "aterkoppla.dashboard"
    verbose_name = _("Who is waiting")
