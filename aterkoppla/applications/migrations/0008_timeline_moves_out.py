# The timeline is the timeline app's now (its migration 0001 takes the model over; the table
# stays). Applications get the time of their final answer.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0007_alter_timelineevent_kind"),
        ("timeline", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="TimelineEvent")],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="application",
            name="final_answer_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="final answer given"),
        ),
    ]
