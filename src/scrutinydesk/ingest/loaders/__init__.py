"""Loaders: parsed papers (``ingest.records``) into model rows, inside the caller's
transaction. ``load_parsed`` picks the loader for what the parser returned."""

from __future__ import annotations

from scrutinydesk.committees.models import Meeting
from scrutinydesk.committees.vocab import DocumentKind
from scrutinydesk.ingest.errors import MalformedPaper
from scrutinydesk.ingest.records import (
    ParsedActionPlan,
    ParsedAgendaPack,
    ParsedCoverSheet,
    ParsedMeeting,
    ParsedMonitoringReport,
    ParsedOfficerReport,
    ParsedWorkProgramme,
)

from .base import LoadContext, SetAside
from .meetings import load_cover_sheet, load_meeting
from .monitoring import load_monitoring_report
from .plans import load_action_plan, load_work_programme
from .sections import load_report_sections

__all__ = ["LoadContext", "SetAside", "load_parsed"]


def load_parsed(ctx: LoadContext, record) -> None:
    if isinstance(record, ParsedAgendaPack):
        load_agenda_pack(ctx, record)
    elif isinstance(record, ParsedMeeting):
        load_meeting(ctx, record)
    elif isinstance(record, ParsedMonitoringReport):
        load_monitoring_report(ctx, record)
    elif isinstance(record, ParsedActionPlan):
        load_action_plan(ctx, record)
    elif isinstance(record, ParsedOfficerReport):
        load_officer_report(ctx, record)
    elif isinstance(record, ParsedWorkProgramme):
        if not record.committee:
            raise MalformedPaper("the work programme does not name its committee, so it "
                                 "cannot be filed", expected='a title such as "Safeguarding '
                                 'Overview & Scrutiny Committee Work Programme"')
        load_work_programme(ctx, record, ctx.committee(record.committee, record.council))
    else:
        raise TypeError(f"no loader for {type(record).__name__}")


def load_agenda_pack(ctx: LoadContext, pack: ParsedAgendaPack) -> Meeting:
    meeting = load_meeting(ctx, pack.meeting)
    committee = meeting.committee
    items_by_number = {i.number: i for i in meeting.items.all() if i.number}
    for part in pack.parts:
        ctx.default_pages = (part.page_start, part.page_end)
        item = items_by_number.get(part.item_number)
        record = part.parsed
        if part.error:
            ctx.warn(f"the {part.kind.replace('_', ' ')} '{part.title[:80]}' (lines "
                     f"{part.start_line}–{part.end_line - 1}) could not be read: {part.error}")
        if record is None:
            continue
        if isinstance(record, ParsedMeeting):  # minutes of an earlier meeting
            load_meeting(ctx, record, committee=committee if not record.committee
                         else None)
        elif isinstance(record, ParsedMonitoringReport):
            edition = load_monitoring_report(ctx, record, meeting=meeting)
            if record.cover is not None:
                load_cover_sheet(ctx, meeting, item, record.cover, title=edition.title,
                                 kind=DocumentKind.MONITORING_REPORT)
        elif isinstance(record, ParsedCoverSheet):
            load_cover_sheet(ctx, meeting, item, record, title=part.title)
        elif isinstance(record, ParsedActionPlan):
            load_action_plan(ctx, record, committee=committee, meeting=meeting)
        elif isinstance(record, ParsedWorkProgramme):
            load_work_programme(ctx, record, committee)
    ctx.default_pages = (None, None)
    return meeting


def load_officer_report(ctx: LoadContext, report: ParsedOfficerReport) -> None:
    """A standalone officer's report is kept as a document; its stated figures stay in its
    text for search (they name no indicator to attach to)."""
    from scrutinydesk.committees.models import Document

    cover = report.cover
    if cover is not None:
        load_cover_sheet(ctx, None, None, cover, title=report.title)
        return
    document = ctx.upsert(Document, {"meeting": None, "title": report.title[:1000]}, {
        "kind": DocumentKind.REPORT,
        "executive_summary": "\n\n".join(f"{h}\n{t}" for h, t in report.sections[:1]),
    }, report.ref)
    load_report_sections(ctx, document, report.parts, published_on=report.published_on)
