import pytest

from scrutinydesk.judgements import (
    DEFAULT_KEY,
    RAG,
    Benchmark,
    CannotCalculate,
    Direction,
    Movement,
    Polarity,
    RiskLevel,
    TargetStatus,
    benchmark_for,
    direction_for,
    normalise_stated_word,
    parse_rag,
    rag_for_benchmark,
    rag_for_target,
    rag_for_trend,
    rag_for_word,
    stated_rag_consistent,
)


def test_rag_letters_words_symbols():
    table = [(r.letter, r.word, r.symbol) for r in (RAG.GREEN, RAG.AMBER, RAG.RED, RAG.NONE)]
    assert table == [
        ("G", "Green", "✓"),
        ("A", "Amber", "●"),
        ("R", "Red", "✗"),
        ("–", "Not rated", "–"),
    ]


def test_vocab_labels():
    assert Polarity.LOWER_IS_BETTER.label == "lower is better"
    assert not Polarity.NO_JUDGEMENT.judges
    assert Direction.NOT_CALCULATED.label == "Cannot be calculated"
    assert Benchmark.NOT_COMPARED.label == "Not compared"
    assert TargetStatus.NOT_MET.label == "Target not met"
    assert all(reason.explanation.endswith(".") for reason in CannotCalculate)


@pytest.mark.parametrize(
    ("movement", "polarity", "expected"),
    [
        (Movement.INCREASING, Polarity.HIGHER_IS_BETTER, Direction.IMPROVING),
        (Movement.INCREASING, Polarity.LOWER_IS_BETTER, Direction.WORSENING),
        (Movement.DECREASING, Polarity.LOWER_IS_BETTER, Direction.IMPROVING),
        (Movement.DECREASING, Polarity.NO_JUDGEMENT, Direction.DECREASING),
        (Movement.SIMILAR, Polarity.NO_JUDGEMENT, Direction.SIMILAR),
    ],
)
def test_direction_for(movement, polarity, expected):
    assert direction_for(movement, polarity) is expected


def test_benchmark_for():
    assert benchmark_for(Benchmark.HIGHER, Polarity.LOWER_IS_BETTER) is Benchmark.WORSE
    assert benchmark_for(Benchmark.LOWER, Polarity.LOWER_IS_BETTER) is Benchmark.BETTER
    assert benchmark_for(Benchmark.HIGHER, Polarity.NO_JUDGEMENT) is Benchmark.HIGHER
    assert benchmark_for(Benchmark.NOT_COMPARED, Polarity.HIGHER_IS_BETTER) is (
        Benchmark.NOT_COMPARED
    )


def test_rag_mapping_follows_report_key():
    assert rag_for_trend(Direction.IMPROVING, Polarity.LOWER_IS_BETTER) is RAG.GREEN
    assert rag_for_trend("similar", "higher_is_better") is RAG.AMBER
    assert rag_for_trend(Direction.WORSENING, Polarity.HIGHER_IS_BETTER) is RAG.RED
    assert rag_for_trend(Direction.SIMILAR, Polarity.NO_JUDGEMENT) is RAG.NONE
    assert rag_for_benchmark(Benchmark.BETTER, Polarity.HIGHER_IS_BETTER) is RAG.GREEN
    assert rag_for_benchmark(Benchmark.HIGHER, Polarity.HIGHER_IS_BETTER) is RAG.NONE
    assert rag_for_target(TargetStatus.NOT_MET) is RAG.RED
    assert rag_for_word(RiskLevel.HIGH) is RAG.RED
    assert rag_for_word("nonsense") is None
    # blue is an action plan's "complete", never a judgement's rating
    assert set(DEFAULT_KEY.values()) == set(RAG) - {RAG.BLUE}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("R", RAG.RED), ("red", RAG.RED), (" a ", RAG.AMBER), ("Green", RAG.GREEN),
     ("", RAG.NONE), (None, RAG.NONE), ("–", RAG.NONE), ("Grey", RAG.NONE), ("X", None),
     (RAG.AMBER, RAG.AMBER)],
)  # fmt: skip
def test_parse_rag(text, expected):
    assert parse_rag(text) is expected


@pytest.mark.parametrize(
    ("word", "letter", "expected"),
    [
        ("BETTER", "R", False),  # SAFE 05, January 2018 report
        ("WORSE", "R", True),
        ("IMPROVING", "G", True),
        ("Unchanged", "A", True),
        ("SIMILAR 10.7% (Average)", "A", True),
        ("No Trend", "", True),
        ("No Trend", "A", False),
        ("HIGHER", "R", False),  # neutral words carry no colour
        (Benchmark.WORSE, "G", False),
        ("gibberish", "R", None),
        ("WORSE", "purple", None),
    ],
)
def test_stated_rag_consistent(word, letter, expected):
    assert stated_rag_consistent(word, letter) is expected


def test_stated_rag_consistent_with_custom_key():
    lenient = {**DEFAULT_KEY, "similar": RAG.GREEN}
    assert stated_rag_consistent("SIMILAR", "G", key=lenient) is True
    assert stated_rag_consistent("SIMILAR", "G") is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IMPROVING", Direction.IMPROVING),
        ("IMPROVED", Direction.IMPROVING),
        ("Improving", Direction.IMPROVING),
        ("IMPORVING", Direction.IMPROVING),  # typo
        ("UNCHANGED", Direction.SIMILAR),
        ("Unchanged", Direction.SIMILAR),
        ("UNCHANGE\nD", Direction.SIMILAR),  # split by a page-layout line break
        ("UNCHNAGED", Direction.SIMILAR),
        ("WORSENING", Direction.WORSENING),
        ("WORSE", Benchmark.WORSE),
        ("WORSE 43.1 (Average)", Benchmark.WORSE),
        ("BETTER", Benchmark.BETTER),
        ("BETTER per 100K pop = 928 (compared to England rate of 704)", Benchmark.BETTER),
        ("SIMILAR", Benchmark.SIMILAR),
        ("No Trend", Direction.NOT_CALCULATED),
        ("NEW INDICATOR", Direction.NOT_CALCULATED),
        ("NEW INDICATOR INTRODUCED 2016", Direction.NOT_CALCULATED),
        ("No comparable data provided by lead officer", Benchmark.NOT_COMPARED),
        ("Target met", TargetStatus.MET),
        ("MEDIUM", RiskLevel.MEDIUM),
        ("changed", None),
        ("Not better", None),
        ("", None),
        (None, None),
        ("N/A", None),
    ],
)
def test_normalise_stated_word(text, expected):
    assert normalise_stated_word(text) == expected
    if expected is not None:
        assert type(normalise_stated_word(text)) is type(expected)


def test_normalise_stated_word_in_context():
    assert normalise_stated_word("BETTER", context="trend") is Direction.IMPROVING
    assert normalise_stated_word("worse", context="trend") is Direction.WORSENING
    assert normalise_stated_word("SIMILAR", context="trend") is Direction.SIMILAR
    assert normalise_stated_word("Higher", context="trend") is Direction.INCREASING
    assert normalise_stated_word("N/A", context="trend") is Direction.NOT_CALCULATED
    assert normalise_stated_word("N/A", context="benchmark") is Benchmark.NOT_COMPARED
    assert normalise_stated_word("n/a", context="target") is TargetStatus.NO_TARGET
    assert normalise_stated_word("IMPROVING", context="benchmark") is None
    assert normalise_stated_word("HIGH", context="risk") is RiskLevel.HIGH
