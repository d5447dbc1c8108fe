"""The body of an Outcomes Focused Monitoring Report read line by line: the executive
summary's focus lists, the contents, one page per population indicator (merging
"(Cont'd)" pages, splitting pages printed in parts), the unassigned corporate risks and
the key. Two layouts are read: one statement per line ("DORSET - Trend IMPROVING  G") and
the three-column layout of some PDF conversions ("DORSET  DORSET  COMPARATOR" over
"Latest (March 2017) 51 per 10,000  Trend IMPROVING  Benchmark (England) …")."""

from __future__ import annotations

import re

from scrutinydesk.outcomes.titles import normalise_code, normalise_title

from ..records import (
    ParsedFocusItem,
    ParsedIndicator,
    ParsedMeasure,
    ParsedRiskAssessment,
    ParsedValue,
)
from . import monitoring_front as front
from . import monitoring_values as values
from .monitoring_heads import Heading, column_caption, is_column_header, lead_officers
from .monitoring_lists import Measures, Risks
from .monitoring_tables import Table, is_measure_label
from .monitoring_text import Row, is_prose, join_fragments, words
from .monitoring_words import rag_letter

AREA = r"[A-Z][A-Z.'&]{1,30}(?:\s[A-Z][A-Z.'&]{1,30}){0,2}"
_PART = re.compile(rf"^{AREA}\s?[-–—:]?\s?Population Indicator\s?[-–—:]?\s?(?P<name>.{{1,150}}?)"
                   r"\s?[-–—:]?\s?(?P<kw>Latest|Previous)\b(?P<rest>.*)$")
_LATEST = re.compile(rf"^(?P<area>{AREA})?\s?[-–—:]?\s?(?P<kw>Latest|Previous)\b(?P<rest>.*)$")
_TREND = re.compile(rf"^(?:{AREA}\s?[-–—:]?\s?)?(?:\d{{1,2}}\s?[- ]?[Yy]ears?\s)?"
                    r"(?:Trend\b|NEW INDICATOR\b|NO TREND\b)")
_COMPARATOR = re.compile(r"^(?:COMPARATOR\b|Benchmark\s?[(:-])", re.I)
_TARGET = re.compile(rf"^(?:{AREA}\s?[-–—:]\s?)?Target(?:\s?[-–—:]|\s(?=[£\d(]))")
_TARGET_IN = re.compile(r"\bTarget\s?[-–:]\s?(.{3,160}?\bby\s(?:the end of\s)?\d{4}(?:-\d{2})?)")
_STORY = re.compile(r"^Story behind (?:the )?baseline\s?(?:[:\-–]\s?|$)", re.I)
_PARTNERS = re.compile(r"^\w{2,12} with a significant role to play\s?[:\-–]?\s?", re.I)
_DOING = re.compile(r"^What (?:are we|we are|is being) doing\s?\??\s?[:\-–]?\s?", re.I)
_MEASURES = re.compile(r"^(?:[A-Z][A-Za-z ]{0,40}\s)?Performance Measures?\s?(?:\(s\))?"
                       r"(?:\s?[-–]\s?Trend Lines?)?$")
_RISKS = re.compile(r"^Corporate Risks?(?:\s?\(s\))?(?:\s(?:Score|Level|Rating))?"
                    r"(?:\s(?:Trend|Direction))?$")
_VFM = re.compile(r"^Value for Money(?:\sLatest)?(?:\sRank)?$", re.I)
_UNASSIGNED = re.compile(r"^(?:Other\s)?Corporate Risks?\b.{0,120}\bnot (?:assigned|linked|mapped)",
                         re.I)
_FOCUS = re.compile(r"^Suggested (Indicators?|(?:Performance )?Measures?|Risks?) for Focus:?$",
                    re.I)
_CONTACT = re.compile(r"^(?:CONTACTS?|Contacts?(?: details)?:?|Contact us)$")
_FREE_TEXT = ("story", "partners", "doing", "vfm")
_THEN_PREVIOUS = re.compile(r"\s[-–—:;,|]?\s?\bPrevious\b")
_THEN_LATEST = re.compile(r"\s[-–—:;,|]?\s?\bLatest\b")
_PERIOD_VALUE = re.compile(rf"\b({values.PERIOD})\s(\d[\d,.]*)", re.I)  # "2016-17 3,553"


class _Page:
    """One indicator's page(s): headline statements go to the part being read (or the page
    itself), commentary printed once for the page is shared by all its parts."""

    def __init__(self, code: str, number: int | None, title: str, row: Row):
        self.main = ParsedIndicator(code=code, title=title, number=number, ref=row.ref)
        self.parts: list[ParsedIndicator] = []
        self.has_columns = False
        self.partners: list[str] = []
        self.doing: list[str] = []
        self.vfm: list[str] = []
        self.last_row = row

    @property
    def target(self) -> ParsedIndicator:
        return self.parts[-1] if self.parts else self.main

    def finish(self) -> list[ParsedIndicator]:
        """The page's indicators: the page itself, or its parts (measures and risks printed
        once for a page in parts are given to its first part)."""
        main = self.main
        main.partners = "\n\n".join(self.partners)
        main.what_we_are_doing = "\n\n".join(self.doing)
        main.value_for_money = "\n\n".join(self.vfm)
        last = self.last_row.line.page
        if last is not None and main.ref.page is not None and last != main.ref.page:
            main.ref.page_end = last
        if not self.parts:
            return [main]
        for part in self.parts:
            part.outcome_lead_officers = list(main.outcome_lead_officers)
            part.lead_officers = list(main.lead_officers)
            part.partners, part.value_for_money = main.partners, main.value_for_money
            part.what_we_are_doing = main.what_we_are_doing
            part.story = part.story or main.story
        if main.latest or main.trend or main.benchmark:
            return [main, *self.parts]
        first = self.parts[0]
        first.measures[:0], first.risks[:0], first.series[:0] = main.measures, main.risks, \
            main.series
        return self.parts


class PageReader:
    """Reads rows ``start``..``end`` of a report; results are left on the instance."""

    def __init__(self, rows: list[Row], heading: Heading, tables: dict[int, Table]):
        self.rows, self.heading, self.tables = rows, heading, tables
        self.contents_titles: dict[int, str] = {}
        self.pages: dict[str, _Page] = {}
        self.page: _Page | None = None
        self.section, self.sub = "front", ""
        self.focus: list[ParsedFocusItem] = []
        self.focus_kinds: dict[int, str] = {}
        self.reason_column: int | None = None  # the "Reason" column of a focus table
        self.contents: list[tuple[str, str]] = []
        self.unassigned: list[ParsedRiskAssessment] = []
        self.key: dict[str, str] = {}
        self.first_page_row: int | None = None
        self.skip: set[int] = set()
        self.pending = None  # trend or benchmark still waiting for its RAG letter
        self.after_break = False  # a page footer came since the last row of text
        self.measures, self.risks = Measures(), Risks()
        self.areas: set[str] = set()  # the area named on headline lines: "NORTHMOOR"
        self.warnings: list[str] = []  # what could not be placed with confidence

    # --- driver ---------------------------------------------------------------------------
    def run(self, start: int, end: int) -> None:
        i, blanks = start, 0
        while i < end and self.section != "end":
            row = self.rows[i]
            if i in self.tables:
                self._attach(self.tables[i])
                i = max(self.tables[i].end, i + 1)
                continue
            if i in self.skip:
                i += 1
                continue
            if "<table" in row.line.text[:2000].lower():
                i = self._unplaced_markup(i, end)
                continue
            if row.blank and row.artefact:
                blanks = 0  # a page break, not a gap: the text may run on over it
                self.after_break = True
                i += 1
                continue
            if row.blank:
                blanks += 1
                if blanks >= 3 and self.sub in _FREE_TEXT:
                    self.sub = "idle"
                i += 1
                continue
            blanks = 0
            before = self.page
            self._row(row)
            self.after_break = False
            if self.page is not None and self.page is before:
                self.page.last_row = row
            i += 1

    def _unplaced_markup(self, i: int, end: int) -> int:
        """An HTML table no reader could take as a table of values: its cells are no
        statements, so none of them is read; the paper's reviewer is told. Returns the
        row after the table."""
        first = self.rows[i]
        j = i
        while j < end:
            j += 1
            if "</table" in self.rows[j - 1].line.text.lower():
                break
        if self.section == "page" and self.page is not None:
            self.warn(first, "a table whose rows are not periods and values was not read")
        return j

    def warn(self, row: Row, message: str) -> None:
        where = f"page {row.line.page}, line {row.line.number}" if row.line.page is not None \
            else f"line {row.line.number}"
        subject = f" ({self.page.main.code})" if self.page is not None else ""
        self.warnings.append(f"{where}{subject}: {message}")

    def _row(self, row: Row) -> None:
        text = row.flat
        if front.is_contents_head(row):
            entries, after = front.read_contents(self.rows, row.index)
            self.contents += entries
            for n, title in front.contents_titles(entries).items():
                self.contents_titles.setdefault(n, title)
            self.skip.update(range(row.index + 1, after))
            return
        head = self.heading.read(row, self.rows, self.skip)
        if head is not None:
            self._open(head.code, head.number, head.title, row, head.outcome_leads, head.leads)
            return
        if is_column_header(row):
            self._columns(row)
            return
        if _UNASSIGNED.match(text[:300]):
            self._close("unassigned")
            return
        if front.is_key_head(row):
            self._close("key")
            return
        if _CONTACT.match(text) and self.pages:  # the contact block closes the report
            self._close("end")
            return
        kinds = {i: _focus_kind(c) for i, c in enumerate(row.cells) if _FOCUS.match(c)}
        if kinds:
            self._close("focus")
            self.focus_kinds, self.reason_column = kinds, None
            return
        table = _focus_table_head(row) if self.section in ("front", "focus") else None
        if table is not None:  # "Indicator  Reason" over rows of an item and its reason
            self._close("focus")
            self.focus_kinds, self.reason_column = {0: table[0]}, table[1]
            return
        if self.section == "focus":
            self._focus(row)
        elif self.section == "unassigned":
            self.risks.read(row, self.unassigned)
        elif self.section == "key":
            for word, meaning in front.key_entries(row):
                self.key.setdefault(word, meaning)
        elif self.section == "page" and self.page is not None:
            self._page_row(row, self.page)

    def _close(self, section: str) -> None:
        self.section, self.sub, self.page, self.pending = section, "", None, None
        self.measures.reset()
        self.risks.reset()

    # --- pages ----------------------------------------------------------------------------
    def _open(self, code: str, number: int | None, title: str, row: Row,
              outcome_leads: list[str], leads: list[str]) -> _Page:
        key = normalise_code(code)
        page = self.pages.get(key)
        if page is None:
            title = title or self.contents_titles.get(number or -1, "")
            page = self.pages[key] = _Page(code, number, title, row)
            if self.first_page_row is None:
                self.first_page_row = row.index
        main = page.main
        main.title = main.title or title
        for name in outcome_leads:
            if name not in main.outcome_lead_officers:
                main.outcome_lead_officers.append(name)
        for name in leads:
            if name not in main.lead_officers:
                main.lead_officers.append(name)
        self._close("page")
        self.page, self.sub = page, "head"
        return page

    def _columns(self, row: Row) -> None:
        """A page in three columns: the headline statements are read down each column of
        the (at most six) lines under the header."""
        number, caption = column_caption(row)
        page = self.page if self.section == "page" and self.page and not self.page.has_columns \
            else None
        if page is None:
            number = self._identify(number, caption)
            if number is None:
                return
            code = self.heading.code_for(number)
            outcome_leads, leads = lead_officers(" ".join(row.cells[3:]))
            page = self._open(code, number, "", row, outcome_leads, leads)
        page.has_columns = True
        block = []
        for nxt in self.rows[row.index + 1: row.index + 7]:
            if nxt.blank:
                break
            block.append(nxt)
            self.skip.add(nxt.index)
        column = [join_fragments([r.cells[k] if k < len(r.cells) else "" for r in block])
                  for k in range(3)]
        target = page.target
        m = re.search(r"\b(Latest|Previous)\b", column[0])
        if m:
            value = values.read_value(column[0][m.end():], column[0])
            if value is not None:
                setattr(target, "latest" if m[1] == "Latest" else "previous", value)
                self._other_values(target, column[0][m.end():], value)
        target.trend = values.read_trend(column[1], []) or target.trend
        if column[2]:
            target.benchmark = values.read_benchmark(column[2], [])
        extra = [join_fragments([r.cells[k] if k < len(r.cells) else "" for r in [row, *block]])
                 for k in range(3, max((len(r.cells) for r in [row, *block]), default=3))]
        for text in extra:
            tm = _TARGET_IN.search(text[:1000])
            if tm and not target.target_text:
                target.target_text = tm.group(0)

    def _identify(self, number: int | None, caption: str) -> int | None:
        """The number of a page that has no heading, from its chart caption ("01: Rate of
        children …", whose number may be wrong) matched to the contents list."""
        used = {p.main.number for p in self.pages.values()}
        if caption and self.contents_titles:
            best = max((max(front.share(caption, t), 0.0), n == number, n)
                       for n, t in self.contents_titles.items())
            if best[0] >= 0.6:
                return best[2]
        if number is not None and number not in used:
            return number
        following = max((n for n in used if n is not None), default=0) + 1
        if following in self.contents_titles:
            return following
        return None

    def _other_values(self, target: ParsedIndicator, text: str, latest: ParsedValue) -> None:
        extra = values.equating(text, latest.period_text)
        if extra is not None:
            target.other_values.append(extra)
        if "=" in text and "compared" not in text.lower():
            return
        m = _PERIOD_VALUE.search(text[:400])
        if m and values.is_period(m[1]) and m[1] != latest.period_text:
            value = values.read_value(m.group(0), m.group(0))
            if value is not None and value.value is not None:
                target.other_values.append(value)

    def _page_row(self, row: Row, page: _Page) -> None:
        text, head = row.flat, row.flat[:400]
        target = page.target
        pending, self.pending = self.pending, None
        for pattern, sub in ((_STORY, "story"), (_PARTNERS, "partners"), (_DOING, "doing")):
            m = pattern.match(head)
            if m:
                self.sub = sub
                self._commentary(page, text[m.end():].strip())
                return
        if _MEASURES.match(head) and len(text) < 100:
            self.sub = "measures"
            self.measures.reset()
            return
        if _RISKS.match(text):
            self.sub = "risks"
            self.risks.reset()
            return
        if _VFM.match(text):
            self.sub = "vfm"
            return
        m = _PART.match(head)
        if m:
            name = m["name"].strip(" -–:")
            part = ParsedIndicator(code=page.main.code, title=name, number=page.main.number,
                                   group_title=page.main.title, ref=row.ref)
            page.parts.append(part)
            self._latest(part, m["rest"], text, m["kw"])
            return
        m = _LATEST.match(head)
        if m and (m["area"] or (self.sub != "measures" and m["rest"].lstrip().startswith("("))):
            if m["area"]:
                self.areas.add(normalise_title(m["area"]))
            self._latest(target, m["rest"], text, m["kw"])
            return
        if _TREND.match(head) and self.sub not in ("risks", "measures"):
            trend = values.read_trend(text, row.cells)
            if trend is not None:
                target.trend = self.pending = trend
                self.sub = "head"
                return
        if _COMPARATOR.match(head):
            target.benchmark = self.pending = values.read_benchmark(text, row.cells)
            own = values.own_rate(text)
            if own is not None:
                target.other_values.append(own)
            self.sub = "head"
            return
        if _TARGET.match(head):
            target.target_text = text
            target.target = values.read_target(text) or target.target
            return
        if pending is not None and not pending.rag and len(text) <= 6 and rag_letter(text):
            pending.rag = rag_letter(text)
            return
        if self.sub == "head" and target.latest is not None:
            value = values.read_value(text, text)
            if value is not None and value.value is not None and value.period_text \
                    and len(words(text)) <= 6:
                if _more_figures(text, value):
                    # "2013  18  211  229": a row of a table, not one statement
                    self.warn(row, f"a row of figures ({text[:60]}) was not read: it is no "
                                   "statement and no table of periods")
                    return
                target.other_values.append(value)
                return
        if self.sub in ("story", "doing") and is_prose(text):
            self._commentary(page, text)
        elif self.sub == "vfm" and not re.fullmatch(r"(?:Latest|Rank|\s)+", text):
            page.vfm.append(text)
        elif self.sub == "measures":
            self.measures.read(row, page.main.measures)
        elif self.sub == "risks" and text not in ("Score", "Trend", "Level", "Rating"):
            self.risks.read(row, page.main.risks)

    def _commentary(self, page: _Page, text: str) -> None:
        """A paragraph of the section being read: the story goes to the part being read,
        partners and "what are we doing" to the page."""
        if not text:
            return
        if self.sub == "story":
            target = page.target
            if target.story and self.after_break and _runs_on(target.story, text):
                target.story = f"{target.story.rstrip()} {text.lstrip()}"
            else:
                target.story = f"{target.story}\n\n{text}" if target.story else text
        else:
            texts = page.partners if self.sub == "partners" else page.doing
            if texts and self.after_break and _runs_on(texts[-1], text):
                texts[-1] = f"{texts[-1].rstrip()} {text.lstrip()}"
            else:
                texts.append(text)

    def _latest(self, target: ParsedIndicator, rest: str, text: str, kw: str) -> None:
        value = values.read_value(rest, text)
        self.sub = "head"
        if value is None:
            return
        if kw.lower() == "previous":
            lm = _THEN_LATEST.search(rest[:1000])
            latest = values.read_value(rest[lm.end():], rest[lm.start():].strip(" -–—:;,|")) \
                if lm else None
            if latest is not None and (latest.value is not None or latest.status):
                # "Previous (March 2017) 47.8 per 10,000  Latest (March 2018) 44.6 per 10,000"
                cut = text.find(rest[lm.start():])
                value = values.read_value(rest[:lm.start()],
                                          text[:cut].strip() if cut > 0 else text) or value
                value.unit_text = value.unit_text or latest.unit_text
                latest.unit_text = latest.unit_text or value.unit_text
                target.latest = latest
                self._other_values(target, rest[lm.end():], latest)
                self._note_facts(target, latest)
            target.previous = value
            return
        pm = _THEN_PREVIOUS.search(rest[:1000])
        previous = values.read_value(rest[pm.end():], rest[pm.start():].strip(" -–—:;,|")) \
            if pm else None
        if previous is not None and (previous.value is not None or previous.status):
            # "Latest (Q4 17-18) 58.6 Previous (Q3 17-18) 59.4": two statements on one line
            cut = text.find(rest[pm.start():])
            rest = rest[:pm.start()]
            value = values.read_value(rest, text[:cut].strip() if cut > 0 else text) or value
            target.previous = target.previous or previous
        statement = values.read_statement(rest, text)
        if len(statement) >= 2:
            # "Latest (Q3 2018-19) 642  Female victims 507 / Male victims 135"
            if statement[0].breakdown:
                target.other_values.extend(statement)
            else:
                value = statement[0]
                target.other_values.extend(statement[1:])
        target.latest = value
        self._other_values(target, rest, value)
        self._note_facts(target, value)

    def _note_facts(self, target: ParsedIndicator, value: ParsedValue | None) -> None:
        """What the bracket after a value states: a target, another period's figure, the
        figure as a rate."""
        if value is None:
            return
        stated, others = values.note_facts(value)
        if stated is not None and target.target is None:
            target.target = stated
        target.other_values.extend(others)

    # --- focus and tables -----------------------------------------------------------------
    def _focus(self, row: Row) -> None:
        if self.reason_column is not None:
            cells = row.cells
            reason = cells[self.reason_column] if self.reason_column < len(cells) else ""
            text = cells[0] if cells else ""
            if text and re.search(r"[A-Za-z]{2}", text) and \
                    not re.fullmatch(r"(?:none|n/?a|nil)\.?", text, re.I):
                self.focus.append(ParsedFocusItem(kind=self.focus_kinds[0], text=text,
                                                  reason=reason.strip(), ref=row.ref))
            return
        columns = len(self.focus_kinds) > 1
        for i, cell in enumerate(row.cells):
            kind = self.focus_kinds.get(i) if columns else next(iter(self.focus_kinds.values()))
            if not cell or kind is None or not re.search(r"[A-Za-z]{2}", cell):
                continue
            if re.fullmatch(r"(?:none|n/?a|nil)\.?", cell, re.I):
                continue
            last = self.focus[-1] if self.focus else None
            if kind == "risk" and last and last.kind == "risk" and cell[0].islower() \
                    and not columns:
                last.text = f"{last.text} {cell}"
                continue
            self.focus.append(ParsedFocusItem(kind=kind, text=cell, ref=row.ref))

    def _attach(self, table: Table) -> None:
        if self.page is None or self.section != "page":
            return
        if any(not s.name for s in table.series) and not (
                self.sub == "measures" and self.measures.current is not None):
            # values with no name under periods: only a measure's title above places them
            self.warn(self.rows[table.start], "a table of values with no name was not read: "
                                              "nothing says whose they are")
            return
        if self.sub == "measures" and _rows_are_measures(table, self.measures.current):
            self._measure_rows(table, self.page.main.measures)
        elif self.sub == "measures" and self.measures.current is not None:
            self.measures.current.series.extend(table.series)
        else:
            self.page.target.series.extend(table.series)

    def _measure_rows(self, table: Table, into: list[ParsedMeasure]) -> None:
        """A table of measures by period ("Measure  Q3 17-18  Q4 17-18 …" over one row per
        measure): each row is a measure's own values, given to the measure of that title
        already listed on the page (its title printed above the table) or to a new one.
        A comparator's row goes with the measure above it."""
        known = {normalise_title(m.title): m for m in into}
        last = self.measures.current
        for series in table.series:
            if series.is_comparator and last is not None:
                last.series.append(series)
                continue
            measure = known.get(normalise_title(series.name))
            if measure is None:
                measure = ParsedMeasure(title=series.name, ref=series.ref)
                into.append(measure)
                known[normalise_title(series.name)] = measure
            series.unit_text = series.unit_text or values.unit_in_title(series.name)
            series.name = ""  # the measure's own figures
            measure.series.append(series)
            last = measure
        self.measures.current, self.measures.titled = last, False

    def indicators(self) -> list[ParsedIndicator]:
        found = [ind for page in self.pages.values() for ind in page.finish()]
        for ind in found:
            for series in [*ind.series, *(s for m in ind.measures for s in m.series)]:
                if not series.is_comparator and normalise_title(series.name) in self.areas:
                    series.is_own = True  # the area's own figures, named by the area
        return found


def _more_figures(text: str, value: ParsedValue) -> bool:
    """Does a second bare figure follow the first after the period, with no word between
    them ("2013  18  211  229")?"""
    at = text.find(value.period_text)
    rest = text[at + len(value.period_text):] if at >= 0 else text
    numbers = list(re.finditer(rf"(?<![\w.,-])(?:{values.NUMBER})%?(?![\w-])", rest[:300]))
    if len(numbers) < 2:
        return False
    between = rest[numbers[0].end():numbers[1].start()]
    return not re.search(r"[A-Za-z]{2}", between)


def _rows_are_measures(table: Table, current: ParsedMeasure | None) -> bool:
    """Is each row of a table under "Performance Measure(s)" a measure of its own? When
    its header says so ("Measure  Q3 17-18 …"), when a row repeats the title of the
    measure just listed, or when no measure title came before the table and its rows are
    named like measures rather than areas."""
    if is_measure_label(table.label):
        return True
    own = [s for s in table.series if not s.is_comparator]
    if current is not None:
        key = normalise_title(current.title)
        return any(normalise_title(s.name) == key for s in own)
    return bool(own) and all(len(words(s.name)) >= 3 for s in own)


def _runs_on(before: str, text: str) -> bool:
    """Does ``text`` carry on the sentence ``before`` left unfinished (a paragraph cut by a
    page break: "… close to home and at a" + "lower cost than …")?"""
    end, start = before.rstrip()[-1:], text.lstrip()[:1]
    return bool(end) and end not in ".!?:;" and (start.islower() or start in ",;)–-")


_FOCUS_TABLE_KIND = re.compile(r"^(?:Suggested\s)?(?:Population\s|Performance\s|Corporate\s)?"
                               r"(Indicators?|Measures?|Risks?)(?:\sfor\sfocus)?$", re.I)


def _focus_table_head(row: Row) -> tuple[str, int] | None:
    """(kind, reason column) of a focus table's header: "Indicator  Reason"."""
    cells = row.cells
    if len(row.filled) != 2 or not cells or not cells[0]:
        return None
    m = _FOCUS_TABLE_KIND.match(cells[0].strip())
    column = next((i for i, c in enumerate(cells)
                   if i > 0 and re.fullmatch(r"Reasons?(?:\sfor\s(?:focus|selection))?", c.strip(),
                                             re.I)), None)
    if not m or column is None:
        return None
    word = m[1].lower()
    kind = "indicator" if word.startswith("indicator") else \
        "risk" if word.startswith("risk") else "measure"
    return kind, column


def _focus_kind(cell: str) -> str:
    word = cell.split()[1].lower()
    return "indicator" if word.startswith("indicator") else \
        "risk" if word.startswith("risk") else "measure"
