"""``scrutinydesk report``: write an outcome's monitoring report as HTML or PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scrutinydesk.reports.data import ReportDataError
from scrutinydesk.reports.render import FORMATS, filename, generate


class Command(BaseCommand):
    help = ("Generate an outcome's Outcomes Focused Monitoring Report (HTML or PDF) from the "
            "data held.")

    def add_arguments(self, parser):
        parser.add_argument("--outcome", required=True, help='Outcome name or slug, e.g. "Safe".')
        parser.add_argument("--edition", help="Edition month, YYYY-MM (default: the latest "
                            "edition held, else this month).")
        parser.add_argument("--format", choices=FORMATS, default="html", dest="fmt",
                            help="html (default) or pdf.")
        parser.add_argument("-o", "--output", help="File to write (default: a name made from "
                            "the outcome and edition, in the current folder); '-' writes HTML "
                            "to standard output.")

    def handle(self, *args, outcome, edition, fmt, output, **options):
        try:
            report, data = generate(outcome, edition, fmt)
        except ReportDataError as exc:
            raise CommandError(str(exc)) from exc
        if output == "-":
            if fmt == "pdf":
                raise CommandError("a PDF cannot be written to standard output; give -o FILE")
            self.stdout.write(data.decode("utf-8"))
            return
        path = Path(output or filename(report, fmt))
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from exc
        self.stdout.write(f"Wrote {report.title} ({fmt.upper()}, {len(data):,} bytes) to "
                          f"{path}")
