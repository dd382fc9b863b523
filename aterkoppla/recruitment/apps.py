from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitmentConfig(AppConfig):
    name = "aterkoppla.recruitment"
    verbose_name = _("Recruitments")
