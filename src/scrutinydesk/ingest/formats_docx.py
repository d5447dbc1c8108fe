"""Word (DOCX) papers as lines: the body walked in order, paragraphs and tables.

A paragraph is a line (its TABs kept, a manual line break starting a new line) followed by
an empty line, as paragraphs are set apart in text converted from a paper; a table row
is a line of TAB-separated cells, a cell's paragraphs joined with a space, a merged cell
given once; a table nested in a cell follows its row. ``Line.page`` counts pages from 1
using the breaks Word recorded when it last laid the document out
(``w:lastRenderedPageBreak``) where there are any, else the explicit breaks: page breaks,
"page break before" paragraphs and section breaks. ZIP bombs are refused before parsing.
"""

from __future__ import annotations

import io
import zipfile

from scrutinydesk.core.vocab import MediaType

from .errors import MalformedPaper, PaperTooLarge, UnsupportedFormat
from .text import Line, Paper

MB = 1024 * 1024
MAX_UNCOMPRESSED = 200 * MB
MAX_MEMBERS = 5000
MAX_ELEMENTS = 2_000_000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt"
_SKIP = frozenset({f"{W}delText", f"{W}instrText", f"{W}delInstrText", f"{W}drawing",
                   f"{W}pict", f"{W}object", f"{MC}AlternateContent", f"{W}footnoteReference",
                   f"{W}endnoteReference", f"{W}commentReference", f"{W}rPr", f"{W}pPr"})


def read_docx(data: bytes, name: str, *, max_bytes: int) -> Paper:
    _check_zip(data, name, max_bytes)
    import docx
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError,
            etree.XMLSyntaxError) as exc:
        raise UnsupportedFormat(
            f"the Word document is damaged or truncated ({type(exc).__name__}: "
            f"{str(exc)[:200]})", source=name, expected="an undamaged Word (.docx) document"
        ) from exc
    except Exception as exc:
        raise UnsupportedFormat(
            f"the Word document could not be opened ({type(exc).__name__}: {str(exc)[:200]})",
            source=name, expected="an undamaged Word (.docx) document") from exc
    body = document.element.body
    rendered = next(body.iter(f"{W}lastRenderedPageBreak"), None) is not None
    walker = _Walker(rendered, name, _section_breaks(body))
    walker.walk_container(body)
    lines = walker.lines
    while lines and not lines[-1][0].strip():
        lines.pop()
    if not any(text.strip() for text, _ in lines):
        raise MalformedPaper("the Word document has no text", source=name,
                             expected="a Word document with paragraphs or tables of text")
    paper = Paper(name=name, lines=[Line(i, text, page) for i, (text, page)
                                    in enumerate(lines, start=1)],
                  media_type=MediaType.DOCX, page_count=walker.page, metadata=_metadata(document))
    return paper


def _check_zip(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse ZIP bombs by the sizes in the ZIP's directory, before anything is inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnsupportedFormat(f"the Word document is damaged or truncated ({exc})",
                                source=name, expected="an undamaged Word (.docx) document"
                                ) from exc
    if len(members) > MAX_MEMBERS:
        raise PaperTooLarge(f"the Word document holds {len(members)} files; the most accepted "
                            f"is {MAX_MEMBERS}", source=name,
                            expected="an ordinary Word (.docx) document")
    total = sum(max(m.file_size, 0) for m in members)
    limit = min(10 * max_bytes, MAX_UNCOMPRESSED)
    if total > limit:
        raise PaperTooLarge(
            f"the Word document would unpack to {total / MB:.1f} MB; the most accepted is "
            f"{limit / MB:.0f} MB (is it a ZIP bomb?)", source=name,
            expected=f"a Word document that unpacks to at most {limit / MB:.0f} MB")


def _section_breaks(body) -> set:
    """The paragraphs that end a section followed by a new page (held in the set, so lxml
    keeps their proxies and ``in`` finds them). A section's ``w:sectPr`` sits in its last
    paragraph; how the *next* section starts (``w:type``,
    "nextPage" unless said otherwise) tells whether a page break follows."""
    ends = []  # (paragraph, sectPr) in order; the body's own sectPr is the last section
    for child in body.iterchildren(_P, f"{W}sectPr"):
        sect = child if child.tag == f"{W}sectPr" else child.find(f"{W}pPr/{W}sectPr")
        if sect is not None:
            ends.append((child, sect))
    breaks = set()
    for (paragraph, _), (_, following) in zip(ends, ends[1:], strict=False):
        start = following.find(f"{W}type")
        if start is None or start.get(f"{W}val") != "continuous":
            breaks.add(paragraph)
    return breaks


class _Walker:
    """Walks the body without recursing in Python over the XML (tables nest only through
    an explicit stack)."""

    def __init__(self, rendered: bool, name: str, section_breaks: set | None = None):
        self.rendered = rendered
        self.section_breaks = section_breaks or set()
        self.name = name
        self.page = 1
        self.lines: list[tuple[str, int]] = []
        self.elements = 0

    def walk_container(self, container) -> None:
        """Paragraphs and tables of the body (or of a content control), in order."""
        for el in self._blocks(container):
            if el.tag == _P:
                self._paragraph(el)
            elif el.tag == _TBL:
                self._blank()
                self._table(el)
                self._blank()

    def _blocks(self, container):
        """Every element of ``container`` in order, inside content controls too (counted
        against the size limit, without recursion)."""
        stack = [iter(container)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            self._count()
            if el.tag == _SDT:
                content = el.find(f"{W}sdtContent")
                if content is not None:
                    stack.append(iter(content))
            else:
                yield el

    def _count(self) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise PaperTooLarge(f"the Word document has more than {MAX_ELEMENTS:,} parts",
                                source=self.name, expected="an ordinary Word document")

    def _paragraph(self, p) -> None:
        if not self.rendered and self._breaks_before(p):
            self._new_page()
        for text, page in self._paragraph_pieces(p):
            for part in text.split("\n"):
                if part.strip():
                    self.lines.append((part, page))
                else:
                    self._blank()
        self._blank()  # paragraphs are set apart, as in text converted from the paper
        if not self.rendered and p in self.section_breaks:
            self._new_page()

    def _blank(self) -> None:
        """An empty line, never two in a row nor at the start."""
        if self.lines and self.lines[-1][0].strip():
            self.lines.append(("", self.page))

    def _breaks_before(self, p) -> bool:
        flag = p.find(f"{W}pPr/{W}pageBreakBefore")
        return flag is not None and flag.get(f"{W}val", "true") not in ("0", "false", "off")

    def _new_page(self) -> None:
        self.page += 1

    def _paragraph_pieces(self, p) -> list[tuple[str, int]]:
        """The paragraph's text with its page, split where an explicit page break falls;
        moves ``self.page`` past the paragraph's breaks. A paragraph that runs on over a
        rendered page break stays on the page where it starts."""
        pieces: list[tuple[str, int]] = []
        parts: list[str] = []
        runs_on = 0
        stack = [iter(p)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            self._count()
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                parts.append(el.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                if el.get(f"{W}type") != "page":
                    parts.append("\n")
                elif not self.rendered:
                    if "".join(parts).strip():
                        pieces.append(("".join(parts), self.page))
                    parts = []
                    self._new_page()
            elif tag == f"{W}lastRenderedPageBreak":
                if "".join(parts).strip():
                    runs_on += 1
                else:
                    self._new_page()
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif len(el):
                stack.append(iter(el))
        text = "".join(parts)
        if text or not pieces:
            pieces.append((text, self.page))
        self.page += runs_on
        return [(_clean(text), page) for text, page in pieces]

    def _table(self, tbl) -> None:
        """Rows of the table as lines; nested tables follow the row that holds them."""
        pending = [tbl]
        while pending:
            table = pending.pop(0)
            for tr in table.iterchildren(_TR):
                self._count()
                cells, nested = [], []
                for tc in tr.iterchildren(_TC):
                    vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                    if vmerge is not None and vmerge.get(f"{W}val") != "restart":
                        cells.append("")  # the merged cell's text is in the row above
                        continue
                    cells.append(self._cell_text(tc, nested))
                if any(c.strip() for c in cells):
                    self.lines.append(("\t".join(cells), self.page))
                for inner in nested:
                    self._table(inner)

    def _cell_text(self, tc, nested: list) -> str:
        texts = []
        for el in self._blocks(tc):
            if el.tag == _P:
                for text, _ in self._paragraph_pieces(el):
                    texts.append(" ".join(text.replace("\t", " ").split()))
            elif el.tag == _TBL:
                nested.append(el)
        return " ".join(t for t in texts if t)


def _clean(text: str) -> str:
    return text.replace("\x00", "").replace("\r", "")


def _metadata(document) -> dict[str, str]:
    info: dict[str, str] = {}
    try:
        props = document.core_properties
        values = {"title": props.title, "author": props.author, "subject": props.subject,
                  "created": props.created.isoformat() if props.created else "",
                  "modified": props.modified.isoformat() if props.modified else ""}
    except Exception:
        return info
    for key, value in values.items():
        text = " ".join(str(value or "").split())[:500]
        if text:
            info[key] = text
    return info
