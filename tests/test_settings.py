"""Settings read from the environment, each case in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST"),
    "port": db.get("PORT"), "user": db.get("USER"), "password": db.get("PASSWORD"),
    "conn_max_age": db.get("CONN_MAX_AGE"), "options": db.get("OPTIONS", {}),
    "allowed_hosts": settings.ALLOWED_HOSTS, "secret_key": settings.SECRET_KEY,
    "debug": settings.DEBUG, "max_upload": settings.MAX_UPLOAD_BYTES,
    "secure_cookies": getattr(settings, "SESSION_COOKIE_SECURE", None),
    "media_root": str(settings.MEDIA_ROOT),
    "huey": settings.HUEY, "email_backend": settings.EMAIL_BACKEND,
    "login_url": settings.LOGIN_URL, "council": settings.COUNCIL_NAME,
}))
"""


def read_settings(tmp_path: Path, **env) -> dict:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
             "DJANGO_SETTINGS_MODULE": "scrutinydesk.settings", **env}
    result = subprocess.run([sys.executable, "-c", PROBE], env=clean, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    var = tmp / "nested" / "var"
    return var, read_settings(tmp, SCRUTINYDESK_DEMO="1", SCRUTINYDESK_VAR=str(var))


def test_default_database_is_sqlite_under_var(demo):
    var, values = demo
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(var.resolve() / "scrutinydesk.sqlite3")
    assert var.is_dir()


def test_sqlite_waits_for_a_lock(demo):
    assert demo[1]["options"]["timeout"] == 20


def test_uploads_live_under_var(demo):
    var, values = demo
    assert values["media_root"] == str(var.resolve() / "media")


def test_demo_mode_uses_the_built_in_key_and_no_secure_cookies(demo):
    values = demo[1]
    assert values["secret_key"].startswith("scrutinydesk-demo-only-key")
    assert values["secure_cookies"] is False
    assert values["debug"] is False


def test_defaults_for_hosts_and_uploads(demo):
    values = demo[1]
    assert values["allowed_hosts"] == ["127.0.0.1", "localhost", "testserver"]
    assert values["max_upload"] == 25 * 1024 * 1024
    assert values["conn_max_age"] == 0


def test_postgres_url(tmp_path):
    values = read_settings(
        tmp_path, SECRET_KEY="k" * 50,
        DATABASE_URL="postgres://scrutiny:s3cret@db.example.org:6543/scrutinydesk",
        CONN_MAX_AGE="60")
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["name"], values["host"], values["port"]) == (
        "scrutinydesk", "db.example.org", 6543)
    assert (values["user"], values["password"]) == ("scrutiny", "s3cret")
    assert values["conn_max_age"] == 60
    assert "timeout" not in values["options"]


def test_production_settings(tmp_path):
    values = read_settings(tmp_path, SECRET_KEY="a-real-key-" * 5,
                           ALLOWED_HOSTS=" scrutiny.example.gov.uk, ,www.example.gov.uk ",
                           SCRUTINYDESK_MAX_UPLOAD_MB="2.5")
    assert values["secret_key"] == "a-real-key-" * 5
    assert values["allowed_hosts"] == ["scrutiny.example.gov.uk", "www.example.gov.uk"]
    assert values["max_upload"] == int(2.5 * 1024 * 1024)
    assert values["secure_cookies"] is True
    assert values["name"] == str(tmp_path.resolve() / "var" / "scrutinydesk.sqlite3")


@pytest.mark.parametrize("flag", ["1", "true", "YES", " on "])
def test_flags_accept_the_usual_words(tmp_path, flag):
    values = read_settings(tmp_path, SCRUTINYDESK_DEMO=flag, SCRUTINYDESK_DEBUG=flag)
    assert values["debug"] is True
    assert values["secret_key"].startswith("scrutinydesk-demo-only-key")


def test_the_demo_queues_tasks_in_sqlite_under_var_and_prints_mail(demo):
    var, values = demo
    huey = values["huey"]
    assert huey["huey_class"] == "huey.SqliteHuey" and huey["immediate"] is False
    assert huey["filename"] == str(var.resolve() / "tasks.sqlite3")
    assert values["email_backend"] == "django.core.mail.backends.console.EmailBackend"
    assert values["login_url"] == "accounts:sign-in"


def test_redis_url_puts_the_queue_in_redis(tmp_path):
    values = read_settings(tmp_path, SCRUTINYDESK_DEMO="1",
                           REDIS_URL="redis://127.0.0.1:6379/3",
                           SCRUTINYDESK_TASKS_IMMEDIATE="1", SCRUTINYDESK_COUNCIL="Anyshire")
    assert values["huey"]["huey_class"] == "huey.RedisHuey"
    assert values["huey"]["url"] == "redis://127.0.0.1:6379/3"
    assert values["huey"]["immediate"] is True and "filename" not in values["huey"]
    assert values["council"] == "Anyshire"


def test_production_sends_mail(tmp_path):
    values = read_settings(tmp_path, SECRET_KEY="a-real-key-" * 5)
    assert values["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"
