"""Units and comparators as papers print them. Pure functions, no database."""

import re

from scrutinydesk.core.vocab import Unit
from scrutinydesk.outcomes.vocab import ComparatorKind

_UNIT_PATTERNS = (
    (r"per\s*100\s*(?:k|,?000)\b", Unit.PER_100000),
    (r"per\s*10\s*(?:k|,?000)\b", Unit.PER_10000),
    (r"per\s*1\s*(?:k|,?000)\b", Unit.PER_1000),
    (r"%|\bper\s*cent\b|\bpercent(?:age)?\b", Unit.PERCENT),
    (r"£", Unit.GBP),
    (r"\bdays?\b", Unit.DAYS),
    (r"\bweeks?\b", Unit.WEEKS),
    # Life expectancy and ages; "aged 0 to 14 years old" describes a population, not a unit.
    (r"\bmonths?\b(?!\s?(?:old|olds|of age)\b)", Unit.MONTHS),
    (r"\b(?:years?|yrs?)\b(?!\s?(?:old|olds|of age)\b)", Unit.YEARS),
)


def unit_from_text(text: str, default: str = Unit.COUNT) -> str:
    """The unit a printed figure is in: "per 10,000" → per_10000, "17.6%" → percent."""
    low = (text or "").lower()
    for pattern, unit in _UNIT_PATTERNS:
        if re.search(pattern, low):
            return unit
    return default


def in_other_unit(text: str, unit: str) -> bool:
    """Does ``text`` name a unit, and another than ``unit``? ("14.1 per 1,000 population"
    beside a count): such figures cannot be compared with, or stored in, the headline's."""
    named = unit_from_text(text, default="")
    return bool(named) and named != unit


ENGLAND_WORDS = ("england", "national", "nationally", "uk", "great britain", "gb")
NEIGHBOUR_WORDS = ("statistical neighbour", "stat neighbour", "stat. neighbour", "sn average",
                   "comparator group", "similar authorities", "nearest neighbour")
REGION_WORDS = ("south west", "south east", "north west", "north east", "east midlands",
                "west midlands", "yorkshire", "east of england", "london", "region", "regional")


def comparator_kind(name: str) -> str:
    low = (name or "").lower()
    if any(w in low for w in NEIGHBOUR_WORDS):
        return ComparatorKind.STATISTICAL_NEIGHBOURS
    if "target" in low:
        return ComparatorKind.TARGET
    if any(w == low or low.startswith(w) for w in ENGLAND_WORDS):
        return ComparatorKind.ENGLAND
    if any(w in low for w in REGION_WORDS):
        return ComparatorKind.REGION
    return ComparatorKind.OTHER


def comparator_name(printed: str) -> str:
    """A comparator's name as stored: "england" → "England", "SN average" → "Statistical
    neighbours"; others keep their printed words."""
    kind = comparator_kind(printed)
    if kind == ComparatorKind.ENGLAND:
        return "England"
    if kind == ComparatorKind.STATISTICAL_NEIGHBOURS:
        return "Statistical neighbours"
    words = " ".join(printed.split()).strip(" ()")
    return words[:1].upper() + words[1:] if words else words
