"""Meetings, agendas and minutes into the committees app. The same meeting read from its
agenda pack and from its meeting-documents page lands on one Meeting."""

from __future__ import annotations

import re

from django.db.models import Q

from scrutinydesk.committees.models import (
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Declaration,
    Document,
    Meeting,
    Membership,
    Undertaking,
)
from scrutinydesk.committees.vocab import (
    AttendanceStatus,
    AttendeeKind,
    DocumentKind,
    MeetingStatus,
)
from scrutinydesk.core.names import normalise_person_name
from scrutinydesk.ingest.parsers.common import parse_date, venue_name
from scrutinydesk.ingest.records import (
    ParsedAgendaItem,
    ParsedAttendee,
    ParsedCoverSheet,
    ParsedDocumentLink,
    ParsedMeeting,
)
from scrutinydesk.outcomes.titles import normalise_title, title_similarity

from .base import LoadContext

STATUS_RANK = {MeetingStatus.SCHEDULED: 0, MeetingStatus.POSTPONED: 1, MeetingStatus.HELD: 2,
               MeetingStatus.CANCELLED: 3}


def load_meeting(ctx: LoadContext, parsed: ParsedMeeting, *,
                 committee: Committee | None = None) -> Meeting:
    """Create or update the meeting and everything the paper says about it."""
    committee = committee or ctx.committee(parsed.committee, parsed.council)
    for message in parsed.unread:
        ctx.warn(f"minutes of {parsed.date:%d %B %Y}: {message}")
    status = parsed.status or MeetingStatus.SCHEDULED
    existing = Meeting.objects.filter(committee=committee, date=parsed.date).first()
    if existing and STATUS_RANK.get(existing.status, 0) > STATUS_RANK.get(status, 0):
        status = existing.status  # an agenda read after the minutes does not undo "held"
    for member in parsed.members:  # first, so that a chair named by role can be found
        person = ctx.member(member.name, committee)
        if person is not None:
            ctx.upsert(Membership, {"committee": committee, "member": person,
                                    "role": member.role or "member", "start": None}, {},
                       member.ref)
    chair = _chair(ctx, committee, parsed.chaired_by) if parsed.chaired_by else None
    values = {
        "start_time": parsed.start_time,
        "end_time": parsed.end_time,
        "venue": venue_name(parsed.venue)[:500],
        "contact": parsed.contact[:500],
        "status": status,
        "note": parsed.note,
        "published_on": parsed.published_on,
    }
    if parsed.declarations_none:
        values["declarations_none"] = True
    if chair is not None:  # with the meeting's other values: a new meeting is created once
        values["chaired_by"] = chair
    meeting = ctx.upsert(Meeting, {"committee": committee, "date": parsed.date}, values,
                         parsed.ref)

    items = [load_item(ctx, meeting, item, position)
             for position, item in enumerate(parsed.items, start=1)]

    for attendee in parsed.attendance:
        load_attendee(ctx, meeting, committee, attendee)
    if chair is not None and not meeting.attendance.filter(member=chair).exists():
        ctx.upsert(Attendance, {"meeting": meeting, "member": chair}, {  # who chaired was there
            "kind": AttendeeKind.COMMITTEE_MEMBER, "status": AttendanceStatus.PRESENT,
            "capacity": "Chair"}, parsed.ref)
    for item, parsed_item in zip(items, parsed.items, strict=True):
        for link in parsed_item.documents:
            load_document_link(ctx, meeting, item, link, parsed_item.ref)

    for item, parsed_item in zip(items, parsed.items, strict=True):
        load_item_business(ctx, meeting, committee, item, parsed_item)
    for parsed_item in parsed.items:
        confirmed = minutes_confirmed(parsed_item.minutes)
        earlier = Meeting.objects.filter(committee=committee, date=confirmed).first() \
            if confirmed else None
        if earlier is not None and earlier.pk != meeting.pk:
            ctx.upsert(Meeting, {"pk": earlier.pk}, {"minutes_confirmed_on": meeting.date})
    for future in parsed.future_meetings:
        existing = Meeting.objects.filter(committee=committee, date=future.date).first()
        details = {}
        # the time and place the minutes announce for the next meeting, never over what the
        # meeting's own papers say
        if future.start_time and not (existing and existing.start_time):
            details["start_time"] = future.start_time
        if future.venue and not (existing and existing.venue):
            details["venue"] = venue_name(future.venue)[:500]
        ctx.upsert(Meeting, {"committee": committee, "date": future.date}, details, future.ref)
    return meeting


_CONFIRMED = re.compile(
    r"minutes (?:from|of) the (?:previous )?meeting held on (.{6,40}?) (?:were|was|be) "
    r"(?:agreed|confirmed|approved)", re.I)


def minutes_confirmed(text: str):
    """The date of the meeting whose minutes this item confirmed: "The minutes from the
    meeting held on 12 October 2017 were agreed and signed." """
    m = _CONFIRMED.search(text or "")
    return parse_date(m.group(1)) if m else None


def _chair(ctx: LoadContext, committee: Committee, printed: str):
    words = printed.lower().replace("-", " ")
    role = "vice_chair" if "vice" in words else "chair" if "chair" in words else None
    if role and len(printed.split()) <= 2:
        seat = committee.memberships.filter(role=role).select_related("member").first()
        return seat.member if seat else None
    return ctx.member(printed, committee)


def load_document_link(ctx: LoadContext, meeting: Meeting, item: AgendaItem,
                       link: ParsedDocumentLink, ref) -> Document:
    """A paper linked from the meeting's page ("Appendix 1 pdf icon PDF 1 MB") as a Document
    of the item; the same title on the same meeting is the same document (a cover sheet read
    from the pack included)."""
    title = link.title.strip()[:1000] or item.title[:1000]
    existing = meeting.documents.filter(title=title).filter(
        Q(agenda_item=item) | Q(agenda_item__isnull=True)).first()
    lookup = {"pk": existing.pk} if existing else {"meeting": meeting, "agenda_item": item,
                                                    "title": title}
    kind = DocumentKind.APPENDIX if _APPENDIX.match(title) else \
        DocumentKind.MINUTES if _MINUTES_DOC.match(title) else DocumentKind.REPORT
    values = {"agenda_item": item, "link_text": f"{link.format} {link.size_text}".strip()[:300],
              "exempt": item.exempt}
    if not existing:
        values["kind"] = kind
    return ctx.upsert(Document, lookup, values, ref)


_APPENDIX = re.compile(r"(?i)^(?:appendix|appendices|annex|enclosure|schedule)\b")
_MINUTES_DOC = re.compile(r"(?i)^(?:(?:draft|exempt|public)\s+)?minutes\b")


def find_item(meeting: Meeting, parsed: ParsedAgendaItem) -> AgendaItem | None:
    """The stored item a parsed one is: same agenda number, else same or similar title
    (minutes printed in a later pack number items by minute, not by agenda number)."""
    items = list(meeting.items.all())
    title_key = normalise_title(parsed.title)
    if parsed.number:
        same_number = [i for i in items if i.number == parsed.number]
        for item in same_number:
            if normalise_title(item.title) == title_key or title_similarity(item.title,
                                                                            parsed.title) >= 0.5:
                return item
    exact = [i for i in items if normalise_title(i.title) == title_key]
    if len(exact) == 1:
        return exact[0]
    if parsed.minute_number:
        by_minute = [i for i in items if i.minute_number == parsed.minute_number]
        if len(by_minute) == 1:
            return by_minute[0]
    scored = sorted(((title_similarity(i.title, parsed.title), i) for i in items),
                    key=lambda pair: pair[0], reverse=True)
    if scored and scored[0][0] >= 0.6 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    if parsed.number:
        same_number = [i for i in items if i.number == parsed.number]
        if len(same_number) == 1 and not same_number[0].minutes:
            return same_number[0]
    return None


def load_item(ctx: LoadContext, meeting: Meeting, parsed: ParsedAgendaItem,
              position: int) -> AgendaItem:
    existing = find_item(meeting, parsed)
    values = {
        "number": parsed.number,
        "minute_number": parsed.minute_number,
        "title": parsed.title[:1000],
        "description": parsed.description,
        "page_start": parsed.page_start,
        "page_end": parsed.page_end,
        "part": parsed.part or 1,
        "exempt": parsed.exempt or parsed.part == 2,
        "exempt_paragraph": parsed.exempt_paragraph if (parsed.exempt or parsed.part == 2)
        else "",
        "minutes": parsed.minutes,
    }
    if existing is not None:
        if existing.number and parsed.number and existing.number != parsed.number:
            values.pop("number")  # minutes numbering differs from the agenda's: keep agenda's
        if len(existing.title) > len(parsed.title):
            values.pop("title")
        return ctx.upsert(AgendaItem, {"pk": existing.pk}, values, parsed.ref)
    return ctx.upsert(AgendaItem, {"meeting": meeting, "number": parsed.number,
                                   "title": parsed.title[:1000]},
                      {**values, "position": _next_position(meeting, position)}, parsed.ref)


def _next_position(meeting: Meeting, position: int) -> int:
    taken = set(meeting.items.values_list("position", flat=True))
    return position if position not in taken else max(taken, default=0) + 1


def load_attendee(ctx: LoadContext, meeting: Meeting, committee: Committee,
                  attendee: ParsedAttendee) -> Attendance | None:
    kind = attendee.kind or AttendeeKind.COMMITTEE_MEMBER
    status = attendee.status or AttendanceStatus.PRESENT
    if kind in (AttendeeKind.COMMITTEE_MEMBER, AttendeeKind.OTHER_MEMBER):
        member = ctx.member(attendee.name, committee)
        if member is None:
            return None
        substitute_for = ctx.member(attendee.substitute_for, committee) \
            if attendee.substitute_for else None
        if substitute_for is not None:
            status = AttendanceStatus.SUBSTITUTE
        return ctx.upsert(Attendance, {"meeting": meeting, "member": member}, {
            "kind": kind, "status": status, "capacity": attendee.capacity[:300],
            "substitute_for": substitute_for,
        }, attendee.ref)
    if kind == AttendeeKind.OFFICER:
        officer = ctx.officer(attendee.name, attendee.capacity)
        if officer is None:
            return None
        return ctx.upsert(Attendance, {"meeting": meeting, "officer": officer}, {
            "kind": kind, "status": status, "capacity": attendee.capacity[:300]}, attendee.ref)
    name = attendee.name.strip()[:200]
    if not name:
        return None
    return ctx.upsert(Attendance, {"meeting": meeting, "kind": AttendeeKind.OTHER, "name": name},
                      {"status": status, "capacity": attendee.capacity[:300]}, attendee.ref)


def load_item_business(ctx: LoadContext, meeting: Meeting, committee: Committee,
                       item: AgendaItem, parsed: ParsedAgendaItem) -> None:
    """Decisions, undertakings and declarations recorded against one item."""
    for position, decision in enumerate(parsed.decisions, start=1):
        ctx.upsert(Decision, {"meeting": meeting, "agenda_item": item, "kind": decision.kind,
                              "position": position}, {
            "number": decision.number,
            "text": decision.text,
            "reason": decision.reason,
            "recipient": decision.recipient if decision.kind == "recommended" else "",
        }, decision.ref)
    for undertaking in parsed.undertakings:
        owner = undertaking.owner.strip()[:300] or "Not named"
        owner = owner[:1].upper() + owner[1:]  # "the Director" mid-sentence is "The Director"
        role = owner
        officer = ctx.officer(owner) if _looks_like_name(owner) else None
        member = None
        if re.match(r"(?i)^(cllr|councillor)\b", owner):
            member, officer = ctx.member(owner, committee), None
        elif officer is None:
            # "The Head of Safeguarding Adults undertook …" with "Mark Ellison (Head of
            # Safeguarding Adults)" attending: the log names the person, with the role
            present = _attendee_in_role(meeting, owner)
            if present is not None:
                officer, member = present.officer, present.member
                who = present.officer.name if present.officer else present.member.name
                owner = f"{who} ({present.capacity})"[:300]
        existing = _same_undertaking(meeting, item, owner, undertaking.text) or \
            _same_undertaking(meeting, item, role, undertaking.text)
        lookup = {"pk": existing.pk} if existing else {
            "meeting": meeting, "agenda_item": item, "owner": owner, "text": undertaking.text}
        ctx.upsert(Undertaking, lookup, {
            "owner": owner, "text": undertaking.text, "due": undertaking.due,
            "owner_officer": officer, "owner_member": member,
        }, undertaking.ref)
    for declaration in parsed.declarations:
        member = ctx.member(declaration.member, committee)
        if member is None:
            continue
        target = item
        if declaration.item_number and declaration.item_number != item.number:
            target = meeting.items.filter(number=declaration.item_number).first() or item
        ctx.upsert(Declaration, {"meeting": meeting, "member": member, "agenda_item": target},
                   {"kind": declaration.kind or "other", "interest": declaration.interest},
                   declaration.ref)


def _role_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"(?i)^(?:the|our|a|an)\s+", "",
                                                       text.strip())))


def _attendee_in_role(meeting: Meeting, role: str) -> Attendance | None:
    """The one officer (or member) at the meeting whose capacity is ``role`` as printed."""
    key = _role_key(role)
    if not key or _looks_like_name(role) and not role.lower().startswith("the "):
        return None
    found = [a for a in meeting.attendance.select_related("officer", "member")
             if (a.officer or a.member) and a.capacity and _role_key(a.capacity) == key]
    return found[0] if len(found) == 1 else None


def _same_undertaking(meeting, item, owner, text):
    key = _words(text)[:12]
    for existing in Undertaking.objects.filter(meeting=meeting, agenda_item=item):
        if _words(existing.text)[:12] == key and \
                normalise_person_name(existing.owner) == normalise_person_name(owner):
            return existing
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _looks_like_name(owner: str) -> bool:
    """ "Sally Wernick" is a person; "The Strategic Lead for Safeguarding" is a role."""
    words = owner.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and \
        words[0].lower() not in {"the", "a", "an", "one", "members", "officers"}


def load_cover_sheet(ctx: LoadContext, meeting: Meeting | None, item: AgendaItem | None,
                     cover: ParsedCoverSheet, *, title: str, kind: str = "report") -> Document:
    """A report's cover sheet as a Document of the meeting."""
    lookup = {"meeting": meeting, "title": (cover.subject or title)[:1000]}
    return ctx.upsert(Document, lookup, {
        "agenda_item": item,
        "kind": kind,
        "date_of_meeting": cover.date_of_meeting,
        "officer": cover.officer,
        "subject": cover.subject[:1000],
        "executive_summary": cover.executive_summary,
        "equalities_impact": cover.equalities_impact,
        "use_of_evidence": cover.use_of_evidence,
        "budget": cover.budget,
        "risk_assessment": cover.risk_assessment,
        "risk_current": cover.risk_current[:20],
        "risk_residual": cover.risk_residual[:20],
        "other_implications": cover.other_implications,
        "recommendation": cover.recommendation,
        "reason_for_recommendation": cover.reason_for_recommendation,
        "appendices": "\n".join(cover.appendices),
        "background_papers": "\n".join(cover.background_papers),
        "contact_name": cover.contact_name[:300],
        "contact_phone": cover.contact_phone[:100],
        "contact_email": cover.contact_email if "@" in cover.contact_email else "",
        "exempt": bool(item and item.exempt),
    }, cover.ref)
