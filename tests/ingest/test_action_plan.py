"""Action plans: the SEND Written Statement of Action (October 2017 pack), the social worker
Recruitment and Retention Plan (January 2018 pack) and hand-written plans in other layouts."""

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers.action_plan import (
    find_action_tables,
    looks_like_action_plan,
    parse_action_plan,
)
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

HAND = FIXTURES / "papers" / "action_plan"


def _between(name: str, first: str, stop: str) -> Paper:
    """The lines of a sample from the one starting with ``first`` up to the one starting
    with ``stop``, as a paper (line numbers kept)."""
    paper = Paper.from_text(sample_text(name), name)
    a = next(ln.number for ln in paper if ln.text.startswith(first))
    b = next(ln.number for ln in paper if ln.number > a and ln.text.startswith(stop))
    return paper.slice(a, b)


def _hand(name: str) -> Paper:
    return Paper.from_text((HAND / name).read_text(encoding="utf-8"), name)


@pytest.fixture(scope="module")
def wsoa():
    return parse_action_plan(_between("2017-10-12-safeguarding-scrutiny-agenda-pack.txt",
                                      "Dorset Local Area Written Statement of Action",
                                      "Appendix 1: Glossary"))


@pytest.fixture(scope="module")
def recruitment():
    return parse_action_plan(_between("2018-01-30-safeguarding-scrutiny-agenda-pack.txt",
                                      "Social Worker Recruitment and Retention Plan",
                                      "*List of area educational institutions"))


def _action(plan, priority: str, number: str):
    p = next(p for p in plan.priorities if p.number == priority)
    return next(a for a in p.actions if a.number == number)


# --- the SEND Written Statement of Action -------------------------------------------------

def test_wsoa_title_and_date(wsoa):
    assert wsoa.title == ("Dorset Local Area Written Statement of Action for Special "
                          "Educational Needs and Disabilities (SEND)")
    assert wsoa.published_on == date(2017, 6, 23)
    assert wsoa.summary.startswith("Between 23 January and 27 January 2017, Ofsted")


def test_wsoa_priorities_of_both_sections(wsoa):
    # section 2 numbers its priorities 1-4; section 4 groups improvements by outcome
    assert [p.number for p in wsoa.priorities] == [
        "1", "2", "3", "4", "Outcome 1", "Outcome 2", "Outcome 3", "Outcome 4"]


def test_wsoa_priority_titles(wsoa):
    titles = {p.number: p.title for p in wsoa.priorities}
    assert titles["1"] == "The development of an education, health and care joint strategy for SEND"
    assert titles["2"] == ""  # no heading is printed for priority 2
    assert titles["3"] == ("Involving children, young people and their families in developing "
                           "our provision and services")
    assert titles["4"] == "Improving the monitoring and quality assurance"
    assert titles["Outcome 1"] == ("A single system working together across education, health "
                                   "and social care for joint outcomes")
    assert titles["Outcome 2"].startswith("Getting it right first time")


def test_wsoa_high_priority_action_counts(wsoa):
    counts = {p.number: len(p.actions) for p in wsoa.priorities}
    assert [counts[n] for n in ("1", "2", "3", "4")] == [4, 10, 8, 6]


def test_wsoa_additional_improvements_are_read(wsoa):
    outcomes = [p for p in wsoa.priorities if p.number.startswith("Outcome")]
    assert all(len(p.actions) >= 5 for p in outcomes)
    numbered = [a.number for p in outcomes for a in p.actions if a.number]
    assert numbered[:3] == ["1.1", "1.2", "1.5"]


def test_wsoa_action_numbers_in_priority_two(wsoa):
    numbers = [a.number for a in wsoa.priorities[1].actions]
    # "2.10" is printed as "2N00 O" in the conversion, so it stays unnumbered
    assert numbers == [f"2.{i}" for i in range(1, 10)] + [""]


def test_wsoa_lost_numbers_are_filled_from_their_neighbours(wsoa):
    assert _action(wsoa, "2", "2.6").text.startswith("social care to")
    assert _action(wsoa, "3", "3.3").text == ("Collect feedback on service satisfaction and "
                                              "customer experience")
    assert _action(wsoa, "3", "3.7").text.startswith("Write the Dorset SEND Participation")
    assert _action(wsoa, "4", "4.2").timescale == "Sept 17"


def test_wsoa_action_1_1(wsoa):
    action = _action(wsoa, "1", "1.1")
    assert action.text == "Engage with stakeholders"
    assert action.timescale == "May to June 2017"
    assert action.due == date(2017, 6, 30)
    assert action.lead.startswith("Corporate Director of Children, Adults and Community Services")
    assert action.status == "complete"
    assert action.measures_of_success.startswith("Engagement by stakeholders")


def test_wsoa_milestone_statuses_in_the_last_column(wsoa):
    milestones = _action(wsoa, "1", "1.2").milestones
    assert [m.due_text for m in milestones] == ["Jul 17", "Jul 17", "Jun 17", "Jul 17", "Jul 17"]
    assert {m.status for m in milestones} == {"complete"}
    assert milestones[-1].text == "SEND Delivery Group established (Jul 17)"


def test_wsoa_action_2_1_milestone_and_worst_status(wsoa):
    action = _action(wsoa, "2", "2.1")
    milestone = next(m for m in action.milestones
                     if m.text == "100% conversions completed (Mar 18)")
    assert (milestone.due, milestone.status, milestone.status_text) == (
        date(2018, 3, 31), "on_target", "On target")
    assert action.milestones[0].status == "complete"
    assert action.status == "on_target"


def test_wsoa_milestone_without_year(wsoa):
    milestone = next(m for m in _action(wsoa, "1", "1.3").milestones
                     if m.text.startswith("Analysis of areas"))
    assert (milestone.due_text, milestone.due, milestone.status) == ("Aug", None, "on_target")


def test_wsoa_three_milestones_in_one_cell(wsoa):
    milestones = _action(wsoa, "3", "3.6").milestones[:3]
    assert [(m.due_text, m.status) for m in milestones] == [
        ("May 17", "complete"), ("Jun 17", "complete"), ("Sep 17", "on_target")]


def test_wsoa_milestone_split_by_a_page_break(wsoa):
    last = _action(wsoa, "2", "2.8").milestones[-1]
    assert last.text.startswith("Introduction of Dorset Care Record")
    assert last.text.endswith("health and social care (Sept 18)")
    assert last.due == date(2018, 9, 30)


def test_wsoa_milestone_range_due_at_its_end(wsoa):
    milestone = next(m for m in _action(wsoa, "4", "4.4").milestones
                     if m.text.startswith("Pilot case auditing"))
    assert (milestone.due_text, milestone.due) == ("Oct 17 – Jan 18", date(2018, 1, 31))


def test_wsoa_improvement_column_kept_in_extra(wsoa):
    first = _action(wsoa, "Outcome 1", "1.1")
    assert first.extra["Improvement"].startswith("Professionals and parents/carers work together")
    nursing = next(a for a in wsoa.priorities[4].actions
                   if a.text.startswith("We will review and redesign the Children's Community"))
    assert (nursing.number, nursing.timescale, nursing.due) == ("", "Timescale to be agreed", None)
    assert nursing.extra["Improvement"] == first.extra["Improvement"]


def test_wsoa_every_action_points_into_the_pack(wsoa):
    actions = wsoa.actions
    assert actions[0].ref.line == 510
    assert all(a.ref.line < b.ref.line for a, b in zip(actions, actions[1:], strict=False))


# --- the social worker Recruitment and Retention Plan -------------------------------------

def test_recruitment_title_and_one_unnumbered_priority(recruitment):
    assert recruitment.title == "Social Worker Recruitment and Retention Plan 2017-18"
    assert [(p.number, p.title) for p in recruitment.priorities] == [("", "")]


def test_recruitment_one_action_per_activity(recruitment):
    assert [a.text for a in recruitment.actions] == [
        "Ensure 'Our Offer' supports our aim to be an employer of choice",
        "Attend* Campus Recruiting and Career Fairs", "Develop provider partnerships",
        "Targeted Recruitment", "Placements", "Word of Mouth", "Employees as Recruiters",
        "Use our Insights to our best advantage"]
    assert {a.number for a in recruitment.actions} == {""}


def test_recruitment_columns_by_meaning(recruitment):
    action = recruitment.actions[2]
    assert action.lead == "CS Recruitment Lead"
    assert (action.timescale, action.due) == ("31.12.2017", date(2017, 12, 31))
    assert action.extra["Activity is designed to close this gap"] == (
        "Need to improve overall applicant pool")
    assert action.extra["Next Steps"] == "CS Lead to approach local providers"
    assert set(action.extra) == {"Activity is designed to close this gap", "Description",
                                 "Possible interventions", "Next Steps"}


def test_recruitment_row_without_activity_continues_the_one_before(recruitment):
    first = recruitment.actions[0]
    assert "Need to ensure we create an environment" in \
        first.extra["Activity is designed to close this gap"]
    assert first.due == date(2018, 3, 31)  # the latest date of its timeline


def test_recruitment_timeline_with_words(recruitment):
    assert recruitment.actions[5].timescale == "31.03.2018 Start Dec 2017"
    assert recruitment.actions[5].due == date(2018, 3, 31)
    assert recruitment.actions[4].due == date(2018, 1, 30)


# --- hand-written plans ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def youth():
    return parse_action_plan(_hand("youth-justice-rag-plan.txt"))


@pytest.fixture(scope="module")
def ofsted():
    return parse_action_plan(_hand("ofsted-improvement-milestones.txt"))


@pytest.fixture(scope="module")
def recovery():
    return parse_action_plan(_hand("markdown-recovery-plan.txt"))


def test_youth_plan_details(youth):
    assert youth.title == "Youth Justice Partnership Action Plan 2019-20"
    assert youth.owner == "Head of Youth Offending Service"
    assert youth.published_on == date(2020, 2, 28)
    assert youth.summary.startswith("This plan sets out what the partnership will do")


def test_youth_plan_priorities_from_headings(youth):
    assert [(p.number, p.title, len(p.actions)) for p in youth.priorities] == [
        ("1", "Reduce first time entrants", 3), ("2", "Reduce reoffending", 3)]
    assert [a.number for a in youth.actions] == ["1", "2", "3", "4", "5", "6"]


def test_youth_plan_rag_letters_and_words(youth):
    assert [(a.rag, a.status) for a in youth.actions] == [
        ("green", "on_target"), ("amber", "at_risk"), ("red", "off_target"),
        ("green", "on_target"), ("blue", "complete"), ("blue", "complete")]
    assert youth.actions[1].status_text == "A"


def test_youth_plan_by_when_owner_update(youth):
    action = youth.actions[1]
    assert (action.timescale, action.due, action.lead) == (
        "Sept 2019", date(2019, 9, 30), "Education Lead")
    assert action.progress == ("Two of five clusters trained; remaining clusters booked for "
                               "spring term.")
    assert action.milestones == []


def test_youth_plan_continuation_after_page_break(youth):
    assert youth.actions[3].text == ("Introduce trauma-informed assessments for all young "
                                     "people on court orders")
    assert youth.actions[4].due == date(2020, 1, 31)
    assert youth.actions[5].due == date(2020, 3, 31)  # "Q4 2019-20"


def test_ofsted_plan_title_date_and_priorities(ofsted):
    assert ofsted.title == "Ofsted Improvement Plan – Children in Need of Help and Protection"
    assert ofsted.published_on == date(2019, 4, 12)
    assert [(p.number, p.title) for p in ofsted.priorities] == [
        ("1", "Leadership and management"), ("2", "Timeliness of assessments")]
    assert [a.number for a in ofsted.actions] == ["1.1", "1.2", "2.1", "2.2"]


def test_ofsted_plan_worst_milestone_status(ofsted):
    action = ofsted.actions[0]
    assert [m.status for m in action.milestones] == ["complete", "complete", "at_risk"]
    assert action.status == "at_risk"
    assert action.measures_of_success == "Post filled; practice standards published"


def test_ofsted_plan_two_milestones_in_one_cell(ofsted):
    action = ofsted.actions[1]
    assert action.text == ("Refresh the quality assurance framework so that audits lead to "
                           "learning for every team")
    assert [(m.text, m.status) for m in action.milestones] == [
        ("Draft framework to Leadership Team (May 19)", "complete"),
        ("First audit cycle complete (Aug 19)", "on_target")]


def test_ofsted_plan_milestone_across_page_break(ofsted):
    action = ofsted.actions[2]
    last = action.milestones[-1]
    assert last.text.endswith("the Lead Member for Children (Jul 19)")
    assert (last.due, last.status) == (date(2019, 7, 31), "off_target")
    assert action.status == "off_target"


def test_recovery_plan_markdown_unnumbered(recovery):
    assert recovery.title == "Children's Social Care Recovery Plan"
    assert recovery.published_on == date(2021, 6, 3)
    assert recovery.owner == "Corporate Director for People"
    assert [a.text for a in recovery.actions] == [
        "Launch a social worker academy for newly qualified staff",
        "Reduce agency staff to below 15% of posts and publish the retention offer on the "
        "recruitment site",
        "Open two local children's homes",
        "Roll out the Mind of My Own app to all teams"]


def test_recovery_plan_group_and_unknown_columns(recovery):
    assert [a.extra["Objective"] for a in recovery.actions] == [
        "Stable workforce", "Stable workforce", "Better placements", "Voice of the child"]
    assert recovery.actions[2].extra["Evidence"] == "Planning decision letter"


def test_recovery_plan_rag_and_dates(recovery):
    assert [(a.rag, a.status) for a in recovery.actions] == [
        ("green", "on_target"), ("amber", "at_risk"), ("red", "off_target"),
        ("blue", "complete")]
    assert [a.due for a in recovery.actions] == [
        date(2021, 9, 30), date(2022, 3, 31), date(2021, 12, 31), date(2021, 7, 31)]
    assert recovery.actions[0].progress == "First cohort of 12 started in May."


# --- detection, errors, robustness --------------------------------------------------------

def test_find_action_tables_in_the_pack():
    paper = Paper.from_text(sample_text("2018-01-30-safeguarding-scrutiny-agenda-pack.txt"))
    assert find_action_tables(paper) == [1083]


def test_looks_like_action_plan():
    assert looks_like_action_plan(_hand("youth-justice-rag-plan.txt"))
    assert looks_like_action_plan(_hand("markdown-recovery-plan.txt"))
    assert not looks_like_action_plan(
        Paper.from_text(sample_text("2020-09-childrens-services-self-evaluation.txt")))


def test_plan_without_a_table_is_rejected():
    paper = Paper.from_text("Improvement Plan\n\nWe will do better.\n", "plan.txt")
    with pytest.raises(MalformedPaper) as err:
        parse_action_plan(paper)
    assert err.value.line == 1
    assert "Action / Timescale" in err.value.expected


_LINES = (HAND / "ofsted-improvement-milestones.txt").read_text(encoding="utf-8").splitlines()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(len(_LINES))), keep=st.integers(0, len(_LINES)),
       junk=st.lists(st.text(alphabet="ab \t()|<>-:.%12JunOct", max_size=200), max_size=6),
       long=st.sampled_from(["", "\t" * 30_000, "(Jun 17) " * 5_000,
                             "1.1\t" + "On target " * 4000]))
def test_damaged_plans_parse_or_raise_paper_error(order, keep, junk, long):
    lines = [_LINES[i] for i in order[:keep]] + junk + [long]
    with contextlib.suppress(PaperError):
        parse_action_plan(Paper.from_text("\n".join(lines), "fuzz.txt"))


def test_fixture_readme_names_every_fixture():
    readme = (HAND / "README.md").read_text(encoding="utf-8")
    for path in Path(HAND).glob("*.txt"):
        assert path.name in readme


# --- Improvement plan with a status key, "Delayed" and rows across page breaks ---------

@pytest.fixture(scope="module")
def improvement():
    name = "2020-02-07-childrens-services-improvement-plan.txt"
    return parse_action_plan(Paper.from_text((HAND / name).read_text(encoding="utf-8"), name))


def test_improvement_plan_priority_numbers_without_the_word(improvement):
    assert [p.number for p in improvement.priorities] == ["1", "2", "3"]


def test_improvement_plan_delayed_is_off_target(improvement):
    actions = {a.number: a for p in improvement.priorities for a in p.actions}
    assert (actions["1.3"].status, actions["1.3"].rag) == ("off_target", "red")
    assert (actions["1.4"].status, actions["1.4"].rag) == ("at_risk", "amber")
    delayed = [m for m in actions["2.2"].milestones if "First cohort" in m.text]
    assert [m.status for m in delayed] == ["off_target"]


def test_improvement_plan_rows_across_a_page_break_keep_both_pages(improvement):
    actions = {a.number: a for p in improvement.priorities for a in p.actions}
    assert (actions["1.4"].ref.page, actions["1.4"].ref.page_end) == (2, 3)
    assert actions["1.4"].text.endswith("for all social workers and team managers")
    assert (actions["3.2"].ref.page, actions["3.2"].ref.page_end) == (4, 5)
    assert (actions["1.1"].ref.page, actions["1.1"].ref.page_end) == (2, None)


def test_delayed_without_a_rag_column_is_red():
    text = ("Action plan\n\nPriority 4: Something\n\n"
            "Ref\tAction\tTimescale\tLead\tStatus\n"
            "4.1\tDo the thing\tMarch 2021\tA Lead\tDelayed\n"
            "4.2\tDo another\tMay 2021\tA Lead\tSome slippage\n")
    plan = parse_action_plan(Paper.from_text(text, "variant.txt"))
    assert [p.number for p in plan.priorities] == ["4"]
    # no RAG column: the colour is derived from the status (Action.rag_rating)
    assert [(a.status, a.rag) for a in plan.priorities[0].actions] == [
        ("off_target", ""), ("at_risk", "")]


EASTMOOR = FIXTURES / "papers" / "action_plan" / "eastmoor-improvement-plan-2024-04-03.html"


@pytest.fixture(scope="module", params=["html", "pdf", "docx"])
def eastmoor(request):
    from scrutinydesk.ingest.formats import read_paper
    from tests.ingest.paperbuilders import html_to_pdf, text_to_docx

    html = read_paper(EASTMOOR.read_bytes(), EASTMOOR.name)
    if request.param == "html":
        paper = html
    elif request.param == "pdf":
        paper = read_paper(html_to_pdf(EASTMOOR.read_text(encoding="utf-8")), "plan.pdf")
    else:
        paper = read_paper(text_to_docx(html.text), "plan.docx")
    return parse_action_plan(paper)


def test_eastmoor_published_line(eastmoor):
    assert eastmoor.published_on == date(2024, 4, 3)
    assert eastmoor.owner == "Director of Children's Services"


def test_eastmoor_recurring_timescale_has_no_due_date(eastmoor):
    by = {a.number: a for a in eastmoor.actions}
    assert by["1.3"].timescale == "Monthly from May 2024" and by["1.3"].due is None
    assert by["1.1"].due == date(2024, 6, 30) and by["1.4"].due == date(2025, 3, 31)
    assert by["2.3"].progress == "Not started"
