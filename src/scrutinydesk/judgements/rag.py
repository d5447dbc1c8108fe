"""RAG ratings for judgement words, and reading the words reports print.

The default key follows the monitoring-report legend: improving / better / met are
green, similar / unchanged amber, worsening / worse / not met red. Neutral words
(increasing, higher, ...) and "cannot be calculated" words are never rated, and
nothing is rated for an indicator whose polarity is NO_JUDGEMENT.
"""

import difflib
import re
from collections.abc import Mapping
from types import MappingProxyType

from . import _checks as check
from .errors import JudgementInputError
from .vocab import RAG, Benchmark, Direction, Polarity, RiskLevel, TargetStatus

Word = Direction | Benchmark | TargetStatus | RiskLevel

DEFAULT_KEY: Mapping[str, RAG] = MappingProxyType(
    {
        Direction.IMPROVING.value: RAG.GREEN,
        Direction.SIMILAR.value: RAG.AMBER,  # also Benchmark.SIMILAR
        Direction.WORSENING.value: RAG.RED,
        Direction.INCREASING.value: RAG.NONE,
        Direction.DECREASING.value: RAG.NONE,
        Direction.NOT_CALCULATED.value: RAG.NONE,
        Benchmark.BETTER.value: RAG.GREEN,
        Benchmark.WORSE.value: RAG.RED,
        Benchmark.HIGHER.value: RAG.NONE,
        Benchmark.LOWER.value: RAG.NONE,
        Benchmark.NOT_COMPARED.value: RAG.NONE,
        TargetStatus.MET.value: RAG.GREEN,
        TargetStatus.NOT_MET.value: RAG.RED,
        TargetStatus.NO_TARGET.value: RAG.NONE,
        TargetStatus.NOT_ASSESSED.value: RAG.NONE,
        RiskLevel.HIGH.value: RAG.RED,
        RiskLevel.MEDIUM.value: RAG.AMBER,
        RiskLevel.LOW.value: RAG.GREEN,
    }
)

CONTEXTS = ("trend", "benchmark", "target", "risk")


def rag_for_word(word: str, key: Mapping[str, RAG] = DEFAULT_KEY) -> RAG | None:
    """The RAG a key gives a vocabulary word, or None if the key does not know it."""
    return key.get(str(word))


def rag_for_trend(direction: Direction, polarity: Polarity) -> RAG:
    word = check.member("direction", Direction, direction)
    if check.polarity(polarity) is Polarity.NO_JUDGEMENT:
        return RAG.NONE
    return DEFAULT_KEY[word.value]


def rag_for_benchmark(benchmark: Benchmark, polarity: Polarity) -> RAG:
    word = check.member("benchmark", Benchmark, benchmark)
    if check.polarity(polarity) is Polarity.NO_JUDGEMENT:
        return RAG.NONE
    return DEFAULT_KEY[word.value]


def rag_for_target(status: TargetStatus) -> RAG:
    return DEFAULT_KEY[check.member("status", TargetStatus, status).value]


_RAG_TEXT = {
    "r": RAG.RED, "red": RAG.RED,
    "a": RAG.AMBER, "amber": RAG.AMBER,
    "g": RAG.GREEN, "green": RAG.GREEN,
    "": RAG.NONE, "-": RAG.NONE, "–": RAG.NONE, "—": RAG.NONE, "n/a": RAG.NONE,
    "na": RAG.NONE, "none": RAG.NONE, "grey": RAG.NONE, "gray": RAG.NONE,
    "not rated": RAG.NONE,
}  # fmt: skip


def parse_rag(text: str | RAG | None) -> RAG | None:
    """Read a printed RAG letter or word ("R", "Amber", blank); None if unrecognised."""
    if text is None:
        return RAG.NONE
    if isinstance(text, RAG):
        return text
    if not isinstance(text, str):
        raise JudgementInputError(f"a RAG rating must be text; got {text!r}")
    return _RAG_TEXT.get(" ".join(text.casefold().split()))


def stated_rag_consistent(word, letter, key: Mapping[str, RAG] = DEFAULT_KEY) -> bool | None:
    """Does a printed RAG letter match the printed word under the key?

    "BETTER" marked "R" gives False. None means the check cannot be made because
    the word or the letter is not recognised.
    """
    if isinstance(word, str) and str(word) not in key:
        word = normalise_stated_word(word)
    stated = parse_rag(letter)
    if word is None or stated is None:
        return None
    expected = rag_for_word(word, key)
    return None if expected is None else expected is stated


_D, _B, _T, _R = Direction, Benchmark, TargetStatus, RiskLevel
_WORDS: dict[str, dict[str, Word]] = {
    "trend": {
        **dict.fromkeys(
            ["improving", "improved", "improvement", "improve", "improves", "getting better"],
            _D.IMPROVING,
        ),
        **dict.fromkeys(
            ["unchanged", "no change", "no significant change", "stable", "static", "steady",
             "same", "maintained"],
            _D.SIMILAR,
        ),
        **dict.fromkeys(
            ["worsening", "worsened", "getting worse", "deteriorating", "deteriorated"],
            _D.WORSENING,
        ),
        **dict.fromkeys(["increasing", "increased", "rising", "risen"], _D.INCREASING),
        **dict.fromkeys(
            ["decreasing", "decreased", "falling", "fallen", "reducing", "reduced"],
            _D.DECREASING,
        ),
        **dict.fromkeys(
            ["no trend", "new indicator", "new indicator introduced", "no trend data",
             "not calculated", "cannot be calculated", "trend not available",
             "no judgement", "no judgment", "no judgement made"],
            _D.NOT_CALCULATED,
        ),
    },
    "benchmark": {
        **dict.fromkeys(["better", "significantly better"], _B.BETTER),
        **dict.fromkeys(["similar", "not significantly different", "in line", "same"],
                        _B.SIMILAR),
        **dict.fromkeys(["worse", "significantly worse"], _B.WORSE),
        **dict.fromkeys(["higher", "significantly higher"], _B.HIGHER),
        **dict.fromkeys(["lower", "significantly lower"], _B.LOWER),
        **dict.fromkeys(
            ["not compared", "not comparable", "no comparable data",
             "no comparable data provided",
             "no comparable data provided by lead officer", "no comparator", "no benchmark"],
            _B.NOT_COMPARED,
        ),
    },
    "target": {
        **dict.fromkeys(["met", "target met", "achieved", "on target"], _T.MET),
        **dict.fromkeys(["not met", "target not met", "missed", "off target"], _T.NOT_MET),
        **dict.fromkeys(["no target", "target not set"], _T.NO_TARGET),
    },
    "risk": {"high": _R.HIGH, "medium": _R.MEDIUM, "med": _R.MEDIUM, "low": _R.LOW},
}  # fmt: skip
# Words that change meaning with the column they are printed in.
_IN_CONTEXT: dict[str, dict[str, Word]] = {
    "trend": {"better": _D.IMPROVING, "worse": _D.WORSENING, "similar": _D.SIMILAR,
              "higher": _D.INCREASING, "lower": _D.DECREASING, "n a": _D.NOT_CALCULATED},
    "benchmark": {"n a": _B.NOT_COMPARED},
    "target": {"n a": _T.NO_TARGET},
    "risk": {},
}  # fmt: skip


def _table(context: str | None) -> dict[str, Word]:
    if context is None:
        table: dict[str, Word] = {}
        for words in _WORDS.values():
            table.update({k: v for k, v in words.items() if k not in table})
        return table
    return {**_WORDS[context], **_IN_CONTEXT[context]}


def printed_words(context: str) -> dict[str, Word]:
    """Every printed phrase read as a judgement word in ``context`` (exact phrases, lower
    case), for parsers that must recognise the words without guessing at typos."""
    if context not in CONTEXTS:
        raise JudgementInputError(
            f"context must be one of {', '.join(CONTEXTS)}; got {context!r}")
    return _table(context)


def normalise_stated_word(text: str | None, *, context: str | None = None) -> Word | None:
    """Map a printed judgement word, variant or typo to the vocabulary; None if unknown.

    Reads the leading word(s), so "WORSE 43.1 (Average)" and "NEW INDICATOR
    INTRODUCED 2016" are understood. `context` ("trend", "benchmark", "target",
    "risk") settles words that differ by column: "BETTER" in a trend column means
    improving. Without a context "SIMILAR" is returned as Benchmark.SIMILAR (equal,
    as text, to Direction.SIMILAR).
    """
    if context is not None and context not in CONTEXTS:
        raise JudgementInputError(
            f"context must be one of {', '.join(CONTEXTS)} or None; got {context!r}"
        )
    if text is None:
        return None
    if not isinstance(text, str):
        raise JudgementInputError(f"a stated word must be text; got {text!r}")
    words = re.sub(r"[^0-9a-z]+", " ", text.casefold()).split()
    if not words:
        return None
    table = _table(context)
    for size in range(min(len(words), 6), 0, -1):
        phrase = " ".join(words[:size])
        if phrase in table:
            return table[phrase]
    squashed = {key.replace(" ", ""): value for key, value in table.items()}
    for size in range(min(len(words), 6), 1, -1):  # "UNCHANGE D" split by a line break
        joined = "".join(words[:size])
        if joined in squashed:
            return squashed[joined]
    first = words[0]
    if len(first) >= 6:  # typos such as "IMPORVING", "UNCHNAGED"
        singles = [key for key in table if " " not in key and key[0] == first[0]]
        match = difflib.get_close_matches(first, singles, n=1, cutoff=0.85)
        if match:
            return table[match[0]]
    return None
