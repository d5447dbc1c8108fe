"""The clerk's pages: who may use them, and what each action does (or, refused, does not)."""

from datetime import date, time

import pypdfium2 as pdfium
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scrutinydesk.clerk.models import AgendaPack, AttachmentImport, ImportStatus
from scrutinydesk.committees.models import AgendaItem, Document, Meeting, Undertaking
from scrutinydesk.committees.vocab import MeetingStatus, UndertakingStatus
from tests.exempt import SECRETS, assert_no_secrets
from tests.factories import (
    make_agenda_item,
    make_committee,
    make_meeting,
    make_member,
    make_undertaking,
    make_work_programme_item,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(client, role_user):
    client.force_login(role_user("clerk"))
    return client


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def day(name: str, iso: str) -> dict:
    """A GOV.UK date input's day, month and year fields."""
    year, month, day_ = iso.split("-")
    return {f"{name}_0": str(int(day_)), f"{name}_1": str(int(month)), f"{name}_2": year}


def errors_of(response) -> str:
    """The error summary's text."""
    html = response.content.decode()
    start = html.find("govuk-error-summary__list")
    return html[start:html.find("</ul>", start)] if start >= 0 else ""


# --- who may use the desk ------------------------------------------------------------

@pytest.mark.parametrize("role", ["member", "officer"])
def test_members_and_officers_are_refused_the_clerks_pages(client, role_user, role):
    meeting = make_meeting()
    client.force_login(role_user(role))
    for url in (reverse("clerk:home"), reverse("clerk:meeting", args=[meeting.pk]),
                reverse("clerk:meeting-create")):
        assert client.get(url).status_code == 403
    response = client.post(reverse("clerk:meeting-cancel", args=[meeting.pk]))
    assert response.status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.SCHEDULED


def test_members_cannot_update_undertakings_but_officers_can(client, role_user):
    undertaking = make_undertaking()
    url = reverse("clerk:undertaking-status", args=[undertaking.pk])
    client.force_login(role_user("member"))
    assert client.post(url, {"status": "done"}).status_code == 403
    assert Undertaking.objects.get(pk=undertaking.pk).status == UndertakingStatus.OPEN
    client.force_login(role_user("officer"))
    assert client.get(reverse("clerk:undertakings")).status_code == 200
    assert client.post(url, {"status": "done"}).status_code == 302
    assert Undertaking.objects.get(pk=undertaking.pk).status == UndertakingStatus.DONE


def test_the_clerk_sees_the_desk_in_the_navigation(clerk):
    meeting = make_meeting()
    html = clerk.get(reverse("clerk:meeting", args=[meeting.pk])).content.decode()
    assert "Clerk&#x27;s desk" in html or "Clerk's desk" in html
    assert 'name="csrfmiddlewaretoken"' in html


# --- meetings ------------------------------------------------------------------------

def test_create_meeting_and_refuse_a_second_on_the_same_day(clerk):
    committee = make_committee()
    form = {"committee": committee.pk, **day("date", "2026-03-27"), "start_time": "10:00",
            "venue": "Committee Room 1"}
    response = clerk.post(reverse("clerk:meeting-create"), form)
    meeting = Meeting.objects.get(committee=committee)
    assert response["Location"] == reverse("clerk:meeting", args=[meeting.pk])
    assert (meeting.date, meeting.start_time) == (date(2026, 3, 27), time(10, 0))
    again = clerk.post(reverse("clerk:meeting-create"), form)
    assert again.status_code == 200 and "There is a problem" in again.content.decode()
    assert "<title>Error: " in again.content.decode()
    assert Meeting.objects.filter(committee=committee).count() == 1
    not_a_day = clerk.post(reverse("clerk:meeting-create"),
                           {**form, **day("date", "2026-02-31")})
    assert "Enter a real date, for example 27 3 2026" in errors_of(not_a_day)


def test_reschedule_with_a_revised_start_time(clerk):
    meeting = make_meeting(date=date(2026, 3, 1), start_time=time(10, 0))
    url = reverse("clerk:meeting-reschedule", args=[meeting.pk])
    clerk.post(url, {**day("date", "2026-03-08"), "start_time": "14:00",
                     "venue": "Council Chamber",
                     "start_time_revised": "on"})
    meeting.refresh_from_db()
    assert (meeting.date, meeting.start_time, meeting.venue) == (
        date(2026, 3, 8), time(14, 0), "Council Chamber")
    assert meeting.note == "Start time revised"
    assert meeting.history.count() == 2
    page = clerk.get(reverse("clerk:meeting", args=[meeting.pk])).content.decode()
    assert "Start time revised" in page and "History" in page
    clerk.post(url, {**day("date", "2026-03-08"), "start_time": "14:00"})
    meeting.refresh_from_db()
    assert meeting.note == ""


def test_reschedule_refuses_an_end_before_the_start_and_a_taken_date(clerk):
    meeting = make_meeting(date=date(2026, 3, 1))
    make_meeting(committee=meeting.committee, date=date(2026, 4, 1))
    url = reverse("clerk:meeting-reschedule", args=[meeting.pk])
    response = clerk.post(url, {**day("date", "2026-04-01"), "start_time": "14:00",
                                "end_time": "13:00"})
    errors = errors_of(response)
    assert "The end time must be after the start time" in errors
    assert "already meets on 1 April 2026" in errors
    assert Meeting.objects.get(pk=meeting.pk).date == date(2026, 3, 1)


def test_cancel_a_meeting_and_schedule_it_again(clerk):
    meeting = make_meeting()
    clerk.post(reverse("clerk:meeting-cancel", args=[meeting.pk]), {"reason": "No business"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert "Cancelled: No business" in meeting.note
    clerk.post(reverse("clerk:meeting-reschedule", args=[meeting.pk]),
               {**day("date", "2026-05-05"), "start_time": "10:00"})
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.SCHEDULED


# --- agenda --------------------------------------------------------------------------

def test_add_items_mark_one_exempt_and_reorder(clerk):
    meeting = make_meeting()
    url = reverse("clerk:item-create", args=[meeting.pk])
    clerk.post(url, {"number": "1", "title": "Apologies"})
    refused = clerk.post(url, {"number": "2", "title": "Contract award", "exempt": "on"})
    assert "Select the Schedule 12A paragraph" in errors_of(refused)
    clerk.post(url, {"number": "2", "title": "Contract award", "exempt": "on",
                     "exempt_paragraph": "3"})
    first, second = AgendaItem.objects.filter(meeting=meeting).order_by("position")
    assert (first.title, second.title) == ("Apologies", "Contract award")
    assert (second.exempt, second.part, second.exempt_paragraph) == (True, 2, "3")
    clerk.post(reverse("clerk:item-move", args=[second.pk]), {"direction": "up"})
    assert list(AgendaItem.objects.filter(meeting=meeting).order_by("position")
                .values_list("title", flat=True)) == ["Contract award", "Apologies"]
    assert clerk.get(reverse("clerk:item-move", args=[second.pk])).status_code == 405
    clerk.post(reverse("clerk:item-edit", args=[second.pk]),
               {"number": "2", "title": "Contract award", "exempt_paragraph": ""})
    second.refresh_from_db()
    assert (second.exempt, second.part, second.exempt_paragraph) == (False, 1, "")


# --- papers --------------------------------------------------------------------------

def test_attach_a_paper_stores_it_and_imports_it_on_the_worker(
        clerk, media, django_capture_on_commit_callbacks):
    meeting = make_meeting()
    item = make_agenda_item(meeting=meeting)
    upload = SimpleUploadedFile("note.txt", b"A short note for members.\n\nNothing more.\n")
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(reverse("clerk:document-create", args=[meeting.pk]),
                   {"file": upload, "title": "Briefing note", "kind": "report",
                    "agenda_item": item.pk})
    document = Document.objects.get(meeting=meeting)
    assert (document.title, document.agenda_item) == ("Briefing note", item)
    assert document.file.read().startswith(b"A short note")
    attachment = AttachmentImport.objects.get(document=document)
    # the import service could not tell what kind of paper a short note is: it says so
    assert attachment.status in (ImportStatus.REJECTED, ImportStatus.IMPORTED)
    assert attachment.finished_at is not None
    if attachment.status == ImportStatus.REJECTED:
        assert attachment.error
    page = clerk.get(reverse("clerk:meeting", args=[meeting.pk])).content.decode()
    assert "Briefing note" in page and attachment.get_status_display() in page


def test_a_file_of_another_kind_is_refused_and_nothing_is_kept(clerk, media):
    meeting = make_meeting()
    png = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    response = clerk.post(reverse("clerk:document-create", args=[meeting.pk]),
                          {"file": png, "title": "Photo", "kind": "report"})
    assert "The file must be a PDF, Word (DOCX), HTML or text file" in errors_of(response)
    assert not Document.objects.filter(meeting=meeting).exists()
    assert not list(media.rglob("*.png"))


def test_attaching_is_atomic(clerk, media, monkeypatch):
    meeting = make_meeting()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("scrutinydesk.core.tasks.store_upload", broken)
    with pytest.raises(OSError):
        clerk.post(reverse("clerk:document-create", args=[meeting.pk]),
                   {"file": SimpleUploadedFile("n.txt", b"Note\n"), "title": "Note",
                    "kind": "report"})
    assert not Document.objects.filter(meeting=meeting).exists()
    assert not AttachmentImport.objects.exists()


# --- minutes -------------------------------------------------------------------------

def test_record_attendance_declarations_decisions_and_undertakings(clerk):
    meeting = make_meeting()
    item = make_agenda_item(meeting=meeting)
    cllr, absent_cllr = make_member(), make_member()
    base = reverse("clerk:meeting", args=[meeting.pk])
    clerk.post(reverse("clerk:attendance-create", args=[meeting.pk]),
               {"member": cllr.pk, "kind": "committee_member", "status": "present",
                "capacity": "Chairman"})
    clerk.post(reverse("clerk:attendance-create", args=[meeting.pk]),
               {"member": absent_cllr.pk, "kind": "committee_member", "status": "apologies"})
    twice = clerk.post(reverse("clerk:attendance-create", args=[meeting.pk]),
                       {"member": cllr.pk, "kind": "committee_member", "status": "absent"})
    assert twice.status_code == 200 and errors_of(twice)
    assert meeting.attendance.count() == 2
    clerk.post(reverse("clerk:declaration-create", args=[meeting.pk]),
               {"member": cllr.pk, "agenda_item": item.pk, "kind": "other",
                "interest": "A relative is a foster carer."})
    wrong = clerk.post(reverse("clerk:decision-create", args=[meeting.pk]),
                       {"agenda_item": item.pk, "kind": "resolved", "text": "Noted.",
                        "recipient": "Cabinet"})
    assert "Only a recommendation has a recipient" in errors_of(wrong)
    clerk.post(reverse("clerk:decision-create", args=[meeting.pk]),
               {"agenda_item": item.pk, "kind": "recommended", "text": "That Cabinet funds it.",
                "reason": "To add places.", "recipient": "Cabinet"})
    clerk.post(reverse("clerk:undertaking-create", args=[meeting.pk]),
               {"agenda_item": item.pk, "owner": "The Head of Service",
                "text": "Circulate the figures", **day("due", "2026-04-30")})
    decision = meeting.decisions.get()
    assert (decision.kind, decision.recipient, decision.reason) == (
        "recommended", "Cabinet", "To add places.")
    undertaking = meeting.undertakings.get()
    assert (undertaking.owner, undertaking.due) == ("The Head of Service", date(2026, 4, 30))
    page = clerk.get(base).content.decode()
    for words in ("Chairman", "Apologies", "A relative is a foster carer.",
                  "That Cabinet funds it.", "Circulate the figures"):
        assert words in page


def test_undertaking_status_keeps_its_history(clerk):
    undertaking = make_undertaking(due=date(2020, 1, 31))
    url = reverse("clerk:undertaking-status", args=[undertaking.pk])
    listing = clerk.get(reverse("clerk:undertakings"), {"status": "outstanding"})
    assert undertaking.text in listing.content.decode() and "Overdue" in listing.content.decode()
    clerk.post(url, {"status": "in_progress", "notes": "Drafted"})
    clerk.post(url, {"status": "done", **day("completed_on", "2026-02-02")})
    undertaking.refresh_from_db()
    assert (undertaking.status, undertaking.completed_on) == ("done", date(2026, 2, 2))
    assert [h.status for h in undertaking.history.all()] == ["done", "in_progress", "open"]
    page = clerk.get(url).content.decode()
    assert page.count("govuk-table__row") >= 4  # heading row and three changes
    done = clerk.get(reverse("clerk:undertakings"), {"status": "outstanding"})
    assert undertaking.text not in done.content.decode()
    clerk.post(url, {"status": "open"})
    undertaking.refresh_from_db()
    assert undertaking.completed_on is None


def test_officers_record_progress_on_actions_and_clerks_may_not(client, role_user):
    from scrutinydesk.actionplans.vocab import ActionStatus
    from tests.factories import make_action

    action = make_action(status=ActionStatus.ON_TARGET, rag="green")
    url = reverse("clerk:action-status", args=[action.pk])
    client.force_login(role_user("clerk"))
    assert client.post(url, {"status": "at_risk", "text": "Delayed"}).status_code == 403
    client.force_login(role_user("officer"))
    assert action.text[:20] in client.get(reverse("clerk:actions")).content.decode()
    missing = client.post(url, {"status": "at_risk"})
    assert "Enter the progress made" in errors_of(missing)
    assert not action.updates.exists()
    client.post(url, {"status": "at_risk", "text": "Recruitment delayed to March.",
                      **day("reported_on", "2026-01-15")})
    action.refresh_from_db()
    assert (action.status, action.rag, action.rag_rating) == ("at_risk", "", "amber")
    update = action.updates.get()
    assert (update.reported_on, update.status, update.text) == (
        date(2026, 1, 15), "at_risk", "Recruitment delayed to March.")
    assert [h.status for h in action.history.all()] == ["at_risk", "on_target"]
    assert "Recruitment delayed to March." in client.get(url).content.decode()


def test_move_a_topic_to_another_meeting_of_its_committee(clerk):
    meeting = make_meeting()
    later = make_meeting(committee=meeting.committee, date=date(2026, 7, 5))
    elsewhere = make_meeting()
    topic = make_work_programme_item(committee=meeting.committee, target_meeting=meeting)
    url = reverse("clerk:topic-move", args=[topic.pk])
    refused = clerk.post(url, {"meeting": elsewhere.pk})
    assert errors_of(refused)
    clerk.post(url, {"meeting": later.pk})
    topic.refresh_from_db()
    assert (topic.target_meeting, topic.target_date) == (later, date(2026, 7, 5))


# --- the agenda pack ------------------------------------------------------------------

def pdf_text(response) -> str:
    data = b"".join(response.streaming_content)
    pdf = pdfium.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def test_publish_the_pack_public_gets_the_public_pack_only(clerk, client, exempt_business,
                                                            media, role_user):
    meeting = exempt_business.meeting
    response = clerk.post(reverse("clerk:pack-publish", args=[meeting.pk]))
    assert response.status_code == 302
    public = AgendaPack.objects.get(meeting=meeting, members_only=False)
    members = AgendaPack.objects.get(meeting=meeting, members_only=True)
    clerk.logout()
    text = pdf_text(client.get(reverse("agenda-packs:download", args=[public.pk])))
    assert_no_secrets(text)
    assert "Residential care contract award" in text
    assert "paragraph 3 of Part 1 of Schedule 12A" in " ".join(text.split())
    assert client.get(reverse("agenda-packs:download", args=[members.pk])).status_code == 404
    client.force_login(role_user("member"))
    members_text = pdf_text(client.get(reverse("agenda-packs:download", args=[members.pk])))
    assert "Evaluation of tenders (exempt report)" in members_text
    assert [s for s in SECRETS if s in members_text]


def test_a_failed_import_on_the_worker_is_recorded(clerk, media, monkeypatch,
                                                   django_capture_on_commit_callbacks):
    meeting = make_meeting()

    def crash(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr("scrutinydesk.core.tasks.import_stored_paper", crash)
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(reverse("clerk:document-create", args=[meeting.pk]),
                              {"file": SimpleUploadedFile("n.txt", b"Note\n"),
                               "title": "Note", "kind": "report"})
    assert response.status_code == 302  # the worker's failure is the worker's
    attachment = AttachmentImport.objects.get(document__meeting=meeting)
    assert attachment.status == ImportStatus.REJECTED
    assert "internal error (RuntimeError)" in attachment.error
