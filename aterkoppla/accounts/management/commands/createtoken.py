"""``aterkoppla createtoken USERNAME [--create] [--name NAME]``: make an API token.

The token is printed as the last line of output so that scripts can take it with
``tail -n 1``; it is shown only this once (only its hash is stored).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from aterkoppla.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = (
        "Make an API token for a user and print it as the last line. The token is shown "
        "only this once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--create",
            action="store_true",
            help="Make a recruiter user with this username when there is none: it may create "
            "and publish recruitments (is_recruiter). It gets no password: it works through "
            "the API until an administrator sets one.",
        )
        parser.add_argument(
            "--name", default="Command line", help="What the token is for (shown in lists)."
        )

    @transaction.atomic
    def handle(
        self, *args: object, username: str, create: bool, name: str, **options: object
    ) -> None:
        username = username.strip()
        name = name.strip()[: ApiToken._meta.get_field("name").max_length] or "Command line"
        user = User.objects.filter(username=username).first()
        if user is None:
            if not create:
                raise CommandError(
                    f"There is no user “{username}”. Check the spelling, or add --create to "
                    "make a recruiter user with that name."
                )
            user = self._create_user(username)
            self.stdout.write(f"Created the user “{username}” (no password set).")
        elif not user.is_active:
            raise CommandError(f"The user “{username}” is inactive: a token would not work.")
        _token, key = ApiToken.issue(user=user, name=name)
        self.stdout.write(
            f"API token “{name}” for {username}. It is shown only now: keep it secret and "
            "store it where your client can read it. Send it as the header "
            "“Authorization: Bearer <token>”."
        )
        self.stdout.write(key)

    def _create_user(self, username: str) -> User:
        # Made by an operator on the server: the recruiter role a site admin would grant.
        user = User(username=username, is_recruiter=True)
        user.set_unusable_password()
        try:
            user.full_clean(exclude=["password"])
        except ValidationError as exc:
            raise CommandError(
                f"Cannot create the user “{username}”: {' '.join(exc.messages)}"
            ) from exc
        user.save()
        return user
