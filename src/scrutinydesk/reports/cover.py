"""The cover report to the committee: the officers' own cover sheet where one was imported,
else one written from the data."""

from __future__ import annotations

from django.db.models import Q

from scrutinydesk.committees.models import Document
from scrutinydesk.committees.vocab import DocumentKind

from . import model as m
from .formatting import paragraphs

DEFAULT_RECOMMENDATION = (
    "That the committee considers the evidence of the position on the outcome's population "
    "indicators in this report, and identifies any issues requiring more detailed "
    "consideration through focused scrutiny activity.")


def council_of(outcome, edition) -> str:
    committee = _committee(outcome, edition)
    return committee.council.name if committee is not None and committee.council else ""


def _committee(outcome, edition):
    if edition is not None and edition.meeting_id:
        return edition.meeting.committee
    return outcome.committees.first()


def cover_document(outcome, edition) -> Document | None:
    """The officers' cover sheet of this edition, if it was imported."""
    if edition is None:
        return None
    docs = Document.objects.select_related("meeting__committee")
    if edition.meeting_id:
        found = docs.filter(meeting=edition.meeting, kind=DocumentKind.MONITORING_REPORT).first()
        if found is not None:
            return found
    month = f"{edition.edition:%B %Y}"
    named = docs.filter(Q(subject__icontains="monitoring report")
                        | Q(title__icontains="monitoring report")) \
        .filter(Q(subject__icontains=month) | Q(title__icontains=month))
    committees = list(outcome.committees.all())
    if committees:
        named = named.filter(Q(meeting__committee__in=committees) | Q(meeting__isnull=True))
    return named.first()


def build_cover(outcome, edition, report: m.MonitoringReport) -> m.Cover:
    doc = cover_document(outcome, edition)
    committee = _committee(outcome, edition)
    if doc is not None and doc.meeting_id and committee is None:
        committee = doc.meeting.committee
    meeting_date = None
    if edition is not None and edition.meeting_id:
        meeting_date = edition.meeting.date
    elif doc is not None:
        meeting_date = doc.date_of_meeting or (doc.meeting.date if doc.meeting_id else None)
    subject = f"Outcomes Focused Monitoring Report, {report.edition_label}"
    if doc is not None and (doc.executive_summary or doc.recommendation):
        return m.Cover(
            committee=committee.name if committee else "", meeting_date=meeting_date,
            subject=doc.subject or subject,
            executive_summary=paragraphs(doc.executive_summary),
            recommendation=paragraphs(doc.recommendation) or [DEFAULT_RECOMMENDATION],
            reason=" ".join(paragraphs(doc.reason_for_recommendation)),
            officer=" ".join(paragraphs(doc.officer)), contact_name=doc.contact_name,
            contact_phone=doc.contact_phone, contact_email=doc.contact_email, from_paper=True)
    counts, focus = report.counts, report.focus
    summary = [
        f"This report shows the latest data held for the {counts.indicators} population "
        f"indicators of the “{report.outcome}” outcome, the {counts.measures} performance "
        "measures by which the council measures its own services' contribution, and the "
        f"{counts.risks} corporate risks that relate to them.",
        "Every judgement in it (direction of travel, trend, benchmark, target) was computed "
        "from the data by the rules set out in the key, not typed by hand.",
        f"The rules suggest {focus.total} areas for focus: {len(focus.indicators)} "
        f"indicators, {len(focus.measures)} performance measures and {len(focus.risks)} "
        "risks, each listed in the executive summary with the reason.",
    ]
    return m.Cover(committee=committee.name if committee else "", meeting_date=meeting_date,
                   subject=subject, executive_summary=summary,
                   recommendation=[DEFAULT_RECOMMENDATION])
