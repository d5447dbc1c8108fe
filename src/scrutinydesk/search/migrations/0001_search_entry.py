import django.db.models.deletion
from django.db import migrations, models

SQLITE = [
    "CREATE VIRTUAL TABLE search_entry_fts USING fts5(title, body, content='search_entry', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(search_entry_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(search_entry_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO search_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_entry_fts"]
POSTGRESQL = [
    "CREATE INDEX search_entry_fts ON search_entry USING gin (("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(body, '')), 'D')))",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_entry_fts"]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)
    return run


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
                                         name="search_entr_kind_2f7c1e_idx")],
                "constraints": [models.UniqueConstraint(fields=("kind", "record_id"),
                                                        name="search_entry_unique_record")],
            },
        ),
        migrations.RunPython(_run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
                             _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE})),
    ]
