"""The Outcomes Focused Monitoring Report of October 2017 (agenda item 10 of the pack of
12 October 2017, samples/2017-10-12-safeguarding-scrutiny-agenda-pack.txt).

The conversion is badly garbled: each indicator page came out as three text columns
("DORSET  DORSET  COMPARATOR") interleaved with chart axis numbers and a neighbouring
column of risks. What the text allows, and these tests expect:

* SAFE 01, 02 and 04 have no "SAFE: 0N" heading; they are found from their column headers
  and identified through the contents list (04's chart caption says "03:").
* Latest value, period and unit; trend word; benchmark comparator, word, value and period
  can be read down the columns for 01-05 and 07. SAFE 01's trend column says only "Please
  refer to the text in bold", so it has no trend. No RAG letter survives anywhere.
* SAFE 06's figures are scattered through one run-on line and are not read (no values are
  invented from its story); its heading, lead officers, story and partners are read.
* Risk tables are clean (rows broken over two lines are mended); the risk titles repeated
  in the chart columns are not read again.
* Measures survive only as titles with "TO FOLLOW" / "UNDER DEVELOPMENT", or as a title
  alone where the chart took the figure (SAFE 05).
"""

from datetime import date
from decimal import Decimal

import pytest

from scrutinydesk.ingest.parsers.monitoring_report import parse_monitoring_report
from scrutinydesk.ingest.text import Paper
from tests.conftest import sample_text

PACK = "2017-10-12-safeguarding-scrutiny-agenda-pack.txt"


@pytest.fixture(scope="module")
def pack() -> Paper:
    return Paper.from_text(sample_text(PACK), name=PACK)


@pytest.fixture(scope="module")
def report(pack):
    subject = next(ln.number for ln in pack.lines
                   if ln.text.startswith("Subject of Report\tOutcomes Focused Monitoring"))
    start = max(ln.number for ln in pack.lines if ln.number < subject
                and ln.text == "Safeguarding Overview and Scrutiny Committee")
    end = next(ln.number for ln in pack.lines if ln.number > subject
               and ln.text == "This page is intentionally left blank")
    return parse_monitoring_report(pack.slice(start, end))


def _ind(report, number):
    found = [i for i in report.indicators if i.number == number]
    assert len(found) == 1
    return found[0]


def test_edition_outcome_and_sponsor(report):
    assert (report.outcome, report.edition, report.sponsor) == (
        "Safe", date(2017, 10, 1), "Sara Tough")
    assert report.sponsor_title == ""
    assert report.title == "Outcomes Focused Monitoring Report - October 2017"


def test_no_executive_summary_so_no_counts_or_focus(report):
    """This edition has no executive summary: nothing is stated, nothing is suggested."""
    assert (report.stated_indicator_count, report.stated_measure_count,
            report.stated_risk_count) == (None, None, None)
    assert report.focus == []


def test_contents(report):
    assert ("01: Rate of children subject to a child protection plan", "3") in report.contents
    assert report.contents[-1] == (
        "07: Number of people killed or seriously injured on Dorset's roads", "10")
    assert len(report.contents) == 9


def test_seven_indicators_in_order(report):
    assert [i.code for i in report.indicators] == [f"SAFE: 0{n}" for n in range(1, 8)]


def test_pages_without_heading_take_their_title_from_the_contents(report):
    assert _ind(report, 1).title == "Rate of children subject to a child protection plan"
    assert _ind(report, 2).title == "Rate of children in care"
    assert _ind(report, 4).title == "The rate of children who are persistent absentees from school"


def test_headings_broken_over_cells_are_mended(report):
    safe05 = _ind(report, 5)
    assert safe05.title == "The number of adult safeguarding concerns"
    assert (safe05.outcome_lead_officers, safe05.lead_officers) == (
        ["Patrick Myers"], ["Sally Wernick"])


def test_lead_officer_recovered_from_a_column_header(report):
    """SAFE 01's outcome lead is cut to "trick Myers" by the columns; only the indicator
    lead is whole."""
    assert _ind(report, 1).lead_officers == ["Claire Shiels"]
    assert _ind(report, 1).outcome_lead_officers == []


def test_safe01_values(report):
    safe01 = _ind(report, 1)
    assert (safe01.latest.value, safe01.latest.period_text, safe01.latest.unit_text) == (
        Decimal("51"), "March 2017", "per 10,000")
    assert safe01.trend is None  # "Please refer to the text in bold"
    bench = safe01.benchmark
    assert (bench.comparator, bench.word, bench.value, bench.rag) == (
        "England", "worse", Decimal("43.1"), "")


def test_safe02_values(report):
    safe02 = _ind(report, 2)
    assert (safe02.latest.value, safe02.latest.unit_text) == (Decimal("62"), "per 10,000")
    assert safe02.trend.word == "improving"
    assert (safe02.benchmark.comparator, safe02.benchmark.value) == ("South West", Decimal("53"))


def test_safe03_values(report):
    safe03 = _ind(report, 3)
    assert (safe03.latest.value, safe03.latest.period_text) == (Decimal("115.3"), "2015-16")
    assert (safe03.trend.printed_word, safe03.trend.word) == ("IMPROVING", "improving")
    bench = safe03.benchmark
    assert (bench.comparator, bench.printed_word, bench.value, bench.period_text) == (
        "England", "WORSE", Decimal("104.2"), "2015-16")


def test_safe04_values(report):
    safe04 = _ind(report, 4)
    assert (safe04.latest.value, safe04.latest.unit_text, safe04.latest.period_text) == (
        Decimal("11"), "%", "2016")
    assert safe04.trend.word == "no_trend"
    assert (safe04.benchmark.word, safe04.benchmark.value) == ("similar", Decimal("10.7"))


def test_safe05_values(report):
    safe05 = _ind(report, 5)
    assert (safe05.latest.value, safe05.latest.period_text) == (Decimal("901"), "Q1 2017-18")
    assert [(v.period_text, v.value) for v in safe05.other_values] == [
        ("2016-17", Decimal("3553"))]
    assert safe05.trend.word == "improving"
    assert safe05.benchmark.no_data and safe05.benchmark.value is None


def test_safe06_figures_are_not_invented(report):
    safe06 = _ind(report, 6)
    assert safe06.title == "Rates of crime, antisocial behaviour and domestic abuse in Dorset"
    assert safe06.latest is None and safe06.trend is None and safe06.benchmark is None
    assert safe06.story.startswith("DOMESTIC ABUSE CRIMES – 483 crimes in Q1")
    assert safe06.lead_officers == ["Andy Frost"]


def test_safe07_values_and_target(report):
    safe07 = _ind(report, 7)
    assert (safe07.latest.value, safe07.latest.period_text) == (Decimal("245"), "QTR 2 2016")
    assert safe07.trend.word == "improving"
    assert safe07.benchmark.no_data
    assert safe07.target_text == "Target - 40% reduction against the 2005-09 average by 2020"


def test_risk_14b_under_safe01(report):
    risk = next(r for r in _ind(report, 1).risks if r.code == "14b")
    assert (risk.level, risk.trend) == ("high", "unchanged")
    assert len(_ind(report, 1).risks) == 4


def test_risk_01d_under_safe02_mended_and_not_repeated(report):
    risks = _ind(report, 2).risks
    assert [r.code for r in risks] == ["01d", "02c"]
    assert risks[0].level == "high"
    assert risks[0].title.endswith("budget for children in care")


def test_risk_rows_split_over_lines(report):
    risks = {r.code: r for r in _ind(report, 5).risks}
    assert risks["03e"].title == ("Failure to meet primary statutory and legal care duties - "
                                  "Adult Safeguarding")
    assert (risks["03e"].trend_text, risks["03e"].trend) == ("UNCHANGED", "unchanged")
    assert risks["14c"].title.endswith("Adult & Community Services Directorate")


def test_risk_without_score_is_kept_without_one(report):
    risks = _ind(report, 7).risks
    assert [(r.code, r.level, r.trend) for r in risks] == [("09b", "", "")]


def test_measures_recoverable(report):
    assert [(m.title, m.latest[0].status) for m in _ind(report, 3).measures] == [
        ("Number of children centre registrations (universal offer of advice)", "to_follow")]
    assert _ind(report, 7).measures[0].latest[0].status == "under_development"
    safe05 = _ind(report, 5).measures
    assert [m.title for m in safe05] == [
        "Proportion of people who use services who say that those services have made them "
        "feel safe and secure"]
    assert safe05[0].latest == []


def test_stories_and_partners(report):
    safe01 = _ind(report, 1)
    assert safe01.story.startswith("When there is a continuing risk of harm")
    assert "The latest data on child protection" in safe01.story
    assert _ind(report, 2).partners.startswith("The following partners will be critical")


def test_story_stops_before_the_appendix(report):
    assert "Adult Social Care Finance Return" not in _ind(report, 7).story


def test_unassigned_risks_come_before_the_pages(report):
    assert [r.code for r in report.unassigned_risks] == [
        "04a", "04l", "04o", "05b", "04b", "04d", "06d"]
    assert report.unassigned_risks[3].trend_text == "IMPROVED"


def test_legend(report):
    assert report.key["LOW"] == "Low level risk in the Corporate Risk Register"
    assert report.key["WORSENING"] == \
        "Performance trendline is worse than the previous data submission"
    assert len(report.key) == 6


def test_whole_pack_reads_the_same_report(pack, report):
    whole = parse_monitoring_report(pack)
    assert [(i.code, i.latest, i.trend, i.benchmark) for i in whole.indicators] == \
        [(i.code, i.latest, i.trend, i.benchmark) for i in report.indicators]
