"""The clerk's actions. Each is one transaction: it does all of its work or none."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from scrutinydesk.committees.models import AgendaItem, Document, Meeting, WorkProgrammeItem
from scrutinydesk.committees.vocab import MeetingStatus, UndertakingStatus

from .models import AgendaPack, AttachmentImport
from .pack import build_pack

START_TIME_REVISED = "Start time revised"


@transaction.atomic
def reschedule(meeting: Meeting, *, date, start_time, end_time, venue,
               start_time_revised: bool) -> Meeting:
    """Move a meeting to a new date, time or venue; a cancelled or postponed meeting is
    scheduled again. ``start_time_revised`` notes it as the agenda prints it."""
    meeting.date, meeting.start_time, meeting.end_time, meeting.venue = (
        date, start_time, end_time, venue)
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        meeting.status = MeetingStatus.SCHEDULED
    notes = [n for n in meeting.note.splitlines() if n.strip() != START_TIME_REVISED]
    if start_time_revised:
        notes.insert(0, START_TIME_REVISED)
    meeting.note = "\n".join(notes)
    meeting.validate_constraints()
    meeting.save()
    return meeting


@transaction.atomic
def cancel(meeting: Meeting, *, reason: str = "") -> Meeting:
    meeting.status = MeetingStatus.CANCELLED
    if reason:
        meeting.note = "\n".join(filter(None, [meeting.note, f"Cancelled: {reason}"]))
    meeting.save()
    return meeting


def next_position(meeting: Meeting) -> int:
    top = AgendaItem.objects.filter(meeting=meeting).aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


@transaction.atomic
def move_item(item: AgendaItem, direction: str) -> bool:
    """Swap an item with the one above ("up") or below ("down"); renumbers the agenda's
    positions 1, 2, 3 … first. False when it is already first or last."""
    items = list(AgendaItem.objects.select_for_update().filter(meeting_id=item.meeting_id)
                 .order_by("position", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(items):
        return False
    items[index], items[other] = items[other], items[index]
    for position, entry in enumerate(items, start=1):
        if entry.position != position:
            entry.position = position
            entry.save(update_fields=["position"])
    return True


@transaction.atomic
def attach_document(meeting: Meeting, *, data: bytes, name: str, title: str, kind: str,
                    agenda_item: AgendaItem | None, exempt: bool, user=None) -> Document:
    """Keep an uploaded paper as the meeting's document and queue its import on the task
    worker (once this transaction commits)."""
    from scrutinydesk.core.tasks import store_upload

    document = Document(meeting=meeting, agenda_item=agenda_item, title=title, kind=kind,
                        exempt=exempt)
    document.file.save(name, ContentFile(data), save=False)
    document.pages = _page_count(data)
    document.save()
    attachment = AttachmentImport.objects.create(document=document)
    stored = store_upload(data, name)
    user_id = user.pk if user is not None and user.pk else None

    def queue():
        from .tasks import import_attachment

        import_attachment(attachment.pk, stored, name, user_id)

    transaction.on_commit(queue)
    return document


def _page_count(data: bytes) -> int | None:
    if b"%PDF-" not in data[:1024]:
        return None
    import pypdfium2 as pdfium

    try:
        return len(pdfium.PdfDocument(data))
    except pdfium.PdfiumError:
        return None


def record_import(attachment_id: int, outcome: dict) -> None:
    """Keep what the worker's import of an attached paper did."""
    from .models import ImportStatus

    status = outcome.get("status", ImportStatus.REJECTED)
    AttachmentImport.objects.filter(pk=attachment_id).update(
        status=status if status in ImportStatus.values else ImportStatus.REJECTED,
        paper_id=outcome.get("source_id"), error=outcome.get("error", ""),
        created=outcome.get("created") or 0, finished_at=timezone.now())


@transaction.atomic
def set_undertaking_status(undertaking, *, status: str, completed_on: date | None,
                           notes: str):
    """A new status; "done" keeps its completion date (today unless given), any other
    status clears it."""
    undertaking.status = status
    if status == UndertakingStatus.DONE:
        undertaking.completed_on = completed_on or timezone.localdate()
    else:
        undertaking.completed_on = None
    if notes:
        undertaking.notes = notes
    undertaking.validate_constraints()
    undertaking.save()
    return undertaking


@transaction.atomic
def update_action(action, *, status: str, text: str, reported_on: date | None):
    """A progress update on an action (kept with the action's updates) and its new status."""
    from scrutinydesk.actionplans.models import ProgressUpdate

    update = ProgressUpdate.objects.create(action=action, status=status, text=text,
                                           reported_on=reported_on or timezone.localdate())
    action.status = status
    action.rag = ""  # the RAG follows the new status
    action.save()
    return update


@transaction.atomic
def move_topic(topic: WorkProgrammeItem, meeting: Meeting | None) -> WorkProgrammeItem:
    """Move a work-programme topic to another meeting of its committee (or to none)."""
    if meeting is not None and meeting.committee_id != topic.committee_id:
        raise ValueError("a topic can only move to a meeting of its own committee")
    topic.target_meeting = meeting
    topic.target_date = meeting.date if meeting is not None else None
    topic.save()
    return topic


@transaction.atomic
def publish_packs(meeting: Meeting, user=None) -> tuple[AgendaPack, AgendaPack]:
    """Make and keep the public and members' agenda packs; agenda items entered by hand
    take the public pack's page numbers. Raises ``PackError`` (and keeps nothing) when a paper
    cannot be put in the pack."""
    now = timezone.now()
    public = build_pack(meeting, members=False)
    members = build_pack(meeting, members=True)
    packs = []
    for built, members_only in ((public, False), (members, True)):
        pack = (AgendaPack.objects.select_for_update()
                .filter(meeting=meeting, members_only=members_only).first()
                or AgendaPack(meeting=meeting, members_only=members_only))
        pack.page_count, pack.item_pages = built.page_count, built.item_pages
        pack.published_at, pack.published_by = now, user if user and user.pk else None
        old = pack.file.name if pack.file else ""
        pack.file.save(pack.filename, ContentFile(built.pdf), save=False)
        pack.save()
        if old and old != pack.file.name:
            transaction.on_commit(lambda name=old, storage=pack.file.storage:
                                  storage.delete(name))
        packs.append(pack)
    # Items typed in here take the public pack's pages; items read from a council's own
    # pack keep the pages it printed (this pack's are kept in item_pages).
    for item in AgendaItem.objects.filter(meeting=meeting, source__isnull=True):
        first, last = public.item_pages.get(str(item.pk), (None, None))
        if (item.page_start, item.page_end) != (first, last):
            item.page_start, item.page_end = first, last
            item.save(update_fields=["page_start", "page_end"])
    if not meeting.published_on:
        meeting.published_on = timezone.localdate()
        meeting.save(update_fields=["published_on"])
    return packs[0], packs[1]


__all__ = ["START_TIME_REVISED", "attach_document", "cancel", "move_item", "move_topic",
           "next_position", "publish_packs", "record_import", "reschedule",
           "set_undertaking_status", "update_action"]
