"""A rejection owed a call is answered when the call is reached or the written fallback sent:
date the final answer of existing rejections that way (none while the call is still to make).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    CallTask = apps.get_model("decisions", "CallTask")
    Application = apps.get_model("applications", "Application")
    for task in CallTask.objects.exclude(status="open").exclude(closed_at=None).iterator():
        Application.objects.filter(pk=task.application_id, stage="rejected").update(
            final_answer_at=task.closed_at
        )
    open_ids = CallTask.objects.filter(status="open").values("application_id")
    Application.objects.filter(pk__in=open_ids, stage="rejected").update(final_answer_at=None)


def backwards(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    for application in Application.objects.filter(stage="rejected", final_answer_at=None):
        application.final_answer_at = application.stage_changed_at
        application.save(update_fields=["final_answer_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0002_decision_no_hire"),
        ("applications", "0011_final_answer_after_the_call"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
