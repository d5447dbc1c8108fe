"""Meeting pages, minutes and agenda packs of councils the parsers were not written from
(tests/fixtures/unseen/round1/, see their READMEs): one fact per test."""

from functools import cache
from pathlib import Path

import pytest

from scrutinydesk.core.names import names_match
from scrutinydesk.ingest.formats import read_paper
from scrutinydesk.ingest.parse import parse_paper

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "unseen" / "round1"


@cache
def parsed(folder: str, name: str):
    path = UNSEEN / folder / name
    return parse_paper(read_paper(path.read_bytes(), name)).record


def meeting(name: str):
    return parsed("meetings", name)


def pack(name: str):
    return parsed("plans_packs", name)


def item(record, number: str = "", title: str = ""):
    found = [i for i in record.items if (number and number in (i.number, i.minute_number))
             or (title and i.title.lower() == title.lower())]
    assert len(found) == 1, [(i.number, i.minute_number, i.title) for i in record.items]
    return found[0]


BRACKENHOLME = "brackenholme-safer-stronger-2024-01-22.html"
CALDERBROOK = "calderbrook-asc-scrutiny-board-2023-11-16.txt"
RAVENSHOLT = "ravensholt-crime-disorder-2019-07-10-layout-change.txt"
WEXCOMBE_MEMBERS = "wexcombe-cyp-scrutiny-2024-11-19-members.txt"
WEXCOMBE_PUBLIC = "wexcombe-cyp-scrutiny-2024-11-19-public.txt"


# --- decisions --------------------------------------------------------------------------------

def test_brackenholme_the_committee_noted_keeps_its_sentence():
    [d] = item(meeting(BRACKENHOLME), "4").decisions
    assert (d.kind, d.text) == ("noted", "The Committee NOTED the annual report and the "
                                "priorities identified in the strategic assessment for "
                                "2024-2027.")


def test_brackenholme_a_bare_noted_is_its_own_text():
    texts = [(d.kind, d.text) for i in meeting(BRACKENHOLME).items for d in i.decisions]
    assert ("noted", "Noted.") in texts
    assert all(text for _kind, text in texts)


def test_ravensholt_the_committee_noted_is_one_decision_with_its_words():
    decisions = [d for i in meeting(RAVENSHOLT).items for d in i.decisions
                 if "Inspector Coulthard" in d.text]
    assert [(d.kind, d.text[:30]) for d in decisions] == [
        ("noted", "The Committee NOTED the update")]


def test_calderbrook_minute_numbers_keep_their_committee_code():
    assert [i.minute_number for i in meeting(CALDERBROOK).items] == [
        f"ASC/23/{n}" for n in range(14, 22)]


def test_calderbrook_minutes_approved_under_their_own_minute():
    [d] = item(meeting(CALDERBROOK), "ASC/23/16").decisions
    assert d.kind == "resolved" and "held on 21 September 2023 be approved" in d.text


def test_calderbrook_a_resolution_asking_the_cabinet_member_stays_a_resolution():
    decisions = item(meeting(CALDERBROOK), "ASC/23/17").decisions
    [d] = [d for d in decisions if "measurable target" in d.text]
    assert (d.kind, d.recipient) == ("resolved", "Cabinet Member")


def test_calderbrook_a_running_header_is_not_an_item():
    assert not [i for i in meeting(CALDERBROOK).items if "16 November 2023" in i.title]


# --- accounting: what the minutes print that no record holds ---------------------------------

def test_calderbrook_lists_the_alternate_members_it_did_not_read():
    unread = meeting(CALDERBROOK).unread
    assert any(u.endswith("in the alternate members present passage: Olive Brandreth")
               for u in unread)


def test_calderbrook_every_name_listed_unread_is_not_an_attendee():
    m = meeting(CALDERBROOK)
    names = [u.rsplit(": ", 1)[1] for u in m.unread if u.startswith("name not read")]
    assert names and not any(names_match(n, a.name) for n in names for a in m.attendance)


def test_ravensholt_lists_the_recommendation_it_did_not_read():
    unread = meeting(RAVENSHOLT).unread
    assert any(u.startswith("decision not read (line 80): RECOMMENDED to Cabinet that the "
                            "local threshold") for u in unread)


def test_an_undertaking_accounts_for_the_sentence_that_gave_it():
    assert not [u for u in meeting(CALDERBROOK).unread
                if "Assistant Director agreed to provide a breakdown" in u]


# --- agenda packs -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [WEXCOMBE_MEMBERS, WEXCOMBE_PUBLIC])
def test_wexcombe_committee_from_its_own_line(name):
    assert pack(name).meeting.committee == "Children and Young People's Scrutiny Committee"


@pytest.mark.parametrize("name", [WEXCOMBE_MEMBERS, WEXCOMBE_PUBLIC])
def test_wexcombe_item_11_exempt_under_paragraph_3(name):
    i = item(pack(name).meeting, "11")
    assert (i.exempt, i.exempt_paragraph, i.page_start, i.page_end) == (True, "3", 21, 26)


@pytest.mark.parametrize("name", [WEXCOMBE_MEMBERS, WEXCOMBE_PUBLIC])
def test_wexcombe_item_12_exempt_under_its_own_paragraph_1(name):
    i = item(pack(name).meeting, "12")
    assert (i.exempt, i.exempt_paragraph) == (True, "1")


def test_wexcombe_members_in_a_comma_list():
    members = pack(WEXCOMBE_MEMBERS).meeting.members
    assert [(m.name, m.role) for m in members[:3]] == [
        ("Margaret Holloway", "chair"), ("David Oyelaran", "vice_chair"), ("Sue Ashdown", "member")]
    assert len([m for m in members if m.role in ("chair", "vice_chair", "member")]) == 10


def test_wexcombe_co_opted_members():
    members = pack(WEXCOMBE_MEMBERS).meeting.members
    co_opted = [m.name for m in members if m.role == "co_opted"]
    assert len(co_opted) == 2 and names_match(co_opted[0], "Mark Tilsley")


def test_wexcombe_exempt_report_filed_under_its_item_by_its_pages():
    [report] = [p for p in pack(WEXCOMBE_MEMBERS).parts if p.title.startswith("Award of Block")]
    assert (report.kind, report.item_number, report.page_start) == ("report", "11", 21)


def test_wexcombe_second_exempt_report_is_not_an_appendix_of_the_first():
    parts = pack(WEXCOMBE_MEMBERS).parts
    assert not [p for p in parts if p.kind == "appendix" and "Not for publication" in p.title]
    assert [p.item_number for p in parts if p.kind == "report"][-1] == "12"


def test_wexcombe_public_pack_restricted_sheets_stand_for_their_items():
    parts = [(p.kind, p.item_number, p.page_start) for p in pack(WEXCOMBE_PUBLIC).parts
             if p.kind == "restricted"]
    assert parts == [("restricted", "11", 21), ("restricted", "12", 27)]


def test_wexcombe_work_programme_headed_meeting_date_and_item():
    [wp] = [p for p in pack(WEXCOMBE_MEMBERS).parts if p.kind == "work_programme"]
    assert (wp.item_number, wp.page_start, wp.page_end) == ("8", 19, 20)


@pytest.mark.django_db
def test_wexcombe_members_pack_imports_with_exempt_reports_withheld_from_the_public():
    from django.contrib.auth.models import AnonymousUser

    from scrutinydesk.committees.models import Document
    from scrutinydesk.ingest.services import import_path

    import_path(UNSEEN / "plans_packs" / WEXCOMBE_MEMBERS)
    exempt = Document.objects.filter(title__startswith="Award of Block Contracts")
    assert exempt.count() == 1 and exempt.get().exempt
    public = Document.objects.visible_to(AnonymousUser())
    assert not public.filter(title__startswith="Award of Block Contracts").exists()
    assert public.filter(title__startswith="Sufficiency Strategy").exists()


# --- layouts first unrecognised ---------------------------------------------------------------

HARROWFIELD = "harrowfield-cyp-panel-2021-03-09.txt"
HOLLINWICK = "hollinwick-adults-health-scrutiny-2024-11-19-word.txt"
NORTHMOOR = "northmoor-health-osc-2022-06-15.html"


def test_harrowfield_is_read_as_minutes_under_its_committee_and_date_line():
    m = meeting(HARROWFIELD)
    assert (m.committee, m.date.isoformat()) == ("Children and Young People Scrutiny Panel",
                                                 "2021-03-09")


def test_harrowfield_place_label_is_the_venue():
    assert meeting(HARROWFIELD).venue.startswith("Remote meeting held via Microsoft Teams")


def test_harrowfield_page_furniture_is_no_item():
    titles = [i.title for i in meeting(HARROWFIELD).items]
    assert not [t for t in titles if t.startswith(("Time:", "Place:", "Clerk:", "Download"))
                or "|" in t]


def test_harrowfield_substitute_marked_in_the_present_list():
    [a] = [a for a in meeting(HARROWFIELD).attendance if a.name == "Ian Fairbrother"]
    assert a.status == "substitute"


def test_hollinwick_word_minutes_with_an_attendance_table_are_recognised():
    record = parsed("meetings", HOLLINWICK)
    assert (record.committee, [i.minute_number for i in record.items][:2]) == (
        "Adults and Health Scrutiny Committee", ["31", "32"])


def test_northmoor_committee_on_its_own_line_above_the_date_label():
    m = meeting(NORTHMOOR)
    assert (m.committee, m.start_time.isoformat()) == ("Health Overview and Scrutiny Committee",
                                                       "10:00:00")


def test_northmoor_attendance_table_in_the_page_header():
    statuses = {a.name: a.status for a in meeting(NORTHMOOR).attendance}
    assert statuses["Councillor Trevor Blakey"] == "absent"
    assert statuses["Councillor Margaret Hyde"] == "apologies"


def test_northmoor_items_under_a_decisions_heading_are_minuted():
    decisions = item(meeting(NORTHMOOR), "5").decisions
    assert [d.kind for d in decisions] == ["resolved", "resolved"]


SEDGEBOROUGH = "sedgeborough-adults-health-select-2020-03-19-cancelled.html"


def test_sedgeborough_cancelled_page_is_recognised_as_a_meeting_page():
    path = UNSEEN / "meetings" / SEDGEBOROUGH
    assert parse_paper(read_paper(path.read_bytes(), SEDGEBOROUGH)).kind == "meeting_page"


def test_sedgeborough_cancelled_with_no_items():
    m = meeting(SEDGEBOROUGH)
    assert (m.status, m.items) == ("cancelled", [])


def test_sedgeborough_venue_under_a_bare_location_label():
    assert meeting(SEDGEBOROUGH).venue == "Ashcombe Room, County Hall, Kingsmead, Sedgeborough " \
        "SD1 1QQ"


def test_sedgeborough_rearranged_date_is_the_only_future_meeting():
    assert [f.date.isoformat() for f in meeting(SEDGEBOROUGH).future_meetings] == ["2020-07-08"]


FENMARSH = "fenmarsh-cef-scrutiny-2019-10-07-no-header.html"


def test_fenmarsh_page_title_names_the_meeting_when_the_text_has_no_heading():
    m = meeting(FENMARSH)
    assert (m.committee, m.council, m.date.isoformat()) == (
        "Children, Education and Families Scrutiny Committee", "Fenmarsh Council", "2019-10-07")


def test_fenmarsh_attendance_read_from_the_top_of_the_page():
    statuses = {a.name: a.status for a in meeting(FENMARSH).attendance}
    assert statuses["Keith Armitage"] == "present"
    assert statuses["Councillor Nicola Kerr"] == "apologies"


def test_fenmarsh_published_line_is_no_item():
    assert [i.minute_number for i in meeting(FENMARSH).items] == [str(n) for n in range(23, 31)]
