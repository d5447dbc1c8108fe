import statistics

import pytest

from scrutinydesk.judgements import (
    RAG,
    CannotCalculate,
    Polarity,
    TargetStatus,
    neighbour_mean,
    quartile_position,
    target_status,
)

LOWER = Polarity.LOWER_IS_BETTER
HIGHER = Polarity.HIGHER_IS_BETTER
NEUTRAL = Polarity.NO_JUDGEMENT
PEERS = [640, 700, 750, 800, 820, 850, 900, 928, 1000, 1100]


def test_neighbour_mean_skips_missing():
    result = neighbour_mean([50.0, None, 60.0, 55.0])
    assert result.method == "neighbour_mean"
    assert result.mean == pytest.approx(55.0)
    assert (result.used, result.missing) == (3, 1)
    assert result.explanation == "Mean of 3 neighbours' values: 55 (1 without a value left out)."


def test_neighbour_mean_too_few():
    result = neighbour_mean([None, None])
    assert result.mean is None
    assert result.cannot_calculate is CannotCalculate.TOO_FEW_PEERS
    assert neighbour_mean([1, 2, None], min_count=3).cannot_calculate is (
        CannotCalculate.TOO_FEW_PEERS
    )


def test_quartile_cut_points_are_inclusive_method():
    # Excel QUARTILE.INC / R type 7 for the peer list: 762.5, 835, 921.
    result = quartile_position(928, PEERS, LOWER)
    assert result.method == "quartile_inclusive"
    assert result.cut_points == pytest.approx((762.5, 835.0, 921.0))
    assert result.cut_points == pytest.approx(
        tuple(statistics.quantiles(PEERS, n=4, method="inclusive"))
    )
    assert result.quartile == 4
    assert result.position == "worst quartile"
    assert "worst quartile of 10 peer values" in result.explanation


@pytest.mark.parametrize(
    ("value", "quartile", "lower_words", "higher_words", "neutral_words"),
    [
        (600, 1, "best quartile", "worst quartile", "lowest quartile"),
        (762.5, 1, "best quartile", "worst quartile", "lowest quartile"),  # on a cut point
        (800, 2, "second-best quartile", "second-worst quartile", "second-lowest quartile"),
        (900, 3, "second-worst quartile", "second-best quartile", "second-highest quartile"),
        (2000, 4, "worst quartile", "best quartile", "highest quartile"),
    ],
)
def test_quartile_wording_follows_polarity(
    value, quartile, lower_words, higher_words, neutral_words
):
    assert quartile_position(value, PEERS, LOWER).position == lower_words
    assert quartile_position(value, PEERS, HIGHER).position == higher_words
    neutral = quartile_position(value, PEERS, NEUTRAL)
    assert neutral.position == neutral_words
    assert neutral.quartile == quartile


def test_quartile_cannot_calculate():
    assert quartile_position(5, [1, 2, 3], HIGHER).cannot_calculate is (
        CannotCalculate.TOO_FEW_PEERS
    )
    assert quartile_position(None, PEERS, HIGHER).cannot_calculate is (
        CannotCalculate.MISSING_VALUE
    )


def test_target_met_and_not_met():
    # KSI: 40% reduction on the 2005-09 average of 271 gives a 2020 target of 162.6.
    missed = target_status(245, 271 * 0.6, polarity=LOWER, target_label="2020")
    assert missed.status is TargetStatus.NOT_MET
    assert missed.rag is RAG.RED
    assert missed.gap == pytest.approx(82.4)
    assert missed.method == "target_threshold"
    assert missed.explanation == (
        "245 is 82.4 above the target of 162.6 (2020); lower is better, so the target is not met."
    )
    met = target_status(81.8, 80, polarity=HIGHER)
    assert met.status is TargetStatus.MET and met.rag is RAG.GREEN
    exact = target_status(80, 80, polarity=HIGHER)
    assert exact.status is TargetStatus.MET
    assert "equals the target" in exact.explanation


def test_target_without_judgement():
    none = target_status(245, None, polarity=LOWER)
    assert none.status is TargetStatus.NO_TARGET
    assert none.cannot_calculate is CannotCalculate.NO_TARGET
    assert none.rag is RAG.NONE
    assert none.wording == "no target"
    missing = target_status(None, 10, polarity=LOWER)
    assert missing.status is TargetStatus.NOT_ASSESSED
    assert missing.cannot_calculate is CannotCalculate.MISSING_VALUE
    neutral = target_status(5, 10, polarity=NEUTRAL)
    assert neutral.cannot_calculate is CannotCalculate.NO_POLARITY
