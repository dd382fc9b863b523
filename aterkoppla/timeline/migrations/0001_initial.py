# The timeline moves from the applications app to its own app. The table stays where it is
# (applications_timelineevent): this migration only tells Django's state that the model is
# here now; applications 0008 removes it from that app's state.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("applications", "0007_alter_timelineevent_kind"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TimelineEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "at",
                            models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                        ),
                        (
                            "actor",
                            models.CharField(
                                choices=[
                                    ("user", "Staff"),
                                    ("system", "System"),
                                    ("candidate", "Candidate"),
                                ],
                                max_length=10,
                            ),
                        ),
                        ("kind", models.CharField(max_length=32)),
                        ("data", models.JSONField(blank=True, default=dict)),
                        (
                            "actor_user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="timeline",
                                to="applications.application",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "timeline event",
                        "verbose_name_plural": "timeline events",
                        "ordering": ["at", "id"],
                        "db_table": "applications_timelineevent",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
