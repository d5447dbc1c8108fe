"""Fixed vocabularies for judgements (no Django).

Two layers are kept apart on purpose:

* what the numbers did, always computed and never judged: `Movement` (a value
  over time) and the HIGHER / SIMILAR / LOWER members of `Benchmark` (a value
  against a comparator);
* the judgement word, derived from that and the indicator's `Polarity`:
  improving / worsening, better / worse. An indicator with no preferred
  direction (`Polarity.NO_JUDGEMENT`) only ever gets the neutral words.

See docs/methodology.md for the RAG letters, words and symbols.
"""

from enum import StrEnum

__all__ = [
    "RAG",
    "BandKind",
    "Benchmark",
    "CannotCalculate",
    "Direction",
    "Movement",
    "Polarity",
    "RiskLevel",
    "TargetStatus",
    "benchmark_for",
    "direction_for",
]


class Polarity(StrEnum):
    """Which way is good for an indicator."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NO_JUDGEMENT = "no_judgement"

    @property
    def label(self) -> str:
        return {
            Polarity.HIGHER_IS_BETTER: "higher is better",
            Polarity.LOWER_IS_BETTER: "lower is better",
            Polarity.NO_JUDGEMENT: "no preferred direction",
        }[self]

    @property
    def judges(self) -> bool:
        """True when values can be called better or worse."""
        return self is not Polarity.NO_JUDGEMENT


class BandKind(StrEnum):
    """How a 'similar' band is measured: a fraction of the base value, or value units."""

    RELATIVE = "relative"
    ABSOLUTE = "absolute"


class Movement(StrEnum):
    """What a value did between two points in time, regardless of polarity."""

    INCREASING = "increasing"
    SIMILAR = "similar"
    DECREASING = "decreasing"


class Direction(StrEnum):
    """The trend word shown to readers (direction of travel)."""

    IMPROVING = "improving"
    SIMILAR = "similar"
    WORSENING = "worsening"
    INCREASING = "increasing"  # no-judgement polarity only
    DECREASING = "decreasing"  # no-judgement polarity only
    NOT_CALCULATED = "not_calculated"

    @property
    def label(self) -> str:
        if self is Direction.NOT_CALCULATED:
            return "Cannot be calculated"
        return self.value.capitalize()


class Benchmark(StrEnum):
    """The comparison word shown to readers (value against a comparator)."""

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    HIGHER = "higher"  # no-judgement polarity, and the raw relation
    LOWER = "lower"  # no-judgement polarity, and the raw relation
    NOT_COMPARED = "not_compared"

    @property
    def label(self) -> str:
        if self is Benchmark.NOT_COMPARED:
            return "Not compared"
        return self.value.capitalize()


class TargetStatus(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NO_TARGET = "no_target"
    NOT_ASSESSED = "not_assessed"  # a target exists but no judgement could be made

    @property
    def label(self) -> str:
        return {
            TargetStatus.MET: "Target met",
            TargetStatus.NOT_MET: "Target not met",
            TargetStatus.NO_TARGET: "No target",
            TargetStatus.NOT_ASSESSED: "Not assessed",
        }[self]


class RiskLevel(StrEnum):
    """Corporate risk register scores as printed in reports."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        """As reports print it: "HIGH"."""
        return self.value.upper()


class RAG(StrEnum):
    """Red / amber / green rating, always shown with its word and symbol.

    Blue is the action plans' "complete" (a BRAG rating); no judgement is ever blue.
    NONE is never stored: a record with no rating holds "".
    """

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"
    NONE = "none"

    @property
    def letter(self) -> str:
        return {RAG.RED: "R", RAG.AMBER: "A", RAG.GREEN: "G", RAG.BLUE: "B",
                RAG.NONE: "–"}[self]

    @property
    def word(self) -> str:
        return {RAG.RED: "Red", RAG.AMBER: "Amber", RAG.GREEN: "Green",
                RAG.BLUE: "Blue (complete)", RAG.NONE: "Not rated"}[self]

    @property
    def label(self) -> str:
        return self.word

    @property
    def symbol(self) -> str:
        """A shape readable without colour: tick, dot, cross, star, dash."""
        return {RAG.RED: "✗", RAG.AMBER: "●", RAG.GREEN: "✓", RAG.BLUE: "★",
                RAG.NONE: "–"}[self]


class CannotCalculate(StrEnum):
    """Why a result holds no judgement. Returned, never raised."""

    TOO_FEW_PERIODS = "too_few_periods"
    MISSING_VALUE = "missing_value"
    MISSING_COMPARATOR = "missing_comparator"
    NO_INTERVAL = "no_interval"
    ZERO_DENOMINATOR = "zero_denominator"
    ZERO_BASELINE = "zero_baseline"
    NO_TARGET = "no_target"
    NO_POLARITY = "no_polarity"
    TOO_FEW_PEERS = "too_few_peers"

    @property
    def explanation(self) -> str:
        return _REASONS[self]


_REASONS = {
    CannotCalculate.TOO_FEW_PERIODS: "There are not enough periods of data.",
    CannotCalculate.MISSING_VALUE: "A value needed for the calculation is missing.",
    CannotCalculate.MISSING_COMPARATOR: "There is no comparator value to compare with.",
    CannotCalculate.NO_INTERVAL: (
        "There is no confidence interval for the value, so significance cannot be judged."
    ),
    CannotCalculate.ZERO_DENOMINATOR: (
        "The denominator is zero, so no rate or proportion can be calculated."
    ),
    CannotCalculate.ZERO_BASELINE: (
        "The value compared against is zero, so a percentage change cannot be calculated; "
        "an absolute band is needed for this indicator."
    ),
    CannotCalculate.NO_TARGET: "No target has been set.",
    CannotCalculate.NO_POLARITY: (
        "The indicator has no preferred direction, so it cannot be judged against a target."
    ),
    CannotCalculate.TOO_FEW_PEERS: "Too few comparator areas have values.",
}


def direction_for(movement: Movement, polarity: Polarity) -> Direction:
    """The trend word for a movement under a polarity."""
    if movement is Movement.SIMILAR:
        return Direction.SIMILAR
    up = movement is Movement.INCREASING
    if polarity is Polarity.NO_JUDGEMENT:
        return Direction.INCREASING if up else Direction.DECREASING
    good = up == (polarity is Polarity.HIGHER_IS_BETTER)
    return Direction.IMPROVING if good else Direction.WORSENING


def benchmark_for(relation: Benchmark, polarity: Polarity) -> Benchmark:
    """The comparison word for a raw relation (HIGHER / SIMILAR / LOWER) under a polarity."""
    if relation in (Benchmark.SIMILAR, Benchmark.NOT_COMPARED):
        return relation
    if polarity is Polarity.NO_JUDGEMENT:
        return relation
    good = (relation is Benchmark.HIGHER) == (polarity is Polarity.HIGHER_IS_BETTER)
    return Benchmark.BETTER if good else Benchmark.WORSE
