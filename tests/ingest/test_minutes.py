"""``parse_minutes`` on the minutes printed in the two real agenda packs (12 October 2017 in
the pack of 30 January 2018; 6 July 2017 in the pack of 12 October 2017) and on hand-written
minutes in the same kinds of layout (tests/fixtures/papers/minutes/, see its README)."""

import random
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers.minutes import parse_minutes
from scrutinydesk.ingest.records import ParsedMeeting
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

JAN_PACK = "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
OCT_PACK = "2017-10-12-safeguarding-scrutiny-agenda-pack.txt"
HERE = FIXTURES / "papers" / "minutes"


def minutes_slice(pack: str, lines_before: int = 0) -> tuple[Paper, Paper]:
    """(whole pack, the minutes) — from the "Minutes of the meeting held" line (or a few
    non-blank lines before it) to the end of "Meeting Duration" or the next blank page."""
    paper = Paper.from_text(sample_text(pack), pack)
    heading = next(ln.number for ln in paper.lines
                   if ln.text.startswith("Minutes of the meeting held"))
    before = [ln.number for ln in paper.lines if ln.number < heading and ln.text.strip()]
    start = before[-lines_before] if lines_before else heading
    duration = next(ln.number for ln in paper.lines
                    if ln.number > heading and ln.text.startswith("Meeting Duration"))
    return paper, paper.slice(start, duration + 1)


def fixture(name: str) -> ParsedMeeting:
    return parse_minutes(Paper.from_text((HERE / name).read_text(encoding="utf-8"), name))


def minute(meeting: ParsedMeeting, number: str):
    return next(i for i in meeting.items if i.minute_number == number)


def titled(meeting: ParsedMeeting, title: str):
    return next(i for i in meeting.items if i.title == title)


def of(meeting: ParsedMeeting, status: str, kind: str = "") -> list:
    return [a for a in meeting.attendance if a.status == status and (not kind or a.kind == kind)]


# --- 12 October 2017 (in the pack for 30 January 2018) -----------------------------------------

@pytest.fixture(scope="module")
def october() -> tuple[Paper, ParsedMeeting]:
    pack, part = minutes_slice(JAN_PACK, lines_before=1)
    return pack, parse_minutes(part)


@pytest.fixture(scope="module")
def oct_minutes(october) -> ParsedMeeting:
    return october[1]


def test_october_heading(oct_minutes):
    assert oct_minutes.committee == "Safeguarding Overview and Scrutiny Committee"
    assert oct_minutes.date == date(2017, 10, 12)
    assert oct_minutes.venue == "County Hall, Dorchester, Dorset, DT1 1XJ"
    assert (oct_minutes.status, oct_minutes.has_minutes) == ("held", True)


def test_october_times_from_meeting_duration(oct_minutes):
    assert (oct_minutes.start_time, oct_minutes.end_time) == (time(10, 0), time(11, 40))


def test_october_to_be_confirmed_on(oct_minutes):
    assert oct_minutes.minutes_to_be_confirmed_on == date(2018, 1, 18)


def test_october_twelve_minutes_numbered_37_to_48(oct_minutes):
    assert [i.minute_number for i in oct_minutes.items] == [str(n) for n in range(37, 49)]
    assert {i.number for i in oct_minutes.items} == {""}


def test_october_titles(oct_minutes):
    assert minute(oct_minutes, "37").title == "Apologies for Absence"
    assert minute(oct_minutes, "44").title == ("Special Educational Needs and Disability - "
                                               "Written Statement of Action")
    assert minute(oct_minutes, "48").title == "Questions from County Councillors"


def test_october_item_refs_are_the_title_lines(october):
    pack, meeting = october
    text = {ln.number: ln.text for ln in pack.lines}
    assert all(text[i.ref.line].strip() == i.title for i in meeting.items)


def test_october_present(oct_minutes):
    present = of(oct_minutes, "present", "committee_member")
    assert [p.name for p in present] == ["Pauline Batstone", "Toni Coombs", "Kevin Brookes",
                                         "Beryl Ezzard", "Steven Lugg", "Bill Pipe"]
    assert [p.capacity for p in present][:2] == ["Chairman", ""]


def test_october_members_attending(oct_minutes):
    [m] = of(oct_minutes, "present", "other_member")
    assert (m.name, m.capacity) == ("Deborah Croney", "Cabinet Member for Economic Growth, "
                                    "Education, Skills and Learning")


def test_october_officers_with_capacities(oct_minutes):
    officers = {o.name: o.capacity for o in of(oct_minutes, "present", "officer")}
    assert len(officers) == 11
    assert officers["John Alexander"] == "Senior Assurance Manager - Performance"
    assert officers["Cathy Lewis"] == "Communications Officer (Internal)"
    assert officers["Sally Wernick"] == "Strategic Lead for Safeguarding and Quality - Adults"
    assert officers["Fiona King"] == "Senior Democratic Services Officer"


def test_october_apologies(oct_minutes):
    assert [a.name for a in of(oct_minutes, "apologies")] == ["Katharine Garcia", "Lesley Dedman"]


def test_october_no_declarations(oct_minutes):
    assert oct_minutes.declarations_none is True


def test_october_minute_43_two_resolutions(oct_minutes):
    got = minute(oct_minutes, "43").decisions
    assert [(d.kind, d.number) for d in got] == [("resolved", "1"), ("resolved", "2")]
    assert got[0].text.startswith("That a rolling programme of member briefings be arranged")


def test_october_minute_44_noted_with_two_undertakings(oct_minutes):
    m44 = minute(oct_minutes, "44")
    assert [(d.kind, d.text) for d in m44.decisions] == [("noted", "Noted")]
    assert [u.text for u in m44.undertakings] == [
        "circulate this data outside of the meeting",
        "provide this granular information outside of the meeting"]
    assert {u.owner.lower() for u in m44.undertakings} == {
        "the assistant director for design and development"}


def test_october_minute_46(oct_minutes):
    m46 = minute(oct_minutes, "46")
    [d] = m46.decisions
    assert (d.kind, d.text) == ("resolved", "That a report on the joint work with Bournemouth "
                                "University on social workers be prepared for the meeting on 18 "
                                "January 2018.")
    [u] = m46.undertakings
    assert u.owner == "the Acting Assistant Director for Care and Protection"
    assert u.text.startswith("provide members with information relating to the number of children")


def test_october_undertakings(oct_minutes):
    found = [(i.minute_number, u.owner) for i in oct_minutes.items for u in i.undertakings]
    assert [n for n, _o in found] == ["43", "44", "44", "46"]
    assert found[0][1] == "The County Emergency Planning Manager"  # "He ... had agreed to offer"


@pytest.mark.parametrize("number", ["41", "42", "45"])
def test_october_noted(oct_minutes, number):
    assert [d.kind for d in minute(oct_minutes, number).decisions] == ["noted"]


def test_october_public_participation_keeps_its_sub_headings(oct_minutes):
    text = minute(oct_minutes, "40").minutes
    assert text.startswith("Public Speaking") and "Petitions" in text


def test_october_from_the_heading_line_only_names_committee_from_the_note():
    _pack, part = minutes_slice(JAN_PACK)
    meeting = parse_minutes(part)
    assert meeting.committee == "Safeguarding Overview and Scrutiny Committee"
    assert len(meeting.items) == 12


# --- 6 July 2017 (in the pack for 12 October 2017): mostly unnumbered --------------------------

@pytest.fixture(scope="module")
def july() -> ParsedMeeting:
    return parse_minutes(minutes_slice(OCT_PACK, lines_before=2)[1])


def test_july_heading(july):
    assert (july.committee, july.council) == ("Safeguarding Overview and Scrutiny Committee",
                                              "Dorset County Council")
    assert (july.date, july.start_time, july.end_time) == (date(2017, 7, 6), time(11, 15),
                                                           time(12, 50))
    assert july.minutes_to_be_confirmed_on == date(2017, 10, 12)


def test_july_items(july):
    assert [i.title for i in july.items] == [
        "Apologies for Absence", "Code of Conduct", "Minutes", "Public Participation",
        "Terms of Reference", "Emergency Planning",
        "Task and Finish Group in respect of Road Traffic Collisions",
        "Update on arrangements for the Inquiry Day relating to the key challenges in Domestic "
        "Abuse", "Approval of the Youth Justice Plan 2017-18", "Corporate Plan",
        "Update from the Community Safety Partnership", "Work Programme",
        "Questions from County Councillors"]


def test_july_stray_numbers_number_the_rest(july):
    assert titled(july, "Public Participation").minute_number == "27"
    assert titled(july, "Update from the Community Safety Partnership").minute_number == "34"
    assert [i.minute_number for i in july.items] == [str(n) for n in range(24, 37)]


def test_july_attendance(july):
    assert [a.name for a in of(july, "apologies")] == ["Toni Coombs", "Lesley Dedman",
                                                       "Beryl Ezzard"]
    assert len(of(july, "present", "committee_member")) == 6
    assert len(of(july, "present", "officer")) == 12
    [other] = of(july, "present", "other")
    assert (other.name, other.capacity) == ("Daniel Cadisch", "Chief Officer, Citizen's Advice "
                                            "Bureau")
    officers = {o.name: o.capacity for o in of(july, "present", "officer")}
    assert officers["Jon Lake"] == "Technical Officer (Traffic Engineering)"


def test_july_youth_justice_recommendation(july):
    [d] = titled(july, "Approval of the Youth Justice Plan 2017-18").decisions
    assert (d.kind, d.recipient) == ("recommended", "County Council")
    assert d.reason.startswith("The draft Youth Justice Plan has been approved")


def test_july_emergency_planning(july):
    item = titled(july, "Emergency Planning")
    assert [(d.number, d.text[:14]) for d in item.decisions] == [("1", "To arrange an "),
                                                                ("2", "Cllr Brookes t")]
    [u] = item.undertakings
    assert (u.owner, u.text) == ("Cllr Brookes", "lead on this piece of work with Cllr Lugg and "
                                 "Simon Parker")


def test_july_reason_for_decision(july):
    [d] = titled(july, "Task and Finish Group in respect of Road Traffic Collisions").decisions
    assert d.kind == "resolved" and d.reason.startswith("An action was taken at the Safeguarding")


def test_july_work_programme_undertaking(july):
    [u] = titled(july, "Work Programme").undertakings
    assert (u.owner, u.text) == ("The Director", "update members at a future relevant point")


def test_july_terms_of_reference_has_no_decision(july):
    assert titled(july, "Terms of Reference").decisions == []


# --- hand-written: numbered 87-95 in capitals, PART 2 by minute numbers, page footers ----------

@pytest.fixture(scope="module")
def northfleet() -> ParsedMeeting:
    return fixture("northfleet-cf-scrutiny-2019-03-05.txt")


def test_northfleet_heading_in_capitals(northfleet):
    assert northfleet.committee == "Children and Families Scrutiny Committee"
    assert northfleet.council == "Northfleet Borough Council"
    assert northfleet.venue == "Council Chamber, Town Hall, Northfleet"
    assert (northfleet.date, northfleet.start_time, northfleet.end_time) == (
        date(2019, 3, 5), time(18, 0), time(20, 15))


def test_northfleet_numbered_titles(northfleet):
    assert [i.minute_number for i in northfleet.items] == [str(n) for n in range(87, 96)]
    assert minute(northfleet, "90").title == "CHILDREN IN CARE SUFFICIENCY STRATEGY"


def test_northfleet_attendance_labels(northfleet):
    assert [a.capacity for a in of(northfleet, "present", "committee_member")][:2] == [
        "Chairman", "Vice-Chairman"]
    [sub] = of(northfleet, "substitute")
    assert (sub.name, sub.substitute_for) == ("Councillor Neil Parfitt", "Councillor Joan Tranter")
    [cabinet] = of(northfleet, "present", "other_member")
    assert cabinet.capacity == "Cabinet Member for Children's Services"
    assert {o.name: o.capacity for o in of(northfleet, "present", "officer")}["Tom O'Neill"] == \
        "Head of Safeguarding (Interim)"
    assert [a.name for a in of(northfleet, "apologies")] == ["Joan Tranter", "Ravi Bassi"]


def test_northfleet_declaration_on_the_minute_it_names(northfleet):
    assert minute(northfleet, "88").declarations == []
    [d] = minute(northfleet, "91").declarations
    assert (d.member, d.kind) == ("Councillor Steph Aldridge", "non_registrable")


def test_northfleet_resolved_to_recommend_to_council(northfleet):
    [d] = minute(northfleet, "90").decisions
    assert (d.kind, d.recipient) == ("recommended", "Council")
    assert d.reason.startswith("The Council must take steps")


def test_northfleet_exempt_minutes_named_in_the_resolution(northfleet):
    assert [(i.minute_number, i.part, i.exempt_paragraph) for i in northfleet.items
            if i.exempt] == [("93", 2, "1, 2"), ("94", 2, "1, 2")]
    assert minute(northfleet, "95").exempt is False


def test_northfleet_page_refs_from_footers(northfleet):
    assert minute(northfleet, "90").ref.page == 8
    assert minute(northfleet, "91").decisions[0].ref.page == 8
    assert minute(northfleet, "87").ref.page is None  # before the first footer: unknown


def test_northfleet_undertakings(northfleet):
    assert [(u.owner, u.text) for u in minute(northfleet, "91").undertakings] == [
        ("Councillor Lloyd", "raise the matter with the Corporate Parenting Board")]
    assert minute(northfleet, "90").undertakings[0].owner == "The Head of Safeguarding"


# --- hand-written: unnumbered, reserve member, vice-chairman in the chair ----------------------

@pytest.fixture(scope="module")
def westcombe() -> ParsedMeeting:
    return fixture("westcombe-adult-services-2019-09-09.txt")


def test_westcombe_heading(westcombe):
    assert (westcombe.committee, westcombe.council) == (
        "Adult Services Overview and Scrutiny Committee", "Westcombe County Council")
    assert westcombe.venue == "Shire Hall, Westcombe, WC4 2AB"
    assert (westcombe.start_time, westcombe.end_time) == (time(14, 0), time(16, 25))
    assert westcombe.minutes_to_be_confirmed_on == date(2019, 11, 25)


def test_westcombe_items(westcombe):
    assert [i.title for i in westcombe.items] == [
        "Apologies for Absence", "Declarations of Interest", "Minutes",
        "Home Care Recommissioning", "Hospital Discharge Performance", "Work Programme"]
    assert {i.minute_number for i in westcombe.items} == {""}


def test_westcombe_reserve_member(westcombe):
    [r] = of(westcombe, "substitute")
    assert (r.name, r.capacity, r.substitute_for) == ("Gareth Pugh", "Reserve Member",
                                                      "Leonard Moss")


def test_westcombe_vice_chairman_named(westcombe):
    assert westcombe.chaired_by == "Alan Ferris"
    assert [(a.name, a.capacity) for a in of(westcombe, "apologies")] == [
        ("Leonard Moss", ""), ("Brenda Thorne", "Chairman")]


def test_westcombe_declaration_by_item_title(westcombe):
    [d] = titled(westcombe, "Home Care Recommissioning").declarations
    assert (d.member, d.kind, d.item_number) == ("Cllr Owen Lacey", "other", "")


def test_westcombe_recommendation_to_a_cabinet_member(westcombe):
    [d] = titled(westcombe, "Home Care Recommissioning").decisions
    assert d.recipient == "Cabinet Member for Adult Social Care and Health"
    assert d.reason.splitlines() == ["1. To ensure continuity of care for people who use home "
                                     "care.", "2. To secure better value from the home care "
                                     "market."]


def test_westcombe_other_attendee_with_title(westcombe):
    [other] = of(westcombe, "present", "other")
    assert (other.name, other.capacity) == ("Dr Paul Grady", "Clinical Lead, Westcombe Clinical "
                                            "Commissioning Group")


def test_westcombe_undertakings(westcombe):
    got = [(u.owner, u.text) for i in westcombe.items for u in i.undertakings]
    assert got == [("The Director of Adult Services", "share the provider risk register with "
                    "members in confidence"),
                   ("Mr Hollis", "circulate the winter plan when it was published")]


def test_westcombe_future_meetings(westcombe):
    assert [(f.date, f.topics) for f in westcombe.future_meetings] == [
        (date(2019, 11, 25), ["Carers strategy refresh",
                              "Safeguarding Adults Board annual report"]),
        (date(2020, 2, 3), ["Budget scrutiny"])]


# --- hand-written: Dorset layout, numbered 112-119, a paragraph split by a page break ----------

@pytest.fixture(scope="module")
def eastbridge() -> ParsedMeeting:
    return fixture("eastbridge-safeguarding-panel-2019-06-19.txt")


def test_eastbridge_heading(eastbridge):
    assert (eastbridge.committee, eastbridge.council) == (
        "Safeguarding and Prevention Scrutiny Panel", "")
    assert eastbridge.venue == "The Guildhall, Eastbridge, EB1 4QT"
    assert eastbridge.minutes_to_be_confirmed_on == date(2019, 9, 11)
    assert (eastbridge.start_time, eastbridge.end_time) == (time(10, 0), time(12, 15))


def test_eastbridge_minute_numbers(eastbridge):
    assert [i.minute_number for i in eastbridge.items] == [str(n) for n in range(112, 120)]
    assert minute(eastbridge, "115").title == "Public Participation"


def test_eastbridge_paragraph_over_page_break(eastbridge):
    text = minute(eastbridge, "116").minutes
    assert "Recorded offences involving knives had risen by 8%" in text


def test_eastbridge_decisions(eastbridge):
    got = minute(eastbridge, "116").decisions
    assert [(d.number, d.reason) for d in got] == [
        ("1", "To ensure effective partnership arrangements are in place before the duty starts."),
        ("2", "To ensure effective partnership arrangements are in place before the duty starts.")]


def test_eastbridge_undertakings(eastbridge):
    assert [(u.owner, u.text) for u in minute(eastbridge, "116").undertakings] == [
        ("the Performance Analyst", "confirm the final figures with the police")]
    assert [u.owner for u in minute(eastbridge, "117").undertakings] == [
        "The Head of Community Safety"]


def test_eastbridge_officers_and_future_meeting(eastbridge):
    officers = {o.name: o.capacity for o in of(eastbridge, "present", "officer")}
    assert officers["Eamon Byrne"] == "Performance Analyst (Children's Services)"
    assert [(f.date, len(f.topics)) for f in eastbridge.future_meetings] == [
        (date(2019, 9, 11), 2)]


# --- errors and robustness ----------------------------------------------------------------------

def test_not_minutes():
    with pytest.raises(MalformedPaper) as err:
        parse_minutes(Paper.from_text("Report of the Director\n\nThe figures improved.\n"))
    assert err.value.line == 1 and "Minutes of the meeting held" in err.value.expected


def test_minutes_heading_without_committee():
    paper = Paper.from_text("Minutes of the meeting held at Town Hall on 3 May 2019\n\nNoted\n")
    with pytest.raises(MalformedPaper, match="committee") as err:
        parse_minutes(paper)
    assert err.value.line == 1


def test_empty_minutes():
    with pytest.raises(MalformedPaper, match="empty"):
        parse_minutes(Paper.from_text("\n\n"))


def parses_or_paper_error(paper: Paper) -> None:
    try:
        result = parse_minutes(paper)
    except PaperError:
        return
    assert isinstance(result, ParsedMeeting) and result.committee


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_truncated_minutes(cut_start, cut_end):
    _pack, part = minutes_slice(JAN_PACK, lines_before=1)
    lines = part.lines[cut_start:len(part.lines) - cut_end]
    parses_or_paper_error(Paper("cut", lines))


@settings(max_examples=50, deadline=None)
@given(st.randoms(use_true_random=False))
def test_shuffled_minutes(rnd: random.Random):
    _pack, part = minutes_slice(OCT_PACK, lines_before=2)
    lines = list(part.lines)
    rnd.shuffle(lines)
    parses_or_paper_error(Paper("shuffled", lines))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=40), st.integers(min_value=0, max_value=80))
def test_garbage_in_minutes(garbage, at):
    text = (HERE / "northfleet-cf-scrutiny-2019-03-05.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    parses_or_paper_error(Paper.from_text("\n".join(lines[:at] + garbage + lines[at:])))
    parses_or_paper_error(Paper.from_text("\n".join(garbage)))


def test_a_whole_pack_or_page_given_as_minutes():
    for name in (JAN_PACK, OCT_PACK, "2018-01-30-meeting-documents-page.txt"):
        parses_or_paper_error(Paper.from_text(sample_text(name), name))


def test_items_after_an_exclusion_item_citing_no_schedule_are_exempt():
    text = ("Northvale Borough Council\n\nMinutes of the meeting of the Housing Panel held on "
            "3 March 2022\n\nPresent: Councillors Ann Lee (Chair) and Bob Shaw\n\n"
            "1 Apologies\n\nThere were none.\n\n2 Exclusion of the Press and Public\n\n"
            "RESOLVED that the press and public be excluded for the following item.\n\n"
            "3 Temporary Accommodation Contract\n\nThe Panel considered the tenders.\n")
    meeting = parse_minutes(Paper.from_text(text, "m.txt"))
    by = {i.title: i for i in meeting.items}
    assert not by["Exclusion of the Press and Public"].exempt
    assert by["Temporary Accommodation Contract"].exempt
    assert not by["Apologies"].exempt
