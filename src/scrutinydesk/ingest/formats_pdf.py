"""PDF papers as lines, page by page (``Line.page`` is the 1-based physical page).

Ruled tables (found by pdfplumber's table finder) become one line per row of TAB-separated
cells, a cell's own lines joined with a space. The text outside tables is read in reading
order and interleaved with the tables by vertical position; within a line, a gap much wider
than a space becomes a TAB (unruled tables). The lines of one paragraph, wrapped by the
PDF's layout, are joined again into one line, as in text converted from the same paper.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from dataclasses import dataclass, field

from scrutinydesk.core.vocab import MediaType

from .errors import MalformedPaper, PaperTooLarge, UnsupportedFormat
from .text import Line, Paper

MAX_PAGES = 2000
TAB_GAP = 1.5  # a gap between words wider than this many font sizes separates cells
PARAGRAPH_GAP = 0.6  # a vertical gap wider than this many font sizes ends a paragraph
# A bullet or list number before the indented text of a list item: not a table cell.
_LIST_MARKER = re.compile(r"^(?:[•●▪■◦·§o*➢✓\uf0b7\uf0a7\uf0d8\uf076\uf0fc\-–]|"
                          r"\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?|\(?[a-z]{1,4}[.)])$")
_SENTENCE_ENDS = (".", ":", "?", "!", ".)", '."', ".\u201d")
_WORD_BREAKS = ("-", "/", "\u2010", "\u2013", "\u2014")
_BULLETS = ("•", "●", "▪", "■", "◦", "·", "\uf0b7", "\uf0a7")

for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


@dataclass(slots=True)
class _Block:
    """A line of text outside tables, or a table row, with where it is on the page."""

    text: str
    top: float
    bottom: float
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0
    first_word_width: float = 0.0
    words: int = 0
    table: bool = False
    parts: list[str] = field(default_factory=list)


_PageBlocks = tuple[int, float, float, list[_Block]]  # page number, width, height, blocks


def read_pdf(data: bytes, name: str) -> Paper:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _open_error(exc, name, (PDFPasswordIncorrect, PDFEncryptionError)) from exc
    with _closing(pdf):
        try:
            pages = pdf.pages
        except Exception as exc:
            raise MalformedPaper(f"the PDF's pages could not be read ({_describe(exc)})",
                                 source=name, expected="an undamaged PDF") from exc
        if not pages:
            raise MalformedPaper("the PDF has no pages", source=name,
                                 expected="a PDF with at least one page of text")
        if len(pages) > MAX_PAGES:
            raise PaperTooLarge(f"the PDF has {len(pages)} pages; the most accepted is "
                                f"{MAX_PAGES}", source=name,
                                expected=f"a PDF of at most {MAX_PAGES} pages")
        page_blocks: list[_PageBlocks] = []
        for number, page in enumerate(pages, start=1):
            try:
                blocks = _page_blocks(page)
            except Exception as exc:
                raise MalformedPaper(f"page {number} of the PDF could not be read "
                                     f"({_describe(exc)})", source=name, page=number,
                                     expected="an undamaged PDF") from exc
            page_blocks.append((number, float(page.width), float(page.height), blocks))
        metadata = _metadata(pdf)
    if not any(b.text.strip() for _, _, _, blocks in page_blocks for b in blocks):
        raise MalformedPaper(
            f"the PDF has no text layer: its {len(page_blocks)} page(s) hold only images "
            "(a scanned paper?)", source=name,
            expected="a PDF with selectable text (run OCR on a scanned paper first)")
    lines = _join_paragraphs(page_blocks)
    return Paper(name=name, lines=[Line(i, text, page) for i, (text, page)
                                   in enumerate(lines, start=1)],
                 media_type=MediaType.PDF, page_count=len(page_blocks), metadata=metadata)


@contextlib.contextmanager
def _closing(pdf):
    """Close the PDF after reading. Closing a damaged PDF walks its pages again and raises
    pdfplumber's error, which would hide the error that says what is wrong with the paper."""
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        yield pdf
    finally:
        with contextlib.suppress(PdfminerException):
            pdf.close()


def _open_error(exc: Exception, name: str, password_errors: tuple[type, ...]) -> Exception:
    causes = [exc, exc.__cause__, exc.__context__, *getattr(exc, "args", ())]
    if any(isinstance(c, password_errors) for c in causes):
        return UnsupportedFormat("the PDF is encrypted (protected by a password)", source=name,
                                 expected="a PDF that opens without a password")
    return MalformedPaper(f"the PDF is damaged or truncated ({_describe(exc)})", source=name,
                          expected="an undamaged PDF")


def _describe(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner)[:200] or "no details"
    return f"{type(inner).__name__}: {text}"


def _page_blocks(page) -> list[_Block]:
    blocks: list[_Block] = []
    boxes: list[tuple[float, float, float, float]] = []
    for table in page.find_tables():
        rows = table.extract()
        if len(rows) == 1 and len(rows[0]) == 1:
            continue  # a box drawn round some text is not a table
        boxes.append(table.bbox)
        top = float(table.bbox[1])
        for i, row in enumerate(rows):
            cells = [_cell_text(cell) for cell in row if cell is not None]
            if any(cells):
                # rows keep their order: spread them inside the table's box
                y = top + i * 1e-3
                blocks.append(_Block("\t".join(cells), y, y, table=True))
        blocks.append(_Block("", float(table.bbox[3]), float(table.bbox[3]), table=True))

    def outside_tables(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom
                       for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    words = text_page.extract_words(keep_blank_chars=False, use_text_flow=False,
                                    extra_attrs=["size"])
    blocks.extend(_lines_of_words(words))
    blocks.sort(key=lambda b: (b.top, not b.table))
    return blocks


def join_wrapped(first: str, second: str) -> str:
    """Two lines of one paragraph as one: with a space, except after a hyphen or slash the
    layout broke a word at ("first-" + "hand", "and/" + "or")."""
    first, second = first.rstrip(), second.lstrip()
    if not first or not second:
        return first + second
    if first.endswith(_WORD_BREAKS) and len(first) > 1 and not first[-2].isspace():
        return first + second
    return first + " " + second


def _cell_text(cell: str) -> str:
    text = ""
    for line in cell.split("\n"):
        line = " ".join(line.split())
        text = join_wrapped(text, line) if text else line
    return text


def _lines_of_words(words: list[dict]) -> list[_Block]:
    """Group words into lines by vertical position; TAB where the gap is much wider than a
    space."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(float(w["top"]), 1), float(w["x0"]))):
        size = float(word.get("size") or 10)
        if lines:
            last = lines[-1]
            if abs(float(word["top"]) - float(last[0]["top"])) <= max(1.0, 0.4 * size):
                last.append(word)
                continue
        lines.append([word])
    blocks = []
    for line_words in lines:
        line_words.sort(key=lambda w: float(w["x0"]))
        size = max(float(w.get("size") or 10) for w in line_words)
        parts = [line_words[0]["text"]]
        for i, (prev, word) in enumerate(zip(line_words, line_words[1:], strict=False)):
            gap = float(word["x0"]) - float(prev["x1"])
            wide = gap > TAB_GAP * size and not (i == 0 and _LIST_MARKER.match(prev["text"]))
            parts.append("\t" if wide else " ")
            parts.append(word["text"])
        first = line_words[0]
        blocks.append(_Block(
            "".join(parts), float(min(w["top"] for w in line_words)),
            float(max(w["bottom"] for w in line_words)), float(first["x0"]),
            float(line_words[-1]["x1"]), size, float(first["x1"]) - float(first["x0"]),
            len(line_words)))
    return blocks


def _join_paragraphs(pages: list[_PageBlocks]) -> list[tuple[str, int]]:
    """Lines of text (with their page) after joining the wrapped lines of each paragraph,
    also over a page break, with an empty line between paragraphs and around tables."""
    right_edges = _right_edges(pages)
    out: list[tuple[str, int]] = []
    carry: tuple[int, _Block] | None = None  # a paragraph that may go on over the page
    for number, width, height, blocks in pages:
        right = right_edges[round(width)]
        header, body, footer = _page_furniture(blocks, height)
        for block in header:
            _add(out, block.text, number)
        prev: _Block | None = None
        index = -1  # where in ``out`` prev's paragraph is
        for block in body:
            if block.table:
                if prev is not None and not prev.table:
                    _add(out, "", number)
                _add(out, block.text, number)
                prev, carry = block, None
                continue
            if prev is None and carry is not None and _continues(carry[1], block, right,
                                                                  over_page=True):
                index = carry[0]
                prev = _joined(out, index, carry[1], block)
                continue
            if prev is not None and not prev.table and _continues(prev, block, right):
                prev = _joined(out, index, prev, block)
                continue
            if (prev is not None and not prev.table
                    and block.top - prev.bottom > PARAGRAPH_GAP * max(prev.size, 1.0)):
                _add(out, "", number)
            _add(out, block.text, number)
            index, prev = len(out) - 1, block
        carry = (index, prev) if prev is not None and not prev.table else None
        for block in footer:
            _add(out, block.text, number)
        _add(out, "", number)
    while out and not out[-1][0]:
        out.pop()
    return out


def _add(out: list[tuple[str, int]], text: str, page: int) -> None:
    """Append a line; empty lines only after text and never two in a row."""
    if text or (out and out[-1][0]):
        out.append((text, page))


def _joined(out: list[tuple[str, int]], index: int, prev: _Block, block: _Block) -> _Block:
    text, page = out[index]
    out[index] = (join_wrapped(text, block.text), page)
    return _Block(block.text, block.top, block.bottom, prev.x0, block.x1, block.size,
                  block.first_word_width, block.words)


def _page_furniture(blocks: list[_Block], height: float
                    ) -> tuple[list[_Block], list[_Block], list[_Block]]:
    """(header, body, footer): a short line alone at the top or foot of the page, set apart
    from the body by a wide gap, is a running header or footer ("Page 12")."""
    header: list[_Block] = []
    footer: list[_Block] = []
    body = list(blocks)

    def furniture(block: _Block, neighbour: _Block, gap: float) -> bool:
        return (not block.table and block.words <= 8 and "\t" not in block.text
                and gap > 1.5 * max(block.size, 1.0))

    if len(body) >= 2 and body[-1].top > 0.85 * height and furniture(
            body[-1], body[-2], body[-1].top - body[-2].bottom):
        footer.append(body.pop())
    if len(body) >= 2 and body[0].bottom < 0.12 * height and furniture(
            body[0], body[1], body[1].top - body[0].bottom):
        header.append(body.pop(0))
    return header, body, footer


def _continues(prev: _Block, block: _Block, right: float, over_page: bool = False) -> bool:
    """Whether ``block`` is the next line of ``prev``'s paragraph: the same size of type,
    close below it (or at the top of the next page), about as far left, and ``prev`` ends
    where its next word would not have fitted."""
    size = max(prev.size, 1.0)
    if "\t" in prev.text or "\t" in block.text or abs(prev.size - block.size) > 0.6:
        return False
    if block.text.startswith(_BULLETS):
        return False
    if not over_page and not 0 <= block.top - prev.bottom <= PARAGRAPH_GAP * size:
        return False
    if over_page and prev.text.rstrip().endswith(_SENTENCE_ENDS) and not block.text[:1].islower():
        return False
    if abs(block.x0 - prev.x0) > 3 * size:
        return False
    return prev.x1 + 0.3 * size + block.first_word_width >= right - 0.3 * size


def _right_edges(pages: list[_PageBlocks]) -> dict[int, float]:
    """The right margin of the text on pages of each width: where full lines end."""
    by_width: dict[int, list[float]] = {}
    for _, width, _, blocks in pages:
        ends = by_width.setdefault(round(width), [])
        ends.extend(b.x1 for b in blocks if not b.table and b.words >= 4 and "\t" not in b.text)
    edges = {}
    for width, ends in by_width.items():
        if len(ends) >= 5:
            ends.sort()
            edges[width] = ends[int(0.9 * (len(ends) - 1))]
        else:
            edges[width] = max(ends) if ends else float(width)
    return edges


def _metadata(pdf) -> dict[str, str]:
    info = {}
    try:
        raw = pdf.metadata or {}
    except Exception:
        return {}
    for key, label in (("Title", "title"), ("Author", "author"), ("Subject", "subject"),
                       ("CreationDate", "created"), ("ModDate", "modified")):
        value = raw.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if value is None:
            continue
        text = " ".join(str(value).split())[:500]
        if label in ("created", "modified"):
            text = _pdf_date(text)
        if text:
            info[label] = text
    return info


def _pdf_date(text: str) -> str:
    """ "D:20180122093000+00'00'" → "2018-01-22T09:30:00" (as much as is printed)."""
    digits = text.removeprefix("D:")[:14]
    if len(digits) < 8 or not digits[:8].isdigit():
        return text
    out = f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    if len(digits) >= 14 and digits.isdigit():
        out += f"T{digits[8:10]}:{digits[10:12]}:{digits[12:14]}"
    return out
