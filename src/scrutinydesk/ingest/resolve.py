"""Readings of printed words that filing a record depends on, kept out of the loaders.

Each rule is named here and documented in docs/methodology.md ("Filing figures").
"""

from __future__ import annotations

import re

from scrutinydesk.ingest.records import ParsedMonitoringReport
from scrutinydesk.outcomes.titles import normalise_title

# "BRANTSHIRE - Latest (March 2018) …", "WESSEX – Population Indicator Total Crime - Latest",
# "DORSET Trend IMPROVING": the words before the statement name the area's own series.
_HEADLINE = re.compile(
    r"^\s*(?P<label>[A-Za-z][A-Za-z .&'’-]{1,60}?)\s*[-–—:]?\s*"
    r"(?:Population Indicator\b.*?)?\b(?:Latest|Previous|Trend)\b", re.I)


def headline_label(text: str) -> str:
    """The label printed before "Latest", "Previous" or "Trend" on a headline line, or ""."""
    m = _HEADLINE.match(text or "")
    if not m:
        return ""
    label = " ".join(m["label"].split()).strip(" -–—:")
    return "" if normalise_title(label) in ("", "population indicator") else label


def main_series_labels(report: ParsedMonitoringReport) -> set[str]:
    """The names under which a report prints its area's own figures: the labels that head
    more than one of its indicators' headline lines ("BRANTSHIRE - Latest …",
    "BRANTSHIRE - Trend …"). A table row so named is the main series of the indicator or
    measure it is printed with, not a breakdown."""
    seen: dict[str, int] = {}
    for indicator in report.indicators:
        for value in (indicator.latest, indicator.previous, indicator.trend):
            label = headline_label(value.text) if value is not None else ""
            if label:
                seen[label.casefold()] = seen.get(label.casefold(), 0) + 1
    return {label for label, lines in seen.items() if lines > 1}
