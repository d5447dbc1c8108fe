"""The two lists printed on an indicator page: its performance measures ("Performance
Measure(s) – Trend Lines") and its corporate risks ("Corporate Risk  Score  Trend"), read
line by line, with the lines a conversion broke apart put back together."""

from __future__ import annotations

import re

from ..records import ParsedMeasure, ParsedRiskAssessment, ParsedValue
from . import monitoring_values as values
from .monitoring_text import MAX_LINE, Row, cell_lines, is_prose, words
from .monitoring_words import risk_level, risk_trend, status_word

_VALUE = re.compile(r"^(?P<pre>.{0,300}?)\b(?P<kw>Latest|Previous)\b(?P<rest>.*)$")
_THEN_PREVIOUS = re.compile(r"\s[-–—:;,|]?\s?\bPrevious\b")
_THEN_LATEST = re.compile(r"\s[-–—:;,|]?\s?\bLatest\b")
_TITLE_START = re.compile(r"^(?:[A-Za-z%(#£]|\d+(?:st|nd|rd|th)\b)")


class Measures:
    """Measures as listed: "Title Latest Q2 17-18 – 17.6%" on one line, the title on one
    line and "Latest …" on the next, or an HTML cell of a title and its breakdowns
    ("Principal Latest Q2 17-18 – 4%"); "TO FOLLOW" / "UNDER DEVELOPMENT" for a value."""

    def __init__(self) -> None:
        self.current: ParsedMeasure | None = None
        self.titled = False  # the current measure was opened by a line of its title only

    def reset(self) -> None:
        self.current, self.titled = None, False

    def read(self, row: Row, into: list[ParsedMeasure]) -> None:
        lines = [s for cell in row.line.text[:MAX_LINE].split("\t") for s in cell_lines(cell)]
        for line in lines:
            m = _VALUE.match(line[:2000])
            value = values.read_value(m["rest"], line) if m else None
            statement = values.read_statement(m["rest"], line) if m else []
            if len(statement) >= 2:  # a value and its breakdown, or the breakdown alone
                first, *more = statement
                self._value(m["pre"].strip(" -–:"), m["kw"], first, row, into)
                if self.current is not None:
                    for extra in more:
                        extra.unit_text = extra.unit_text or \
                            values.unit_in_title(self.current.title)
                        (self.current.previous if m["kw"] == "Previous"
                         else self.current.latest).append(extra)
            elif m and value is not None and m["kw"] == "Previous" and \
                    _THEN_LATEST.search(m["rest"][:1000]):
                # "Previous Q4 17-18 – 318.2  Latest Q1 18-19 – 305.7": two values, one line
                lm = _THEN_LATEST.search(m["rest"][:1000])
                before = m["rest"][:lm.start()]
                previous = values.read_value(before, line[:len(line) - len(m["rest"])
                                                          + lm.start()].strip())
                latest = values.read_value(m["rest"][lm.end():],
                                           m["rest"][lm.start():].strip(" -–—:;,|"))
                if previous is not None:
                    self._value(m["pre"].strip(" -–:"), "Previous", previous, row, into)
                if latest is not None and self.current is not None:
                    latest.unit_text = latest.unit_text or previous.unit_text if previous \
                        else latest.unit_text
                    latest.unit_text = latest.unit_text or \
                        values.unit_in_title(self.current.title)
                    if previous is not None and not previous.unit_text:
                        previous.unit_text = latest.unit_text
                    if previous is not None:
                        latest.breakdown = previous.breakdown  # "Principal – Previous … Latest …"
                    self.current.latest.append(latest)
            elif m and value is not None:
                self._value(m["pre"].strip(" -–:"), m["kw"], value, row, into)
                if m["kw"] == "Latest":
                    self._then_previous(m["rest"], line, row, into)
            elif status_word(line) and self.current is not None:
                self.current.latest.append(ParsedValue(text=line, status=status_word(line)))
            elif _TITLE_START.match(line) and is_prose(line) and not line.isupper():
                self._open(line, row, into, titled=True)

    def _then_previous(self, rest: str, line: str, row: Row, into: list[ParsedMeasure]
                       ) -> None:
        """The "Previous …" value printed after the latest on the same line: "Latest Q4
        17-18 – 149.8 Previous Q3 17-18 – 153.1" (one statement, two values)."""
        pm = _THEN_PREVIOUS.search(rest)
        if pm is None or self.current is None:
            return
        previous = values.read_value(rest[pm.end():], rest[pm.start():].strip(" -–—:;,|"))
        if previous is None or (previous.value is None and not previous.status):
            return
        latest = self.current.latest[-1] if self.current.latest else None
        if latest is not None:
            # the latest value's own text stops where "Previous" starts
            latest.text = line[:len(line) - len(rest) + pm.start()].strip()
            previous.breakdown = latest.breakdown
        previous.unit_text = previous.unit_text or values.unit_in_title(self.current.title)
        self.current.previous.append(previous)

    def _value(self, before: str, keyword: str, value: ParsedValue, row: Row,
               into: list[ParsedMeasure]) -> None:
        """A value, with the words printed before "Latest": a breakdown of the measure
        opened by its title ("Principal", "28 days"), or the title of a new measure."""
        measure = self.current
        if before:
            if measure is not None and self.titled and len(words(before)) <= 3 \
                    and all(v.breakdown for v in measure.latest):
                value.breakdown = before
            else:
                measure = self._open(before, row, into, titled=False)
        if measure is None:
            return
        value.unit_text = value.unit_text or values.unit_in_title(measure.title)
        (measure.previous if keyword == "Previous" else measure.latest).append(value)
        if keyword == "Latest":
            stated, others = values.note_facts(value)
            measure.target = measure.target or stated
            measure.other_values.extend(others)

    def _open(self, title: str, row: Row, into: list[ParsedMeasure], titled: bool
              ) -> ParsedMeasure:
        self.current, self.titled = ParsedMeasure(title=title, ref=row.ref), titled
        into.append(self.current)
        return self.current


class Risks:
    """Risk rows "14b - Inability to …  HIGH  UNCHANGED", also when a row is broken over
    lines ("… duties -  MEDIUM  UNCHANGE" + "Adult Safeguarding    D") or printed one cell
    per line. A code already listed is not listed twice."""

    def __init__(self) -> None:
        self.last: ParsedRiskAssessment | None = None

    def reset(self) -> None:
        self.last = None

    def read(self, row: Row, into: list[ParsedRiskAssessment]) -> None:
        risk = values.read_risk(row.cells, row.ref)
        if risk is not None:
            if all(r.code != risk.code for r in into):
                into.append(risk)
                self.last = risk
            else:
                self.last = None
            return
        last = self.last
        if last is None:
            return
        if len(row.filled) == 1:  # the score and the trend on lines of their own
            word = row.filled[0]
            if not last.level and risk_level(word):
                last.level = risk_level(word)
                return
            if last.level and not last.trend_text and risk_trend(word):
                last.trend, last.trend_text = risk_trend(word), word
                return
        more = values.risk_continuation(row.cells)
        if more is None:
            self.last = None
            return
        title, letters = more
        last.title = f"{last.title} {title}".strip()
        if letters and not last.trend:
            last.trend_text += letters
            last.trend = risk_trend(last.trend_text)
