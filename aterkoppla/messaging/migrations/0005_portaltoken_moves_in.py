# The candidate links move from the portal app (which now only reads them) to the messages
# that carry them. The table stays where it is (portal_portaltoken): only Django's state moves.

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0004_alter_message_kind_alter_message_status_and_more"),
        ("portal", "0001_initial"),
        ("applications", "0010_closed_has_final_answer"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PortalToken",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("key_hash", models.CharField(max_length=64, unique=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("last_used_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="portal_tokens",
                                to="applications.application",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "candidate link",
                        "verbose_name_plural": "candidate links",
                        "db_table": "portal_portaltoken",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
