"""The readers of who attended and what they declared (``ingest.parsers.minute_people``), one
behaviour each, on sentences in the forms councils print. Whole papers are tested in
test_meeting_page.py and test_minutes.py."""

import pytest

from scrutinydesk.ingest.parsers import minute_people as mp
from scrutinydesk.ingest.parsers import minute_text as mt
from scrutinydesk.ingest.records import SourceRef
from scrutinydesk.ingest.text import Paper

REF = SourceRef(line=1)


# --- people -----------------------------------------------------------------------------------

def test_name_and_nested_brackets():
    assert mp.name_and_brackets("Cathy Lewis (Communications Officer (Internal))") == (
        "Cathy Lewis", "Communications Officer (Internal)")
    assert mp.name_and_brackets("Derek Beer") == ("Derek Beer", "")


def test_list_is_split_outside_brackets_only():
    text = "Sally Wernick (Strategic Lead for Safeguarding and Quality - Adults) and Fiona King"
    assert mp.split_top(text) == [
        "Sally Wernick (Strategic Lead for Safeguarding and Quality - Adults)", "Fiona King"]


@pytest.mark.parametrize("text,expected", [
    ("Derek Beer", True), ("Cllr Batstone", True), ("Tom O'Neill", True),
    ("Ursula von der Leyen", True), ("the Committee", False), ("None", False),
    ("Cllr Ivy Moss for Cllr Ben Ashdown", False), ("", False),
])
def test_looks_like_name(text, expected):
    assert mp.looks_like_name(text) is expected


def test_plural_councillors_prefix_is_shared_by_the_list():
    people = mp.read_people("Cllrs Toni Coombs, Lesley Dedman and Beryl Ezzard",
                            status=mt.APOLOGIES, kind=mt.COMMITTEE_MEMBER, ref=REF)
    assert [p.name for p in people] == ["Toni Coombs", "Lesley Dedman", "Beryl Ezzard"]
    assert {p.status for p in people} == {mt.APOLOGIES}


def test_name_comma_capacity_lines_for_other_members():
    people = mp.read_people("Steve Butler, Cabinet Member for Safeguarding.", status=mt.PRESENT,
                            kind=mt.OTHER_MEMBER, ref=REF, one_per_line_capacity=True)
    assert [(p.name, p.capacity) for p in people] == [("Steve Butler",
                                                       "Cabinet Member for Safeguarding")]


def test_substitute_in_brackets():
    people = mp.read_people("Cllr Ana Diaz (substitute for Cllr Paul Hart), Cllr Mo Reed",
                            status=mt.PRESENT, kind=mt.COMMITTEE_MEMBER, ref=REF)
    assert [(p.name, p.status, p.substitute_for) for p in people] == [
        ("Cllr Ana Diaz", mt.SUBSTITUTE, "Cllr Paul Hart"), ("Cllr Mo Reed", mt.PRESENT, "")]


@pytest.mark.parametrize("line,status,kind,rest", [
    ("Present:", mt.PRESENT, mt.COMMITTEE_MEMBER, ""),
    ("Members Attending", mt.PRESENT, mt.OTHER_MEMBER, ""),
    ("Officer Attending: Jo Bloggs (Clerk)", mt.PRESENT, mt.OFFICER, "Jo Bloggs (Clerk)"),
    ("Officers in attendance:", mt.PRESENT, mt.OFFICER, ""),
    ("For certain items, as appropriate", mt.PRESENT, mt.OTHER, ""),
    ("Apologies: Cllr A Bee", mt.APOLOGIES, mt.COMMITTEE_MEMBER, "Cllr A Bee"),
    ("Substitute: Cllr X Wye", mt.SUBSTITUTE, mt.COMMITTEE_MEMBER, "Cllr X Wye"),
])
def test_attendance_labels(line, status, kind, rest):
    assert mp.attendance_label(line) == (status, kind, rest)


@pytest.mark.parametrize("line", ["Apologies for Absence", "Presentation on fostering",
                                  "Present arrangements were reviewed"])
def test_headings_and_prose_are_not_attendance_labels(line):
    assert mp.attendance_label(line) is None


def test_reserve_label_with_for():
    people = mp.read_attendance("reserve", mt.COMMITTEE_MEMBER,
                                [("Gareth Pugh (for Leonard Moss), Ann Lee", Paper.from_text(
                                    "x").lines[0])])
    assert [(p.name, p.status, p.capacity, p.substitute_for) for p in people] == [
        ("Gareth Pugh", mt.SUBSTITUTE, "Reserve Member", "Leonard Moss"),
        ("Ann Lee", mt.PRESENT, "Reserve Member", "")]


def test_absent_label():
    line = Paper.from_text("Absent: Cllr Rob Ince and Cllr Sue Hale").lines[0]
    status, kind, rest = mp.attendance_label(line.text)
    people = mp.read_attendance(status, kind, [(rest, line)])
    assert [(p.name, p.status) for p in people] == [("Cllr Rob Ince", mt.ABSENT),
                                                    ("Cllr Sue Hale", mt.ABSENT)]


def test_reserve_table_two_columns():
    paper = Paper.from_text("Ordinary Member\tReserve Member\nCllr A Bee (Chairman)\tCllr C Dee\n"
                            "Cllr E Eff\t\n\nNext")
    members = mp.read_reserve_table(paper.lines)
    assert [(m.name, m.role, m.reserve_for, m.ref.line) for m in members] == [
        ("Cllr A Bee", mt.CHAIR, "", 2), ("Cllr C Dee", mt.RESERVE, "Cllr A Bee", 2),
        ("Cllr E Eff", mt.MEMBER, "", 3)]


def test_apologies_sentence():
    people = mp.read_apologies("Apologies for absence were received from Ann Ray, Bo Lim and "
                               "Cy Tan (Vice-Chairman). The Chairman welcomed everyone.", REF)
    assert [(p.name, p.capacity) for p in people] == [("Ann Ray", ""), ("Bo Lim", ""),
                                                      ("Cy Tan", "Vice-Chairman")]


def test_single_apology_and_substitution_in_brackets():
    people = mp.read_apologies("An apology for absence was received from Cllr Kay Moe "
                               "(Cllr Lee Ng substituting).", REF)
    assert [(p.name, p.status, p.substitute_for) for p in people] == [
        ("Cllr Kay Moe", mt.APOLOGIES, ""), ("Cllr Lee Ng", mt.SUBSTITUTE, "Cllr Kay Moe")]


@pytest.mark.parametrize("text", ["Apologies for lateness were received from Cllr Ray Fox.",
                                  "There were no apologies for absence."])
def test_no_apologies(text):
    assert mp.read_apologies(text, REF) == []


def test_substitute_sentence():
    people = mp.read_substitutes("Councillor Tom Reid attended as a substitute for Councillor Ann "
                                 "Holt and Cllr Jo Lin was substituting for Cllr Max Roe.", REF)
    assert [(p.name, p.substitute_for) for p in people] == [
        ("Councillor Tom Reid", "Councillor Ann Holt"), ("Cllr Jo Lin", "Cllr Max Roe")]


def test_vice_chairman_resolved_to_the_listed_name():
    listed = mp.read_people("Ann Ray (Vice-Chairman), Bo Lim", status=mt.PRESENT,
                            kind=mt.COMMITTEE_MEMBER, ref=REF)
    text = "In the absence of Cllr Batstone the Vice-Chairman took the Chair."
    assert mp.read_chair(text, listed, []) == "Ann Ray"
    assert mp.read_chair(text, [], []) == "Vice-Chairman"


def test_named_member_in_the_chair():
    assert mp.read_chair("In the absence of the Chairman, Cllr Ida Wren took the Chair.", [],
                         []) == "Cllr Ida Wren"
    assert mp.read_chair("Councillor Ola Bright in the Chair", [], []) == "Councillor Ola Bright"
    assert mp.read_chair("The Chairman welcomed everyone.", [], []) == ""


# --- declarations -----------------------------------------------------------------------------

def test_declaration_naming_member_and_item():
    [(d, what, number)] = mp.read_declarations(
        "Cllr Jane Smith declared a personal interest in item 7 as a governor of Hill School.", REF)
    assert (d.member, d.item_number, d.kind, what, number) == ("Cllr Jane Smith", "7",
                                                                mt.OTHER_INTEREST, "item", "7")
    # the nature of the interest; the sentence as printed is kept in words
    assert d.interest == "governor of Hill School"
    assert d.words.startswith("Cllr Jane Smith declared")


@pytest.mark.parametrize("words,kind", [
    ("a disclosable pecuniary", mt.DPI), ("an other registerable", mt.OTHER_REGISTRABLE),
    ("a non-registrable", mt.NON_REGISTRABLE), ("a personal", mt.OTHER_INTEREST)])
def test_declaration_kinds(words, kind):
    [(d, _w, _n)] = mp.read_declarations(f"Cllr Al Bo declared {words} interest in minute 12.", REF)
    assert d.kind == kind and d.item_number == ""


def test_two_members_declaring_together():
    found = mp.read_declarations("Councillors Ann Ray and Bo Lim declared personal interests in "
                                 "item 4 as school governors.", REF)
    assert [d.member for d, _w, _n in found] == ["Ann Ray", "Bo Lim"]


@pytest.mark.parametrize("text,in_item,expected", [
    ("There were no declarations by members of disclosable pecuniary interests.", False, True),
    ("No interests were declared.", False, True),
    ("There were none.", True, True),
    ("There were none.", False, False),
    ("Cllr A Bee declared an interest in item 3.", True, False),
])
def test_no_declarations(text, in_item, expected):
    assert mp.no_declarations(text, in_item) is expected
