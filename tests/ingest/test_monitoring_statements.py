"""The monitoring report reader on statements and tables as other councils print them
(the unseen papers of tests/fixtures/unseen/round1)."""

from decimal import Decimal
from pathlib import Path

import pytest

from scrutinydesk.ingest.formats import read_paper
from scrutinydesk.ingest.parsers.monitoring_report import parse_monitoring_report
from scrutinydesk.ingest.parsers.monitoring_values import (
    read_benchmark,
    read_breakdowns,
    read_statement,
)

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "unseen" / "round1"


def parse(name: str):
    path = UNSEEN / name
    return parse_monitoring_report(read_paper(path.read_bytes(), path.name))


def indicator(report, code: str, title: str = ""):
    return next(i for i in report.indicators
                if i.code.replace(":", "").replace(" ", "") == code.replace(" ", "")
                and title.lower() in i.title.lower())


def figures(values):
    return [(v.breakdown, v.value, v.unit_text, v.period_text) for v in values]


# --- statements -------------------------------------------------------------------------------

def test_a_value_and_the_breakdown_printed_after_it_are_each_read():
    got = read_statement("(Q3 2018-19) 642   Female victims 507 / Male victims 135", "")
    assert figures(got) == [("", Decimal("642"), "", "Q3 2018-19"),
                            ("Female victims", Decimal("507"), "", "Q3 2018-19"),
                            ("Male victims", Decimal("135"), "", "Q3 2018-19")]


def test_a_breakdown_label_that_holds_figures_is_a_label_not_a_value():
    got = read_statement("Feb 2019 – 28 days – 85.9% / 32 hours – 95.7%", "")
    assert figures(got) == [("28 days", Decimal("85.9"), "%", "Feb 2019"),
                            ("32 hours", Decimal("95.7"), "%", "Feb 2019")]


def test_breakdown_values_take_the_unit_printed_for_them():
    got = read_statement("(2017-18) 109.3 per 10,000    Aged 0-4: 142.6 per 10,000", "")
    assert figures(got)[1] == ("Aged 0-4", Decimal("142.6"), "per 10,000", "2017-18")


def test_a_second_figure_in_other_words_is_no_breakdown():
    got = read_statement("(Q3 2018-19) 5,480 crimes for the quarter equating to 12.6 per 1,000", "")
    assert figures(got) == [("", Decimal("5480"), "crimes for the quarter", "Q3 2018-19")]


def test_text_that_is_not_all_breakdown_gives_no_breakdown():
    assert read_breakdowns("Primary 8.3% rising from 7.9% last year") == []


def test_a_breakdown_never_names_one_label_twice():
    assert read_breakdowns("Male 618 / Female 428 / Male 12") == []


# --- benchmarks -------------------------------------------------------------------------------

def test_the_comparator_figure_in_brackets_is_the_comparator_s_and_the_first_the_area_s():
    bench = read_benchmark("COMPARATOR – Benchmark (England) SIMILAR 768 per 100K pop "
                           "(England 722 per 100K, 2017-18 – see note 1)", [])
    assert (bench.value, bench.period_text) == (Decimal("722"), "2017-18")


@pytest.mark.parametrize(("text", "period"), [
    ("COMPARATOR - Benchmark (England) BETTER 45.3 (England average, March 2018)", "March 2018"),
    ("COMPARATOR – Benchmark (England) HIGHER per 100K pop = 861 (compared to England rate "
     "of 722, 2017-18)", "2017-18"),
    ("COMPARATOR – Benchmark (England) HIGHER 2017-18 rate per 100K pop = 952 (England rate "
     "718)", "2017-18"),
])
def test_a_benchmark_s_period_is_read_wherever_the_statement_prints_it(text, period):
    assert read_benchmark(text, []).period_text == period


# --- pages and tables -------------------------------------------------------------------------

def test_a_six_year_table_split_by_a_page_footer_is_read_as_one_series():
    report = parse("monitoring_b/six-year-table.txt")
    own = [s for s in indicator(report, "SAFE 03").series if s.name == "Brantshire"]
    assert [len(s.points) for s in own] == [7]
    assert own[0].points[-1] == ("2017-18", Decimal("114.2"))


def test_a_table_s_row_named_by_the_area_is_the_area_s_own():
    report = parse("monitoring_a/wealdshire-safe-2018-10.txt")
    series = indicator(report, "SAFE 01").series
    assert {s.name: s.is_own for s in series}["Wealdshire"] is True
    assert {s.name: s.is_own for s in series}["England"] is False


def test_bare_years_in_a_table_dated_at_31_march_are_positions_in_march():
    report = parse("monitoring_a/wealdshire-safe-2018-10.txt")
    own = next(s for s in indicator(report, "SAFE 01").series if s.name == "Wealdshire")
    assert own.points[0] == ("March 2013", Decimal("36.2"))


def test_a_row_of_values_under_a_header_of_periods_is_the_measure_s_own():
    report = parse("monitoring_a/wealdshire-safe-2018-10.txt")
    measure = next(m for ind in report.indicators for m in ind.measures
                   if m.title.startswith("Number of individuals who have completed support"))
    assert [s.points for s in measure.series][0][-1] == ("Q1 18-19", Decimal("207"))


def test_rows_of_bare_figures_are_no_statements_and_are_not_read():
    report = parse("monitoring_a/wealdshire-safe-2018-10.txt")
    ksi = indicator(report, "SAFE 06")
    assert [v for v in ksi.other_values if v.period_text == "2013"] == []


def test_a_breakdown_on_a_headline_line_becomes_values_of_the_indicator():
    report = parse("monitoring_a/brackmoor-safe-2019-04.txt")
    abuse = indicator(report, "SAFE 06", "Domestic Abuse")
    assert abuse.latest.value == Decimal("642")
    assert ("Female victims", Decimal("507")) in [(v.breakdown, v.value)
                                                   for v in abuse.other_values]
