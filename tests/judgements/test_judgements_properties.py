"""Property-based tests (hypothesis) for the judgement rules."""

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scrutinydesk.judgements import (
    RAG,
    Benchmark,
    Direction,
    Polarity,
    byar_interval,
    compare_to_comparator,
    compare_values,
    count_interval,
    direction_of_travel,
    exact_poisson_interval,
    quartile_position,
    rate_interval,
    same_period_last_year,
    trend_over_periods,
    wilson_interval,
)

JUDGED = (Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER)
OPPOSITE_TREND = {
    Direction.IMPROVING: Direction.WORSENING,
    Direction.WORSENING: Direction.IMPROVING,
    Direction.INCREASING: Direction.DECREASING,
    Direction.DECREASING: Direction.INCREASING,
}
SWAP = {Benchmark.BETTER: Benchmark.WORSE, Benchmark.WORSE: Benchmark.BETTER}
JUDGING_WORDS = re.compile(r"better|worse|improv|worsen", re.IGNORECASE)

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
series = st.lists(positive, min_size=2, max_size=12)
polarities = st.sampled_from(list(Polarity))
confidences = st.floats(min_value=0.5, max_value=0.999)


def _points(ys):
    return [(f"P{i}", y) for i, y in enumerate(ys)]


@given(series, st.sampled_from(JUDGED), st.floats(min_value=0, max_value=1000))
def test_reversing_a_series_flips_the_trend_absolute_band(ys, polarity, band):
    n = len(ys) - 1
    forward = trend_over_periods(
        _points(ys), polarity=polarity, n_periods=n, similar_band=band, band_kind="absolute"
    )
    backward = trend_over_periods(
        _points(ys[::-1]), polarity=polarity, n_periods=n, similar_band=band, band_kind="absolute"
    )
    if forward.judgement is Direction.SIMILAR:
        assert backward.judgement is Direction.SIMILAR
    else:
        assert backward.judgement is OPPOSITE_TREND[forward.judgement]


@given(series, st.sampled_from(JUDGED), st.floats(min_value=0, max_value=0.5))
def test_reversing_a_series_never_keeps_a_relative_trend(ys, polarity, band):
    n = len(ys) - 1
    forward = trend_over_periods(_points(ys), polarity=polarity, n_periods=n, similar_band=band)
    backward = trend_over_periods(
        _points(ys[::-1]), polarity=polarity, n_periods=n, similar_band=band
    )
    if forward.judgement in OPPOSITE_TREND and backward.judgement in OPPOSITE_TREND:
        assert backward.judgement is OPPOSITE_TREND[forward.judgement]


@given(values, values, st.sampled_from(JUDGED))
def test_swapping_latest_and_previous_flips_direction(a, b, polarity):
    one = direction_of_travel(a, b, polarity=polarity, similar_band=1, band_kind="absolute")
    two = direction_of_travel(b, a, polarity=polarity, similar_band=1, band_kind="absolute")
    if one.judgement is Direction.SIMILAR:
        assert two.judgement is Direction.SIMILAR
    else:
        assert two.judgement is OPPOSITE_TREND[one.judgement]


@given(positive, positive, st.floats(min_value=0, max_value=0.5))
def test_flipping_polarity_swaps_better_and_worse(value, comparator, tolerance):
    higher = compare_values(
        value, comparator, polarity=Polarity.HIGHER_IS_BETTER, tolerance=tolerance
    )
    lower = compare_values(
        value, comparator, polarity=Polarity.LOWER_IS_BETTER, tolerance=tolerance
    )
    assert higher.relation is lower.relation
    assert lower.judgement is SWAP.get(higher.judgement, higher.judgement)
    trend_h = direction_of_travel(value, comparator, polarity=Polarity.HIGHER_IS_BETTER)
    trend_l = direction_of_travel(value, comparator, polarity=Polarity.LOWER_IS_BETTER)
    if trend_h.judgement is not Direction.SIMILAR:
        assert trend_l.judgement is OPPOSITE_TREND[trend_h.judgement]
    assert {trend_h.rag, trend_l.rag} in ({RAG.AMBER}, {RAG.GREEN, RAG.RED})


@given(positive, st.lists(positive, min_size=4, max_size=20))
def test_flipping_polarity_swaps_best_and_worst_quartile(value, peers):
    higher = quartile_position(value, peers, Polarity.HIGHER_IS_BETTER)
    lower = quartile_position(value, peers, Polarity.LOWER_IS_BETTER)
    assert higher.quartile == lower.quartile
    swapped = higher.position.replace("best", "#").replace("worst", "best").replace("#", "worst")
    assert lower.position == swapped


@given(series, st.integers(min_value=1, max_value=4), positive)
def test_no_judgement_polarity_never_judges(ys, per_year, comparator):
    neutral = Polarity.NO_JUDGEMENT
    results = [
        direction_of_travel(ys[-1], ys[0], polarity=neutral),
        trend_over_periods(_points(ys), polarity=neutral, n_periods=len(ys) - 1),
        same_period_last_year(_points(ys), periods_per_year=per_year, polarity=neutral),
        compare_values(ys[-1], comparator, polarity=neutral),
        compare_to_comparator(rate_interval(ys[-1], 1e6), comparator, polarity=neutral),
    ]
    for result in results:
        assert result.rag is RAG.NONE
        assert not JUDGING_WORDS.search(result.explanation)
        judgement = result.judgement
        assert judgement not in (Direction.IMPROVING, Direction.WORSENING)
        assert judgement not in (Benchmark.BETTER, Benchmark.WORSE)
        assert getattr(result, "run_judgement", None) not in (
            Direction.IMPROVING,
            Direction.WORSENING,
        )


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=10_000),
       confidences)  # fmt: skip
def test_wilson_contains_estimate_and_stays_in_unit_interval(a, b, confidence):
    numerator, denominator = min(a, b), max(a, b)
    assume(denominator > 0)
    result = wilson_interval(numerator, denominator, confidence)
    assert 0 <= result.lower <= result.estimate <= result.upper <= 1
    wider = wilson_interval(numerator, denominator, 0.998)
    narrower = wilson_interval(numerator, denominator, 0.95)
    assert wider.lower <= narrower.lower and narrower.upper <= wider.upper


@settings(deadline=None)
@given(st.floats(min_value=0, max_value=1e5), confidences)
def test_count_intervals_contain_the_count(count, confidence):
    for method in ("auto", "exact"):
        result = count_interval(count, confidence, method=method)
        assert result.lower <= count <= result.upper
        assert result.lower >= 0


@settings(deadline=None)
@given(st.floats(min_value=10, max_value=1e5))
def test_998_contains_95_for_counts(count):
    for interval in (byar_interval, exact_poisson_interval, count_interval):
        wide, narrow = interval(count, 0.998), interval(count, 0.95)
        assert wide.lower <= narrow.lower <= count <= narrow.upper <= wide.upper


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=1, max_value=10**7))
def test_rate_interval_contains_rate(count, population):
    result = rate_interval(count, population)
    assert result.lower <= result.estimate <= result.upper


@given(series)
def test_one_period_trend_matches_direction_of_travel(ys):
    pair = ys[-2:]
    trend = trend_over_periods(_points(pair), polarity=Polarity.LOWER_IS_BETTER, n_periods=1)
    single = direction_of_travel(pair[1], pair[0], polarity=Polarity.LOWER_IS_BETTER)
    assert trend.movement is single.movement or abs(abs(single.relative_change) - 0.05) < 1e-9
