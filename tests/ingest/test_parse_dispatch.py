"""parse_paper / parse_file: dispatching to the parsers, and the contract that only
PaperError escapes (a broken stand-in parser shows it)."""

from __future__ import annotations

import dataclasses

import pytest

from scrutinydesk.core.vocab import PaperKind
from scrutinydesk.ingest import parse as dispatch
from scrutinydesk.ingest.errors import MalformedPaper, PaperError, UnrecognisedPaper
from scrutinydesk.ingest.parse import PARSERS, ParsedPaper, parse_file, parse_paper
from scrutinydesk.ingest.records import (
    ParsedActionPlan,
    ParsedAgendaPack,
    ParsedMeeting,
    ParsedOfficerReport,
)
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text
from tests.ingest.paperbuilders import text_to_docx, text_to_html, text_to_pdf

FORMATS = FIXTURES / "papers" / "formats"
MEETING_PAGE = "2018-01-30-meeting-documents-page.txt"
WESSEX = "meeting-page-wessex-2019-03-14.txt"
NORTHMOOR = "cover-sheet-and-risks-northmoor.txt"
EASTVALE = "action-plan-long-cells.txt"


def _text(name: str) -> str:
    path = FORMATS / name
    return path.read_text(encoding="utf-8") if path.exists() else sample_text(name)


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedPaper]:
    names = [MEETING_PAGE, "2018-01-30-safeguarding-scrutiny-agenda-pack.txt",
             "2020-09-childrens-services-self-evaluation.txt", WESSEX, NORTHMOOR, EASTVALE]
    return {name: parse_paper(Paper.from_text(_text(name), name)) for name in names}


@pytest.mark.parametrize(("name", "kind", "record_type"), [
    (MEETING_PAGE, PaperKind.MEETING_PAGE, ParsedMeeting),
    ("2018-01-30-safeguarding-scrutiny-agenda-pack.txt", PaperKind.AGENDA_PACK,
     ParsedAgendaPack),
    ("2020-09-childrens-services-self-evaluation.txt", PaperKind.OFFICER_REPORT,
     ParsedOfficerReport),
    (WESSEX, PaperKind.MEETING_PAGE, ParsedMeeting),
    (NORTHMOOR, PaperKind.OFFICER_REPORT, ParsedOfficerReport),
    (EASTVALE, PaperKind.ACTION_PLAN, ParsedActionPlan),
])
def test_detected_kind_is_dispatched_to_its_parser(parsed, name, kind, record_type):
    result = parsed[name]
    assert result.kind == kind
    assert isinstance(result.record, record_type)
    assert result.detection is not None and result.detection.kind == kind


def test_the_record_is_what_the_parser_returns(parsed):
    from scrutinydesk.ingest.parsers.meeting_page import parse_meeting_page

    direct = parse_meeting_page(Paper.from_text(_text(WESSEX), WESSEX))
    assert parsed[WESSEX].record == direct


def test_an_explicit_kind_skips_detection():
    paper = Paper.from_text(_text(NORTHMOOR), NORTHMOOR)
    result = parse_paper(paper, PaperKind.OFFICER_REPORT)
    assert result.kind == PaperKind.OFFICER_REPORT and result.detection is None
    assert result.record.cover is not None


def test_an_unknown_kind_is_refused_listing_the_kinds():
    with pytest.raises(UnrecognisedPaper) as caught:
        parse_paper(Paper.from_text("Agenda", "a.txt"), "minutes_of_a_dream")
    assert caught.value.source == "a.txt"
    for kind in PARSERS:
        assert kind in caught.value.expected


def test_an_unrecognised_paper_is_refused_by_detection():
    with pytest.raises(UnrecognisedPaper):
        parse_paper(Paper.from_text("Shopping list\nEggs\nFlour", "list.txt"))


def test_parse_file_reads_and_parses_bytes():
    result = parse_file(text_to_docx(_text(EASTVALE)), "plan.docx")
    assert result.kind == PaperKind.ACTION_PLAN
    assert [a.number for a in result.record.actions][:3] == ["1.1", "1.2", "1.3"]


def test_parsed_paper_is_frozen(parsed):
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed[WESSEX].kind = "other"  # type: ignore[misc]


# --- Only PaperError escapes ----------------------------------------------------------------

@pytest.fixture
def meeting_page_module():
    from scrutinydesk.ingest.parsers import meeting_page

    return meeting_page


def test_a_parser_bug_is_not_passed_off_as_a_malformed_paper(monkeypatch, meeting_page_module):
    def broken(paper):
        return paper.lines[10_000]  # IndexError, as a buggy parser would raise

    monkeypatch.setattr(meeting_page_module, "parse_meeting_page", broken)
    paper = Paper.from_text(_text(WESSEX), "wessex.txt")
    with pytest.raises(IndexError):
        parse_paper(paper)


@pytest.mark.parametrize("exception", [KeyError("Minutes:"), AttributeError("'NoneType'"),
                                       ValueError("bad date"), RecursionError("deep"),
                                       ZeroDivisionError("division by zero")])
def test_any_other_exception_type_propagates_as_itself(monkeypatch, meeting_page_module,
                                                       exception):
    def broken(paper):
        raise exception

    monkeypatch.setattr(meeting_page_module, "parse_meeting_page", broken)
    with pytest.raises(type(exception)) as caught:
        parse_paper(Paper.from_text(_text(WESSEX), "w.txt"), PaperKind.MEETING_PAGE)
    assert caught.value is exception


def test_a_parsers_own_paper_error_passes_through_naming_the_paper(monkeypatch,
                                                                    meeting_page_module):
    raised = MalformedPaper("no date line under the committee name", line=3,
                            expected="a date such as 'Tuesday, 30th January, 2018'")

    def strict(paper):
        raise raised

    monkeypatch.setattr(meeting_page_module, "parse_meeting_page", strict)
    with pytest.raises(MalformedPaper) as caught:
        parse_paper(Paper.from_text(_text(WESSEX), "wessex.txt"))
    assert caught.value is raised
    assert caught.value.source == "wessex.txt" and caught.value.line == 3


def test_a_parser_that_returns_nothing_is_malformed(monkeypatch, meeting_page_module):
    monkeypatch.setattr(meeting_page_module, "parse_meeting_page", lambda paper: None)
    with pytest.raises(MalformedPaper, match="read nothing"):
        parse_paper(Paper.from_text(_text(WESSEX), "w.txt"))


def test_a_missing_parser_is_unrecognised(monkeypatch):
    monkeypatch.setitem(PARSERS, PaperKind.ACTION_PLAN, ("no_such_parser", "parse"))
    with pytest.raises(UnrecognisedPaper, match="not available"):
        parse_paper(Paper.from_text(_text(EASTVALE), "p.txt"), PaperKind.ACTION_PLAN)


def test_a_parser_module_that_fails_to_load_is_not_hidden(monkeypatch):
    def failing_import(name):
        raise SyntaxError("invalid syntax (action_plan.py, line 12)")

    monkeypatch.setattr(dispatch.importlib, "import_module", failing_import)
    with pytest.raises(SyntaxError):
        parse_paper(Paper.from_text(_text(EASTVALE), "p.txt"), PaperKind.ACTION_PLAN)


# --- The same paper in every format gives the same record -----------------------------------

RENDERERS = {"html": lambda t: text_to_html(t).encode("utf-8"), "docx": text_to_docx,
             "pdf": text_to_pdf}


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], ParsedPaper]:
    return {(name, fmt): parse_file(render(_text(name)), f"{name}.{fmt}")
            for name in (MEETING_PAGE, WESSEX, NORTHMOOR, EASTVALE)
            for fmt, render in RENDERERS.items()}


def _meeting(m: ParsedMeeting) -> tuple:
    return (m.committee, m.date, m.start_time, m.venue, m.has_minutes,
            [(i.number, i.title, [(d.title, d.format, d.size_text) for d in i.documents],
              [(d.kind, d.text, d.recipient) for d in i.decisions],
              [(u.owner, u.text) for u in i.undertakings]) for i in m.items],
            [(a.name, a.status) for a in m.attendance])


def _summary(result: ParsedPaper) -> tuple:
    record = result.record
    if isinstance(record, ParsedMeeting):
        return _meeting(record)
    if isinstance(record, ParsedActionPlan):
        return (record.title, [(a.number, a.text, a.lead, a.due, a.rag, a.status)
                               for a in record.actions])
    cover = record.cover
    return (record.title, cover.subject, cover.date_of_meeting, cover.risk_current,
            cover.risk_residual, cover.recommendation, cover.contact_email)


@pytest.mark.parametrize(("name", "fmt"), [
    (MEETING_PAGE, "html"), (MEETING_PAGE, "docx"), (MEETING_PAGE, "pdf"),
    *[(name, fmt) for name in (WESSEX, NORTHMOOR, EASTVALE) for fmt in RENDERERS],
])
def test_every_format_gives_the_same_record(parsed, rendered, name, fmt):
    result = rendered[(name, fmt)]
    assert result.kind == parsed[name].kind
    assert _summary(result) == _summary(parsed[name])


def test_only_paper_errors_escape_for_hostile_papers():
    papers = [Paper("empty", []), Paper.from_text("\t\t\t\n" * 50, "tabs"),
              Paper.from_text("Meeting documents\nItems\n1.\nMinutes:\n2.\npdf icon PDF 1 KB",
                              "thin-page"),
              Paper.from_text("Public Document Pack\n" + "Page 1\n" * 30, "pack-of-footers")]
    for paper in papers:
        try:
            parse_paper(paper)
        except PaperError as error:
            assert error.source == paper.name
