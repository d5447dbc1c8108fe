"""Public pages. Views stay thin: they fetch and hand over to templates."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from scrutinydesk.committees.models import Committee, Meeting
from scrutinydesk.outcomes.models import Outcome


def home(request):
    return render(request, "web/home.html", {
        "committees": Committee.objects.all(),
        "meetings": Meeting.objects.select_related("committee")[:20],
        "outcomes": Outcome.objects.prefetch_related("indicators"),
    })


def outcome(request, slug):
    """An outcome's indicators with their latest values, and its report downloads."""
    from scrutinydesk.reports.data import outcome_summary

    item = get_object_or_404(Outcome, slug=slug)
    return render(request, "web/outcome.html", {"outcome": item, **outcome_summary(item)})


def outcome_report(request, slug, fmt):
    """The outcome's monitoring report as HTML or PDF; ?edition=YYYY-MM picks the edition."""
    from scrutinydesk.reports.data import ReportDataError, build_report, parse_edition
    from scrutinydesk.reports.render import CONTENT_TYPES, filename, render_html, render_pdf

    item = get_object_or_404(Outcome, slug=slug)
    if fmt not in CONTENT_TYPES:
        raise Http404("Reports are available as .html or .pdf")
    try:
        report = build_report(item, parse_edition(request.GET.get("edition")))
    except ReportDataError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    body = render_html(report) if fmt == "html" else render_pdf(report)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename(report, fmt)}"'
    return response
