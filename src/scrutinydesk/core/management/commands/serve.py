import ctypes
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

PR_SET_PDEATHSIG = 1  # Linux: the worker is told to stop when the server dies


class Command(BaseCommand):
    help = ("Serve Scrutiny Desk on http://127.0.0.1:8000 with its task worker beside it "
            "(production: gunicorn behind a proxy, and run_huey).")

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not start the task worker (run `scrutinydesk run_huey`).")

    def handle(self, *args, addrport, no_worker, **options):
        url = f"http://{addrport}/"
        self.stdout.write(self.style.SUCCESS(f"Scrutiny Desk is at {url}"))
        for label, address in site_addresses(url):
            self.stdout.write(f"  {label + ':':<17}{address}")
        self.stdout.write(f"  {'Database:':<17}{settings.DATABASES['default']['NAME']}")
        for outcome in self.outcomes():
            self.stdout.write(f"  Outcome {outcome.name}:".ljust(19)
                              + f"{url}outcomes/{outcome.slug}/ (monitoring report: "
                              f"{url}outcomes/{outcome.slug}/report.pdf)")
        worker = None if no_worker else self.start_worker()
        # `kill` and `make` stop the server with SIGTERM: unwind so the worker stops too.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        self.stdout.write("Press Ctrl-C to stop.")
        try:
            call_command("runserver", addrport, use_reloader=False, skip_checks=False)
        finally:
            if worker is not None:
                self.stop_worker(worker)

    def start_worker(self):
        if settings.HUEY.get("immediate"):
            self.stdout.write("  Task worker:     none needed, tasks run at once "
                              "(SCRUTINYDESK_TASKS_IMMEDIATE=1)")
            return None
        log = Path(settings.VAR_DIR) / "worker.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        worker = subprocess.Popen(
            [sys.executable, "-m", "scrutinydesk.cli", "run_huey"],
            stdout=log.open("ab"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            preexec_fn=_stop_with_parent if sys.platform.startswith("linux") else None)
        self.stdout.write(f"  {'Task worker:':<17}started (process {worker.pid}), "
                          f"queue {queue_description()}, log {log}; it stops with the server")
        return worker

    def stop_worker(self, worker):
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        self.stdout.write(f"Task worker (process {worker.pid}) stopped.")

    def outcomes(self):
        from django.db import DatabaseError

        from scrutinydesk.outcomes.models import Outcome

        try:
            return list(Outcome.objects.all())
        except DatabaseError:  # not migrated yet: nothing to point to
            return []


def site_addresses(url: str) -> list[tuple[str, str]]:
    """Where to look, for ``serve`` and ``demo`` to print."""
    return [("Home page", url), ("Sign in", f"{url}sign-in/"),
            ("Administration", f"{url}admin/"), ("API", f"{url}api/ (docs: {url}api/docs/)")]


def queue_description() -> str:
    if settings.HUEY.get("huey_class") == "huey.RedisHuey":
        return "Redis (REDIS_URL)"
    return f"SQLite {settings.HUEY.get('filename')}"


def _stop_with_parent():
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
