"""Groundwork for reading minute prose, shared by ``minute_people``, ``minute_decisions`` and
the meeting-page and minutes parsers: vocabulary values, line cleaning, paragraphs and
sentences, the patterns for names and roles, and the decision words and lone dates that open a
paragraph.

Pure functions over text: no Django, no database. Vocabulary values are the ``value`` of
``committees.vocab`` choices (kept here as plain strings so parsers stay free of Django).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from scrutinydesk.core.names import COUNCIL_KINDS
from scrutinydesk.ingest.parsers.common import (
    DATE_IN_TEXT,
    PAGE_ARTEFACT,
    parse_date,
    strip_markup,
)
from scrutinydesk.ingest.records import SourceRef
from scrutinydesk.ingest.text import Line

# committees.vocab values
PRESENT, APOLOGIES, ABSENT, SUBSTITUTE = "present", "apologies", "absent", "substitute"
COMMITTEE_MEMBER, OTHER_MEMBER, OFFICER, OTHER = "committee_member", "other_member", "officer", \
    "other"
RECOMMENDED, RESOLVED, NOTED, AGREED = "recommended", "resolved", "noted", "agreed"
DPI, OTHER_REGISTRABLE, NON_REGISTRABLE, OTHER_INTEREST = "dpi", "other_registrable", \
    "non_registrable", "other"
SCHEDULED, HELD, CANCELLED, POSTPONED = "scheduled", "held", "cancelled", "postponed"
CHAIR, VICE_CHAIR, MEMBER, RESERVE = "chair", "vice_chair", "member", "reserve"

_TERMINAL = (".", "!", "?", ":", ";", ")", '"', "”", "’", "'")
_BULLET = re.compile(r"^\s*[-–*•●▪■◦·\uf0b7\uf0a7]\s")
_NUMBERED = re.compile(r"^\(?(\d{1,2}|[ivx]{1,5}|[a-h])[.)]\s*(?=\S)")
_BLANKISH = re.compile(r"^[\s\u00a0\u200b\ufeff]*$")


def is_blank(text: str) -> bool:
    return bool(_BLANKISH.match(text))


_SPACES = re.compile(r"[\s\u00a0\u200b\ufeff]+")
_LONG_TAG = re.compile(r"<[^<>]{0,200}>")


def clean(text: str) -> str:
    """One line of plain text: markup, bullets and odd spaces removed. Very long lines get
    a simpler linear clean-up (``strip_markup`` slows down on long runs of spaces or tags)."""
    text = _SPACES.sub(" ", text)
    if len(text) <= 2000:
        return strip_markup(text)
    text = html.unescape(_LONG_TAG.sub(" ", text)).replace("**", "")
    return _SPACES.sub(" ", re.sub(r"[•●▪■◦·\uf0b7\uf0a7]", " ", text)).strip()


def ref_of(line: Line | None) -> SourceRef:
    return SourceRef(page=line.page, line=line.number) if line else SourceRef()


@dataclass(slots=True)
class Para:
    """A paragraph of minute text: its plain text, first line, and whether it is a bullet."""

    text: str
    line: Line
    bullet: bool = False

    @property
    def ref(self) -> SourceRef:
        return ref_of(self.line)


def paragraphs(lines: Iterable[Line]) -> list[Para]:
    """Paragraphs from lines: blank lines separate them; a bullet, a numbered part, a lone
    decision word or a date on its own starts a new one; a paragraph split by a page break
    (no closing stop, next part starting in lower case) is joined again."""
    groups: list[tuple[Line, bool, bool, list[str]]] = []  # first line, bullet, alone, texts
    open_group = False
    for line in lines:
        text = clean(line.text) if not is_blank(line.text) else ""
        if not text or PAGE_ARTEFACT.match(text):
            open_group = False
            continue
        bullet = bool(_BULLET.match(line.text))
        alone = decision_marker(text) is not None or date_only(text) is not None
        if open_group and not bullet and not alone and not _NUMBERED.match(text) and \
                not groups[-1][1] and not groups[-1][2]:
            groups[-1][3].append(text)
            continue
        groups.append((line, bullet, alone, [text]))
        open_group = True
    merged: list[tuple[Line, bool, list[str]]] = []
    for line, bullet, _alone, texts in groups:
        if (merged and not bullet and texts[0][:1].islower() and not merged[-1][1]
                and not merged[-1][2][-1].endswith(_TERMINAL)):
            merged[-1][2].extend(texts)
        else:
            merged.append((line, bullet, texts))
    return [Para(" ".join(texts), line, bullet) for line, bullet, texts in merged]


_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "nos", "cllr", "cllrs", "prof", "rev",
                  "revd", "co", "approx", "etc", "vs", "e.g", "i.e", "para"}
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, not split after "Mr.", "No." or an initial."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        word = text[max(start, m.start() - 6):m.start()].split()
        last = word[-1].lower().lstrip("(") if word else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


# --- Names and roles (used by minute_people and minute_decisions) ---------------------------

# "County Councillor", "District Councillor": the kind of council is part of the title, not the name
COUNCIL_KIND = "(?:" + "|".join(k.capitalize() for k in COUNCIL_KINDS) + ")"
_HONORIFIC = rf"(?:(?:{COUNCIL_KIND}\s+)?Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\.?"
_CAP = r"[A-Z][\w'’-]*"
NAME = rf"(?:{_HONORIFIC}\s+)?{_CAP}(?:\s+{_CAP}){{0,3}}"
_ROLE_WORD = re.compile(
    r"\b(?:Director|Manager|Officer|Lead|Head|Chair\w*|Vice[- ]Chair\w*|Leader|Member|Executive|"
    r"Clerk|Advis[eo]r|Solicitor|Commissioner|Engineer|Co-?ordinator|Consultant|Inspector|"
    r"Superintendent|Principal|Analyst|Secretary|Treasurer|Mayor|Holder|Champion|Specialist|"
    r"Planner|Accountant|Auditor|Chief|Deputy|Assistant|Representative|Teacher|Worker|"
    r"Administrator|Governor|Partner)\b")


# --- Lines that open a paragraph: decision words, a date on its own -------------------------

_MARKER = re.compile(r"^(?:(?P<it>it\s+was\s+)|(?P<subj>(?:the\s+)?(?:committee|cabinet|panel|board"
                     r"|sub-committee|council|members)\s+))?(?P<kw>resolved\s+to\s+recommend|"
                     r"resolved|recommended|recommendations?|noted|agreed|decisions?)\b", re.I)
_BRACKET_TO = re.compile(r"^\s*[:\-–]?\s*\(\s*(?:to\s+)?(?P<to>[A-Z][^()\d]{1,60})\)")
_WORD_TO = re.compile(r"^\s+to\s+(?:the\s+)?(?P<to>[A-Z][\w'’ -]{0,60}?)\s*(?=:|-|–|\bthat\b|$)")
_KINDS = {"resolved to recommend": RECOMMENDED, "resolved": RESOLVED, "recommended": RECOMMENDED,
          "recommendation": RECOMMENDED, "recommendations": RECOMMENDED, "noted": NOTED,
          "agreed": AGREED, "decision": RESOLVED, "decisions": RESOLVED}


def decision_marker(text: str) -> tuple[str, str, str] | None:
    """(kind, recipient, rest) when a paragraph opens a decision: "Resolved", "RESOLVED –
    That ...", "Resolved to RECOMMEND: (to Council)", "It was resolved that ...", "Noted"."""
    m = _MARKER.match(text)
    if not m:
        return None
    kw = re.sub(r"\s+", " ", m["kw"].lower())
    if m["it"] and kw not in ("resolved", "agreed"):
        return None
    if m["subj"] and not (m["kw"].isupper() or kw == "resolved"):
        return None
    rest = text[m.end():]
    recipient = ""
    b = _BRACKET_TO.match(rest) or _WORD_TO.match(rest)
    if b:
        recipient, rest = b["to"].strip(), rest[b.end():]
    if kw.startswith(("recommendation", "decision")) and rest.strip() and \
            not re.match(r"\s*[:\-–]", rest):
        return None
    rest = rest.lstrip(" :-–,.").strip()
    if rest.lower().rstrip(":") == "that":
        rest = ""
    rest = re.sub(r"^that\s*[:\-–]\s*(?=[a-z])", "", rest)  # "Resolved that – the fees ..."
    if rest and kw in ("noted", "agreed", "recommended") and not m["subj"] and not m["it"] and \
            rest[:1].isupper() and not rest.startswith(("That", "To ")):
        return None  # "Noted The Chairman ..." is prose, not a decision
    return _KINDS[kw], recipient, rest


_WEEKDAY_WORD = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)", re.I)
_MEETING_ON = re.compile(r"^(?:(?:the\s+)?(?:next\s+)?(?:meeting|committee)\s+(?:on|of|held\s+on)"
                         r"\s+)", re.I)


def date_only(text: str) -> date | None:
    """The date when a line is nothing but a date: "13 March 2018", "Tuesday 5 July 2018:"."""
    t = text.strip(" :-–.")
    if len(t) > 48:
        return None
    t = _WEEKDAY_WORD.sub("", _MEETING_ON.sub("", t))
    m = DATE_IN_TEXT.fullmatch(t.strip())
    return parse_date(m.group(1)) if m else None
