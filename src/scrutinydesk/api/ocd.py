"""Meetings as Open Civic Data events (the OCD Event shape, as Open States and City
Scrapers publish it): name, start and end, location, status, participants, the agenda with
each item's related entities, media and notes, documents and sources.

The meetings come from ``Meeting.objects.visible_to(user)`` (core.visibility), so for the
public an exempt item keeps its number and title with no notes, related entities or media.
``EVENT_SCHEMA`` is the JSON Schema of what ``event()`` returns (docs/export-format.md).
"""

from __future__ import annotations

import mimetypes
import uuid
from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse

from scrutinydesk.committees.models import (
    AgendaItem,
    Decision,
    Declaration,
    Meeting,
    Undertaking,
)
from scrutinydesk.committees.vocab import AttendanceStatus, DecisionKind, MeetingStatus

# A meeting's identifier is the same in every copy of the data: a UUID made from its
# committee and date.
NAMESPACE = uuid.UUID("6f1d3c55-2b8e-4d59-9a53-8d1f4a9e2c10")
STATUS = {MeetingStatus.CANCELLED: "cancelled", MeetingStatus.POSTPONED: "cancelled",
          MeetingStatus.HELD: "passed"}
ATTENDANCE_NOTE = {AttendanceStatus.PRESENT: "present", AttendanceStatus.APOLOGIES: "apologies",
                   AttendanceStatus.ABSENT: "absent",
                   AttendanceStatus.SUBSTITUTE: "substitute"}

Url = Callable[[str], str]  # turns a site path into the URL a reader follows


def event_id(meeting: Meeting) -> str:
    return f"ocd-event/{uuid.uuid5(NAMESPACE, f'{meeting.committee.name}|{meeting.date}')}"


def meetings_for(user):
    """Meetings with everything ``event()`` reads, through the visibility layer (a
    meeting's items come with it; their business is fetched as ``user`` may see it)."""
    return Meeting.objects.visible_to(user).select_related(
        "committee", "chaired_by", "source").prefetch_related(
        Prefetch("items__decisions", Decision.objects.visible_to(user)),
        Prefetch("items__undertakings", Undertaking.objects.visible_to(user)),
        Prefetch("items__declarations",
                 Declaration.objects.visible_to(user).select_related("member")),
        "items__documents",
        "attendance__member", "attendance__officer", "attendance__substitute_for")


def _when(day: date, at: time | None) -> str:
    if at is None:
        return day.isoformat()
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(day, at, tzinfo=zone).isoformat()


def status(meeting: Meeting, today: date | None = None) -> str:
    """cancelled, passed or confirmed: a scheduled meeting whose day has gone has passed."""
    if meeting.status in STATUS:
        return STATUS[meeting.status]
    return "passed" if meeting.date < (today or date.today()) else "confirmed"


def _api(url: Url, name: str, pk) -> str:
    return url(reverse(f"api:{name}-detail", args=[pk]))


def _media_type(document) -> str:
    if document.file:
        return mimetypes.guess_type(document.file.name)[0] or "application/octet-stream"
    return "application/json"


def _document_url(document, url: Url) -> str:
    return url(document.file.url) if document.file else _api(url, "document", document.pk)


def _participants(meeting: Meeting) -> list[dict]:
    people = [{"name": meeting.committee.name, "entity_type": "organization",
               "note": "host"}]
    if meeting.chaired_by:
        people.append({"name": meeting.chaired_by.name, "entity_type": "person",
                       "note": "chair"})
    for a in meeting.attendance.all():
        note = ATTENDANCE_NOTE.get(a.status)
        if note is None:  # not recorded: the minutes say nothing of them
            continue
        if a.substitute_for:
            note = f"substitute for {a.substitute_for.name}"
        person = a.member or a.officer
        people.append({"name": person.name if person else a.name, "entity_type": "person",
                       "note": note, **({"capacity": a.capacity} if a.capacity else {})})
    return people


def _decision(d, url: Url) -> dict:
    note = d.get_kind_display().lower()
    if d.kind == DecisionKind.RECOMMENDED and d.recipient:
        note = f"recommended to {d.recipient}"
    return {"entity_type": "vote_event", "name": d.text or d.get_kind_display(),
            "note": note, "id": _api(url, "decision", d.pk),
            "motion_classification": [d.kind], **({"reason": d.reason} if d.reason else {})}


def _agenda_item(item: AgendaItem, url: Url) -> dict:
    related = [_decision(d, url) for d in item.decisions.all()]
    related += [{"entity_type": "organization", "name": d.recipient,
                 "note": "recommendation addressed to"}
                for d in item.decisions.all() if d.recipient]
    related += [{"entity_type": "person", "name": u.owner,
                 "note": f"undertook to {u.text}", "id": _api(url, "undertaking", u.pk)}
                for u in item.undertakings.all()]
    related += [{"entity_type": "person", "name": d.member.name,
                 "note": f"declared an interest: {d.interest}" if d.interest
                 else "declared an interest"} for d in item.declarations.all()]
    media = [{"name": doc.title, "type": doc.kind, "date": "", "offset": None,
              "links": [{"media_type": _media_type(doc), "url": _document_url(doc, url)}]}
             for doc in item.documents.all()]
    return {
        "description": item.title,
        "order": item.number or item.minute_number or str(item.position),
        "classification": ["exempt"] if item.exempt else [],
        "subjects": [],
        "notes": [item.minutes] if item.minutes else [],
        "related_entities": related,
        "media": media,
        "extras": {"minute_number": item.minute_number, "pages": [item.page_start,
                                                                  item.page_end],
                   "exempt": item.exempt, "exempt_paragraph": item.exempt_paragraph,
                   "api": _api(url, "agendaitem", item.pk)},
    }


def event(meeting: Meeting, url: Url = str, today: date | None = None) -> dict:
    """``meeting`` (from ``meetings_for(user)``) as an OCD event. ``url`` makes a site path
    absolute (``request.build_absolute_uri``); the paths are kept as they are without it."""
    items = list(meeting.items.all())
    sources = [{"url": _api(url, "meeting", meeting.pk), "note": "Scrutiny Desk"}]
    if meeting.source_id:
        sources.append({"url": _api(url, "sourcedocument", meeting.source_id),
                        "note": meeting.source.name})
    return {
        "_type": "event",
        "id": event_id(meeting),
        "name": str(meeting),
        "description": meeting.note,
        "classification": "committee-meeting",
        "all_day": False,
        "start_date": _when(meeting.date, meeting.start_time),
        "end_date": _when(meeting.date, meeting.end_time) if meeting.end_time else "",
        "status": status(meeting, today),
        "location": {"name": meeting.venue, "note": "", "url": None, "coordinates": None},
        "participants": _participants(meeting),
        "agenda": [_agenda_item(item, url) for item in items],
        "documents": [{"note": doc.title, "url": _document_url(doc, url),
                       "media_type": _media_type(doc), "date": ""}
                      for doc in meeting.documents.all()],
        "media": [],
        "links": [],
        "sources": sources,
        "extras": {"committee": meeting.committee.name, "status": meeting.status,
                   "declarations_none": meeting.declarations_none,
                   "minutes_confirmed_on": meeting.minutes_confirmed_on.isoformat()
                   if meeting.minutes_confirmed_on else None},
    }


def events(user=None, url: Url = str) -> list[dict]:
    """Every meeting ``user`` may see, oldest first, as OCD events."""
    return [event(m, url) for m in meetings_for(user).order_by("date", "start_time", "pk")]


_TEXT = {"type": "string"}
_LINKS = {"type": "array", "items": {"type": "object", "required": ["media_type", "url"],
                                     "properties": {"media_type": _TEXT, "url": _TEXT}}}
_MEDIA = {"type": "array", "items": {"type": "object", "required": ["name", "links"],
                                     "properties": {"name": _TEXT, "type": _TEXT,
                                                    "date": _TEXT, "links": _LINKS}}}
EVENT_SCHEMA = {
    "type": "object",
    "description": "A meeting as an Open Civic Data event.",
    "required": ["_type", "id", "name", "classification", "all_day", "start_date",
                 "end_date", "status", "location", "participants", "agenda", "documents",
                 "media", "links", "sources"],
    "properties": {
        "_type": {"type": "string", "enum": ["event"]},
        "id": {"type": "string", "pattern": "^ocd-event/[0-9a-f-]{36}$"},
        "name": {"type": "string", "minLength": 1},
        "description": _TEXT,
        "classification": {"type": "string", "enum": ["committee-meeting"]},
        "all_day": {"type": "boolean"},
        "start_date": {"type": "string", "minLength": 10},
        "end_date": _TEXT,
        "status": {"type": "string", "enum": ["cancelled", "tentative", "confirmed",
                                              "passed"]},
        "location": {"type": "object", "required": ["name"],
                     "properties": {"name": _TEXT, "note": _TEXT,
                                    "url": {"type": "string", "nullable": True},
                                    "coordinates": {"type": "object", "nullable": True}}},
        "participants": {"type": "array", "items": {
            "type": "object", "required": ["name", "entity_type", "note"],
            "properties": {"name": _TEXT, "note": _TEXT,
                           "entity_type": {"type": "string",
                                           "enum": ["organization", "person"]}}}},
        "agenda": {"type": "array", "items": {
            "type": "object",
            "required": ["description", "order", "classification", "subjects", "notes",
                         "related_entities", "media"],
            "properties": {
                "description": {"type": "string", "minLength": 1},
                "order": _TEXT,
                "classification": {"type": "array", "items": _TEXT},
                "subjects": {"type": "array", "items": _TEXT},
                "notes": {"type": "array", "items": _TEXT},
                "related_entities": {"type": "array", "items": {
                    "type": "object", "required": ["entity_type", "name"],
                    "properties": {"entity_type": _TEXT, "name": _TEXT, "note": _TEXT,
                                   "id": _TEXT}}},
                "media": _MEDIA,
                "extras": {"type": "object"}}}},
        "documents": {"type": "array", "items": {
            "type": "object", "required": ["note", "url", "media_type"],
            "properties": {"note": _TEXT, "url": _TEXT, "media_type": _TEXT,
                           "date": _TEXT}}},
        "media": _MEDIA,
        "links": {"type": "array", "items": {"type": "object"}},
        "sources": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["url"],
            "properties": {"url": _TEXT, "note": _TEXT}}},
        "extras": {"type": "object"},
    },
}
