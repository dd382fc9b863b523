from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageConfig(AppConfig):
    name = "aterkoppla.language"
    label = "language"
    verbose_name = _("Language check")
