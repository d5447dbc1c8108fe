"""More editions written for the tests (tests/fixtures/papers/monitoring_report/
safe-2018-10.txt, safe-2019-01.txt, independent-2019-04.txt) and the layouts in them the
parser and loader once misread; each fix is also tried on a small paper of its own."""

from decimal import Decimal

import pytest

from scrutinydesk.ingest.parsers.monitoring_report import parse_monitoring_report
from scrutinydesk.ingest.services import import_bytes
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, SAMPLES

FOLDER = FIXTURES / "papers" / "monitoring_report"
OCTOBER, JANUARY_2019, INDEPENDENT = (FOLDER / n for n in (
    "safe-2018-10.txt", "safe-2019-01.txt", "independent-2019-04.txt"))
JANUARY = SAMPLES / "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"


def _parse(path):
    return parse_monitoring_report(Paper.from_text(path.read_text(encoding="utf-8"),
                                                   name=path.name))


@pytest.fixture(scope="module")
def october():
    return _parse(OCTOBER)


@pytest.fixture(scope="module")
def independent():
    return _parse(INDEPENDENT)


def _measures(report, start):
    return [m for i in report.indicators for m in i.measures if m.title.startswith(start)]


HEAD = """Outcomes Focused Monitoring Report
March 2019

SAFE: 01 Population Indicator - Rate of widgets - Outcome Lead Officer Ann Bee; Population \
Indicator Lead Officer Cee Dee

AREA - Latest (Q4 18-19) 58.6 per 10,000
AREA - Trend IMPROVING\tG

"""


def _own(body: str):
    return parse_monitoring_report(Paper.from_text(HEAD + body, name="own.txt"))


def _points(measure):
    (series,) = measure.series
    return [(p, v) for p, v in series.points]


# --- 1. a table of measures straight under "Performance Measure(s)" --------------------------
def test_measure_table_rows_are_measures(october, independent):
    (cin,) = _measures(october, "Children in need rate")
    assert cin.series[0].name == ""
    assert _points(cin)[0] == ("Q3 17-18", Decimal("150.2"))
    (second,) = _measures(october, "% of children who become")
    assert _points(second)[-1] == ("Q2 18-19", None)
    # a title longer than 80 characters, and the title printed again above its table
    (support,) = _measures(october, "Number of individuals who have completed support")
    assert [v for _, v in _points(support)] == [Decimal(n) for n in (192, 178, 201, 214)]
    (assessments,) = _measures(october, "Percentage of assessments")
    assert [v for _, v in _points(assessments)] == [Decimal(n) for n in (71, 69, 76)]
    first = independent.indicators[0]
    assert not first.series
    assert [m.title for m in first.measures] == [
        "Number of people in permanent residential care (aged 65+)",
        "Number of people waiting for a care and support assessment"]
    assert all(not i.series for i in october.indicators)


def test_measure_table_in_a_paper_of_my_own():
    report = _own("Performance Measure(s) – Trend Lines\n"
                  "Measures\tJan 2019\tFeb 2019\tMar 2019\n"
                  "Widgets mended on time\t12%\t15%\t\n"
                  "England\t10%\t11%\t12%\n"
                  "Gadgets lost\t3\t4\t5\n"
                  "Sprockets polished Latest Mar 2019 - 7\n")
    ind = report.indicators[0]
    assert not ind.series
    widgets, gadgets, sprockets = ind.measures
    assert [s.name for s in widgets.series] == ["", "England"]
    assert widgets.series[0].unit_text == "%"
    assert _points(gadgets) == [("Jan 2019", 3), ("Feb 2019", 4), ("Mar 2019", 5)]
    assert sprockets.latest[0].value == 7


def test_area_table_under_a_measure_title_stays_the_measures():
    report = _own("Performance Measure(s) – Trend Lines\n"
                  "Widgets mended on time\n"
                  "Area\tJan 2019\tFeb 2019\n"
                  "Dorset\t12\t15\n"
                  "England\t10\t11\n")
    (widgets,) = report.indicators[0].measures
    assert [s.name for s in widgets.series] == ["Dorset", "England"]


@pytest.mark.django_db
def test_measure_table_loads_values_by_period():
    from scrutinydesk.outcomes.models import PerformanceMeasure

    import_bytes(INDEPENDENT.read_bytes(), INDEPENDENT.name)
    measure = PerformanceMeasure.objects.get(title__startswith="Number of people in permanent")
    assert sorted((o.period.label, o.value) for o in measure.observations.all()) == [
        ("Q2 2018-19", Decimal("1204")), ("Q3 2018-19", Decimal("1198")),
        ("Q4 2018-19", Decimal("1187"))]
    assert measure.indicator.observations.filter(breakdown__startswith="Number").count() == 0


# --- 8. a measure's unit follows its values, else its title ---------------------------------
@pytest.mark.django_db
def test_measure_unit_follows_its_values():
    from scrutinydesk.outcomes.models import PerformanceMeasure

    import_bytes(OCTOBER.read_bytes(), OCTOBER.name)
    measure = PerformanceMeasure.objects.get(title__startswith="Percentage of assessments")
    assert measure.unit == "percent"
    assert {o.unit for o in measure.observations.all()} <= {"", "percent"}
    assert PerformanceMeasure.objects.get(title__startswith="Children in need").unit == \
        "per_10000"


@pytest.mark.django_db
def test_measure_unit_from_its_title_in_a_paper_of_my_own():
    from scrutinydesk.outcomes.models import PerformanceMeasure

    text = HEAD + ("Performance Measure(s) – Trend Lines\n"
                   "Percentage of widgets mended\n"
                   "Latest Q4 18-19 – TO FOLLOW\n"
                   "Measure\tQ1 18-19\tQ2 18-19\n"
                   "Gadgets per 1,000 homes\t3.1\t3.4\n")
    import_bytes(text.encode(), "own.txt")
    assert PerformanceMeasure.objects.get(title="Percentage of widgets mended").unit == "percent"
    assert PerformanceMeasure.objects.get(title__startswith="Gadgets").unit == "per_1000"


# --- 2, 3, 4. titles: a unit in brackets, merged indicators, the latest wording --------------
def _titles():
    from scrutinydesk.outcomes.models import PopulationIndicator

    return sorted(PopulationIndicator.objects.filter(parent=None).values_list("title",
                                                                              flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("order", ["forward", "backward"])
def test_titles_with_units_and_a_merged_indicator_in_any_order(order):
    from scrutinydesk.outcomes.models import PopulationIndicator

    papers = [JANUARY, OCTOBER, JANUARY_2019]
    warnings = []
    for path in papers if order == "forward" else papers[::-1]:
        warnings += import_bytes(path.read_bytes(), path.name).warnings
    care = PopulationIndicator.objects.get(title__startswith="Rate of children in care")
    # January's "Rate of children in care" is October's "… (per 10,000)": one indicator,
    # titled as the latest edition printing it words it
    assert care.title == "Rate of children in care (per 10,000)"
    assert {a.edition.edition.month for a in care.aliases.all()} == {1, 10}
    plan = PopulationIndicator.objects.exclude(title__contains=" and ").get(
        title__startswith="Rate of children subject")
    assert plan.title == "Rate of children subject to a child protection plan (per 10,000)"
    merged = PopulationIndicator.objects.get(title__contains="plan and rate")
    assert merged.pk not in (care.pk, plan.pk)
    assert {o.period.label for o in merged.observations.all()} == {"Q3 2018-19", "Q2 2018-19"}
    assert not plan.observations.filter(period_start__year=2018, period_start__month=10)
    if order == "forward":
        assert any("covers more than one known indicator" in w for w in warnings)
    else:
        assert any("Rate of children in care (per 10,000)” is part of the known indicator"
                   in w for w in warnings)


@pytest.mark.django_db
def test_titles_in_papers_of_my_own():
    def paper(month, title, value):
        return (f"Outcomes Focused Monitoring Report\n{month} 2019\n\n"
                f"SAFE: 01 Population Indicator - {title} - Outcome Lead Officer Ann Bee\n\n"
                f"AREA - Latest ({month} 2019) {value}\n\n"
                "SAFE: 02 Population Indicator - Gadgets lost on the way home - Outcome Lead "
                "Officer Ann Bee\n\n"
                f"AREA - Latest ({month} 2019) 4\n").encode()

    import_bytes(paper("June", "Widgets mended late (%)", "5%"), "june.txt")
    import_bytes(paper("March", "Widgets mended late", "6%"), "march.txt")
    assert _titles() == ["Gadgets lost on the way home", "Widgets mended late (%)"]
    warnings = import_bytes(paper("July", "Widgets mended late and gadgets lost on the way home",
                                  "7%"), "july.txt").warnings
    assert len(_titles()) == 3
    assert any("covers more than one" in w for w in warnings)


# --- 5. notes and "calendar year" in period labels -------------------------------------------
@pytest.mark.django_db
def test_provisional_and_calendar_year_periods():
    from scrutinydesk.outcomes.models import StatedJudgement

    import_bytes(JANUARY_2019.read_bytes(), JANUARY_2019.name)
    import_bytes(INDEPENDENT.read_bytes(), INDEPENDENT.name)
    roads = StatedJudgement.objects.get(indicator__title__startswith="Number of people killed")
    assert (roads.latest_period.code, roads.latest_value) == ("CY2018", Decimal(251))
    assert roads.latest_period_text == "2018 provisional"  # the note kept as printed
    home = StatedJudgement.objects.get(indicator__title__startswith="Proportion of older")
    assert (home.latest_period.code, home.previous_period.code) == ("CY2018", "CY2017")


@pytest.mark.parametrize(("text", "code"), [
    ("2018 provisional", "CY2018"), ("Q2 2018-19 revised", "FY2018Q2"),
    ("2016 calendar year", "CY2016"), ("calendar year 2016", "CY2016"),
    ("2017-18 estimated", "FY2017")])
def test_period_notes_of_my_own(text, code):
    from scrutinydesk.core.periods import Period

    assert Period.parse(text).code == code


# --- 6. an executive summary in columns and tables ------------------------------------------
def test_executive_summary_in_a_tab_layout():
    report = _parse(JANUARY_2019)
    assert (report.stated_indicator_count, report.stated_measure_count,
            report.stated_risk_count) == (8, 9, 10)
    assert [(f.kind, f.text[:12], f.reason) for f in report.focus] == [
        ("indicator", "Total Crime", "Worsening for three consecutive quarters"),
        ("indicator", "Number of ch", "Worse than the South West average"),
        ("measure", "% of re-refe", "Above 18% for three quarters"),
        ("measure", "Percentage o", "Below 85% target"),
        ("risk", "04o – Limite", "High and worsening"),
        ("risk", "01d – A lack", "High")]


def test_executive_summary_tables_of_my_own():
    text = ("Outcomes Focused Monitoring Report\nMarch 2019\n\nSAFE - Executive Summary\n\n"
            "Indicators\tMeasures\tRisks\n\n"
            "3 in total\tCurrently 4 in total\t2 in total\n\n"
            "Performance Measures\tReasons\n"
            "Widgets mended late\tFive months off target\n"
            "Risk\tReason\n"
            "12a - Widget shortage\t\n\n"
            "SAFE: 01 Population Indicator - Rate of widgets - Outcome Lead Officer Ann Bee\n\n"
            "AREA - Latest (Q4 18-19) 58.6\n")
    report = parse_monitoring_report(Paper.from_text(text, name="own.txt"))
    assert (report.stated_indicator_count, report.stated_measure_count,
            report.stated_risk_count) == (3, 4, 2)
    assert [(f.kind, f.text, f.reason) for f in report.focus] == [
        ("measure", "Widgets mended late", "Five months off target"),
        ("risk", "12a - Widget shortage", "")]


@pytest.mark.django_db
def test_focus_reasons_are_loaded():
    from scrutinydesk.outcomes.models import FocusSuggestion

    import_bytes(JANUARY_2019.read_bytes(), JANUARY_2019.name)
    crime = FocusSuggestion.objects.get(text="Total Crime")
    assert crime.reason == "Worsening for three consecutive quarters"
    assert crime.indicator is not None
    assert FocusSuggestion.objects.count() == 6


# --- 7. an unrated trend word ("HIGHER") is kept as printed, and not audited ----------------
@pytest.mark.django_db
def test_unrated_trend_word_is_kept_as_printed():
    from scrutinydesk.findings.models import Finding
    from scrutinydesk.outcomes.models import StatedJudgement

    import_bytes(INDEPENDENT.read_bytes(), INDEPENDENT.name)
    spend = StatedJudgement.objects.get(indicator__title__startswith="Gross spend")
    assert (spend.trend_printed, spend.trend) == ("HIGHER", "")
    assert not Finding.objects.filter(indicator=spend.indicator, kind="trend").exists()


def test_unrated_trend_word_of_my_own():
    report = _own("AREA - Trend Rising since 2017\tA\n")
    trend = report.indicators[0].trend
    assert (trend.printed_word, trend.word, trend.rag) == ("Rising", "", "amber")


# --- 10. a target level is the comparator "Target" for the latest period ---------------------
@pytest.mark.django_db
def test_target_lines_become_target_values():
    from scrutinydesk.outcomes.models import ComparatorValue

    import_bytes(INDEPENDENT.read_bytes(), INDEPENDENT.name)
    targets = {(v.indicator.title[:19], v.period.code, v.value)
               for v in ComparatorValue.objects.filter(comparator__kind="target")}
    assert targets == {("Average weekly cost", "FY2018", Decimal("600")),
                       ("Average number of d", "R2018-04-01/2018-12-31", Decimal("10")),
                       ("Proportion of older", "CY2018", Decimal("85"))}


@pytest.mark.django_db
def test_targets_of_my_own():
    from scrutinydesk.outcomes.models import Commentary, ComparatorValue

    text = HEAD + "AREA - Target: 50.0 per 10,000 (2017-18)\n\n" + (
        "SAFE: 02 Population Indicator - Gadgets lost - Outcome Lead Officer Ann Bee\n\n"
        "AREA - Latest (Q4 18-19) 12%\n"
        "Target - 40% reduction against the 2005-09 average by 2020\n")
    import_bytes(text.encode(), "own.txt")
    (value,) = ComparatorValue.objects.filter(comparator__kind="target")
    assert (value.indicator.title, value.period.code, value.value) == (
        "Rate of widgets", "FY2017", Decimal("50"))
    assert Commentary.objects.filter(text__startswith="Target - 40% reduction").exists()


# --- 11. a benchmark in another unit than the headline is not the headline's comparator -----
@pytest.mark.django_db
def test_benchmark_in_another_unit_is_not_compared_with_the_headline():
    from scrutinydesk.outcomes.models import ComparatorValue, StatedJudgement

    import_bytes(OCTOBER.read_bytes(), OCTOBER.name)
    crime = StatedJudgement.objects.get(indicator__title="Total Crime")
    assert crime.benchmark_value == Decimal("14.1")  # kept as stated
    assert not ComparatorValue.objects.filter(indicator=crime.indicator)
    care = StatedJudgement.objects.get(indicator__title__startswith="Rate of children in care")
    assert ComparatorValue.objects.get(indicator=care.indicator).value == Decimal("64")


@pytest.mark.django_db
def test_benchmark_units_of_my_own():
    from scrutinydesk.outcomes.models import ComparatorValue

    text = HEAD + "COMPARATOR - Benchmark (England) WORSE 60.1 per 10,000 (Q4 18-19)\tR\n\n" + (
        "SAFE: 02 Population Indicator - Gadgets lost - Outcome Lead Officer Ann Bee\n\n"
        "AREA - Latest (Q4 18-19) 1,200 gadgets\n"
        "COMPARATOR - Benchmark (England) HIGHER 3.2 per 1,000 (Q4 18-19)\n")
    import_bytes(text.encode(), "own.txt")
    (value,) = ComparatorValue.objects.all()
    assert (value.indicator.title, value.value) == ("Rate of widgets", Decimal("60.1"))


# --- 9. a bare year pair that the page itself calls an academic year -------------------------
@pytest.mark.django_db
def test_bare_year_pair_named_an_academic_year_by_the_story():
    from scrutinydesk.outcomes.models import StatedJudgement

    import_bytes(OCTOBER.read_bytes(), OCTOBER.name)
    absence = StatedJudgement.objects.get(indicator__title__contains="persistent absentees")
    assert (absence.latest_period.code, absence.previous_period.code) == ("AY2016", "AY2015")
    hospital = StatedJudgement.objects.get(indicator__title__startswith="Number of children")
    assert hospital.latest_period.code == "FY2016"  # "2016-17", named by nothing else


@pytest.mark.django_db
def test_academic_year_only_when_the_same_pair_is_named():
    from scrutinydesk.outcomes.models import StatedJudgement

    text = HEAD.replace("Latest (Q4 18-19) 58.6 per 10,000", "Latest (2017/18) 4.2%").replace(
        "AREA - Trend", "AREA - Previous (2016/17) 4.0%\nAREA - Trend") + (
        "Story behind the baseline: Widgets were mended in the 2015/16 academic year.\n")
    import_bytes(text.encode(), "own.txt")
    s = StatedJudgement.objects.get()
    assert (s.latest_period.code, s.previous_period.code) == ("FY2017", "FY2016")
    import_bytes(text.replace("2015/16 academic", "2017/18 academic").encode(), "own2.txt")
    s = StatedJudgement.objects.get()  # the same edition's judgement, read again
    assert (s.latest_period.code, s.previous_period.code) == ("AY2017", "AY2016")


# --- a measure belongs to the indicator its latest edition prints it under ------------------
@pytest.mark.django_db
@pytest.mark.parametrize("order", ["forward", "backward"])
def test_measure_indicator_follows_the_latest_edition(order):
    from scrutinydesk.outcomes.models import PerformanceMeasure

    papers = [OCTOBER, JANUARY_2019]
    for path in papers if order == "forward" else papers[::-1]:
        import_bytes(path.read_bytes(), path.name)
    measure = PerformanceMeasure.objects.get(title__startswith="% of re-referrals")
    assert "plan and rate of children in care" in measure.indicator.title
