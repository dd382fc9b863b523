"""``aterkoppla demo``: load the demo users, recruitments and applications (safe to repeat)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from aterkoppla.demo.load import load_demo
from aterkoppla.demo.specs import DEMO_USERS


class Command(BaseCommand):
    help = (
        "Load demo data: four recruitments with about forty applications and four users. "
        "Running it again adds nothing."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = load_demo(stdout=self.stdout)
        if result.created_recruitments:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo data loaded: {len(result.created_recruitments)} recruitments, "
                    f"{result.applications} applications."
                )
            )
        if result.existing_recruitments and not result.created_anything:
            self.stdout.write("The demo data is already loaded; nothing new was created.")
        elif result.existing_recruitments:
            self.stdout.write(
                f"Already there, left as they were: {', '.join(result.existing_recruitments)}."
            )

        self.stdout.write(f"\nSign in at {settings.SITE_URL}{reverse('accounts:login')} as:")
        width = max(len(user.username) for user in DEMO_USERS)
        for user in DEMO_USERS:
            self.stdout.write(
                f"  {user.username:<{width}}  password {user.password:<{width + 5}}  "
                f"{user.full_name}, {user.description}"
            )
        for username in result.changed_users:
            # The demo never overwrites an account someone made; say so instead of printing a
            # password that does not work.
            self.stdout.write(
                self.style.WARNING(
                    f"The user “{username}” existed before the demo and was left unchanged; "
                    "the password above may not work for it."
                )
            )
