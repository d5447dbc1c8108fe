"""Outcome pages: an outcome's indicators and its monitoring report."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from scrutinydesk.api.tabular import Column as ExportColumn
from scrutinydesk.api.tabular import export_response
from scrutinydesk.outcomes.models import Outcome

from ..components import Column, Row


def outcome(request, slug):
    """An outcome's indicators with their latest values, and its report downloads."""
    from scrutinydesk.reports.data import outcome_summary

    item = get_object_or_404(Outcome, slug=slug)
    summary = outcome_summary(item)
    shown = [{**row, "latest": row["latest"] or "No data"} for row in summary["indicators"]]
    if response := export_response(request, shown, OUTCOME_INDICATORS, f"{slug}-indicators"):
        return response
    report_html = reverse("web:outcome-report", args=[item.slug, "html"])
    return render(request, "web/outcome.html", {
        "outcome": item, **summary,
        "breadcrumbs": [("Home", reverse("web:home")), (item.name, "")],
        "indicator_columns": [Column("Indicator"), Column("Latest value", numeric=True),
                              Column("Period")],
        "indicator_rows": [Row(header=_link(f"{report_html}#{row['anchor']}", row["label"]),
                               cells=[row["latest"], row["period"]], numeric=(0,))
                           for row in shown],
    })


# The outcome page's indicator table as a download: the same rows and columns.
OUTCOME_INDICATORS = [ExportColumn("Indicator", "label"), ExportColumn("Latest value", "latest"),
                      ExportColumn("Period", "period")]


def _link(href: str, text: str):
    from django.utils.html import format_html

    return format_html('<a class="govuk-link" href="{}">{}</a>', href, text)


def outcome_report(request, slug, fmt):
    """The outcome's monitoring report as HTML or PDF; ?edition=YYYY-MM picks the edition."""
    from scrutinydesk.reports.data import ReportDataError, build_report, parse_edition
    from scrutinydesk.reports.render import CONTENT_TYPES, filename, render_html, render_pdf

    item = get_object_or_404(Outcome, slug=slug)
    if fmt not in CONTENT_TYPES:
        raise Http404("Reports are available as .html or .pdf")
    try:
        report = build_report(item, parse_edition(request.GET.get("edition")),
                              user=request.user)
    except ReportDataError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    body = render_html(report) if fmt == "html" else render_pdf(report)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename(report, fmt)}"'
    return response
