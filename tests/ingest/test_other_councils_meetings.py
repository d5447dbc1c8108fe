"""Meeting-documents pages and minutes of other councils (tests/fixtures/papers/meeting_page/
and minutes/, see their READMEs): layouts the parsers once misread,
each asserted on the paper and on small variants written here, so that the rule is general
and not tied to one paper's words."""

from datetime import date, time
from pathlib import Path

import pytest

from scrutinydesk.ingest.formats import read_paper
from scrutinydesk.ingest.parse import parse_paper
from scrutinydesk.ingest.parsers import minute_decisions as md
from scrutinydesk.ingest.parsers import minute_people as mp
from scrutinydesk.ingest.parsers import minute_text as mt
from scrutinydesk.ingest.parsers.meeting_page import parse_meeting_page
from scrutinydesk.ingest.parsers.minute_text import Para
from scrutinydesk.ingest.parsers.minutes import parse_minutes
from scrutinydesk.ingest.records import SourceRef
from scrutinydesk.ingest.text import Line, Paper

PAPERS = Path(__file__).resolve().parents[1] / "fixtures" / "papers"
REF = SourceRef(line=1)


def read(folder: str, name: str):
    path = PAPERS / folder / name
    return parse_paper(read_paper(path.read_bytes(), name)).record


def page(text: str):
    return parse_meeting_page(Paper.from_text(text, "page.txt"))


def minutes(text: str):
    return parse_minutes(Paper.from_text(text, "minutes.txt"))


def paras(*texts: str) -> list[Para]:
    return [Para(t, Line(k + 1, t)) for k, t in enumerate(texts)]


def by_title(meeting, title: str):
    return next(i for i in meeting.items if i.title == title)


def people(meeting, **match):
    return [a for a in meeting.attendance
            if all(getattr(a, k) == v for k, v in match.items())]


# --- Committee names in page titles and minutes headings -------------------------------------

def test_agenda_for_committee_on_date():
    m = read("meeting_page", "wiltshire-health-select-2024-03-12-agenda.txt")
    assert (m.committee, m.date, m.start_time) == ("Health Select Committee", date(2024, 3, 12),
                                                   time(10, 30))
    assert m.venue.startswith("Kennet Room - County Hall")


@pytest.mark.parametrize("heading, committee", [
    ("Agenda for Health Select Committee on Tuesday, 12th March, 2024, 10.30 am",
     "Health Select Committee"),
    ("Minutes of Cabinet on Monday, 4th March, 2019 7.00 pm", "Cabinet"),
    ("Agenda and minutes for the Children's Scrutiny Panel on Wednesday, 6th March, 2019 "
     "10.00 am", "Children's Scrutiny Panel"),
    ("Agenda, decisions and minutes of Planning Committee held on Thursday, 4th July, 2019 "
     "2.00 pm", "Planning Committee"),
])
def test_page_title_words_are_not_the_committee(heading, committee):
    m = page(f"{heading}\n\nVenue: Town Hall\n\n1.\n\nApologies\n")
    assert m.committee == committee


def test_remote_meeting_heading_takes_the_committee_from_the_line_above():
    m = read("minutes", "north-yorkshire-health-2021-12-10.txt")
    assert (m.committee, m.council) == ("Scrutiny of Health Committee",
                                        "North Yorkshire County Council")
    assert m.venue == "County Hall, Northallerton"
    assert (m.start_time, m.end_time) == (time(10, 0), time(12, 35))


@pytest.mark.parametrize("kind", ["remote", "virtual", "hybrid", "special"])
def test_kind_of_meeting_is_not_the_committee(kind):
    m = minutes(f"Westshire Council\n\nPlaces Scrutiny Panel\n\nMinutes of the {kind} meeting "
                "held on Monday, 3 May 2021 starting at 2.00 pm in the Council Chamber, "
                "Westshire.\n\nPresent:\n\nAnn Bee, Cy Dee\n\n1. Apologies\n\nNone.\n")
    assert m.committee == "Places Scrutiny Panel"
    assert m.venue == "Council Chamber, Westshire"
    assert m.start_time == time(14, 0)


def test_lower_case_the_leaves_the_venue_but_a_capital_the_stays():
    m = read("minutes", "somerset-adults-health-2023-07-19.txt")
    assert m.venue == "Luttrell Room, County Hall, Taunton, TA1 4DY"
    m = minutes("Minutes of a meeting of the Forum held at The Guildhall, Bath on Monday, "
                "3 May 2021\n\nPresent: Ann Bee\n\n1. Apologies\n\nNone.\n")
    assert m.venue == "The Guildhall, Bath"


# --- Attendance --------------------------------------------------------------------------

def test_present_list_over_blank_lines_with_chair_and_council_kinds():
    m = read("minutes", "north-yorkshire-health-2021-12-10.txt")
    assert m.chaired_by == "Councillor Jim Clark"
    present = [a.name for a in people(m, status="present", kind="committee_member")]
    assert present[:8] == ["Councillor Jim Clark", "Karin Sedgwick", "Philip Barrett",
                           "Eric Broadbent", "John Ennis", "John Mann", "Heather Moorhouse",
                           "Kevin Hardisty"]
    assert [(a.name, a.capacity) for a in people(m, capacity="Co-opted Member (Craven)")] == [
        ("Wendy Hull", "Co-opted Member (Craven)")]
    [lee] = people(m, status="substitute")
    assert (lee.name, lee.substitute_for) == ("Andrew Lee", "Liz Colling")
    [dickinson] = people(m, kind="other_member")
    assert (dickinson.name, dickinson.capacity) == ("Councillor Caroline Dickinson",
                                                    "Executive Member for Public Health")
    assert [a.name for a in people(m, kind="officer")] == [
        "Daniel Harry", "Louise Wallace", "Christine Phillipson"]
    assert [a.name for a in people(m, status="apologies")] == ["Liz Colling", "Zoe Metcalfe"]
    assert not any("District" in a.name or "County" in a.name for a in m.attendance)


def test_one_name_a_line_other_members_remotely_and_officers_before_the_first_minute():
    m = read("minutes", "somerset-adults-health-2023-07-19.txt")
    assert m.chaired_by == "Cllr Gwilym Wren"  # "Cllr Gwilym Wren (Chair)" in the present list
    assert [(a.name, a.kind) for a in m.attendance if a.kind != "committee_member"] == [
        ("Cllr Dean Ruddle", "other_member"), ("Cllr Claire Sully", "other_member"),
        ("Mel Lock", "officer"), ("Jamie Jackson", "officer")]
    assert [(i.minute_number, i.number, i.title) for i in m.items][:2] == [
        ("23", "1", "Apologies for Absence"), ("24", "2", "Declarations of Interests")]
    assert m.items[4].title == "Adult Social Care Performance Report - Quarter 4 2022/23"
    assert m.declarations_none


@pytest.mark.parametrize("label", ["Present:-", "Present:", "PRESENT -", "Present"])
def test_present_label_forms_and_blank_lines_inside_the_list(label):
    m = minutes(f"Minutes of the Audit Committee held at the Town Hall on Monday, 3 May 2021"
                f"\n\n{label}\n\nCouncillor Ann Bee in the Chair\n\nBorough Councillors Cy Dee "
                "(Vice-Chair), Eve Fox and Gus Hay.\n\nIn attendance: Cllr Ian Jay (Leader of "
                "the Council), Kim Lo (Chief Finance Officer)\n\nApologies: Councillor Max Ng."
                "\n\n1. Minutes\n\nThe minutes were agreed.\n")
    assert m.chaired_by == "Councillor Ann Bee"
    assert [(a.name, a.status, a.kind) for a in m.attendance] == [
        ("Councillor Ann Bee", "present", "committee_member"),
        ("Cy Dee", "present", "committee_member"), ("Eve Fox", "present", "committee_member"),
        ("Gus Hay", "present", "committee_member"),
        ("Cllr Ian Jay", "present", "other_member"), ("Kim Lo", "present", "officer"),
        ("Councillor Max Ng", "apologies", "committee_member")]


@pytest.mark.parametrize("label", ["Other Members present remotely:", "Officers in attendance "
                                   "virtually:", "Also present online:"])
def test_labels_saying_how_people_attended(label):
    assert mp.attendance_label(label) is not None


@pytest.mark.parametrize("text", [
    "Mel Lock (Director of Adult Social Services), Jamie Jackson (Democratic Services Officer)",
    "Ann Bee (Head of Finance) and Cy Dee (Principal Scrutiny Officer)",
])
def test_a_list_of_officers_is_not_a_title(text):
    assert mp.is_name_list(text, roles=True)


@pytest.mark.parametrize("title", ["Fostering, Adoption and Kinship Care",
                                   "Budget Monitoring (Quarter 2)", "Apologies for Absence"])
def test_a_title_is_not_a_list_of_officers(title):
    assert not mp.is_name_list(title, roles=True)


@pytest.mark.parametrize("title, number", [("Apologies for Absence - Agenda Item 1", "1"),
                                           ("Work Programme – Item 7", "7"),
                                           ("Budget (Agenda Item 4a)", "4a")])
def test_agenda_item_number_printed_after_the_minute_title(title, number):
    m = minutes("Minutes of the Audit Committee held at the Town Hall on Monday, 3 May 2021"
                f"\n\nPresent: Ann Bee\n\n12\t{title}\n\nNone.\n\n13\tAny Other Business"
                "\n\nNone.\n\n14\tClose\n\nNone.\n")
    assert (m.items[0].minute_number, m.items[0].number) == ("12", number)
    assert "Item" not in m.items[0].title


# --- Who chaired ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, who", [
    ("Councillor Lisa Walker (Chair) presided.", "Councillor Lisa Walker"),
    ("Cllr Ann Bee presided.", "Cllr Ann Bee"),
    ("There being no other nominations, Councillor Purdy was declared elected and took the "
     "Chair.", "Councillor Purdy"),
    ("Councillor Ann Bee was duly elected Chairman and took the Chair.", "Councillor Ann Bee"),
    ("In the absence of the Chair, the Vice-Chair, Councillor Helen Munro, took the Chair for "
     "the meeting.", "Councillor Helen Munro"),
])
def test_who_chaired(text, who):
    assert mp.read_chair(text, [], []) == who


def test_who_chaired_is_present():
    m = read("meeting_page", "tewkesbury-audit-governance-2023-09-20.txt")
    assert m.chaired_by == "Councillor Helen Munro"
    assert people(m, name="Councillor Helen Munro")[0].status == "present"
    assert people(m, name="Paul Surman")[0].status == "apologies"  # the Chair, absent
    m = read("meeting_page", "stockport-asc-health-2024-11-14.txt")
    assert m.chaired_by == "Councillor Lisa Walker"
    assert people(m, name="Councillor Lisa Walker")[0].status == "present"


# --- Substitutes ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, sub, absent", [
    ("Councillor Mark Dimond-Brown would be acting as a substitute for Councillor Claire Carter "
     "for the meeting.", "Councillor Mark Dimond-Brown", "Councillor Claire Carter"),
    ("Councillor Ian Mullens replaced Councillor Jim Broadhead for this meeting only.",
     "Councillor Ian Mullens", "Councillor Jim Broadhead"),
    ("Cllr Al Bo stood in for Cllr Cy Do.", "Cllr Al Bo", "Cllr Cy Do"),
    ("Cllr Al Bo was acting as a deputy for Cllr Cy Do.", "Cllr Al Bo", "Cllr Cy Do"),
])
def test_substitute_sentences(text, sub, absent):
    [p] = mp.read_substitutes(text, REF)
    assert (p.name, p.status, p.substitute_for) == (sub, "substitute", absent)


def test_a_lasting_replacement_is_not_a_substitute():
    assert mp.read_substitutes("Councillor Ian Mullens replaced Councillor Jim Broadhead on the "
                               "Committee.", REF) == []


# --- Membership table --------------------------------------------------------------------------

def test_reserve_table_rows_with_role_and_council_in_brackets():
    m = read("meeting_page", "kent-medway-johsc-2022-10-18.txt")
    assert [(x.name, x.role, x.reserve_for) for x in m.members][:4] == [
        ("Councillor Wendy Purdy", "chair", ""),
        ("Councillor Andy Weatherhead", "reserve", "Councillor Wendy Purdy"),
        ("Councillor Teresa Murray", "vice_chair", ""),
        ("Councillor Habib Tejan", "reserve", "Councillor Teresa Murray")]
    assert m.chaired_by == "Councillor Purdy"
    assert not people(m, name="Councillor Andy Weatherhead")


def test_reserve_table_variant():
    rows = [Line(1, "Ordinary Member\tReserve Member"),
            Line(2, "Cllr Ann Bee (Vice-Chairman) (Northshire)\tCllr Cy Dee (Northshire)"),
            Line(3, "Cllr Eve Fox (Southshire) (Chair)\tCllr Gus Hay")]
    assert [(x.name, x.role) for x in mp.read_reserve_table(rows)] == [
        ("Cllr Ann Bee", "vice_chair"), ("Cllr Cy Dee", "reserve"), ("Cllr Eve Fox", "chair"),
        ("Cllr Gus Hay", "reserve")]


# --- Declarations ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, interest", [
    ("Councillor Philip Workman declared an other registrable interest in Minute No. 118 - "
     "Treasury Management Mid-Year Review 2023/24 as a non-executive director of Tewkesbury "
     "Borough Leisure Ltd. He left the Chamber during the consideration of that item.",
     "other_registrable", "non-executive director of Tewkesbury Borough Leisure Ltd"),
    ("County Councillor John Ennis declared a non-pecuniary interest in minute 100 (Whitby "
     "Hospital Redevelopment) as a member of the League of Friends of Whitby Hospital.",
     "other", "member of the League of Friends of Whitby Hospital"),
    ("Councillor Barry Kemp declared that he was a Governor of Medway NHS Foundation Trust, "
     "in relation to item 5 - Medway Maritime Hospital Emergency Department.", "other",
     "Governor of Medway NHS Foundation Trust"),
    ("Cllr Ann Bee declared a disclosable pecuniary interest in item 4 because her husband is "
     "employed by the contractor, and left the room.", "dpi",
     "her husband is employed by the contractor"),
])
def test_declaration_names_the_nature_of_the_interest(text, kind, interest):
    [(d, _w, _n)] = mp.read_declarations(text, REF)
    assert (d.kind, d.interest) == (kind, interest)
    assert "County" not in d.member and text.startswith(d.words)


def test_declarations_land_on_the_minute_or_item_they_name():
    m = read("minutes", "north-yorkshire-health-2021-12-10.txt")
    [d] = by_title(m, "Whitby Hospital Redevelopment").declarations
    assert (d.member, d.kind) == ("Councillor John Ennis", "other")
    m = read("meeting_page", "tewkesbury-audit-governance-2023-09-20.txt")
    [d] = by_title(m, "Treasury Management Mid-Year Review 2023/24").declarations
    assert d.interest == "non-executive director of Tewkesbury Borough Leisure Ltd"
    m = read("meeting_page", "kent-medway-johsc-2022-10-18.txt")
    [d] = by_title(m, "Medway Maritime Hospital Emergency Department").declarations
    assert d.member == "Councillor Barry Kemp"


def test_labelled_declaration_block():
    m = read("meeting_page", "stockport-asc-health-2024-11-14.txt")
    [d] = by_title(m, "Proposed Closure of Bramhall Day Centre").declarations
    assert (d.member, d.item_number, d.interest) == (
        "Wendy Meikle", "5", "Her husband is employed at the Bramhall Day Centre")
    [d] = mp.read_declaration_blocks(["Disclosable Pecuniary Interest", "Member: Cllr Ann Bee",
                                      "Agenda item: 7 Budget", "Nature of interest: Owns a "
                                      "shop in the High Street."], REF)
    assert (d.member, d.item_number, d.kind, d.interest) == (
        "Cllr Ann Bee", "7", "dpi", "Owns a shop in the High Street")


@pytest.mark.parametrize("text", ["There were no new declarations of interest.",
                                  "No further declarations were made.",
                                  "There were no additional declarations of interest."])
def test_no_new_declarations(text):
    assert mp.no_declarations(text)


# --- Decisions ---------------------------------------------------------------------------------

def test_resolved_that_dash():
    m = read("meeting_page", "runnymede-corporate-management-2019-11-07.txt")
    [d] = by_title(m, "RECOMMENDATION I - Leisure Centre Fees and Charges 2020/21").decisions
    assert d.text.startswith("the fees and charges for leisure services")
    assert mt.decision_marker("Resolved that: the report be noted.")[2] == "the report be noted."


@pytest.mark.parametrize("texts, recipient", [
    (("RESOLVED – That the Cabinet be recommended to defer a decision.",), "Cabinet"),
    (("RESOLVED:", "That Cabinet be recommended to include a rural uplift."), "Cabinet"),
])
def test_recommending_to_another_body_is_a_recommendation(texts, recipient):
    [d] = md.read_decisions(paras(*texts))
    assert (d.kind, d.recipient) == ("recommended", recipient)
    assert not d.text.startswith("RESOLVED")


@pytest.mark.parametrize("texts, recipient", [
    (("Resolved -", "That the Executive be asked to fund two units."), "Executive"),
    (("Resolved", "That the Cabinet Member for Adult Care be requested to review the policy."),
     "Cabinet Member for Adult Care"),
    (("Resolved", "That Council be invited to adopt the rules."), "Council"),
])
def test_a_resolution_asking_another_body_stays_a_resolution(texts, recipient):
    [d] = md.read_decisions(paras(*texts))
    assert (d.kind, d.recipient) == ("resolved", recipient)


def test_asking_officers_stays_a_resolution():
    [d] = md.read_decisions(paras("Resolved", "That the Director be asked to report back."))
    assert d.kind == "resolved"


@pytest.mark.parametrize("label", ["Reason:", "Reasons:", "Reason -",
                                   "Reason for Recommendation:"])
def test_reason_labels(label):
    [d] = md.read_decisions(paras("Recommended -", "That the Executive be asked to act.",
                                  f"{label} Uptake was low."))
    assert d.reason == "Uptake was low."


def test_lead_in_before_numbered_parts_is_not_a_decision():
    m = read("meeting_page", "wiltshire-health-select-2024-03-12-minutes.txt")
    decisions = by_title(m, "Adult Social Care Workforce Strategy 2024-2027").decisions
    assert [(d.number, d.text) for d in decisions] == [
        ("1", "Notes the draft Adult Social Care Workforce Strategy 2024-2027."),
        ("2", "Asks for an update on implementation of the strategy in six months' time.")]
    decisions = md.read_decisions(paras("Resolved", "The Panel:", "(a) Agrees the plan;",
                                        "(b) Thanks the officers."))
    assert [d.number for d in decisions] == ["a", "b"]


@pytest.mark.parametrize("text, kind", [
    ("The Adults and Health Scrutiny Committee noted the report.", "noted"),
    ("The Committee agreed its work programme.", "agreed"),
    ("The Panel noted the update.", "noted"),
])
def test_closing_sentence_is_the_decision_when_nothing_else_is(text, kind):
    [d] = md.read_decisions(paras("The officer presented the report.", text))
    assert (d.kind, d.text) == (kind, text)


def test_discussion_that_notes_something_is_no_decision():
    assert md.read_decisions(paras("Members noted that waiting lists had fallen.",
                                   "The Committee noted that the figures were provisional.")) == []


# --- Times, venue, future meetings -------------------------------------------------------------

def test_revised_start_time_in_a_note():
    m = read("meeting_page", "stockport-asc-health-2024-11-14.txt")
    assert m.start_time == time(19, 0)
    assert m.note.startswith("Note: Please note the revised start time")


@pytest.mark.parametrize("note, start", [
    ("Note: The meeting will now start at 2.30 pm.", time(14, 30)),
    ("Note: New start time 11.00 am", time(11, 0)),
    ("Note: Members are asked to arrive by 9.30 am for a briefing.", time(10, 0)),
])
def test_note_time_variants(note, start):
    m = page(f"Cabinet - Monday, 4th March, 2019 10.00 am\n\n{note}\n\n1.\n\nApologies\n")
    assert m.start_time == start


@pytest.mark.parametrize("text, dates", [
    ("To confirm the date of the next meeting as 4 June 2024.", [date(2024, 6, 4)]),
    ("The date of the next meeting was confirmed as 4 June 2024.", [date(2024, 6, 4)]),
    ("The next meetings will be held on 13 September 2023 and 8 November 2023.",
     [date(2023, 9, 13), date(2023, 11, 8)]),
    ("The Committee agreed the dates of its meetings for 2022: 11 March 2022, 17 June 2022 and "
     "9 September 2022.", [date(2022, 3, 11), date(2022, 6, 17), date(2022, 9, 9)]),
    ("The Annual Report would now be presented to the meeting on 13 December 2023.",
     [date(2023, 12, 13)]),
    ("The Trust will return with an update at its meeting on 24 January 2023.",
     [date(2023, 1, 24)]),
    ("A response would be given before the Cabinet meeting on 10 December 2024.", []),
    ("The next meeting will consider the returns due by 30 September 2019.", []),
    ("Figures would be circulated by 30 September 2019.", []),
    ("The report was published on 3 May 2021.", []),
])
def test_meetings_in_prose(text, dates):
    assert md.meetings_in_prose(text) == dates


def test_dated_topic_lines_in_a_work_programme_item():
    found = md.read_future_meetings(paras(
        "Items for the next meetings were agreed as follows:",
        "16 January 2025 - Better Care Fund Plan; Carers' Strategy Refresh",
        "6 March 2025: Hospital Discharge Performance"), "Scrutiny Work Programme")
    assert [(f.date, f.topics) for f in found] == [
        (date(2025, 1, 16), ["Better Care Fund Plan", "Carers' Strategy Refresh"]),
        (date(2025, 3, 6), ["Hospital Discharge Performance"])]
    # the same line in an item about something else is not a meeting
    assert md.read_future_meetings(paras("1 April 2025 - new charges apply"), "Fees") == []


@pytest.mark.parametrize("folder, name, dates", [
    ("meeting_page", "wiltshire-health-select-2024-03-12-agenda.txt", [date(2024, 6, 4)]),
    ("meeting_page", "tewkesbury-audit-governance-2023-09-20.txt",
     [date(2023, 12, 13), date(2024, 3, 20)]),
    ("meeting_page", "cheltenham-osc-cancelled-2020-06-29.txt", [date(2020, 7, 27)]),
    ("meeting_page", "stockport-asc-health-2024-11-14.txt", [date(2025, 1, 16), date(2025, 3, 6)]),
    ("meeting_page", "shropshire-people-overview-2019-05-08.html",
     [date(2019, 7, 3), date(2019, 9, 11)]),
    ("minutes", "north-yorkshire-health-2021-12-10.txt",
     [date(2022, 3, 11), date(2022, 6, 17), date(2022, 9, 9)]),
    ("minutes", "somerset-adults-health-2023-07-19.txt", [date(2023, 9, 13), date(2023, 11, 8)]),
])
def test_future_meetings_of_each_paper_and_never_a_past_date(folder, name, dates):
    assert [f.date for f in read(folder, name).future_meetings] == dates


# --- Undertakings ------------------------------------------------------------------------------

@pytest.mark.parametrize("words, due", [
    ("circulate the latest figures by 30 September 2019", date(2019, 9, 30)),
    ("arrange a briefing before the end of November 2023", date(2023, 11, 30)),
    ("report back by December 2023", date(2023, 12, 31)),
    ("respond before the Cabinet meeting on 10 December 2024", date(2024, 12, 10)),
    ("write no later than Friday, 3 May 2024", date(2024, 5, 3)),
    ("provide the figures for November 2021", None),
    ("report to the meeting in the spring of 2020", None),
])
def test_undertaking_due_dates(words, due):
    assert md.due_of(words)[0] == due


def test_undertaking_keeps_its_words_and_due_date():
    [u] = md.read_undertakings(paras("The Corporate Director undertook to arrange a briefing for "
                                     "Members before the end of November 2023."))
    assert (u.owner, u.due, u.due_text) == ("The Corporate Director", date(2023, 11, 30),
                                            "before the end of November 2023")
    assert u.text.endswith("before the end of November 2023")


@pytest.mark.parametrize("sentence, owner", [
    ("Following a question, the Director of Education and 14-19 Skills undertook to provide a "
     "breakdown.", "the Director of Education and 14-19 Skills"),
    ("The Head of 0-25 Services undertook to write to members.", "The Head of 0-25 Services"),
])
def test_numbers_inside_a_role(sentence, owner):
    [u] = md.read_undertakings(paras(sentence))
    assert u.owner == owner


# --- Documents and page furniture --------------------------------------------------------------

def test_additional_documents_lose_the_item_suffix():
    m = read("meeting_page", "wiltshire-health-select-2024-03-12-agenda.txt")
    docs = by_title(m, "Adult Social Care Workforce Strategy 2024-2027").documents
    assert [(d.title, d.size_text, d.additional) for d in docs] == [
        ("Adult Social Care Workforce Strategy 2024-2027", "512 KB", False),
        ("Appendix 1 - Draft Workforce Strategy 2024-2027", "1 MB", True),
        ("Appendix 2 - Vacancy and Turnover Data", "365 KB", True)]


def test_html_footer_and_navigation_are_not_minutes():
    m = read("meeting_page", "shropshire-people-overview-2019-05-08.html")
    assert "Copyright" not in m.items[-1].minutes
    assert not any("Home" in i.title for i in m.items)


# --- Through the loader and the exports ---------------------------------------------------------

@pytest.mark.django_db
def test_agenda_then_minutes_of_one_meeting_land_on_one_meeting_with_its_documents():
    from scrutinydesk.api.exports import meetings, undertakings
    from scrutinydesk.committees.models import Committee, Document, Meeting
    from scrutinydesk.ingest.services import import_bytes

    folder = PAPERS / "meeting_page"
    first = import_bytes((folder / "wiltshire-health-select-2024-03-12-agenda.txt").read_bytes(),
                         "agenda.txt")
    assert first.total_updated == 0  # a new meeting is counted once, as created
    import_bytes((folder / "wiltshire-health-select-2024-03-12-minutes.txt").read_bytes(),
                 "minutes.txt")
    assert list(Committee.objects.values_list("name", flat=True)) == ["Health Select Committee"]
    held = Meeting.objects.get(date=date(2024, 3, 12))
    assert (held.status, held.items.count()) == ("held", 10)
    assert Meeting.objects.get(date=date(2024, 6, 4)).status == "scheduled"
    docs = Document.objects.filter(agenda_item__number="6").order_by("title")
    assert [(d.title, d.kind, d.link_text) for d in docs] == [
        ("Adult Social Care Workforce Strategy 2024-2027", "report", "PDF 512 KB"),
        ("Appendix 1 - Draft Workforce Strategy 2024-2027", "appendix", "PDF 1 MB"),
        ("Appendix 2 - Vacancy and Turnover Data", "appendix", "PDF 365 KB")]
    assert [u["item"] for u in undertakings()] == [
        "6. Adult Social Care Workforce Strategy 2024-2027"]
    [exported] = [m for m in meetings() if m["date"] == date(2024, 3, 12)]
    assert exported["declarations_none"] is True


@pytest.mark.django_db
def test_minutes_only_items_are_labelled_by_minute_number_and_the_chair_attends():
    from scrutinydesk.api.exports import meetings, undertakings
    from scrutinydesk.committees.models import Meeting
    from scrutinydesk.ingest.services import import_bytes

    path = PAPERS / "meeting_page" / "tewkesbury-audit-governance-2023-09-20.txt"
    result = import_bytes(path.read_bytes(), path.name)
    assert result.total_updated == 0
    meeting = Meeting.objects.get(date=date(2023, 9, 20))
    assert meeting.chaired_by.name == "Helen Munro"
    assert meeting.attendance.get(member=meeting.chaired_by).status == "present"
    [exported] = [m for m in meetings() if m["date"] == date(2023, 9, 20)]
    assert [(d["member"], d["item"], d["interest"]) for d in exported["declarations"]] == [
        ("Philip Workman", "118", "non-executive director of Tewkesbury Borough Leisure Ltd")]
    labels = [(u["item"], u["due"]) for u in undertakings()]
    assert labels == [("117. Review of Contract Procedure Rules", None),
                      ("119. Internal Audit Plan Monitoring Report", date(2023, 11, 30))]


@pytest.mark.django_db
def test_minutes_attendance_and_chair_through_the_loader():
    from scrutinydesk.committees.models import Meeting
    from scrutinydesk.ingest.services import import_bytes

    path = PAPERS / "minutes" / "north-yorkshire-health-2021-12-10.txt"
    import_bytes(path.read_bytes(), path.name)
    meeting = Meeting.objects.get(date=date(2021, 12, 10))
    assert meeting.committee.name == "Scrutiny of Health Committee"
    assert meeting.chaired_by.name == "Jim Clark"
    kinds = {(a.member or a.officer).name: a.kind for a in meeting.attendance.all()
             if a.member or a.officer}
    assert kinds["Caroline Dickinson"] == "other_member"
    assert kinds["Kevin Hardisty"] == "committee_member"
    assert kinds["Louise Wallace"] == "officer"
    assert meeting.attendance.count() == 17
