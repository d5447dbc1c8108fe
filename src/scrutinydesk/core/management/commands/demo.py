import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from scrutinydesk.ingest.errors import PaperError

SAMPLES = Path(__file__).resolve().parents[5] / "samples"


class Command(BaseCommand):
    help = "Set up the demo: migrate, import the bundled sample papers, create an admin account."

    def add_arguments(self, parser):
        parser.add_argument("--samples", default=str(SAMPLES),
                            help="Folder of papers to import (default: the bundled samples).")

    def handle(self, *args, samples, **options):
        if not settings.DEMO:
            raise CommandError("The demo runs only with SCRUTINYDESK_DEMO=1 (it creates an "
                               "admin account with a password printed on screen).")
        call_command("migrate", verbosity=0)
        self.stdout.write("Database ready: " + str(settings.DATABASES["default"]["NAME"]))
        self.import_samples(Path(samples))
        username, password = self.admin_account()
        self.stdout.write(self.style.SUCCESS("Demo ready."))
        self.stdout.write(f"  Administration: user “{username}”, password “{password}” "
                          f"(kept in {self.password_file()})")

    def import_samples(self, folder: Path):
        from scrutinydesk.ingest.services import import_path

        papers = sorted(p for p in folder.glob("*") if p.suffix.lower() in
                        {".txt", ".html", ".htm", ".pdf", ".docx"} and p.name != "README.md")
        if not papers:
            self.stdout.write(self.style.WARNING(f"No sample papers found in {folder}."))
            return
        for path in papers:
            try:
                result = import_path(path)
            except PaperError as exc:
                self.stderr.write(f"Could not import {path.name}: {exc}")
                continue
            if result.already_imported:
                self.stdout.write(f"  {path.name}: already imported")
            else:
                count = result.total_created
                self.stdout.write(f"  {path.name}: {result.kind.replace('_', ' ')}, "
                                  f"{count} record{'' if count == 1 else 's'} created")

    def password_file(self) -> Path:
        return Path(settings.VAR_DIR) / "demo-admin-password.txt"

    def admin_account(self):
        user_model = get_user_model()
        path = self.password_file()
        password = path.read_text().strip() if path.exists() else secrets.token_urlsafe(12)
        user = user_model.objects.filter(username="admin").first()
        if user is None:
            user = user_model.objects.create_superuser("admin", "admin@example.invalid",
                                                       password)
        elif not user.check_password(password):
            user.set_password(password)
            user.save()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(password + "\n")
        path.chmod(0o600)
        return "admin", password
