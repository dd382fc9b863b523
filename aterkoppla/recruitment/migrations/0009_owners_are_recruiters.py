"""Whoever owns a recruitment today keeps the right to create and publish one: creating a
recruitment now needs the recruiter role (``User.is_recruiter``), granted by a site admin."""

from __future__ import annotations

from django.db import migrations


def owners_are_recruiters(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Recruitment = apps.get_model("recruitment", "Recruitment")
    owners = Recruitment.objects.values("owner_id")
    User.objects.filter(pk__in=owners).update(is_recruiter=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_is_recruiter"),
        ("recruitment", "0008_legal_hold"),
    ]

    operations = [migrations.RunPython(owners_are_recruiters, migrations.RunPython.noop)]
