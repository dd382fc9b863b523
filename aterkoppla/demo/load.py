"""``load_demo``: the demo users, and whichever demo recruitments are missing.

Idempotent: a demo recruitment is known by its title and demo owner, so a second run adds
nothing and a half-loaded demo is completed. ``serve --demo`` runs it on every start, so a
run that adds nothing does little: it neither imports the builder nor hashes a password.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from django.db import transaction

from aterkoppla.accounts.models import User
from aterkoppla.demo.recruitments import RECRUITMENTS
from aterkoppla.demo.specs import DEMO_USERS, RECRUITER, DemoUser
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Recruitment


@dataclass
class DemoResult:
    created_users: list[str] = field(default_factory=list)
    # Usernames that existed before with another password or without the demo rights, so the
    # printed sign-in details may not work for them.
    changed_users: list[str] = field(default_factory=list)
    created_recruitments: list[str] = field(default_factory=list)
    existing_recruitments: list[str] = field(default_factory=list)
    applications: int = 0

    @property
    def created_anything(self) -> bool:
        return bool(self.created_users or self.created_recruitments)


class Writer(Protocol):
    """Where progress is written: a file, or a command's output."""

    def write(self, text: str) -> object: ...


def load_demo(*, stdout: Writer | None = None) -> DemoResult:
    """Create the demo users and whichever demo recruitments are missing; return what was done."""
    result = DemoResult()
    with transaction.atomic():
        loaded = set(
            Recruitment.objects.filter(
                owner__username=RECRUITER.username,
                title__in=[spec.title for spec in RECRUITMENTS],
            ).values_list("title", flat=True)
        )
        missing = [spec for spec in RECRUITMENTS if spec.title not in loaded]
        result.existing_recruitments = [s.title for s in RECRUITMENTS if s.title in loaded]
        # A demo loaded before the contact details were required gets them too.
        _organisation()
        if not missing:
            _users(result, check=False)
            return result
        # Only a load that adds data needs the services and time travel.
        from aterkoppla.demo.build import build_recruitments

        # Password hashing is slow on purpose: accounts are checked against the demo
        # passwords only on a load that adds data.
        build_recruitments(missing, users=lambda: _users(result, check=True))
        for spec in missing:
            count = len(spec.applicants)
            result.created_recruitments.append(spec.title)
            result.applications += count
            if stdout is not None:
                stdout.write(f"Created “{spec.title}” with {count} applications.\n")
    return result


# The demo employer, with the contact details that let its messages go out.
DEMO_ORGANISATION = {
    "name": "Nordlager AB",
    "city": "Jönköping",
    "website": "https://nordlager.example.se",
    "contact_email": "rekrytering@nordlager.example.se",
    "sender_email": "rekrytering@nordlager.example.se",
    "phone": "+4636123456",
}


def _organisation() -> None:
    """Name the employer and give it contact details, unless someone already has: a field
    already filled in is kept, and an organisation someone else named is left alone."""
    from aterkoppla.organisation.services import organisation_update

    organisation = Organisation.current()
    if organisation.name not in ("", DEMO_ORGANISATION["name"]):
        return
    changes = {
        name: value for name, value in DEMO_ORGANISATION.items() if not getattr(organisation, name)
    }
    if changes:
        organisation_update(organisation=organisation, by=None, **changes)


def _users(result: DemoResult, *, check: bool) -> dict[str, User]:
    return {spec.username: _user(spec, result, check=check) for spec in DEMO_USERS}


def _user(spec: DemoUser, result: DemoResult, *, check: bool) -> User:
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        result.created_users.append(spec.username)
        return User.objects.create_user(
            username=spec.username,
            password=spec.password,
            email=spec.email,
            first_name=spec.first_name,
            last_name=spec.last_name,
            is_staff=spec.site_admin,
            is_superuser=spec.site_admin,
            is_recruiter=spec.recruiter,
        )
    # Someone's own account is never overwritten; we only warn that the printed details
    # may not apply to it.
    if check and (
        not user.check_password(spec.password) or (spec.site_admin and not user.is_site_admin)
    ):
        result.changed_users.append(spec.username)
    return user
