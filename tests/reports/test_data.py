"""The report's data as at an edition: two editions of a report written for the test, loaded
through the real loaders; built once, then checked field by field."""

from datetime import date
from decimal import Decimal

import pytest

from scrutinydesk.core.models import SourceDocument
from scrutinydesk.ingest.loaders import LoadContext, load_parsed
from scrutinydesk.ingest.records import (
    ParsedBenchmark,
    ParsedFocusItem,
    ParsedIndicator,
    ParsedMeasure,
    ParsedMonitoringReport,
    ParsedRiskAssessment,
    ParsedSeries,
    ParsedTrend,
    ParsedValue,
)
from scrutinydesk.outcomes.models import Outcome, PopulationIndicator
from scrutinydesk.reports.data import ReportDataError, build_report, find_outcome, parse_edition

pytestmark = pytest.mark.django_db
FALLS = "Rate of emergency admissions for falls"
QUARTERS = ["Q1 17-18", "Q2 17-18", "Q3 17-18", "Q4 17-18", "Q1 18-19", "Q2 18-19",
            "Q3 18-19", "Q4 18-19"]


def falls(latest_period, latest, story, partners="", risk_level="high", measures=()):
    return ParsedIndicator(
        code="THR: 01", title=FALLS, number=1, lead_officers=["Priya Natarajan"],
        latest=ParsedValue(f"Latest ({latest_period}) {latest} per 100,000", Decimal(latest),
                           latest_period, "per 100,000"),
        series=[ParsedSeries("Value", "per 100,000", [(q, Decimal(150 + 5 * k))
                                                      for k, q in enumerate(QUARTERS)]),
                ParsedSeries("England", "", [(q, Decimal(180)) for q in QUARTERS],
                             is_comparator=True)],
        trend=ParsedTrend("Trend WORSENING R", "worsening", "WORSENING", "red"),
        benchmark=ParsedBenchmark("Benchmark (England) WORSE 180 R", "England", "worse",
                                  "WORSE", Decimal(180), "180", "", "red"),
        story=story, partners=partners, measures=list(measures),
        risks=[ParsedRiskAssessment("12a", "Falls service capacity", risk_level, "unchanged")])


def loneliness(latest_period, latest):
    return ParsedIndicator(
        code="THR: 02", title="Percentage of adults who feel lonely", number=2,
        latest=ParsedValue(f"Latest ({latest_period}) {latest}%", Decimal(latest),
                           latest_period, "%"))


def edition(month, year, indicators, **extra):
    return ParsedMonitoringReport(outcome="Thriving", edition=date(year, month, 1),
                                  code_prefix="THR", indicators=indicators,
                                  key={"HIGH": "High risk, outside the appetite"}, **extra)


def load(record, name):
    ctx = LoadContext(SourceDocument.objects.create(sha256=name.ljust(64, "0")[:64],
                                                    name=name))
    load_parsed(ctx, record)


@pytest.fixture(scope="module")
def reports(module_db):
    with module_db():
        measure = ParsedMeasure("Percentage of falls assessments within 7 days", latest=[
            ParsedValue("Latest Q1 19-20 – 71%", Decimal(71), "Q1 19-20", "%")])
        load(edition(10, 2019, [falls("Q1 19-20", "210", "October story", "October partners",
                                      measures=[measure]),
                                loneliness("2018-19", "21")],
                     unassigned_risks=[ParsedRiskAssessment("30c", "Winter pressures",
                                                            "medium", "worsening")],
                     focus=[ParsedFocusItem("indicator", FALLS, "Admissions keep rising"),
                            ParsedFocusItem("risk", "30c - Winter pressures")],
                     stated_measure_count=3), "october.txt")
        load(edition(1, 2020, [falls("Q2 19-20", "230", "January story", risk_level="medium"),
                               loneliness("2019-20", "19")]), "january.txt")
        PopulationIndicator.objects.filter(title=FALLS).update(polarity="lower_is_better")
        outcome = Outcome.objects.get(name="Thriving")
        yield {
            "oct": build_report(outcome, date(2019, 10, 1), today=date(2020, 2, 3)),
            "jan": build_report(outcome, None, today=date(2020, 2, 3)),
            "dec": build_report(outcome, date(2019, 12, 1), today=date(2020, 2, 3)),
            "early": build_report(outcome, date(2015, 1, 1), today=date(2020, 2, 3)),
        }


def first(report):
    return report.indicators[0]


def test_default_edition_is_the_latest(reports):
    assert reports["jan"].edition == date(2020, 1, 1)
    assert reports["jan"].edition_label == "January 2020" and reports["jan"].edition_known


def test_each_edition_shows_the_latest_period_it_printed(reports):
    assert first(reports["oct"]).latest.full == "210 per 100,000 (Q1 2019-20)"
    assert first(reports["jan"]).latest.full == "230 per 100,000 (Q2 2019-20)"
    assert first(reports["oct"]).previous.full == "185 per 100,000 (Q4 2018-19)"


def test_month_without_an_edition_uses_periods_ended_before_it(reports):
    dec = reports["dec"]
    assert not dec.edition_known and dec.printed_key == []
    assert first(dec).latest.period == "Q2 2019-20"
    assert first(dec).story.note == "From the October 2019 report."


def test_month_before_any_data_has_no_figures(reports):
    early = first(reports["early"])
    assert early.latest is None and early.chart == "" and early.direction.word == "No data"


def test_codes_and_leads(reports):
    view = first(reports["jan"])
    assert view.code == "THR 01" and view.title == FALLS
    assert view.lead_officers == ["Priya Natarajan"]


def test_judgements_are_computed_with_explanations(reports):
    view = first(reports["jan"])
    assert view.direction.word == "Worsening" and view.direction.rag.letter == "R"
    assert "210" in view.direction.explanation and "230" in view.direction.explanation
    assert view.benchmark.word == "Worse than England"
    assert view.comparator.name == "England" and view.comparator.text == "180 per 100,000"


def test_no_judgement_indicator_is_described_not_judged(reports):
    view = reports["jan"].indicators[1]
    assert not view.judged and view.latest.text == "19%"
    assert view.direction.word in ("Decreasing", "Cannot be calculated")
    assert reports["jan"].focus.unjudged_indicators == [
        "THR 02: Percentage of adults who feel lonely"]


def test_commentary_of_the_edition_with_fallback_and_note(reports):
    jan, oct_ = first(reports["jan"]), first(reports["oct"])
    assert jan.story.text == "January story" and jan.story.note == ""
    assert jan.partners.text == "October partners"
    assert jan.partners.note == "From the October 2019 report."
    assert oct_.story.text == "October story"


def test_stated_words_of_the_edition_are_kept_beside_the_computed(reports):
    assert first(reports["jan"]).stated_trend == "Trend WORSENING R"


def test_chart_and_table_carry_the_series_up_to_the_edition(reports):
    view = first(reports["oct"])
    assert view.table.columns[1] == "England"
    periods = [p for p, _ in view.table.rows]
    assert periods[-1] == "Q1 2019-20" and "Q2 2019-20" not in periods
    assert 'role="img"' in view.chart and FALLS in view.chart_title


def test_risk_assessment_as_at_each_edition(reports):
    assert [(r.code, r.level) for r in first(reports["oct"]).risks] == [("12a", "HIGH")]
    assert [(r.code, r.level) for r in first(reports["jan"]).risks] == [("12a", "MEDIUM")]


def test_unassigned_risk_falls_back_to_its_latest_assessment(reports):
    risk = reports["jan"].unassigned_risks[0]
    assert (risk.code, risk.level, risk.trend, risk.assessed) == (
        "30c", "MEDIUM", "Worsening", "October 2019")
    assert risk.anchor == "unassigned-risks"


def test_focus_as_at_october_and_the_papers_suggestions(reports):
    f = reports["oct"].focus
    assert [i.label for i in f.indicators] == [f"THR 01: {FALLS}"]
    assert {i.key for i in f.risks} == {"12a", "30c"}
    assert [p.agrees for p in f.paper] == [True, True]
    assert f.paper[0].reason == "Admissions keep rising"


def test_focus_as_at_january_drops_the_risk_no_longer_high(reports):
    assert {i.key for i in reports["jan"].focus.risks} == {"30c"}
    assert reports["jan"].focus.paper == []


def test_counts_with_what_the_paper_stated(reports):
    counts = reports["oct"].counts
    assert (counts.indicators, counts.measures, counts.risks) == (2, 1, 2)
    assert counts.stated_measures == 3


def test_cover_written_from_the_data_when_no_cover_sheet_is_held(reports):
    cover = reports["jan"].cover
    assert not cover.from_paper
    assert cover.subject == "Outcomes Focused Monitoring Report, January 2020"
    assert any("2 population indicators" in p for p in cover.executive_summary)


def test_sources_name_the_papers(reports):
    details = " ".join(f"{s.title} {s.detail}" for s in reports["jan"].sources)
    assert "january.txt" in details and "october.txt" in details


def test_unknown_outcome_and_bad_edition_are_explained():
    with pytest.raises(ReportDataError, match="no outcome called 'Nowhere'"):
        find_outcome("Nowhere")
    with pytest.raises(ReportDataError, match="YYYY-MM"):
        parse_edition("January")
    assert parse_edition("2018-01") == date(2018, 1, 1) and parse_edition(None) is None


def test_an_editions_report_shows_what_that_edition_printed_under_its_codes_and_titles():
    """January 2018 printed hospital admissions as SAFE 03; July 2018 (a paper written for the
    tests) dropped it and gave SAFE 03 to persistent absence. Each edition's report shows its
    own indicators, codes and wording, in whichever order the papers came in."""
    from scrutinydesk.ingest.services import import_path
    from tests.conftest import FIXTURES, SAMPLES

    import_path(FIXTURES / "papers" / "monitoring_report" / "safe-2018-07.txt")
    import_path(SAMPLES / "2018-01-30-safeguarding-scrutiny-agenda-pack.txt")
    safe = find_outcome("Safe")

    def shown(edition):
        report = build_report(safe, parse_edition(edition))
        return {v.code: v.title for v in report.indicators}

    january, july = shown("2018-01"), shown("2018-07")
    assert january["SAFE 03"].startswith("Number of children being admitted to hospital")
    assert "absentees" in july["SAFE 03"]
    assert not any("hospital" in t for t in july.values())
    assert len(january) == 7 and len(july) == 5
