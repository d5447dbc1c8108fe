"""Long reports split into sections: the 2020 self-evaluation from its contents list, and
hand-written reports with and without one."""

import pytest

from scrutinydesk.ingest.parsers.sections import contents, split_sections
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

SELF_EVALUATION = "2020-09-childrens-services-self-evaluation.txt"
HAND = FIXTURES / "papers" / "officer_report"


@pytest.fixture(scope="module")
def sections():
    return split_sections(Paper.from_text(sample_text(SELF_EVALUATION), SELF_EVALUATION))


def _by_number(sections):
    return {s.number: s for s in sections}


def test_every_listed_section_printed_in_the_body_is_found(sections):
    listed, _ = contents(Paper.from_text(sample_text(SELF_EVALUATION)))
    assert len(listed) == 110
    # "APPENDIX ONE" is listed but the appendix is not in the text
    assert len(sections) == 109
    assert [s.number for s in sections[:4]] == ["1", "1.1", "1.2", "2"]


def test_titles_pages_and_lettered_subsections(sections):
    by = _by_number(sections)
    assert by["1.2"].title == "About Dorset"  # dotted leaders dropped
    assert by["4.5"].title == "Child Protection" and by["4.5"].page == 26
    assert by["4.5c"].title == "Child Protection Plans" and by["4.5c"].page == 27
    assert by["4.6"].title == "Children Who are Disabled"  # number and title tab-separated
    assert by["6.1"].title == "Emerging Issues" and by["6.1"].page == 50


def test_section_text_runs_to_the_next_heading(sections):
    plans = _by_number(sections)["4.5c"]
    assert plans.text.startswith("The rate of children subject to a Child Protection Plan in "
                                 "Dorset is 41 per 10,000.")
    assert "Child Protection Visits" not in plans.text
    assert _by_number(sections)["4.5"].text == ""  # its text is in its subsections
    # repeated titles ("Summary and next steps") go to the section listed at that place
    assert _by_number(sections)["4.5e"].title == "Summary and next steps"
    assert _by_number(sections)["4.5e"].ref.line > plans.ref.line


def test_numbered_headings_without_contents_run_in_order():
    paper = Paper.from_text((HAND / "hampton-fostering-sufficiency.txt").read_text("utf-8"))
    got = [(s.number, s.title) for s in split_sections(paper)]
    assert got[:6] == [("1", "Purpose"), ("1.1", "Scope of the review"),
                       ("2", "Children in care"), ("2.1", "Numbers and rates"),
                       ("2.2", "Placements with our own carers"), ("3", "Cost")]
    assert all(s.page is None for s in split_sections(paper))


def test_contents_list_keeps_a_numbered_list_in_the_text_out():
    paper = Paper.from_text((HAND / "toc-report.txt").read_text("utf-8"))
    got = [(s.number, s.title, s.page) for s in split_sections(paper)]
    assert got == [("1", "Introduction", 2), ("2", "Our children", 3),
                   ("2.1", "Ages and placements", 3), ("2.2", "Health", 4),
                   ("3", "Reviews held on time", 5)]
    assert "Hearing children's views" in split_sections(paper)[0].text


def test_no_sections_in_a_paper_with_no_headings():
    assert split_sections(Paper.from_text("Just a note.\nAnother line.")) == []
