"""The report's key (every word, symbol, colour and line style it uses) and its sources."""

from __future__ import annotations

from scrutinydesk import judgements as j
from scrutinydesk.core.models import SourceDocument

from . import model as m

R, A, G, N = j.RAG.RED, j.RAG.AMBER, j.RAG.GREEN, j.RAG.NONE


def build_key(edition) -> list[tuple[str, list[m.KeyEntry]]]:
    """Groups of (term, meaning, RAG) explaining everything the report prints."""
    band = f"{j.DEFAULT_SIMILAR_BAND * 100:g}%"
    return [
        ("Ratings", [
            m.KeyEntry("Green ✓", "Good: improving, better than the comparator, target met, "
                       "or a low risk.", G),
            m.KeyEntry("Amber ●", "Keep watching: similar, or a medium risk.", A),
            m.KeyEntry("Red ✗", "Needs attention: worsening, worse than the comparator, "
                       "target not met, or a high risk.", R),
            m.KeyEntry("Not rated –", "No judgement: the indicator has no agreed direction, "
                       "or there are not enough data.", N),
        ]),
        ("Direction of travel and trend", [
            m.KeyEntry("Improving", "Moved the good way by more than the similar band "
                       f"(±{band} of the earlier value unless set otherwise).", G),
            m.KeyEntry("Similar", "Moved less than the similar band either way.", A),
            m.KeyEntry("Worsening", "Moved the bad way by more than the similar band.", R),
            m.KeyEntry("Increasing / Decreasing", "Moved, for an indicator with no agreed "
                       "direction: neither better nor worse.", N),
            m.KeyEntry("Cannot be calculated", "Too few values to judge; the reason is "
                       "given beside it.", N),
            m.KeyEntry("Direction of travel", "The latest value against the previous one."),
            m.KeyEntry("Trend", "A straight line fitted to the last few periods (three "
                       "unless set otherwise), judged by the same band."),
        ]),
        ("Benchmark", [
            m.KeyEntry("Better than", "Significantly better than the comparator (with "
                       f"confidence intervals), or beyond ±{band} of it the good way.", G),
            m.KeyEntry("Similar to", "Not significantly different from the comparator.", A),
            m.KeyEntry("Worse than", "Significantly worse than the comparator, or beyond "
                       f"±{band} of it the bad way.", R),
            m.KeyEntry("Higher than / Lower than", "For an indicator with no agreed "
                       "direction: neither better nor worse.", N),
            m.KeyEntry("Not compared", "No comparator value is held for the period.", N),
        ]),
        ("Target", [
            m.KeyEntry("Target met", "At or beyond the target in the good direction.", G),
            m.KeyEntry("Target not met", "Short of the target.", R),
            m.KeyEntry("No target", "No target has been set for the period.", N),
        ]),
        ("Corporate risks", [
            m.KeyEntry("HIGH", _printed(edition, "HIGH") or "High level risk on the "
                       "corporate risk register.", R),
            m.KeyEntry("MEDIUM", _printed(edition, "MEDIUM") or "Medium level risk on the "
                       "corporate risk register.", A),
            m.KeyEntry("LOW", _printed(edition, "LOW") or "Low level risk on the corporate "
                       "risk register.", G),
            m.KeyEntry("Improving / Unchanged / Worsening", "The risk's trend as reported "
                       "with its assessment."),
        ]),
        ("Charts", [
            m.KeyEntry("Solid line, filled circles", "The council area's own values."),
            m.KeyEntry("Dashed line, open squares", "The comparator (England, the region or "
                       "statistical neighbours); further comparators use dash-dot lines "
                       "with diamonds."),
            m.KeyEntry("Dotted line, open triangles", "The target."),
            m.KeyEntry("Label at the right", "Each line's name and latest value."),
        ]),
    ]


def _printed(edition, word: str) -> str:
    key = (edition.key or {}) if edition is not None else {}
    return next((v for k, v in key.items() if k.strip().upper() == word), "")


def build_sources(edition, source_ids: set[int], indicators) -> list[m.Source]:
    sources = []
    if edition is not None:
        pages = edition.source_pages
        sources.append(m.Source(
            edition.title or f"Outcomes Focused Monitoring Report, {edition.edition:%B %Y}",
            (f"{edition.source.name}, {pages}" if edition.source and pages
             else (edition.source.name if edition.source else "Entered in Scrutiny Desk"))))
    ids = set(source_ids) - ({edition.source_id} if edition is not None else set())
    for doc in SourceDocument.objects.filter(pk__in=ids).order_by("name"):
        detail = doc.name if doc.title else ""
        if doc.published_on:
            detail = f"{detail}, published {doc.published_on:%-d %B %Y}".lstrip(", ")
        sources.append(m.Source(doc.title or doc.name, detail))
    seen = set()
    for view in (v for i in indicators for v in [i, *i.parts]):
        if view.data_source and view.data_source not in seen:
            seen.add(view.data_source)
            sources.append(m.Source(view.data_source, f"Data for {view.heading}"))
    sources.append(m.Source(
        "Judgements computed by Scrutiny Desk",
        "Direction of travel, trend, benchmark (with Wilson or Byar confidence intervals "
        "where counts are held) and target status are computed from the data above by the "
        "rules in the methodology (docs/methodology.md), not copied from the paper."))
    return sources
