"""Importing papers: the January 2018 agenda pack (152 KB of text, 94 pages) read, parsed
and loaded into a temporary SQLite database, and the meeting-documents page read from PDF,
each beside the time to read the same bytes as plain text (the baseline: decoding and
splitting lines, the least any import must do)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "samples" / "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
PAGE = ROOT / "samples" / "2018-01-30-meeting-documents-page.txt"
ROUNDS = 3  # best of three for the short figures


def _best(fn) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ["SCRUTINYDESK_VAR"] = folder
        os.environ.setdefault("SCRUTINYDESK_DEMO", "1")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutinydesk.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        from scrutinydesk.ingest.formats import read_paper
        from scrutinydesk.ingest.parse import parse_paper
        from scrutinydesk.ingest.services import import_bytes
        from tests.ingest.paperbuilders import text_to_pdf

        data = PACK.read_bytes()
        baseline = _best(lambda: data.decode("utf-8").splitlines())
        read = _best(lambda: read_paper(data, PACK.name))
        parse = _best(lambda: parse_paper(read_paper(data, PACK.name)))
        started = time.perf_counter()
        result = import_bytes(data, PACK.name)
        first_import = time.perf_counter() - started
        started = time.perf_counter()
        import_bytes(data + b"\n", "copy.txt")  # same content: everything found unchanged
        second_import = time.perf_counter() - started
        pdf = text_to_pdf(PAGE.read_text(encoding="utf-8"))
        pdf_read = _best(lambda: read_paper(pdf, "page.pdf"))
        from django.db import connections

        connections.close_all()
    return [
        {"name": "decode and split lines", "seconds": baseline,
         "note": f"{len(data) / 1024:.0f} KB agenda pack"},
        {"name": "read pack (text)", "seconds": read, "baseline": "decode and split lines"},
        {"name": "read and parse pack", "seconds": parse, "baseline": "read pack (text)"},
        {"name": "import pack, first time", "seconds": first_import,
         "baseline": "read and parse pack",
         "note": f"{result.total_created} records created, findings recomputed"},
        {"name": "import same content again", "seconds": second_import,
         "baseline": "import pack, first time", "note": "nothing changes"},
        {"name": "read meeting page from PDF", "seconds": pdf_read,
         "baseline": "read pack (text)", "note": f"{len(pdf) / 1024:.0f} KB PDF"},
    ]
