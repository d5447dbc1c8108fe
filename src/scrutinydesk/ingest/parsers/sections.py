"""A long report (a self-evaluation, an annual report) split into its sections.

The contents list gives each section's number, title and page ("4.5 Child Protection 26",
"c. Child Protection Plans 27"); each entry is then found as a heading in the body, in the
order listed, and the section's text runs to the next heading found. A lettered entry is
numbered under the numbered entry above it ("4.5c"). Without a contents list, numbered
headings that run in order ("1", "1.1", "1.2", "2") are taken instead, and the page is the
one the paper prints, where it does.
"""

from __future__ import annotations

import re

from scrutinydesk.ingest.records import ParsedReportSection, SourceRef
from scrutinydesk.ingest.text import Line, Paper

CONTENTS_START = re.compile(r"^\s*(?:Table of )?Contents\s*$", re.I)
_ENTRY_NUMBER = re.compile(r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?|(?P<letter>[a-z])[.)])"
                           r"(?:\s+|$)")
_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})?)\.?\s+(?P<title>[A-Z].{1,118})$")
_LEADERS = re.compile(r"[\s.…·_]+$")


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _entry(line: Line) -> tuple[str, str, str, int] | None:
    """(number, letter, title, page) of one contents line, or None when it is not one."""
    cells = [c.strip() for c in line.text.split("\t") if c.strip()]
    if len(cells) < 2 or not cells[-1].isdigit() or len(cells[-1]) > 3:
        return None
    words = " ".join(cells[:-1])
    m = _ENTRY_NUMBER.match(words)
    number = m.group("num") if m and m.group("num") else ""
    letter = m.group("letter") if m and m.group("letter") else ""
    title = _LEADERS.sub("", words[m.end():] if m else words).strip()
    if not title:
        return None
    return number, letter, title, int(cells[-1])


def contents(paper: Paper) -> tuple[list[tuple[str, str, int]], int]:
    """The contents list as (number, title, page), and the index of the first line after
    it; ([], 0) when the paper has none near its start."""
    lines = paper.lines
    start = next((i for i, ln in enumerate(lines[:200]) if CONTENTS_START.match(ln.text)), None)
    if start is None:
        return [], 0
    out: list[tuple[str, str, int]] = []
    parent, end = "", start + 1
    for i in range(start + 1, len(lines)):
        if not lines[i].text.strip():
            continue
        entry = _entry(lines[i])
        if entry is None:
            break
        number, letter, title, page = entry
        if number:
            parent = number
            out.append((number, title, page))
        elif letter:
            out.append((f"{parent}{letter}", title, page))
        else:
            out.append(("", title, page))
        end = i + 1
    return out, end


def _heading_key(text: str) -> str:
    """A body line as a heading would be compared with a contents title."""
    text = text.strip().lstrip("#").strip()
    m = _ENTRY_NUMBER.match(text)
    return _key(_LEADERS.sub("", text[m.end():] if m else text))


def split_sections(paper: Paper) -> list[ParsedReportSection]:
    """The sections of ``paper``, from its contents list, else from numbered headings."""
    listed, body_start = contents(paper)
    body = paper.lines[body_start:]
    found = _found_from_contents(listed, body) if listed else _found_from_headings(body)
    sections = []
    for n, (index, number, title, page) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(body)
        text = "\n".join(ln.text.strip() for ln in body[index + 1:stop] if ln.text.strip())
        line = body[index]
        printed_page = page if page is not None else line.page
        sections.append(ParsedReportSection(
            number=number, title=title, page=printed_page, text=text,
            ref=SourceRef(page=printed_page, line=line.number)))
    return sections


def _found_from_contents(listed, body: list[Line]) -> list[tuple[int, str, str, int | None]]:
    """Each contents entry's heading in the body, searched for in the order listed; an entry
    whose heading is not printed is left out."""
    keys = [_heading_key(ln.text) if len(ln.text.strip()) <= 160 else "" for ln in body]
    found, cursor = [], 0
    for number, title, page in listed:
        want = _key(title)
        index = next((i for i in range(cursor, len(body)) if keys[i] == want), None)
        if index is None:
            continue
        found.append((index, number, title, page))
        cursor = index + 1
    return found


def _found_from_headings(body: list[Line]) -> list[tuple[int, str, str, int | None]]:
    """Numbered headings that run in order: the next top-level number, or the next
    sub-number of the current one."""
    found, top, sub = [], 0, 0
    for i, ln in enumerate(body):
        m = _HEADING.match(ln.text.strip()) if "\t" not in ln.text.strip() else None
        if not m:
            continue
        title = m.group("title").strip()
        if title.endswith(".") and len(title.split()) > 6:
            continue  # a numbered sentence, not a heading
        parts = [int(p) for p in m.group("num").split(".")]
        if len(parts) == 1 and parts[0] == top + 1:
            top, sub = parts[0], 0
        elif len(parts) == 2 and (parts[0] == top and parts[1] == sub + 1
                                  or parts[0] == top + 1 and parts[1] == 1):
            top, sub = parts
        else:
            continue
        found.append((i, m.group("num"), title, None))
    return found
