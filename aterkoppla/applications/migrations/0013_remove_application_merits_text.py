from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("applications", "0012_merits_from_text")]

    operations = [
        migrations.RemoveField(model_name="application", name="merits_text"),
    ]
