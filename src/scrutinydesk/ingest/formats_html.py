"""HTML papers (a saved council "meeting documents" page, or any HTML paper) as lines.

Lines come out the way a browser's copied text looks: block elements start new lines (with
a blank line around paragraphs), a table row whose cells each hold one line becomes one line
of TAB-separated cells, other rows are laid out cell after cell, ``<img alt>`` text stays
inline ("Minutes pdf icon PDF 179 KB"). Scripts, styles, frames, objects, forms' controls and
comments are dropped; nothing is fetched or run. The tree is walked iteratively and the work
is bounded (nesting depth, number of elements).
"""

from __future__ import annotations

import re

from lxml import etree

from scrutinydesk.core.vocab import MediaType

from .errors import MalformedPaper, PaperTooLarge
from .text import Paper

MAX_ELEMENTS = 400_000
MAX_TAGS = 1_000_000  # "<" characters in the file: checked before parsing

_SKIP = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "audio", "video", "head", "select", "option",
    "textarea", "input", "button", "datalist", "map",
    "nav", "footer",  # a site's navigation and page footer ("Copyright ... Council") are no content
})
# Blocks with a blank line around them, and blocks that only start a new line.
_BLOCK2 = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre",
    "hr", "figure", "address",
})
_BLOCK1 = frozenset({
    "div", "li", "dt", "dd", "section", "article", "header", "footer", "nav", "main",
    "aside", "caption", "figcaption", "fieldset", "legend", "details", "summary", "center",
    "body", "html", "form", "tbody", "thead", "tfoot", "menu", "dir", "hgroup", "search",
})

_NEWLINE = 0  # <br>: a line break of its own
_TAB = -1  # between the cells of a laid-out row
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
_SPACES = re.compile(r" {2,}")
_TAB_SPACES = re.compile(r" *\t *")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

Token = str | int


def read_html(text: str, name: str) -> Paper:
    """Lines of an HTML page (already decoded to ``text``)."""
    if text.count("<") > MAX_TAGS:
        raise PaperTooLarge(f"the HTML page has more than {MAX_TAGS:,} tags", source=name,
                            expected="an HTML page of ordinary size")
    parser = etree.HTMLParser(recover=True, no_network=True, remove_comments=True,
                              remove_pis=True, remove_blank_text=False, huge_tree=False,
                              encoding="utf-8", default_doctype=False)
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise MalformedPaper(f"the HTML page could not be parsed ({exc})", source=name,
                             expected="an HTML page") from exc
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            # lxml's own hint ("use XML_PARSE_HUGE option") is advice for programmers
            detail = re.sub(r",?\s*use XML_PARSE_HUGE option", "", entry.message.strip(),
                            flags=re.I).strip(" ,")
            raise MalformedPaper(
                f"the HTML page is nested too deeply to be read ({detail})",
                source=name, line=entry.line or None,
                expected="an HTML page nested fewer than 256 elements deep")
    if root is None:
        raise MalformedPaper("the HTML page has no content", source=name,
                             expected="an HTML page with text")
    lines, title = html_lines(root, name)
    if not any(line.strip() for line in lines):
        raise MalformedPaper("the HTML page has no text", source=name,
                             expected="an HTML page with text")
    paper = Paper.from_text("\n".join(lines), name, media_type=MediaType.HTML)
    if title:
        paper.metadata["title"] = title
    return paper


def html_lines(root: etree._Element, name: str = "page") -> tuple[list[str], str]:
    """(lines, title) of a parsed HTML tree, walked without recursion."""
    buffers: list[list[Token]] = [[]]  # the document, then one per open table cell
    rows: list[list[list[Token]]] = []  # cells of each open table row
    title = ""
    pre = 0
    count = 0
    skipped = None  # the element whose subtree was skipped: its end event comes next
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            count += 1
            if count > MAX_ELEMENTS:
                raise PaperTooLarge(f"the HTML page has more than {MAX_ELEMENTS:,} elements",
                                    source=name, expected="an HTML page of ordinary size")
            if tag == "head" and not title:
                title = _squash(el.findtext("title") or "")[:500]
            if not tag or tag in _SKIP or (el.attrib and _is_hidden(el)):
                walker.skip_subtree()
                skipped = el
                continue
            out = buffers[-1]
            if tag == "tr":
                rows.append([])
            elif tag in ("td", "th"):
                buffers.append([])
            elif tag == "br":
                out.append(_NEWLINE)
            elif tag == "img":
                alt = _squash(el.get("alt") or "")
                if alt:
                    out.append(f" {alt[:500]} ")
            elif tag in _BLOCK2:
                out.append(2)
            elif tag in _BLOCK1:
                out.append(1)
            if tag == "pre":
                pre += 1
            if el.text:
                _add_text(buffers[-1], el.text, pre)
        else:
            if el is skipped:
                if el.tail:
                    _add_text(buffers[-1], el.tail, pre)
                continue
            if tag in ("td", "th") and len(buffers) > 1:
                cell = buffers.pop()
                if rows:
                    rows[-1].append(cell)
                else:  # a cell outside any row: a block of its own
                    buffers[-1].extend([1, *cell, 1])
            elif tag == "tr" and rows:
                buffers[-1].extend(_row_tokens(rows.pop()))
            elif tag in _BLOCK2:
                buffers[-1].append(2)
            elif tag in _BLOCK1:
                buffers[-1].append(1)
            if tag == "pre":
                pre -= 1
            if el.tail:
                _add_text(buffers[-1], el.tail, pre)
    while len(buffers) > 1:  # unclosed cells (the parser normally closes them)
        cell = buffers.pop()
        buffers[-1].extend([1, *cell, 1])
    return clean_lines(_render(buffers[0]).split("\n")), title


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and len(style) < 2000 and _HIDDEN_STYLE.search(style))


def _add_text(out: list[Token], text: str, pre: int) -> None:
    if pre:
        for i, part in enumerate(text.split("\n")):
            if i:
                out.append(_NEWLINE)
            if part:
                out.append(part.replace("\t", " "))
    else:
        out.append(_WHITESPACE.sub(" ", text))


def _row_tokens(cells: list[list[Token]]) -> list[Token]:
    """A row of one-line cells becomes one TAB-separated line; other rows are laid out cell
    after cell (innerText-style), each cell's blocks on lines of their own."""
    cell_lines = [[ln for ln in clean_lines(_render(c).split("\n")) if ln] for c in cells]
    if all(len(lines) <= 1 for lines in cell_lines):
        text = "\t".join(lines[0].replace("\t", " ") if lines else "" for lines in cell_lines)
        return [1, text, 1] if text.strip() else []
    out: list[Token] = [1]
    for i, tokens in enumerate(cells):
        if i:
            out.append(_TAB)
        out.extend(tokens)
    out.append(1)
    return out


def _render(tokens: list[Token]) -> str:
    """Join tokens: runs of required line breaks collapse to the largest (1 = new line,
    2 = blank line), and vanish at the start and end."""
    out: list[str] = []
    pending = 0
    line_has_text = False
    for token in tokens:
        if token.__class__ is int:
            if token == _NEWLINE:
                out.append("\n")
                pending = 0
                line_has_text = False
            elif token == _TAB:
                if pending and out:
                    out.append("\n" * pending)
                pending = 0
                out.append("\t")
                line_has_text = True
            else:
                pending = max(pending, token)
            continue
        if (pending or not line_has_text) and not token.strip():
            continue
        if pending and out:
            out.append("\n" * pending)
        pending = 0
        out.append(token)
        line_has_text = True
    return "".join(out)


def clean_lines(lines: list[str]) -> list[str]:
    """Spaces collapsed (non-breaking spaces too), TABs kept, white-space-only lines empty,
    runs of empty lines reduced to one, none at the start or end."""
    out: list[str] = []
    for raw in lines:
        line = raw.replace("\xa0", " ").replace("\u200b", "")
        if "  " in line:
            line = _SPACES.sub(" ", line)
        if "\t" in line:
            line = _TAB_SPACES.sub("\t", line)
        line = line.strip(" ")
        if not line.strip():
            line = ""
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _squash(text: str) -> str:
    return _WHITESPACE.sub(" ", text.replace("\xa0", " ")).strip()
