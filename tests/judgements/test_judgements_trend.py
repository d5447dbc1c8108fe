from decimal import Decimal

import pytest

from scrutinydesk.judgements import (
    RAG,
    BandKind,
    CannotCalculate,
    Direction,
    Movement,
    Point,
    Polarity,
    direction_of_travel,
    same_period_last_year,
    trend_over_periods,
)

LOWER = Polarity.LOWER_IS_BETTER
HIGHER = Polarity.HIGHER_IS_BETTER
NEUTRAL = Polarity.NO_JUDGEMENT


def test_direction_of_travel_worsening_explanation():
    result = direction_of_travel(51, 45.4, polarity=LOWER, latest_label="Q4", previous_label="Q3")
    assert result.method == "direction_of_travel"
    assert result.judgement is Direction.WORSENING
    assert result.movement is Movement.INCREASING
    assert result.rag is RAG.RED
    assert result.change == pytest.approx(5.6)
    assert result.relative_change == pytest.approx(5.6 / 45.4)
    assert result.confidence is None
    assert result.explanation == (
        "Rose from 45.4 (Q3) to 51 (Q4): 12.3% higher, beyond the ±5% band; "
        "lower is better, so worsening."
    )


def test_direction_of_travel_similar_within_band():
    result = direction_of_travel(10.4, 10, polarity=HIGHER)
    assert result.judgement is Direction.SIMILAR
    assert result.rag is RAG.AMBER
    assert "within the ±5% band, so similar" in result.explanation


def test_band_boundary_is_inclusive():
    assert direction_of_travel(10.5, 10, polarity=HIGHER).judgement is Direction.SIMILAR
    assert direction_of_travel(10.51, 10, polarity=HIGHER).judgement is Direction.IMPROVING
    absolute = direction_of_travel(
        11.5, 11, polarity=HIGHER, similar_band=0.5, band_kind="absolute"
    )
    assert absolute.judgement is Direction.SIMILAR
    assert absolute.band_kind is BandKind.ABSOLUTE
    assert "±0.5 band" in absolute.explanation


def test_zero_band_makes_every_change_count():
    assert direction_of_travel(10.01, 10, polarity=HIGHER, similar_band=0).judgement is (
        Direction.IMPROVING
    )
    assert direction_of_travel(10, 10, polarity=HIGHER, similar_band=0).judgement is (
        Direction.SIMILAR
    )


def test_no_change_sentence():
    result = direction_of_travel(11, 11, polarity=LOWER, latest_label="2016", previous_label="2015")
    assert result.explanation == "Stayed at 11 from 2015 to 2016, so similar."


def test_no_judgement_polarity_gives_neutral_words_and_no_rag():
    result = direction_of_travel(960, 901, polarity=NEUTRAL)
    assert result.judgement is Direction.INCREASING
    assert result.rag is RAG.NONE
    assert "no preferred direction, so increasing" in result.explanation


def test_missing_value_is_a_result_not_an_error():
    result = direction_of_travel(None, 11, polarity=LOWER)
    assert result.judgement is Direction.NOT_CALCULATED
    assert result.cannot_calculate is CannotCalculate.MISSING_VALUE
    assert result.rag is RAG.NONE
    assert not result.calculated
    assert result.wording == "cannot be calculated"


def test_zero_previous_with_relative_band():
    result = direction_of_travel(3, 0, polarity=LOWER)
    assert result.cannot_calculate is CannotCalculate.ZERO_BASELINE
    assert "absolute band" in result.explanation
    assert direction_of_travel(0, 0, polarity=LOWER).judgement is Direction.SIMILAR
    absolute = direction_of_travel(3, 0, polarity=LOWER, similar_band=1, band_kind="absolute")
    assert absolute.judgement is Direction.WORSENING


def test_accepts_decimal_and_string_polarity():
    result = direction_of_travel(Decimal("245"), Decimal("280"), polarity="lower_is_better")
    assert result.judgement is Direction.IMPROVING
    assert result.polarity is LOWER


QUARTERS = [
    Point("Q1 2016-17", 800),
    Point("Q2 2016-17", 880),
    Point("Q3 2016-17", 850),
    Point("Q4 2016-17", 930),
    Point("Q1 2017-18", 901),
    Point("Q2 2017-18", 960),
]


def test_same_period_last_year_compares_four_quarters_back():
    result = same_period_last_year(QUARTERS, periods_per_year=4, polarity=NEUTRAL)
    assert result.method == "same_period_last_year"
    assert result.previous == 880 and result.previous_label == "Q2 2016-17"
    assert result.latest == 960 and result.latest_label == "Q2 2017-18"
    assert result.judgement is Direction.INCREASING
    assert result.periods == 4
    assert result.explanation.startswith("Against the same period a year earlier, it rose")


def test_same_period_last_year_too_few_and_missing():
    short = same_period_last_year(QUARTERS[:4], periods_per_year=4, polarity=LOWER)
    assert short.cannot_calculate is CannotCalculate.TOO_FEW_PERIODS
    assert "5 values needed, 4 available" in short.explanation
    gap = [*QUARTERS[:-1], Point("Q2 2017-18", None)]
    missing = same_period_last_year(gap, periods_per_year=4, polarity=LOWER)
    assert missing.cannot_calculate is CannotCalculate.MISSING_VALUE
    assert same_period_last_year([], periods_per_year=1, polarity=LOWER).cannot_calculate is (
        CannotCalculate.TOO_FEW_PERIODS
    )


def test_trend_over_periods_least_squares_and_run():
    points = [("2013", 60), ("2014", 56), ("2015", 52), ("2016", 48)]
    result = trend_over_periods(points, polarity=LOWER, n_periods=3)
    assert result.method == "trend_over_periods"
    assert result.judgement is Direction.IMPROVING
    assert result.change == pytest.approx(-12)
    assert result.relative_change == pytest.approx(-0.2)
    assert result.run_length == 3
    assert result.run_judgement is Direction.IMPROVING
    assert result.explanation.endswith("It improved in each of the last 3 periods.")
    assert "(2013 to 2016)" in result.explanation


def test_trend_run_counts_whole_series_and_stops_at_change():
    points = [("a", 100), ("b", 90), ("c", 80), ("d", 70), ("e", 60), ("f", 61)]
    result = trend_over_periods(points, polarity=LOWER, n_periods=2)
    assert result.run_length == 1
    assert result.run_judgement is Direction.SIMILAR
    assert "stayed within the band in the latest period" in result.explanation
    steady = trend_over_periods(points[:5], polarity=LOWER, n_periods=2)
    assert steady.run_length == 4
    assert "improved in each of the last 4 periods" in steady.explanation


def test_trend_over_periods_least_squares_differs_from_endpoints():
    # Endpoints alone say 100 -> 100 (similar); the fitted line rises from 114 to 122.
    points = [("a", 100), ("b", 120), ("c", 130), ("d", 140), ("e", 100)]
    result = trend_over_periods(points, polarity=HIGHER, n_periods=4)
    assert result.judgement is Direction.IMPROVING
    assert result.change == pytest.approx(8)
    assert result.relative_change == pytest.approx(8 / 114)
    assert result.run_judgement is Direction.WORSENING and result.run_length == 1
    assert "fitted trend line rose from 114 to 122" in result.explanation


def test_trend_over_periods_one_period_equals_direction_of_travel():
    trend = trend_over_periods([("2015", 280), ("2016", 245)], polarity=LOWER, n_periods=1)
    single = direction_of_travel(245, 280, polarity=LOWER)
    assert trend.judgement is single.judgement
    assert trend.change == pytest.approx(single.change)
    assert trend.relative_change == pytest.approx(single.relative_change)


def test_trend_over_periods_cannot_calculate():
    too_few = trend_over_periods([Point("2016", 11)], polarity=LOWER)
    assert too_few.cannot_calculate is CannotCalculate.TOO_FEW_PERIODS
    assert "4 values needed, 1 available" in too_few.explanation
    with_gap = trend_over_periods(
        [("a", 1), ("b", None), ("c", 3), ("d", 4)], polarity=LOWER, n_periods=3
    )
    assert with_gap.cannot_calculate is CannotCalculate.MISSING_VALUE
    # only the window must be complete
    fine = trend_over_periods([("a", None), ("b", 2), ("c", 3)], polarity=HIGHER, n_periods=1)
    assert fine.calculated
    zero = trend_over_periods([("a", 0), ("b", 1), ("c", 2)], polarity=HIGHER, n_periods=2)
    assert zero.cannot_calculate is CannotCalculate.ZERO_BASELINE
