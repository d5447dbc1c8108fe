"""Hand-written reports for other outcomes, councils and layouts
(tests/fixtures/papers/monitoring_report/, see its README.md), each parsed once."""

from datetime import date
from decimal import Decimal

import pytest

from scrutinydesk.ingest.parsers.monitoring_report import parse_monitoring_report
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES

HERE = FIXTURES / "papers" / "monitoring_report"


def _parse(name):
    return parse_monitoring_report(
        Paper.from_text((HERE / name).read_text(encoding="utf-8"), name=name))


@pytest.fixture(scope="module")
def healthy():
    return _parse("healthy-2019-07.txt")


@pytest.fixture(scope="module")
def independent():
    return _parse("independent-2018-10.txt")


@pytest.fixture(scope="module")
def prosperous():
    return _parse("prosperous-2020-01.txt")


@pytest.fixture(scope="module")
def avonshire():
    return _parse("safe-2021-05.txt")


def _n(report, number):
    (found,) = [i for i in report.indicators if i.number == number]
    return found


# --- Healthy, July 2019 ---------------------------------------------------------------

def test_healthy_report(healthy):
    assert (healthy.outcome, healthy.edition, healthy.code_prefix) == (
        "Healthy", date(2019, 7, 1), "HEALTHY")
    assert (healthy.sponsor, healthy.sponsor_title) == ("Amira Haddad",
                                                        "Director of Public Health")
    assert healthy.cover is None


def test_healthy_counts_and_indicators(healthy):
    assert (healthy.stated_indicator_count, healthy.stated_measure_count,
            healthy.stated_risk_count) == (4, 9, 3)
    assert [i.code for i in healthy.indicators] == ["HEALTHY: 01", "HEALTHY 02", "HEALTHY: 03",
                                                    "HEALTHY: 04"]


def test_healthy_contents_with_leaders(healthy):
    assert healthy.contents[1] == ("01: Life expectancy at birth (female)", "3")
    assert len(healthy.contents) == 6


def test_healthy_focus_in_columns(healthy):
    assert [(f.kind, f.text) for f in healthy.focus] == [
        ("indicator", "Percentage of physically active adults"),
        ("measure", "Number of health checks delivered"),
        ("risk", "12a - Failure to commission effective public health services"),
        ("indicator", "Smoking prevalence in adults"),
        ("measure", "Smoking quitters at 4 weeks")]


def test_healthy_years_and_three_year_trend(healthy):
    first = _n(healthy, 1)
    assert (first.latest.value, first.latest.unit_text, first.latest.period_text) == (
        Decimal("84.1"), "years", "2015-17")
    assert (first.trend.word, first.trend.over_text, first.trend.rag) == (
        "improving", "3 year", "green")
    assert (first.benchmark.word, first.benchmark.rag) == ("higher", "green")


def test_healthy_markdown_series(healthy):
    series = _n(healthy, 1).series
    assert [(s.name, s.is_comparator) for s in series] == [
        ("Wessex", False), ("England", True), ("South West", True)]
    assert series[0].points[-1] == ("2015-17", Decimal("84.1"))
    assert len(series[2].points) == 4


def test_healthy_story_with_dash_and_paragraphs(healthy):
    first = _n(healthy, 1)
    assert first.story.startswith("Female life expectancy in Wessex")
    assert first.story.endswith("is 6.2 years.")
    assert first.partners.startswith("the NHS, district councils")
    assert first.what_we_are_doing.endswith("reaching the most deprived wards first.")


def test_healthy_previous_measure_value(healthy):
    (measure,) = _n(healthy, 1).measures
    assert [(v.value, v.period_text) for v in measure.previous] == [
        (Decimal("44.0"), "Q3 18-19")]


def test_healthy_value_for_money_text(healthy):
    assert _n(healthy, 1).value_for_money.startswith("£21.40 spend per head on public health")


def test_heading_without_colon_and_wrapped_title(healthy):
    second = _n(healthy, 2)
    assert second.title == ("Percentage of physically active adults (150+ minutes of moderate "
                            "activity a week)")
    assert second.lead_officers == ["Tom Willis"]


def test_missing_comparator(healthy):
    second = _n(healthy, 2)
    assert second.benchmark is None
    assert (second.trend.printed_word, second.trend.word, second.trend.rag) == (
        "Worsening", "worsening", "red")


def test_html_series_with_percentages(healthy):
    series = _n(healthy, 2).series
    assert [s.name for s in series] == ["Wessex", "England"]
    assert series[1].points == [("2015-16", Decimal("65.9")), ("2016-17", Decimal("66.0")),
                                ("2017-18", Decimal("66.3"))]
    assert {s.unit_text for s in series} == {"%"}


def test_male_female_breakdowns(healthy):
    measure = _n(healthy, 2).measures[0]
    assert [(v.breakdown, v.value) for v in measure.latest] == [
        ("Male", Decimal("67.0")), ("Female", Decimal("62.7"))]


def test_unknown_trend_word_is_kept(healthy):
    third = _n(healthy, 3)
    assert (third.trend.printed_word, third.trend.word, third.trend.rag) == ("FLUCTUATING", "",
                                                                             "amber")
    assert third.latest.unit_text == "per 100,000"
    assert third.lead_officers == ["Rachel Partridge", "Omar Idris"]
    assert (third.benchmark.word, third.benchmark.rag) == ("lower", "green")


def test_new_indicator_no_trend_and_money(healthy):
    fourth = _n(healthy, 4)
    assert (fourth.trend.printed_word, fourth.trend.word) == ("no trend", "no_trend")
    spend = fourth.measures[1].latest[0]
    assert (spend.value, spend.unit_text) == (Decimal("312000"), "£")


def test_legend_with_rag_letters(healthy):
    assert healthy.key["G"] == "Better than the comparator or on track"
    assert len(healthy.key) == 9
    assert [r.code for r in healthy.unassigned_risks] == ["12b", "12c"]


# --- Independent, October 2018 (three-column layout) ----------------------------------

def test_independent_report(independent):
    assert (independent.outcome, independent.edition, independent.sponsor) == (
        "Independent", date(2018, 10, 1), "Helen Marsh")
    assert independent.focus == [] and independent.stated_indicator_count is None


def test_independent_pages_found_without_headings(independent):
    assert [(i.code, i.title) for i in independent.indicators] == [
        ("INDEPENDENT: 01", "Proportion of older people still at home 91 days after discharge "
                            "from hospital"),
        ("INDEPENDENT: 02", "Delayed transfers of care from hospital per 100,000 population"),
        ("INDEPENDENT: 03", "Proportion of adults with a learning disability in paid "
                            "employment")]


def test_independent_values_split_over_lines(independent):
    first = _n(independent, 1)
    assert (first.latest.value, first.latest.period_text) == (Decimal("84.5"), "Q1 2018-19")
    assert first.trend.word == "worsening"
    bench = first.benchmark
    assert (bench.comparator, bench.word, bench.value, bench.period_text) == (
        "CIPFA neighbours", "better", Decimal("81.9"), "2017-18")
    assert first.lead_officers == ["Omar Idris"]


def test_independent_caption_with_wrong_number(independent):
    second = _n(independent, 2)
    assert (second.latest.value, second.latest.unit_text, second.latest.period_text) == (
        Decimal("9.6"), "per 100,000 population", "July 2018")
    assert second.benchmark.no_data


def test_independent_heading_and_columns_on_one_page(independent):
    third = _n(independent, 3)
    assert third.outcome_lead_officers == ["Helen Marsh"]
    assert (third.trend.word, third.benchmark.word, third.benchmark.value) == (
        "unchanged", "similar", Decimal("5.9"))
    assert third.measures[0].latest[0].status == "under_development"


def test_independent_risks(independent):
    assert [(r.code, r.level, r.trend) for r in independent.unassigned_risks] == [
        ("03a", "high", "unchanged"), ("14c", "medium", "improving")]
    assert independent.unassigned_risks[1].title.endswith("Community Services Directorate")
    assert [r.code for r in _n(independent, 1).risks] == ["03a"]


def test_independent_measure_value_on_next_line(independent):
    (measure,) = _n(independent, 1).measures
    assert (measure.latest[0].value, measure.latest[0].period_text) == (Decimal("312"),
                                                                        "Q1 18-19")


# --- Prosperous, January 2020 ---------------------------------------------------------

def test_prosperous_count_larger_than_pages(prosperous):
    assert prosperous.stated_indicator_count == 5
    assert len(prosperous.indicators) == 4
    assert prosperous.sponsor_title == "Executive Director, Place"


def test_prosperous_bold_headings(prosperous):
    assert _n(prosperous, 1).title == "Claimant count rate"
    assert _n(prosperous, 3).lead_officers == ["Ade Okafor"]


def test_prosperous_monthly_values(prosperous):
    first = _n(prosperous, 1)
    assert (first.latest.period_text, first.previous.period_text) == ("December 2019",
                                                                      "November 2019")
    assert (first.benchmark.comparator, first.benchmark.period_text) == (
        "Great Britain", "December 2019")


def test_prosperous_html_table_down(prosperous):
    series = _n(prosperous, 1).series
    assert [s.name for s in series] == ["Dorset", "South West", "Great Britain"]
    assert series[2].points[0] == ("Oct 2019", Decimal("2.9"))
    assert [s.is_comparator for s in series] == [False, True, True]


def test_prosperous_pounds(prosperous):
    second = _n(prosperous, 2)
    assert (second.latest.value, second.latest.unit_text) == (Decimal("538.20"), "£")
    assert (second.benchmark.value, second.benchmark.value_text) == (Decimal("591.90"),
                                                                     "£591.90")
    assert [s.unit_text for s in second.series] == ["£", "£"]


def test_prosperous_to_follow_and_no_data(prosperous):
    third = _n(prosperous, 3)
    assert (third.latest.value, third.latest.status, third.latest.period_text) == (
        None, "to_follow", "2019-20")
    assert third.benchmark.no_data and third.benchmark.comparator == "South West"
    assert third.trend is None


def test_prosperous_gap_in_a_series(prosperous):
    dorset = _n(prosperous, 3).series[0]
    assert dorset.points[2] == ("2017", None)
    assert len(dorset.points) == 4


def test_prosperous_paragraphs(prosperous):
    first = _n(prosperous, 1)
    assert first.story.count("\n\n") == 2
    assert first.what_we_are_doing.count("\n\n") == 1


def test_prosperous_focus(prosperous):
    assert [(f.kind, f.text) for f in prosperous.focus] == [
        ("indicator", "Median gross weekly earnings of full-time workers"),
        ("risk", "21a – Failure to secure external funding for strategic economic "
                 "infrastructure")]


def test_prosperous_key_lines(prosperous):
    assert prosperous.key["NEW"] == "Risk added to the Corporate Risk Register since the " \
                                    "previous report"
    assert len(prosperous.key) == 4
    assert _n(prosperous, 1).risks[0].trend == "new"


# --- Another council's Safe report, May 2021 ------------------------------------------

def test_avonshire_title_edition_and_outcome(avonshire):
    assert avonshire.title == "Outcomes Monitoring Report, May 2021"
    assert (avonshire.outcome, avonshire.edition) == ("Safe", date(2021, 5, 1))
    assert (avonshire.sponsor, avonshire.sponsor_title) == (
        "Mark Ellison", "Corporate Director for People")


def test_avonshire_headings_with_lead_officer_in_brackets(avonshire):
    assert [(i.code, i.title, i.lead_officers) for i in avonshire.indicators] == [
        ("SAFE 01", "Rate of children looked after", ["Jo Bloggs"]),
        ("SAFE 02", "Number of domestic abuse incidents reported to the police",
         ["Priya Shah"])]


def test_avonshire_as_at_period_and_unit(avonshire):
    latest = _n(avonshire, 1).latest
    assert (latest.period_text, latest.unit_text) == ("as at 31 March 2021",
                                                      "per 10,000 children")


def test_avonshire_trend_with_colon(avonshire):
    assert (_n(avonshire, 1).trend.word, _n(avonshire, 2).trend.printed_word,
            _n(avonshire, 2).trend.word) == ("improving", "Worsened", "worsening")


def test_avonshire_value_before_word_and_unknown_word(avonshire):
    first, second = _n(avonshire, 1).benchmark, _n(avonshire, 2).benchmark
    assert (first.value, first.word) == (Decimal("67"), "better")
    assert (second.comparator, second.printed_word, second.word, second.value) == (
        "Most similar forces", "ABOVE", "", Decimal("5870"))


def test_avonshire_measure_and_risk_on_one_line(avonshire):
    (measure,) = _n(avonshire, 1).measures
    assert (measure.latest[0].value, measure.latest[0].period_text) == (Decimal("9.8"),
                                                                        "Q4 20-21")
    (risk,) = _n(avonshire, 1).risks
    assert (risk.code, risk.title, risk.level, risk.trend) == (
        "R12", "Placement sufficiency for children with complex needs", "high", "unchanged")


def test_avonshire_key(avonshire):
    assert avonshire.key == {"HIGH": "High level risk in the Corporate Risk Register",
                             "G": "Better than the comparator",
                             "R": "Worse than the comparator"}
