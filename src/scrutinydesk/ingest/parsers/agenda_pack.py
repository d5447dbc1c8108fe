"""Agenda packs: the front sheet, then each paper of the pack as a ``PackPart``.

Parts start where a paper's own signature appears: "Minutes of the meeting held ..." for
minutes, a cover sheet's "Date of Meeting" row for an officer's report (the committee and
council lines above it belong to the part), "<Committee> Work Programme" for the work
programme. Within a report, an "Appendix N" heading, or the first line after a page that
is "intentionally left blank", starts an appendix; an action table (with the plan title
above it) is an action plan nested inside its report or appendix. The Outcomes Focused
Monitoring Report runs from its cover sheet to the end of its appendices.

A cover sheet's "Subject of Report" names the agenda item it belongs to (matched on the
title, not on the date, which can differ from the meeting's). Each part takes its item's
pack page range, narrowed where the text carries printed page numbers; records read from
a part without page numbers of their own get the part's range.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers.action_plan import TITLE, find_action_tables, parse_action_plan
from scrutinydesk.ingest.parsers.agenda_pack_front import parse_front_sheet
from scrutinydesk.ingest.parsers.common import PAGE_ARTEFACT, find_dates
from scrutinydesk.ingest.parsers.coversheet import clean, is_cover_start, parse_cover_sheet
from scrutinydesk.ingest.parsers.work_programme import parse_work_programme
from scrutinydesk.ingest.records import (
    PackPart,
    ParsedAgendaItem,
    ParsedAgendaPack,
    ParsedCoverSheet,
    SourceRef,
)
from scrutinydesk.ingest.text import Line, Paper
from scrutinydesk.outcomes.titles import normalise_title, title_similarity

_MINUTES = re.compile(r"^\W{0,3}(?:DRAFT\s+)?Minutes of (?:the|a)\b", re.I)
_WORK_PROGRAMME = re.compile(r"\b(?:Work Programme|Forward Plan)\b", re.I)
_WP_SIGNATURE = re.compile(r"^\s*(?:Vice[- ]?)?Chair(?:man|person|woman)?\s*:|"
                           r"(?:Date of Meeting|Meeting date).{0,40}\bItem\b|Topics|"
                           r"Prioriti[sz]ation", re.I)
_APPENDIX = re.compile(r"^\s*(?:APPENDIX|Appendix)\s+(?:[A-Z]|\d{1,2}|One|Two|Three|Four)\b"
                       r"[^\t]{0,100}$")
_BLANK_PAGE = re.compile(r"intentionally left blank", re.I)
_RESTRICTED = re.compile(r"^\W{0,3}(?:(?:this\s+)?document\s+is\s+restricted|"
                         r"not\s+for\s+publication)\b", re.I)
_MONITORING = re.compile(r"\bmonitoring report\b", re.I)


@dataclass(slots=True)
class _Start:
    index: int  # position in paper.lines
    kind: str
    title: str


def looks_like_agenda_pack(paper: Paper) -> bool:
    """A cheap check: a front sheet with "Meeting:", "Date:", "Time:" or "Venue:" lines and
    numbered agenda items near the top."""
    head = [clean(ln.text) for ln in paper.lines[:250]]
    labels = {m.group(1).lower() for t in head[:120]
              if (m := re.match(r"^\s*(Meeting|Date|Time|Venue|Place)\s*:", t, re.I))}
    items = sum(1 for t in head if re.match(r"^\s*(?:\|\s*)?(?:<p>)?\d{1,2}\.\s+[A-Z]", t))
    return len(labels) >= 3 and items >= 2


def _header_start(lines: list[Line], index: int) -> int:
    """Move a part's start up over the committee/council header lines above it."""
    start, taken = index, 0
    for j in range(index - 1, max(-1, index - 9), -1):
        text = lines[j].text.strip()
        if not text:
            continue
        if (PAGE_ARTEFACT.match(text) or len(text) > 80 or re.search(r"[:\d.;]$|[:\d]", text)
                or "\t" in text or taken >= 3):
            break
        start, taken = j, taken + 1
    return start


def _minutes_title(lines: list[Line], index: int) -> str:
    """ "Minutes of the meeting held at ... on Tuesday, 18 December 2018", even when the
    date wraps onto the next line."""
    text = clean(lines[index].text)
    following = [ln for ln in lines[index + 1:index + 4] if ln.text.strip()]
    if not find_dates(text) and following and find_dates(clean(following[0].text)):
        text = f"{text} {clean(following[0].text)}"
    return re.sub(r"\s+", " ", text).strip()


def _top_starts(paper: Paper) -> list[_Start]:
    lines = paper.lines
    starts: list[_Start] = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if _MINUTES.match(text) and "\t" not in text:
            starts.append(_Start(_header_start(lines, i), "minutes", _minutes_title(lines, i)))
        elif is_cover_start(lines, i):
            starts.append(_Start(_header_start(lines, i), "report", ""))
        elif (_WORK_PROGRAMME.search(text) and len(text) <= 150 and "\t" not in text
              and not re.search(r"[|<>]", text) and not text.endswith(".")
              and not re.match(r"^\W{0,3}\d", text)
              and any(_WP_SIGNATURE.search(clean(n.text)) for n in lines[i + 1:i + 60])
              and not any(s.kind == "work_programme" for s in starts)):
            starts.append(_Start(_header_start(lines, i), "work_programme", clean(text)))
        elif _RESTRICTED.match(text) and "\t" not in text and len(text) <= 200:
            starts.append(_Start(i, "restricted", clean(text)))
    merged: list[_Start] = []
    for s in starts:
        if merged and s.index <= merged[-1].index:
            continue
        if merged and merged[-1].kind == "restricted" and s.kind != "restricted" and \
                _near(lines, merged[-1].index, s.index):
            s = _Start(merged[-1].index, s.kind, s.title)  # the report's own marking heads it
            merged.pop()
        merged.append(s)
    return merged


def _near(lines: list[Line], a: int, b: int) -> bool:
    """Fewer than a dozen filled lines, and no page break, between lines ``a`` and ``b``."""
    between = [ln for ln in lines[a + 1:b] if ln.text.strip()]
    return len(between) < 12 and not any(PAGE_ARTEFACT.match(ln.text.strip()) for ln in between)


def _sub_starts(lines: list[Line], start: int, end: int) -> list[_Start]:
    """Appendices inside a report: "Appendix 2" headings and papers after blank pages."""
    subs: list[_Start] = []
    after_blank = False
    for i in range(start + 1, end):
        text = lines[i].text.strip()
        if not text:
            continue
        if PAGE_ARTEFACT.match(text):
            after_blank = bool(_BLANK_PAGE.search(text))
            continue
        if lines[i].text.startswith("\t"):
            after_blank = False  # a table row's continuation ("⇥Appendix 2 - …"), not a heading
            continue
        if _RESTRICTED.match(text):  # the next exempt report's marking, not an appendix
            after_blank = False
            continue
        if _APPENDIX.match(text) or (after_blank and "\t" not in text and len(text) <= 150):
            subs.append(_Start(i, "appendix", clean(text)))
        after_blank = False
    return subs


def _nested_plan(paper: Paper, part: PackPart) -> PackPart | None:
    sub = paper.slice(part.start_line, part.end_line)
    tables = find_action_tables(sub)
    if not tables:
        return None
    first = tables[0]
    titles = [ln for ln in sub.lines if ln.number < first and "\t" not in ln.text
              and TITLE.search(ln.text) and len(ln.text.strip()) <= 150
              and not ln.text.strip().endswith(".") and not re.match(r"^\W{0,3}\d", ln.text)
              and not ln.text.strip().startswith("-")]
    start = titles[0].number if titles else first
    title = clean(titles[0].text) if titles else "Action plan"
    return PackPart(kind="action_plan", title=title, start_line=start, end_line=part.end_line,
                    item_number=part.item_number, page_start=part.page_start,
                    page_end=part.page_end)


def _match_item(title: str, items: list[ParsedAgendaItem]) -> ParsedAgendaItem | None:
    if not title:
        return None
    best, score = None, 0.0
    key = normalise_title(title)
    for item in items:
        s = title_similarity(title, item.title)
        other = normalise_title(item.title)
        if other and (other in key or key in other):
            s = max(s, 0.6)
        if s > score:
            best, score = item, s
    return best if score >= 0.5 else None


def _item_by_words(pattern: str, items: list[ParsedAgendaItem]) -> ParsedAgendaItem | None:
    return next((i for i in items if re.search(pattern, i.title, re.I)), None)


def _optional(module: str, name: str):
    """A parser written by another part of the project, or None while it does not exist."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    except AttributeError:
        return None


def _parse_part(paper: Paper, part: PackPart) -> None:
    sub = paper.slice(part.start_line, part.end_line)
    parser = {
        "minutes": _optional("scrutinydesk.ingest.parsers.minutes", "parse_minutes"),
        "report": parse_cover_sheet,
        "monitoring_report": _optional("scrutinydesk.ingest.parsers.monitoring_report",
                                       "parse_monitoring_report"),
        "action_plan": parse_action_plan,
        "work_programme": parse_work_programme,
    }.get(part.kind)
    if parser is None:
        return
    try:
        part.parsed = parser(sub)
    except PaperError as exc:  # the part is listed with its error; the loader warns of it
        part.error = str(exc.located(paper.name))
    if part.parsed is not None:
        fill_pages(part.parsed, part.page_start, part.page_end)
        ref = getattr(part.parsed, "ref", None)
        if (isinstance(part.parsed, ParsedCoverSheet) and isinstance(ref, SourceRef)
                and ref.page_end is None and ref.page is not None and part.page_end
                and part.page_start is not None and ref.page <= part.page_end):
            ref.page_end = part.page_end  # the cover sheet's document is the whole report


def fill_pages(record: Any, page: int | None, page_end: int | None) -> None:
    """Give every SourceRef in ``record`` without a page the range ``page``–``page_end``."""
    seen: set[int] = set()

    def walk(obj: Any) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, SourceRef):
            if obj.page is None and page is not None:
                obj.page, obj.page_end = page, page_end
            return
        if is_dataclass(obj) and not isinstance(obj, type):
            for f in fields(obj):
                walk(getattr(obj, f.name))
        elif isinstance(obj, (list, tuple)):
            for x in obj:
                walk(x)
        elif isinstance(obj, dict):
            for x in obj.values():
                walk(x)

    walk(record)


def _pages(sub: Paper, item: ParsedAgendaItem | None) -> tuple[int | None, int | None]:
    """The item's pages, or the printed pages of the part's first and last lines where the
    text carries "Page N" footers."""
    start, end = (item.page_start, item.page_end) if item else (None, None)
    filled = [ln for ln in sub.lines if ln.text.strip()]
    if filled and filled[0].page is not None:
        start = filled[0].page
    if filled and filled[-1].page is not None:
        end = filled[-1].page
    return start, end


def parse_agenda_pack(paper: Paper) -> ParsedAgendaPack:
    """The meeting on the front sheet, and each paper of the pack, parsed."""
    lines = paper.lines
    if not lines:
        raise MalformedPaper("the agenda pack is empty", source=paper.name,
                             expected="a front sheet with 'Meeting:' and 'Date:' lines")
    starts = _top_starts(paper)
    front_end = starts[0].index if starts else len(lines)
    meeting = parse_front_sheet(lines[:front_end], paper.name)
    items = meeting.items
    _mark_restricted(paper, items)
    end_number = lines[-1].number + 1
    first_pages = [i.page_start for i in items if i.page_start]
    front = PackPart(kind="front_sheet", title="Agenda", start_line=lines[0].number,
                     end_line=lines[front_end].number if front_end < len(lines) else end_number,
                     page_start=1 if first_pages and min(first_pages) > 1 else None,
                     page_end=min(first_pages) - 1 if first_pages and min(first_pages) > 1
                     else None, parsed=meeting)
    fill_pages(meeting, front.page_start, front.page_end)
    parts = [front]
    for k, s in enumerate(starts):
        stop = starts[k + 1].index if k + 1 < len(starts) else len(lines)
        parts.extend(_split_top(paper, s, stop, items))
    nested = [p for p in parts if p.kind in ("report", "appendix") and p.error == ""]
    for part in nested:
        plan = _nested_plan(paper, part)
        if plan is not None:
            parts.append(plan)
    parts.sort(key=lambda p: (p.start_line, -p.end_line))
    for part in parts[1:]:
        _parse_part(paper, part)
    return ParsedAgendaPack(meeting=meeting, parts=parts)


def _mark_restricted(paper: Paper, items: list[ParsedAgendaItem]) -> None:
    """An item whose pack pages print "Document is Restricted" / "Not for publication" (the
    placeholder a public pack carries for an exempt report) is exempt business."""
    restricted = {ln.page for ln in paper.lines
                  if ln.page is not None and _RESTRICTED.search(ln.text)}
    if not restricted:
        return
    for item in items:
        if item.page_start is None or item.exempt:
            continue
        end = item.page_end or item.page_start
        if any(item.page_start <= p <= end for p in restricted):
            item.exempt, item.part = True, 2


def _split_top(paper: Paper, s: _Start, stop: int,
               items: list[ParsedAgendaItem]) -> list[PackPart]:
    lines = paper.lines

    def end_of(i: int) -> int:
        return lines[i].number if i < len(lines) else lines[-1].number + 1

    kind, title, item = s.kind, s.title, None
    if kind == "minutes":
        item = _item_by_words(r"\bminutes\b", items)
    elif kind == "work_programme":
        item = _item_by_words(r"work programme|forward plan|work plan", items)
    else:
        subject = _subject(paper.slice(lines[s.index].number, end_of(stop)))
        title = subject or clean(lines[s.index].text)
        if _MONITORING.search(subject):
            kind = "monitoring_report"
        item = _match_item(subject, items)
    if item is None:
        item = _item_by_pages(paper.slice(lines[s.index].number, end_of(stop)), items)
    bounds = [(s.index, kind, title)]
    if kind == "report":
        bounds += [(x.index, x.kind, x.title) for x in _sub_starts(lines, s.index, stop)]
    out = []
    for k, (a, part_kind, part_title) in enumerate(bounds):
        b = bounds[k + 1][0] if k + 1 < len(bounds) else stop
        sub = paper.slice(lines[a].number, end_of(b))
        page_start, page_end = _pages(sub, item)
        out.append(PackPart(kind=part_kind, title=part_title, start_line=lines[a].number,
                            end_line=end_of(b), item_number=item.number if item else "",
                            page_start=page_start, page_end=page_end))
    return out


def _item_by_pages(sub: Paper, items: list[ParsedAgendaItem]) -> ParsedAgendaItem | None:
    """The agenda item whose pack pages hold the part's first printed page: an exempt report's
    own title often differs from the agenda's."""
    first = next((ln.page for ln in sub.lines if ln.text.strip() and ln.page is not None), None)
    if first is None:
        return None
    holding = [i for i in items if i.page_start is not None
               and i.page_start <= first <= (i.page_end or i.page_start)]
    return holding[0] if len(holding) == 1 else None


def _subject(sub: Paper) -> str:
    try:
        return parse_cover_sheet(sub).subject
    except PaperError:
        return ""
