"""Benchmarking a value against a comparator (England, region, neighbours).

Two rules, chosen by what is known:

* ``compare_to_comparator``: with a confidence interval for the area, PHE's
  benchmarking rule (Fingertips "compared with benchmark"; PHE Technical Guide
  "Confidence intervals", 2018): significantly higher / lower when the area's
  interval lies wholly above / below the comparator value, otherwise similar. If
  the comparator has its own interval, the two intervals must not overlap to be
  called different, which is conservative (Schenker & Gentleman 2001, Am Stat
  55:182-186).
* ``compare_values``: with values only, a tolerance band (default ±5% of the
  comparator value) stands in for significance.

With NO_JUDGEMENT polarity the words are "higher" / "lower", never better / worse.
The interval functions live in ``intervals`` and are re-exported here.
"""

from dataclasses import dataclass

from . import _checks as check
from .errors import JudgementInputError
from .intervals import (
    Interval,
    byar_interval,
    count_interval,
    exact_poisson_interval,
    rate_interval,
    wilson_interval,
)
from .rag import rag_for_benchmark
from .vocab import RAG, BandKind, Benchmark, CannotCalculate, Movement, Polarity, benchmark_for

__all__ = [
    "BenchmarkResult",
    "Interval",
    "byar_interval",
    "compare_to_comparator",
    "compare_values",
    "count_interval",
    "exact_poisson_interval",
    "rate_interval",
    "wilson_interval",
]

_RELATION = {
    Movement.INCREASING: Benchmark.HIGHER,
    Movement.SIMILAR: Benchmark.SIMILAR,
    Movement.DECREASING: Benchmark.LOWER,
}


@dataclass(frozen=True)
class BenchmarkResult:
    """A value compared with a comparator. `relation` is the unjudged HIGHER/SIMILAR/LOWER."""

    method: str
    judgement: Benchmark
    relation: Benchmark
    polarity: Polarity
    rag: RAG
    value: float | None
    comparator: float | None
    value_label: str | None
    comparator_label: str | None
    difference: float | None = None
    relative_difference: float | None = None
    lower: float | None = None
    upper: float | None = None
    comparator_lower: float | None = None
    comparator_upper: float | None = None
    tolerance: float | None = None
    tolerance_kind: BandKind | None = None
    confidence: float | None = None
    cannot_calculate: CannotCalculate | None = None
    explanation: str = ""

    @property
    def calculated(self) -> bool:
        return self.cannot_calculate is None

    @property
    def wording(self) -> str:
        """'worse than England', 'similar to the South West', 'higher than England'."""
        other = self.comparator_label or "the comparator"
        if self.judgement is Benchmark.NOT_COMPARED:
            return "not compared"
        if self.judgement is Benchmark.SIMILAR:
            return f"similar to {other}"
        return f"{self.judgement.value} than {other}"


def _tail(judgement: Benchmark, relation: Benchmark, polarity: Polarity, other: str) -> str:
    """The end of an explanation, from its punctuation on."""
    if relation is Benchmark.SIMILAR:
        return f", so similar to {other}."
    if polarity is Polarity.NO_JUDGEMENT:
        return f"; this indicator has no preferred direction, so {relation.value} than {other}."
    return f"; {polarity.label}, so {judgement.value} than {other}."


def _not_compared(method, polarity, reason, **fields) -> BenchmarkResult:
    text = f"Not compared: {reason.explanation[0].lower()}{reason.explanation[1:]}"
    return BenchmarkResult(
        method, Benchmark.NOT_COMPARED, Benchmark.NOT_COMPARED, polarity, RAG.NONE,
        cannot_calculate=reason, explanation=text, **fields,
    )  # fmt: skip


def compare_to_comparator(
    value_interval: Interval | None,
    comparator: float | Interval | None,
    *,
    polarity,
    value_label: str | None = None,
    comparator_label: str | None = None,
) -> BenchmarkResult:
    """Judge an area's interval against a comparator value or interval (PHE rule).

    Comparator value: higher if lower limit > comparator, lower if upper limit <
    comparator, else similar (touching counts as similar). Comparator interval:
    different only when the two intervals do not overlap.
    """
    pol = check.polarity(polarity)
    vlabel = check.label("value_label", value_label)
    clabel = check.label("comparator_label", comparator_label)
    if value_interval is not None and not isinstance(value_interval, Interval):
        raise JudgementInputError(
            "value_interval must be an Interval (from wilson_interval, rate_interval or "
            f"Interval.from_limits); got {value_interval!r}"
        )
    paired = isinstance(comparator, Interval)
    method = "interval_overlap" if paired else "interval_contains_comparator"
    comp = comparator.estimate if paired else check.number("comparator", comparator, optional=True)
    base = {"value_label": vlabel, "comparator_label": clabel, "comparator": comp}
    if value_interval is None:
        return _not_compared(method, pol, CannotCalculate.NO_INTERVAL, value=None, **base)
    base.update(value=value_interval.estimate, lower=value_interval.lower,
                upper=value_interval.upper, confidence=value_interval.confidence)  # fmt: skip
    if not value_interval.calculated:
        return _not_compared(method, pol, value_interval.cannot_calculate, **base)
    if paired and not comparator.calculated:
        return _not_compared(method, pol, CannotCalculate.MISSING_COMPARATOR, **base)
    if comp is None:
        return _not_compared(method, pol, CannotCalculate.MISSING_COMPARATOR, **base)
    if paired and abs(comparator.confidence - value_interval.confidence) > 1e-12:
        raise JudgementInputError(
            "both intervals must have the same confidence level; got "
            f"{value_interval.confidence} and {comparator.confidence}"
        )
    low, high = value_interval.lower, value_interval.upper
    comp_low, comp_high = (comparator.lower, comparator.upper) if paired else (comp, comp)
    if low > comp_high:
        relation, where = Benchmark.HIGHER, "lies entirely above"
    elif high < comp_low:
        relation, where = Benchmark.LOWER, "lies entirely below"
    else:
        relation, where = Benchmark.SIMILAR, "overlaps" if paired else "includes"
    judgement = benchmark_for(relation, pol)
    other = clabel or "the comparator"
    pct = f"{round(value_interval.confidence * 100, 6):g}%"
    subject = f" for {vlabel}" if vlabel else ""
    target = (
        f"{other}'s interval ({check.fmt_sig(comp_low)} to {check.fmt_sig(comp_high)})"
        if paired
        else f"{other} ({check.fmt(comp)})"
    )
    finding = (
        f"significantly {relation.value}"
        if relation is not Benchmark.SIMILAR
        else "not significantly different"
    )
    text = (
        f"The {pct} confidence interval{subject} ({check.fmt_sig(low)} to {check.fmt_sig(high)}) "
        f"{where} {target}: {finding}{_tail(judgement, relation, pol, other)}"
    )
    difference = value_interval.estimate - comp
    return BenchmarkResult(
        method, judgement, relation, pol, rag_for_benchmark(judgement, pol),
        difference=difference, relative_difference=difference / abs(comp) if comp else None,
        comparator_lower=comp_low if paired else None,
        comparator_upper=comp_high if paired else None,
        explanation=text, **base,
    )  # fmt: skip


def compare_values(
    value,
    comparator_value,
    *,
    polarity,
    tolerance=check.DEFAULT_SIMILAR_BAND,
    tolerance_kind=BandKind.RELATIVE,
    value_label: str | None = None,
    comparator_label: str | None = None,
) -> BenchmarkResult:
    """Compare two plain values: similar when within the tolerance, else higher/lower.

    Relative tolerance is a fraction of the comparator value (0.05 = ±5%),
    boundary included; absolute tolerance is in the indicator's units. This is
    not a significance test: use compare_to_comparator when counts are known.
    """
    pol = check.polarity(polarity)
    width, kind = check.band("tolerance", tolerance, tolerance_kind)
    val = check.number("value", value, optional=True)
    comp = check.number("comparator_value", comparator_value, optional=True)
    vlabel = check.label("value_label", value_label)
    clabel = check.label("comparator_label", comparator_label)
    base = {
        "value": val, "comparator": comp, "value_label": vlabel, "comparator_label": clabel,
        "tolerance": width, "tolerance_kind": kind,
    }  # fmt: skip
    if val is None:
        return _not_compared("value_tolerance", pol, CannotCalculate.MISSING_VALUE, **base)
    if comp is None:
        return _not_compared("value_tolerance", pol, CannotCalculate.MISSING_COMPARATOR, **base)
    step = check.classify(val, comp, width, kind)
    if step.reason is not None:
        return _not_compared("value_tolerance", pol, step.reason, **base)
    relation = _RELATION[step.movement]
    judgement = benchmark_for(relation, pol)
    other = clabel or "the comparator"
    subject = f"{vlabel} ({check.fmt(val)})" if vlabel else check.fmt(val)
    if step.difference == 0:
        text = f"{subject} equals {other} ({check.fmt(comp)}), so similar to {other}."
    else:
        side = "within" if relation is Benchmark.SIMILAR else "beyond"
        text = (
            f"{subject} is {check.fmt_change(step.difference, step.relative, kind)} than "
            f"{other} ({check.fmt(comp)}), {side} the {check.fmt_band(width, kind)} "
            f"tolerance{_tail(judgement, relation, pol, other)}"
        )
    return BenchmarkResult(
        "value_tolerance", judgement, relation, pol, rag_for_benchmark(judgement, pol),
        difference=step.difference, relative_difference=step.relative, explanation=text, **base,
    )  # fmt: skip
