# The candidate links are the messaging app's now (its migration 0005); the table stays.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("messaging", "0005_portaltoken_moves_in"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PortalToken")],
            database_operations=[],
        ),
    ]
