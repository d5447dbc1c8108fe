"""Officers' reports: title, date, numbered sections, and the figures stated in the prose.

Sections come from numbered headings ("4.5 Child Protection"). When the report has a
table of contents, only headings it lists are taken (so a numbered list in the text is
not mistaken for a section); otherwise headings must run in order ("2.", "2.1", "2.2").
A stated figure is a number with a unit — a rate ("41 per 10,000"), a percentage
("90%"), money ("£1.1m") — read with the comparator named in the same sentence
("statistical neighbours", "England", "national", "South West"), the comparison words
("in line with", "higher than", "below") and the comparator's value where it is printed
in brackets after it ("statistical neighbours (18/19 68%)").
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from scrutinydesk.ingest.errors import MalformedPaper
from scrutinydesk.ingest.parsers.agenda_pack import looks_like_agenda_pack
from scrutinydesk.ingest.parsers.common import (
    PAGE_ARTEFACT,
    find_dates,
    normalise_space,
)
from scrutinydesk.ingest.parsers.coversheet import (
    clean,
    cover_end,
    is_cover_start,
    parse_cover_sheet,
)
from scrutinydesk.ingest.parsers.sections import split_sections
from scrutinydesk.ingest.records import ParsedOfficerReport, ParsedStatedFigure, SourceRef
from scrutinydesk.ingest.text import Line, Paper

_HEADING = re.compile(r"^(?:#+\s*)?(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(\S.{1,120})$")
_TOC_START = re.compile(r"^\s*(?:Table of )?Contents\s*$", re.I)
_TOC_ENTRY = re.compile(r"^(.{2,160}?)[\s.…]*\t\s*(?:page\s*)?(\d{1,3})\s*$", re.I)
_MONTH_YEAR = re.compile(r"^\s*(January|February|March|April|May|June|July|August|September|"
                         r"October|November|December)\s+(\d{4})\s*$", re.I)
_FIGURE = re.compile(
    r"(?<![\d.,])(?P<rate>(?P<rv>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,6})?|\d{1,12}(?:\.\d{1,6})?)"
    r"\s?(?:per|/)\s?"
    r"(?P<base>100,000|100000|100k|10,000|10000|10k|1,000|1000|1k|thousand)\b)"
    r"|(?<![\d.,])(?P<pct>(?P<pv>\d{1,12}(?:\.\d{1,6})?)\s?(?:%|per\s?cent\b|percent\b))"
    r"|(?P<gbp>£\s?(?P<gv>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,6})?|\d{1,12}(?:\.\d{1,6})?)\s?"
    r"(?P<mult>bn\b|billion\b|m\b|million\b|k\b)?)", re.I)
_BASES = {"100,000": "per_100000", "100000": "per_100000", "100k": "per_100000",
          "10,000": "per_10000", "10000": "per_10000", "10k": "per_10000",
          "1,000": "per_1000", "1000": "per_1000", "1k": "per_1000", "thousand": "per_1000"}
_MULT = {"bn": Decimal(10) ** 9, "billion": Decimal(10) ** 9, "m": Decimal(10) ** 6,
         "million": Decimal(10) ** 6, "k": Decimal(1000)}
_COMPARATORS = (
    (r"statistical neighbou?rs?(?: average)?", "statistical neighbours"),
    (r"England(?: average)?", "England"),
    (r"national(?:ly| average| figure| rate)?", "national"),
    (r"South[- ]West(?: region)?", "South West"),
    (r"regional(?: average)?|the region", "regional"),
    (r"comparator(?:s| average| authorities)?", "comparators"),
    (r"similar (?:authorities|councils|local authorities)", "similar authorities"),
)
_COMPARATOR_RE = re.compile("|".join(f"(?P<c{i}>\\b{p}\\b)" for i, (p, _) in
                                     enumerate(_COMPARATORS)), re.I)
_COMPARISON = (
    ("more in line with", "in line with"), ("in line with", "in line with"),
    ("within range of", "within range of"), ("higher than", "higher than"),
    ("lower than", "lower than"), ("better than", "better than"),
    ("worse than", "worse than"), ("similar to", "similar to"), ("above", "above"),
    ("below", "below"), ("exceeds", "higher than"), ("compared to", "compared with"),
    ("compared with", "compared with"), ("compares favourably", "better than"),
)
_COMPARISON_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in _COMPARISON) + r")\b",
                            re.I)
_PERIOD = re.compile(r"^[^.;]{0,30}?\b(?:in|for|during|as at|at|by)\s+((?:Q[1-4]\s+)?\d{4}"
                     r"(?:[/-]\d{2,4})?|(?:January|February|March|April|May|June|July|August|"
                     r"September|October|November|December)\s+\d{4})\b")
_MAX_FIGURES = 40  # in one sentence
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9£])")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|approx|No|St|Dr|Mr|Mrs|Ms|vs|cf)\.$", re.I)
_VERB = re.compile(r"\b(?:is|are|was|were|stands at|stood at|at|of|reached|rose to|fell to|"
                   r"increased to|decreased to|reduced to)\s*$", re.I)


def looks_like_officer_report(paper: Paper) -> bool:
    """A cheap check: a report cover sheet near the top, or a titled paper with a table of
    contents or numbered section headings — and not an agenda pack."""
    head = paper.lines[:400]
    if any(is_cover_start(head, i) for i in range(min(60, len(head)))):
        return not looks_like_agenda_pack(paper)
    numbered = sum(1 for ln in head if "\t" not in ln.text and _HEADING.match(ln.text.strip())
                   and "." in _HEADING.match(ln.text.strip()).group(1))
    contents = any(_TOC_START.match(ln.text) for ln in head[:80])
    return (contents or numbered >= 3) and not looks_like_agenda_pack(paper)


def _toc(lines: list[Line]) -> tuple[set[str], int]:
    """Titles listed in the table of contents, and the index where the contents end."""
    start = next((i for i, ln in enumerate(lines[:200]) if _TOC_START.match(ln.text)), None)
    if start is None:
        return set(), 0
    titles: set[str] = set()
    end = start + 1
    for i in range(start + 1, min(len(lines), start + 400)):
        raw = lines[i].text
        if not raw.strip():
            continue
        cells = [c.strip() for c in raw.split("\t") if c.strip()]
        m = _TOC_ENTRY.match(" ".join(cells[:-1]) + "\t" + cells[-1]) if len(cells) >= 2 else None
        if not m:
            break
        entry = re.sub(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z]\.)\s*", "", m.group(1)).strip(" .…")
        titles.add(_key(entry))
        end = i + 1
    return titles, end


def _key(title: str) -> str:
    return re.sub(r"[^a-z0-9]", "", clean(title).lower())


class _Sections:
    """Accepts numbered headings that the contents list, or that run in order."""

    def __init__(self, toc: set[str], numbers: list[str]):
        self.toc, self.numbers = toc, numbers
        self.top, self.sub = 0, 0
        self.list_next = 0  # the next number of a numbered list in the text, if in one

    def accept(self, number: str, title: str) -> bool:
        if self.toc:
            return _key(title) in self.toc
        if not title[:1].isupper() or (title.endswith(".") and len(title.split()) > 6):
            return False
        parts = [int(p) for p in number.split(".")]
        if len(parts) == 1:
            n = parts[0]
            if n == self.list_next or (n == 1 and self.top >= 1):
                self.list_next = n + 1  # "1. ...", "2. ..." listed inside a section
                return False
            ok = n == self.top + 1 and (title.isupper() or f"{n}.1" in self.numbers
                                        or len(title.split()) <= 8)
            if ok:
                self.top, self.sub, self.list_next = n, 0, 0
            return ok
        if len(parts) == 2 and (parts[0] == self.top and parts[1] > self.sub
                                or parts[0] == self.top + 1 and parts[1] == 1):
            self.top, self.sub = parts
            return True
        return len(parts) == 3 and parts[0] == self.top and parts[1] == self.sub


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [s.strip() for s in out if s.strip()]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def figures_in(sentence: str, ref: SourceRef) -> list[ParsedStatedFigure]:
    """The figures with units stated in one sentence."""
    comparators = list(_COMPARATOR_RE.finditer(sentence))
    spans: list[tuple[int, int]] = []  # brackets holding a comparator's value
    values: dict[int, Decimal | None] = {}  # comparator start -> its printed value
    for c in comparators:
        m = re.match(r"\s*\(([^()]{0,40})\)", sentence[c.end():])
        fig = _FIGURE.search(m.group(1)) if m else None
        if m and fig:
            spans.append((c.end() + m.start(), c.end() + m.end()))
            values[c.start()] = _value(fig)
    comparison = _COMPARISON_RE.search(sentence)
    out = []
    for count, m in enumerate(_FIGURE.finditer(sentence)):
        if count >= _MAX_FIGURES:
            break  # not prose: a table or a damaged line
        value = _value(m)
        if value is None or any(a <= m.start() < b for a, b in spans):
            continue
        unit = ("percent" if m.group("pct") else "gbp" if m.group("gbp")
                else _BASES[m.group("base").lower()])
        comp = next((c for c in comparators if c.start() > m.end()), None) or \
            (comparators[0] if comparators else None)
        period = _PERIOD.match(sentence[m.end():])
        out.append(ParsedStatedFigure(
            value=value, value_text=m.group(0).strip(), unit=unit,
            subject=_subject(sentence, m),
            period_text=period.group(1) if period else "",
            comparator=_comparator_name(comp) if comp else "",
            comparator_value=values.get(comp.start()) if comp else None,
            comparison=dict(_COMPARISON)[comparison.group(1).lower()] if comparison else "",
            sentence=sentence, ref=SourceRef(page=ref.page, page_end=ref.page_end,
                                             line=ref.line)))
    return out


def _value(m: re.Match) -> Decimal | None:
    if m.group("rate"):
        return _decimal(m.group("rv"))
    if m.group("pct"):
        return _decimal(m.group("pv"))
    value = _decimal(m.group("gv"))
    mult = (m.group("mult") or "").lower()
    return value * _MULT[mult] if value is not None and mult in _MULT else value


def _comparator_name(m: re.Match) -> str:
    index = int(m.lastgroup[1:])
    return _COMPARATORS[index][1]


def _subject(sentence: str, m: re.Match) -> str:
    """What the figure is of: "90% of CIN assessments" → "CIN assessments"; "The rate of
    children subject to a plan is 41 per 10,000" → "The rate of children subject to a plan"."""
    after = re.match(r"\s*of\s+(?:the\s+|our\s+|all\s+)?([^,;.()]{3,80}?)"
                     r"(?=\s+(?:within|which|who|that|were|was|are|is|have|has|had|in the|"
                     r"in|at|on)\b|\s+and\s+[\d£]|[,;.()]|$)", sentence[m.end():])
    if after:
        return after.group(1).strip()
    before = sentence[max(0, m.start() - 300):m.start()]
    if _VERB.search(before):
        clauses = [c.strip() for c in re.split(r"[,;:(]", _VERB.sub("", before))]
        clause = clauses[-1]
        if len(clauses) > 1 and re.match(r"(?i)(?:in|for|during|over|at|on)\b", clause):
            clause = f"{clauses[-2]}, {clause}"
        words = clause.split()
        return " ".join(words[-15:]) if words else ""
    return ""


def parse_officer_report(paper: Paper) -> ParsedOfficerReport:
    """Title, date, sections and stated figures of the officer's report in ``paper``."""
    lines = paper.lines
    content = [ln for ln in lines if ln.text.strip() and not PAGE_ARTEFACT.match(ln.text)]
    if not content:
        raise MalformedPaper("the report is empty", source=paper.name,
                             expected="a title and numbered sections")
    cover = None
    body = lines
    if any(is_cover_start(lines, i) for i in range(min(60, len(lines)))):
        cover = parse_cover_sheet(paper)
        end = cover_end(paper)
        body = [ln for ln in lines if end is None or ln.number >= end]
    title_line = content[0]
    title = cover.subject if cover else normalise_space(clean(title_line.text))
    report = ParsedOfficerReport(title=title[:300], cover=cover,
                                 ref=SourceRef(page=title_line.page, line=title_line.number))
    date_line = None
    for ln in content[1:12] if cover is None else []:
        text = clean(ln.text)
        month = _MONTH_YEAR.match(text)
        dates = find_dates(text) if len(text) < 60 else []
        if month or dates:
            report.published_on = dates[0] if dates else date(
                int(month.group(2)), _month_number(month.group(1)), 1)
            date_line = ln
            break
    toc, toc_end = _toc(body)
    body = body[toc_end:] if toc else body
    numbers = [m.group(1) for ln in body if "\t" not in ln.text
               and (m := _HEADING.match(clean(ln.text).strip()))]
    sections = _Sections(toc, numbers)
    heading, text_lines = "", []
    for ln in body:
        text = normalise_space(clean(ln.text))
        if not text or PAGE_ARTEFACT.match(text):
            continue
        m = _HEADING.match(text) if "\t" not in ln.text else None
        is_heading = (m and sections.accept(m.group(1), m.group(2).strip())) or (
            toc and not m and _key(text) in toc and len(text) <= 120)
        if is_heading:
            if heading or text_lines:
                report.sections.append((heading, "\n".join(text_lines)))
            heading, text_lines = text, []
            continue
        if ln is title_line or ln is date_line:
            continue
        text_lines.append(text)
        for sentence in _sentences(text):
            report.figures.extend(figures_in(sentence, SourceRef(page=ln.page, line=ln.number)))
    if heading or text_lines:
        report.sections.append((heading, "\n".join(text_lines)))
    report.parts = split_sections(paper)
    return report


def _month_number(name: str) -> int:
    months = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
    return months.index(name.lower()) + 1
