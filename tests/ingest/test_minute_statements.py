"""The statements minutes must account for: decision sentences and attendance names."""

import pytest

from scrutinydesk.ingest.parsers import minute_statements as ms
from scrutinydesk.ingest.text import Paper


@pytest.mark.parametrize("sentence, word", [
    ("RESOLVED – That the report be noted.", "resolved"),
    ("Resolved: that the plan be endorsed.", "resolved"),
    ("resolved, that the plan be endorsed", "resolved"),
    ("It was AGREED that a working group be set up.", "agreed"),
    ("Agreed; the item was deferred.", "agreed"),
    ("The Panel NOTED the presentation.", "noted"),
    ("Noted.", "noted"),
    ("RECOMMENDED to Cabinet that the fees be approved", "recommended"),
    ("recommended...", "recommended"),
])
def test_decision_words_in_any_case_with_any_punctuation(sentence, word):
    assert ms.decision_word(sentence) == word


@pytest.mark.parametrize("sentence", [
    "The report will be noted by Cabinet next month.",
    "The figures had been agreed with the Trust.",
    "Members asked about waiting times.",
    "A recommendation is due in June.",
])
def test_sentences_that_only_describe_a_decision(sentence):
    assert ms.decision_word(sentence) == ""


def test_an_upper_case_word_decides_even_after_be():
    assert ms.decision_word("That the minutes be AGREED as a correct record.") == "agreed"


def test_decision_statements_are_split_into_sentences():
    text = ("Members discussed the plan. The Committee NOTED the report. "
            "Mr. Smith thanked officers.\n\nRESOLVED – That the plan be endorsed.")
    assert [s.text for s in ms.decision_statements(text)] == [
        "The Committee NOTED the report.", "RESOLVED – That the plan be endorsed."]


def test_numbered_parts_are_statements_of_their_own():
    text = "Resolved -\n(1) That the plan be endorsed.\n(2) That the update be NOTED."
    found = ms.decision_statements(text)
    assert [s.word for s in found] == ["resolved", "noted"]


def test_a_statement_is_read_when_a_decision_carries_its_words():
    decisions = ["That the draft Youth Justice Plan 2021-22 be endorsed for submission."]
    assert ms.statement_read("Resolved - That the draft Youth Justice Plan 2021-22 be endorsed "
                             "for submission.", decisions)
    assert not ms.statement_read("RECOMMENDED to Cabinet that the threshold be reduced from "
                                 "three complaints to two.", decisions)


def test_a_bare_word_is_read_by_the_decision_after_it():
    assert ms.statement_read("RESOLVED", ["That the report be noted."])
    assert not ms.statement_read("RESOLVED", [])


def test_attendance_passages_run_to_a_blank_line():
    text = ("Present\n\nCouncillors Adaeze Okafor (Chair), Brian Lindqvist and Fiona Whitcombe."
            "\n\nApologies for absence were received from Councillor Gemma Holt.\n\n"
            "The Chair welcomed everyone.")
    passages = ms.attendance_passages(text)
    assert [label for label, _ in passages] == ["present", "apologies for absence"]
    assert "Fiona Whitcombe" in passages[0][1]


@pytest.mark.parametrize("passage, names", [
    ("Councillors Adaeze Okafor (Chair), Brian Lindqvist (Vice-Chair), Ian Fairbrother "
     "(substitute) and Fiona Whitcombe.",
     ["Adaeze Okafor", "Brian Lindqvist", "Ian Fairbrother", "Fiona Whitcombe"]),
    ("were received from Councillor Gemma Holt. Councillor Ian Fairbrother attended as her "
     "substitute.", ["Gemma Holt", "Ian Fairbrother"]),
    ("Cllr Frances Tully (in place of Cllr Patrick Garvey)", ["Frances Tully"]),
    ("Councillor Yvonne Street - Cabinet Member for Adult Social Care and Public Health",
     ["Yvonne Street"]),
    ("Mrs Helen Prideaux (Church of England Diocesan representative) and Mr Tomasz Nowak",
     ["Helen Prideaux", "Tomasz Nowak"]),
    ("Cllrs Holt and Marsh", ["Holt", "Marsh"]),
    ("None.", []),
])
def test_names_in_a_passage(passage, names):
    assert ms.names_in_passage(passage) == names


def test_unread_names_are_those_no_attendee_matches():
    assert ms.unread_names(["Gemma Holt", "Brian Lindqvist"], ["Cllr Holt"]) == \
        ["Brian Lindqvist"]


def test_unread_statements_name_their_line():
    paper = Paper.from_text("Present: Councillors Ann Lee and Bo Hart\n\nMinutes\n\n"
                            "RESOLVED - That the minutes be approved.\n\n"
                            "RECOMMENDED to Cabinet that the fee be cut.", "m.txt")
    unread = ms.unread_statements(list(paper.lines), ["That the minutes be approved."],
                                  ["Ann Lee"])
    assert unread == [
        "decision not read (line 7): RECOMMENDED to Cabinet that the fee be cut.",
        "name not read (line 1) in the present passage: Bo Hart"]
