"""``aterkoppla retention [--dry-run]``: run retention now, or list what it would do and why.

The worker runs the same thing once a day (the ``retention`` sweep). Each line says what
happens to an application (by id: the output itself names nobody) and why: anonymised (its
retention ran out), its profile kept by a talent-pool consent, kept by a legal hold, a
scheduled erasure carried out, an orphaned upload deleted.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext, ngettext

from aterkoppla.privacy.services import RetentionPlan, Step, retention_plan, retention_run


def _action(step: Step, dry_run: bool) -> str:
    labels = {
        "anonymise": (gettext("would anonymise"), gettext("anonymised")),
        "keep_profile": (
            gettext("would remove all but the profile"),
            gettext("removed all but the profile"),
        ),
        "keep_consent": (gettext("keeps the profile"), gettext("keeps the profile")),
        "keep_held": (gettext("keeps (legal hold)"), gettext("kept (legal hold)")),
        "erase": (gettext("would carry out"), gettext("carried out")),
        "orphan": (gettext("would delete"), gettext("deleted")),
    }
    would, did = labels[step.action]
    return would if dry_run else did


class Command(BaseCommand):
    help = (
        "Anonymise the applications whose retention has run out (unless a legal hold or a "
        "talent-pool consent keeps them), carry out scheduled erasures and delete orphaned "
        "uploads. With --dry-run, list what would be done and why, and change nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be done and why."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = bool(options["dry_run"])
        plan: RetentionPlan = retention_plan() if dry_run else retention_run()
        for step in plan.steps:
            subject = (
                gettext("application %(id)s") % {"id": step.application_id}
                if step.application_id is not None
                else ""
            )
            line = " ".join(part for part in (_action(step, dry_run), subject) if part)
            self.stdout.write(f"{line}: {step.why}" if step.why else line)
        if not plan.steps:
            self.stdout.write(gettext("Nothing is due."))
        else:
            n = len(plan.steps)
            self.stdout.write(
                ngettext("%(n)s step.", "%(n)s steps.", n) % {"n": n}
                if dry_run
                else ngettext("Done: %(n)s step.", "Done: %(n)s steps.", n) % {"n": n}
            )
