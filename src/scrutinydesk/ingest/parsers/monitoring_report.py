"""Outcomes Focused Monitoring Report: an outcome's population indicators, their latest
values, stated trends and benchmarks, performance measures, corporate risks and
commentary, with the committee cover report that presents them where the paper holds it.

    >>> report = parse_monitoring_report(paper)        # doctest: +SKIP
    >>> report.outcome, report.edition, len(report.indicators)
    ('Safe', datetime.date(2018, 1, 1), 10)

The paper (or ``Paper.slice``) holds one report: optionally its cover report (cover sheet,
numbered sections, the "Summary of issues" table), then the report itself — title page
with the outcome and its sponsor, contents, executive summary with stated counts and the
suggested areas for focus, one page per indicator, the corporate risks not assigned to an
indicator, the key, contact — and perhaps value-for-money appendices, which are not read.

Pure: no Django, no database, no files. Only ``PaperError`` subclasses escape.
"""

from __future__ import annotations

import re

from ..errors import MalformedPaper, PaperError
from ..records import ParsedCoverSheet, ParsedMonitoringReport, SourceRef
from ..text import Paper
from . import monitoring_front as front
from .monitoring_heads import Heading
from .monitoring_pages import PageReader
from .monitoring_tables import find_tables
from .monitoring_text import Row, rows_of

__all__ = ["looks_like_monitoring_report", "parse_monitoring_report"]

_SIGNATURE_TITLE = re.compile(
    r"^\W{0,3}(?:Appendix\s?\w{0,3}\s?[-–:.]?\s?)?Outcomes?\s(?:Focus(?:s?ed)?\s)?"
    r"(?:Monitoring|Performance)\sReport\b", re.I | re.M)
_SIGNATURE_BODY = re.compile(
    r"^\W{0,3}(?:Story behind (?:the )?baseline|Outcomes? Sponsor)|"
    r"^\W{0,3}[A-Z]{3,15}\s?:?\s?\d{1,2}\b[^\n]{0,300}Population Indicator", re.I | re.M)
_COVER_FIELD = re.compile(r"^(?:Subject of Report|Date of Meeting|Officer)\b", re.I)
_BODY_NAME = re.compile(r"\b(?:Committee|Council|Cabinet|Board|Panel|Forum)$", re.I)
_SUBJECT = re.compile(r"^Subject of (?:the )?Report\b", re.I)


def looks_like_monitoring_report(paper: Paper) -> bool:
    """A cheap check: the paper is titled as an outcomes monitoring report and has the
    words of its indicator pages. (An agenda pack holding such a report passes too, so a
    kind detector should ask about agenda packs first.)"""
    text = paper.text[:3_000_000]
    return bool(_SIGNATURE_TITLE.search(text) and _SIGNATURE_BODY.search(text))


def parse_monitoring_report(paper: Paper) -> ParsedMonitoringReport:
    """Read one Outcomes Focused Monitoring Report; see the module's docstring.

    Raises ``MalformedPaper`` when the paper has no report title with its month, or no
    indicator pages."""
    try:
        return _parse(paper)
    except PaperError as error:
        raise error.located(paper.name) from None
    except (ValueError, IndexError, KeyError, AttributeError, TypeError, RecursionError,
            OverflowError) as error:  # a reader's slip must not escape as a crash
        raise MalformedPaper(f"the monitoring report could not be read ({error})",
                             source=paper.name) from error


def _parse(paper: Paper) -> ParsedMonitoringReport:
    rows = rows_of(paper)
    if not any(not r.blank for r in rows):
        raise MalformedPaper("the paper has no text", expected="an Outcomes Focused Monitoring "
                             "Report", line=paper.lines[0].number if paper.lines else None)
    first_heading = Heading.detect(rows)
    found = front.find_title(rows, first_heading.first if first_heading else None)
    subject = front.subject_edition(rows[: found[0]] if found else rows)
    if found is None and subject is None:
        raise MalformedPaper(
            "no report title with its month was found", line=rows[0].line.number,
            page=rows[0].line.page,
            expected="a title such as “Outcomes Focused Monitoring Report January 2018”")
    title_row, title, edition = found if found else (None, *subject)
    sponsor = front.find_sponsor(rows, max(0, (title_row or 0) - 12),
                                 first_heading.first if first_heading else None)
    start = _appendix_start(rows, title_row, sponsor)
    heading = Heading.detect(rows, start)
    if heading is None:
        raise MalformedPaper(
            "no population indicator headings were found", line=rows[start].line.number,
            page=rows[start].line.page,
            expected="headings such as “SAFE: 01 Population Indicator - <title> - "
                     "Outcome Lead Officer <name>”")
    reader = PageReader(rows, heading, find_tables(rows, start))
    reader.run(start, len(rows))
    indicators = reader.indicators()
    if not indicators:
        raise MalformedPaper(
            f"no indicator pages were found for “{heading.prefix}” headings",
            line=rows[start].line.number, page=rows[start].line.page,
            expected=f"a page headed “{heading.code_for(1)} <title>” with its latest value, "
                     "trend and benchmark")
    front_end = reader.first_page_row if reader.first_page_row is not None else len(rows)
    counts = {**front.column_counts(rows[start:front_end]),
              **front.stated_counts(" ".join(r.flat for r in rows[start:front_end])[:200_000])}
    cover_start = _cover_start(rows, start)
    issues = front.summary_of_issues(rows[cover_start or 0:start])
    front.give_reasons(reader.focus, issues, indicators)
    outcome = (sponsor[1] if sponsor else "") or heading.prefix.capitalize()
    return ParsedMonitoringReport(
        outcome=outcome, edition=edition, title=title,
        sponsor=sponsor[2] if sponsor else "", sponsor_title=sponsor[3] if sponsor else "",
        code_prefix=heading.prefix, cover=_cover(paper, rows, cover_start, start),
        stated_indicator_count=counts.get("indicators"),
        stated_measure_count=counts.get("measures"), stated_risk_count=counts.get("risks"),
        focus=reader.focus, indicators=indicators, unassigned_risks=reader.unassigned,
        key=reader.key, contents=reader.contents, warnings=list(reader.warnings),
        ref=SourceRef(page=rows[start].line.page, line=rows[start].line.number))


def _appendix_start(rows: list[Row], title_row: int | None,
                    sponsor: tuple[int, str, str, str] | None) -> int:
    """The first row of the report proper (after any cover report): its title page."""
    if title_row is None:
        return sponsor[0] if sponsor else 0
    start = title_row
    if sponsor and title_row - 12 <= sponsor[0] < title_row:
        start = sponsor[0]
        for prev in range(start - 1, max(-1, start - 9), -1):
            if not rows[prev].blank:
                start = prev
                break
    return start


def _cover_start(rows: list[Row], start: int) -> int | None:
    """The first row of the cover report before the report proper: the cover sheet whose
    "Subject of Report" names a monitoring report (with the committee's name above it)."""
    subject = None
    for row in reversed(rows[:start]):
        if _SUBJECT.match(row.flat) and front.TITLE_RE.match(row.filled[-1]):
            subject = row.index
            break
    if subject is None:
        return None
    first = subject
    for row in reversed(rows[max(0, subject - 30):subject]):
        if _COVER_FIELD.match(row.flat):
            first = row.index
    top = first
    for row in reversed(rows[max(0, first - 12):first]):
        if row.blank:
            continue
        if not _BODY_NAME.search(row.flat) or len(row.flat.split()) > 10:
            break
        top = row.index
    return top


def _cover(paper: Paper, rows: list[Row], first: int | None, start: int
           ) -> ParsedCoverSheet | None:
    """The cover sheet before the report, read by the cover-sheet parser where present."""
    if first is None:
        return None
    try:
        from .coversheet import parse_cover_sheet
    except ImportError:
        return None
    try:
        return parse_cover_sheet(paper.slice(rows[first].line.number, rows[start].line.number))
    except Exception:  # noqa: BLE001 - an unreadable cover sheet leaves the report readable
        return None
