import pytest

from scrutinydesk.judgements import (
    RAG,
    Benchmark,
    CannotCalculate,
    Interval,
    Polarity,
    compare_to_comparator,
    compare_values,
    rate_interval,
    wilson_interval,
)

LOWER = Polarity.LOWER_IS_BETTER
HIGHER = Polarity.HIGHER_IS_BETTER
NEUTRAL = Polarity.NO_JUDGEMENT


def test_interval_wholly_above_comparator_is_significantly_higher():
    area = rate_interval(561, 110_000, per=10_000)  # 51.0 per 10,000
    result = compare_to_comparator(
        area, 43.1, polarity=LOWER, value_label="Dorset", comparator_label="England"
    )
    assert result.method == "interval_contains_comparator"
    assert result.relation is Benchmark.HIGHER
    assert result.judgement is Benchmark.WORSE
    assert result.rag is RAG.RED
    assert result.confidence == 0.95
    assert result.wording == "worse than England"
    assert result.explanation == (
        "The 95% confidence interval for Dorset (46.87 to 55.4) lies entirely above "
        "England (43.1): significantly higher; lower is better, so worse than England."
    )


def test_interval_containing_comparator_is_similar_even_when_estimate_differs():
    area = wilson_interval(30, 100, multiplier=100)  # 30%, CI about 21.9% to 39.6%
    result = compare_to_comparator(area, 35, polarity=HIGHER, comparator_label="England")
    assert result.judgement is Benchmark.SIMILAR
    assert result.rag is RAG.AMBER
    assert "not significantly different, so similar to England" in result.explanation


def test_touching_limit_counts_as_similar():
    area = Interval.from_limits(50, 43.1, 57)
    assert compare_to_comparator(area, 43.1, polarity=LOWER).judgement is Benchmark.SIMILAR


def test_lower_interval_under_higher_is_better():
    area = wilson_interval(10, 100)
    result = compare_to_comparator(area, 0.5, polarity=HIGHER)
    assert result.relation is Benchmark.LOWER
    assert result.judgement is Benchmark.WORSE
    assert result.wording == "worse than the comparator"


def test_no_judgement_says_higher_than_england():
    area = rate_interval(9_280, 1_000_000)
    result = compare_to_comparator(area, 704, polarity=NEUTRAL, comparator_label="England")
    assert result.judgement is Benchmark.HIGHER
    assert result.rag is RAG.NONE
    assert result.wording == "higher than England"
    assert "better" not in result.explanation and "worse" not in result.explanation


def test_comparator_interval_uses_overlap():
    area = rate_interval(561, 110_000, per=10_000)
    overlapping = rate_interval(500, 100_000, per=10_000)
    result = compare_to_comparator(area, overlapping, polarity=LOWER, comparator_label="England")
    assert result.method == "interval_overlap"
    assert result.judgement is Benchmark.SIMILAR
    assert result.comparator_lower == pytest.approx(overlapping.lower)
    assert "overlaps England's interval" in result.explanation
    apart = rate_interval(4_000, 100_000, per=10_000)
    assert compare_to_comparator(area, apart, polarity=LOWER).judgement is Benchmark.BETTER


def test_not_compared_cases():
    area = rate_interval(561, 110_000, per=10_000)
    missing = compare_to_comparator(area, None, polarity=LOWER)
    assert missing.judgement is Benchmark.NOT_COMPARED
    assert missing.cannot_calculate is CannotCalculate.MISSING_COMPARATOR
    assert missing.wording == "not compared"
    no_ci = compare_to_comparator(None, 43.1, polarity=LOWER)
    assert no_ci.cannot_calculate is CannotCalculate.NO_INTERVAL
    zero = compare_to_comparator(rate_interval(0, 0), 43.1, polarity=LOWER)
    assert zero.cannot_calculate is CannotCalculate.ZERO_DENOMINATOR
    blank_comparator = compare_to_comparator(area, rate_interval(1, 0), polarity=LOWER)
    assert blank_comparator.cannot_calculate is CannotCalculate.MISSING_COMPARATOR


def test_compare_values_with_tolerance():
    result = compare_values(
        51, 43.1, polarity=LOWER, value_label="Dorset", comparator_label="England"
    )
    assert result.method == "value_tolerance"
    assert result.judgement is Benchmark.WORSE
    assert result.confidence is None
    assert result.relative_difference == pytest.approx(7.9 / 43.1)
    assert result.explanation == (
        "Dorset (51) is 18.3% higher than England (43.1), beyond the ±5% tolerance; "
        "lower is better, so worse than England."
    )


def test_compare_values_absolute_tolerance_and_equal_values():
    result = compare_values(11, 10.7, polarity=LOWER, tolerance=0.5, tolerance_kind="absolute")
    assert result.judgement is Benchmark.SIMILAR
    assert "±0.5 tolerance, so similar" in result.explanation
    equal = compare_values(5, 5, polarity=HIGHER, comparator_label="England")
    assert equal.explanation == "5 equals England (5), so similar to England."


def test_compare_values_missing_and_zero():
    assert compare_values(None, 1, polarity=LOWER).cannot_calculate is (
        CannotCalculate.MISSING_VALUE
    )
    assert compare_values(1, None, polarity=LOWER).cannot_calculate is (
        CannotCalculate.MISSING_COMPARATOR
    )
    assert compare_values(1, 0, polarity=LOWER).cannot_calculate is (CannotCalculate.ZERO_BASELINE)
