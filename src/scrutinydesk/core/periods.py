"""The ``Period`` value type: the time a figure refers to, as councils write it.

A period knows its kind and its first and last day, orders by time, and parses the
labels found in council papers::

    >>> Period.parse("2017-18").label
    '2017-18'
    >>> Period.parse("Q2 17-18").label
    'Q2 2017-18'
    >>> Period.parse("March 2017", kind=PeriodKind.SNAPSHOT).label
    'March 2017'
    >>> Period.parse("Q2 2017-18").previous().label
    'Q1 2017-18'

Each period has a stable ``code`` (``FY2017``, ``FY2017Q2``, ``M2017-09``, ``S2017-03``,
``S2017-03-31``, ``R2017-04-01/2017-10-31`` ...) used for storage; ``Period.parse`` accepts
codes as well as printed labels.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodError(ValueError):
    """A period label could not be read, or is of the wrong kind."""


class PeriodKind(StrEnum):
    FINANCIAL_YEAR = "financial_year"  # 1 April to 31 March
    ACADEMIC_YEAR = "academic_year"  # 1 September to 31 August
    CALENDAR_YEAR = "calendar_year"
    FINANCIAL_QUARTER = "financial_quarter"  # Q1 is April to June
    CALENDAR_QUARTER = "calendar_quarter"  # Q1 is January to March
    MONTH = "month"
    SNAPSHOT = "snapshot"  # a position at one date ("as at 31 March 2017", "March 2017")
    RANGE = "range"  # any other span ("Apr-Oct 17-18", the "2005-09" baseline)

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    PeriodKind.FINANCIAL_YEAR: "financial year",
    PeriodKind.ACADEMIC_YEAR: "academic year",
    PeriodKind.CALENDAR_YEAR: "calendar year",
    PeriodKind.FINANCIAL_QUARTER: "quarter of a financial year",
    PeriodKind.CALENDAR_QUARTER: "calendar quarter",
    PeriodKind.MONTH: "month",
    PeriodKind.SNAPSHOT: "snapshot date",
    PeriodKind.RANGE: "date range",
}

_MONTHS = {
    m.lower(): i
    for i in range(1, 13)
    for m in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR_RE = r"(\d{4}|\d{2})"
_SEP = r"\s*[-/–—]\s*"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        value += 2000 if value < 70 else 1900
    if not 1900 <= value <= 2199:
        raise PeriodError(f"year {text!r} is out of range")
    return value


def _is_next_year(first: int, second_text: str) -> bool:
    second = int(second_text)
    if len(second_text) == 2:
        return second == (first + 1) % 100
    return second == first + 1


@dataclass(frozen=True, slots=True)
class Period:
    """A span of time a figure refers to. Build with ``Period.parse`` or the constructors."""

    kind: PeriodKind
    start: date
    end: date
    # Snapshot precision: True when only the month was given ("March 2017").
    month_only: bool = False

    def __post_init__(self):
        if self.end < self.start:
            raise PeriodError(f"period ends ({self.end}) before it starts ({self.start})")

    # --- constructors -------------------------------------------------------------
    @classmethod
    def financial_year(cls, first_year: int) -> Period:
        return cls(PeriodKind.FINANCIAL_YEAR, date(first_year, 4, 1), date(first_year + 1, 3, 31))

    @classmethod
    def academic_year(cls, first_year: int) -> Period:
        return cls(PeriodKind.ACADEMIC_YEAR, date(first_year, 9, 1), date(first_year + 1, 8, 31))

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls(PeriodKind.CALENDAR_YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def financial_quarter(cls, first_year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise PeriodError(f"quarter must be 1 to 4, not {quarter}")
        start = _add_months(date(first_year, 4, 1), 3 * (quarter - 1))
        return cls(PeriodKind.FINANCIAL_QUARTER, start, _add_months(start, 3) - timedelta(days=1))

    @classmethod
    def calendar_quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise PeriodError(f"quarter must be 1 to 4, not {quarter}")
        start = date(year, 3 * (quarter - 1) + 1, 1)
        return cls(PeriodKind.CALENDAR_QUARTER, start, _add_months(start, 3) - timedelta(days=1))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, date(year, month, 1), _month_end(year, month))

    @classmethod
    def snapshot(cls, on: date, *, month_only: bool = False) -> Period:
        if month_only:
            on = _month_end(on.year, on.month)
        return cls(PeriodKind.SNAPSHOT, on, on, month_only)

    @classmethod
    def range(cls, start: date, end: date) -> Period:
        return cls(PeriodKind.RANGE, start, end)

    # --- parsing ------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str | Period, kind: PeriodKind | str | None = None) -> Period:
        """Read a printed label or a code. ``kind``, when given, is what the caller expects
        (e.g. an indicator's frequency); a label of another kind raises ``PeriodError``."""
        if isinstance(text, Period):
            period = text
        else:
            if not isinstance(text, str):
                raise PeriodError(f"a period label must be text, not {type(text).__name__}")
            expected = PeriodKind(kind) if kind else None
            period = _parse(text, expected)
        if kind and period.kind != PeriodKind(kind):
            raise PeriodError(
                f"“{text}” is a {period.kind.label}, but a {PeriodKind(kind).label} is expected"
            )
        return period

    # --- identity and display -----------------------------------------------------
    @property
    def code(self) -> str:
        k, s = self.kind, self.start
        if k is PeriodKind.FINANCIAL_YEAR:
            return f"FY{s.year}"
        if k is PeriodKind.ACADEMIC_YEAR:
            return f"AY{s.year}"
        if k is PeriodKind.CALENDAR_YEAR:
            return f"CY{s.year}"
        if k is PeriodKind.FINANCIAL_QUARTER:
            return f"FY{self.fiscal_year}Q{self.quarter}"
        if k is PeriodKind.CALENDAR_QUARTER:
            return f"CY{s.year}Q{self.quarter}"
        if k is PeriodKind.MONTH:
            return f"M{s:%Y-%m}"
        if k is PeriodKind.SNAPSHOT:
            return f"S{s:%Y-%m}" if self.month_only else f"S{s:%Y-%m-%d}"
        return f"R{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """The label as a council would print it."""
        k, s, e = self.kind, self.start, self.end
        if k is PeriodKind.FINANCIAL_YEAR:
            return f"{s.year}-{e.year % 100:02d}"
        if k is PeriodKind.ACADEMIC_YEAR:
            return f"{s.year}/{e.year % 100:02d} academic year"
        if k is PeriodKind.CALENDAR_YEAR:
            return str(s.year)
        if k is PeriodKind.FINANCIAL_QUARTER:
            fy = self.fiscal_year
            return f"Q{self.quarter} {fy}-{(fy + 1) % 100:02d}"
        if k is PeriodKind.CALENDAR_QUARTER:
            return f"Q{self.quarter} {s.year}"
        if k is PeriodKind.MONTH or (k is PeriodKind.SNAPSHOT and self.month_only):
            return f"{calendar.month_name[s.month]} {s.year}"
        if k is PeriodKind.SNAPSHOT:
            return f"{s.day} {calendar.month_name[s.month]} {s.year}"
        if s == date(s.year, 1, 1) and e == date(e.year, 12, 31) and e.year > s.year:
            return f"{s.year} to {e.year}"  # not "2017–2018", which reads as a financial year
        if s.day == 1 and e == _month_end(e.year, e.month):
            if s.year == e.year:
                return f"{calendar.month_name[s.month]} to {calendar.month_name[e.month]} {e.year}"
            return f"{calendar.month_name[s.month]} {s.year} to " \
                f"{calendar.month_name[e.month]} {e.year}"
        return f"{s.day} {calendar.month_name[s.month]} {s.year} to " \
            f"{e.day} {calendar.month_name[e.month]} {e.year}"

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"Period({self.code!r})"

    @property
    def fiscal_year(self) -> int:
        """First calendar year of the financial year this period falls in."""
        return self.start.year if self.start.month >= 4 else self.start.year - 1

    @property
    def quarter(self) -> int | None:
        if self.kind is PeriodKind.FINANCIAL_QUARTER:
            return ((self.start.month - 4) % 12) // 3 + 1
        if self.kind is PeriodKind.CALENDAR_QUARTER:
            return (self.start.month - 1) // 3 + 1
        return None

    # --- order and arithmetic -----------------------------------------------------
    @property
    def sort_key(self) -> tuple[date, date, str]:
        return (self.end, self.start, self.kind.value)

    def __lt__(self, other: Period) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: Period) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: Period) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: Period) -> bool:
        return self.sort_key >= other.sort_key

    @property
    def step_months(self) -> int:
        """How far one period is from the next of the same kind."""
        k = self.kind
        if k in (PeriodKind.FINANCIAL_QUARTER, PeriodKind.CALENDAR_QUARTER):
            return 3
        if k is PeriodKind.MONTH:
            return 1
        if k is PeriodKind.RANGE:
            # A part-year range ("Apr-Oct 17-18") is compared with the same months a year
            # earlier; a multi-year range (the "2005-09" baseline) with the span before it.
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month
            return max(12, months + 1)
        return 12  # years; snapshots are taken to be annual (e.g. each 31 March)

    def shifted(self, months: int) -> Period:
        """The period of the same kind ``months`` later (earlier when negative)."""
        if self.kind is PeriodKind.SNAPSHOT:
            on = _add_months(self.start, months)
            return Period.snapshot(on, month_only=self.month_only)
        start = _add_months(self.start, months)
        if self.end == _month_end(self.end.year, self.end.month):
            shifted_end = _add_months(self.end, months)
            end = _month_end(shifted_end.year, shifted_end.month)
        else:
            end = _add_months(self.end, months)
        return Period(self.kind, start, end, self.month_only)

    def previous(self) -> Period:
        """The period before this one: the previous quarter, month or year."""
        return self.shifted(-self.step_months)

    def next(self) -> Period:
        return self.shifted(self.step_months)

    def same_period_last_year(self) -> Period:
        return self.shifted(-12)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _parse(raw: str, expected: PeriodKind | None) -> Period:
    text = re.sub(r"\s+", " ", raw.replace("\u00a0", " ")).strip()
    # Notes printed beside a period: "2016-17 (Annual Measure)", "Q1 2017-18 (provisional)"
    text = re.sub(r"\s*\((?:annual(?: measure)?|annal measure|provisional|revised|estimate[d]?)\)$",
                  "", text, flags=re.I)
    # ... or after it without brackets: "2018 provisional", "Q2 2018-19 revised"
    text = re.sub(r"(?<=\d)\s+(?:provisional|revised|estimated?)$", "", text, flags=re.I)
    text = text.strip().strip("().,;:").strip()
    low = text.lower()
    if not low:
        raise PeriodError("the period label is empty")
    low = re.sub(r"^(?:as at|at|end of|as of)\s+", "", low)

    code = _parse_code(text)
    if code is not None:
        return code

    # Quarters: "Q2 17-18", "Q4 2017/18", "QTR 2 2016", "Quarter 1 2017-18", "2017-18 Q2"
    quarter = r"(?:q|qtr|quarter)\s*([1-4])"
    fy_pair = rf"(?:fy\s*)?{_YEAR_RE}{_SEP}{_YEAR_RE}"
    m = re.fullmatch(rf"{quarter}\s*,?\s*{fy_pair}", low) \
        or re.fullmatch(rf"{fy_pair}\s*,?\s*{quarter}", low)
    if m:
        g = m.groups()
        q, a, b = (g[0], g[1], g[2]) if low[0] == "q" else (g[2], g[0], g[1])
        first = _year(a)
        if not _is_next_year(first, b):
            raise PeriodError(f"“{raw}”: {a}-{b} is not a financial year")
        if expected is PeriodKind.CALENDAR_QUARTER:
            raise PeriodError(f"“{raw}” is a quarter of a financial year, "
                              "but a calendar quarter is expected")
        return Period.financial_quarter(first, int(q))
    m = re.fullmatch(r"(?:q|qtr|quarter)\s*([1-4])\s*,?\s*(\d{4})", low)
    if m:
        if expected is PeriodKind.FINANCIAL_QUARTER:
            raise PeriodError(f"“{raw}” names a calendar quarter; a quarter of a financial year "
                              f"is written like “Q{m[1]} {m[2]}-{(int(m[2]) + 1) % 100:02d}”")
        return Period.calendar_quarter(int(m[2]), int(m[1]))

    # Year pairs: "2017-18", "2017/18", "16-17", "2017-2018", "AY 2016/17", "2016/17 academic year"
    m = re.fullmatch(
        rf"(fy|ay|financial year|academic year)?\s*{_YEAR_RE}{_SEP}{_YEAR_RE}"
        r"\s*(academic|financial|school)?(?: year)?",
        low,
    )
    if m:
        prefix, a, b, suffix = m.groups()
        first = _year(a)
        if _is_next_year(first, b):
            academic = (prefix in ("ay", "academic year") or suffix in ("academic", "school")
                        or expected is PeriodKind.ACADEMIC_YEAR)
            return Period.academic_year(first) if academic else Period.financial_year(first)
        last = _year(b) if len(b) == 4 else (first // 100) * 100 + int(b)
        if last > first and not prefix and not suffix:
            return Period.range(date(first, 1, 1), date(last, 12, 31))
        raise PeriodError(f"“{raw}”: {a} to {b} is not a financial or academic year")

    # A single year: "2016", "CY 2016", "calendar year 2016", "2016 calendar year"
    m = re.fullmatch(r"(?:cy|calendar year)?\s*(\d{4})(?:\s*calendar year)?", low)
    if m:
        return Period.calendar_year(_year(m[1]))

    # Month range within a year: "Apr-Oct 17-18", "April to October 2017"
    m = re.fullmatch(
        rf"{_MONTH_RE}\s*(?:-|–|to)\s*{_MONTH_RE}\s+{_YEAR_RE}(?:{_SEP}{_YEAR_RE})?", low)
    if m:
        m1, m2 = _MONTHS[m[1][:3]], _MONTHS[m[2][:3]]
        first = _year(m[3])
        if m[4] is not None:
            if not _is_next_year(first, m[4]):
                raise PeriodError(f"“{raw}”: {m[3]}-{m[4]} is not a financial year")
            y1 = first if m1 >= 4 else first + 1
            y2 = first if m2 >= 4 else first + 1
        else:
            y1 = y2 = first
        start, end = date(y1, m1, 1), _month_end(y2, m2)
        if end < start:
            raise PeriodError(f"“{raw}” ends before it starts")
        return Period.range(start, end)

    # Two dates or months: "1 Nov 2016 to 28 Feb 2017", "November 2016 to February 2017"
    parts = re.split(r"\s+(?:to|–|—|-)\s+", low)
    if len(parts) == 2 and all(re.fullmatch(r"\d{4}", p) for p in parts):
        first, last = int(parts[0]), int(parts[1])
        if last < first:
            raise PeriodError(f"“{raw}” ends before it starts")
        return Period.range(date(first, 1, 1), date(last, 12, 31))
    if len(parts) == 2:
        first, last = _day_or_month(parts[0], end=False), _day_or_month(parts[1], end=True)
        if first and last:
            if last < first:
                raise PeriodError(f"“{raw}” ends before it starts")
            return Period.range(first, last)

    # A day: "31 March 2017", "31/03/2017", "31.03.2018", "2017-03-31"
    day = _parse_day(low)
    if day is not None:
        return Period.snapshot(day)

    # A month: "March 2017", "Sept 2017", "Mar-17", "Mar 17"
    m = re.fullmatch(rf"{_MONTH_RE}\s*[-' ]?\s*{_YEAR_RE}", low)
    if m:
        year, month = _year(m[2]), _MONTHS[m[1][:3]]
        if expected is PeriodKind.SNAPSHOT:
            return Period.snapshot(date(year, month, 1), month_only=True)
        return Period.month(year, month)

    raise PeriodError(
        f"“{raw}” is not a period label Scrutiny Desk can read (expected e.g. “2017-18”, "
        "“Q2 17-18”, “March 2017”, “2016” or “31 March 2017”)"
    )


def _day_or_month(low: str, *, end: bool) -> date | None:
    day = _parse_day(low)
    if day is not None:
        return day
    m = re.fullmatch(rf"{_MONTH_RE}\s+(\d{{4}})", low)
    if m:
        year, month = int(m[2]), _MONTHS[m[1][:3]]
        return _month_end(year, month) if end else date(year, month, 1)
    return None


def _parse_day(low: str) -> date | None:
    try:
        m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+(\d{{4}})", low)
        if m:
            return date(int(m[3]), _MONTHS[m[2][:3]], int(m[1]))
        m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})", low)
        if m:
            return date(_year(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", low)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise PeriodError(f"“{low}” is not a real date: {exc}") from None
    return None


def _parse_code(text: str) -> Period | None:
    m = re.fullmatch(r"(FY|AY|CY)(\d{4})(?:Q([1-4]))?", text)
    if m:
        kind, year, q = m[1], int(m[2]), m[3]
        if q:
            if kind == "AY":
                return None
            return Period.financial_quarter(year, int(q)) if kind == "FY" \
                else Period.calendar_quarter(year, int(q))
        return {"FY": Period.financial_year, "AY": Period.academic_year,
                "CY": Period.calendar_year}[kind](year)
    try:
        m = re.fullmatch(r"M(\d{4})-(\d{2})", text)
        if m:
            return Period.month(int(m[1]), int(m[2]))
        m = re.fullmatch(r"S(\d{4})-(\d{2})(?:-(\d{2}))?", text)
        if m:
            if m[3]:
                return Period.snapshot(date(int(m[1]), int(m[2]), int(m[3])))
            return Period.snapshot(date(int(m[1]), int(m[2]), 1), month_only=True)
        m = re.fullmatch(r"R(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", text)
        if m:
            return Period.range(date.fromisoformat(m[1]), date.fromisoformat(m[2]))
    except ValueError as exc:
        raise PeriodError(f"“{text}” is not a valid period code: {exc}") from None
    return None
