from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Scrutiny Desk on http://127.0.0.1:8000 (production: gunicorn behind a proxy)."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        url = f"http://{addrport}/"
        self.stdout.write(self.style.SUCCESS(f"Scrutiny Desk is at {url}"))
        self.stdout.write(f"  Home page:       {url}")
        self.stdout.write(f"  Administration:  {url}admin/")
        self.stdout.write(f"  Database:        {settings.DATABASES['default']['NAME']}")
        for outcome in self.outcomes():
            self.stdout.write(f"  Outcome {outcome.name}:".ljust(19)
                              + f"{url}outcomes/{outcome.slug}/ (monitoring report: "
                              f"{url}outcomes/{outcome.slug}/report.pdf)")
        self.stdout.write("Press Ctrl-C to stop.")
        call_command("runserver", addrport, use_reloader=False, skip_checks=False)

    def outcomes(self):
        from django.db import DatabaseError

        from scrutinydesk.outcomes.models import Outcome

        try:
            return list(Outcome.objects.all())
        except DatabaseError:  # not migrated yet: nothing to point to
            return []
