"""Reference cases from the bundled Dorset monitoring reports (samples/).

Figures are from the "Outcomes Focused Monitoring Report" pages for the Safe
outcome in samples/2017-10-12-safeguarding-scrutiny-agenda-pack.txt and
samples/2018-01-30-safeguarding-scrutiny-agenda-pack.txt. Each test computes the
judgement by the documented rule and compares it with what the report printed.
"""

from scrutinydesk.judgements import (
    RAG,
    Benchmark,
    CannotCalculate,
    Direction,
    Point,
    Polarity,
    TargetStatus,
    compare_values,
    direction_of_travel,
    normalise_stated_word,
    stated_rag_consistent,
    target_status,
    trend_over_periods,
)

LOWER = Polarity.LOWER_IS_BETTER
NEUTRAL = Polarity.NO_JUDGEMENT


def test_safe01_child_protection_rate_worse_than_england():
    # "DORSET - Latest (March 2017) 51 per 10,000" /
    # "COMPARATOR - Benchmark (England) WORSE 43.1 (Average) R"
    result = compare_values(51, 43.1, polarity=LOWER, comparator_label="England")
    assert result.judgement is Benchmark.WORSE
    assert result.rag is RAG.RED
    assert result.wording == "worse than England"
    assert normalise_stated_word("WORSE 43.1 (Average)") == result.judgement
    assert stated_rag_consistent("WORSE", "R") is True


def test_safe01_trend_march_to_june_2017_improving():
    # "The rate ... is now reducing and was 45.4 per 10,000 at end of June 2017";
    # printed "DORSET - Trend IMPROVING G".
    result = direction_of_travel(
        45.4, 51, polarity=LOWER, latest_label="June 2017", previous_label="March 2017"
    )
    assert result.judgement is Direction.IMPROVING
    assert result.rag is RAG.GREEN
    assert result.explanation == (
        "Fell from 51 (March 2017) to 45.4 (June 2017): 11.0% lower, beyond the ±5% band; "
        "lower is better, so improving."
    )
    assert normalise_stated_word("IMPROVING") == result.judgement
    assert stated_rag_consistent("IMPROVING", "G") is True


def test_safe02_children_in_care_worse_than_south_west():
    # "Latest (March 2017) 62 per 10,000 ... Benchmark (South West) WORSE 53 (Average)"
    result = compare_values(62, 53, polarity=LOWER, comparator_label="the South West")
    assert result.judgement is Benchmark.WORSE
    assert result.relative_difference > 0.05
    assert result.wording == "worse than the South West"


def test_safe04_persistent_absence_similar_to_south_west():
    # "DORSET – Latest (2016) 11%" / "Benchmark (South West) SIMILAR 10.7% (Average) A".
    # 11 vs 10.7 is 2.8% of 10.7: inside the default ±5% relative band.
    result = compare_values(11, 10.7, polarity=LOWER, comparator_label="the South West")
    assert result.judgement is Benchmark.SIMILAR
    assert result.rag is RAG.AMBER
    assert abs(result.relative_difference - 0.028) < 0.001
    assert stated_rag_consistent("SIMILAR 10.7% (Average)", "A") is True
    # An absolute band of half a percentage point agrees.
    absolute = compare_values(11, 10.7, polarity=LOWER, tolerance=0.5, tolerance_kind="absolute")
    assert absolute.judgement is Benchmark.SIMILAR


def test_safe04_new_indicator_has_no_trend():
    # "DORSET - NEW INDICATOR INTRODUCED 2016 No Trend" (no RAG letter printed)
    result = trend_over_periods([Point("2016", 11)], polarity=LOWER)
    assert result.judgement is Direction.NOT_CALCULATED
    assert result.cannot_calculate is CannotCalculate.TOO_FEW_PERIODS
    assert normalise_stated_word("NEW INDICATOR INTRODUCED 2016") == result.judgement
    assert stated_rag_consistent("No Trend", "") is True


def test_safe05_concerns_per_100k_higher_than_england_not_better():
    # "COMPARATOR – Benchmark (England) BETTER per 100K pop = 928
    #  (compared to England rate of 704) R"
    stated = "BETTER per 100K pop = 928 (compared to England rate of 704)"
    neutral = compare_values(928, 704, polarity=NEUTRAL, comparator_label="England")
    assert neutral.judgement is Benchmark.HIGHER
    assert neutral.wording == "higher than England"
    assert neutral.rag is RAG.NONE
    judged = compare_values(928, 704, polarity=LOWER, comparator_label="England")
    assert judged.judgement is Benchmark.WORSE
    assert judged.rag is RAG.RED
    # The printed word disagrees with the computed one under either polarity, and the
    # printed letter contradicts the printed word.
    assert normalise_stated_word(stated) is Benchmark.BETTER
    assert normalise_stated_word(stated) not in (neutral.judgement, judged.judgement)
    assert stated_rag_consistent(stated, "R") is False


def test_safe05_concerns_q1_to_q2_2017_18_increasing():
    # "Latest (Q1 2017-18) 901" (October 2017) and "Latest (Q2 17-18) 960" (January
    # 2018), printed "DORSET - Trend Unchanged A". A count of concerns has no
    # preferred direction, so the computed trend is "increasing", with no RAG.
    result = direction_of_travel(
        960, 901, polarity=NEUTRAL, latest_label="Q2 2017-18", previous_label="Q1 2017-18"
    )
    assert result.judgement is Direction.INCREASING
    assert result.rag is RAG.NONE
    assert abs(result.relative_change - 0.0655) < 0.0005
    assert stated_rag_consistent("Unchanged", "A") is True  # consistent with itself...
    assert normalise_stated_word("Unchanged") != result.judgement  # ...but not with the data


def test_ksi_2016_against_2015_improving_but_target_not_met():
    # "The number of people killed or seriously injured in 2016 was 245, during 2015
    # there was a total of 280"; target "40% reduction against the 2005-09 average
    # by 2020" with a 2005-09 baseline of 271.
    trend = direction_of_travel(
        245, 280, polarity=LOWER, latest_label="2016", previous_label="2015"
    )
    assert trend.judgement is Direction.IMPROVING
    assert trend.rag is RAG.GREEN
    assert abs(trend.relative_change + 0.125) < 1e-12
    target = target_status(245, 271 * 0.6, polarity=LOWER, target_label="2020 target")
    assert target.status is TargetStatus.NOT_MET
