"""The words of an Outcomes Focused Monitoring Report and what they stand for.

Parsers may not import Django, so the vocabularies are spelt here as the plain values of
``outcomes.vocab`` (StatedTrend, StatedBenchmark, ObservationStatus) and ``risks.vocab``
(RiskTrend), and RAG ratings and risk levels as ``judgements.vocab`` values; a test checks
that every value here is one of theirs.
"""

from __future__ import annotations

import re

from scrutinydesk.judgements import RAG, Benchmark, Direction, parse_rag, printed_words

# The printed trend and benchmark words are the judgements package's own list (the audit
# reads them with the same list), spelt here as outcomes.vocab values.
_TREND_VALUE = {Direction.IMPROVING: "improving", Direction.SIMILAR: "unchanged",
                Direction.WORSENING: "worsening", Direction.NOT_CALCULATED: "no_trend"}

# Printed trend word (upper case, single spaces) -> outcomes.vocab.StatedTrend value
TREND_WORDS = {phrase.upper(): _TREND_VALUE[word]
               for phrase, word in printed_words("trend").items() if word in _TREND_VALUE}

# Printed benchmark word -> outcomes.vocab.StatedBenchmark value
BENCHMARK_WORDS = {phrase.upper(): Benchmark(word).value
                   for phrase, word in printed_words("benchmark").items()}

# Printed risk score -> judgements.RiskLevel value
RISK_LEVELS = {phrase.upper(): level.value for phrase, level in printed_words("risk").items()}

# Printed risk trend -> risks.vocab.RiskTrend value
RISK_TRENDS = {
    "IMPROVING": "improving", "IMPROVED": "improving",
    "UNCHANGED": "unchanged", "NO CHANGE": "unchanged", "STATIC": "unchanged",
    "WORSENING": "worsening", "WORSENED": "worsening", "DETERIORATING": "worsening",
    "NEW": "new",
}

# Printed in place of a value -> outcomes.vocab.ObservationStatus value
STATUS_WORDS = {
    "UNDER DEVELOPMENT": "under_development", "IN DEVELOPMENT": "under_development",
    "TO FOLLOW": "to_follow", "DATA TO FOLLOW": "to_follow", "TBC": "to_follow",
    "NOT PUBLISHED": "not_published", "NOT YET PUBLISHED": "not_published",
    "NOT AVAILABLE": "not_published", "NO DATA": "not_published",
}

_COMPARATOR_NAME = re.compile(
    r"\b(?:england|national|nationally|uk|united kingdom|great britain|wales|scotland|"
    r"south west|south east|north west|north east|east midlands|west midlands|"
    r"east of england|london|yorkshire|humber|region(?:al)?|statistical neighbou?rs?|"
    r"nearest neighbou?rs?|comparators?|cipfa|shire counties|county councils|average|"
    r"benchmark|target|all authorities)\b", re.I)


def words_key(text: str) -> str:
    """Upper case with single spaces and no surrounding punctuation: "No  trend." -> "NO TREND"."""
    return re.sub(r"\s+", " ", text or "").strip(" .,;:-–()*").upper()


def trend_word(printed: str) -> str:
    return TREND_WORDS.get(words_key(printed), "")


def benchmark_word(printed: str) -> str:
    return BENCHMARK_WORDS.get(words_key(printed), "")


def risk_level(printed: str) -> str:
    return RISK_LEVELS.get(words_key(printed), "")


def risk_trend(printed: str) -> str:
    return RISK_TRENDS.get(words_key(printed), "")


def status_word(printed: str) -> str:
    return STATUS_WORDS.get(words_key(printed), "")


def rag_letter(printed: str) -> str:
    """A printed RAG letter or word ("G", "Amber") as its judgements.RAG value ("green");
    "" for anything else. Monitoring reports rate red, amber or green only."""
    rag = parse_rag(words_key(printed))
    return rag.value if rag in (RAG.RED, RAG.AMBER, RAG.GREEN) else ""


def is_comparator_name(name: str) -> bool:
    """True for England, a region, statistical neighbours and the like: series that are
    compared with, rather than the council's own area."""
    return bool(_COMPARATOR_NAME.search(name or ""))


# A word or two in capitals: "HIGH", "NO TREND" (a key entry, a risk score)
KEY_WORD = re.compile(r"^[A-Z][A-Z '’-]{0,24}$")

TREND_WORD_RE = re.compile(
    r"\b(IMPROVING|IMPROVED|IMPROVEMENT|UNCHANGED|NO CHANGE|WORSENING|WORSENED|"
    r"DETERIORATING|DETERIORATED|NO TREND|NO JUDGE?MENT|"
    # unrated directions (judgements' INCREASING / DECREASING): kept as printed, no word
    r"HIGHER|LOWER|INCREASING|DECREASING|RISING|FALLING)\b", re.I)
BENCHMARK_WORD_RE = re.compile(
    r"\b(BETTER|SIMILAR|SAME|IN LINE|WORSE|HIGHER|LOWER|NOT COMPARED|NOT COMPARABLE)\b", re.I)
STATUS_RE = re.compile(
    r"\b(UNDER DEVELOPMENT|IN DEVELOPMENT|DATA TO FOLLOW|TO FOLLOW|NOT YET PUBLISHED|"
    r"NOT PUBLISHED|NOT AVAILABLE|NO DATA|TBC)\b", re.I)
