"""Data tables of values by period (a chart's figures printed as a table), as series.

Three layouts, each as tab-separated lines, markdown (``| 2016-17 | … |``) or an HTML
``<table>``:

* across: a row of periods, then one row per area ("Dorset  47.1  45.0 …");
* down: a row of area names ("Period  Dorset  England"), then one row per period.

Each row of an "across" table, or column of a "down" table, is one ``ParsedSeries``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import ParsedSeries
from .monitoring_text import Row, plain
from .monitoring_values import NUMBER, is_period, to_decimal, unit_in_title
from .monitoring_words import is_comparator_name

_CELL_NUMBER = re.compile(rf"^[-–]?\s?£?\s?({NUMBER})\s?(%?)$")
_MISSING = {"", "-", "–", "—", "n/a", "na", "*", "x", "..", ":", "c", "no data", "tbc"}
_MD_SEPARATOR = re.compile(r"^\|?[\s:|-]{3,}$")
_TR = re.compile(r"<tr\b[^<>]{0,200}>", re.I)
_TD = re.compile(r"<t[dh]\b[^<>]{0,200}>", re.I)
MAX_HTML_LINES = 300


@dataclass(slots=True)
class Table:
    start: int  # first row index
    end: int  # row index after the table
    series: list[ParsedSeries] = field(default_factory=list)
    label: str = ""  # the header's first cell: "Measure", "Period", ""


def _number(cell: str) -> tuple[bool, object]:
    """(is a value or a gap, the Decimal or None)."""
    text = cell.strip()
    if text.lower() in _MISSING:
        return True, None
    m = _CELL_NUMBER.match(text[:40])
    if m:
        return True, to_decimal(m[1])
    return False, None


_MEASURE_LABEL = re.compile(r"^(?:(?:performance\s)?measures?(?:\s?\(s\))?|indicators?)$", re.I)


def is_measure_label(label: str) -> bool:
    """A header cell saying each row is a measure: "Measure", "Performance measure(s)"."""
    return bool(_MEASURE_LABEL.match((label or "").strip()))


def _is_name(cell: str, longest: int = 80) -> bool:
    return bool(re.search(r"[A-Za-z]{2}", cell)) and not is_period(cell) \
        and len(cell) <= longest


def _unit(label: str, cells: list[str]) -> str:
    unit = unit_in_title(label) if label else ""
    if unit:
        return unit
    if any(c.strip().endswith("%") for c in cells):
        return "%"
    if any("£" in c for c in cells):
        return "£"
    return ""


def _across(rows: list[tuple[Row, list[str]]]) -> tuple[int, list[ParsedSeries]]:
    """Rows used and series read when the first row is a row of periods."""
    header = rows[0][1]
    periods = [(i, c) for i, c in enumerate(header) if c and is_period(c)]
    others = [i for i, c in enumerate(header) if c and not is_period(c)]
    if len(periods) < 2 or len(others) > 1 or (others and others != [0]):
        return 0, []
    offset = 1 if header and is_period(header[0]) else 0
    label = header[0] if offset == 0 else ""
    longest = 300 if is_measure_label(label) else 80  # a measure's title may be long
    series, used = [], 1
    for row, cells in rows[1:]:
        if not cells:
            used += 1
            continue
        name, shift = cells[0], offset
        if offset and len(cells) == len(periods) and all(_number(c)[0] for c in cells):
            name, shift = "", 0  # a row of values only, under a header of periods only
        values = [cells[i + shift] if i + shift < len(cells) else "" for i, _ in periods]
        read = [_number(v) for v in values]
        extra = cells[max(i for i, _ in periods) + shift + 1:]
        if (name and not _is_name(name, longest)) or (not name and series) \
                or not all(ok for ok, _ in read) or any(extra) \
                or all(v is None for _, v in read):
            break
        series.append(ParsedSeries(
            name=name, unit_text=_unit(label, values), is_comparator=is_comparator_name(name),
            points=[(p, v) for (_, p), (_, v) in zip(periods, read, strict=True)], ref=row.ref))
        used += 1
    return (used, series) if series else (0, [])


def _down(rows: list[tuple[Row, list[str]]]) -> tuple[int, list[ParsedSeries]]:
    """Rows used and series read when the first row names the series of each column."""
    header = rows[0][1]
    names = [(i, c) for i, c in enumerate(header) if i > 0 and c]
    if len(header) < 2 or not names or not all(_is_name(c) for _, c in names) \
            or (header[0] and not _is_name(header[0])):
        return 0, []
    points: dict[int, list[tuple[str, object]]] = {i: [] for i, _ in names}
    used = 1
    for _row, cells in rows[1:]:
        if not cells:
            used += 1
            continue
        if _PERIOD_NOTE.match(cells[0]) and len(points[names[0][0]]) == 0 and \
                len(cells) <= len(header):
            used += 1  # a baseline row before the periods ("2005-09 average"): not a period
            continue
        if not is_period(cells[0]) or len(cells) > len(header):
            break
        read = {i: _number(cells[i] if i < len(cells) else "") for i, _ in names}
        if not all(ok for ok, _ in read.values()):
            break
        for i, (_, value) in read.items():
            points[i].append((cells[0], value))
        used += 1
    periods_read = len(points[names[0][0]])
    if periods_read < 2:
        return 0, []
    series = []
    for i, name in names:
        if all(v is None for _, v in points[i]):
            continue
        column = [r[1][i] if i < len(r[1]) else "" for r in rows[1:used]]
        series.append(ParsedSeries(name=name, unit_text=_unit(header[0], column),
                                   is_comparator=is_comparator_name(name),
                                   points=points[i], ref=rows[0][0].ref))
    return (used, series) if series else (0, [])


def _markdown_cells(row: Row) -> list[str] | None:
    text = row.line.text.strip()
    if not text.startswith("|"):
        return None
    if _MD_SEPARATOR.match(text[:400]):
        return []
    return [plain(c) for c in text.strip("|").split("|")]


def _html_rows(rows: list[Row], start: int) -> tuple[int, list[tuple[Row, list[str]]]]:
    """The rows of an HTML table opened on row ``start``: (row index after it, rows)."""
    end = start
    texts = []
    while end < len(rows) and end - start < MAX_HTML_LINES:
        texts.append(rows[end].line.text[:20_000])
        end += 1
        if "</table" in texts[-1].lower():
            break
    found = []
    for chunk in _TR.split("\n".join(texts))[1:]:
        chunk = re.split(r"</tr", chunk, maxsplit=1, flags=re.I)[0]
        cells = [plain(re.split(r"</t[dh]", c, maxsplit=1, flags=re.I)[0])
                 for c in _TD.split(chunk)[1:]]
        if any(cells):
            found.append((rows[start], cells))
    return end, found


_AS_AT = re.compile(r"\b(?:as\s)?at\s(?:the\s)?(?:end\sof\s)?(?:\d{1,2}(?:st|nd|rd|th)?\s)?"
                    r"(January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\b", re.I)
_OWN_NAME = re.compile(r"^(?:number|count|value|actual|total(?:\s[\w ]{1,30})?)$", re.I)


def _dated(table: Table, rows: list[Row]) -> None:
    """Bare years in a table whose caption or header says "at 31 March" are the
    positions at that date: "2013" is March 2013. A "Number" or "Total …" row beside
    the rows of a breakdown is the subject's own."""
    above = [rows[k].flat for k in range(max(0, table.start - 2), table.start)]
    month = None
    for text in [table.label, *reversed(above)]:
        m = _AS_AT.search(text or "")
        if m:
            month = m[1].capitalize()
            break
    for series in table.series:
        if month:
            series.points = [(f"{month} {p}" if re.fullmatch(r"(?:19|20)\d{2}", p) else p, v)
                             for p, v in series.points]
    own = [s for s in table.series if not s.is_comparator]
    named = [s for s in own if _OWN_NAME.match(s.name.strip())]
    if len(named) == 1:
        named[0].is_own = True


def find_tables(rows: list[Row], start: int = 0, end: int | None = None) -> dict[int, Table]:
    """Every data table between rows ``start`` and ``end``, by the index of its first row."""
    tables = _find_tables(rows, start, end)
    for table in tables.values():
        _dated(table, rows)
    return tables


def _find_tables(rows: list[Row], start: int = 0, end: int | None = None) -> dict[int, Table]:
    end = len(rows) if end is None else end
    tables: dict[int, Table] = {}
    i = start
    while i < end:
        row = rows[i]
        if "<table" in row.line.text[:2000].lower():
            after, html_rows = _html_rows(rows, i)
            series = _read(html_rows)[1] if html_rows else []
            if series:
                tables[i] = Table(i, after, series, _label(html_rows))
            i = max(after, i + 1)
            continue
        md = _markdown_cells(row)
        if md is not None:
            j, block = i, []
            while j < end and (cells := _markdown_cells(rows[j])) is not None:
                if cells:
                    block.append((rows[j], cells))
                j += 1
            used, series = _read(block)
            if series:
                tables[i] = Table(i, j, series, _label(block))
            i = j
            continue
        if len(row.filled) >= 2:
            block = [(rows[k], rows[k].cells) for k in range(i, min(end, i + 200))]
            block = _until_gap(block)
            last, series = _read(block)
            if series:
                tables[i] = Table(i, last + 1, series, _label(block))
                i = last + 1
                continue
        i += 1
    return tables


def _label(block: list[tuple[Row, list[str]]]) -> str:
    cells = block[0][1] if block else []
    return cells[0].strip() if cells else ""


def _until_gap(block: list[tuple[Row, list[str]]]) -> list[tuple[Row, list[str]]]:
    """The rows of a tab table: stop at two blank lines running."""
    out, blanks = [], 0
    for row, cells in block:
        if row.artefact or (_CONTINUED.search(row.flat[:300]) and out):
            blanks = 0  # a page footer (and the page's "(Cont'd)" heading) inside the
            continue  # table: the table runs on over the break
        blanks = blanks + 1 if not any(cells) else 0
        if blanks >= 2:
            break
        out.append((row, [c for c in cells] if any(cells) else []))
    return out


_CONTINUED = re.compile(r"\((?:cont(?:'|’)?d|continued)\.?\)\s*$", re.I)
_PERIOD_NOTE = re.compile(r"^\d{4}\s?[-–/]\s?\d{2,4}\s(?:average|baseline|mean)$", re.I)
_FOOTNOTE_MARK = re.compile(r"(?<=\S)\s?[*†‡]+$")


def _read(block: list[tuple[Row, list[str]]]) -> tuple[int, list[ParsedSeries]]:
    """(index of the last row read, series) of a table's rows."""
    if len(block) < 2:
        return 0, []
    # a footnote mark on a cell ("2015/16*") leaves what the cell prints
    block = [(row, [_FOOTNOTE_MARK.sub("", c) for c in cells]) for row, cells in block]
    while len(block) > 2 and len([c for c in block[0][1] if c]) == 1 \
            and len([c for c in block[1][1] if c]) >= 2:
        block = block[1:]  # a caption over the table's header
    used, series = _across(block)
    if not series:
        used, series = _down(block)
    return (block[used - 1][0].index if series else 0), series
