"""Indicator page headings: "SAFE: 01 Population Indicator - <title> - Outcome Lead Officer
<name>; Population Indicator Lead Officer <name>", wrapped over lines or broken over table
cells, and the column headers ("DORSET  DORSET  COMPARATOR  01: <chart caption>") that stand
for a heading where a conversion lost it."""

from __future__ import annotations

import re
from collections import Counter

from scrutinydesk.core.names import clean_person_name

from .monitoring_text import Row, is_prose, join_fragments

# Words printed before a number that are not an outcome's code prefix
_NOT_PREFIX = {"page", "date", "tel", "item", "appendix", "table", "figure", "chart", "note",
               "paragraph", "section", "step", "priority", "action", "level", "score", "rank",
               "phone", "room", "minute", "question", "qtr", "quarter", "latest", "trend",
               "comparator", "risk", "time", "fax", "mobile", "ext", "week", "day"}
_CANDIDATE = re.compile(r"^\W{0,3}([A-Z][A-Za-z]{2,15})\s?(:)?\s?[-–]?\s?(\d{1,2})(?![\d/%.,])")
_SUMMARY = re.compile(r"^([A-Z]{3,15})\s?[-–:]\s?Executive Summary", re.I)
_HEADING_WORDS = re.compile(r"Population Indicator|Lead Officer")
_CONTD = re.compile(r"\(\s?cont(?:inued|['’]?d)\.?\s?\)\.?", re.I)
_LEAD_IN_TITLE = re.compile(r"\s?[(\-–]?\s?(?:Outcome\s)?(?:Population\s)?(?:Indicator\s)?"
                            r"Lead Officers?\b")
_OUTCOME_LEAD = re.compile(r"Outcome Lead Officers?\s?[:\-–]?\s?([^;()\t]{2,160})")
_INDICATOR_LEAD = re.compile(r"Indicator Lead Officers?\s?[:\-–]?\s?([^;()\t]{2,160})")
_ANY_LEAD = re.compile(r"\bLead Officers?\s?[:\-–]?\s?([^;()\t]{2,160})")
_PARTICLES = {"de", "van", "von", "der", "le", "la", "du", "da", "di", "mc", "o'"}


def _names(text: str) -> list[str]:
    text = re.split(r"\s(?:Population Indicator|Indicator Lead|Outcome Lead)", text)[0]
    found = []
    for piece in re.split(r"\s(?:and|&)\s|,|/", text):
        taken = []
        for word in piece.split():
            if word[0].isupper() or word.lower() in _PARTICLES:
                taken.append(word)
            else:
                break
            if len(taken) == 4:
                break
        name = clean_person_name(" ".join(taken))
        if name and len(name.split()) >= 2 and not name.isupper():
            found.append(name)
    return found


def lead_officers(text: str) -> tuple[list[str], list[str]]:
    """(outcome lead officers, population indicator lead officers) named in ``text``."""
    outcome = _OUTCOME_LEAD.search(text)
    indicator = _INDICATOR_LEAD.search(text)
    if not outcome and not indicator:  # "(Lead Officer: Claire Shiels)"
        indicator = _ANY_LEAD.search(text)
    return (_names(outcome[1]) if outcome else [], _names(indicator[1]) if indicator else [])


class Head:
    """What a heading says."""

    def __init__(self, code: str, number: int, title: str, outcome_leads: list[str],
                 leads: list[str], continued: bool):
        self.code, self.number, self.title = code, number, title
        self.outcome_leads, self.leads, self.continued = outcome_leads, leads, continued


class Heading:
    """Recognises the headings of one report, whose code prefix ("SAFE") is known."""

    def __init__(self, prefix: str, colon: bool, first: int | None = None):
        self.prefix, self.colon = prefix, colon
        self.first = first  # index of the first row with a heading, where detected
        self.pattern = re.compile(
            rf"^\W{{0,3}}(?P<code>{re.escape(prefix)}\s?(?P<colon>:)?\s?[-–]?\s?(?P<num>\d{{1,2}}))"
            r"(?![\d/%])(?!\s?[-–]\s?\d)\s?[:.\-–]?\s?(?P<rest>.*)$")

    @classmethod
    def detect(cls, rows: list[Row], start: int = 0) -> Heading | None:
        """The code prefix most used by headings after row ``start``."""
        counts: Counter[str] = Counter()  # headings and executive summaries
        headings: Counter[str] = Counter()
        colons: Counter[str] = Counter()
        first: dict[str, int] = {}
        for row in rows[start:]:
            text = row.flat[:200]
            m = _CANDIDATE.match(text)
            if m and m[1].lower() not in _NOT_PREFIX and (
                    (m[2] and m[1].isupper()) or _HEADING_WORDS.search(row.flat[:600])):
                counts[m[1]] += 1
                headings[m[1]] += 1
                colons[m[1]] += bool(m[2])
                first.setdefault(m[1], row.index)
                continue
            s = _SUMMARY.match(text)
            if s and s[1].lower() not in _NOT_PREFIX:
                counts[s[1]] += 1
        if not counts:
            return None
        prefix = counts.most_common(1)[0][0]
        return cls(prefix, colons[prefix] * 2 >= headings[prefix], first.get(prefix))

    def code_for(self, number: int) -> str:
        return f"{self.prefix}{':' if self.colon else ''} {number:02d}"

    def read(self, row: Row, rows: list[Row], skip: set[int]) -> Head | None:
        """The heading on ``row`` (joined with the line it wraps onto), or ``None``."""
        if not row.flat.lstrip("*#<> ").startswith(self.prefix):
            return None
        text = join_fragments(row.cells, mend_words=True)[:3000]
        m = self.pattern.match(text)
        if not m or not m["rest"].strip():
            return None
        rest = m["rest"]
        j, seen = row.index + 1, 0
        while j < len(rows) and seen < 4 and "Indicator Lead Officer" not in rest:
            nxt = rows[j]
            seen += 1
            if nxt.blank:
                j += 1
                continue
            flat = nxt.flat[:400]
            if len(nxt.flat) < 400 and not self.pattern.match(flat) and (
                    re.match(r"^(?:Population Indicator\s)?Lead Officers?\b", flat)
                    or ("Lead Officer" not in rest and "Lead Officer" in flat)):
                rest = f"{rest} {flat}"
                skip.update(range(row.index + 1, j + 1))
                j += 1
                continue
            break
        if not m["colon"] and not _HEADING_WORDS.search(rest):
            return None
        continued = bool(_CONTD.search(rest))
        rest = _CONTD.sub(" ", rest)
        rest = re.sub(r"^\s?Population Indicator\s?[-–:]\s?", "", rest)
        lead = _LEAD_IN_TITLE.search(rest)
        title = rest[:lead.start()] if lead else rest
        title = re.sub(r"\s+", " ", title).strip(" -–(;,:")
        title = re.sub(r"\s?[-–(]\s?Outcome$", "", title)[:250]
        outcome_leads, leads = lead_officers(rest)
        return Head(re.sub(r"\s+", " ", m["code"]), int(m["num"]), title, outcome_leads, leads,
                    continued)


def is_column_header(row: Row) -> bool:
    """ "DORSET  DORSET  COMPARATOR …": the head of a page laid out in three columns."""
    cells = row.cells
    return len(cells) >= 3 and cells[2].upper() == "COMPARATOR" and all(
        re.fullmatch(r"[A-Z][A-Z .'&-]{2,40}", c) for c in cells[:2])


def column_caption(row: Row) -> tuple[int | None, str]:
    """(number, title) of the chart caption in a column header: "01: Rate of children …"."""
    for cell in row.cells[3:]:
        m = re.match(r"^(\d{1,2})\s?[:.]\s?(\S.{2,})$", cell)
        if m:
            return int(m[1]), m[2].strip()
    for cell in row.cells[3:]:
        if is_prose(cell) and "Lead Officer" not in cell and not cell.startswith("Corporate"):
            return None, cell.strip()
    return None, ""
