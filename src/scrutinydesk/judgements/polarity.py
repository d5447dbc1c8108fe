"""A polarity suggested from what the papers say (docs/methodology.md, "Polarity suggested
from the papers").

A stated judgement word beside what the printed figures did tells which way the paper
counts as good: "IMPROVING" beside a fall means lower is better, "WORSE" than a lower
comparator means lower is better. ``suggest_polarity`` weighs every such statement; it
suggests a polarity only when all of them agree, and never sets one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import JudgementInputError
from .vocab import Polarity

TREND_WORDS = {"improving": True, "worsening": False}
BENCHMARK_WORDS = {"better": True, "worse": False}


@dataclass(frozen=True)
class Statement:
    """One judgement word a paper printed beside two figures it printed.

    ``kind`` is "trend" (``value`` is the latest figure, ``other`` the previous one) or
    "benchmark" (``other`` is the comparator's value); ``word`` the stated word
    (improving / worsening / better / worse; other words give no evidence); ``where`` says
    where it was printed ("January 2018 report, p. 31")."""

    kind: str
    word: str
    value: float | None
    other: float | None
    where: str = ""


@dataclass(frozen=True)
class Evidence:
    statement: Statement
    polarity: Polarity
    sentence: str


@dataclass(frozen=True)
class PolaritySuggestion:
    """``polarity`` is NO_JUDGEMENT when there is no evidence or the evidence disagrees."""

    polarity: Polarity
    evidence: tuple[Evidence, ...]
    conflicting: bool
    explanation: str

    @property
    def suggested(self) -> bool:
        return self.polarity.judges


def _figure(value: float) -> str:
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def read_statement(s: Statement) -> Evidence | None:
    """The polarity one statement implies, or None when it implies none (a neutral word,
    a missing figure, or figures that did not move)."""
    if s.kind not in ("trend", "benchmark"):
        raise JudgementInputError(f"A statement is a trend or a benchmark, not {s.kind!r}.")
    words = TREND_WORDS if s.kind == "trend" else BENCHMARK_WORDS
    word = (s.word or "").strip().lower()
    if word not in words or s.value is None or s.other is None or s.value == s.other:
        return None
    good, up = words[word], s.value > s.other
    polarity = Polarity.HIGHER_IS_BETTER if good == up else Polarity.LOWER_IS_BETTER
    if s.kind == "trend":
        moved = "rise" if up else "fall"
        said = (f"{word.upper()} beside a {moved} from {_figure(s.other)} to "
                f"{_figure(s.value)}")
    else:
        side = "above" if up else "below"
        said = (f"{_figure(s.value)}, {side} a comparator of {_figure(s.other)}, called "
                f"{word.upper()}")
    where = f" ({s.where})" if s.where else ""
    return Evidence(s, polarity, f"{said}{where}: {polarity.label}.")


def suggest_polarity(statements: list[Statement]) -> PolaritySuggestion:
    """The polarity every informative statement agrees on, with the evidence for it."""
    evidence = tuple(e for e in map(read_statement, statements) if e is not None)
    found = {e.polarity for e in evidence}
    if not evidence:
        return PolaritySuggestion(Polarity.NO_JUDGEMENT, (), False,
                                  "The papers say nothing from which a polarity can be read.")
    if len(found) > 1:
        return PolaritySuggestion(
            Polarity.NO_JUDGEMENT, evidence, True,
            "The papers disagree on which way is better, so no polarity is suggested.")
    polarity = found.pop()
    n = len(evidence)
    agree = {1: "the one statement that tells says so",
             2: "both statements that tell agree"}.get(n, f"all {n} statements that tell agree")
    return PolaritySuggestion(polarity, evidence, False,
                              f"The papers suggest {polarity.label}: {agree}.")
