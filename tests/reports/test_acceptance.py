"""Acceptance (issue 6): after importing the real January 2018 agenda pack, the generated
January 2018 "Safe" report shows the paper's headline figures, and its suggestions for focus
are explained. Imported and rendered once for the module."""

import re
from datetime import date

import pypdfium2
import pytest
from lxml import html as lxml_html

from scrutinydesk.ingest.services import import_path
from scrutinydesk.reports.render import generate

PACK = "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def safe(module_db, samples_dir, tmp_path_factory):
    with module_db():
        import_path(samples_dir / PACK)
        report, page = generate("Safe", "2018-01", "html", today=date(2018, 1, 30))
        _, pdf = generate("Safe", "2018-01", "pdf", today=date(2018, 1, 30))
    path = tmp_path_factory.mktemp("safe") / "safe.pdf"
    path.write_bytes(pdf)
    document = pypdfium2.PdfDocument(str(path))
    text = " ".join(" ".join(document[i].get_textpage().get_text_range().split())
                    for i in range(len(document)))
    pages = len(document)
    toc = [b.get_title() for b in document.get_toc()]
    document.close()
    tree = lxml_html.fromstring(page)
    return {"report": report, "tree": tree, "html_text": " ".join(tree.text_content().split()),
            "pdf_text": text, "pages": pages, "toc": toc}


def indicator(report, code):
    return next(i for i in report.indicators if i.code == code)


def test_edition_is_january_2018_of_safe(safe):
    report = safe["report"]
    assert report.outcome == "Safe" and report.edition_label == "January 2018"
    assert report.edition_known


def test_safe_01_headline_figures_match_the_paper(safe):
    view = indicator(safe["report"], "SAFE 01")
    assert view.latest.text == "51 per 10,000" and view.latest.period == "March 2017"
    assert (view.comparator.name, view.comparator.value) == ("England", 43.1)
    assert view.benchmark.word == "Worse than England"


@pytest.mark.parametrize("where", ["html_text", "pdf_text"])
def test_headline_figures_are_printed(safe, where):
    text = safe[where]
    assert "SAFE 01 Rate of children subject to a child protection plan" in text
    assert "51 per 10,000" in text and "March 2017" in text
    assert re.search(r"England:? 43\.1", text)


@pytest.mark.parametrize("where", ["html_text", "pdf_text"])
def test_suggestions_for_focus_are_explained(safe, where):
    focus = safe["report"].focus
    assert focus.indicators, "the rules suggested no indicator"
    assert any(item.label.startswith("SAFE 01") for item in focus.indicators)
    for item in focus.indicators + focus.measures + focus.risks:
        assert item.reasons and all(r.endswith(".") for r in item.reasons)
        assert item.reasons[0] in safe[where].replace("\u2019", "'") or \
            item.reasons[0] in safe[where]
    assert "worse than England" in " ".join(focus.indicators[0].reasons)


def test_risks_the_paper_suggested_are_compared(safe):
    paper = {p.text.split()[0]: p for p in safe["report"].focus.paper if p.kind == "risk"}
    assert paper, "the paper's suggested risks were not imported"
    high = {item.key for item in safe["report"].focus.risks if "high risk" in item.rules}
    for code, suggestion in paper.items():
        assert suggestion.note
        assert suggestion.agrees == (code in high)


def test_pdf_has_a_page_per_indicator_and_bookmarks(safe):
    report = safe["report"]
    assert safe["pages"] >= 3 + len(report.indicators)
    for view in report.indicators:
        assert f"{view.code} {view.title}" in safe["toc"]


def test_no_polarity_indicators_are_named_in_the_summary(safe):
    unjudged = safe["report"].focus.unjudged_indicators
    if unjudged:
        assert f"{len(unjudged)} indicator" in safe["html_text"]
        assert "set their polarity to judge them" in safe["html_text"]
