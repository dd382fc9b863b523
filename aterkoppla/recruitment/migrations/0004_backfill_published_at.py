from django.db import migrations
from django.db.models import F


def backfill(apps, schema_editor):
    # Recruitments opened before publication dates were recorded count as posted when created.
    Recruitment = apps.get_model("recruitment", "Recruitment")
    Recruitment.objects.exclude(status="draft").filter(published_at__isnull=True).update(
        published_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [("recruitment", "0003_refuse_null_characters")]
    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
