"""Polarity suggested from what the papers say (docs/methodology.md, "Polarity suggested
from the papers"), with reference values from the sample reports."""

import pytest

from scrutinydesk import judgements as j
from scrutinydesk.judgements import Polarity, Statement, read_statement, suggest_polarity


@pytest.mark.parametrize(("kind", "word", "value", "other", "expected"), [
    # a stated IMPROVING beside a fall means lower is better
    ("trend", "improving", 39.8, 45.4, Polarity.LOWER_IS_BETTER),
    ("trend", "improving", 81.8, 80.1, Polarity.HIGHER_IS_BETTER),
    ("trend", "worsening", 960, 901, Polarity.LOWER_IS_BETTER),
    ("trend", "worsening", 11, 12.5, Polarity.HIGHER_IS_BETTER),
    # SAFE 01, January 2018: 51 per 10,000 called WORSE than England's 43.1
    ("benchmark", "worse", 51, 43.1, Polarity.LOWER_IS_BETTER),
    ("benchmark", "better", 51, 43.1, Polarity.HIGHER_IS_BETTER),
    ("benchmark", "worse", 74, 82, Polarity.HIGHER_IS_BETTER),
    ("benchmark", "better", 17.6, 21.9, Polarity.LOWER_IS_BETTER),
])
def test_one_statement_implies_a_polarity(kind, word, value, other, expected):
    evidence = read_statement(Statement(kind, word, value, other, "January 2018 report"))
    assert evidence.polarity is expected
    assert "January 2018 report" in evidence.sentence
    assert evidence.sentence.endswith(f"{expected.label}.")


@pytest.mark.parametrize("statement", [
    Statement("trend", "unchanged", 51, 45.4),  # a neutral word
    Statement("trend", "improving", 51, 51),  # figures that did not move
    Statement("trend", "improving", 51, None),  # no previous figure printed
    Statement("benchmark", "similar", 51, 43.1),
    Statement("benchmark", "higher", 51, 43.1),  # no judgement in the word
    Statement("benchmark", "worse", None, 43.1),
])
def test_statements_that_tell_nothing(statement):
    assert read_statement(statement) is None


def test_the_sentence_names_the_figures_and_the_word():
    e = read_statement(Statement("trend", "IMPROVING", 39.8, 45.4, "January 2018 report, p. 63"))
    assert e.sentence == ("IMPROVING beside a fall from 45.4 to 39.8 (January 2018 report, "
                          "p. 63): lower is better.")
    e = read_statement(Statement("benchmark", "Worse", 51, 43.1))
    assert e.sentence == "51, above a comparator of 43.1, called WORSE: lower is better."


def test_agreeing_statements_suggest_their_polarity():
    result = suggest_polarity([
        Statement("benchmark", "worse", 51, 43.1, "October 2017 report"),
        Statement("benchmark", "worse", 51, 43.1, "January 2018 report"),
        Statement("trend", "improving", 39.8, 45.4, "January 2018 report"),
        Statement("trend", "unchanged", 51, 51, "January 2018 report"),
    ])
    assert result.polarity is Polarity.LOWER_IS_BETTER and result.suggested
    assert not result.conflicting and len(result.evidence) == 3
    assert result.explanation == ("The papers suggest lower is better: all 3 statements that "
                                  "tell agree.")


def test_disagreeing_statements_suggest_nothing():
    # SAFE 05 adult safeguarding concerns: 960 called WORSE than 928, and BETTER elsewhere
    result = suggest_polarity([Statement("benchmark", "worse", 960, 928),
                               Statement("benchmark", "better", 960, 928)])
    assert result.polarity is Polarity.NO_JUDGEMENT and not result.suggested
    assert result.conflicting and len(result.evidence) == 2
    assert "disagree" in result.explanation


def test_no_evidence_suggests_nothing():
    result = suggest_polarity([Statement("trend", "unchanged", 3, 3)])
    assert result.polarity is Polarity.NO_JUDGEMENT and not result.conflicting
    assert result.evidence == ()


def test_an_unknown_kind_of_statement_is_refused():
    with pytest.raises(j.JudgementInputError, match="trend or a benchmark"):
        read_statement(Statement("target", "met", 1, 2))
