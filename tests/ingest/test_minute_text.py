"""The shared readers of minute prose (``ingest.parsers.minute_text``), one behaviour each,
on sentences in the forms councils print. Whole papers are tested in test_meeting_page.py and
test_minutes.py."""

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinydesk.committees import vocab
from scrutinydesk.ingest.parsers import minute_text as mt
from scrutinydesk.ingest.records import SourceRef
from scrutinydesk.ingest.text import Paper

REF = SourceRef(line=1)


def paras(text: str) -> list[mt.Para]:
    return mt.paragraphs(Paper.from_text(text).lines)


# --- vocabularies -----------------------------------------------------------------------------

def test_vocabulary_values_are_the_committee_vocab_values():
    assert {mt.PRESENT, mt.APOLOGIES, mt.ABSENT, mt.SUBSTITUTE} <= set(
        vocab.AttendanceStatus.values)
    assert {mt.COMMITTEE_MEMBER, mt.OTHER_MEMBER, mt.OFFICER, mt.OTHER} <= set(
        vocab.AttendeeKind.values)
    assert {mt.RECOMMENDED, mt.RESOLVED, mt.NOTED, mt.AGREED} == set(vocab.DecisionKind.values)
    assert {mt.DPI, mt.OTHER_REGISTRABLE, mt.NON_REGISTRABLE, mt.OTHER_INTEREST} == set(
        vocab.DeclarationKind.values)
    assert {mt.SCHEDULED, mt.HELD, mt.CANCELLED, mt.POSTPONED} == set(vocab.MeetingStatus.values)
    assert {mt.CHAIR, mt.VICE_CHAIR, mt.MEMBER, mt.RESERVE} <= set(vocab.MembershipRole.values)


# --- paragraphs and sentences -----------------------------------------------------------------

def test_paragraph_split_by_a_page_break_is_joined_again():
    got = paras("The figures for knife crime\n\nhad risen by 8%.\n\nNoted")
    assert [p.text for p in got] == ["The figures for knife crime had risen by 8%.", "Noted"]
    assert [p.line.number for p in got] == [1, 5]


def test_bullets_numbers_and_lone_decision_words_start_paragraphs():
    got = paras("Resolved\n1. That A.\n2. That B.\n13 March 2018\n• Topic one\n• Topic two")
    assert [p.text for p in got] == ["Resolved", "1. That A.", "2. That B.", "13 March 2018",
                                     "Topic one", "Topic two"]
    assert [p.bullet for p in got] == [False, False, False, False, True, True]


def test_lines_of_only_non_breaking_space_separate_paragraphs():
    got = paras("First paragraph.\n\u00a0\nSecond paragraph.")
    assert [p.text for p in got] == ["First paragraph.", "Second paragraph."]


def test_sentences_are_not_split_after_titles_or_initials():
    text = "Mr. J. Smith spoke. She undertook to reply. No. 5 was agreed."
    assert mt.sentences(text) == ["Mr. J. Smith spoke.", "She undertook to reply.",
                                  "No. 5 was agreed."]


# --- people -----------------------------------------------------------------------------------

def test_name_and_nested_brackets():
    assert mt.name_and_brackets("Cathy Lewis (Communications Officer (Internal))") == (
        "Cathy Lewis", "Communications Officer (Internal)")
    assert mt.name_and_brackets("Derek Beer") == ("Derek Beer", "")


def test_list_is_split_outside_brackets_only():
    text = "Sally Wernick (Strategic Lead for Safeguarding and Quality - Adults) and Fiona King"
    assert mt.split_top(text) == [
        "Sally Wernick (Strategic Lead for Safeguarding and Quality - Adults)", "Fiona King"]


@pytest.mark.parametrize("text,expected", [
    ("Derek Beer", True), ("Cllr Batstone", True), ("Tom O'Neill", True),
    ("Ursula von der Leyen", True), ("the Committee", False), ("None", False),
    ("Cllr Ivy Moss for Cllr Ben Ashdown", False), ("", False),
])
def test_looks_like_name(text, expected):
    assert mt.looks_like_name(text) is expected


def test_plural_councillors_prefix_is_shared_by_the_list():
    people = mt.read_people("Cllrs Toni Coombs, Lesley Dedman and Beryl Ezzard",
                            status=mt.APOLOGIES, kind=mt.COMMITTEE_MEMBER, ref=REF)
    assert [p.name for p in people] == ["Toni Coombs", "Lesley Dedman", "Beryl Ezzard"]
    assert {p.status for p in people} == {mt.APOLOGIES}


def test_name_comma_capacity_lines_for_other_members():
    people = mt.read_people("Steve Butler, Cabinet Member for Safeguarding.", status=mt.PRESENT,
                            kind=mt.OTHER_MEMBER, ref=REF, one_per_line_capacity=True)
    assert [(p.name, p.capacity) for p in people] == [("Steve Butler",
                                                       "Cabinet Member for Safeguarding")]


def test_substitute_in_brackets():
    people = mt.read_people("Cllr Ana Diaz (substitute for Cllr Paul Hart), Cllr Mo Reed",
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
    assert mt.attendance_label(line) == (status, kind, rest)


@pytest.mark.parametrize("line", ["Apologies for Absence", "Presentation on fostering",
                                  "Present arrangements were reviewed"])
def test_headings_and_prose_are_not_attendance_labels(line):
    assert mt.attendance_label(line) is None


def test_reserve_label_with_for():
    people = mt.read_attendance("reserve", mt.COMMITTEE_MEMBER,
                                [("Gareth Pugh (for Leonard Moss), Ann Lee", Paper.from_text(
                                    "x").lines[0])])
    assert [(p.name, p.status, p.capacity, p.substitute_for) for p in people] == [
        ("Gareth Pugh", mt.SUBSTITUTE, "Reserve Member", "Leonard Moss"),
        ("Ann Lee", mt.PRESENT, "Reserve Member", "")]


def test_absent_label():
    line = Paper.from_text("Absent: Cllr Rob Ince and Cllr Sue Hale").lines[0]
    status, kind, rest = mt.attendance_label(line.text)
    people = mt.read_attendance(status, kind, [(rest, line)])
    assert [(p.name, p.status) for p in people] == [("Cllr Rob Ince", mt.ABSENT),
                                                    ("Cllr Sue Hale", mt.ABSENT)]


def test_reserve_table_two_columns():
    paper = Paper.from_text("Ordinary Member\tReserve Member\nCllr A Bee (Chairman)\tCllr C Dee\n"
                            "Cllr E Eff\t\n\nNext")
    members = mt.read_reserve_table(paper.lines)
    assert [(m.name, m.role, m.reserve_for, m.ref.line) for m in members] == [
        ("Cllr A Bee", mt.CHAIR, "", 2), ("Cllr C Dee", mt.RESERVE, "Cllr A Bee", 2),
        ("Cllr E Eff", mt.MEMBER, "", 3)]


def test_apologies_sentence():
    people = mt.read_apologies("Apologies for absence were received from Ann Ray, Bo Lim and "
                               "Cy Tan (Vice-Chairman). The Chairman welcomed everyone.", REF)
    assert [(p.name, p.capacity) for p in people] == [("Ann Ray", ""), ("Bo Lim", ""),
                                                      ("Cy Tan", "Vice-Chairman")]


def test_single_apology_and_substitution_in_brackets():
    people = mt.read_apologies("An apology for absence was received from Cllr Kay Moe "
                               "(Cllr Lee Ng substituting).", REF)
    assert [(p.name, p.status, p.substitute_for) for p in people] == [
        ("Cllr Kay Moe", mt.APOLOGIES, ""), ("Cllr Lee Ng", mt.SUBSTITUTE, "Cllr Kay Moe")]


@pytest.mark.parametrize("text", ["Apologies for lateness were received from Cllr Ray Fox.",
                                  "There were no apologies for absence."])
def test_no_apologies(text):
    assert mt.read_apologies(text, REF) == []


def test_substitute_sentence():
    people = mt.read_substitutes("Councillor Tom Reid attended as a substitute for Councillor Ann "
                                 "Holt and Cllr Jo Lin was substituting for Cllr Max Roe.", REF)
    assert [(p.name, p.substitute_for) for p in people] == [
        ("Councillor Tom Reid", "Councillor Ann Holt"), ("Cllr Jo Lin", "Cllr Max Roe")]


def test_vice_chairman_resolved_to_the_listed_name():
    listed = mt.read_people("Ann Ray (Vice-Chairman), Bo Lim", status=mt.PRESENT,
                            kind=mt.COMMITTEE_MEMBER, ref=REF)
    text = "In the absence of Cllr Batstone the Vice-Chairman took the Chair."
    assert mt.read_chair(text, listed, []) == "Ann Ray"
    assert mt.read_chair(text, [], []) == "Vice-Chairman"


def test_named_member_in_the_chair():
    assert mt.read_chair("In the absence of the Chairman, Cllr Ida Wren took the Chair.", [],
                         []) == "Cllr Ida Wren"
    assert mt.read_chair("Councillor Ola Bright in the Chair", [], []) == "Councillor Ola Bright"
    assert mt.read_chair("The Chairman welcomed everyone.", [], []) == ""


# --- declarations -----------------------------------------------------------------------------

def test_declaration_naming_member_and_item():
    [(d, what, number)] = mt.read_declarations(
        "Cllr Jane Smith declared a personal interest in item 7 as a governor of Hill School.", REF)
    assert (d.member, d.item_number, d.kind, what, number) == ("Cllr Jane Smith", "7",
                                                                mt.OTHER_INTEREST, "item", "7")
    assert d.interest.startswith("Cllr Jane Smith declared")


@pytest.mark.parametrize("words,kind", [
    ("a disclosable pecuniary", mt.DPI), ("an other registerable", mt.OTHER_REGISTRABLE),
    ("a non-registrable", mt.NON_REGISTRABLE), ("a personal", mt.OTHER_INTEREST)])
def test_declaration_kinds(words, kind):
    [(d, _w, _n)] = mt.read_declarations(f"Cllr Al Bo declared {words} interest in minute 12.", REF)
    assert d.kind == kind and d.item_number == ""


def test_two_members_declaring_together():
    found = mt.read_declarations("Councillors Ann Ray and Bo Lim declared personal interests in "
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
    assert mt.no_declarations(text, in_item) is expected


# --- decisions --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Resolved", (mt.RESOLVED, "", "")),
    ("RESOLVED – That the report be noted.", (mt.RESOLVED, "", "That the report be noted.")),
    ("Resolved to RECOMMEND: (to Council)", (mt.RECOMMENDED, "Council", "")),
    ("RECOMMENDED to Cabinet that the plan be adopted", (mt.RECOMMENDED, "Cabinet",
                                                         "that the plan be adopted")),
    ("It was resolved that:", (mt.RESOLVED, "", "")),
    ("Noted", (mt.NOTED, "", "")),
    ("Agreed", (mt.AGREED, "", "")),
    ("The Committee RESOLVED that the item be deferred.", (mt.RESOLVED, "",
                                                           "that the item be deferred.")),
    ("Recommendation I - Cabinet 12 June", None),
    ("The Committee noted the report.", None),
    ("It was noted that the figures were provisional.", None),
    ("Noted The Chairman thanked officers.", None),
])
def test_decision_markers(text, expected):
    assert mt.decision_marker(text) == expected


@pytest.mark.parametrize("text,recipient", [
    ("That the Cabinet be asked to adopt the protocol.", "Cabinet"),
    ("That the Cabinet recommend the County Council to approve the plan.", "County Council"),
    ("That it be recommended to Full Council that the budget be set.", "Full Council"),
    ("That the Cabinet Member for Adult Social Care be asked to approve the framework.",
     "Cabinet Member for Adult Social Care"),
    ("That the report be noted.", ""),
])
def test_recipients(text, recipient):
    assert mt.recipient_of(text) == recipient


def test_numbered_decisions_share_their_reason():
    got = mt.read_decisions(paras("Resolved\n\n1. That A be done.\n2. That B be done.\n\n"
                                  "Reasons for Decision\n\n1.To do A.\n\n2. To do B."))
    assert [(d.kind, d.number, d.text) for d in got] == [
        (mt.RESOLVED, "1", "That A be done."), (mt.RESOLVED, "2", "That B be done.")]
    assert {d.reason for d in got} == {"1. To do A.\n2. To do B."}
    assert [d.ref.line for d in got] == [3, 4]


def test_noted_without_words_and_prose_after_it():
    got = mt.read_decisions(paras("Noted\n\nThe Chairman thanked the officers."))
    assert [(d.kind, d.text) for d in got] == [(mt.NOTED, "")]


def test_recommendation_with_recipient_in_marker():
    got = mt.read_decisions(paras("Resolved to RECOMMEND: (to Council)\n\nThat the plan be "
                                  "adopted.\n\nReason for Recommendation\n\nTo meet the duty."))
    assert [(d.kind, d.recipient, d.text, d.reason) for d in got] == [
        (mt.RECOMMENDED, "Council", "That the plan be adopted.", "To meet the duty.")]


def test_two_decisions_in_one_item():
    got = mt.read_decisions(paras("Recommended\n\nThat the Cabinet be asked to note X.\n\n"
                                  "Resolved\n\nThat a report come back in June."))
    assert [(d.kind, d.recipient) for d in got] == [(mt.RECOMMENDED, "Cabinet"), (mt.RESOLVED, "")]


# --- undertakings -----------------------------------------------------------------------------

def test_undertaking_by_a_named_officer():
    [u] = mt.read_undertakings(paras("The Head of Fostering, undertook to send the figures to "
                                     "members by Friday."))
    assert (u.owner, u.text) == ("The Head of Fostering", "send the figures to members by Friday")


def test_pronoun_owner_is_the_last_named_person():
    [u] = mt.read_undertakings(paras("Cllr Ada Wye updated members on the review with Cllr Bo. "
                                     "She undertook to circulate the note."))
    assert (u.owner, u.text) == ("Cllr Ada Wye", "circulate the note")


def test_missing_subject_is_the_person_who_spoke():
    [u] = mt.read_undertakings(paras("Following a question, the Service Manager advised that "
                                     "work was under way and undertook to report back."))
    assert (u.owner, u.text) == ("the Service Manager", "report back")


def test_undertook_that():
    [u] = mt.read_undertakings(paras("The Director undertook that the plan would be shared."))
    assert (u.owner, u.text) == ("The Director", "the plan would be shared")


@pytest.mark.parametrize("text", [
    "The Cabinet had recently agreed to an additional £1m of funding.",
    "Members agreed to defer the item.",
    "The Task Group had agreed to review the plan.",
])
def test_agreed_to_by_a_body_or_to_a_thing_is_no_undertaking(text):
    assert mt.read_undertakings(paras(text)) == []


def test_agreed_to_by_a_member():
    [u] = mt.read_undertakings(paras("Cllr Kim Roe agreed to lead the review with officers."))
    assert (u.owner, u.text) == ("Cllr Kim Roe", "lead the review with officers")


# --- future meetings, exempt business, times ---------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("13 March 2018", date(2018, 3, 13)), ("Tuesday 16 April 2019:", date(2019, 4, 16)),
    ("Meeting on 5th July, 2018", date(2018, 7, 5)), ("13 March 2018 was busy", None),
    ("Update on Workforce", None)])
def test_date_only(text, expected):
    assert mt.date_only(text) == expected


def test_future_meetings_with_topics():
    got = mt.read_future_meetings(paras("We agreed:\n\n9 May 2019\n\n• Topic A\n• Topic B\n\n"
                                        "1 August 2019\n- Topic C\n\nThe Chairman closed."))
    assert [(f.date, f.topics) for f in got] == [(date(2019, 5, 9), ["Topic A", "Topic B"]),
                                                 (date(2019, 8, 1), ["Topic C"])]


def test_exclusion_resolution_paragraphs_and_minutes():
    text = ("RESOLVED - That the public be excluded for minutes 53, 54 and 55 on the grounds that "
            "they involve exempt information as defined in paragraphs 1 and 3 of Part I of "
            "Schedule 12A of the Act.")
    assert mt.exclusion_paragraph(text) == ("1, 3", ["53", "54", "55"])
    assert mt.exclusion_paragraph("The report was noted.") is None


@pytest.mark.parametrize("text,expected", [
    ("Meeting Duration: 10.00 am - 11.40 am", (time(10, 0), time(11, 40))),
    ("The meeting commenced at 2.00 pm and closed at 4.10 pm.", (time(14, 0), time(16, 10))),
    ("(The meeting ended at 19:45)", (None, time(19, 45))),
    ("No times here.", (None, None))])
def test_durations(text, expected):
    assert mt.read_duration(text) == expected


def test_confirmation_date():
    assert mt.confirmation_date("They are to be considered and confirmed at the next meeting of "
                                "the Panel to be held on: Thursday, 18 January 2018).") == date(
                                    2018, 1, 18)
    assert mt.confirmation_date("These minutes are a record of the meeting.") is None


# --- robustness -------------------------------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.text(max_size=400))
def test_readers_never_raise_on_any_text(text):
    ps = paras(text)
    mt.read_decisions(ps)
    mt.read_undertakings(ps, ["Ann Ray"])
    mt.read_future_meetings(ps)
    for p in ps:
        mt.read_apologies(p.text, p.ref)
        mt.read_substitutes(p.text, p.ref)
        mt.read_declarations(p.text, p.ref)
        mt.read_chair(p.text, [], [])
        mt.exclusion_paragraph(p.text)
        mt.read_duration(p.text)
        mt.confirmation_date(p.text)
