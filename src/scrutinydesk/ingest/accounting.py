"""Figure accounting: every figure printed in a paper, and what became of it.

Each figure (a number, a percentage, an amount, a date or period) printed in the paper is

* **read**: taken into a record, as a value (an observation, a comparator's value, a count,
  a target, a period, a risk code …) or inside a text the record keeps as printed (a
  story, a progress update, an action's measures of success);
* **set aside** by one of a few named rules (``RULES``): page numbers, phone numbers,
  postcodes, dates and periods in prose, list numbering, references and codes, file sizes,
  times of day. A figure on a headline line (Previous, Latest, Target, Benchmark,
  Comparator) or in a cell of a data table is never set aside;
* or **unread**, listed with its page, line and the text around it.

The ledger is pure (no database) and is filled by whoever knows what a parser read::

    ledger = Ledger(paper)
    ledger.read(Decimal("44.6"), lines=(60, 80), near=65, what="latest")   # a value
    ledger.read_period("March 2018", lines=(60, 80), near=65)               # its period
    ledger.read_text(indicator.story, lines=(60, 80), what="story")         # kept in text
    result = ledger.close()
    result.summary()  # "figures read 212 of 215 (98.6 %)"

``account(paper, record)`` fills a ledger from what a parser returned: monitoring reports,
action plans, and the monitoring reports and action plans inside an agenda pack. Other
papers (minutes, meeting pages) can be accounted the same way: give ``READERS`` a function
``(ledger, record, lines)`` for their record type, which calls ``read``, ``read_period``
and ``read_text`` for what the record holds.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from .text import Paper

__all__ = ["RULES", "Accounting", "Figure", "Ledger", "account"]

#: Rules by which a figure is set aside, with what each covers.
RULES: dict[str, str] = {
    "page_number": "a page number: a “Page N” footer or a contents page's page column",
    "phone_number": "a telephone number",
    "postcode": "a postcode",
    "date_in_prose": "a date, year or period in running text",
    "list_numbering": "the number of a paragraph, list entry or agenda item",
    "reference": "a reference or code: a figure joined to letters (“14b”, “SSDA903”), "
                 "a version number, a risk or indicator code",
    "file_size": "the size of a linked file (“179 KB”)",
    "time_of_day": "a time of day (“10.00 am”)",
    "chart_axis": "the scale or period labels of a chart's axis, left in the text by the "
                  "conversion: three or more round figures falling by one step (“80 60 40 20 "
                  "0”), or bare quarters (“Q1 Q2 Q3 Q4”)",
}

# --- cleaning -----------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]{0,500}>")
_MD_TARGET = re.compile(r"\]\([^()\s]{0,500}\)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')]{1,500}", re.I)
_EMAIL = re.compile(r"[\w.+-]{1,100}@[\w-]{1,100}(?:\.[\w-]{1,60}){1,6}")
_SPACE = re.compile(r"[ \t\u00a0]+")


def clean(text: str) -> str:
    """A line as printed to a reader: markup, link targets, addresses removed, tabs kept."""
    text = _TAG.sub(" ", text[:50_000])
    text = _MD_TARGET.sub("]", text)
    text = html.unescape(text)
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    return text.replace("\u00a0", " ")


def squeeze(text: str) -> str:
    return _SPACE.sub(" ", (text or "").replace("\n", " ").replace("*", "")).strip().lower()


# --- figures ------------------------------------------------------------------------------

_MON = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
        r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_Y = r"(?:\d{4}|\d{2})"
_PERIOD = re.compile(
    rf"(?<![\w/.,])(?:"
    rf"(?:q|qtr|quarter)\s?[1-4]\s?,?\s?(?:\d{{4}}|\d{{2}})(?:\s?[-/–]\s?\d{{2,4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s?(?:[-–]|to)\s?\d{{1,2}}(?:st|nd|rd|th)?\s{_MON},?\s\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{_MON},?\s\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{_MON}(?![\w-]|\s\d)"
    rf"|{_MON}\s?(?:[-–]|to)\s?{_MON}\s{_Y}(?:\s?[-/–]\s?{_Y})?"
    rf"|{_MON}\s?[-' ]?\s?(?:\d{{4}}|\d{{2}}(?!\d))(?:\s?[-/–]\s?\d{{2}}(?!\d))?"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
    rf"|(?:19|20)\d{{2}}\s?[-/–]\s?(?:19|20)?\d{{2}}"
    rf"|\d{{2}}\s?[-/–]\s?\d{{2}}(?=\s?\)|\s?$|\s(?:year|period|\())"
    rf"|(?:19|20)\d{{2}}"
    rf")(?![\w%]|[.,]\d)", re.I)
_NUMBER = re.compile(r"(?<![\w.,£-])(?:(?<![^\s(])[-–](?=£?\d))?£?\s?"
                     r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
                     r"(?:\s?%|\s?(?:k|m|bn)\b)?(?![\w]|[.,]\d)", re.I)
_CODE = re.compile(r"(?<![\w.])[A-Za-z]*\d[\w.]*(?<![.,])")
_UNIT = re.compile(r"\bper\s?(?:\d{1,3}(?:,\d{3})+|\d+)\s?k?\b", re.I)
_HEADLINE = re.compile(r"\b(?:Previous|PREVIOUS|Latest|LATEST|Target|TARGET|Benchmark|BENCHMARK|"
                       r"COMPARATOR|Comparator)\b")
_FIGURE_CELL = re.compile(r"^[(\[]?[-–]?£?\s?\d[\d,.]*\s?(?:%|k|m|bn)?[)\]]?$|^(?:q[1-4]|\d)", re.I)


@dataclass(slots=True)
class Figure:
    """One figure as printed: where, what, and what became of it."""

    line: int
    page: int | None
    start: int  # position in the line's cleaned text
    end: int
    text: str
    kind: str  # "number", "period", "code"
    value: Decimal | None = None
    state: str = "unread"  # "value", "text", "set_aside", "unread"
    what: str = ""  # what it was read as ("latest", "story") or the rule that set it aside
    context: str = ""
    headline: bool = False  # on a Previous/Latest/Target/Benchmark/Comparator line
    table: bool = False  # in a cell of a data table

    @property
    def read(self) -> bool:
        return self.state in ("value", "text")

    def as_dict(self) -> dict:
        return {"page": self.page, "line": self.line, "text": self.text, "state": self.state,
                "what": self.what, "context": self.context, "headline": self.headline,
                "table": self.table}


@dataclass(slots=True)
class Accounting:
    """What became of every figure of a paper."""

    figures: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.figures)

    @property
    def read(self) -> int:
        return sum(1 for f in self.figures if f.read)

    @property
    def read_as_values(self) -> int:
        return sum(1 for f in self.figures if f.state == "value")

    @property
    def set_aside(self) -> Counter:
        return Counter(f.what for f in self.figures if f.state == "set_aside")

    @property
    def unread(self) -> list[Figure]:
        return [f for f in self.figures if f.state == "unread"]

    @property
    def accounted_share(self) -> float:
        """Share of figures read or set aside by a rule (1.0 for a paper with none)."""
        if not self.figures:
            return 1.0
        return (self.total - len(self.unread)) / self.total

    @property
    def read_share(self) -> float:
        return self.read / self.total if self.figures else 1.0

    def unfile(self, text: str, line: int | None, reason: str = "") -> int:
        """Figures read by a parser that the loader then would not file (a table it could
        not place): unread again, from the entry's line on, where ``text`` prints them.
        Returns how many."""
        if line is None:
            return 0
        printed = set(re.findall(r"\d[\d,]*(?:\.\d+)?", text))
        changed = 0
        for figure in self.figures:
            if line <= figure.line <= line + 12 and figure.state == "value" and \
                    figure.kind == "number" and figure.text.rstrip("%").strip("£") in printed:
                figure.state, figure.what = "unread", reason or "not filed"
                changed += 1
        return changed

    def summary(self) -> str:
        aside = sum(self.set_aside.values())
        return (f"figures read {self.read} of {self.total} ({100 * self.read_share:.1f} %); "
                f"set aside {aside}; unread {len(self.unread)}")

    def as_dict(self) -> dict:
        return {
            "total": self.total, "read": self.read, "read_as_values": self.read_as_values,
            "set_aside": dict(sorted(self.set_aside.items())),
            "unread": [f.as_dict() for f in self.unread],
            "warnings": list(self.warnings),
        }


def _decimal(text: str) -> Decimal | None:
    digits = re.sub(r"[^\d.]", "", text.split("%")[0])
    try:
        value = Decimal(digits) if digits and digits != "." else None
    except InvalidOperation:
        return None
    if value is not None and re.match(r"^\s?[-–]", text):
        value = -value
    return value


def _is_table_row(raw: str, cleaned: str) -> bool:
    """A row of a data table: cells (tabs, pipes or HTML cells), one of them a short
    figure after the first."""
    if re.search(r"<t[dh]\b", raw[:5000], re.I):
        return True
    if raw.lstrip().startswith("|"):
        cells = [c.strip() for c in cleaned.strip().strip("|").split("|")]
    else:
        cells = [c.strip() for c in cleaned.split("\t")]
    filled = [c for c in cells if c]
    return len(filled) >= 2 and any(len(c) <= 30 and _FIGURE_CELL.match(c) for c in filled[1:])


def _figures_of(number: int, page: int | None, raw: str, cleaned: str) -> list[Figure]:
    headline = bool(_HEADLINE.search(cleaned))
    table = _is_table_row(raw, cleaned)
    taken = [False] * len(cleaned)
    found: list[Figure] = []

    def add(m: re.Match, kind: str) -> None:
        s, e = m.start(), m.end()
        while s < e and cleaned[s] in " \t":
            s += 1
        if any(taken[s:e]):
            return
        for k in range(s, e):
            taken[k] = True
        text = cleaned[s:e]
        context = _SPACE.sub(" ", cleaned[max(0, s - 60):e + 60]).strip()
        found.append(Figure(number, page, s, e, text, kind,
                            _decimal(text) if kind == "number" else None,
                            context=context, headline=headline, table=table))

    for m in _UNIT.finditer(cleaned):  # "per 10,000" belongs to the unit
        for k in range(m.start(), m.end()):
            taken[k] = True
    for m in _PERIOD.finditer(cleaned):
        add(m, "period")
    for m in _NUMBER.finditer(cleaned):
        add(m, "number")
    for m in _CODE.finditer(cleaned):
        add(m, "code")
    found.sort(key=lambda f: f.start)
    return found


_NORM_CACHE: dict[str, str] = {}


def _norm_period(text: str) -> str:
    found = _NORM_CACHE.get(text)
    if found is None:
        found = re.sub(r"[\s()'.,]+", "", text.lower()).replace("–", "-")
        if len(_NORM_CACHE) < 50_000:
            _NORM_CACHE[text] = found
    return found


def _same_period(a: str, b: str) -> bool:
    return bool(a) and bool(b) and _norm_period(a) == _norm_period(b)


class Ledger:
    """Every figure of one paper, by line, with what has been read of them."""

    def __init__(self, paper: Paper, spans: list[tuple[int, int]] | None = None):
        """The figures of ``paper``, or of its lines within ``spans`` (first, last)."""
        if spans is not None:
            paper = Paper(paper.name, [ln for ln in paper.lines
                                       if any(a <= ln.number <= b for a, b in spans)],
                          paper.media_type, paper.page_count)
        self.paper = paper
        self.lines = {line.number: line for line in paper.lines}
        self.cleaned = {line.number: clean(line.text) for line in paper.lines}
        self.by_line: dict[int, list[Figure]] = {}
        for line in paper.lines:
            if not re.search(r"\d", self.cleaned[line.number]):
                continue
            figures = _figures_of(line.number, line.page, line.text, self.cleaned[line.number])
            if figures:
                self.by_line[line.number] = figures
        self.numbers = sorted(self.by_line)
        self.squeezed = {n: squeeze(text) for n, text in self.cleaned.items()}
        self._around: dict[int, list[str]] = {}
        self.contents = _contents_lines(paper, self.cleaned)
        self.warnings: list[str] = []

    @property
    def first_line(self) -> int:
        return self.paper.lines[0].number if self.paper.lines else 1

    @property
    def last_line(self) -> int:
        return self.paper.lines[-1].number if self.paper.lines else 1

    def _candidates(self, lines: tuple[int, int] | None, near: int | None) -> list[Figure]:
        low, high = lines if lines else (self.first_line, self.last_line)
        numbers = self.numbers[bisect_left(self.numbers, low):bisect_right(self.numbers, high)]
        if near is not None:
            numbers.sort(key=lambda n: (n < near, abs(n - near)))
        return [f for n in numbers for f in self.by_line[n]]

    def read(self, value: Decimal | int | None, *, lines: tuple[int, int] | None = None,
             near: int | None = None, what: str = "value") -> bool:
        """Mark as read the figure printed for ``value`` between ``lines`` (first, last),
        the one at or after line ``near`` first. False when no such figure is unread."""
        if value is None:
            return False
        wanted = Decimal(value)
        for figure in self._candidates(lines, near):
            if figure.read:
                continue
            if (figure.kind == "number" and figure.value is not None
                    and abs(figure.value) == abs(wanted)) or (
                    figure.kind == "period" and figure.text.isdigit()
                    and Decimal(figure.text) == wanted):
                figure.state, figure.what = "value", what
                return True
        return False

    def read_period(self, period: str, *, lines: tuple[int, int] | None = None,
                    near: int | None = None, what: str = "period") -> bool:
        """Mark as read the period (or date) printed as ``period``; a period already read
        for another value counts."""
        if not period or not re.search(r"\d", period):
            return False
        first = None
        for figure in self._candidates(lines, near):
            if figure.kind in ("period", "number", "code") and _same_period(figure.text, period):
                if not figure.read:
                    figure.state, figure.what = "value", what
                    return True
                first = first or figure
        # a period printed in parts ("Q2 17-18" read from "Q2" and "17-18", "(2017-" "18)")
        pieces = re.findall(r"\d+", period)
        done = False
        for figure in self._candidates(lines, near):
            if figure.read or not pieces:
                continue
            if re.sub(r"\D", "", figure.text) == pieces[0]:
                figure.state, figure.what = "value", what
                pieces.pop(0)
                done = True
        return done or first is not None

    def read_date(self, day: date | None, *, lines: tuple[int, int] | None = None,
                  near: int | None = None, what: str = "date") -> bool:
        if day is None:
            return False
        for text in (f"{day.day} {day:%B %Y}", f"{day.day} {day:%b %Y}", f"{day:%B %Y}",
                     f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day.year}", f"{day:%d.%m.%Y}",
                     f"{day:%d/%m/%y}", f"{day:%b %y}", f"{day:%B %y}"):
            if self.read_period(text, lines=lines, near=near, what=what):
                return True
        return False

    def read_text(self, text: str, *, lines: tuple[int, int] | None = None,
                  what: str = "text") -> int:
        """Mark as read every figure between ``lines`` whose printed words around it appear
        in ``text``, a text a record keeps as printed. Returns how many were marked."""
        if not text or not re.search(r"\d", text):
            return 0
        kept = squeeze(clean(text))
        marked = 0
        for figure in self._candidates(lines, None):
            if figure.read or figure.text.lower() not in kept:
                continue
            if any(a in kept for a in self._contexts(figure)):
                figure.state, figure.what = "text", what
                marked += 1
        return marked

    def _contexts(self, figure: Figure) -> list[str]:
        """The figure with the words either side of it, as ``read_text`` looks for them."""
        key = id(figure)
        if key not in self._around:
            cleaned = self.cleaned[figure.line]
            around = [squeeze(cleaned[max(0, figure.start - 12):figure.end + 12]),
                      squeeze(cleaned[figure.start:figure.end + 8]),
                      squeeze(cleaned[max(0, figure.start - 8):figure.end])]
            self._around[key] = [a for a in around if len(a) >= len(figure.text) + 3]
        return self._around[key]

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def close(self) -> Accounting:
        """Set aside what a named rule covers; the rest is unread."""
        figures = [f for n in self.numbers for f in self.by_line[n]]
        _chart_axes(figures)
        for figure in figures:
            if figure.read:
                continue
            if figure.line in self.contents:  # a contents list is no data table
                figure.table = False
            rule = "page_number" if figure.line in self.contents and \
                figure.start >= self.contents[figure.line] else \
                set_aside_rule(figure, self.cleaned[figure.line])
            if rule:
                figure.state, figure.what = "set_aside", rule
        return Accounting(figures, list(self.warnings))


_CONTENTS = re.compile(r"^\W{0,3}(?:Table of )?Contents\W{0,3}$", re.I)
_PAGE_CELL = re.compile(r"^\d{1,3}(?:\s?(?:&|-|–|,|and|to)\s?\d{1,3})*$")


def _contents_lines(paper: Paper, cleaned: dict[int, str]) -> dict[int, int]:
    """Lines of a contents list whose last cell gives page numbers, with where that cell
    starts in the cleaned line."""
    out: dict[int, int] = {}
    lines = paper.lines
    for i, line in enumerate(lines):
        if len(line.text) > 60 or not _CONTENTS.match(cleaned[line.number].strip()):
            continue
        blanks = 0
        for nxt in lines[i + 1:i + 80]:
            text = cleaned[nxt.number]
            if not text.strip():
                blanks += 1
                if blanks >= 2:
                    break
                continue
            blanks = 0
            cells = text.rstrip().split("\t")
            last = cells[-1].strip()
            if len(cells) < 2 and not re.search(r"\s\d{1,3}$", text.rstrip()):
                continue
            if len(cells) < 2:
                last = text.rstrip().rsplit(" ", 1)[-1]
            if _PAGE_CELL.match(last) and re.search(r"[A-Za-z]{3}", text):
                out[nxt.number] = text.rstrip().rfind(last)
    return out


_STEPS = {Decimal(n) for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500,
                                 5000, 10000)}
_BARE_QUARTER = re.compile(r"^Q[1-4]$")


def _chart_axes(figures: list[Figure]) -> None:
    """Set aside the labels of a chart's axes: runs of three or more unread whole numbers,
    in reading order over at most four lines, falling by one round step to the last; and
    lines holding three or more bare quarters ("Q1 Q2 Q3 Q4")."""
    by_line: dict[int, list[Figure]] = {}
    for f in figures:
        by_line.setdefault(f.line, []).append(f)
    for line_figures in by_line.values():
        quarters = [f for f in line_figures if not f.read and _BARE_QUARTER.match(f.text)]
        if len(quarters) >= 3:
            for f in quarters:
                f.state, f.what = "set_aside", "chart_axis"
            for f in line_figures:  # the axis' origin printed before its labels: "0 Q1 Q2"
                if not f.read and f.text == "0" and f.start < quarters[0].start:
                    f.state, f.what = "set_aside", "chart_axis"
    whole = [f for f in figures if not f.read and not f.headline and f.kind == "number"
             and f.value is not None and f.value == f.value.to_integral_value()
             and f.value >= 0 and "%" not in f.text and "," not in f.text]
    i = 0
    while i < len(whole):
        run = [whole[i]]
        j = i + 1
        while j < len(whole) and whole[j].line - run[0].line <= 3:
            step = run[-1].value - whole[j].value
            if (len(run) == 1 and step in _STEPS) or (len(run) > 1 and step == run[0].value
                                                      - run[1].value):
                run.append(whole[j])
                j += 1
            else:
                break
        if len(run) >= 3:
            for f in run:
                f.state, f.what = "set_aside", "chart_axis"
            i = j
        else:
            i += 1


# --- rules --------------------------------------------------------------------------------

_PAGE = re.compile(r"(?:^|\t)\s*(?:Page|Pages|pp?\.?)\s?(?:No\.?\s?)?$", re.I)
_PHONE = re.compile(r"(?:\(?\b0\d{2,4}\)?\s?\d{3,4}\s?\d{3,4}\b|\+44\s?\d[\d\s]{8,12}|"
                    r"\b(?:tel|telephone|phone|mobile)\b[^\d]{0,6}$)", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_LIST_START = re.compile(r"^\s*(?:[-–*•]\s*)?(?:\*\*)?\(?$")
_FILE_SIZE = re.compile(r"^\s?(?:KB|MB|GB|kb|mb|bytes)\b")
_TIME = re.compile(r"^\s?(?:am|pm|a\.m\.|p\.m\.|hrs|hours?\b(?=\s*(?:on|$)))", re.I)
_VERSION = re.compile(r"\b(?:version|v|ver\.?|minute|item|paragraph|para\.?|appendix|section|"
                      r"priority|recommendation|action|no\.?|number|ref\.?|reference|"
                      r"clause|regulation|schedule|standing order)\s?$", re.I)
_CODE_WORD = re.compile(r"\b[A-Z]{2,10}\s?[-:]?\s?$")


def set_aside_rule(figure: Figure, cleaned: str) -> str:
    """The name of the rule that sets ``figure`` aside, or "" when none does. A figure on
    a headline line or in a data table's cell is never set aside, bar page numbers."""
    before, after = cleaned[:figure.start], cleaned[figure.end:]
    stripped = cleaned.strip()
    if re.fullmatch(r"(?:Page\s?)?\d{1,4}", stripped, re.I) and (
            stripped.lower().startswith("page") or figure.page is not None):
        return "page_number"
    if _PAGE.search(before.rstrip()):
        return "page_number"
    if re.fullmatch(r"Page\s\d{1,4}(?:\s?of\s?\d{1,4})?", stripped, re.I):
        return "page_number"
    if figure.headline or figure.table:
        return ""
    if _PHONE.search(cleaned[max(0, figure.start - 8):figure.end + 14]) and \
            re.fullmatch(r"\(?0?\d{3,5}\)?|\d{3,8}", figure.text):
        return "phone_number"
    if _POSTCODE.search(cleaned[max(0, figure.start - 5):figure.end + 5]):
        return "postcode"
    if _FILE_SIZE.match(after):
        return "file_size"
    if _TIME.match(after) or re.fullmatch(r"\d{1,2}[.:]\d{2}", figure.text) and \
            re.match(r"\s?(?:am|pm|a\.m|p\.m)", after, re.I):
        return "time_of_day"
    if figure.kind == "period":
        return "date_in_prose"
    if figure.kind == "code":
        return "reference"
    if _VERSION.search(before[-20:]) or _CODE_WORD.search(before[-14:]) and \
            re.fullmatch(r"\d{1,3}[a-z]?", figure.text):
        return "reference"
    if _LIST_START.match(before) and re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?", figure.text) \
            and (after.startswith((".", ")", " ", "\t")) or not after):
        return "list_numbering"
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){1,3}", figure.text) and _LIST_START.match(before):
        return "list_numbering"
    return ""


# --- what parsers read --------------------------------------------------------------------

Reader = Callable[["Ledger", object, tuple[int, int]], None]
READERS: dict[type, Reader] = {}


def account(paper: Paper, record: object) -> Accounting | None:
    """The accounting of ``paper`` from what its parser read (``None`` for a kind of paper
    no reader is registered for)."""
    _register()
    if type(record) not in READERS:
        return None
    spans = None
    if type(record).__name__ == "ParsedAgendaPack":
        spans = [(p.start_line, p.end_line - 1) for p in record.parts
                 if p.parsed is not None and type(p.parsed) in READERS
                 and p.kind != "front_sheet"]
    ledger = Ledger(paper, spans)
    _dispatch(ledger, record, (ledger.first_line, ledger.last_line))
    return ledger.close()


def _dispatch(ledger: Ledger, record: object, lines: tuple[int, int]) -> bool:
    _register()
    reader = READERS.get(type(record))
    if reader is None:
        return False
    reader(ledger, record, lines)
    return True


def _register() -> None:
    if READERS:
        return
    from .records import ParsedActionPlan, ParsedAgendaPack, ParsedMonitoringReport

    READERS[ParsedMonitoringReport] = _monitoring
    READERS[ParsedActionPlan] = _action_plan
    READERS[ParsedAgendaPack] = _agenda_pack


def _agenda_pack(ledger: Ledger, pack, lines: tuple[int, int]) -> None:
    """An agenda pack: its monitoring reports and action plans (other parts are not
    accounted yet, so only their lines are counted)."""
    for part in pack.parts:
        if part.parsed is None or type(part.parsed) not in READERS or part.kind == "front_sheet":
            continue
        READERS[type(part.parsed)](ledger, part.parsed, (part.start_line, part.end_line - 1))


def _value(ledger: Ledger, value, lines, what: str) -> None:
    """A ParsedValue: its figure and its period, on the line that prints its words."""
    if value is None:
        return
    near = _line_of(ledger, value.text, lines)
    ledger.read(value.value, lines=lines, near=near, what=what)
    if value.period_text:
        ledger.read_period(value.period_text, lines=lines, near=near, what=f"{what} period")
    if value.note and near:
        # an explanation kept with the statement as printed ("see note 3")
        ledger.read_text(f"({value.note})", lines=(near, near + 1), what="explanation")


def _line_of(ledger: Ledger, text: str, lines) -> int | None:
    """The first line between ``lines`` whose text begins the printed words ``text``."""
    words = squeeze(clean(text or ""))[:40]
    if not words:
        return None
    for n in range(lines[0], lines[1] + 1):
        squeezed = ledger.squeezed.get(n)
        if squeezed and words[:25] in squeezed:
            return n
    return None


def _series(ledger: Ledger, series, lines, what: str) -> None:
    start = series.ref.line or lines[0]
    # an across table's periods head the table, some rows above the series' own row
    span = (max(lines[0], start - 15), min(lines[1], start + 4 * len(series.points) + 40))
    for period, value in series.points:
        if value is not None:
            ledger.read(value, lines=span, near=start, what=what)
        ledger.read_period(period, lines=span, near=start, what=f"{what} period")


def _texts(ledger: Ledger, texts: Iterable[tuple[str, str]], lines) -> None:
    for what, text in texts:
        if text:
            ledger.read_text(text, lines=lines, what=what)


def _monitoring(ledger: Ledger, report, lines: tuple[int, int]) -> None:
    low, high = lines
    for warning in report.warnings:
        ledger.warn(warning)
    starts = sorted({ind.ref.line for ind in report.indicators if ind.ref.line})
    front_end = starts[0] - 1 if starts else high
    front = (low, front_end)
    for period in (f"{report.edition:%B %Y}",):
        title = squeeze(report.title)[:20]
        for n in range(low, high + 1):
            if n in ledger.by_line and title and title in ledger.squeezed[n]:
                ledger.read_period(period, lines=(n, n + 3), near=n, what="edition")
    ledger.read_text(report.title, lines=front, what="title")
    for count in (report.stated_indicator_count, report.stated_measure_count,
                  report.stated_risk_count):
        ledger.read(count, lines=front, near=low, what="stated count")
    for entry, page in report.contents:
        ledger.read_text(entry, lines=front, what="contents")
        if page and page.isdigit():
            ledger.read(Decimal(page), lines=front, near=low, what="contents page")
    for item in report.focus:
        ledger.read_text(item.text, lines=front, what="focus")
        ledger.read_text(item.reason, lines=front, what="focus")
    if report.cover is not None:
        _cover(ledger, report.cover, front)
    regions = _regions(report.indicators, high)
    for ind in report.indicators:
        region = regions.get(id(ind), (ind.ref.line or low, high))
        _indicator(ledger, ind, region)
    for risk in report.unassigned_risks:
        _risk(ledger, risk, lines)


def _regions(indicators, high: int) -> dict[int, tuple[int, int]]:
    """Each indicator's lines: from its heading to the next page's heading. Parts of one
    page share the page's lines."""
    by_code: dict[str, list] = {}
    for ind in indicators:
        by_code.setdefault(ind.code, []).append(ind)
    starts = sorted({min(i.ref.line for i in group if i.ref.line)
                     for group in by_code.values() if any(i.ref.line for i in group)})
    out = {}
    for group in by_code.values():
        first = min((i.ref.line for i in group if i.ref.line), default=None)
        if first is None:
            continue
        later = [s for s in starts if s > first]
        last = later[0] - 1 if later else high
        for ind in group:
            out[id(ind)] = (first, last)
    return out


def _indicator(ledger: Ledger, ind, region) -> None:
    ledger.read_text(f"{ind.code} {ind.title} {ind.group_title}", lines=region, what="title")
    _value(ledger, ind.latest, region, "latest")
    _value(ledger, ind.previous, region, "previous")
    for value in ind.other_values:
        _value(ledger, value, region, "value")
    _value(ledger, ind.target, region, "target")
    if ind.target_text:
        ledger.read_text(ind.target_text, lines=region, what="target")
    if ind.benchmark is not None:
        bench = ind.benchmark
        near = _line_of(ledger, bench.text, region)
        ledger.read(bench.value, lines=region, near=near, what="comparator")
        ledger.read_period(bench.period_text, lines=region, near=near,
                           what="comparator period")
    if ind.trend is not None and ind.trend.over_text:
        near = _line_of(ledger, ind.trend.text, region)
        ledger.read(Decimal(ind.trend.over_text.split()[0]), lines=region, near=near,
                    what="trend")
    for series in ind.series:
        _series(ledger, series, region, "comparator" if series.is_comparator else "series")
    for measure in ind.measures:
        ledger.read_text(measure.title, lines=region, what="measure title")
        for value in measure.latest:
            _value(ledger, value, region, "measure latest")
        for value in measure.previous:
            _value(ledger, value, region, "measure previous")
        for value in measure.other_values:
            _value(ledger, value, region, "measure value")
        _value(ledger, measure.target, region, "measure target")
        for series in measure.series:
            _series(ledger, series, region, "measure series")
    for risk in ind.risks:
        _risk(ledger, risk, region)
    _texts(ledger, (("story", ind.story), ("partners", ind.partners),
                    ("what we are doing", ind.what_we_are_doing),
                    ("value for money", ind.value_for_money)), region)


def _risk(ledger: Ledger, risk, lines) -> None:
    near = risk.ref.line
    window = (near, near + 2) if near else lines
    ledger.read_text(f"{risk.code} - {risk.title}", lines=window, what="risk")
    for figure in ledger._candidates(window, near):
        if not figure.read and figure.text.lower() == risk.code.lower():
            figure.state, figure.what = "value", "risk code"
            break


def _cover(ledger: Ledger, cover, lines) -> None:
    ledger.read_date(cover.date_of_meeting, lines=lines, what="date of meeting")
    texts = [cover.committee, cover.officer, cover.subject, cover.executive_summary,
             cover.equalities_impact, cover.use_of_evidence, cover.budget,
             cover.risk_assessment, cover.other_implications, cover.recommendation,
             cover.reason_for_recommendation, *cover.appendices, *cover.background_papers,
             cover.contact_name, *cover.other_fields.values()]
    for text in texts:
        ledger.read_text(text, lines=lines, what="cover sheet")
    if cover.contact_phone:
        ledger.read_text(cover.contact_phone, lines=lines, what="contact")


def _action_plan(ledger: Ledger, plan, lines: tuple[int, int]) -> None:
    ledger.read_text(plan.title, lines=lines, what="title")
    ledger.read_text(plan.summary, lines=lines, what="summary")
    ledger.read_date(plan.published_on, lines=lines, what="published")
    starts = sorted({a.ref.line for a in plan.actions if a.ref.line})
    for priority in plan.priorities:
        ledger.read_text(f"{priority.number} {priority.title}", lines=lines, what="priority")
        ledger.read_text(priority.description, lines=lines, what="priority")
        for action in priority.actions:
            near = action.ref.line
            later = [n for n in starts if near and n > near]
            # an action's cells run at most to the next action's row (a page later)
            window = (near, min(lines[1], (later[0] - 1 if later else lines[1]), near + 150)) \
                if near else lines
            texts = [action.number, action.text, action.timescale, action.measures_of_success,
                     action.lead, action.progress, action.status_text,
                     *action.extra.values()]
            for text in texts:
                ledger.read_text(text, lines=window, what="action")
            if not ledger.read_period(action.timescale, lines=window, near=near, what="due"):
                ledger.read_date(action.due, lines=window, near=near, what="due")
            if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})?", action.number or ""):
                ledger.read(Decimal(action.number), lines=window, near=near, what="action number")
            for milestone in action.milestones:
                ledger.read_text(milestone.text, lines=window, what="milestone")
                ledger.read_text(milestone.due_text, lines=window, what="milestone")
                if not ledger.read_period(milestone.due_text, lines=window, near=near,
                                          what="milestone due"):
                    ledger.read_date(milestone.due, lines=window, near=near, what="milestone due")
