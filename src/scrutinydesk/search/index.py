"""What each kind of record puts in the search index, and how the index is kept.

An entry is marked exempt when the public's view of its record (``Model.objects.public()``
in ``core.visibility``) leaves the record out or blanks its exempt parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.urls import NoReverseMatch, reverse

from scrutinydesk.core.visibility import is_redacted

from .models import Entry, EntryKind


def _join(*parts) -> str:
    return "\n".join(str(p).strip() for p in parts if p and str(p).strip())


def _meeting_url(meeting) -> str:
    if meeting is None:
        return ""
    return reverse("web:meeting", args=[meeting.committee.slug, meeting.date])


def _safe(make: Callable[[], str]) -> str:
    try:
        return make()
    except NoReverseMatch:
        return ""


@dataclass(frozen=True)
class Source:
    kind: str
    model: str
    related: tuple[str, ...]
    fields: Callable  # record -> dict of Entry fields
    wanted: Callable = lambda record: True  # noqa: E731


def _minute(item):
    return dict(committee=item.meeting.committee, date=item.meeting.date, title=str(item),
                body=_join(item.description, item.minutes), url=_meeting_url(item.meeting))


def _decision(d):
    return dict(committee=d.meeting.committee, date=d.meeting.date,
                title=f"Decision: {d.agenda_item or d.meeting}",
                body=_join(d.text, d.reason), url=_meeting_url(d.meeting))


def _undertaking(u):
    return dict(committee=u.meeting.committee, date=u.meeting.date,
                title=f"Undertaking: {u.agenda_item or u.meeting}",
                body=_join(u.text, u.notes),
                url=_safe(lambda: reverse("web:undertaking", args=[u.pk])))


REPORT_FIELDS = ("subject", "officer", "executive_summary", "recommendation",
                 "reason_for_recommendation", "equalities_impact", "use_of_evidence", "budget",
                 "risk_assessment", "other_implications", "appendices", "background_papers")


def _report(doc):
    meeting = doc.meeting
    return dict(committee=meeting.committee if meeting else None,
                date=meeting.date if meeting else doc.date_of_meeting, title=doc.title,
                body=_join(*(getattr(doc, f) for f in REPORT_FIELDS)),
                url=_meeting_url(meeting))


def _paper(paper):
    return dict(committee=None, date=paper.published_on, title=paper.title or paper.name,
                body=paper.text, url="")


def _commentary(c):
    subject = c.indicator or c.measure
    return dict(committee=None, date=c.written_on, title=f"{c.get_kind_display()}: {subject}",
                body=c.text, url="")


def _action_plan(plan):
    actions = [_join(a.text, a.measures_of_success, a.lead, a.progress)
               for a in plan.actions.all()]
    priorities = [_join(p.description) for p in plan.priorities.all()]
    return dict(committee=plan.committee, date=getattr(plan.meeting, "date", None),
                title=plan.title, body=_join(plan.summary, *priorities, *actions),
                url=_safe(lambda: reverse("web:action-plan", args=[plan.pk])))


def _section(section):
    doc = section.document
    meeting = doc.meeting
    when = meeting.date if meeting else doc.date_of_meeting or (
        section.source.published_on if section.source_id else None)
    return dict(committee=meeting.committee if meeting else None, date=when,
                title=f"{doc.title}, section {section}", body=section.text,
                url=_meeting_url(meeting))


SOURCES = {
    EntryKind.MINUTE: Source(EntryKind.MINUTE, "committees.AgendaItem",
                             ("meeting__committee",), _minute,
                             lambda i: bool(i.minutes or i.description)),
    EntryKind.DECISION: Source(EntryKind.DECISION, "committees.Decision",
                               ("meeting__committee", "agenda_item"), _decision),
    EntryKind.UNDERTAKING: Source(EntryKind.UNDERTAKING, "committees.Undertaking",
                                  ("meeting__committee", "agenda_item"), _undertaking),
    EntryKind.REPORT: Source(EntryKind.REPORT, "committees.Document",
                             ("meeting__committee",), _report),
    EntryKind.PAPER: Source(EntryKind.PAPER, "core.SourceDocument", (), _paper,
                            lambda p: bool(p.text)),
    EntryKind.COMMENTARY: Source(EntryKind.COMMENTARY, "outcomes.Commentary",
                                 ("indicator", "measure"), _commentary),
    EntryKind.ACTION_PLAN: Source(EntryKind.ACTION_PLAN, "actionplans.ActionPlan",
                                  ("committee", "meeting"), _action_plan),
    EntryKind.SECTION: Source(EntryKind.SECTION, "committees.ReportSection",
                              ("document__meeting__committee",), _section,
                              lambda s: bool(s.text)),
}


def _public_ids(model, ids=None) -> set[int]:
    """Ids of records the public sees whole."""
    manager = model._default_manager
    if not hasattr(manager, "public"):
        qs = manager.all()
        return set(qs.filter(pk__in=ids).values_list("pk", flat=True) if ids is not None
                   else qs.values_list("pk", flat=True))
    qs = manager.public()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return {obj.pk for obj in qs if not is_redacted(obj)}


def _entries(source: Source, records, public_ids):
    for record in records:
        if not source.wanted(record):
            continue
        fields = source.fields(record)
        fields["title"] = str(fields["title"])[:1000]
        yield Entry(kind=source.kind, record_id=record.pk, exempt=record.pk not in public_ids,
                    **fields)


def refresh(kind: str, pk: int) -> None:
    """Index one record again, or drop its entry when it is gone or has nothing to find."""
    refresh_many(kind, [pk])


def refresh_many(kind: str, pks) -> None:
    """Index these records of one kind again, dropping the entries of those that are gone
    or have nothing to find: one delete, one read and one insert per 500 records."""
    source = SOURCES[kind]
    model = apps.get_model(source.model)
    pks = sorted(set(pks))
    for start in range(0, len(pks), 500):
        chunk = pks[start:start + 500]
        records = list(model._base_manager.select_related(*source.related).filter(pk__in=chunk))
        with transaction.atomic():
            Entry.objects.filter(kind=kind, record_id__in=chunk).delete()
            Entry.objects.bulk_create(_entries(source, records,
                                               _public_ids(model, [r.pk for r in records])))


def rebuild() -> int:
    """Empty the index and fill it from every record; the number of entries written."""
    with transaction.atomic():
        Entry.objects.all().delete()
        for source in SOURCES.values():
            model = apps.get_model(source.model)
            records = model._base_manager.select_related(*source.related).order_by("pk")
            Entry.objects.bulk_create(_entries(source, records.iterator(chunk_size=500),
                                               _public_ids(model)), batch_size=500)
        return Entry.objects.count()
