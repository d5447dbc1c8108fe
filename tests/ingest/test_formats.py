"""read_paper / sniff_media_type: text, HTML, PDF and DOCX papers read into lines.

The round trips render excerpts of the real samples and hand-written papers
(tests/fixtures/papers/formats/) to HTML, PDF and DOCX with tests/ingest/paperbuilders.py,
read them back and compare with the text read directly. Each paper is rendered once per
module.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from scrutinydesk.core.vocab import MediaType
from scrutinydesk.ingest.errors import MalformedPaper, PaperError, PaperTooLarge, UnsupportedFormat
from scrutinydesk.ingest.formats import read_paper, sniff_media_type
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text
from tests.ingest.paperbuilders import (
    BLANK_PAGE,
    comparable_lines,
    encrypted_pdf,
    html_to_pdf,
    text_to_docx,
    text_to_html,
    text_to_pdf,
)

FORMATS = FIXTURES / "papers" / "formats"
MB = 1024 * 1024
JAN_PACK = "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
OCT_PACK = "2017-10-12-safeguarding-scrutiny-agenda-pack.txt"
MEETING_PAGE = "2018-01-30-meeting-documents-page.txt"
SELF_EVALUATION = "2020-09-childrens-services-self-evaluation.txt"
OWN_PAPERS = ("meeting-page-wessex-2019-03-14.txt", "cover-sheet-and-risks-northmoor.txt",
              "action-plan-long-cells.txt")


def _excerpt(text: str, start: str, end: str) -> str:
    """The lines from the first starting with ``start`` up to (not including) the next
    starting with ``end``."""
    lines = text.splitlines()
    first = next(i for i, ln in enumerate(lines) if ln.startswith(start))
    last = next(i for i in range(first + 1, len(lines)) if lines[i].startswith(end))
    return "\n".join(lines[first:last])


def _cover_sheet() -> str:
    """The cover sheet of the January 2018 monitoring report, from "Date of Meeting" to
    "Officer Contact"."""
    lines = sample_text(JAN_PACK).splitlines()
    subject = next(i for i, ln in enumerate(lines)
                   if ln.startswith("Subject of Report\tOutcomes Focused Monitoring Report"))
    first = max(i for i in range(subject) if lines[i].startswith("Date of Meeting\t"))
    last = next(i for i in range(subject, len(lines)) if lines[i].startswith("Officer Contact"))
    return "\n".join(lines[first:last + 1])


def _papers() -> dict[str, str]:
    jan = sample_text(JAN_PACK)
    papers = {
        "meeting page 30 January 2018": sample_text(MEETING_PAGE),
        "monitoring report cover sheet": _cover_sheet(),
        "SAFE 01 indicator page": _excerpt(jan, "SAFE: 01 Population Indicator",
                                           "SAFE: 02 Population Indicator"),
        "agenda front sheet": _excerpt(jan, "Agenda", "Safeguarding Overview and Scrutiny"),
    }
    for name in OWN_PAPERS:
        papers[name] = (FORMATS / name).read_text(encoding="utf-8")
    return papers


PAPERS = _papers()


@pytest.fixture(scope="module")
def pdfs() -> dict[str, tuple[str, Paper]]:
    return {name: (text, read_paper(text_to_pdf(text), f"{name}.pdf"))
            for name, text in PAPERS.items()}


@pytest.fixture(scope="module")
def docxs() -> dict[str, tuple[str, Paper]]:
    papers = dict(PAPERS)
    papers.update({name: sample_text(name) for name in (JAN_PACK, OCT_PACK, SELF_EVALUATION)})
    return {name: (text, read_paper(text_to_docx(text), f"{name}.docx"))
            for name, text in papers.items()}


# --- Sniffing -------------------------------------------------------------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("data", "name", "media_type"), [
    (b"%PDF-1.7\n%...", "paper.bin", MediaType.PDF),
    (b"\r\n\r\njunk before the header %PDF-1.4\n", "paper", MediaType.PDF),
    (b"<!DOCTYPE html><html><body><p>Agenda</p></body></html>", "page.txt", MediaType.HTML),
    (b"  \n<html lang='en'><p>Agenda</p></html>", "page", MediaType.HTML),
    (b"<div><p>Agenda</p></div>", "page.htm", MediaType.HTML),
    (b"<p>3. Minutes</p>\t<p>5 - 10</p>\n", "pack.txt", MediaType.TEXT),
    (b"Date of Meeting\t30 January 2018\n", "named-as.pdf", MediaType.TEXT),
])
def test_media_type_is_decided_by_the_bytes_first(data, name, media_type):
    assert sniff_media_type(data, name) == media_type


def test_a_zip_holding_word_document_xml_is_docx():
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    assert sniff_media_type(data, "upload.zip") == MediaType.DOCX


@pytest.mark.parametrize(("data", "looks_like"), [
    (_zip({"xl/workbook.xml": b"<workbook/>"}), "Excel workbook"),
    (_zip({"ppt/presentation.xml": b"<p/>"}), "PowerPoint"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "OpenDocument"),
    (_zip({"notes.txt": b"hello"}), "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Word 97-2003"),
    (b"\x89PNG\r\n\x1a\n" + bytes(50), "PNG image"),
    (b"\xff\xd8\xff\xe0" + bytes(50), "JPEG image"),
    (b"\x7fELF\x02\x01\x01" + bytes(50), "ELF executable"),
    (b"MZ\x90\x00\x03" + bytes(100), "Windows program"),
    (b"\x1f\x8b\x08\x00" + bytes(50), "gzip"),
    (b"{\\rtf1\\ansi Agenda}", "Rich Text Format"),
])
def test_other_formats_are_refused_naming_what_they_look_like(data, looks_like):
    with pytest.raises(UnsupportedFormat) as caught:
        sniff_media_type(data, "upload.docx")
    assert looks_like in caught.value.message
    assert caught.value.source == "upload.docx"
    assert "PDF" in caught.value.expected and "DOCX" in caught.value.expected.upper()


def test_a_damaged_zip_named_docx_is_unsupported():
    data = _zip({"word/document.xml": b"<w:document/>" * 100})[:60]
    with pytest.raises(UnsupportedFormat, match="damaged or truncated"):
        read_paper(data, "report.docx")


# --- Size and emptiness ---------------------------------------------------------------------

def test_empty_file_is_malformed():
    with pytest.raises(MalformedPaper, match="empty") as caught:
        read_paper(b"", "blank.txt")
    assert caught.value.source == "blank.txt"


def test_too_large_names_both_sizes():
    data = b"a" * int(52.4 * MB)
    with pytest.raises(PaperTooLarge) as caught:
        read_paper(data, "huge.pdf")
    assert "is 52.4 MB; the largest paper accepted is 25 MB" in caught.value.message
    assert caught.value.source == "huge.pdf"


def test_max_bytes_is_configurable():
    with pytest.raises(PaperTooLarge, match="largest paper accepted is 0.5 MB"):
        read_paper(b"x" * (MB // 2 + 1), "a.txt", max_bytes=MB // 2)
    assert read_paper(b"x" * 100, "a.txt", max_bytes=MB // 2).lines[0].text == "x" * 100


# --- Text -----------------------------------------------------------------------------------

def test_text_sample_reads_as_from_text():
    text = sample_text(JAN_PACK)
    paper = read_paper(text.encode("utf-8"), JAN_PACK)
    expected = Paper.from_text(text, JAN_PACK)
    assert paper.media_type == MediaType.TEXT
    assert [(ln.text, ln.page) for ln in paper.lines] == [(ln.text, ln.page)
                                                          for ln in expected.lines]
    assert any(ln.page == 67 for ln in paper.lines)


def test_utf8_bom_is_removed_and_tabs_kept():
    paper = read_paper("\ufeffDate of Meeting\t7 November 2019\r\nOfficer\tHead\r\n".encode(),
                       "cover.txt")
    assert [ln.text for ln in paper.lines] == ["Date of Meeting\t7 November 2019",
                                               "Officer\tHead"]
    assert paper.lines[0].cells == ["Date of Meeting", "7 November 2019"]


@pytest.fixture(scope="module")
def cp1252_minutes() -> Paper:
    name = "minutes-cp1252-crlf.txt"
    return read_paper((FORMATS / name).read_bytes(), name)


def test_windows_1252_is_decoded(cp1252_minutes):
    text = cp1252_minutes.text
    assert "Cllr O\u2019Brien" in text
    assert "Cllr D\u00e9sir\u00e9e Fournier" in text
    assert "\u00a3240,000" in text and "\u201cearly help\u201d" in text
    assert "officers \u2026 and closed" in text


def test_crlf_and_line_structure_kept(cp1252_minutes):
    texts = [ln.text for ln in cp1252_minutes.lines]
    assert not any("\r" in t for t in texts)
    assert texts[1] == ""
    assert texts[4].split("\t")[0] == "14" and texts[5].split("\t")[0] == "15"
    assert cp1252_minutes.lines[-1].page == 1


def test_utf16_with_bom():
    name = "self-assessment-utf16.txt"
    paper = read_paper((FORMATS / name).read_bytes(), name)
    assert paper.lines[0].text == "Self-assessment of Children\u2019s Services 2021"
    rows = [ln.cells for ln in paper.lines if "\t" in ln.text]
    assert rows[0] == ["Rate of children in need", "312 per 10,000", "England 321 per 10,000"]
    assert paper.lines[-1].text == "Page 2" and paper.lines[-1].page == 2


def test_utf16_without_bom_is_recognised():
    paper = read_paper("Risk\tScore\nCR07 - Capacity\tHIGH\n".encode("utf-16-le"), "r.txt")
    assert [ln.cells for ln in paper.lines] == [["Risk", "Score"], ["CR07 - Capacity", "HIGH"]]


def test_binary_garbage_is_not_text():
    data = bytes(range(256)) * 40
    with pytest.raises(UnsupportedFormat, match=r"does not look like text: \d+% of its bytes "
                                                r"are control characters"):
        read_paper(data, "garbage.txt")


def test_a_few_control_characters_are_tolerated():
    data = b"Agenda\x0c\n" + b"Item one\n" * 100 + b"\x1b[0m\n"
    paper = read_paper(data, "with-escape.txt")
    assert paper.lines[0].text == "Agenda"


# --- HTML -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fenwick() -> Paper:
    name = "moderngov-page-fenwick-cp1252.html"
    return read_paper((FORMATS / name).read_bytes(), name)


def _texts(paper: Paper) -> list[str]:
    return [ln.text for ln in paper.lines]


def test_html_media_type_and_title(fenwick):
    assert fenwick.media_type == MediaType.HTML
    assert fenwick.metadata["title"].startswith("Agenda for Health and Adult Social Care")


def test_html_headings_and_paragraphs_are_lines(fenwick):
    texts = _texts(fenwick)
    assert texts[0] == "Agenda and minutes"
    assert "Health and Adult Social Care Select Committee" in texts
    assert "Wednesday, 5th June, 2019 10.00 am" in texts
    assert "Venue: Council Chamber, Fenwick House, Quay Street" in texts


def test_html_item_cells_with_blocks_are_laid_out_line_by_line(fenwick):
    texts = [t for t in _texts(fenwick) if t]
    at = texts.index("1.")
    assert texts[at:at + 4] == ["1.", "Apologies for Absence", "Minutes:",
                                "Apologies were received from Cllr Hargreaves & "
                                "Cllr O\u2019Neill."]


def test_html_simple_rows_are_tab_separated(fenwick):
    texts = _texts(fenwick)
    assert "No.\tItem" in texts
    at = texts.index("Service\tBudget\tOutturn")
    assert texts[at + 1:at + 3] == ["Older People\t\u00a331.0m\t\u00a332.4m",
                                    "Learning Disabilities\t\u00a318.5m\t"]


def test_html_img_alt_stays_inline(fenwick):
    texts = _texts(fenwick)
    assert "Minutes pdf icon PDF 140 KB" in texts
    assert ("Adult Social Care Budget Monitoring \u2013 Outturn 2018/19 pdf icon PDF 96 KB"
            in texts)


def test_html_decodes_charset_entities_and_breaks(fenwick):
    texts = _texts(fenwick)
    assert ("Members noted the overspend of \u00a31.7m in the Director\u2019s report \u2013 "
            "mainly in home care." in texts)
    at = texts.index("Report of the Corporate Director for People.")
    assert texts[at + 1] == "Budget \u00a364.2m; outturn \u00a365.9m."
    assert "Contact: Bronwen Ellis 01632 960733 - Email: b.ellis@fenwick.example.gov.uk" in texts


def test_html_drops_code_hidden_parts_and_comments(fenwick):
    text = fenwick.text
    for absent in ("Tracking code", "injected", "enable JavaScript", "mgHide", "Skip to",
                   "Home", "support frames", "Flash content", "svg text", "template text",
                   "mgSubTitle", "Hidden test item", "Another hidden row", "alert"):
        assert absent not in text


def test_html_blank_paragraphs_become_single_empty_lines(fenwick):
    texts = _texts(fenwick)
    assert all(t == t.strip(" ") for t in texts)
    assert not any(a == b == "" for a, b in zip(texts, texts[1:], strict=False))
    assert "\xa0" not in fenwick.text


def test_html_without_text_is_malformed():
    with pytest.raises(MalformedPaper, match="no text"):
        read_paper(b"<html><body><script>var a = 1;</script><p> &nbsp; </p></body></html>",
                   "empty.html")


@pytest.mark.parametrize("name", [MEETING_PAGE, JAN_PACK, *OWN_PAPERS])
def test_html_round_trip(name):
    text = sample_text(name) if name.endswith("page.txt") or name == JAN_PACK else \
        (FORMATS / name).read_text(encoding="utf-8")
    paper = read_paper(text_to_html(text).encode("utf-8"), "page.html")
    assert comparable_lines(paper) == comparable_lines(Paper.from_text(text))


# --- PDF ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(PAPERS))
def test_pdf_round_trip_gives_the_same_lines(pdfs, name):
    text, paper = pdfs[name]
    assert paper.media_type == MediaType.PDF
    assert comparable_lines(paper) == comparable_lines(Paper.from_text(text))


def test_pdf_keeps_tab_cell_boundaries(pdfs):
    _, paper = pdfs["SAFE 01 indicator page"]
    rows = [ln.cells for ln in paper.lines if ln.text.startswith("02a - ")]
    assert rows == [["02a - Failure to consider the impacts that vulnerable adults have on "
                     "children and families", "MEDIUM", "UNCHANGED"]]
    latest = next(ln for ln in paper.lines if ln.text.startswith("DORSET - Latest"))
    assert latest.cells == ["DORSET - Latest (March 2017) 51 per 10,000", "", ""]


def test_pdf_adjacent_table_rows_stay_in_order(pdfs):
    text, paper = pdfs["cover-sheet-and-risks-northmoor.txt"]
    expected = [ln.split("\t")[0] for ln in text.splitlines() if ln.startswith("CR")]
    got = [ln.cells[0] for ln in paper.lines if ln.text.startswith("CR")]
    assert len(expected) == 4 and got == expected


def test_pdf_cells_wrapped_over_lines_are_joined(pdfs):
    text, paper = pdfs["action-plan-long-cells.txt"]
    source = next(ln for ln in text.splitlines() if ln.startswith("1.1\t"))
    row = next(ln for ln in paper.lines if ln.text.startswith("1.1\t"))
    assert row.cells == source.split("\t")
    assert row.cells[2] == "30 September 2019"


def test_pdf_wrapped_paragraph_is_one_line(pdfs):
    text, paper = pdfs["meeting page 30 January 2018"]
    longest = max(text.splitlines(), key=len)
    assert len(longest) > 600
    assert " ".join(longest.replace("\xa0", " ").split()) in comparable_lines(paper)


def test_pdf_lines_carry_the_physical_page(pdfs):
    for _, paper in pdfs.values():
        footers = [ln for ln in paper.lines if ln.text.startswith("Page ")
                   and ln.text[5:].isdigit() and int(ln.text[5:]) <= paper.page_count]
        physical = [ln for ln in footers if ln.page == int(ln.text[5:])]
        assert len(physical) == paper.page_count  # our footer on every page
        assert [ln.page for ln in paper.lines] == sorted(ln.page for ln in paper.lines)
        assert paper.lines[0].page == 1


def test_pdf_blank_page_stands_alone(pdfs):
    _, paper = pdfs["cover-sheet-and-risks-northmoor.txt"]
    blank = next(ln for ln in paper.lines if ln.text == BLANK_PAGE)
    on_page = [ln.text for ln in paper.lines if ln.page == blank.page and ln.text]
    assert on_page == [BLANK_PAGE, f"Page {blank.page}"]
    assert paper.page_count == 3


def test_pdf_metadata_is_recorded():
    data = html_to_pdf("<html><head><title>Quarterly Performance Report</title>"
                       "<meta name='author' content='Northmoor County Council'>"
                       "<meta name='dcterms.created' content='2019-10-28T09:15Z'></head>"
                       "<body><p>Quarter 2 2019-20</p></body></html>")
    paper = read_paper(data, "q2.pdf")
    assert paper.metadata["title"] == "Quarterly Performance Report"
    assert paper.metadata["author"] == "Northmoor County Council"
    assert paper.metadata["created"].startswith("2019-10-28")
    assert paper.page_count == 1


def test_pdf_unruled_columns_become_cells():
    data = html_to_pdf(
        "<html><body style=\"font-family: 'DejaVu Sans'; font-size: 11pt\">"
        "<table style='border: none'><tr><td style='width: 6cm'>Date of Meeting</td>"
        "<td>14 March 2019</td></tr><tr><td>Officer</td><td>Head of Inclusion</td></tr></table>"
        "<p>2.&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;Declarations of "
        "Interest</p></body></html>")
    lines = [ln.text for ln in read_paper(data, "unruled.pdf").lines if ln.text]
    assert lines == ["Date of Meeting\t14 March 2019", "Officer\tHead of Inclusion",
                     "2. Declarations of Interest"]


def test_encrypted_pdf_is_refused():
    with pytest.raises(UnsupportedFormat, match="encrypted") as caught:
        read_paper(encrypted_pdf("Confidential minutes"), "part2.pdf")
    assert caught.value.source == "part2.pdf"


def test_pdf_encrypted_only_against_changes_is_read():
    """Councils often publish PDFs with an owner password only (printing or copying
    restricted): they open without a password and are read."""
    paper = read_paper(encrypted_pdf("Minutes of the Panel, 14 March 2019", user_password=""),
                       "restricted.pdf")
    assert [ln.text for ln in paper.lines] == ["Minutes of the Panel, 14 March 2019"]


def test_pdf_without_text_layer_is_malformed():
    data = html_to_pdf("<html><body><div style='width:8cm;height:10cm;background:#444'>"
                       "</div></body></html>")
    with pytest.raises(MalformedPaper, match="no text layer"):
        read_paper(data, "scanned.pdf")


def test_truncated_pdf_is_a_paper_error():
    data = text_to_pdf("Minutes\nItem\tDecision")
    with pytest.raises((MalformedPaper, UnsupportedFormat)) as caught:
        read_paper(data[: len(data) // 3], "cut.pdf")
    assert "PDF" in caught.value.message and caught.value.source == "cut.pdf"


# --- DOCX -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [*PAPERS, JAN_PACK, OCT_PACK, SELF_EVALUATION])
def test_docx_round_trip_gives_the_same_lines(docxs, name):
    text, paper = docxs[name]
    assert paper.media_type == MediaType.DOCX
    assert comparable_lines(paper) == comparable_lines(Paper.from_text(text))


def test_docx_pages_follow_the_page_breaks(docxs):
    text, paper = docxs[JAN_PACK]
    blanks = [ln for ln in paper.lines if ln.text == BLANK_PAGE]
    assert len(blanks) == sum(1 for ln in text.splitlines() if ln.strip() == BLANK_PAGE)
    assert [ln.page for ln in blanks] == list(range(2, 2 * len(blanks) + 1, 2))
    assert paper.page_count == 2 * len(blanks) + 1
    assert paper.lines[0].page == 1


def _docx_with(build) -> bytes:
    from docx import Document

    document = Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_xml(paragraph, xml: str) -> None:
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {ns}>", 1)))


def test_docx_merged_cells_are_not_repeated():
    def build(document):
        table = document.add_table(rows=3, cols=3)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"r{r}c{c}"
        table.cell(0, 0).merge(table.cell(0, 1)).text = "Priority 1: joint strategy"
        merged = table.cell(1, 2).merge(table.cell(2, 2))
        merged.text = "On target"

    lines = [ln.text for ln in read_paper(_docx_with(build), "merged.docx").lines]
    assert lines == ["Priority 1: joint strategy\tr0c2", "r1c0\tr1c1\tOn target",
                     "r2c0\tr2c1\t"]


def test_docx_nested_table_rows_follow_their_row():
    def build(document):
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "1.1"
        outer = table.cell(0, 1)
        outer.paragraphs[0].text = "Milestones"
        inner = outer.add_table(rows=2, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "Guidance issued", "Complete"
        inner.cell(1, 0).text, inner.cell(1, 1).text = "Training offer", "On target"
        table.cell(1, 0).text, table.cell(1, 1).text = "1.2", "Second action"

    lines = [ln.text for ln in read_paper(_docx_with(build), "nested.docx").lines]
    assert lines == ["1.1\tMilestones", "Guidance issued\tComplete", "Training offer\tOn target",
                     "1.2\tSecond action"]


def test_docx_cell_paragraphs_join_with_a_space_and_tabs_are_kept():
    def build(document):
        document.add_paragraph("Date of Meeting\t7 November 2019")
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Officer Contact"
        cell = table.cell(0, 1)
        cell.paragraphs[0].text = "Name: Grace Adeyemi"
        cell.add_paragraph("Tel: 01632 961877")
        document.add_paragraph().add_run("Present:").add_break()
        document.paragraphs[-1].add_run("Cllr Nwosu (Chair)")

    lines = [ln.text for ln in read_paper(_docx_with(build), "cells.docx").lines]
    assert lines == ["Date of Meeting\t7 November 2019", "",
                     "Officer Contact\tName: Grace Adeyemi Tel: 01632 961877", "",
                     "Present:", "Cllr Nwosu (Chair)"]


def test_docx_paragraphs_are_set_apart_and_table_rows_are_not(docxs):
    _, paper = docxs["cover-sheet-and-risks-northmoor.txt"]
    texts = [ln.text for ln in paper.lines]
    risks = [i for i, t in enumerate(texts) if t.startswith("CR")]
    assert risks == list(range(risks[0], risks[0] + 4))
    assert texts[risks[0] - 1] == "Corporate Risk\tScore\tTrend"
    assert texts[risks[-1] + 1] == ""
    first = texts.index("Children and Families Overview and Scrutiny Committee")
    assert texts[first + 1:first + 3] == ["", "Northmoor County Council"]
    assert not any(a == b == "" for a, b in zip(texts, texts[1:], strict=False))


def test_docx_rendered_page_breaks_and_sections_count_pages():
    def build(document):
        document.add_paragraph("First page")
        p = document.add_paragraph()
        _add_xml(p, "<w:r><w:lastRenderedPageBreak/><w:t>Second page starts</w:t></w:r>")
        p = document.add_paragraph()
        _add_xml(p, "<w:r><w:t>Runs on over the page</w:t><w:lastRenderedPageBreak/>"
                    "<w:t> and ends on the third</w:t></w:r>")
        document.add_paragraph("Third page")

    paper = read_paper(_docx_with(build), "rendered.docx")
    assert [(ln.text, ln.page) for ln in paper.lines if ln.text] == [
        ("First page", 1), ("Second page starts", 2),
        ("Runs on over the page and ends on the third", 2), ("Third page", 3)]
    assert paper.page_count == 3


def test_docx_explicit_breaks_count_pages():
    from docx.enum.section import WD_SECTION

    def build(document):
        document.add_paragraph("Front sheet")
        document.add_page_break()
        document.add_paragraph("Minutes")
        document.add_section(WD_SECTION.NEW_PAGE)
        document.add_paragraph("Report")
        document.add_paragraph("Appendix").paragraph_format.page_break_before = True
        document.add_section(WD_SECTION.CONTINUOUS)
        document.add_paragraph("Still the appendix")

    paper = read_paper(_docx_with(build), "breaks.docx")
    pages = {ln.text: ln.page for ln in paper.lines if ln.text}
    assert pages == {"Front sheet": 1, "Minutes": 2, "Report": 3, "Appendix": 4,
                     "Still the appendix": 4}


def test_docx_deleted_text_and_field_codes_are_left_out():
    def build(document):
        p = document.add_paragraph()
        _add_xml(p, '<w:r><w:t xml:space="preserve">Kept </w:t></w:r>')
        p._p.append(__import__("docx.oxml", fromlist=["parse_xml"]).parse_xml(
            '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:id="1" w:author="x"><w:r><w:delText>deleted</w:delText></w:r></w:del>'))
        _add_xml(p, "<w:r><w:instrText> PAGE </w:instrText></w:r>")
        _add_xml(p, "<w:r><w:t>text</w:t></w:r>")

    assert read_paper(_docx_with(build), "tracked.docx").lines[0].text == "Kept text"


def test_docx_metadata_is_recorded():
    import datetime

    def build(document):
        document.core_properties.title = "Improvement Plan 2019-2021"
        document.core_properties.author = "Eastvale City Council"
        document.core_properties.created = datetime.datetime(2019, 9, 2, 8, 30)
        document.add_paragraph("Ref\tAction")

    paper = read_paper(_docx_with(build), "plan.docx")
    assert paper.metadata["title"] == "Improvement Plan 2019-2021"
    assert paper.metadata["author"] == "Eastvale City Council"
    assert paper.metadata["created"].startswith("2019-09-02")
    assert paper.page_count == 1


def test_docx_unpacking_limit_follows_max_bytes():
    docx = text_to_docx("Agenda\nItem\tDecision")
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        members = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    members["word/media/image1.bmp"] = bytes(3 * MB)
    data = _zip(members)
    with pytest.raises(PaperTooLarge, match=r"would unpack to 3\.\d MB; the most accepted is 2 MB"):
        read_paper(data, "bomb.docx", max_bytes=MB // 5)
    assert read_paper(data, "bomb.docx").lines[0].text == "Agenda"


def test_docx_without_text_is_malformed():
    with pytest.raises(MalformedPaper, match="no text"):
        read_paper(_docx_with(lambda d: d.add_paragraph("   ")), "blank.docx")


def test_every_error_is_a_paper_error_naming_the_file():
    cases = [(b"", "a.txt"), (b"\x00\x01\x02" * 100, "b.txt"), (b"%PDF-1.4 nothing", "c.pdf"),
             (_zip({"word/document.xml": b"<not xml"}), "d.docx")]
    for data, name in cases:
        with pytest.raises(PaperError) as caught:
            read_paper(data, name)
        assert caught.value.source == name
        assert caught.value.expected
