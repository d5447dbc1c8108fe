"""The agenda pack: front sheet, agenda with page numbers, then the papers, numbered
continuously (docs/methodology.md, "Agenda pack").

The front sheet and agenda are rendered by WeasyPrint; an uploaded PDF is appended as it
is (pypdfium2); a paper in another format (DOCX, HTML, text) or one with no file but a
report cover sheet is rendered to PDF pages first. Every page then gets "Page N" at its
foot. The papers of public items come first, in agenda order; the members' pack then adds
the exempt papers (of exempt items, and exempt appendices), so a public item starts on the
same page in both packs. The public pack prints an exempt item's title and the Schedule 12A
notice, and none of its papers. What each pack holds is decided by the visibility layer.
"""

from __future__ import annotations

import ctypes
import html
import io
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string

from scrutinydesk.committees.models import AgendaItem, Document, Meeting
from scrutinydesk.core.vocab import MediaType

from .vocab import schedule_12a_notice


class PackError(Exception):
    """A paper could not be put in the pack; nothing is published."""


@dataclass
class Paper:
    """One paper in the pack, rendered."""

    document: Document
    item: AgendaItem | None
    pdf: pdfium.PdfDocument
    exempt: bool
    first_page: int = 0
    pages: int = 0

    def __post_init__(self):
        self.pages = len(self.pdf)

    @property
    def last_page(self) -> int:
        return self.first_page + self.pages - 1


@dataclass
class AgendaLine:
    """An item as the agenda prints it."""

    item: AgendaItem
    withheld: bool  # an exempt item in the public pack: title and notice only
    notice: str
    papers: list[Paper] = field(default_factory=list)

    @property
    def main_papers(self) -> list[Paper]:
        """The papers the item's page range covers: an exempt item's papers, or a public
        item's public ones (its exempt appendices come later in the members' pack and are
        listed on their own)."""
        own = [p for p in self.papers if p.exempt == self.item.exempt]
        return own or self.papers

    @property
    def first_page(self) -> int | None:
        return self.main_papers[0].first_page if self.papers else None

    @property
    def last_page(self) -> int | None:
        return self.main_papers[-1].last_page if self.papers else None

    @property
    def pages(self) -> str:
        first, last = self.first_page, self.last_page
        if first is None:
            return ""
        return f"{first}" if first == last else f"{first}–{last}"


@dataclass
class BuiltPack:
    pdf: bytes
    page_count: int
    item_pages: dict[str, list[int]]  # item id → [first, last] as the agenda prints them
    lines: list[AgendaLine]


def build_pack(meeting: Meeting, *, members: bool) -> BuiltPack:
    """The meeting's agenda pack: the members' pack when ``members``, else the public one."""
    viewer = _MembersPack() if members else AnonymousUser()
    items = list(AgendaItem.objects.visible_to(viewer).filter(meeting=meeting)
                 .order_by("position", "id"))
    documents = (Document.objects.visible_to(viewer).filter(meeting=meeting,
                                                            agenda_item__isnull=False)
                 .select_related("agenda_item").order_by("agenda_item__position", "id"))
    lines = {item.pk: AgendaLine(item=item, withheld=item.exempt and not members,
                                 notice=schedule_12a_notice(item.exempt_paragraph)
                                 if item.exempt else "")
             for item in items}
    papers = []
    for document in documents:
        if not has_pages(document):
            continue
        exempt = document.exempt or document.agenda_item.exempt
        papers.append(Paper(document=document, item=document.agenda_item,
                            pdf=render_document(document), exempt=exempt))
    # Public papers first, in agenda order; then the exempt ones (members' pack only).
    papers.sort(key=lambda p: (p.exempt, p.item.position, p.item.pk, p.document.pk))
    for paper in papers:
        lines[paper.item.pk].papers.append(paper)
    agenda_lines = [lines[item.pk] for item in items]

    front_pages = 1
    for _ in range(5):  # the agenda's length depends (rarely) on the numbers it prints
        page = front_pages + 1
        for paper in papers:
            paper.first_page = page
            page += paper.pages
        front = _render_front(meeting, agenda_lines, members=members)
        if len(front) == front_pages:
            break
        front_pages = len(front)
        front.close()
    else:  # pragma: no cover - the agenda's length never settles
        raise PackError("the agenda's page numbers could not be settled")

    pack = pdfium.PdfDocument.new()
    pack.import_pages(front)
    for paper in papers:
        pack.import_pages(paper.pdf)
    _number_pages(pack)
    out = io.BytesIO()
    pack.save(out)
    page_count = len(pack)
    for document in (pack, front, *(paper.pdf for paper in papers)):
        document.close()
    item_pages = {str(line.item.pk): [line.first_page, line.last_page]
                  for line in agenda_lines if line.papers}
    return BuiltPack(pdf=out.getvalue(), page_count=page_count, item_pages=item_pages,
                     lines=agenda_lines)


class _MembersPack(AnonymousUser):
    """The audience of the members' pack: those who may see exempt information."""

    is_anonymous = False
    is_authenticated = True
    is_active = True

    def has_perm(self, perm, obj=None):
        from scrutinydesk.core.visibility import VIEW_EXEMPT

        return perm == VIEW_EXEMPT


# --- rendering -------------------------------------------------------------------------

def _weasy(html_text: str) -> pdfium.PdfDocument:
    from weasyprint import HTML

    data = HTML(string=html_text, base_url=None, url_fetcher=_refuse_fetch).write_pdf()
    return pdfium.PdfDocument(data)


def _refuse_fetch(url, *args, **kwargs):
    """Papers are rendered from what was uploaded alone: nothing is fetched."""
    raise ValueError(f"{url[:80]} is not fetched when a pack is made")


def _render_front(meeting, lines, *, members: bool) -> pdfium.PdfDocument:
    return _weasy(render_to_string("clerk/pack/front.html", {
        "meeting": meeting, "lines": lines, "members": members,
        "holds_exempt": members and any(line.item.exempt or any(p.exempt for p in line.papers)
                                        for line in lines)}))


COVER_SHEET_FIELDS = ("subject", "officer", "executive_summary", "recommendation",
                      "reason_for_recommendation", "appendices", "background_papers")


def has_pages(document: Document) -> bool:
    """A paper goes in the pack when it was uploaded or its report cover sheet is known;
    one known by its title alone (a link on a meeting page) has nothing to print."""
    return bool(document.file) or any(getattr(document, f) for f in COVER_SHEET_FIELDS)


def render_document(document: Document) -> pdfium.PdfDocument:
    """A paper as PDF pages: its PDF as it is, other formats rendered."""
    if document.file:
        try:
            with document.file.open("rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise PackError(f"the file of “{document.title}” is missing ({exc})") from exc
        return _file_to_pdf(data, document)
    body = render_to_string("clerk/pack/cover_sheet.html", {"document": document})
    return _paper_pdf(document, body)


def _file_to_pdf(data: bytes, document: Document) -> pdfium.PdfDocument:
    from scrutinydesk.ingest.errors import PaperError
    from scrutinydesk.ingest.formats import decode_text, sniff_media_type

    name = document.file.name
    try:
        media_type = sniff_media_type(data, name)
        if media_type == MediaType.PDF:
            try:
                return pdfium.PdfDocument(data)
            except pdfium.PdfiumError as exc:
                raise PackError(f"“{document.title}” is not a PDF that can be read "
                                f"({exc})") from exc
        if media_type == MediaType.DOCX:
            body = docx_to_html(data)
        elif media_type == MediaType.HTML:
            body = _clean_html(decode_text(data, name))
        else:
            body = text_to_html(decode_text(data, name))
    except PaperError as exc:
        raise PackError(f"“{document.title}” could not be read: {exc}") from exc
    return _paper_pdf(document, body)


def _paper_pdf(document: Document, body: str) -> pdfium.PdfDocument:
    from django.utils.safestring import mark_safe

    return _weasy(render_to_string("clerk/pack/paper.html", {
        "document": document, "body": mark_safe(body)}))  # noqa: S308 - cleaned above


def text_to_html(text: str) -> str:
    """Plain text as paragraphs (a blank line between them), lines kept."""
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return "\n".join("<p>" + html.escape(b).replace("\n", "<br>") + "</p>"
                     for b in blocks if b.strip())


def _clean_html(text: str) -> str:
    import nh3

    tags = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "ul", "ol", "li", "table", "thead",
            "tbody", "tr", "th", "td", "caption", "strong", "b", "em", "i", "blockquote"}
    return nh3.clean(text, tags=tags, attributes={"td": {"colspan", "rowspan"},
                                                  "th": {"colspan", "rowspan", "scope"}})


def docx_to_html(data: bytes) -> str:
    """A Word document's headings, paragraphs, lists and tables, in order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    parts = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            text = html.escape(paragraph.text)
            if not text.strip():
                continue
            style = (paragraph.style.name if paragraph.style is not None else "").lower()
            if style.startswith("heading") or style == "title":
                level = style.removeprefix("heading").strip()
                level = int(level) + 1 if level.isdigit() and int(level) < 5 else 2
                parts.append(f"<h{level}>{text}</h{level}>")
            elif "list" in style:
                parts.append(f"<ul><li>{text}</li></ul>")
            else:
                parts.append(f"<p>{text}</p>")
        elif tag == "tbl":
            table = Table(block, document)
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(cell.text)}</td>"
                                            for cell in row.cells) + "</tr>"
                           for row in table.rows)
            parts.append(f"<table>{rows}</table>")
    return "\n".join(parts)


# --- page numbers ----------------------------------------------------------------------

FOOTER_FONT = "Helvetica"
FOOTER_SIZE = 10
FOOTER_FROM_BOTTOM = 20  # points


def _number_pages(pack: pdfium.PdfDocument) -> None:
    """"Page N" centred at the foot of every page, N counting from the front sheet."""
    font = pdfium_c.FPDFText_LoadStandardFont(pack.raw, FOOTER_FONT.encode())
    for index in range(len(pack)):
        page = pack[index]
        left, bottom, right, _top = page.get_cropbox()
        text = pdfium_c.FPDFPageObj_CreateTextObj(pack.raw, font, ctypes.c_float(FOOTER_SIZE))
        words = f"Page {index + 1}"
        encoded = (words + "\0").encode("utf-16-le")
        wide = (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded)
        pdfium_c.FPDFText_SetText(text, wide)
        width = FOOTER_SIZE * 0.5 * len(words)  # an estimate, corrected from the bounds
        l_, b_, r_, t_ = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(),
                          ctypes.c_float())
        if pdfium_c.FPDFPageObj_GetBounds(text, l_, b_, r_, t_):
            width = r_.value - l_.value
        x = left + (right - left - width) / 2
        pdfium_c.FPDFPageObj_Transform(text, 1, 0, 0, 1, x, bottom + FOOTER_FROM_BOTTOM)
        pdfium_c.FPDFPage_InsertObject(page.raw, text)
        if not pdfium_c.FPDFPage_GenerateContent(page.raw):
            raise PackError(f"page {index + 1} of the pack could not be numbered")
        page.close()
    pdfium_c.FPDFFont_Close(font)
