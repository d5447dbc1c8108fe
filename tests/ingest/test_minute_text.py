"""The groundwork for reading minute prose (``ingest.parsers.minute_text``), one behaviour
each, on sentences in the forms councils print: vocabulary, paragraphs and sentences, and the
decision words and dates that open a paragraph. The readers built on it are tested in
test_minute_people.py and test_minute_decisions.py; whole papers in test_meeting_page.py and
test_minutes.py."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinydesk.committees import vocab
from scrutinydesk.ingest.parsers import minute_decisions as md
from scrutinydesk.ingest.parsers import minute_people as mp
from scrutinydesk.ingest.parsers import minute_text as mt
from scrutinydesk.ingest.text import Paper


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


# --- lines that open a paragraph --------------------------------------------------------------

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


@pytest.mark.parametrize("text,expected", [
    ("13 March 2018", date(2018, 3, 13)), ("Tuesday 16 April 2019:", date(2019, 4, 16)),
    ("Meeting on 5th July, 2018", date(2018, 7, 5)), ("13 March 2018 was busy", None),
    ("Update on Workforce", None)])
def test_date_only(text, expected):
    assert mt.date_only(text) == expected


# --- robustness -------------------------------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.text(max_size=400))
def test_readers_never_raise_on_any_text(text):
    ps = paras(text)
    md.read_decisions(ps)
    md.read_undertakings(ps, ["Ann Ray"])
    md.read_future_meetings(ps)
    for p in ps:
        mp.read_apologies(p.text, p.ref)
        mp.read_substitutes(p.text, p.ref)
        mp.read_declarations(p.text, p.ref)
        mp.read_chair(p.text, [], [])
        md.exclusion_paragraph(p.text)
        md.read_duration(p.text)
        md.confirmation_date(p.text)
