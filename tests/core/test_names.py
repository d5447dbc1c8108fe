"""People's names as papers print them: cleaning, matching keys, and matching."""

import pytest

from scrutinydesk.core.names import (
    clean_person_name,
    names_match,
    normalise_person_name,
    role_in_brackets,
    surname,
)


@pytest.mark.parametrize(("printed", "clean"), [
    ("Cllr Pauline Batstone (Chairman)", "Pauline Batstone"),
    ("Cllrs Toni Coombs", "Toni Coombs"),
    ("Councillor Jon Orrell (Vice-Chairman)", "Jon Orrell"),
    ("County Councillor Mrs. Ann Hale", "Ann Hale"),
    ("District Councillors Kevin Hardisty", "Kevin Hardisty"),
    ("Town Councillor Ray Okafor (Co-opted)", "Ray Okafor"),
    ("Dr Rev. Amina Qureshi,", "Amina Qureshi"),
    ("Mr\u00a0Ray  Bryan - ", "Ray Bryan"),
    ("Professor Lee Chan (Director of Public Health)", "Lee Chan"),
    ("Drew Mellor", "Drew Mellor"),
    ("Missy Ladd", "Missy Ladd"),
])
def test_clean_person_name(printed, clean):
    assert clean_person_name(printed) == clean


@pytest.mark.parametrize(("printed", "key"), [
    ("Cllr Pauline Batstone (Chairman)", "pauline batstone"),
    ("PAULINE  BATSTONE", "pauline batstone"),
    ("Zoë O’Brien", "zoe obrien"),
    ("Zoe O'Brien", "zoe obrien"),
    ("Mary-Jane Smith (Head of Service)", "mary-jane smith"),
    ("(Chairman)", ""),
])
def test_normalise_person_name(printed, key):
    assert normalise_person_name(printed) == key


def test_role_in_brackets():
    assert role_in_brackets("Pauline Batstone (Chairman)") == "Chairman"
    assert role_in_brackets("Sarah Parker ( Executive Director, People )") == \
        "Executive Director, People"
    assert role_in_brackets("Sarah Parker") == ""


def test_surname():
    assert surname("Cllr Pauline Batstone (Chairman)") == "batstone"
    assert surname("(Chairman)") == ""


@pytest.mark.parametrize(("a", "b"), [
    ("Cllr Batstone", "Pauline Batstone (Chairman)"),
    ("Pauline Batstone", "Cllr Pauline Batstone"),
    ("Kate Wheller", "Kate Wheller (Vice-Chairman)"),
    ("Kath Wheller", "Katherine Wheller"),
    ("P Batstone", "Pauline Batstone"),
    ("Mrs O'Brien", "Zoë O’Brien"),
])
def test_names_that_match(a, b):
    assert names_match(a, b)
    assert names_match(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Pauline Batstone", "Peter Batstone"),
    ("Kate Wheller", "Karen Wheller"),
    ("Cllr Batstone", "Cllr Coombs"),
    ("Pauline Batstone", "Pauline Coombs"),
    ("(Chairman)", "(Chairman)"),
    ("", "Pauline Batstone"),
])
def test_names_that_do_not_match(a, b):
    assert not names_match(a, b)
    assert not names_match(b, a)


def test_short_form_of_a_first_name_from_the_docstring():
    assert names_match("Kath Wheller", "Katherine Wheller")
    assert not names_match("Kate Wheller", "Katherine Wheller")
