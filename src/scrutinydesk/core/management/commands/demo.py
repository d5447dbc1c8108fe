from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from scrutinydesk.accounts.roles import Role, group_for
from scrutinydesk.ingest.errors import PaperError

from .serve import site_addresses

SAMPLES = Path(__file__).resolve().parents[5] / "samples"


class Command(BaseCommand):
    help = ("Set up the demo: migrate, import the bundled sample papers, create one account "
            "per role (member, officer, clerk, admin).")

    def add_arguments(self, parser):
        parser.add_argument("--samples", default=str(SAMPLES),
                            help="Folder of papers to import (default: the bundled samples).")
        parser.add_argument("--url", default="http://127.0.0.1:8000/",
                            help="The address the site will be served at, to print.")

    def handle(self, *args, samples, url, **options):
        if not settings.DEMO:
            raise CommandError("The demo runs only with SCRUTINYDESK_DEMO=1 (it creates "
                               "accounts with passwords printed on screen).")
        call_command("migrate", verbosity=0)
        self.stdout.write("Database ready: " + str(settings.DATABASES["default"]["NAME"]))
        self.import_samples(Path(samples))
        accounts = [self.demo_account(account) for account in DEMO_ACCOUNTS]
        self.stdout.write(self.style.SUCCESS("Demo ready."))
        for label, address in site_addresses(url):
            self.stdout.write(f"  {label + ':':<17}{address}")
        self.stdout.write(f"  Demo accounts (passwords kept in {settings.VAR_DIR}):")
        for account, password in accounts:
            self.stdout.write(f"    {account.role.label:<14} user “{account.username}”, "
                              f"password “{password}” – {account.can}")
        self.stdout.write("  Password reset e-mails are printed here, not sent.")

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

    def demo_account(self, account: DemoAccount) -> tuple[DemoAccount, str]:
        """The account, created once; its password generated once and kept in var/."""
        path = password_file(account.username)
        password = path.read_text().strip() if path.exists() else secrets.token_urlsafe(12)
        user = get_user_model().objects.filter(username=account.username).first()
        if user is None:
            user = get_user_model()(username=account.username)
        user.email = f"{account.username}@example.invalid"
        user.first_name, user.last_name = account.name.split(" ", 1)
        user.is_staff = user.is_superuser = account.role is Role.ADMIN
        if not user.check_password(password):
            user.set_password(password)
        user.save()
        user.groups.set([group_for(account.role)])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(password + "\n")
        path.chmod(0o600)
        return account, password


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    username: str
    name: str
    can: str


DEMO_ACCOUNTS = [
    DemoAccount(Role.MEMBER, "member", "Councillor Demo", "sees exempt items"),
    DemoAccount(Role.OFFICER, "officer", "Olive Officer",
                "changes outcomes data, confirms imported records"),
    DemoAccount(Role.CLERK, "clerk", "Chris Clerk",
                "keeps meetings, minutes, undertakings, the work programme"),
    DemoAccount(Role.ADMIN, "admin", "Ada Admin", "everything, and the administration pages"),
]


def password_file(username: str) -> Path:
    return Path(settings.VAR_DIR) / f"demo-{username}-password.txt"
