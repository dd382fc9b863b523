# Applications closed before the field existed: their final answer was given when they
# reached their closed stage.

from django.db import migrations
from django.db.models import F


def backfill(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    Application.objects.filter(stage__in=["hired", "rejected", "withdrawn"]).update(
        final_answer_at=F("stage_changed_at")
    )


class Migration(migrations.Migration):
    dependencies = [("applications", "0008_timeline_moves_out")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
