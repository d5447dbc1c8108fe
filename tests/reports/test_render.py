"""The rendered report on a synthetic outcome with long series: the HTML's accessibility
basics, and the PDF's pages, text, running header, contents page numbers and bookmarks.
Rendered once for the module."""

import re
from datetime import date

import pypdfium2
import pytest
from lxml import html as lxml_html

from scrutinydesk.reports.data import build_report
from scrutinydesk.reports.render import filename, render_html, render_pdf
from scrutinydesk.reports.synthetic import make_synthetic_outcome

INDICATORS = 5
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rendered(module_db, tmp_path_factory):
    with module_db():
        outcome = make_synthetic_outcome("Resilient", indicators=INDICATORS, years=5,
                                         quarterly=True, measures_per_indicator=2)
        report = build_report(outcome, today=date(2019, 8, 1))
        page = render_html(report)
        pdf = render_pdf(report, page)
    path = tmp_path_factory.mktemp("report") / filename(report, "pdf")
    path.write_bytes(pdf)
    document = pypdfium2.PdfDocument(str(path))
    texts = [" ".join(document[i].get_textpage().get_text_range().split(" "))
             for i in range(len(document))]
    yield {"report": report, "html": page, "tree": lxml_html.fromstring(page), "pdf": pdf,
           "doc": document, "texts": texts}
    document.close()


# --- HTML ---------------------------------------------------------------------------------

def test_html_has_a_language_and_a_title(rendered):
    tree = rendered["tree"]
    assert tree.get("lang") == "en-GB"
    assert tree.findtext(".//title") == rendered["report"].title


def test_headings_start_at_h1_and_never_skip_a_level(rendered):
    levels = [int(h.tag[1]) for h in rendered["tree"].iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"h{before} followed by h{after}"


def test_every_table_has_a_caption_and_scoped_headers(rendered):
    tables = rendered["tree"].findall(".//table")
    assert len(tables) > INDICATORS * 3
    for table in tables:
        assert (table.findtext("caption") or "").strip(), lxml_html.tostring(table)[:200]
        headers = table.findall(".//th")
        assert headers and all(th.get("scope") in ("col", "row") for th in headers)


def test_every_chart_is_an_image_with_title_and_description(rendered):
    charts = rendered["tree"].xpath("//*[local-name()='svg']")
    assert len(charts) == INDICATORS * 3  # one chart and two measure trend lines each
    for svg in charts:
        assert svg.get("role") == "img"
        title = svg.xpath("./*[local-name()='title']")[0].text
        desc = svg.xpath("./*[local-name()='desc']")[0].text
        assert title and desc and "values" in desc
        assert svg.get("aria-labelledby").split() == [
            svg.xpath("./*[local-name()='title']")[0].get("id"),
            svg.xpath("./*[local-name()='desc']")[0].get("id")]


def test_ids_are_unique(rendered):
    ids = rendered["tree"].xpath("//@id")
    assert len(ids) == len(set(ids))


def test_every_internal_link_has_a_target(rendered):
    ids = set(rendered["tree"].xpath("//@id"))
    for href in rendered["tree"].xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids


def test_ratings_always_carry_a_word_and_symbol(rendered):
    for rag in rendered["tree"].find_class("rag"):
        text = rag.text_content().strip()
        symbol = rag.find_class("sym")[0].text
        assert symbol in "✓●✗–" and len(text) > 2


def test_each_chart_has_its_data_table(rendered):
    for view in rendered["report"].indicators:
        section = rendered["tree"].get_element_by_id(view.anchor)
        captions = [c.text_content() for c in section.iter("caption")]
        assert any(c.startswith("Figures behind the chart") for c in captions)
        values = {cell.text for cell in section.iter("td")}
        assert view.latest.text.split()[0].rstrip("%") in values


# --- PDF ----------------------------------------------------------------------------------

def test_pdf_is_a4_portrait(rendered):
    width, height = rendered["doc"][0].get_size()
    assert round(width) == 595 and round(height) == 842


def test_pdf_has_a_page_for_the_cover_summary_contents_and_each_indicator(rendered):
    assert len(rendered["doc"]) >= 3 + INDICATORS + 2


def test_pdf_text_is_selectable_and_shows_the_headline_figures(rendered):
    text = " ".join(" ".join(rendered["texts"]).split())
    for view in rendered["report"].indicators:
        assert view.title in text
        assert view.latest.text in text and view.latest.period in text


def test_running_header_and_page_numbers(rendered):
    total = len(rendered["doc"])
    for number, text in enumerate(rendered["texts"][1:], start=2):
        assert "Resilient: Outcomes Focused Monitoring Report" in text
        assert "July 2019" in text
        assert f"Page {number} of {total}" in text
    assert "Outcomes Focused Monitoring Report\r\nJuly 2019" not in rendered["texts"][0][:10]


def contents(rendered) -> dict[str, int]:
    page = next(t for t in rendered["texts"] if t.lstrip().startswith("Contents"))
    entries = {}
    for line in page.splitlines():
        m = re.match(r"(.+?)\s*\.{3,}\s*(\d+)\s*$", line.strip())
        if m:
            entries[m.group(1).strip()] = int(m.group(2))
    return entries


def test_contents_page_numbers_are_where_the_indicators_are(rendered):
    entries = contents(rendered)
    for view in rendered["report"].indicators:
        number = entries[view.heading]
        page_text = " ".join(rendered["texts"][number - 1].split())  # headings may wrap
        heading = f"{view.code} {view.title}"  # the contents and captions print "code: title"
        assert heading in page_text, page_text[:200]
        assert heading not in " ".join(rendered["texts"][number - 2].split())
    assert entries["Executive summary"] == 2
    assert entries["Sources"] == len(rendered["doc"])


def test_bookmarks_lead_to_each_indicator_page(rendered):
    marks = {b.get_title(): b.get_dest().get_index() for b in rendered["doc"].get_toc()}
    entries = contents(rendered)
    for view in rendered["report"].indicators:
        title = f"{view.code} {view.title}"
        assert marks[title] == entries[view.heading] - 1
    assert "Key to the judgements, ratings and charts" in marks
