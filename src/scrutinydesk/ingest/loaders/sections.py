"""A long report's sections, and the figures they quote matched to indicators and measures
(``ingest.quotes``). A quoted figure is kept as a ``QuotedFigure`` beside the indicator,
never as one of its observations."""

from __future__ import annotations

from datetime import date

from scrutinydesk.committees.models import Document, QuotedFigure, ReportSection
from scrutinydesk.ingest.quotes import Subject, quotes_in
from scrutinydesk.ingest.records import ParsedReportSection
from scrutinydesk.outcomes.models import PerformanceMeasure, PopulationIndicator

from .base import LoadContext


def subjects() -> list[Subject]:
    """Every indicator and measure recorded, as the matcher sees them."""
    return [*(Subject("indicator", pk, title, unit) for pk, title, unit in
              PopulationIndicator.objects.values_list("pk", "title", "unit")),
            *(Subject("measure", pk, title, unit) for pk, title, unit in
              PerformanceMeasure.objects.values_list("pk", "title", "unit"))]


def load_report_sections(ctx: LoadContext, document: Document,
                         parts: list[ParsedReportSection], *,
                         published_on: date | None = None) -> None:
    """Store ``parts`` as the document's sections, with the figures they quote; the
    report's date, where it prints one, becomes its paper's."""
    if published_on and ctx.source.published_on is None:
        ctx.source.published_on = published_on
        ctx.source.save(update_fields=["published_on"])
    known = subjects()
    kept = []
    for position, part in enumerate(parts):
        section = ctx.upsert(ReportSection, {"document": document, "position": position}, {
            "number": part.number[:20], "title": part.title[:500], "text": part.text,
        }, part.ref, keep_existing_blank=False)
        kept.append(section.pk)
        quotes = []
        for quote in quotes_in(part.text, known, part.ref):
            figure, subject = quote.figure, quote.subject
            quotes.append(ctx.upsert(QuotedFigure, {
                "section": section, "value_text": figure.value_text[:100],
                "indicator_id": subject.pk if subject.kind == "indicator" else None,
                "measure_id": subject.pk if subject.kind == "measure" else None,
            }, {"value": figure.value, "unit": figure.unit, "sentence": figure.sentence,
                "period_text": figure.period_text[:100], "score": quote.score},
                part.ref, keep_existing_blank=False).pk)
        section.quoted_figures.exclude(pk__in=quotes).delete()
    document.sections.exclude(pk__in=kept).delete()
