"""The ``scrutinydesk`` command, run as a user would (subprocesses with a clean environment)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scrutinydesk import cli

SCRIPT = Path(sys.executable).with_name("scrutinydesk")
SRC = Path(cli.__file__).resolve().parent


def commands_on_disk() -> dict[str, Path]:
    """Each project command module, under the name the CLI shows for it."""
    public = {module: alias for alias, module in cli.ALIASES.items()}
    return {public.get(path.stem, path.stem): path
            for path in SRC.glob("*/management/commands/*.py")
            if not path.name.startswith("_")}


def run(*args, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def clean_env(tmp_path):
    """Only what a shell needs: no SECRET_KEY, DATABASE_URL or demo flag from outside."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
            "LANG": "C.UTF-8", "SCRUTINYDESK_VAR": str(tmp_path / "var")}


def test_the_script_is_installed():
    assert SCRIPT.is_file()


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["help"], []])
def test_help_lists_every_project_command(args, clean_env, tmp_path):
    result = run(*args, env=clean_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: scrutinydesk COMMAND")
    on_disk = commands_on_disk()
    assert "serve" in on_disk
    listed = [line.split()[0] for line in result.stdout.split("Commands:\n")[1].splitlines()
              if line.startswith("  ")]
    assert sorted(on_disk) == listed
    for name, help_line in cli.project_commands().items():
        assert f"  {name}" in result.stdout and help_line in result.stdout


def test_help_needs_no_settings(clean_env, tmp_path):
    """Help works before anything is configured (no SECRET_KEY, no demo mode)."""
    result = run("--help", env=clean_env, cwd=tmp_path)
    assert result.returncode == 0
    assert "SECRET_KEY" not in result.stderr


def test_serve_help_line_is_read_from_the_command():
    assert cli.project_commands()["serve"].startswith("Serve Scrutiny Desk on http://")


def test_public_name_of_an_aliased_command():
    assert cli._public_name("import_papers") == "import"
    assert cli._public_name("serve") == "serve"


def test_check_in_demo_mode(clean_env, tmp_path):
    env = clean_env | {"SCRUTINYDESK_DEMO": "1"}
    result = run("check", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_with_a_secret_key(clean_env, tmp_path):
    env = clean_env | {"SECRET_KEY": "a-long-random-string-for-this-test-only-" * 2}
    result = run("check", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_check_without_a_secret_key_says_how_to_set_one(clean_env, tmp_path):
    result = run("check", env=clean_env, cwd=tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr
    assert "SCRUTINYDESK_DEMO=1" in result.stderr


def test_a_command_describes_itself(clean_env, tmp_path):
    result = run("serve", "--help", env=clean_env | {"SCRUTINYDESK_DEMO": "1"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "addrport" in result.stdout
    assert "Serve Scrutiny Desk" in result.stdout
