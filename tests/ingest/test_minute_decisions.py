"""The readers of what a meeting decided and arranged (``ingest.parsers.minute_decisions``),
one behaviour each, on sentences in the forms councils print. Whole papers are tested in
test_meeting_page.py and test_minutes.py."""

from datetime import date, time

import pytest

from scrutinydesk.ingest.parsers import minute_decisions as md
from scrutinydesk.ingest.parsers import minute_text as mt
from scrutinydesk.ingest.text import Paper


def paras(text: str) -> list[mt.Para]:
    return mt.paragraphs(Paper.from_text(text).lines)


# --- decisions --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,recipient", [
    ("That the Cabinet be asked to adopt the protocol.", "Cabinet"),
    ("That the Cabinet recommend the County Council to approve the plan.", "County Council"),
    ("That it be recommended to Full Council that the budget be set.", "Full Council"),
    ("That the Cabinet Member for Adult Social Care be asked to approve the framework.",
     "Cabinet Member for Adult Social Care"),
    ("That the report be noted.", ""),
])
def test_recipients(text, recipient):
    assert md.recipient_of(text) == recipient


def test_numbered_decisions_share_their_reason():
    got = md.read_decisions(paras("Resolved\n\n1. That A be done.\n2. That B be done.\n\n"
                                  "Reasons for Decision\n\n1.To do A.\n\n2. To do B."))
    assert [(d.kind, d.number, d.text) for d in got] == [
        (mt.RESOLVED, "1", "That A be done."), (mt.RESOLVED, "2", "That B be done.")]
    assert {d.reason for d in got} == {"1. To do A.\n2. To do B."}
    assert [d.ref.line for d in got] == [3, 4]


def test_noted_without_words_and_prose_after_it():
    got = md.read_decisions(paras("Noted\n\nThe Chairman thanked the officers."))
    assert [(d.kind, d.text) for d in got] == [(mt.NOTED, "Noted")]


def test_the_committee_noted_keeps_its_sentence():
    [d] = md.read_decisions(paras("The Committee NOTED the annual report."))
    assert (d.kind, d.text) == (mt.NOTED, "The Committee NOTED the annual report.")


def test_recommendation_with_recipient_in_marker():
    got = md.read_decisions(paras("Resolved to RECOMMEND: (to Council)\n\nThat the plan be "
                                  "adopted.\n\nReason for Recommendation\n\nTo meet the duty."))
    assert [(d.kind, d.recipient, d.text, d.reason) for d in got] == [
        (mt.RECOMMENDED, "Council", "That the plan be adopted.", "To meet the duty.")]


def test_two_decisions_in_one_item():
    got = md.read_decisions(paras("Recommended\n\nThat the Cabinet be asked to note X.\n\n"
                                  "Resolved\n\nThat a report come back in June."))
    assert [(d.kind, d.recipient) for d in got] == [(mt.RECOMMENDED, "Cabinet"), (mt.RESOLVED, "")]


# --- undertakings -----------------------------------------------------------------------------

def test_undertaking_by_a_named_officer():
    [u] = md.read_undertakings(paras("The Head of Fostering, undertook to send the figures to "
                                     "members by Friday."))
    assert (u.owner, u.text) == ("The Head of Fostering", "send the figures to members by Friday")


def test_pronoun_owner_is_the_last_named_person():
    [u] = md.read_undertakings(paras("Cllr Ada Wye updated members on the review with Cllr Bo. "
                                     "She undertook to circulate the note."))
    assert (u.owner, u.text) == ("Cllr Ada Wye", "circulate the note")


def test_missing_subject_is_the_person_who_spoke():
    [u] = md.read_undertakings(paras("Following a question, the Service Manager advised that "
                                     "work was under way and undertook to report back."))
    assert (u.owner, u.text) == ("the Service Manager", "report back")


def test_undertook_that():
    [u] = md.read_undertakings(paras("The Director undertook that the plan would be shared."))
    assert (u.owner, u.text) == ("The Director", "the plan would be shared")


@pytest.mark.parametrize("text", [
    "The Cabinet had recently agreed to an additional £1m of funding.",
    "Members agreed to defer the item.",
    "The Task Group had agreed to review the plan.",
])
def test_agreed_to_by_a_body_or_to_a_thing_is_no_undertaking(text):
    assert md.read_undertakings(paras(text)) == []


def test_agreed_to_by_a_member():
    [u] = md.read_undertakings(paras("Cllr Kim Roe agreed to lead the review with officers."))
    assert (u.owner, u.text) == ("Cllr Kim Roe", "lead the review with officers")


# --- future meetings, exempt business, times ---------------------------------------------------

def test_future_meetings_with_topics():
    got = md.read_future_meetings(paras("We agreed:\n\n9 May 2019\n\n• Topic A\n• Topic B\n\n"
                                        "1 August 2019\n- Topic C\n\nThe Chairman closed."))
    assert [(f.date, f.topics) for f in got] == [(date(2019, 5, 9), ["Topic A", "Topic B"]),
                                                 (date(2019, 8, 1), ["Topic C"])]


def test_exclusion_resolution_paragraphs_and_minutes():
    text = ("RESOLVED - That the public be excluded for minutes 53, 54 and 55 on the grounds that "
            "they involve exempt information as defined in paragraphs 1 and 3 of Part I of "
            "Schedule 12A of the Act.")
    assert md.exclusion_paragraph(text) == ("1, 3", ["53", "54", "55"])
    assert md.exclusion_paragraph("The report was noted.") is None


@pytest.mark.parametrize("text,expected", [
    ("Meeting Duration: 10.00 am - 11.40 am", (time(10, 0), time(11, 40))),
    ("The meeting commenced at 2.00 pm and closed at 4.10 pm.", (time(14, 0), time(16, 10))),
    ("(The meeting ended at 19:45)", (None, time(19, 45))),
    ("No times here.", (None, None))])
def test_durations(text, expected):
    assert md.read_duration(text) == expected


def test_confirmation_date():
    assert md.confirmation_date("They are to be considered and confirmed at the next meeting of "
                                "the Panel to be held on: Thursday, 18 January 2018).") == date(
                                    2018, 1, 18)
    assert md.confirmation_date("These minutes are a record of the meeting.") is None


@pytest.mark.parametrize("text", [
    "The minutes of the meeting held on 8 September 2020 were agreed and signed.",
    "The minutes of the previous meeting were confirmed and signed as a correct record.",
    "The minutes of the meeting of the Committee held on 3 May 2022 were approved as a correct "
    "record.",
])
def test_minutes_agreed_in_prose_are_an_agreed_decision(text):
    got = md.read_decisions(paras(text))
    assert [(d.kind, d.text) for d in got] == [("agreed", text)]


def test_minutes_merely_mentioned_are_no_decision():
    assert md.read_decisions(paras("The minutes of the meeting held on 8 September 2020 were "
                                   "referred to in discussion of the budget.")) == []
