"""Every argument error has its own message (and is a ValueError)."""

import re

import pytest

from scrutinydesk.judgements import (
    Interval,
    JudgementInputError,
    Point,
    byar_interval,
    compare_to_comparator,
    compare_values,
    count_interval,
    direction_of_travel,
    neighbour_mean,
    normalise_stated_word,
    parse_rag,
    printed_words,
    quartile_position,
    rag_for_benchmark,
    rag_for_target,
    rag_for_trend,
    rate_interval,
    same_period_last_year,
    stated_rag_consistent,
    target_status,
    trend_over_periods,
    wilson_interval,
)

LOWER = "lower_is_better"


def raises(message):
    return pytest.raises(JudgementInputError, match=re.escape(message))


def test_error_is_a_value_error():
    assert issubclass(JudgementInputError, ValueError)


# --- numbers -------------------------------------------------------------------------


def test_required_number_missing():
    with raises("numerator is required; got None"):
        wilson_interval(None, 10)


def test_not_a_number():
    with raises("latest must be a number; got 'fifty'"):
        direction_of_travel("fifty", 45, polarity=LOWER)


def test_bool_is_not_a_number():
    with raises("count must be a number; got True"):
        byar_interval(True)


def test_complex_is_not_a_number():
    with raises("value must be a number; got 1j"):
        compare_values(1j, 2, polarity=LOWER)


def test_nan_is_rejected():
    with raises("previous must be a finite number; got nan"):
        direction_of_travel(1, float("nan"), polarity=LOWER)


def test_infinity_is_rejected():
    with raises("comparator_value must be a finite number; got inf"):
        compare_values(1, float("inf"), polarity=LOWER)


# --- proportions, counts and rates --------------------------------------------------


def test_negative_numerator():
    with raises("numerator must be zero or more; got -1"):
        wilson_interval(-1, 10)


def test_negative_denominator():
    with raises("denominator must be zero or more; got -10"):
        wilson_interval(1, -10)


def test_numerator_above_denominator():
    with raises("numerator (81) must not exceed denominator (80) for a proportion"):
        wilson_interval(81, 80)


@pytest.mark.parametrize("confidence", [0, 1, 1.5, -0.5, 95])
def test_confidence_outside_zero_one(confidence):
    with raises("confidence must be between 0 and 1 exclusive (0.95 for 95%)"):
        wilson_interval(1, 10, confidence)


def test_multiplier_not_positive():
    with raises("multiplier must be more than zero; got 0"):
        wilson_interval(1, 10, multiplier=0)


def test_negative_count():
    with raises("count must be zero or more; got -4"):
        count_interval(-4)


def test_byar_negative_lower_limit():
    with raises("Byar's method gives a negative lower limit for a count of 1 at 99.8% confidence"):
        byar_interval(1, 0.998)


def test_unknown_count_method():
    with raises("method must be 'auto', 'byar' or 'exact'; got 'normal'"):
        count_interval(5, method="normal")


def test_unknown_method_checked_even_for_zero_population():
    with raises("method must be 'auto', 'byar' or 'exact'; got 'wald'"):
        rate_interval(5, 0, method="wald")


def test_negative_population():
    with raises("population must be zero or more; got -100"):
        rate_interval(5, -100)


def test_per_not_positive():
    with raises("per must be more than zero; got -1"):
        rate_interval(5, 100, per=-1)


def test_from_limits_out_of_order():
    with raises("the interval must satisfy lower <= estimate <= upper; got 50.0, 40.0, 60.0"):
        Interval.from_limits(40, 50, 60)


def test_from_limits_multiplier():
    with raises("multiplier must be more than zero; got -100"):
        Interval.from_limits(40, 30, 60, multiplier=-100)


# --- comparisons ---------------------------------------------------------------------


def test_polarity_unknown():
    with raises(
        "polarity must be one of higher_is_better, lower_is_better, no_judgement; got 'up'"
    ):
        compare_values(1, 2, polarity="up")


def test_value_interval_wrong_type():
    with raises("value_interval must be an Interval"):
        compare_to_comparator((50, 40, 60), 43.1, polarity=LOWER)


def test_intervals_with_different_confidence():
    with raises("both intervals must have the same confidence level; got 0.95 and 0.998"):
        compare_to_comparator(
            Interval.from_limits(50, 40, 60),
            Interval.from_limits(43, 42, 44, confidence=0.998),
            polarity=LOWER,
        )


def test_comparator_wrong_type():
    with raises("comparator must be a number; got 'England'"):
        compare_to_comparator(Interval.from_limits(50, 40, 60), "England", polarity=LOWER)


def test_label_not_text():
    with raises("comparator_label must be text; got 3"):
        compare_values(1, 2, polarity=LOWER, comparator_label=3)


# --- bands ---------------------------------------------------------------------------


def test_band_kind_unknown():
    with raises("similar_band kind must be 'relative' or 'absolute'; got 'percent'"):
        direction_of_travel(1, 2, polarity=LOWER, band_kind="percent")


def test_band_negative():
    with raises("tolerance must be zero or more; got -0.05"):
        compare_values(1, 2, polarity=LOWER, tolerance=-0.05)


def test_relative_band_given_as_percentage():
    with raises("a relative similar_band is a fraction (0.05 for ±5%) and must be below 1; got 5"):
        direction_of_travel(1, 2, polarity=LOWER, similar_band=5)


# --- series --------------------------------------------------------------------------


def test_points_not_a_sequence():
    with raises("points must be a sequence of Point in time order; got 'Q1'"):
        trend_over_periods("Q1", polarity=LOWER)


def test_point_wrong_shape():
    with raises("points[1] must be a Point or a (label, value) pair; got 7"):
        trend_over_periods([Point("a", 1), 7], polarity=LOWER)


def test_point_label_not_text():
    with raises("points[0].label must be text; got 2016"):
        trend_over_periods([(2016, 1), (2017, 2)], polarity=LOWER)


def test_point_value_not_number():
    with raises("points[1].value must be a number; got 'n/a'"):
        trend_over_periods([("a", 1), ("b", "n/a")], polarity=LOWER)


def test_periods_per_year_not_whole():
    with raises("periods_per_year must be a whole number; got 4.0"):
        same_period_last_year([("a", 1)], periods_per_year=4.0, polarity=LOWER)


def test_n_periods_below_one():
    with raises("n_periods must be 1 or more; got 0"):
        trend_over_periods([("a", 1)], polarity=LOWER, n_periods=0)


# --- peers, targets, rag -------------------------------------------------------------


def test_peer_values_not_a_list():
    with raises("peer_values must be a list of numbers (None for missing)"):
        quartile_position(1, 5, LOWER)


def test_peer_value_not_number():
    with raises("values[1] must be a number; got 'x'"):
        neighbour_mean([1, "x"])


def test_min_count_not_whole():
    with raises("min_count must be a whole number; got '3'"):
        neighbour_mean([1], min_count="3")


def test_target_not_number():
    with raises("target must be a number; got '40%'"):
        target_status(245, "40%", polarity=LOWER)


def test_rag_text_wrong_type():
    with raises("a RAG rating must be text; got 3"):
        parse_rag(3)


def test_stated_letter_wrong_type():
    with raises("a RAG rating must be text; got 1"):
        stated_rag_consistent("BETTER", 1)


def test_stated_word_wrong_type():
    with raises("a stated word must be text; got 5"):
        normalise_stated_word(5)


def test_context_unknown():
    with raises("context must be one of trend, benchmark, target, risk or None; got 'rag'"):
        normalise_stated_word("BETTER", context="rag")


def test_rag_for_unknown_words():
    with raises("direction must be one of improving"):
        rag_for_trend("better", LOWER)
    with raises("benchmark must be one of better"):
        rag_for_benchmark("improving", LOWER)
    with raises("status must be one of met"):
        rag_for_target("done")


def test_printed_words_context_must_be_known():
    with raises("context must be one of trend, benchmark, target, risk; got 'rag'"):
        printed_words("rag")


def test_printed_words_are_the_phrases_the_reader_accepts():
    for context in ("trend", "benchmark"):
        for phrase, word in printed_words(context).items():
            assert normalise_stated_word(phrase, context=context) is word
