from django.core.management.base import BaseCommand

from scrutinydesk.api.exports import EXPORTS, export_csv, export_json


class Command(BaseCommand):
    help = "Export indicators, measures, risks, meetings, undertakings, work programme, " \
           "action plans or findings as JSON or CSV on standard output."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(EXPORTS))
        parser.add_argument("--format", choices=("json", "csv"), default="json")

    def handle(self, *args, kind, format, **options):
        text = export_json(kind) if format == "json" else export_csv(kind)
        self.stdout.write(text, ending="" if text.endswith("\n") else "\n")
