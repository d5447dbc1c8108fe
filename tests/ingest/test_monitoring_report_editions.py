"""A hand-written "next edition" of the Safe report (April 2018,
tests/fixtures/papers/monitoring_report/safe-2018-04.txt) in the January 2018 layout, with
indicators renumbered and new periods, read field by field and set beside January's."""

from datetime import date
from decimal import Decimal

import pytest

from scrutinydesk.ingest.parsers.monitoring_report import parse_monitoring_report
from scrutinydesk.ingest.text import Paper
from scrutinydesk.outcomes.titles import normalise_title
from tests.conftest import FIXTURES, sample_text

APRIL = FIXTURES / "papers" / "monitoring_report" / "safe-2018-04.txt"


@pytest.fixture(scope="module")
def paper() -> Paper:
    return Paper.from_text(APRIL.read_text(encoding="utf-8"), name=APRIL.name)


@pytest.fixture(scope="module")
def report(paper):
    return parse_monitoring_report(paper)


@pytest.fixture(scope="module")
def january():
    name = "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
    return parse_monitoring_report(Paper.from_text(sample_text(name), name=name))


def _ind(report, code, title=None):
    found = [i for i in report.indicators if i.code == code and (title is None
                                                                 or i.title == title)]
    assert len(found) == 1
    return found[0]


def test_edition_and_outcome(report):
    assert (report.outcome, report.edition, report.code_prefix) == (
        "Safe", date(2018, 4, 1), "SAFE")
    assert report.title == "Outcomes Focused Monitoring Report April 2018"


def test_counts_differ_from_january(report, january):
    assert (report.stated_indicator_count, report.stated_measure_count,
            report.stated_risk_count) == (10, 19, 12)
    assert january.stated_measure_count != report.stated_measure_count


def test_cover_sheet(report):
    pytest.importorskip("scrutinydesk.ingest.parsers.coversheet")
    assert report.cover is not None
    assert report.cover.date_of_meeting == date(2018, 4, 24)


def test_focus_reasons_from_a_summary_cell_continued_on_the_next_line(report):
    reasons = {f.text: f.reason for f in report.focus}
    assert reasons["Domestic Abuse Crimes"].endswith(
        "whether the rise reflects better recording or more offending.")
    assert reasons["The number of adult safeguarding concerns"].startswith(
        "The number of concerns rose again in Q3 2017-18")
    assert reasons["Number of children centre registrations"] == ""


def test_renumbered_indicators_keep_their_titles(report, january):
    """Absentees moved from SAFE 04 to SAFE 03, hospital admissions from 03 to 04: the codes
    are as printed, the titles let a loader match them across editions."""
    april = {normalise_title(i.title): i.code for i in report.indicators}
    jan = {normalise_title(i.title): i.code for i in january.indicators}
    absentees = normalise_title("The rate of children who are persistent absentees from school")
    hospital = normalise_title("Number of children being admitted to hospital due to injury "
                               "(aged 0 to 14 years)")
    assert (jan[absentees], april[absentees]) == ("SAFE: 04", "SAFE: 03")
    assert (jan[hospital], april[hospital]) == ("SAFE: 03", "SAFE: 04")
    assert set(april) == set(jan)


def test_indicator_count(report):
    assert len(report.indicators) == 10


def test_wrapped_heading_over_a_blank_line(report):
    safe04 = _ind(report, "SAFE: 04")
    assert safe04.title.endswith("(aged 0 to 14 years)")
    assert safe04.lead_officers == ["David Lemon"]


def test_latest_and_previous(report):
    safe01 = _ind(report, "SAFE: 01")
    assert (safe01.latest.value, safe01.latest.period_text) == (Decimal("41.2"), "Q3 17-18")
    assert (safe01.previous.value, safe01.previous.period_text, safe01.previous.unit_text) == (
        Decimal("39.8"), "Q2 17-18", "per 10,000")


def test_trend_improved_with_rag_on_its_own_line(report):
    trend = _ind(report, "SAFE: 01").trend
    assert (trend.printed_word, trend.word, trend.rag) == ("IMPROVED", "improving", "green")


def test_benchmark_statistical_neighbours_with_period(report):
    bench = _ind(report, "SAFE: 01").benchmark
    assert (bench.comparator, bench.word, bench.value, bench.period_text, bench.rag) == (
        "Statistical Neighbours", "similar", Decimal("40.6"), "2016-17", "amber")


def test_series_across(report):
    series = {s.name: s for s in _ind(report, "SAFE: 01").series}
    assert list(series) == ["Dorset", "England", "Statistical neighbours"]
    assert series["Dorset"].points[0] == ("2013-14", Decimal("47.1"))
    assert [p for p, _ in series["England"].points] == ["2013-14", "2014-15", "2015-16",
                                                        "2016-17"]
    assert [s.is_comparator for s in series.values()] == [False, True, True]
    assert {s.unit_text for s in series.values()} == {"per 10,000"}


def test_series_down(report):
    (series,) = _ind(report, "SAFE: 05").series
    assert series.name == "Dorset" and not series.is_comparator
    assert series.points == [("Q4 2016-17", Decimal("1004")), ("Q1 2017-18", Decimal("901")),
                             ("Q2 2017-18", Decimal("960")), ("Q3 2017-18", Decimal("1012"))]


def test_lower_case_trend_word(report):
    trend = _ind(report, "SAFE: 03").trend
    assert (trend.printed_word, trend.word) == ("improving", "improving")


def test_safe05_worsening_rag_alone_and_comparator_value(report):
    safe05 = _ind(report, "SAFE: 05")
    assert (safe05.trend.word, safe05.trend.rag) == ("worsening", "red")
    assert (safe05.benchmark.value, safe05.benchmark.rag) == (Decimal("717"), "red")
    assert safe05.latest.value == Decimal("1012")


def test_measure_to_follow(report):
    (measure,) = _ind(report, "SAFE: 04").measures
    assert [(v.status, v.value) for v in measure.latest] == [("to_follow", None)]


def test_measure_under_development_in_html_cell(report):
    measure = _ind(report, "SAFE: 07").measures[2]
    assert measure.title == "% road safety schemes achieving scheme objectives"
    assert measure.latest[0].status == "under_development"


def test_parts_over_a_continued_page(report):
    parts = [i for i in report.indicators if i.code == "SAFE: 06"]
    assert [p.title for p in parts] == ["Total Crime", "Total Anti- Social Behaviour",
                                        "Domestic Abuse Incidents", "Domestic Abuse Crimes"]
    assert parts[1].trend.word == "improving"
    assert parts[3].latest.value == Decimal("641")
    assert parts[3].ref.page == 79 and parts[0].ref.page == 78


def test_risk_table_one_cell_per_line(report):
    (risk,) = _ind(report, "SAFE: 06", "Total Crime").risks
    assert (risk.code, risk.level, risk.trend) == ("06d", "low", "unchanged")


def test_risk_trend_new(report):
    cyber = next(r for r in report.unassigned_risks if r.code == "07c")
    assert (cyber.level, cyber.trend) == ("high", "new")
    assert len(report.unassigned_risks) == 5


def test_target(report):
    assert _ind(report, "SAFE: 07").target_text == \
        "Target - 40% reduction against the 2005-09 average by 2020"


def test_appendix_after_contact_is_not_read(report):
    codes = {r.code for i in report.indicators for r in i.risks} | {
        r.code for r in report.unassigned_risks}
    assert "99z" not in codes


def test_pages_from_footers(report):
    assert [i.ref.page for i in report.indicators if i.code != "SAFE: 06"] == [
        73, 74, 75, 76, 77, 80]
    assert report.ref.page == 72


def test_key_january_layout(report):
    assert len(report.key) == 6
    assert report.key["UNCHANGED"] == \
        "Performance trendline remains unchanged since previous data submission"
