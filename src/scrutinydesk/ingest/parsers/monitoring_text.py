"""Lines of a monitoring report as the report parser reads them: cells cleaned of markup.

The cleaning here does what ``common.strip_markup`` does, with every pattern bounded so a
line of many thousand "[" or "<" characters is read in linear time.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..records import SourceRef
from ..text import Line, Paper
from .common import PAGE_ARTEFACT

MAX_LINE = 50_000  # characters of one line that are read; the rest is ignored

_BLOCK_TAGS = re.compile(r"</?(?:p|li|ul|ol|div|tr|br|h[1-6]|table|tbody|thead)\b[^<>]{0,500}>",
                         re.I)
_CELL_TAGS = re.compile(r"</?(?:td|th)\b[^<>]{0,500}>", re.I)
_ANY_TAG = re.compile(r"<[^<>]{0,500}>")
_MD_LINK = re.compile(r"\[([^\[\]]{0,500})\]\([^()\[\]]{0,500}\)")
_BULLET = re.compile(r"\s*[•●▪■◦§·\uf0b7\uf0a7]\s+")
_SPACES = re.compile(r"[ \t\u00a0]+")


def cell_lines(text: str) -> list[str]:
    """A cell of inline HTML, markdown and bullets as lines of plain text."""
    text = _BLOCK_TAGS.sub("\n", text)
    text = _CELL_TAGS.sub(" ", text)
    text = _ANY_TAG.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = html.unescape(text).replace("**", "")
    text = _BULLET.sub("\n", text)
    out = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if re.match(r"^[-–*]\s", line):
            line = line[1:].strip()
        if line:
            out.append(line)
    return out


def plain(text: str) -> str:
    """A cell as one line of plain text."""
    return " ".join(cell_lines(text))


@dataclass(slots=True)
class Row:
    """One line of the paper: its cells cleaned of markup, and the cells joined."""

    index: int  # position in the list of rows
    line: Line
    cells: list[str]  # cleaned cells, empty ones kept so columns line up
    flat: str  # non-empty cells joined with single spaces
    footer: bool = False  # what is left of a page footer ("e 72")

    @property
    def blank(self) -> bool:
        return not self.flat

    @property
    def artefact(self) -> bool:
        """A page footer or "this page is intentionally left blank": not a gap in the text."""
        return self.footer or bool(PAGE_ARTEFACT.match(self.line.text[:200]))

    @property
    def filled(self) -> list[str]:
        return [c for c in self.cells if c]

    @property
    def ref(self) -> SourceRef:
        return SourceRef(page=self.line.page, line=self.line.number)


_FOOTER = re.compile(r"^\s*Page\s+(\d{1,4})\s*(?:\t|$)")
_FOOTER_TAIL = re.compile(r"^\s*(P|Pa|Pag|Page|a|ag|age|g|ge|e)\s?(\d{1,4})\s*$")


def fill_pages(lines: list[Line]) -> tuple[list[Line], set[int]]:
    """Pages the "Page N" footers leave unknown but the paper shows: a footer of which only
    its end survives ("e 72" between the footers of pages 71 and 73), and the first page
    before its footer when it is no longer than the paper's other pages. Known pages are
    never changed. Also returns the indexes of the lines that are such broken footers."""
    if all(line.page is not None for line in lines):
        return lines, set()
    full = [(i, int(m[1])) for i, line in enumerate(lines)
            if (m := _FOOTER.match(line.text[:40]))]
    if not full:
        return lines, set()
    markers = list(full)
    for i, line in enumerate(lines):
        m = _FOOTER_TAIL.match(line.text[:40]) if line.page is None else None
        if not m:
            continue
        number = int(m[2])
        before = max((p for j, p in full if j < i), default=None)
        after = min((p for j, p in full if j > i), default=None)
        if before is not None and after is not None and before < number < after:
            markers.append((i, number))
    tails = {i for i, _ in markers} - {i for i, _ in full}
    markers.sort()
    pages: list[int | None] = [line.page for line in lines]
    lengths = [b - a for (a, pa), (b, pb) in zip(markers, markers[1:], strict=False)
               if pb - pa == 1]
    for i, number in markers:
        pages[i] = number if pages[i] is None else pages[i]
    first_index, first_page = markers[0]
    if lengths and first_index <= max(lengths):
        for i in range(first_index):
            pages[i] = first_page if pages[i] is None else pages[i]
    for (a, pa), (b, pb) in zip(markers, markers[1:], strict=False):
        if pb - pa != 1:
            continue
        for i in range(a + 1, b + 1):
            pages[i] = pb if pages[i] is None else pages[i]
    return [line if line.page == page else Line(line.number, line.text, page)
            for line, page in zip(lines, pages, strict=True)], tails


def rows_of(paper: Paper) -> list[Row]:
    rows = []
    lines, footers = fill_pages(paper.lines)
    for i, line in enumerate(lines):
        text = line.text[:MAX_LINE]
        if PAGE_ARTEFACT.match(text) or i in footers:
            cells: list[str] = []
        else:
            cells = [plain(c) for c in text.split("\t")]
            while cells and not cells[-1]:
                cells.pop()
        rows.append(Row(i, line, cells, " ".join(c for c in cells if c), i in footers))
    return rows


def join_fragments(parts: list[str], *, mend_words: bool = False) -> str:
    """Pieces of one phrase split over lines (or, with ``mend_words``, over the cells of one
    line, where a word can be broken inside: "safeguar" + "ding"), joined. A year broken
    after its hyphen ("2017-" + "18)") is mended either way."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif (mend_words and out[-1].isalpha() and part[0].islower()) or (
                out[-1] in "-–" and part[0].isdigit() and out[-2:-1].isdigit()):
            out += part
        else:
            out += " " + part
    return out


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’]*", text or "")


def is_prose(text: str, minimum: int = 3) -> bool:
    """At least ``minimum`` words of letters: a sentence or title, not chart debris."""
    return len([w for w in words(text) if len(w) > 1]) >= minimum


def span_ref(first: Row, last: Row | None = None) -> SourceRef:
    ref = first.ref
    if last is not None and last.line.page is not None and last.line.page != ref.page:
        ref.page_end = last.line.page
    return ref
