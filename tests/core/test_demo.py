"""``scrutinydesk demo``'s accounts and ``scrutinydesk serve``'s task worker."""

import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from scrutinydesk.accounts.roles import Role, roles_of
from scrutinydesk.core.management.commands import demo
from scrutinydesk.core.visibility import can_see_exempt

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run_demo(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(demo, "call_command", lambda *a, **k: None)  # the test DB is migrated
    (tmp_path / "no-papers").mkdir()

    def run() -> str:
        out = io.StringIO()
        demo.Command(stdout=out).handle(samples=str(tmp_path / "no-papers"),
                                        url="http://127.0.0.1:8000/")
        return out.getvalue()

    return run


@pytest.mark.django_db
def test_demo_creates_one_account_per_role_and_prints_them(run_demo, settings):
    out = run_demo()
    users = {u.username: u for u in get_user_model().objects.all()}
    assert set(users) == {"member", "officer", "clerk", "admin"}
    for username, user in users.items():
        role = Role(username)
        assert roles_of(user) == {role}
        assert can_see_exempt(user)
        password = (Path(settings.VAR_DIR) / f"demo-{username}-password.txt").read_text().strip()
        assert user.check_password(password)
        assert f"user “{username}”, password “{password}”" in out
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert not users["clerk"].is_staff
    for address in ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/sign-in/",
                    "http://127.0.0.1:8000/admin/", "http://127.0.0.1:8000/api/docs/"):
        assert address in out


@pytest.mark.django_db
def test_running_the_demo_again_keeps_the_passwords(run_demo):
    first = re.findall(r"password “([^”]+)”", run_demo())
    assert re.findall(r"password “([^”]+)”", run_demo()) == first
    assert get_user_model().objects.count() == 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scrutinydesk(*args, env, **kwargs):
    return [sys.executable, "-m", "scrutinydesk.cli", *args], {"env": env, "cwd": ROOT,
                                                                **kwargs}


@pytest.mark.slow
def test_serve_starts_a_worker_that_imports_papers_and_stops_with_the_server(tmp_path,
                                                                           fixtures_dir):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env |= {"SCRUTINYDESK_DEMO": "1", "SCRUTINYDESK_VAR": str(tmp_path / "var")}
    cmd, kw = scrutinydesk("migrate", "--verbosity", "0", env=env)
    subprocess.run(cmd, check=True, timeout=300, **kw)
    cmd, kw = scrutinydesk("serve", f"127.0.0.1:{free_port()}", env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    server = subprocess.Popen(cmd, **kw)
    try:
        lines = []
        for line in server.stdout:
            lines.append(line)
            if line.startswith("Press Ctrl-C"):
                break
        [started] = [line for line in lines if "Task worker:" in line]
        worker = int(re.search(r"process (\d+)", started).group(1))
        assert "queue SQLite" in started and Path(f"/proc/{worker}").exists()
        paper = fixtures_dir / "papers/meeting_page/cheltenham-osc-cancelled-2020-06-29.txt"
        code = ("from scrutinydesk.core.tasks import enqueue_import; import pathlib; "
                f"r = enqueue_import(pathlib.Path({str(paper)!r}).read_bytes(), 'c.txt'); "
                "print('RESULT', r.get(blocking=True, timeout=60)['status'])")
        cmd, kw = scrutinydesk("shell", "-c", code, env=env, capture_output=True, text=True)
        result = subprocess.run(cmd, timeout=120, **kw)
        assert "RESULT imported" in result.stdout, result.stdout + result.stderr
    finally:
        server.send_signal(signal.SIGTERM)
        rest, _ = server.communicate(timeout=30)
    assert f"Task worker (process {worker}) stopped." in rest
    for _ in range(50):
        if not Path(f"/proc/{worker}").exists():
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{worker}").exists()
