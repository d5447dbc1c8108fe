import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scrutinydesk.api import ocd
from scrutinydesk.api.exports import EXPORTS, export
from scrutinydesk.api.tabular import json_default

FORMATS = ("json", "csv", "xlsx", "ocd")


class Command(BaseCommand):
    help = "Export indicators, measures, risks, meetings, undertakings, work programme, " \
           "action plans or findings as JSON, CSV or XLSX (meetings also as Open Civic " \
           "Data events: --format ocd), as the public sees them."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(EXPORTS))
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("-o", "--output", metavar="FILE",
                            help="write to FILE instead of standard output (needed for "
                                 "XLSX on a terminal)")

    def handle(self, *args, kind, format, output=None, **options):
        if format == "ocd":
            if kind != "meetings":
                raise CommandError("--format ocd is for meetings only")
            body = json.dumps(ocd.events(), default=json_default, ensure_ascii=False,
                              indent=2).encode("utf-8")
        else:
            body = export(kind, format)
        if output:
            Path(output).write_bytes(body)
        elif format == "xlsx":
            self._write_binary(body)
        else:
            text = body.decode("utf-8")
            self.stdout.write(text, ending="" if text.endswith("\n") else "\n")

    def _write_binary(self, body: bytes) -> None:
        stream = getattr(self.stdout, "_out", sys.stdout)
        buffer = getattr(stream, "buffer", None)
        if buffer is None or stream.isatty():
            raise CommandError("XLSX is a binary file: give --output FILE, or redirect "
                               "standard output to a file")
        stream.flush()
        buffer.write(body)
        buffer.flush()
