"""detect_kind: the kind of a paper from its signature, on the samples, slices of them, and
hand-written papers of other councils (tests/fixtures/papers/formats/)."""

from __future__ import annotations

import dataclasses

import pytest

from scrutinydesk.core.vocab import PaperKind
from scrutinydesk.ingest import detect
from scrutinydesk.ingest.detect import ORDER, Detection, detect_kind
from scrutinydesk.ingest.errors import UnrecognisedPaper
from scrutinydesk.ingest.formats import read_paper
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text
from tests.ingest.paperbuilders import text_to_docx, text_to_html, text_to_pdf

FORMATS = FIXTURES / "papers" / "formats"
JAN_PACK = "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
OCT_PACK = "2017-10-12-safeguarding-scrutiny-agenda-pack.txt"
WORK_PROGRAMME = "Safeguarding Overview & Scrutiny Committee Work Programme"


def _slice(name: str, start: str, end: str | None) -> Paper:
    """The lines of a sample from the first starting with ``start`` up to the next
    starting with ``end`` (or the end), as a paper of its own."""
    lines = sample_text(name).splitlines()
    first = next(i for i, ln in enumerate(lines) if ln.startswith(start))
    last = len(lines) if end is None else next(
        i for i in range(first + 1, len(lines)) if lines[i].startswith(end))
    return Paper.from_text("\n".join(lines[first:last]), f"{name}[{start[:20]}]")


def _own(name: str) -> Paper:
    return read_paper((FORMATS / name).read_bytes(), name)


@pytest.fixture(scope="module")
def detections() -> dict[str, Detection]:
    papers = {
        "january pack": Paper.from_text(sample_text(JAN_PACK), JAN_PACK),
        "october pack": Paper.from_text(sample_text(OCT_PACK), OCT_PACK),
        "meeting page": Paper.from_text(sample_text("2018-01-30-meeting-documents-page.txt")),
        "self-evaluation": Paper.from_text(
            sample_text("2020-09-childrens-services-self-evaluation.txt")),
        "monitoring report": _slice(JAN_PACK, "Date of Meeting\t18 January 2018",
                                    WORK_PROGRAMME),
        "written statement of action": _slice(
            OCT_PACK, "Dorset Local Area Written Statement of Action", "Outcomes Focused"),
        "recruitment plan": _slice(JAN_PACK, "Social Worker Recruitment and Retention Plan",
                                   "This page is intentionally left blank"),
        "domestic abuse report": _slice(JAN_PACK, "Date of Meeting\t30 January 2018",
                                        "This page is intentionally left blank"),
        "wessex page": _own("meeting-page-wessex-2019-03-14.txt"),
        "fenwick html page": _own("moderngov-page-fenwick-cp1252.html"),
        "northmoor cover sheet": _own("cover-sheet-and-risks-northmoor.txt"),
        "eastvale plan": _own("action-plan-long-cells.txt"),
        "utf-16 self-assessment": _own("self-assessment-utf16.txt"),
    }
    return {name: detect_kind(paper) for name, paper in papers.items()}


@pytest.mark.parametrize(("name", "kind"), [
    ("january pack", PaperKind.AGENDA_PACK),
    ("october pack", PaperKind.AGENDA_PACK),
    ("meeting page", PaperKind.MEETING_PAGE),
    ("self-evaluation", PaperKind.OFFICER_REPORT),
    ("monitoring report", PaperKind.MONITORING_REPORT),
    ("written statement of action", PaperKind.ACTION_PLAN),
    ("recruitment plan", PaperKind.ACTION_PLAN),
    ("domestic abuse report", PaperKind.OFFICER_REPORT),
    ("wessex page", PaperKind.MEETING_PAGE),
    ("fenwick html page", PaperKind.MEETING_PAGE),
    ("northmoor cover sheet", PaperKind.OFFICER_REPORT),
    ("eastvale plan", PaperKind.ACTION_PLAN),
    ("utf-16 self-assessment", PaperKind.OFFICER_REPORT),
])
def test_kind(detections, name, kind):
    assert detections[name].kind == kind


def test_every_detection_gives_reasons_with_line_numbers(detections):
    for detection in detections.values():
        assert detection.reasons
        assert any("line" in reason or "recognised" in reason for reason in detection.reasons)


def test_pack_reason_names_the_pack_title_line(detections):
    lines = sample_text(JAN_PACK).splitlines()
    number = lines.index("Public Document Pack") + 1
    assert f'"Public Document Pack" on line {number}' in detections["january pack"].reasons


def test_meeting_page_reasons_count_items(detections):
    text = sample_text("2018-01-30-meeting-documents-page.txt")
    minutes = sum(1 for ln in text.splitlines() if ln.strip() == "Minutes:")
    assert any(f'{minutes} "Minutes:" sections' in r for r in detections["meeting page"].reasons)


def test_pack_signature_wins_over_the_report_it_holds():
    pack = Paper.from_text(sample_text(JAN_PACK), JAN_PACK)
    # the pack holds a monitoring report, whose signature is found in the whole pack ...
    assert detect._monitoring_report(pack, list(pack.lines))
    # ... so the pack's signature is tried first
    assert ORDER.index(PaperKind.AGENDA_PACK) < ORDER.index(PaperKind.MONITORING_REPORT)
    assert detect_kind(pack).kind == PaperKind.AGENDA_PACK


def test_front_sheet_without_the_pack_title_is_still_a_pack():
    lines = [ln for ln in sample_text(OCT_PACK).splitlines() if ln != "Public Document Pack"]
    detection = detect_kind(Paper.from_text("\n".join(lines)))
    assert detection.kind == PaperKind.AGENDA_PACK
    assert any("Meeting:" in r and "Date:" in r for r in detection.reasons)


def test_monitoring_report_with_cover_sheet_is_not_an_officer_report(detections):
    reasons = " ".join(detections["monitoring report"].reasons)
    assert "Outcomes Focused Monitoring Report" in reasons


@pytest.mark.parametrize("render", [text_to_pdf, text_to_docx, text_to_html])
def test_kind_is_the_same_whatever_the_format(render):
    text = (FORMATS / "meeting-page-wessex-2019-03-14.txt").read_text(encoding="utf-8")
    data = render(text)
    paper = read_paper(data.encode() if isinstance(data, str) else data, "wessex")
    assert detect_kind(paper).kind == PaperKind.MEETING_PAGE


def test_work_programme_alone_is_recognised():
    paper = _slice(JAN_PACK, WORK_PROGRAMME, None)
    assert detect_kind(paper).kind == PaperKind.WORK_PROGRAMME


def test_unrecognised_lists_the_kinds_and_what_was_looked_for():
    paper = Paper.from_text("Shopping list\n\nEggs\nFlour\nMilk\n", "list.txt")
    with pytest.raises(UnrecognisedPaper) as caught:
        detect_kind(paper)
    error = caught.value
    assert error.source == "list.txt"
    for kind in ORDER:
        assert PaperKind(kind).label in error.expected
    assert "Public Document Pack" in error.expected and "Minutes:" in error.expected


def test_empty_paper_is_unrecognised():
    with pytest.raises(UnrecognisedPaper):
        detect_kind(Paper("empty.txt", []))


def test_a_bug_in_a_parsers_check_is_not_hidden(monkeypatch):
    from scrutinydesk.ingest.parsers import monitoring_report

    def broken(paper):
        raise IndexError("list index out of range")

    monkeypatch.setattr(monitoring_report, "looks_like_monitoring_report", broken)
    report = _slice(JAN_PACK, "Date of Meeting\t18 January 2018", WORK_PROGRAMME)
    with pytest.raises(IndexError):
        detect_kind(report)


def test_a_bug_in_a_signature_is_not_passed_off_as_an_unrecognised_paper(monkeypatch):
    def broken(paper, head):
        return head[10_000].text  # IndexError

    monkeypatch.setitem(detect._SIGNATURES, PaperKind.AGENDA_PACK, broken)
    with pytest.raises(IndexError):
        detect_kind(Paper.from_text("Agenda", "x.txt"))


def test_huge_lines_are_read_quickly():
    import time

    paper = Paper.from_text("Agenda " * 200_000 + "\n" + "1.\t" + " " * 500_000 + "x", "big")
    started = time.perf_counter()
    with pytest.raises(UnrecognisedPaper):
        detect_kind(paper)
    assert time.perf_counter() - started < 2


def test_detection_is_frozen(detections):
    with pytest.raises(dataclasses.FrozenInstanceError):
        detections["meeting page"].kind = "other"  # type: ignore[misc]
