import django.db.models.deletion
from django.db import migrations, models



def _create(apps, schema_editor):
    from scrutinydesk.search.schema import ensure

    ensure(schema_editor.connection)


def _drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_entry_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_fts")


class Migration(migrations.Migration):
    initial = True
    dependencies = [("committees", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("kind", models.CharField(choices=[
                    ("minute", "Minutes"), ("decision", "Decision"),
                    ("undertaking", "Undertaking"), ("report", "Officer's report"),
                    ("paper", "Paper"), ("commentary", "Commentary"),
                    ("action_plan", "Action plan")], max_length=20)),
                ("record_id", models.PositiveBigIntegerField()),
                ("date", models.DateField(blank=True, null=True)),
                ("title", models.CharField(max_length=1000)),
                ("body", models.TextField(blank=True)),
                ("url", models.CharField(blank=True, max_length=500)),
                ("exempt", models.BooleanField(default=False)),
                ("committee", models.ForeignKey(blank=True, null=True,
                                                on_delete=django.db.models.deletion.CASCADE,
                                                related_name="+", to="committees.committee")),
            ],
            options={
                "verbose_name_plural": "entries",
                "indexes": [models.Index(fields=["kind", "date"],
                                         name="search_entry_kind_date")],
                "constraints": [models.UniqueConstraint(fields=("kind", "record_id"),
                                                        name="search_entry_unique_record")],
            },
        ),
        migrations.RunPython(_create, _drop),
    ]
