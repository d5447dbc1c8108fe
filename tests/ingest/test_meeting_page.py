"""``parse_meeting_page`` on the council's real "Meeting documents" page for 30 January 2018
and on hand-written pages in the same format (tests/fixtures/papers/meeting_page/, see its
README): parsed once per module, then asserted field by field."""

import random
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers.meeting_page import parse_meeting_page
from scrutinydesk.ingest.records import ParsedDocumentLink, ParsedMeeting
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

PAGE = "2018-01-30-meeting-documents-page.txt"
HERE = FIXTURES / "papers" / "meeting_page"


def fixture_text(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def parse(text: str, name: str = "page.txt") -> ParsedMeeting:
    return parse_meeting_page(Paper.from_text(text, name))


def item(meeting: ParsedMeeting, number: str = "", minute: str = ""):
    return next(i for i in meeting.items
                if (number and i.number == number) or (minute and i.minute_number == minute))


def names(people) -> list[str]:
    return [p.name for p in people]


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return sample_text(PAGE).splitlines()


@pytest.fixture(scope="module")
def page() -> ParsedMeeting:
    return parse(sample_text(PAGE), PAGE)


# --- the real page of 30 January 2018 ---------------------------------------------------------

def test_committee_and_council(page):
    assert page.committee == "Safeguarding Overview and Scrutiny Committee"
    assert page.council == "Dorset County Council"


def test_date_and_time(page):
    assert (page.date, page.start_time, page.end_time) == (date(2018, 1, 30), time(14, 0), None)


def test_venue_and_contact(page):
    assert page.venue == "Committee Room 1"
    assert page.contact.startswith("Fiona King, Senior Democratic Services Officer")
    assert page.contact.endswith("f.d.king@dorsetcc.gov.uk") and "\u00a0" not in page.contact


def test_status_held_with_minutes(page):
    assert (page.status, page.has_minutes) == ("held", True)
    assert page.minutes_to_be_confirmed_on is None


def test_item_count_and_numbers(page):
    assert [i.number for i in page.items] == [str(n) for n in range(1, 14)]
    assert {i.minute_number for i in page.items} == {""}


def test_item_refs_are_the_lines_printing_their_numbers(page, lines):
    assert all(lines[i.ref.line - 1].strip() == f"{i.number}." for i in page.items)


def test_titles_without_link_text(page):
    assert item(page, "3").title == "Minutes"
    assert item(page, "5").title == "Domestic Abuse - Inquiry Day"
    assert item(page, "8").title == "The Council's Approach to Social Worker Recruitment and " \
                                    "Retention"


def test_document_links(page):
    assert item(page, "3").documents == [ParsedDocumentLink("Minutes", "PDF", "179 KB")]
    assert item(page, "9").documents == [ParsedDocumentLink(
        "Outcomes Focused Monitoring Report, January 2018", "PDF", "333 KB")]
    with_links = [i.number for i in page.items if i.documents]
    assert with_links == ["3", "5", "6", "7", "8", "9", "12"]
    assert not any(d.additional for i in page.items for d in i.documents)


def test_descriptions(page):
    assert item(page, "1").description == "To receive any apologies for absence."
    assert item(page, "4").description.splitlines() == ["(a) Public Participation",
                                                        "(b) Petitions"]
    assert "Thursday 8 February 2018 (2 sessions); and" in item(page, "12").description


def test_minutes_text_per_item(page):
    assert item(page, "3").minutes == ("The minutes from the meeting held on 12 October 2017 "
                                       "were agreed and signed.")
    assert item(page, "4").minutes.splitlines()[0] == "Public Speaking"
    assert all(i.minutes for i in page.items)


def test_apologies_exactly_three(page):
    apologies = [a for a in page.attendance if a.status == "apologies"]
    assert names(apologies) == ["Derek Beer", "Kevin Brookes", "Pauline Batstone"]
    assert [a.capacity for a in apologies] == ["", "", "Chairman"]
    assert len(page.attendance) == 3


def test_vice_chairman_took_the_chair(page):
    assert page.chaired_by == "Vice-Chairman"


def test_no_declarations(page):
    assert page.declarations_none is True
    assert not any(i.declarations for i in page.items)


def test_item5_recommended_to_cabinet_with_reason(page, lines):
    [d] = item(page, "5").decisions
    assert (d.kind, d.recipient, d.number) == ("recommended", "Cabinet", "")
    assert d.text.startswith("That the Cabinet be asked to support to commit to further targeted")
    assert d.reason.startswith("To monitor and comment on the work of Adult and Children")
    assert lines[d.ref.line - 1].strip() == "Recommended"


def test_item6_recommended_to_cabinet(page):
    [d] = item(page, "6").decisions
    assert (d.kind, d.recipient) == ("recommended", "Cabinet")
    assert d.reason == ("To ensure that the County Council met its statutory duty to notify "
                        "central government of any potential victims of modern slavery.")


def test_item7_resolved_with_two_numbered_reasons(page):
    [d] = item(page, "7").decisions
    assert d.kind == "resolved" and d.recipient == ""
    assert d.text.startswith("That the Committee to receive a report at their 5 July 2018")
    reasons = d.reason.splitlines()
    assert len(reasons) == 2
    assert reasons[0].startswith("1. To enable Members") and reasons[1].startswith("2. To emph")


@pytest.mark.parametrize("number", ["8", "9", "10", "11"])
def test_noted_items(page, number):
    assert [(d.kind, d.text) for d in item(page, number).decisions] == [("noted", "Noted")]


def test_item12_resolved(page):
    assert [(d.kind, d.text) for d in item(page, "12").decisions] == [
        ("resolved", "That the Committee’s Work Programme be updated accordingly.")]


@pytest.mark.parametrize("number", ["1", "2", "3", "4", "13"])
def test_items_without_decisions(page, number):
    assert item(page, number).decisions == []


def test_future_meetings(page, lines):
    assert [(f.date, len(f.topics)) for f in page.future_meetings] == [
        (date(2018, 3, 13), 3), (date(2018, 7, 5), 3)]
    assert page.future_meetings[0].topics[0] == "Update on Workforce Development (Adult Social " \
                                                "Workers)"
    assert page.future_meetings[1].topics[-1] == "Elective Home Education Report"
    assert lines[page.future_meetings[1].ref.line - 1].strip() == "5 July 2018"


def test_undertakings_count(page):
    assert sum(len(i.undertakings) for i in page.items) == 5


def test_undertakings_by_item_and_owner(page):
    owners = {i.number: [u.owner for u in i.undertakings] for i in page.items if i.undertakings}
    assert owners == {"5": ["The Strategic Lead for Safeguarding and Quality – Adults"],
                      "6": ["the officer"], "9": ["the Director"], "10": ["Cllr Wheller"],
                      "11": ["Cllr Lugg"]}


def test_undertaking_text(page, lines):
    [u] = item(page, "5").undertakings
    assert u.text.startswith("provide members with an update from the Pan Dorset Domestic Abuse "
                             "Strategic Group on their Action Plan")
    assert "undertook" in lines[u.ref.line - 1]
    assert item(page, "10").undertakings[0].text == ("circulate the note to members outside of "
                                                     "the meeting")
    assert item(page, "11").undertakings[0].text.startswith("he and Cllr Brookes would keep")


# --- hand-written: minutes numbered 87-95, PART 2, substitutes, a declaration ------------------

@pytest.fixture(scope="module")
def harbourside() -> ParsedMeeting:
    return parse(fixture_text("harbourside-cyp-panel-2019-03-06.txt"))


def test_harbourside_heading(harbourside):
    assert harbourside.council == "Harbourside City Council"
    assert harbourside.committee == "Children and Young People's Scrutiny Panel"
    # the heading prints 10.00 am; "Note: revised start time 10.30am" revises it (the note kept)
    assert (harbourside.date, harbourside.start_time) == (date(2019, 3, 6), time(10, 30))
    assert harbourside.venue == "Council Chamber, Civic Centre, Harbourside"
    assert harbourside.note == "Note: revised start time 10.30am"


def test_harbourside_minute_numbers_run_on(harbourside):
    assert [i.minute_number for i in harbourside.items] == [str(n) for n in range(87, 96)]
    assert {i.number for i in harbourside.items} == {""}


def test_harbourside_apologies_and_substitute(harbourside):
    assert [(a.name, a.status) for a in harbourside.attendance] == [
        ("Ann Holt", "apologies"), ("Graham Pickford", "apologies"), ("Rosa Delaney", "apologies"),
        ("Councillor Tom Reid", "substitute")]
    assert harbourside.attendance[-1].substitute_for == "Councillor Ann Holt"


def test_harbourside_declaration_moves_to_the_item_it_names(harbourside):
    assert item(harbourside, minute="88").declarations == []
    [d] = item(harbourside, minute="91").declarations
    assert (d.member, d.item_number, d.kind) == ("Councillor Priya Shah", "91", "other")
    assert harbourside.declarations_none is False


def test_harbourside_additional_documents(harbourside):
    docs = item(harbourside, minute="90").documents
    assert [(d.title, d.size_text, d.additional) for d in docs] == [
        ("Children's Social Care Improvement Plan", "1 MB", False),
        ("Appendix A - Improvement Plan", "365 KB", True), ("Additional document", "88 KB", True)]


def test_harbourside_recommendation_to_council(harbourside):
    [d] = item(harbourside, minute="90").decisions
    assert (d.kind, d.recipient, d.text) == ("recommended", "Council", "That the revised "
                                             "Children's Social Care Improvement Plan be adopted.")
    assert d.reason == "To secure the improvements required following the inspection."


def test_harbourside_it_was_resolved_with_numbered_parts(harbourside):
    got = item(harbourside, minute="91").decisions
    assert [(d.kind, d.number) for d in got] == [("resolved", "1"), ("resolved", "2")]
    assert got[1].text == "a further report be brought to the Panel in six months."


def test_harbourside_undertakings(harbourside):
    got = item(harbourside, minute="90").undertakings
    assert [u.owner for u in got] == ["The Head of Quality Assurance",
                                      "The Director of Children's Services"]
    assert got[0].text.startswith("provide a breakdown of agency social workers")


def test_harbourside_part_2_items_are_exempt_under_paragraph_3(harbourside):
    parts = [(i.minute_number, i.part, i.exempt, i.exempt_paragraph) for i in harbourside.items]
    assert parts[-3:] == [("93", 1, False, ""), ("94", 2, True, "3"), ("95", 2, True, "3")]
    assert all(p[1] == 1 for p in parts[:-2])


def test_harbourside_agreed_in_part_2(harbourside):
    assert [(d.kind, d.text) for d in item(harbourside, minute="94").decisions] == [
        ("agreed", "That the contract award be endorsed.")]


def test_harbourside_future_meetings(harbourside):
    assert [(f.date, f.topics) for f in harbourside.future_meetings] == [
        (date(2019, 4, 16), ["Youth Offending Service annual report", "Child exploitation update"]),
        (date(2019, 6, 11), ["Corporate parenting strategy"])]


def test_harbourside_skips_view_full_text_lines(harbourside):
    assert "view the full" not in item(harbourside, minute="88").minutes


# --- hand-written: agenda only, before the meeting ---------------------------------------------

@pytest.fixture(scope="module")
def kingsmere() -> ParsedMeeting:
    return parse(fixture_text("kingsmere-hwb-agenda-2019-07-04.txt"))


def test_agenda_only_is_scheduled(kingsmere):
    assert (kingsmere.status, kingsmere.has_minutes) == ("scheduled", False)
    assert all(i.minutes == "" and i.decisions == [] for i in kingsmere.items)


def test_committee_and_date_on_one_line_with_24_hour_time(kingsmere):
    assert (kingsmere.committee, kingsmere.council) == ("Health and Wellbeing Board", "")
    assert (kingsmere.date, kingsmere.start_time) == (date(2019, 7, 4), time(14, 0))


def test_contact_over_several_lines(kingsmere):
    assert kingsmere.contact == ("Democratic Services tel: 01632 960112 email: "
                                 "committees@kingsmere.example.gov.uk")


def test_reserve_members_table(kingsmere):
    assert [(m.name, m.role, m.reserve_for) for m in kingsmere.members] == [
        ("Cllr Helen Marsh", "chair", ""), ("Cllr Peter Lowe", "reserve", "Cllr Helen Marsh"),
        ("Cllr Dev Mistry", "vice_chair", ""), ("Cllr Sandra Quinn", "reserve", "Cllr Dev Mistry"),
        ("Cllr Olu Adeyemi", "member", "")]


def test_tab_separated_items_and_unnumbered_recommendation(kingsmere):
    assert [i.number for i in kingsmere.items] == ["1", "2", "3", "", "4", "5"]
    rec = kingsmere.items[3]
    assert rec.title == "RECOMMENDATION I - Cabinet 18 June 2019: Better Care Fund Plan"
    assert rec.documents == [ParsedDocumentLink(rec.title, "PDF", "230 KB")]
    assert kingsmere.items[4].documents[1] == ParsedDocumentLink("Appendix 1 - JSNA summary",
                                                                 "PDF", "512 KB", True)


# --- hand-written: a cancelled meeting ---------------------------------------------------------

@pytest.fixture(scope="module")
def fenland() -> ParsedMeeting:
    return parse(fixture_text("fenland-vale-cancelled-2019-10-14.txt"))


def test_cancelled_meeting(fenland):
    assert fenland.status == "cancelled" and fenland.has_minutes is False
    assert fenland.committee == "Adult Social Care Scrutiny Committee"
    assert fenland.council == "Fenland Vale District Council"
    assert (fenland.date, fenland.start_time) == (date(2019, 10, 14), time(14, 0))
    assert [i.title for i in fenland.items] == ["Apologies for Absence",
                                                "Care Market Sustainability"]


# --- hand-written: "Minute 41 - ..." titles, labelled apologies, a DPI on an item --------------

@pytest.fixture(scope="module")
def dunmere() -> ParsedMeeting:
    return parse(fixture_text("dunmere-corporate-parenting-2019-05-21.txt"))


def test_minute_prefix_in_titles(dunmere):
    assert [(i.number, i.minute_number, i.title) for i in dunmere.items] == [
        ("1", "41", "Apologies"), ("2", "42", "Declarations of Interest"),
        ("3", "43", "Fostering Recruitment Update"), ("4", "44", "Any Other Business")]


def test_labelled_apologies_and_substitute(dunmere):
    assert [(a.name, a.status, a.substitute_for) for a in dunmere.attendance] == [
        ("Cllr Ruth Gale", "apologies", ""), ("Cllr Ben Ashdown", "apologies", ""),
        ("Cllr Ivy Moss", "substitute", "Cllr Ben Ashdown")]


def test_pecuniary_interest_on_the_named_item(dunmere):
    [d] = item(dunmere, "3").declarations
    assert (d.member, d.item_number, d.kind) == ("Cllr Harold Finch", "3", "dpi")


def test_bracket_numbered_resolutions(dunmere):
    assert [(d.number, d.text) for d in item(dunmere, "3").decisions] == [
        ("1", "That the update be noted."),
        ("2", "That a recruitment target for 2019/20 be set at the next meeting.")]
    assert {d.recipient for d in item(dunmere, "3").decisions} == {""}


def test_end_time_from_the_minutes(dunmere):
    assert (dunmere.start_time, dunmere.end_time) == (time(16, 30), time(18, 5))


def test_undertook_that(dunmere):
    [u] = item(dunmere, "3").undertakings
    assert u.owner == "The Fostering Service Manager"
    assert u.text.startswith("the recruitment campaign figures would be shared")


# --- errors and robustness ----------------------------------------------------------------------

def test_not_a_meeting_page():
    with pytest.raises(MalformedPaper) as err:
        parse("Quarterly newsletter\n\nNews from the library service.\n")
    assert err.value.line == 1
    assert "Tuesday, 30th January, 2018 2.00 pm" in err.value.expected
    assert "line 1" in str(err.value)


def test_heading_as_labels():
    meeting = parse("Agenda\n\nMeeting: Schools Forum\nTime: 9.30 am\nDate: 12 June 2019\n\n"
                    "1.\n\nApologies\n")
    assert (meeting.committee, meeting.date) == ("Schools Forum", date(2019, 6, 12))
    assert [i.title for i in meeting.items] == ["Apologies"]


def test_empty_page():
    with pytest.raises(MalformedPaper, match="empty"):
        parse(" \n\u00a0\n")


def parses_or_paper_error(text: str) -> None:
    try:
        result = parse(text)
    except PaperError:
        return
    assert isinstance(result, ParsedMeeting) and result.committee


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=380))
def test_truncated_page(cut):
    parses_or_paper_error("\n".join(sample_text(PAGE).splitlines()[:cut]))


@settings(max_examples=50, deadline=None)
@given(st.randoms(use_true_random=False))
def test_shuffled_page(rnd: random.Random):
    lines = sample_text(PAGE).splitlines()
    rnd.shuffle(lines)
    parses_or_paper_error("\n".join(lines))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=40), st.integers(min_value=0, max_value=60))
def test_garbage_in_a_page(garbage, at):
    lines = fixture_text("harbourside-cyp-panel-2019-03-06.txt").splitlines()
    parses_or_paper_error("\n".join(lines[:at] + garbage + lines[at:]))
    parses_or_paper_error("\n".join(garbage))


@pytest.fixture(scope="module")
def westvale() -> ParsedMeeting:
    from scrutinydesk.ingest.formats import read_paper
    path = HERE / "westvale-cyp-panel-2022-11-21.html"
    return parse_meeting_page(read_paper(path.read_bytes(), path.name))


def test_westvale_vice_chair_in_the_chair_keeps_the_capacity(westvale):
    assert westvale.chaired_by == "Councillor Daniel Frost"
    frost = [a for a in westvale.attendance if a.name == "Councillor Daniel Frost"]
    assert [(a.status, a.capacity) for a in frost] == [("present", "Vice-Chair")]


def test_westvale_item_after_the_exclusion_is_exempt(westvale):
    by = {i.number: i for i in westvale.items}
    assert not by["8"].exempt
    assert by["9"].exempt and by["9"].exempt_paragraph == "3"
