"""The monitoring report rendered: HTML through Django templates, PDF through WeasyPrint
(CSS paged media: A4 portrait, running header, page numbers, contents with real page
numbers, bookmarks)."""

from __future__ import annotations

from datetime import date

from django.template.loader import render_to_string

from .data import build_report, find_outcome, parse_edition
from .model import MonitoringReport

FORMATS = ("html", "pdf")
CONTENT_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def render_html(report: MonitoringReport) -> str:
    """The report as one self-contained HTML page (styles and charts inline)."""
    return render_to_string("reports/monitoring_report.html", {"report": report})


def render_pdf(report: MonitoringReport, html: str | None = None) -> bytes:
    """The report as a PDF with selectable text, page numbers and bookmarks."""
    from weasyprint import HTML

    html = html if html is not None else render_html(report)
    return HTML(string=html, base_url=None).write_pdf(
        pdf_identifier=f"scrutinydesk-{report.slug}-{report.edition:%Y-%m}".encode(),
        uncompressed_pdf=False)


def filename(report: MonitoringReport, fmt: str) -> str:
    return f"{report.slug}-monitoring-report-{report.edition:%Y-%m}.{fmt}"


def generate(outcome_name: str, edition: str | date | None = None, fmt: str = "html", *,
             today: date | None = None) -> tuple[MonitoringReport, bytes]:
    """Build and render the report for an outcome (name or slug) and edition ("YYYY-MM")."""
    if fmt not in FORMATS:
        from .data import ReportDataError

        raise ReportDataError(f"the format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    month = parse_edition(edition) if isinstance(edition, str) or edition is None else edition
    report = build_report(find_outcome(outcome_name), month, today=today)
    if fmt == "html":
        return report, render_html(report).encode("utf-8")
    return report, render_pdf(report)
