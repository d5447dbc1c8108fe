"""Minutes whose attendance is a table (HTML table, Word table, ruled PDF table), read the
same from each format."""

import pytest

from scrutinydesk.ingest.formats import read_paper
from scrutinydesk.ingest.parsers import minute_people as mp
from scrutinydesk.ingest.parsers.minutes import parse_minutes
from scrutinydesk.ingest.text import Line, Paper
from tests.conftest import FIXTURES
from tests.ingest.paperbuilders import html_to_pdf, text_to_docx

HTML = FIXTURES / "papers" / "minutes" / "northshire-hasc-2023-06-14.html"


def _html_paper() -> Paper:
    return read_paper(HTML.read_bytes(), HTML.name)


@pytest.fixture(scope="module", params=["html", "pdf", "docx"])
def northshire(request):
    if request.param == "html":
        paper = _html_paper()
    elif request.param == "pdf":
        paper = read_paper(html_to_pdf(HTML.read_text(encoding="utf-8")), "m.pdf")
    else:
        paper = read_paper(text_to_docx(_html_paper().text), "m.docx")
    return parse_minutes(paper)


def _people(meeting, status):
    return {a.name for a in meeting.attendance if a.status == status}


def test_attendance_table_rows_become_attendees(northshire):
    names = {a.name for a in northshire.attendance}
    assert not any("Capacity" in n or n.startswith("Name") for n in names)
    assert {"Cllr Margaret Holloway", "Cllr David Okafor", "Cllr Helen Pritchard",
            "Cllr Rajesh Sandhu", "Cllr Tom Whitfield", "Cllr Gillian Marsh"} <= \
        _people(northshire, "present")
    assert {"Cllr Susan Fairbairn", "Cllr Andrew Coles"} <= _people(northshire, "apologies")
    lane = next(a for a in northshire.attendance if a.name == "Cllr Peter Lane")
    assert lane.status == "substitute" and "Fairbairn" in lane.substitute_for


def test_chair_from_the_table(northshire):
    assert northshire.chaired_by == "Cllr Margaret Holloway"
    okafor = next(a for a in northshire.attendance if a.name == "Cllr David Okafor")
    assert okafor.capacity == "Vice-Chair"


def test_officers_after_the_table_still_read(northshire):
    officers = {a.name: a.capacity for a in northshire.attendance if a.kind == "officer"}
    assert officers["Mark Ellison"] == "Head of Safeguarding Adults"


def test_table_without_header_found_from_its_contents():
    lines = [Line(1, "Councillor Ann Lee\tChairman\tAttended"),
             Line(2, "Councillor Bob Shaw\tMember\tApologies"),
             Line(3, "Councillor Cy Dunn\tMember\tAbsent")]
    people = mp.read_attendance_table(lines, header_required=False)
    assert [(p.name, p.status, p.capacity) for p in people] == [
        ("Councillor Ann Lee", "present", "Chairman"),
        ("Councillor Bob Shaw", "apologies", ""),
        ("Councillor Cy Dunn", "absent", "")]
    assert mp.read_attendance_table(lines) is None  # a header is needed without a label


def test_header_row_is_never_a_person():
    lines = [Line(1, "Member\tRole\tStatus"), Line(2, "Cllr Ann Lee\tChair\tPresent")]
    people = mp.read_attendance_table(lines)
    assert [p.name for p in people] == ["Cllr Ann Lee"]


def test_next_meeting_time_and_venue(northshire):
    from datetime import date, time
    nxt = next(f for f in northshire.future_meetings if f.date == date(2023, 9, 20))
    assert nxt.start_time == time(10, 0)
    assert nxt.venue == "the Council Chamber, County Hall, Kingsbridge"


def test_previous_minutes_confirmed_is_a_decision(northshire):
    item = next(i for i in northshire.items if i.minute_number == "14")
    assert item.decisions and item.decisions[0].kind == "resolved"
