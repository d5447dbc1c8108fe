"""The scrutiny review prioritisation methodology, branch by branch."""

import pytest

from scrutinydesk.committees.prioritisation import QUESTIONS, priority_from_answers
from scrutinydesk.committees.vocab import Priority

ALL_YES = {f"q{i}": "yes" for i in range(1, 7)} | {"q5": "no"}


def answers(**changes):
    return ALL_YES | changes


def test_six_questions():
    assert list(QUESTIONS) == ["q1", "q2", "q3", "q4", "q5", "q6"]


def test_all_favourable_is_high_priority():
    priority, reason = priority_from_answers(ALL_YES)
    assert priority is Priority.HIGH
    assert "no duplication" in reason


def test_possibly_counts_as_favourable():
    priority, _ = priority_from_answers(answers(q1="possibly", q3="possibly", q4="possibly"))
    assert priority is Priority.HIGH


@pytest.mark.parametrize("question", ["q1", "q2", "q3"])
def test_no_to_any_of_the_first_three_questions_excludes(question):
    priority, reason = priority_from_answers(answers(**{question: "no"}))
    assert priority is Priority.DO_NOT_INCLUDE
    assert reason.startswith(f"{question.upper()} answered no")
    assert QUESTIONS[question] in reason


def test_the_first_no_is_the_reason_given():
    _, reason = priority_from_answers(answers(q2="no", q3="no"))
    assert reason.startswith("Q2 answered no")


def test_a_no_excludes_even_before_other_questions_are_answered():
    priority, _ = priority_from_answers({"q3": "no"})
    assert priority is Priority.DO_NOT_INCLUDE


def test_duplication_excludes():
    priority, reason = priority_from_answers(answers(q5="yes"))
    assert priority is Priority.DO_NOT_INCLUDE
    assert "Q5" in reason and "duplication" in reason


def test_no_resources_is_lower_priority():
    priority, reason = priority_from_answers(answers(q6="no"))
    assert priority is Priority.LOWER
    assert reason.startswith("Q6 answered no")


def test_no_efficiencies_is_lower_priority():
    priority, reason = priority_from_answers(answers(q4="no"))
    assert priority is Priority.LOWER
    assert reason.startswith("Q4 answered no")


def test_resources_are_checked_before_efficiencies():
    _, reason = priority_from_answers(answers(q4="no", q6="no"))
    assert reason.startswith("Q6")


def test_unanswered_questions_give_no_priority_and_name_them():
    priority, reason = priority_from_answers({"q1": "yes", "q2": "yes", "q3": "yes",
                                              "q5": "no"})
    assert priority is None
    assert reason == "Not yet answered: Q4, Q6."


def test_empty_answers():
    priority, reason = priority_from_answers({})
    assert priority is None
    assert reason == "Not yet answered: Q1, Q2, Q3, Q4, Q5, Q6."


def test_an_answer_outside_the_vocabulary_counts_as_unanswered():
    priority, reason = priority_from_answers(answers(q4="maybe", q6=None))
    assert priority is None
    assert reason == "Not yet answered: Q4, Q6."


def test_answers_ignore_case_and_spaces():
    priority, _ = priority_from_answers({k: f" {v.upper()} " for k, v in ALL_YES.items()})
    assert priority is Priority.HIGH
