"""Everything from ``aterkoppla.settings``; only the URL configuration differs."""

from aterkoppla.settings import *  # noqa: F403

ROOT_URLCONF = "b3_site.urls"
