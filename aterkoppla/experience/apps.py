from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperienceConfig(AppConfig):
    name = "aterkoppla.experience"
    verbose_name = _("Candidate experience")
