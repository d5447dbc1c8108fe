"""Committee work programmes: the two in the sample packs and hand-written ones."""

import contextlib
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers.work_programme import parse_work_programme
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

HAND = FIXTURES / "papers" / "work_programme"


def _from_heading(name: str) -> Paper:
    """The sample pack from its work programme heading to the end."""
    paper = Paper.from_text(sample_text(name), name)
    start = next(ln.number for ln in paper
                 if ln.text.startswith("Safeguarding Overview & Scrutiny Committee Work Programme"))
    return paper.slice(start, len(paper) + 1)


def _hand(name: str):
    return parse_work_programme(Paper.from_text((HAND / name).read_text(encoding="utf-8"), name))


def _topics(wp, category: str) -> list[str]:
    return [i.topic for i in wp.items if i.category == category]


@pytest.fixture(scope="module")
def january():
    return parse_work_programme(_from_heading("2018-01-30-safeguarding-scrutiny-agenda-pack.txt"))


@pytest.fixture(scope="module")
def october():
    return parse_work_programme(_from_heading("2017-10-12-safeguarding-scrutiny-agenda-pack.txt"))


# --- January 2018 -----------------------------------------------------------------------------

def test_january_committee_and_chairs(january):
    assert january.committee == "Safeguarding Overview & Scrutiny Committee"
    assert (january.chairman, january.vice_chairman) == ("Pauline Batstone", "Katharine Garcia")


def test_january_lead_officer_and_date(january):
    assert january.lead_officer == "Nick Jarman"
    assert january.dated == date(2018, 1, 30)


def test_january_topics_under_review_with_notes(january):
    under = [i for i in january.items if i.category == "Topics currently under Scrutiny Review"]
    assert [(i.topic, i.note) for i in under] == [
        ("Looked after Children", "(080916)"),
        ("Personal Independence Payments", "(Motion to County Council 200717)"),
        ("EHCPs", "(update 121017)"), ("Domestic Abuse", "(Inquiry Day 171017)"),
        ("Emergency Planning", "(update 300118)"), ("Road Traffic Collisions", "(update 300118)")]


def test_january_note_on_the_next_line(january):
    youth = next(i for i in january.items if i.topic.startswith("Youth Service Provision"))
    assert youth.category == "Topics identified for possible Review"
    assert youth.note == "(050718) (being dealt with by the Children’s FT EAP)"


def test_january_other_topics(january):
    other = _topics(january, "Other topics identified for Review")
    assert len(other) == 9
    assert other[0] == "Child Sexual Exploitation and missing children"
    assert other[-1] == "Rogue Trading"


def test_january_instructions_and_decision_tree_are_not_topics(january):
    topics = [i.topic for i in january.items]
    assert not any(t.startswith(("Complete the prioritisation", "INCLUDE", "CONSIDER", "YES"))
                   for t in topics)


def test_january_prioritisation_questions(january):
    assert sorted(january.questions) == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert january.questions["q4"] == ("Is a proactive scrutiny process likely to lead to "
                                       "efficiencies / savings?")


def test_january_forward_plan(january):
    plan = [i for i in january.items if i.category == "Forward Plan"]
    assert [(i.meeting_date, i.meeting_time) for i in plan] == [
        (date(2018, 3, 13), time(10)), (date(2018, 7, 5), time(10)),
        (date(2018, 10, 11), time(10))]
    # no line breaks survive in the cells: one item with the whole text and lead
    assert plan[0].topic == "Outcomes Focussed Monitoring Report Early Intervention and Prevention"
    assert plan[0].lead == "John Alexander Nick Jarman"
    assert plan[2].lead == "John Alexander"


def test_january_item_count(january):
    assert len(january.items) == 6 + 2 + 9 + 3


# --- October 2017 -----------------------------------------------------------------------------

def test_october_chairs_on_one_line(october):
    assert (october.chairman, october.vice_chairman) == ("Pauline Batstone", "Katharine Garcia")
    assert october.lead_officer == "Sara Tough"
    assert october.dated == date(2017, 10, 12)


def test_october_children_and_adults_items(october):
    assert _topics(october, "Items relating to Children") == [
        "Child Protection", "Child Sexual Exploitation and missing children",
        "SEN Improvement Plan", "Elective Home Education and attendance"]
    assert _topics(october, "Items relating to Adults") == [
        "Neglect", "Deprivation of liberty", "Making safeguarding personal", "Rogue Trading"]


def test_october_work_in_progress_notes(october):
    progress = [i for i in october.items if i.category == "Work in Progress"]
    assert [(i.topic, i.note) for i in progress] == [
        ("Domestic Abuse", "Agenda item 05/10/16, update 19/01/17 and 15/03/17"),
        ("EHCP's", "agenda item 05/10/16, update 19/01/17, update 12/10/17")]


def test_october_scheduled_review(october):
    review = next(i for i in october.items if i.topic.startswith("Schedule a Post Scrutiny"))
    assert review.purpose.startswith("This is to proactively understand")
    assert review.note == "(May 2018)"


def test_october_forward_plan_with_page_artefact(october):
    plan = [i for i in october.items if i.category == "Forward Plan"]
    assert [i.meeting_date for i in plan] == [date(2018, 1, 18), date(2018, 3, 13),
                                              date(2018, 7, 5), date(2018, 10, 11)]
    assert plan[0].lead == "Sally Wernick/Claire Shiels Jay Mercer John Alexander"
    assert plan[1].topic == "Outcomes Focussed Monitoring Report"


# --- hand-written -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def children():
    return _hand("children-panel-three-meetings.txt")


@pytest.fixture(scope="module")
def place():
    return _hand("place-scrutiny-tabbed.txt")


@pytest.fixture(scope="module")
def health():
    return _hand("health-wp-work-in-progress.txt")


def test_children_panel_heading_and_people(children):
    assert children.committee == "Children and Young People Scrutiny Panel"
    assert (children.chairman, children.vice_chairman) == ("Anita Okafor", "Gareth Lloyd-Evans")
    assert children.lead_officer == "Helen Short"
    assert children.dated == date(2019, 9, 4)


def test_children_panel_answers_typed_under_topics(children):
    mental = next(i for i in children.items if i.topic == "Mental health support in schools")
    assert mental.prioritisation == {"q1": "yes", "q2": "yes", "q3": "no"}
    assert mental.note == "(Task group report due 091019)"
    knife = next(i for i in children.items if i.topic == "Knife crime and county lines")
    assert knife.prioritisation == {"q1": "possibly"}


def test_children_panel_questions(children):
    assert children.questions == {
        "q1": "Does the topic affect a large number of children and families?",
        "q2": "Is the topic a priority in the Council Plan?",
        "q3": "Could scrutiny add value within the time available?"}


def test_children_panel_three_forward_meetings(children):
    plan = [i for i in children.items if i.category == "Forward Plan"]
    assert sorted({i.meeting_date for i in plan}) == [
        date(2019, 10, 9), date(2019, 12, 4), date(2020, 2, 12)]
    assert plan[-1].meeting_time == time(10, 30)


def test_children_panel_cell_with_two_items_and_two_leads(children):
    plan = [i for i in children.items if i.meeting_date == date(2019, 10, 9)]
    assert [(i.topic, i.lead) for i in plan] == [
        ("Children missing education", "Cllr Okafor"),
        ("School exclusions annual report", "Helen Short"),
        ("Youth service review", "Mark Twine")]
    assert plan[0].key_lines_of_enquiry == "How quickly are children found?"
    assert plan[0].corporate_plan_reference == "Best start in life"
    assert plan[0].target_end_date == date(2020, 3, 31)


def test_place_chairs_on_one_line_and_headings(place):
    assert (place.chairman, place.vice_chairman) == ("Robert Finch", "Sally Moreno")
    assert [(i.category, i.topic) for i in place.items if i.category != "Forward Plan"] == [
        ("Items relating to Highways", "Winter gritting routes"),
        ("Items relating to Highways", "Pothole repairs"),
        ("Items relating to Environment", "Flood risk management"),
        ("Items relating to Environment", "Household recycling centres")]


def test_place_answers_on_the_topic_line(place):
    centres = next(i for i in place.items if i.topic == "Household recycling centres")
    assert centres.prioritisation == {"q1": "yes", "q2": "no"}
    assert centres.note == "(post decision scrutiny 200619)"


def test_place_forward_plan_other_column_order(place):
    plan = [i for i in place.items if i.category == "Forward Plan"]
    assert [(i.topic, i.lead, i.meeting_date, i.meeting_time) for i in plan] == [
        ("Winter gritting routes", "Alan Pike", date(2019, 5, 2), time(14, 30)),
        ("Flood risk management and the Environment Agency's capital programme", "Beth Crane",
         date(2019, 6, 27), time(14, 30)),
        ("Household recycling centres", "Alan Pike", date(2019, 9, 19), time(14, 30))]
    assert plan[0].key_lines_of_enquiry == "Are the routes reviewed each year?"
    assert plan[0].target_end_date == date(2019, 9, 30)
    assert place.lead_officer == "Alan Pike"


def test_health_forward_plan_heading_and_chair_only(health):
    assert health.committee == "Health and Wellbeing Scrutiny Committee"
    assert (health.chairman, health.vice_chairman) == ("Dr Maria Santos", "")
    assert health.dated is None


def test_health_notes_after_words(health):
    assert [(i.topic, i.note) for i in health.items if i.category == "Work in Progress"] == [
        ("Sexual health services", "Agenda item 14/11/18, update 20/02/19"),
        ("GP access", "update 17/04/19")]
    delayed = next(i for i in health.items if i.topic == "Delayed transfers of care")
    assert (delayed.category, delayed.note) == (
        "Items relating to Adults", "(being reviewed by the Joint Health Panel)")


def test_health_review_described_by_a_long_bullet(health):
    review = next(i for i in health.items if i.topic.startswith("Schedule a Post Scrutiny"))
    assert review.note == "(April 2020)"
    assert review.purpose.startswith("This is to understand whether the new service")


def test_health_forward_plan_without_times(health):
    plan = [i for i in health.items if i.category == "Forward Plan"]
    assert [(i.topic, i.lead, i.meeting_date, i.meeting_time) for i in plan] == [
        ("Dementia services", "Director of Public Health", date(2019, 7, 10), None)]


# --- errors and robustness ---------------------------------------------------------------------

def test_paper_without_heading_is_rejected():
    with pytest.raises(MalformedPaper) as err:
        parse_work_programme(Paper.from_text("Minutes\n\nPresent: all\n", "x.txt"))
    assert err.value.line == 1
    assert "Work Programme" in err.value.expected


def test_heading_without_topics_is_rejected():
    paper = Paper.from_text("Audit Committee Work Programme\n\nTo follow.\n", "wp.txt")
    with pytest.raises(MalformedPaper, match="no topics"):
        parse_work_programme(paper)


_LINES = (HAND / "children-panel-three-meetings.txt").read_text(encoding="utf-8").splitlines()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(len(_LINES))), keep=st.integers(0, len(_LINES)),
       junk=st.lists(st.text(alphabet="ab \t()|<>-:.Q1YESNO•", max_size=200), max_size=6),
       long=st.sampled_from(["", " " * 40_000, "\t" * 20_000, "- (a) " * 6_000,
                             "Q1 - YES " * 4000]))
def test_damaged_work_programmes_parse_or_raise_paper_error(order, keep, junk, long):
    lines = [_LINES[0]] + [_LINES[i] for i in order[:keep]] + junk + [long]
    with contextlib.suppress(PaperError):
        parse_work_programme(Paper.from_text("\n".join(lines), "fuzz.txt"))


def test_fixture_readme_names_every_fixture():
    readme = (HAND / "README.md").read_text(encoding="utf-8")
    for path in Path(HAND).glob("*.txt"):
        assert path.name in readme


# --- A standalone programme with a prioritisation table and TBC rows --------------------

@pytest.fixture(scope="module")
def wiltshire():
    return _hand("2020-06-work-programme-adult-social-care-scrutiny.txt")


def _item(wp, topic: str, *, dated: bool | None = None):
    found = [i for i in wp.items if i.topic == topic
             and (dated is None or (i.meeting_date is not None) == dated)]
    assert len(found) == 1, (topic, [i.topic for i in wp.items])
    return found[0]


def test_committee_above_a_programme_title_and_the_council(wiltshire):
    assert wiltshire.committee == "Health Select Committee"
    assert wiltshire.council == "Wiltshire Council"
    assert (wiltshire.chairman, wiltshire.vice_chairman) == ("Gordon King", "Johnny Kidney")
    assert wiltshire.lead_officer == "Terence Herbert"


def test_prioritisation_table_answers_each_listed_topic(wiltshire):
    assert _item(wiltshire, "Carers' support").prioritisation == {
        "q1": "yes", "q2": "yes", "q3": "yes", "q4": "possibly", "q5": "no", "q6": "yes"}
    assert _item(wiltshire, "Domiciliary care market sustainability").prioritisation["q5"] == "yes"
    answered = [i.topic for i in wiltshire.items if i.prioritisation]
    assert len(answered) == 5
    assert not [i for i in wiltshire.items if i.topic.startswith(("Topic", "Complete"))]


def test_tbc_rows_have_no_meeting_and_join_the_listed_topic(wiltshire):
    day = _item(wiltshire, "Day opportunities for adults with learning disabilities")
    assert day.meeting_date is None and day.lead == "Emma Legg"
    assert day.category == "Topics identified for possible Review"
    assert day.prioritisation["q6"] == "no"
    assert day.purpose.startswith("To review the new model")
    assert _item(wiltshire, "Adult Safeguarding Annual Report 2019-20").meeting_date is None
    assert not [i for i in wiltshire.items if i.topic == "Loneliness and Social Isolation"]
    assert _item(wiltshire, "Loneliness and social isolation").lead == "Kate Blackburn"


def test_kloe_is_the_purpose_and_month_target_end_dates(wiltshire):
    covid = _item(wiltshire, "Covid-19 Response in Adult Social Care")
    assert covid.purpose.startswith("To understand the support given to care homes")
    assert covid.key_lines_of_enquiry == covid.purpose
    assert covid.corporate_plan_reference == "Protecting the vulnerable"
    assert covid.target_end_date is None
    assert (covid.meeting_date, covid.meeting_time) == (date(2020, 7, 7), time(10, 30))
    discharge = _item(wiltshire, "Hospital Discharge and Reablement Task Group - Final Report")
    assert discharge.target_end_date == date(2020, 9, 30)
    carers = _item(wiltshire, "Carers' Support - Rapid Scrutiny Scoping")
    assert carers.target_end_date == date(2020, 12, 31)


_LISTED = """Northvale Borough Council
Adults Scrutiny Panel
Adults Work Programme 2021-22
Chair: Ann Smith

Topics identified for possible Review

- Carers' support
- Mental health crisis care

Prioritisation of topics

"""

_PLAN = """
Date of Meeting\tItem\tPurpose\tLead Officer
3 March 2022 (2.00pm)\tFirst item\tTo see the first\tAnn Officer
To be confirmed\tSecond item\tTo see the second\tBob Officer
\tthird words continued\t\t
"""


def _wp(text: str):
    return parse_work_programme(Paper.from_text(text, "variant.txt"))


@pytest.mark.parametrize("answers", [
    "Topic\tImpact on services (Q1)\tCorporate Plan (Q2)\tAdds value (Q3)\tSavings (Q4)"
    "\tDuplication (Q5)\tResources (Q6)\tOutcome\n"
    "CARERS' SUPPORT\tYES\tYES\tYES\tPOSSIBLY\tNO\tYES\tInclude (high priority)\n"
    "Mental health crisis care\tY\tY\tN\tN\tN\tY\tDo not include\n",
    "Carers' support\n\nQ1 - YES\nQ2 - YES\nQ3 - YES\nQ4 - POSSIBLY\nQ5 - NO\nQ6 - YES\n\n"
    "Mental health crisis care\n\nQ1 - YES\nQ2 - YES\nQ3 - NO\nQ4 - NO\nQ5 - NO\nQ6 - YES\n",
    "Carers' support: Q1 Yes, Q2 Yes, Q3 Yes, Q4 Possibly, Q5 No, Q6 Yes\n"
    "Mental health crisis care: Q1 Yes, Q2 Yes, Q3 No, Q4 No, Q5 No, Q6 Yes\n",
], ids=["named-columns", "answer-lines", "inline"])
def test_prioritisation_layouts(answers):
    wp = _wp(_LISTED + answers)
    assert (wp.committee, wp.council) == ("Adults Scrutiny Panel", "Northvale Borough Council")
    carers = _item(wp, "Carers' support")
    assert carers.prioritisation == {
        "q1": "yes", "q2": "yes", "q3": "yes", "q4": "possibly", "q5": "no", "q6": "yes"}
    assert _item(wp, "Mental health crisis care").prioritisation["q3"] == "no"
    assert len(wp.items) == 2


def test_a_topic_answered_but_not_listed_is_kept():
    wp = _wp(_LISTED + "Topic\tQ1\tQ2\tQ3\tQ4\tQ5\tQ6\nRespite care\tYes\tYes\tYes\tYes\tNo\tYes\n")
    assert _item(wp, "Respite care").prioritisation["q6"] == "yes"


def test_undated_row_after_a_dated_one_takes_no_meeting_and_a_purpose_column():
    wp = _wp(_LISTED + _PLAN)
    first, second = _item(wp, "First item"), _item(wp, "Second item third words continued")
    assert first.meeting_date == date(2022, 3, 3) and first.purpose == "To see the first"
    assert second.meeting_date is None and second.lead == "Bob Officer"
    assert second.purpose == "To see the second" and second.key_lines_of_enquiry == ""


@pytest.mark.django_db
def test_export_carries_the_key_lines_of_enquiry_and_the_answers():
    from scrutinydesk.api.exports import workprogramme
    from scrutinydesk.ingest.services import import_path

    import_path(FIXTURES / "papers" / "work_programme"
                / "2020-06-work-programme-adult-social-care-scrutiny.txt")
    rows = {r["topic"]: r for r in workprogramme()}
    covid = rows["Covid-19 Response in Adult Social Care"]
    assert covid["key_lines_of_enquiry"].startswith("To understand the support given to care homes")
    carers = rows["Carers' support"]
    assert carers["prioritisation"]["q4"] == "possibly" and carers["priority"] == "high"
