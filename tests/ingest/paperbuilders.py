"""Build test papers in other formats from a paper's text, the way councils publish them.

Every engineer's format tests use these (``from tests.ingest.paperbuilders import ...``):
write (or excerpt) a paper as text in the samples' form, then read it back from HTML, PDF
or DOCX with ``read_paper`` and check that the parser sees the same lines.

- ``text_to_html``: a ModernGov-like "meeting documents" page.
- ``text_to_pdf``: an A4 PDF (WeasyPrint) with TAB rows as ruled tables and a "Page N"
  footer on every page.
- ``text_to_docx``: a Word document (python-docx) with TAB rows as tables.
- ``html_to_pdf``: any HTML as a PDF (for layouts of your own); ``encrypted_pdf``: a
  password-protected PDF.
- ``comparable_lines``: a paper's non-empty lines, white space normalised, for comparing.

Lines holding a TAB are table rows; a run of adjacent rows with the same number of cells is
one table. "This page is intentionally left blank" stands on a page of its own in PDF and
DOCX. Empty lines are dropped (the round trip compares non-empty lines, see
``comparable_lines``).
"""

from __future__ import annotations

import html
import io
import re

from scrutinydesk.ingest.text import Paper

BLANK_PAGE = "This page is intentionally left blank"
NBSP = "\xa0"  # printed as a plain space in PDFs, so that lines wrap as in a council's PDF
_PDF_ICON = re.compile(r"^(?P<title>.*?)\s*pdf icon\s+(?P<format>PDF)\s+(?P<size>[\d.,]+\s*[KM]B)"
                       r"\s*$", re.I)
_FOOTER = re.compile(r"^Page \d{1,4}$")


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """The text as ("p", [line]), ("table", [row, ...]) and ("blank_page", [line]) blocks."""
    out: list[tuple[str, list[str]]] = []
    for raw in text.splitlines():
        if not raw.strip():
            out.append(("gap", []))
            continue
        if raw.strip() == BLANK_PAGE:
            out.append(("blank_page", [raw.strip()]))
        elif "\t" in raw:
            cells = raw.count("\t") + 1
            last = out[-1] if out else None
            if last and last[0] == "table" and last[1][-1].count("\t") + 1 == cells:
                last[1].append(raw)
            else:
                out.append(("table", [raw]))
        else:
            out.append(("p", [raw]))
    return [b for b in out if b[0] != "gap"]


# --- HTML -----------------------------------------------------------------------------------

def text_to_html(text: str, title: str = "Meeting documents") -> str:
    """A ModernGov-like page: the first line as the main heading, "Items"/"Minutes:" as
    sub-headings, TAB rows as table rows, other lines as paragraphs, and "… pdf icon PDF
    179 KB" lines as document links with an icon."""
    parts = []
    first = True
    for kind, lines in blocks(text):
        if kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row.split("\t")) + "</tr>\n"
                for row in lines)
            parts.append(f'<table class="mgStatsTable">\n{rows}</table>')
            continue
        line = lines[0].strip()
        if first:
            parts.append(f'<h1 class="mgMainTitleTxt">{_esc(line)}</h1>')
        elif line in ("Items", "Minutes:", "Additional documents:"):
            parts.append(f'<h2 class="mgSubItemTitleTxt">{_esc(line)}</h2>')
        elif m := _PDF_ICON.match(line):
            parts.append(
                f'<p class="mgAiTitleTxt"><a href="documents/s1/{_slug(m["title"])}.pdf" '
                f'title="{_esc(m["title"])}">{_esc(m["title"])} <img src="mgimages/pdf.png"'
                f' alt="pdf icon" width="16" height="16"> <span>{_esc(m["format"])} '
                f'{_esc(m["size"])}</span></a></p>')
        else:
            parts.append(f'<div class="mgWordPara"><p>{_esc(line)}</p></div>')
        first = False
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{_esc(title)}</title>\n"
        "<script>document.write('<p>not part of the paper</p>')</script>\n"
        "<style>.mgHide { display: none }</style></head>\n"
        "<body><div id=\"modgov\"><!-- ModernGov page -->\n"
        "<nav hidden><a href=\"/\">Home</a></nav>\n"
        f"{body}\n"
        "<noscript>Turn on JavaScript</noscript></div></body></html>\n")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "document"


# --- PDF ------------------------------------------------------------------------------------

_PDF_CSS = """
@page { size: A4; margin: 2cm 2cm 2.2cm 2cm;
        @bottom-center { content: "Page " counter(page);
                         font-family: "DejaVu Sans", "Liberation Sans", sans-serif;
                         font-size: 9pt } }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10pt;
       line-height: 1.25 }
p { margin: 0 0 8pt 0 }
p.blank-page { break-before: page; break-after: page; margin-top: 30%; text-align: center }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 12pt 0 }
td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; min-width: 1em }
tr { break-inside: avoid }
"""


def text_to_pdf(text: str, *, title: str = "", author: str = "") -> bytes:
    """An A4 PDF of the text: TAB rows as rows of a bordered table, other lines as
    paragraphs, "Page N" at the foot of every page, and a page break before and after each
    "This page is intentionally left blank". Non-breaking spaces print as spaces."""
    parts = []
    for kind, lines in blocks(text):
        if kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{_esc(c.strip())}</td>" for c in row.split("\t"))
                + "</tr>" for row in lines)
            parts.append(f"<table>{rows}</table>")
        elif kind == "blank_page":
            parts.append(f'<p class="blank-page">{_esc(lines[0])}</p>')
        else:
            parts.append(f"<p>{_esc(lines[0].replace(NBSP, ' ').strip())}</p>")
    head = f"<title>{_esc(title)}</title>" if title else ""
    if author:
        head += f'<meta name="author" content="{_esc(author)}">'
    return html_to_pdf(f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}"
                       f"<style>{_PDF_CSS}</style></head><body>{''.join(parts)}</body></html>")


def html_to_pdf(document: str) -> bytes:
    """A PDF of an HTML document (WeasyPrint, fonts of this machine, nothing fetched)."""
    import weasyprint

    def no_fetch(url: str, *args, **kwargs):
        raise ValueError(f"test papers fetch nothing ({url})")

    return weasyprint.HTML(string=document, url_fetcher=no_fetch).write_pdf()


# --- DOCX -----------------------------------------------------------------------------------

def text_to_docx(text: str) -> bytes:
    """A Word document of the text: TAB rows as tables (one per run of rows with the same
    number of cells), other lines as paragraphs, and a page break before and after each
    "This page is intentionally left blank"."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    body_started = False
    for kind, lines in blocks(text):
        if kind == "table":
            width = lines[0].count("\t") + 1
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for row in lines:
                cells = table.add_row().cells
                for cell, value in zip(cells, row.split("\t"), strict=True):
                    cell.text = value.strip()
        elif kind == "blank_page":
            if body_started:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            document.add_paragraph(lines[0])
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            document.add_paragraph(lines[0].strip())
        body_started = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- Comparing ------------------------------------------------------------------------------

def comparable_lines(paper: Paper) -> list[str]:
    """Non-empty lines with white space normalised within each TAB cell; trailing spaces
    ignored, TAB cell boundaries kept. Bare "Page N" footers are page furniture and left
    out, so that a PDF with footers compares with the text it was made from."""
    out = []
    for line in paper.lines:
        cells = [" ".join(c.replace("\xa0", " ").split()) for c in line.text.split("\t")]
        text = "\t".join(cells)
        if text.strip() and not _FOOTER.match(text.strip()):
            out.append(text)
    return out


# --- A password-protected PDF ---------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(text: str, user_password: str = "secret") -> bytes:
    """A one-page PDF showing ``text``, encrypted with the PDF standard security handler
    (revision 2, RC4 40-bit) so that it opens only with ``user_password`` — as a council's
    password-protected paper would."""
    import hashlib

    def pad(password: str) -> bytes:
        return (password.encode("latin-1") + _PAD)[:32]

    file_id = hashlib.md5(text.encode("utf-8")).digest()
    owner = _rc4(hashlib.md5(pad("owner-" + user_password)).digest()[:5], pad(user_password))
    permissions = -44
    key = hashlib.md5(pad(user_password) + owner + permissions.to_bytes(4, "little", signed=True)
                      + file_id).digest()[:5]
    user = _rc4(key, _PAD)

    def encrypt(number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(key + number.to_bytes(3, "little") + b"\x00\x00").digest()
        return _rc4(object_key[:10], data)

    shown = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = encrypt(4, f"BT /F1 12 Tf 72 720 Td ({shown}) Tj ET".encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <"
        + user.hex().encode() + b"> /P %d >>" % permissions,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>\n"
            % (len(objects) + 1, file_id.hex().encode(), file_id.hex().encode()))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
