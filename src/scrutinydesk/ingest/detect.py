"""Which kind of paper this is: an agenda pack, a meeting-documents page, a monitoring
report, an action plan, minutes, a work programme or an officer's report.

Each kind has a signature read from the first lines (and a few markers over the whole
paper), together with the parsers' own ``looks_like_*`` checks where they exist. Kinds are
tried in order: an agenda pack holds a monitoring report, an action plan and officers'
reports, so the pack's signature wins; a monitoring report or an action plan may start with
an officer's cover sheet, so they win over a plain officer's report.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from scrutinydesk.core.vocab import PaperKind

from .errors import PaperError, UnrecognisedPaper
from .text import Line, Paper

HEAD_LINES = 200  # signatures are looked for in the first lines only
_CHARS = 300  # of each line
# The parsers' own checks see a bounded view of the paper, so that a pathological line
# cannot make a cheap check slow.
VIEW_LINES = 3000
VIEW_CHARS = 1000

ORDER = (PaperKind.AGENDA_PACK, PaperKind.MEETING_PAGE, PaperKind.MONITORING_REPORT,
         PaperKind.ACTION_PLAN, PaperKind.MINUTES, PaperKind.WORK_PROGRAMME,
         PaperKind.OFFICER_REPORT)

LOOKED_FOR = {
    PaperKind.AGENDA_PACK: '"Public Document Pack", or a front sheet with "Meeting:", '
                           '"Date:", "Venue:" lines and agenda items with page ranges',
    PaperKind.MEETING_PAGE: 'a "Meeting documents" / "Agenda and minutes" page: the committee '
                            'and date, "Items", numbered items with "Minutes:" or '
                            '"pdf icon PDF 179 KB" links',
    PaperKind.MONITORING_REPORT: 'an "Outcomes Focused Monitoring Report" title with '
                                 '"Population Indicator" pages',
    PaperKind.ACTION_PLAN: 'an action plan title and a table headed "Action", "Timescale" / '
                           '"By when", "Lead" / "Owner"',
    PaperKind.MINUTES: 'a "Minutes of the meeting … held on <date>" heading near the top, '
                       'with "Present"',
    PaperKind.WORK_PROGRAMME: 'a "Work Programme" or "Forward Plan" title with topics, a '
                              'forward-plan table or prioritisation answers',
    PaperKind.OFFICER_REPORT: 'a report cover sheet ("Date of Meeting", "Officer", "Subject of '
                              'Report", "Recommendation") or a self-evaluation with numbered '
                              'sections',
}

# The parsers' own checks, imported when asked for (they are written in parallel).
_LOOKS_LIKE = {
    PaperKind.AGENDA_PACK: ("agenda_pack", "looks_like_agenda_pack"),
    PaperKind.MONITORING_REPORT: ("monitoring_report", "looks_like_monitoring_report"),
    PaperKind.ACTION_PLAN: ("action_plan", "looks_like_action_plan"),
    PaperKind.OFFICER_REPORT: ("officer_report", "looks_like_officer_report"),
}


@dataclass(frozen=True, slots=True)
class Detection:
    kind: str  # a core.vocab.PaperKind value
    reasons: tuple[str, ...]


def detect_kind(paper: Paper) -> Detection:
    """The kind of ``paper``, with the reasons it was recognised. Raises
    ``UnrecognisedPaper`` (naming the kinds accepted and what was looked for) when it is
    none of them."""
    try:
        head = list(paper.lines[:HEAD_LINES])
        for kind in ORDER:
            reasons = list(_SIGNATURES[kind](paper, head))
            parser_says = _parser_check(kind, paper)
            if parser_says:
                reasons.append(parser_says)
            if reasons:
                return Detection(str(kind), tuple(reasons))
    except PaperError as exc:
        exc.located(paper.name)
        raise
    raise UnrecognisedPaper(
        "the paper is not one of the kinds Scrutiny Desk imports", source=paper.name,
        expected=_expected())


def _expected() -> str:
    return "one of: " + "; ".join(f"{PaperKind(k).label} ({LOOKED_FOR[k]})" for k in ORDER)


def _parser_check(kind: str, paper: Paper) -> str:
    """The reason given by the parser's own ``looks_like_*`` check, or ""."""
    if kind not in _LOOKS_LIKE:
        return ""
    module_name, function_name = _LOOKS_LIKE[kind]
    try:
        module = importlib.import_module(f"scrutinydesk.ingest.parsers.{module_name}")
    except ModuleNotFoundError as exc:  # not installed: its check is not available
        if exc.name and f"scrutinydesk.ingest.parsers.{module_name}".startswith(exc.name):
            return ""
        raise
    check: Callable[[Paper], bool] | None = getattr(module, function_name, None)
    if check is None:
        return ""
    view = Paper(paper.name, [ln if len(ln.text) <= VIEW_CHARS else
                              Line(ln.number, ln.text[:VIEW_CHARS], ln.page)
                              for ln in paper.lines[:VIEW_LINES]],
                 paper.media_type, paper.page_count, dict(paper.metadata))
    return f"{function_name} recognised it" if check(view) else ""


def _text(line: Line) -> str:
    return line.text[:_CHARS].strip()


def _first(head: list[Line], pattern: re.Pattern[str], limit: int = HEAD_LINES) -> Line | None:
    for line in head[:limit]:
        if pattern.search(_text(line)):
            return line
    return None


def _count(head: list[Line], pattern: re.Pattern[str]) -> int:
    return sum(1 for line in head if pattern.search(_text(line)))


# --- Agenda pack ----------------------------------------------------------------------------

_PACK_TITLE = re.compile(r"^Public Document Pack$", re.I)
_FRONT_LABEL = re.compile(r"^(Meeting|Date|Time|Venue|Place|Location)\s*:", re.I)
_PAGE_RANGE = re.compile(r"(?:^|[\s>|\t])\d{1,4}\s?[-–]\s?\d{1,4}(?:$|[\s<|\t])")
_AGENDA_ITEM = re.compile(r"^(?:\|\s*)?(?:<p>)?\d{1,2}[a-z]?\.?\s+[A-Z]")
_FOOTER = re.compile(r"^Page\s+\d{1,4}$")


def _agenda_pack(paper: Paper, head: list[Line]) -> list[str]:
    title = _first(head, _PACK_TITLE, 60)
    if title:
        return [f'"Public Document Pack" on line {title.number}']
    labels = {m.group(1).lower(): line.number for line in head[:100]
              if (m := _FRONT_LABEL.match(_text(line)))}
    if not {"meeting", "date"} <= set(labels) or len(labels) < 3:
        return []
    items = [line for line in head if _AGENDA_ITEM.match(_text(line))]
    ranges = [line for line in head if _PAGE_RANGE.search(_text(line))
              and (_AGENDA_ITEM.match(_text(line)) or "<p>" in _text(line)
                   or len(_text(line)) < 12)]
    footers = sum(1 for line in paper.lines if _FOOTER.match(_text(line)))
    if len(items) >= 2 and (len(ranges) >= 2 or footers >= 3):
        found = ", ".join(f"{k.title()}:" for k in labels)
        return [f"front sheet labels {found} (from line {min(labels.values())})",
                f"{len(items)} numbered agenda items, {len(ranges)} with page ranges, "
                f"{footers} page footers"]
    return []


# --- Meeting-documents page -----------------------------------------------------------------

_PAGE_HEADING = re.compile(r"^(?:Meeting documents|Meeting details|Agenda(?:,? (?:decisions|"
                           r"minutes))*(?: and (?:minutes|decisions))?|Agenda|Minutes)$", re.I)
_ITEMS_HEADING = re.compile(r"^(?:Items|No\.?\s+Item)$", re.I)
_ITEM_NUMBER = re.compile(r"^\d{1,3}[a-z]?\.?(?:$|\t)")
_MINUTES_LABEL = re.compile(r"^(?:Minutes|Decisions?)\s*:$", re.I)
_LINK = re.compile(r"\b(?:pdf|word|doc) icon\b|\b(?:PDF|DOCX?)\s+\d[\d.,]*\s*(?:KB|MB)\b", re.I)
_WEEKDAY_DATE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b.{0,30}\b\d{4}\b",
                           re.I)


_BODY_AND_DATE = re.compile(r"\b(?:Committee|Sub-Committee|Panel|Board|Forum|Commission)\b"
                            r".{0,20}[-–,|].{0,12}\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+\d{4}\b")
_CANCELLED_MARK = re.compile(r"^(?:meeting\s+)?cancell?ed$|^status\s*:?\s*cancell?ed$", re.I)


def _cancelled_page(head: list[Line]) -> list[str]:
    """A page for a meeting that did not take place: "<Committee> - 19 March 2020" and a
    "MEETING CANCELLED" banner or a "Status: Cancelled" line, with no items."""
    titled = _first(head, _BODY_AND_DATE, 20)
    marks = [ln for ln in head[:60] if _CANCELLED_MARK.match(_text(ln))]
    if titled and marks:
        return [f'committee and date "{_text(titled)[:80]}" on line {titled.number}',
                f'"{_text(marks[0])}" on line {marks[0].number}']
    return []


def _meeting_page(paper: Paper, head: list[Line]) -> list[str]:
    cancelled = _cancelled_page(head)
    if cancelled:
        return cancelled
    heading = _first(head, _PAGE_HEADING, 15)
    items_heading = _first(head, _ITEMS_HEADING, 80)
    if not (heading or items_heading):
        return []
    lines = paper.lines[:3000]
    numbers = _count(lines, _ITEM_NUMBER)
    minutes = _count(lines, _MINUTES_LABEL)
    links = _count(lines, _LINK)
    dated = _first(head, _WEEKDAY_DATE, 30)
    if numbers >= 2 and (minutes or links) and (dated or items_heading):
        found = heading or items_heading
        assert found is not None
        return [f'page heading "{_text(found)}" on line {found.number}',
                f"{numbers} numbered items, {minutes} \"Minutes:\" sections, "
                f"{links} document links"]
    return []


# --- Monitoring report ----------------------------------------------------------------------

_REPORT_TITLE = re.compile(r"Outcomes?\s(?:Focus(?:s?ed)?\s)?(?:Monitoring|Performance)\sReport",
                           re.I)
_INDICATOR = re.compile(r"Population Indicator|Story behind the baseline", re.I)


def _monitoring_report(paper: Paper, head: list[Line]) -> list[str]:
    title = _first(head, _REPORT_TITLE)
    if not title:
        return []
    pages = _count(paper.lines[:5000], _INDICATOR)
    if pages:
        return [f'report title "{_text(title)[:80]}" on line {title.number}',
                f"{pages} population-indicator lines"]
    return []


# --- Action plan ----------------------------------------------------------------------------

_PLAN_TITLE = re.compile(r"\b(?:Action Plan|Statement of Action|Improvement Plan|"
                         r"Recruitment and Retention Plan|Delivery Plan)\b", re.I)
_ACTION_HEAD = re.compile(r"^(?:No\.?|Ref\.?|Activity|Actions?(?: required| to be taken)?)$",
                          re.I)
_WHEN_HEAD = re.compile(r"^(?:Timescales?|By when|Deadline|Target date|Due(?: date)?|Timeline|"
                        r"Completion date|Date)$", re.I)
_WHO_HEAD = re.compile(r"^(?:Leads?|Lead officer|Owner|Responsible(?: officer)?|By whom|Who)$",
                       re.I)


def _action_plan(paper: Paper, head: list[Line]) -> list[str]:
    title = _first(head, _PLAN_TITLE, 60)
    for line in head:
        if "\t" not in line.text:
            continue
        cells = [c.strip().strip("*") for c in line.text[:1000].split("\t")]
        if (any(_ACTION_HEAD.match(c) for c in cells) and any(_WHEN_HEAD.match(c) for c in cells)
                and any(_WHO_HEAD.match(c) for c in cells)):
            reasons = [f"action table heading on line {line.number}"]
            if title:
                reasons.insert(0, f'plan title "{_text(title)[:80]}" on line {title.number}')
            return reasons if title or line.number < 40 else []
    return []


# --- Officer's report -----------------------------------------------------------------------

_COVER_FIELD = re.compile(r"^(?:<p>)?(Date of Meeting|Officer|Subject of Report|Executive "
                          r"Summary|Impact Assessment|Recommendations?|Reason for "
                          r"Recommendations?|Officer Contact|Appendices|Background Papers)\b",
                          re.I)
_SELF_EVALUATION = re.compile(r"\bself[- ]?(?:evaluation|assessment)\b", re.I)
_REPORT_HEAD = re.compile(r"^(?:Report (?:of|by|to)\b|Executive Summary$|Table of Contents$|"
                          r"Contents$|Introduction$)", re.I)
_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?\s+[A-Z][A-Za-z]")


def _officer_report(paper: Paper, head: list[Line]) -> list[str]:
    fields = {m.group(1).lower() for line in head[:120] if (m := _COVER_FIELD.match(_text(line)))}
    if len(fields) >= 3:
        return [f"cover-sheet fields: {', '.join(sorted(fields))}"]
    sections = _count(paper.lines[:3000], _SECTION)
    evaluation = _first(head, _SELF_EVALUATION, 40)
    if evaluation and sections >= 3:
        return [f'"{_text(evaluation)[:80]}" on line {evaluation.number}',
                f"{sections} numbered sections"]
    report_head = _first(head, _REPORT_HEAD, 60)
    if report_head and sections >= 5:
        return [f'"{_text(report_head)[:60]}" on line {report_head.number}',
                f"{sections} numbered sections"]
    return []


# --- Minutes and work programmes on their own --------------------------------------------

_MINUTES_HEAD = re.compile(r"\bminutes of (?:the|a)\b.{0,160}\b(?:held|meeting)\b", re.I)
_MINUTES_ALONE = re.compile(r"^minutes$", re.I)
_DATED = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                    r"dec)[a-z]*,?\s+\d{4}\b", re.I)
_TITLE_MINUTES = re.compile(r"^\s*(?:draft\s+)?minutes\s*[-–:|]\s*.{3,150}\b\d{4}\b", re.I)
_PRESENT = re.compile(r"^(?:Present|Attendance|Members present)\b", re.I)
_WP_TITLE = re.compile(r"\b(?:Work Programme|Forward Plan)\b", re.I)
_WP_BODY = re.compile(r"^(?:Q[1-6]\b|Date of Meeting\b|Topics? |Items relating to|Work in "
                      r"Progress|Chair(?:man|person)?\s*:)", re.I)


def _minutes(paper: Paper, head: list[Line]) -> list[str]:
    heading = _first(head, _MINUTES_HEAD, 12)
    if heading is None:  # "<Committee> - Tuesday 9 March 2021", then "Minutes" on its own
        alone = _first(head, _MINUTES_ALONE, 30)
        if alone is not None and any(_DATED.search(_text(ln)) for ln in head
                                     if alone.number - 4 <= ln.number <= alone.number + 8):
            heading = alone
    present = _first(head, _PRESENT, 40)
    if heading is None and present and _TITLE_MINUTES.match(paper.metadata.get("title", "")):
        return [f'page title "{paper.metadata["title"][:80]}"',
                f'"Present" on line {present.number}']
    if heading and present:
        return [f'minutes heading on line {heading.number}',
                f'"Present" on line {present.number}']
    return []


def _work_programme(paper: Paper, head: list[Line]) -> list[str]:
    title = _first(head, _WP_TITLE, 8)
    body = _count(head, _WP_BODY)
    if title and body >= 2:
        return [f'title "{_text(title)[:80]}" on line {title.number}',
                f"{body} work-programme headings, questions or forward-plan rows"]
    return []


_SIGNATURES: dict[str, Callable[[Paper, list[Line]], list[str]]] = {
    PaperKind.MINUTES: _minutes,
    PaperKind.WORK_PROGRAMME: _work_programme,
    PaperKind.AGENDA_PACK: _agenda_pack,
    PaperKind.MEETING_PAGE: _meeting_page,
    PaperKind.MONITORING_REPORT: _monitoring_report,
    PaperKind.ACTION_PLAN: _action_plan,
    PaperKind.OFFICER_REPORT: _officer_report,
}
