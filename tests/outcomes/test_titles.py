"""Normalised indicator codes and titles, for matching across report editions."""

import pytest

from scrutinydesk.outcomes.titles import normalise_code, normalise_title, title_similarity


@pytest.mark.parametrize(("printed", "key"), [
    ("SAFE: 01", "SAFE 01"),
    ("Safe 1", "SAFE 01"),
    ("SAFE01", "SAFE 01"),
    ("SAFE - 004", "SAFE 04"),
    ("HEALTH 12", "HEALTH 12"),
    ("SAFE 06a", "SAFE 06a"),
    ("  ECON:3 ", "ECON 03"),
    ("PM 1.2", "PM 1.2"),
    ("odd  code", "ODD CODE"),
    ("", ""),
])
def test_normalise_code(printed, key):
    assert normalise_code(printed) == key


@pytest.mark.parametrize(("a", "b"), [
    ("Number of people killed or seriously injured on Dorset's roads",
     "Number of people killed or seriously injured on Dorset roads"),
    ("Rate of children subject to a Child Protection Plan",
     "rates of children subject to the child protection plan"),
    ("% of young people who are NEET", "Percentage of young people who are NEET"),
    ("No. of hospital admissions", "Number of hospital admissions"),
    ("Crimes & incidents reported", "crime and incident reported"),
    ("Café visits", "Cafe visits"),
])
def test_same_title_in_other_words(a, b):
    assert normalise_title(a) == normalise_title(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Number of people killed or seriously injured on Dorset's roads",
     "Number of children killed or seriously injured on Dorset's roads"),
    ("Rate of children subject to a child protection plan",
     "Rate of children looked after"),
    ("Persistent absence in primary schools", "Persistent absence in secondary schools"),
])
def test_different_indicators_differ(a, b):
    assert normalise_title(a) != normalise_title(b)


def test_normalised_title_drops_stopwords_and_case():
    assert normalise_title("The Rate of Children in Care") == "rate child care"
    assert normalise_title("") == ""


def test_title_similarity():
    a = "Rate of children subject to a child protection plan"
    assert title_similarity(a, a.upper()) == 1.0
    assert title_similarity(a, "") == 0.0
    partial = title_similarity(a, "Rate of children looked after")
    assert 0 < partial < 1
    # shares rate and child of {rate, child, subject, protection, plan, looked, after}
    assert partial == pytest.approx(2 / 7)


def test_any_plural_makes_no_difference():
    assert normalise_title("Children subject to child protection plans") == \
        normalise_title("Children subject to a child protection plan")
