"""Agenda packs: the front sheets of the January 2018 and October 2017 packs, how each pack
splits into its papers, and hand-written packs of other councils."""

import contextlib
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers import agenda_pack
from scrutinydesk.ingest.parsers.agenda_pack import looks_like_agenda_pack, parse_agenda_pack
from scrutinydesk.ingest.records import (
    ParsedActionPlan,
    ParsedCoverSheet,
    ParsedMeeting,
    ParsedWorkProgramme,
)
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

JAN = "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
OCT = "2017-10-12-safeguarding-scrutiny-agenda-pack.txt"
HAND = FIXTURES / "papers" / "agenda_pack"


def _paper(name: str) -> Paper:
    return Paper.from_text(sample_text(name), name)


def _hand(name: str) -> Paper:
    return Paper.from_text((HAND / name).read_text(encoding="utf-8"), name)


def _line_of(paper: Paper, start: str) -> int:
    return next(ln.number for ln in paper if ln.text.startswith(start))


def _item(meeting, number: str):
    return next(i for i in meeting.items if i.number == number)


@pytest.fixture(scope="module")
def january():
    return parse_agenda_pack(_paper(JAN))


@pytest.fixture(scope="module")
def october():
    return parse_agenda_pack(_paper(OCT))


# --- January 2018: front sheet -------------------------------------------------------------

def test_january_meeting(january):
    m = january.meeting
    assert (m.committee, m.council) == ("Safeguarding Overview and Scrutiny Committee",
                                        "Dorset County Council")
    assert (m.date, m.start_time) == (date(2018, 1, 30), time(14, 0))
    assert m.venue == "Committee Room 1, County Hall, Dorchester, Dorset, DT1 1XJ"


def test_january_contact_and_publication(january):
    assert january.meeting.contact == ("Fiona King, Senior Democratic Services Officer, "
                                       "01305 224186, f.d.king@dorsetcc.gov.uk")
    assert january.meeting.published_on == date(2018, 1, 22)


def test_january_members_from_the_tab_grid(january):
    members = january.meeting.members
    assert len(members) == 10
    assert [(m.name, m.role) for m in members[:3]] == [
        ("Pauline Batstone", "chair"), ("Katharine Garcia", "vice_chair"), ("Derek Beer", "member")]
    assert members[-1].name == "Kate Wheller"
    assert {m.role for m in members[2:]} == {"member"}


def test_january_items(january):
    items = january.meeting.items
    assert [i.number for i in items] == [str(n) for n in range(1, 14)]
    assert _item(january.meeting, "5").title == "Domestic Abuse - Inquiry Day"
    assert _item(january.meeting, "13").title == "Questions from County Councillors"


def test_january_item_pages_from_the_markdown_table(january):
    pages = {i.number: (i.page_start, i.page_end) for i in january.meeting.items}
    assert pages["3"] == (5, 10)
    assert pages["9"] == (61, 94)
    assert pages["12"] == (95, 98)
    assert pages["10"] == (None, None)  # an oral update has no papers


def test_january_item_descriptions(january):
    assert _item(january.meeting, "3").description == (
        "To confirm and sign the minutes of the meeting held on 12 October 2017.")
    assert _item(january.meeting, "4").description == "(a) Public Participation (b) Petitions"
    # the note after the table is not item 12's description
    assert "training" not in _item(january.meeting, "12").description


# --- January 2018: parts ----------------------------------------------------------------------

def test_january_kinds_of_part(january):
    kinds = [p.kind for p in january.parts]
    assert kinds[0] == "front_sheet"
    assert kinds.count("minutes") == 1
    assert kinds.count("report") == 4
    assert kinds.count("monitoring_report") == 1
    assert kinds.count("action_plan") == 1
    assert kinds.count("work_programme") == 1


def test_january_front_sheet_pages(january):
    front = january.parts[0]
    assert (front.page_start, front.page_end) == (1, 4)
    assert front.parsed is january.meeting


def test_january_minutes_part(january):
    minutes = january.parts_of("minutes")[0]
    assert "12 October 2017" in minutes.title
    assert (minutes.item_number, minutes.page_start, minutes.page_end) == ("3", 5, 10)
    assert minutes.parsed is None or isinstance(minutes.parsed, ParsedMeeting) or minutes.error


def test_january_reports_match_their_items(january):
    reports = january.parts_of("report")
    assert [(r.item_number, r.title) for r in reports] == [
        ("5", "Domestic Abuse – Inquiry Day"), ("6", "Modern Slavery Protocol and Guidance"),
        ("7", "Elective Home Education and Attendance Scoping Report"),
        ("8", "The Council’s Approach to Social Worker Recruitment and Retention")]
    assert all(isinstance(r.parsed, ParsedCoverSheet) for r in reports)
    assert [(r.page_start, r.page_end) for r in reports] == [(11, 24), (25, 40), (41, 46),
                                                              (47, 60)]


def test_january_report_starts_at_its_committee_header(january):
    paper = _paper(JAN)
    domestic = january.parts_of("report")[0]
    header = [ln.text for ln in paper.slice(domestic.start_line, domestic.start_line + 8)
              if ln.text.strip()]
    assert header[:3] == ["Safeguarding Overview and Scrutiny Committee", "Dorset County Council",
                          "Date of Meeting\t30 January 2018"]


def test_january_appendices_follow_their_report(january):
    appendices = [p for p in january.parts_of("appendix") if p.item_number == "5"]
    assert [a.title for a in appendices] == ["Appendix 1", "Appendix 2", "Appendix 3"]
    protocol = next(p for p in january.parts_of("appendix") if p.item_number == "6")
    assert protocol.title == "Modern Slavery Protocol and Guidance – Dorset County Area"


def test_january_recruitment_plan_nested_in_item_8(january):
    plan = january.parts_of("action_plan")[0]
    assert plan.title == "Social Worker Recruitment and Retention Plan 2017-18"
    assert plan.item_number == "8"
    holder = next(p for p in january.parts if p.kind == "appendix" and p.item_number == "8")
    assert holder.start_line < plan.start_line < plan.end_line <= holder.end_line
    assert isinstance(plan.parsed, ParsedActionPlan)
    assert len(plan.parsed.actions) == 8


def test_january_monitoring_report_runs_to_the_work_programme(january):
    monitoring = january.parts_of("monitoring_report")[0]
    programme = january.parts_of("work_programme")[0]
    assert monitoring.title == "Outcomes Focused Monitoring Report, January 2018"
    assert (monitoring.item_number, monitoring.page_start, monitoring.page_end) == ("9", 61, 94)
    assert monitoring.end_line == programme.start_line


def test_january_work_programme_part(january):
    programme = january.parts_of("work_programme")[0]
    assert (programme.item_number, programme.page_start, programme.page_end) == ("12", 95, 98)
    assert isinstance(programme.parsed, ParsedWorkProgramme)
    assert programme.parsed.chairman == "Pauline Batstone"


def test_january_records_get_their_part_pages(january):
    cover = january.parts_of("report")[1].parsed
    assert (cover.ref.page, cover.ref.page_end) == (25, 40)
    plan = january.parts_of("action_plan")[0].parsed
    assert {(a.ref.page, a.ref.page_end) for a in plan.actions} == {(47, 60)}
    assert (january.meeting.members[0].ref.page, january.meeting.members[0].ref.page_end) == (1, 4)


def test_january_parts_in_order_without_gaps(january):
    top = [p for p in january.parts if p.kind != "action_plan"]
    assert top[0].start_line == 1
    assert all(a.end_line == b.start_line for a, b in zip(top, top[1:], strict=False))


# --- October 2017 -----------------------------------------------------------------------------

def test_october_meeting(october):
    m = october.meeting
    assert (m.date, m.start_time, m.published_on) == (
        date(2017, 10, 12), time(10), date(2017, 10, 4))
    assert m.contact.startswith("Fiona King, Senior Democratic Services")
    assert m.contact.endswith("f.d.king@dorsetcc.gov.uk")


def test_october_members_with_wrapped_role(october):
    members = october.meeting.members
    assert len(members) == 10
    assert [(m.name, m.role) for m in members[:3]] == [
        ("Pauline Batstone", "chair"), ("Katharine Garcia", "vice_chair"), ("Derek Beer", "member")]
    assert [m.name for m in members[3:]] == ["Toni Coombs", "Kevin Brookes", "Beryl Ezzard",
                                             "Lesley Dedman", "Kate Wheller", "Steven Lugg",
                                             "Bill Pipe"]


def test_october_items_and_pages(october):
    items = october.meeting.items
    assert len(items) == 12
    pages = {i.number: (i.page_start, i.page_end) for i in items}
    assert pages["3"] == (5, 10)  # range at the end of the title line
    assert pages["8"] == (11, 66)
    assert pages["10"] == (67, 90)  # range on a line after the title
    assert pages["11"] == (91, 96)
    assert _item(october.meeting, "8").title == (
        "Special Educational Needs and Disability - Written Statement of Action")


def test_october_minutes_of_july(october):
    minutes = october.parts_of("minutes")[0]
    assert "6 July 2017" in minutes.title
    assert minutes.item_number == "3"


def test_october_send_report_and_its_action_plan(october):
    report = october.parts_of("report")[0]
    assert (report.item_number, report.title) == (
        "8", "Special Educational Needs and Disability – Written Statement of Action")
    assert report.parsed.date_of_meeting == date(2017, 9, 6)
    plan = october.parts_of("action_plan")[0]
    assert plan.item_number == "8"
    assert plan.title.startswith("Dorset Local Area Written Statement of Action")
    assert (plan.page_start, plan.page_end) == (11, 66)
    assert [p.number for p in plan.parsed.priorities][:4] == ["1", "2", "3", "4"]


def test_october_monitoring_report_matched_on_title_not_date(october):
    monitoring = october.parts_of("monitoring_report")[0]
    assert monitoring.item_number == "10"  # "Focussed" on the agenda, "Focused" on the report
    assert (monitoring.page_start, monitoring.page_end) == (67, 90)


def test_october_work_programme(october):
    programme = october.parts_of("work_programme")[0]
    assert programme.item_number == "11"
    assert programme.parsed.dated == date(2017, 10, 12)


# --- sibling parsers are called on the right slices ------------------------------------------

def test_minutes_and_monitoring_parsers_get_their_parts(monkeypatch):
    seen: dict[str, Paper] = {}

    def fake(module, name):
        def parser(paper):
            seen[name] = paper
            return f"parsed by {name}"
        return parser

    monkeypatch.setattr(agenda_pack, "_optional", fake)
    pack = parse_agenda_pack(_paper(JAN))
    minutes, monitoring = seen["parse_minutes"], seen["parse_monitoring_report"]
    assert minutes.lines[2].text == (
        "Minutes of the meeting held at County Hall, Dorchester, Dorset,")
    assert "Date of Meeting" not in minutes.text
    assert monitoring.lines[0].text == "Safeguarding Overview and Scrutiny Committee"
    assert "Statistical Neighbours" in monitoring.text  # its appendices stay with it
    assert "Work Programme\n\nChairman" not in monitoring.text
    assert pack.parts_of("minutes")[0].parsed == "parsed by parse_minutes"


def test_missing_sibling_parser_leaves_part_unparsed(monkeypatch):
    monkeypatch.setattr(agenda_pack, "_optional", lambda module, name: None)
    pack = parse_agenda_pack(_hand("markdown-agenda-pack.txt"))
    minutes = pack.parts_of("minutes")[0]
    assert (minutes.parsed, minutes.error) == (None, "")


def test_a_part_the_paper_cannot_give_is_recorded_with_its_error(monkeypatch):
    def refusing(module, name):
        def parser(paper):
            raise MalformedPaper("no heading", line=3)
        return parser

    monkeypatch.setattr(agenda_pack, "_optional", refusing)
    pack = parse_agenda_pack(_hand("markdown-agenda-pack.txt"))
    minutes = pack.parts_of("minutes")[0]
    assert minutes.parsed is None
    assert minutes.error.endswith("no heading")
    assert isinstance(pack.parts_of("work_programme")[0].parsed, ParsedWorkProgramme)


def test_a_bug_in_a_parts_parser_is_not_hidden(monkeypatch):
    def broken(module, name):
        def parser(paper):
            raise IndexError("list index out of range")
        return parser

    monkeypatch.setattr(agenda_pack, "_optional", broken)
    with pytest.raises(IndexError):
        parse_agenda_pack(_hand("markdown-agenda-pack.txt"))


# --- hand-written packs -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def northvale():
    return parse_agenda_pack(_hand("northvale-community-safety-pack.txt"))


@pytest.fixture(scope="module")
def southmoor():
    return parse_agenda_pack(_hand("markdown-agenda-pack.txt"))


@pytest.fixture(scope="module")
def eastfield():
    return parse_agenda_pack(_hand("committee-label-pack.txt"))


def test_northvale_meeting(northvale):
    m = northvale.meeting
    assert (m.committee, m.council) == ("Community Safety Scrutiny Panel",
                                        "Northvale District Council")
    assert (m.date, m.start_time, m.published_on) == (date(2019, 5, 14), time(18, 30),
                                                      date(2019, 5, 3))
    assert m.contact == ("Priya Shah, Democratic Services Officer, 01632 555010, "
                         "p.shah@northvale.example.gov.uk")


def test_northvale_members(northvale):
    assert [(m.name, m.role) for m in northvale.meeting.members] == [
        ("Aisha Rahman", "chair"), ("Tom O'Neill", "vice_chair"), ("Graham de Souza", "member"),
        ("Lucy Carter", "member"), ("Peter Van Dyke", "member"), ("Mary-Jane Holt", "member"),
        ("Ken Osei", "co_opted")]


def test_northvale_part_two_exempt_item(northvale):
    items = northvale.meeting.items
    assert [(i.number, i.part, i.exempt) for i in items] == [
        ("1", 1, False), ("2", 1, False), ("3", 1, False), ("4", 1, False), ("5", 1, False),
        ("6", 2, True)]
    assert items[5].exempt_paragraph == "3"
    assert (items[5].page_start, items[5].page_end) == (11, 12)
    assert items[1].description == ""


def test_northvale_parts_with_printed_pages(northvale):
    assert [(p.kind, p.item_number, p.page_start, p.page_end) for p in northvale.parts] == [
        ("front_sheet", "", 1, 2), ("minutes", "3", 3, 4), ("report", "4", 5, 6),
        ("appendix", "4", 7, 8), ("action_plan", "4", 7, 8), ("work_programme", "5", 9, 10)]


def test_northvale_report_subject_longer_than_item_title(northvale):
    report = northvale.parts_of("report")[0]
    assert report.title == "Anti-social Behaviour Strategy 2019-2022"
    assert report.parsed.contact_name == "Colin Marsh"


def test_northvale_nested_action_plan(northvale):
    plan = northvale.parts_of("action_plan")[0].parsed
    assert plan.title == "Anti-social Behaviour Action Plan 2019-20"
    assert [(a.number, a.status) for a in plan.actions] == [
        ("1.1", "on_target"), ("1.2", "not_started"), ("2.1", "at_risk")]
    assert plan.actions[0].ref.page == 7  # a printed page, not the part's range


def test_southmoor_front_sheet(southmoor):
    m = southmoor.meeting
    assert (m.committee, m.date, m.start_time) == ("Children's Services Overview Panel",
                                                   date(2019, 3, 12), time(10, 30))
    assert m.published_on == date(2019, 3, 4)
    assert [(x.name, x.role) for x in m.members[:3]] == [
        ("Hannah Briggs", "chair"), ("Owen Price", "vice_chair"), ("Raj Patel", "member")]
    assert len(m.members) == 7


def test_southmoor_items_from_table_and_lines(southmoor):
    items = southmoor.meeting.items
    assert [(i.number, i.page_start, i.page_end) for i in items] == [
        ("1", None, None), ("2", 7, 12), ("3", None, None), ("4", 13, 40), ("5", 41, 44),
        ("6", None, None)]
    assert items[5].description == "To answer written questions."


def test_southmoor_parts(southmoor):
    assert [(p.kind, p.item_number, p.page_start, p.page_end) for p in southmoor.parts] == [
        ("front_sheet", "", 1, 6), ("minutes", "2", 7, 12), ("monitoring_report", "4", 13, 40),
        ("work_programme", "5", 41, 44)]
    assert southmoor.parts[1].title.endswith("Tuesday, 18 December 2018")


def test_southmoor_monitoring_part_keeps_its_appendix(southmoor):
    monitoring = southmoor.parts_of("monitoring_report")[0]
    paper = _hand("markdown-agenda-pack.txt")
    assert monitoring.start_line < _line_of(paper, "SAFE: 01") < monitoring.end_line


def test_eastfield_labels_and_members(eastfield):
    m = eastfield.meeting
    assert (m.committee, m.venue, m.council) == ("Education and Skills Scrutiny Committee",
                                                 "Civic Centre, Eastfield",
                                                 "Eastfield Borough Council")
    assert (m.date, m.start_time, m.published_on) == (date(2019, 10, 2), time(19), None)
    assert [(x.name, x.role) for x in m.members] == [
        ("Joan Pike", "chair"), ("Femi Adeyemi", "vice_chair"), ("Ruth Baines", "member"),
        ("Alan Cho", "member")]


def test_eastfield_ranges_on_later_lines(eastfield):
    assert [(i.number, i.title, i.page_start, i.page_end) for i in eastfield.meeting.items] == [
        ("1", "Apologies", None, None), ("2", "Home to School Transport Review", 1, 14),
        ("3", "School Places Planning 2020-2025", 15, 26),
        ("4", "Date of Next Meeting", None, None)]


def test_eastfield_parts(eastfield):
    assert [(p.kind, p.item_number, p.title) for p in eastfield.parts] == [
        ("front_sheet", "", "Agenda"),
        ("report", "2", "Report on the Home to School Transport Review"),
        ("appendix", "2", "Appendix 1"),
        ("report", "3", "School Places Planning 2020-2025"),
        ("appendix", "3", "School Places Planning – Forecast Tables 2020-2025")]
    front = eastfield.parts[0]
    assert (front.page_start, front.page_end) == (None, None)  # papers start at page 1


# --- detection, errors, robustness ---------------------------------------------------------

def test_looks_like_agenda_pack():
    assert looks_like_agenda_pack(_paper(JAN))
    assert looks_like_agenda_pack(_paper(OCT))
    assert looks_like_agenda_pack(_hand("committee-label-pack.txt"))
    assert not looks_like_agenda_pack(_paper("2018-01-30-meeting-documents-page.txt"))
    assert not looks_like_agenda_pack(_paper("2020-09-childrens-services-self-evaluation.txt"))


def test_pack_without_front_sheet_is_rejected():
    paper = Paper.from_text("Agenda\n\n1. Apologies\n\n2. Minutes\n", "agenda.txt")
    with pytest.raises(MalformedPaper) as err:
        parse_agenda_pack(paper)
    assert err.value.line == 1
    assert "Meeting:" in err.value.expected


def test_front_sheet_without_date_is_rejected():
    paper = Paper.from_text("Meeting: Audit Committee\nDate: to be confirmed\n", "agenda.txt")
    with pytest.raises(MalformedPaper, match="readable 'Date:' line"):
        parse_agenda_pack(paper)


def test_empty_pack_is_rejected():
    with pytest.raises(MalformedPaper, match="empty"):
        parse_agenda_pack(Paper.from_text("", "empty.txt"))


_LINES = (HAND / "northvale-community-safety-pack.txt").read_text(encoding="utf-8").splitlines()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_LINES)), drop=st.sets(st.integers(0, len(_LINES) - 1)),
       window=st.integers(0, len(_LINES)), seed=st.randoms(use_true_random=False),
       junk=st.lists(st.text(alphabet="ab \t()|<>-:.1Page\u00a0", max_size=200), max_size=5),
       long=st.sampled_from(["", " " * 40_000, "Contact: " + "a." * 20_000, "3. " + "9 - " * 9000]))
def test_damaged_packs_parse_or_raise_paper_error(cut, drop, window, seed, junk, long):
    lines = [ln for i, ln in enumerate(_LINES[:cut]) if i not in drop]
    part = lines[window:window + 15]
    seed.shuffle(part)
    lines[window:window + 15] = part
    lines[len(lines) // 2:len(lines) // 2] = junk + [long]
    with contextlib.suppress(PaperError):
        parse_agenda_pack(Paper.from_text("\n".join(lines), "fuzz.txt"))


def test_fixture_readme_names_every_fixture():
    readme = (HAND / "README.md").read_text(encoding="utf-8")
    for path in Path(HAND).glob("*.txt"):
        assert path.name in readme


# --- Cheshire-style pack: exclusion item, continued appendix row, "Purpose of Report" ----

@pytest.fixture(scope="module")
def cheshire():
    return parse_agenda_pack(_hand("2019-11-04-children-families-scrutiny-agenda-pack.txt"))


def test_exclusion_item_is_public_and_gives_its_paragraph_to_part_two(cheshire):
    items = {i.number: i for i in cheshire.meeting.items}
    assert (items["9"].exempt, items["9"].exempt_paragraph) == (False, "")
    assert (items["10"].exempt, items["10"].exempt_paragraph, items["10"].part) == (True, "3", 2)
    assert items["10"].title == "Residential Children's Home Provider Contract"
    assert (items["10"].page_start, items["10"].page_end) == (35, 40)


def test_tab_led_appendix_row_continues_the_cover_sheet(cheshire):
    report = next(p for p in cheshire.parts if p.item_number == "5")
    assert report.kind == "report" and (report.page_start, report.page_end) == (13, 20)
    assert not [p for p in cheshire.parts if p.kind == "appendix" and p.item_number == "5"]
    sheet = report.parsed
    assert sheet.appendices == ["Appendix 1 - Focused Visit Action Plan",
                                "Appendix 2 - Ofsted Focused Visit Letter, 20 August 2019"]
    assert (sheet.contact_name, sheet.contact_phone, sheet.contact_email) == (
        "Kerry Birtles", "01270 685834", "kerry.birtles@cheshireeast.gov.uk")


def test_purpose_of_report_is_not_part_of_the_subject(cheshire):
    sheet = next(p for p in cheshire.parts if p.item_number == "6").parsed
    assert sheet.subject == "Home to School Transport Policy Review"
    assert sheet.executive_summary.startswith("To update the Committee on the outcome")


def test_forward_plan_purpose_and_target_end(cheshire):
    wp = next(p for p in cheshire.parts if p.kind == "work_programme").parsed
    send = next(i for i in wp.items if i.topic == "SEND Written Statement of Action Update")
    assert send.purpose == "Progress against the revisit priorities"
    assert send.meeting_date == date(2020, 1, 20)
    assert [i.target_end_date for i in wp.items if i.lead == "Kerry Birtles"] == [date(2020, 3, 31)]


def test_bcp_forward_plan_tbc_row_has_no_meeting():
    pack = parse_agenda_pack(_hand("2022-03-15-childrens-scrutiny-agenda-pack.txt"))
    wp = next(p for p in pack.parts if p.kind == "work_programme").parsed
    ehe = next(i for i in wp.items if i.topic == "Elective Home Education")
    assert (ehe.meeting_date, ehe.lead) == (None, "Cathi Hadley")
    assert wp.lead_officer == "Cathi Hadley"


@pytest.mark.parametrize(("line", "title", "pages"), [
    ("3. Minutes of Previous Meeting (Pages 5 - 12)", "Minutes of Previous Meeting", (5, 12)),
    ("3. Minutes of Previous Meeting (Page 5)", "Minutes of Previous Meeting", (5, 5)),
    ("3. Minutes of Previous Meeting Pages 5 – 12", "Minutes of Previous Meeting", (5, 12)),
    ("3. Minutes\t(Pages 5 - 12)", "Minutes", (5, 12)),
    ("3. Review of Schedule 12", "Review of Schedule 12", (None, None)),
])
def test_item_page_range_forms(line, title, pages):
    from scrutinydesk.ingest.parsers.agenda_pack_front import parse_items
    lines = Paper.from_text(f"1. Apologies\n\n2. Declarations\n\n{line}\n\nTo approve them.\n",
                            "x.txt").lines
    item = parse_items(lines)[2]
    assert (item.title, (item.page_start, item.page_end)) == (title, pages)


def test_exclusion_item_under_part_two_and_a_later_item_citing_its_own_paragraph():
    from scrutinydesk.ingest.parsers.agenda_pack_front import parse_items
    text = ("1. Apologies\n\nPART II\n\n2. Exclusion of the Public\n\nThat the public be "
            "excluded ... exempt information as defined in paragraph 1 of Schedule 12A.\n\n"
            "3. Staffing matter\n\n4. Land disposal\n\nExempt under paragraph 3.\n")
    items = parse_items(Paper.from_text(text, "x.txt").lines)
    assert [(i.number, i.exempt, i.exempt_paragraph) for i in items] == [
        ("1", False, ""), ("2", False, ""), ("3", True, "1"), ("4", True, "3")]


def test_cover_sheet_record_spans_its_report_pages(cheshire):
    sheets = [p.parsed for p in cheshire.parts if isinstance(p.parsed, ParsedCoverSheet)]
    assert [(s.ref.page, s.ref.page_end) for s in sheets] == [(13, 20), (21, 30)]


def test_items_after_an_exclusion_without_a_part_2_heading_are_exempt():
    meeting = parse_agenda_pack(_hand("ashcombe-exclusion-following-item-pack.txt")).meeting
    by = {i.number: i for i in meeting.items}
    assert not by["7"].exempt
    assert by["8"].exempt and by["8"].exempt_paragraph == "3"
    assert (by["8"].page_start, by["8"].page_end) == (15, 18)
    assert not any(by[n].exempt for n in "123456")


def test_restricted_pages_make_their_item_exempt():
    text = (HAND / "ashcombe-exclusion-following-item-pack.txt").read_text(encoding="utf-8")
    # no exclusion item at all: the "Document is Restricted" pages alone mark item 8
    text = text.replace("7. Exclusion of the Press and Public", "7. Any Other Business")
    text = "\n".join("To consider any other business." if ln.startswith("To consider excluding")
                     else ln for ln in text.splitlines())
    meeting = parse_agenda_pack(Paper.from_text(text, "pack.txt")).meeting
    by = {i.number: i for i in meeting.items}
    assert by["8"].exempt
    assert not by["7"].exempt and not by["6"].exempt
