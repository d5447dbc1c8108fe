"""Monitoring report generation for a synthetic outcome of 50 indicators × 10 years (two
performance measures each), HTML and PDF, beside WeasyPrint's time for a static HTML page
of the same number of pages. One run of each, in a temporary SQLite database; bounded in time."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

INDICATORS, YEARS, MEASURES = 50, 10, 2


def _django(db: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("SCRUTINYDESK_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutinydesk.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def static_page(pages: int) -> str:
    """Plain HTML (a heading, paragraphs and a table a page; no charts) of ``pages`` pages."""
    rows = "".join(f"<tr><td>Q{q % 4 + 1} 20{q // 4 + 10}-{q // 4 + 11}</td><td>{q}.5</td></tr>"
                   for q in range(16))
    block = ("<section><h2>Section</h2>"
             + ("<p>" + "Plain text of a council report, set in paragraphs. " * 14 + "</p>") * 4
             + f"<table><tr><th>Period</th><th>Value</th></tr>{rows}</table></section>")
    return ("<!doctype html><html lang='en'><head><style>@page { size: A4; margin: 2cm } "
            "section { break-after: page; height: 24cm; overflow: hidden }</style></head>"
            f"<body>{block * pages}</body></html>")


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        _django(Path(folder) / "bench.sqlite3")
        from weasyprint import HTML

        from scrutinydesk.reports.data import build_report
        from scrutinydesk.reports.render import render_html, render_pdf
        from scrutinydesk.reports.synthetic import make_synthetic_outcome

        outcome, setup = _timed(lambda: make_synthetic_outcome(
            "Benchmark", indicators=INDICATORS, years=YEARS, measures_per_indicator=MEASURES))
        report, build = _timed(lambda: build_report(outcome))
        page, html = _timed(lambda: render_html(report))
        pdf, pdf_time = _timed(lambda: render_pdf(report, page))
        pages = page_count(pdf)
        static = static_page(pages)
        static_pdf, baseline = _timed(lambda: HTML(string=static).write_pdf())
        from django.db import connections

        connections.close_all()
    size = f"{len(page) / 1024:.0f} KB of HTML"
    return [
        {"name": "weasyprint static page", "seconds": baseline,
         "note": f"{page_count(static_pdf)} pages of text and tables, no charts"},
        {"name": "synthetic data (setup)", "seconds": setup, "baseline": "weasyprint static page",
         "note": f"{INDICATORS} indicators × {YEARS} years, {MEASURES} measures each"},
        {"name": "report HTML", "seconds": build + html, "baseline": "weasyprint static page",
         "note": f"build {build:.2f} s (judgements, charts) + templates {html:.2f} s; {size}"},
        {"name": "report PDF", "seconds": build + html + pdf_time,
         "baseline": "weasyprint static page",
         "note": f"WeasyPrint {pdf_time:.2f} s; {pages} pages"},
        {"name": "report PDF, WeasyPrint only", "seconds": pdf_time,
         "baseline": "weasyprint static page"},
    ]
