"""The migrations match the models, and apply to an empty database. (The rest of the suite
builds its test database straight from the models, which is much faster.)"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_have_no_unmigrated_changes():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.slow
def test_migrations_apply_to_an_empty_sqlite_database(tmp_path: Path):
    env = {**os.environ, "SCRUTINYDESK_DEMO": "1", "SCRUTINYDESK_VAR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    script = Path(sys.executable).with_name("scrutinydesk")
    done = subprocess.run([str(script), "migrate", "-v", "0"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "scrutinydesk.sqlite3").stat().st_size > 100_000
