"""Robustness of read_paper, detect_kind and parse_paper on random, damaged and hostile
input: only PaperError may escape, quickly."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.detect import detect_kind
from scrutinydesk.ingest.errors import MalformedPaper, PaperError, PaperTooLarge
from scrutinydesk.ingest.formats import read_paper
from scrutinydesk.ingest.parse import parse_paper
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text
from tests.ingest.paperbuilders import text_to_docx, text_to_pdf

MB = 1024 * 1024
FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SOURCE = (FIXTURES / "papers" / "formats" / "cover-sheet-and-risks-northmoor.txt").read_text(
    encoding="utf-8")


def _read_or_paper_error(data: bytes, name: str) -> Paper | None:
    try:
        paper = read_paper(data, name)
    except PaperError as error:
        assert error.source == name
        assert error.message
        assert "internal error" not in str(error)
        return None
    assert isinstance(paper, Paper)
    assert all(isinstance(ln.text, str) and "\n" not in ln.text for ln in paper.lines)
    return paper


def _whole_pipeline(paper: Paper) -> None:
    try:
        detect_kind(paper)
        parse_paper(paper)
    except PaperError as error:  # any other exception is a bug and fails the test
        assert "internal error" not in str(error)


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return text_to_pdf(SOURCE)


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return text_to_docx(SOURCE)


@FUZZ
@given(data=st.binary(min_size=1, max_size=4096),
       name=st.sampled_from(["x.txt", "x.pdf", "x.docx", "x.html", "upload"]))
def test_random_bytes(data, name):
    paper = _read_or_paper_error(data, name)
    if paper is not None:
        _whole_pipeline(paper)


@FUZZ
@given(fraction=st.floats(min_value=0.0, max_value=0.999))
def test_truncated_pdf(pdf_bytes, fraction):
    cut = max(1, int(len(pdf_bytes) * fraction))
    _read_or_paper_error(pdf_bytes[:cut], "cut.pdf")


@FUZZ
@given(fraction=st.floats(min_value=0.0, max_value=0.999))
def test_truncated_docx(docx_bytes, fraction):
    cut = max(1, int(len(docx_bytes) * fraction))
    _read_or_paper_error(docx_bytes[:cut], "cut.docx")


@FUZZ
@given(position=st.floats(min_value=0.0, max_value=0.999), value=st.integers(0, 255),
       which=st.sampled_from(["pdf", "docx"]))
def test_damaged_byte(pdf_bytes, docx_bytes, position, value, which):
    data = bytearray(pdf_bytes if which == "pdf" else docx_bytes)
    data[int(len(data) * position)] = value
    _read_or_paper_error(bytes(data), f"damaged.{which}")


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]


@FUZZ
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
       written=st.sampled_from(ENCODINGS))
def test_text_in_any_encoding(text, written):
    data = (SOURCE[:200] + text).encode(written, errors="replace")
    paper = _read_or_paper_error(data, "paper.txt")
    if paper is not None and written in ("utf-8", "utf-8-sig", "utf-16"):
        assert paper.lines[0].text == SOURCE.splitlines()[0]


@FUZZ
@given(lines=st.lists(st.sampled_from(sample_text(
    "2018-01-30-meeting-documents-page.txt").splitlines() + SOURCE.splitlines()),
    max_size=60))
def test_shuffled_paper_lines_through_the_pipeline(lines):
    paper = _read_or_paper_error("\n".join(lines).encode("utf-8") or b" ", "shuffled.txt")
    if paper is not None:
        _whole_pipeline(paper)


_TAGS = ["p", "div", "table", "tr", "td", "th", "li", "ul", "br", "img alt='pdf icon'",
         "script", "style", "iframe", "pre", "b", "h1", "a href='javascript:alert(1)'",
         "template", "svg", "noscript", "span hidden", "td style='display:none'"]


@FUZZ
@given(parts=st.lists(st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t.split()[0]}>"),
    st.sampled_from(["&amp;", "&nbsp;", "&#0;", "&#x110000;", "&bogus;", "<!--", "-->", "\t",
                     "<![CDATA[", "]]>", "\r\n"]),
    st.text(max_size=20)), max_size=80))
def test_tag_soup(parts):
    paper = _read_or_paper_error(("<html><body>" + "".join(parts)).encode("utf-8"),
                                 "soup.html")
    if paper is not None:
        _whole_pipeline(paper)


def _quickly(data: bytes, name: str, seconds: float = 5.0) -> Paper | None:
    started = time.perf_counter()
    paper = _read_or_paper_error(data, name)
    assert time.perf_counter() - started < seconds
    return paper


@pytest.mark.parametrize(("name", "data"), [
    ("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000),
    ("deep-unclosed.html", b"<!DOCTYPE html><body>" + b"<b><i>" * 50_000 + b"x"),
    ("attribute.html", b'<html><body><p title="' + b"a" * (5 * MB) + b'">Agenda</p></body></html>'),
    ("entities.html", b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
                      b'&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                      b"<html><body><p>&c;&c;&c;&c;&c;&c;&c;&c;</p></body></html>"),
    ("scripts.html", b"<html><head><script>while(true){}</script><style>*{}</style></head><body>"
                     b"<iframe src='http://127.0.0.1:9/x'></iframe><p>Agenda</p>"
                     b"<a href='javascript:fetch(1)'>link</a></body></html>"),
    ("tags.html", b"<html><body>" + b"<i>a</i>" * 700_000),
    ("long-line.html", b"<html><body><p>" + b"word " * 250_000 + b"</p></body></html>"),
    ("long-line.txt", b"a" * MB),
    ("long-spaces.txt", b" " * MB + b"Page 1"),
    ("long-tabs.txt", b"\t" * MB),
])
def test_hostile_input_is_read_or_refused_quickly(name, data):
    paper = _quickly(data, name)
    if name == "entities.html":
        assert paper is not None and "a" * 1000 not in paper.text  # nothing was expanded
    if name == "scripts.html":
        assert paper is not None and "while" not in paper.text and "Agenda" in paper.text


def test_a_single_megabyte_line_goes_through_the_pipeline_quickly():
    paper = _quickly(b"Agenda " * (MB // 7), "one-line.txt")
    started = time.perf_counter()
    _whole_pipeline(paper)
    assert time.perf_counter() - started < 10


def test_deep_nesting_is_refused_with_a_message():
    with pytest.raises(MalformedPaper, match="nested too deeply") as raised:
        read_paper(b"<html><body>" + b"<div>" * 100_000 + b"x", "deep.html")
    assert "XML_PARSE" not in str(raised.value)  # lxml's advice to programmers is not shown


def test_fifty_megabytes_is_too_large_at_once():
    data = b"a" * (50 * MB)
    started = time.perf_counter()
    with pytest.raises(PaperTooLarge, match="is 50 MB; the largest paper accepted is 25 MB"):
        read_paper(data, "huge.txt")
    assert time.perf_counter() - started < 1


def test_zip_bomb_docx_is_too_large(docx_bytes):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for info in source.infolist():
            bomb.writestr(info.filename, source.read(info.filename))
        with bomb.open("word/media/image1.bmp", "w", force_zip64=True) as member:
            chunk = bytes(8 * MB)
            for _ in range(27):  # 216 MB of zeros
                member.write(chunk)
    data = out.getvalue()
    assert len(data) < 2 * MB
    started = time.perf_counter()
    with pytest.raises(PaperTooLarge, match="ZIP bomb"):
        read_paper(data, "bomb.docx")
    assert time.perf_counter() - started < 1
