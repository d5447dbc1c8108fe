"""Small readers shared by every parser: markup in converted text, numbers, dates, times.
Pure functions, no database."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

# Bounded, bracket-excluding classes keep every pattern linear on long or hostile lines.
_BLOCK_TAGS = re.compile(
    r"</?(?:p|li|ul|ol|div|tr|br|h[1-6]|table|tbody|thead)\b[^<>]{0,500}>", re.I)
_CELL_TAGS = re.compile(r"</?(?:td|th)\b[^<>]{0,500}>", re.I)
_ANY_TAG = re.compile(r"<[^<>]{0,500}>")
_MD_LINK = re.compile(r"\[([^\[\]]{0,500})\]\([^()]{0,500}\)")
_BULLETS = "•●▪■◦§·\uf0b7\uf0a7"

PAGE_ARTEFACT = re.compile(
    r"^\s*(?:Page\s+\d{1,4}|This page is intentionally left blank)\s*$", re.I)


def strip_markup(text: str) -> str:
    """Plain text from a cell that mixes inline HTML, markdown and bullets, on one line."""
    return " ".join(markup_to_lines(text))


def markup_to_lines(text: str) -> list[str]:
    """Split a cell of inline HTML (``<p>``, ``<li>``, ``<br>``) and bullets into lines of
    plain text, dropping empty ones."""
    text = _BLOCK_TAGS.sub("\n", text)
    text = _CELL_TAGS.sub("\t", text)
    text = _ANY_TAG.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = html.unescape(text).replace("\u00a0", " ")
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"[ \t\u00a0]+", " ", text)  # squeeze first: the bullet rule stays linear
    text = re.sub(rf" ?[{_BULLETS}]\s+", "\n", text)
    lines = []
    for raw in text.split("\n"):
        line = re.sub(r"[ \t]+", " ", raw).strip()
        line = line.lstrip("-–* ").strip() if re.match(r"^[-–*]\s", line) else line
        if line:
            lines.append(line)
    return lines


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def venue_name(text: str) -> str:
    """ "the Luttrell Room, County Hall" → "Luttrell Room, County Hall": a lower-case "the"
    read from "held in the …" is not part of the name ("The Guildhall" keeps its own)."""
    return re.sub(r"^the\s+(?=[A-Z])", "", (text or "").strip())


_NUMBER = re.compile(r"[-–]?\s?£?\s?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-–]?\s?£?\s?\d+(?:\.\d+)?")


def parse_number(text: str) -> Decimal | None:
    """The first number in ``text``: "5,694" → 5694, "17.6%" → 17.6, "£1.1m" → 1.1."""
    m = _NUMBER.search(text or "")
    if not m:
        return None
    raw = m.group(0).replace(",", "").replace("£", "").replace("–", "-").replace(" ", "")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?", re.I)
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y",
                 "%d.%m.%y", "%Y-%m-%d", "%d %B, %Y", "%d %b, %Y", "%d-%m-%Y")


def parse_date(text: str) -> date | None:
    """A day written as councils write it: "Tuesday, 30th January, 2018", "12 October 2017",
    "31.03.2018", "12/10/17". ``None`` when there is none."""
    if not text:
        return None
    t = _WEEKDAY.sub("", text)
    t = _ORDINAL.sub(r"\1", t)
    t = t.replace("Sept ", "Sep ").replace("sept ", "sep ")
    t = normalise_space(t.replace(",", " ").replace(" ,", ","))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(t, fmt.replace(",", "")).date()
        except ValueError:
            continue
    return None


DATE_IN_TEXT = re.compile(
    r"\b(\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r",?\s+\d{4})\b", re.I)


def find_dates(text: str) -> list[date]:
    """Every "12 October 2017"-style date in a passage of text, in order."""
    found = []
    for m in DATE_IN_TEXT.finditer(text or ""):
        d = parse_date(m.group(1))
        if d:
            found.append(d)
    return found


_TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", re.I)


def parse_time(text: str) -> time | None:
    """ "2.00 pm", "10.00am", "14:30", "2pm" → a time; ``None`` when there is none."""
    if not text:
        return None
    for m in _TIME.finditer(text):
        hour, minute, meridiem = int(m[1]), int(m[2] or 0), (m[3] or "").lower().replace(".", "")
        if not meridiem and m[2] is None:
            continue  # a bare number is not a time
        if meridiem == "pm" and hour < 12:
            hour += 12
        if meridiem == "am" and hour == 12:
            hour = 0
        if 0 <= hour < 24 and 0 <= minute < 60:
            return time(hour, minute)
    return None
