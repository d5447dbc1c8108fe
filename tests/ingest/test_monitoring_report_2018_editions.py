"""Later editions written for the tests (tests/fixtures/papers/monitoring_report/
safe-2018-07.txt, healthy-2018-01.txt, safe-2017-10-like.txt) and the layouts in them the
parser and loader once misread; each fix is also tried on a small paper of its own."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from scrutinydesk.core.periods import PeriodKind
from scrutinydesk.ingest.loaders.monitoring import _covering
from scrutinydesk.ingest.parsers import monitoring_front
from scrutinydesk.ingest.parsers.monitoring_report import parse_monitoring_report
from scrutinydesk.ingest.parsers.monitoring_text import Row, fill_pages
from scrutinydesk.ingest.services import import_bytes
from scrutinydesk.ingest.text import Line, Paper
from scrutinydesk.ingest.units import unit_from_text
from tests.conftest import FIXTURES, SAMPLES

FOLDER = FIXTURES / "papers" / "monitoring_report"
JULY, HEALTHY, APRIL = (FOLDER / n for n in (
    "safe-2018-07.txt", "healthy-2018-01.txt", "safe-2017-10-like.txt"))
JANUARY = SAMPLES / "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"


def _parse(path):
    return parse_monitoring_report(Paper.from_text(path.read_text(encoding="utf-8"),
                                                   name=path.name))


@pytest.fixture(scope="module")
def july():
    return _parse(JULY)


@pytest.fixture(scope="module")
def healthy():
    return _parse(HEALTHY)


@pytest.fixture(scope="module")
def april():
    return _parse(APRIL)


def _ind(report, number):
    return next(i for i in report.indicators if i.number == number)


def _measure(report, start):
    return next(m for i in report.indicators for m in i.measures if m.title.startswith(start))


HEAD = """Outcomes Focused Monitoring Report
March 2019

SAFE: 01 Population Indicator - Rate of widgets - Outcome Lead Officer Ann Bee; Population \
Indicator Lead Officer Cee Dee

"""


def _own(body: str):
    return parse_monitoring_report(Paper.from_text(HEAD + body, name="own.txt"))


# --- 1. "Previous" printed on the line of "Latest" --------------------------------------------
@pytest.mark.parametrize(("paper", "title", "latest", "previous"), [
    ("july", "Children in need rate", ("Q4 17-18", "149.8"), ("Q3 17-18", "153.1")),
    ("july", "% of children who become", ("Q4 17-18", "16.2"), ("Q3 17-18", "17.0")),
    ("july", "Number of families", ("Q1 18-19", "22"), ("Q4 17-18", "17")),
    ("healthy", "Percentage of the eligible", ("Q2 17-18", "4.1"), ("Q1 17-18", "3.8")),
])
def test_previous_on_the_line_of_latest(request, paper, title, latest, previous):
    measure = _measure(request.getfixturevalue(paper), title)
    assert [(v.period_text, v.value) for v in measure.latest] == [(latest[0],
                                                                   Decimal(latest[1]))]
    assert [(v.period_text, v.value) for v in measure.previous] == [(previous[0],
                                                                     Decimal(previous[1]))]
    assert "Previous" not in measure.latest[0].text


def test_previous_on_the_line_of_latest_in_a_paper_of_my_own():
    report = _own("AREA - Latest (Q4 18-19) 58.6 per 10,000 Previous (Q3 18-19) 59.4 per 10,000\n"
                  "AREA - Trend IMPROVING\tG\n\n"
                  "Performance Measure(s) – Trend Lines\n"
                  "Widgets mended Latest Mar 2019 - 12 ; Previous Feb 2019 - 15\n"
                  "Gadgets per 1,000 Latest Q4 18-19 – 3.5\tPrevious Q3 18-19 – 4.0\n")
    ind = report.indicators[0]
    assert (ind.latest.value, ind.latest.period_text) == (Decimal("58.6"), "Q4 18-19")
    assert (ind.previous.value, ind.previous.period_text) == (Decimal("59.4"), "Q3 18-19")
    widgets, gadgets = ind.measures
    assert [(v.period_text, v.value) for v in widgets.previous] == [("Feb 2019", Decimal(15))]
    assert widgets.latest[0].value == Decimal(12)
    assert [(v.value, v.unit_text) for v in gadgets.previous] == [(Decimal("4.0"), "per 1,000")]


# --- 2. a story cut by a page break -------------------------------------------------------------
def test_story_runs_on_over_a_page_break(july):
    story = _ind(july, 2).story
    assert "close to home and at a lower cost than independent fostering agency placements. " \
           "Work continues with Aspire, the Regional Adoption Agency." in story
    assert "Page 84" not in story


def test_story_over_a_page_break_in_a_paper_of_my_own():
    report = _own("AREA - Latest (2018) 5\n\n"
                  "Story behind the baseline: Widgets broke more often in the wet\n\nPage 12\n\n"
                  "winter, and repairs took longer.\n\n"
                  "What are we doing? Buying umbrellas.\n\nPage 13\n\n"
                  "More umbrellas were bought.\n")
    ind = report.indicators[0]
    assert ind.story == "Widgets broke more often in the wet winter, and repairs took longer."
    # a finished sentence and a capital: a new paragraph, not a run-on
    assert ind.what_we_are_doing == "Buying umbrellas.\n\nMore umbrellas were bought."


# --- 3. a bare benchmark period follows an academic-year latest ---------------------------------
@pytest.mark.django_db
def test_bare_benchmark_period_is_the_academic_year_of_the_latest():
    from scrutinydesk.outcomes.models import StatedJudgement

    import_bytes(JULY.read_bytes(), JULY.name)
    s = StatedJudgement.objects.get(indicator__title__contains="persistent absentees")
    assert s.latest_period.kind == PeriodKind.ACADEMIC_YEAR
    assert (s.benchmark_period.kind, s.benchmark_period.start) == (
        PeriodKind.ACADEMIC_YEAR, date(2016, 9, 1))
    other = StatedJudgement.objects.get(indicator__title="Rate of children in care")
    assert other.benchmark_period.kind == PeriodKind.MONTH  # "(March 2017)" as printed


@pytest.mark.django_db
def test_bare_benchmark_period_in_a_paper_of_my_own():
    from scrutinydesk.outcomes.models import StatedJudgement

    text = (HEAD.replace("Rate of widgets", "Share of pupils absent")
            + "AREA - Latest (2017/18 academic year) 9.1%\n"
            "COMPARATOR - Benchmark (England) WORSE 8.0% (2017/18)\tR\n")
    import_bytes(text.encode(), "own.txt")
    s = StatedJudgement.objects.get()
    assert s.benchmark_period.kind == PeriodKind.ACADEMIC_YEAR
    assert s.benchmark_period.start == date(2017, 9, 1)


# --- 4. focus suggestions named by a measure's breakdown ---------------------------------------
def test_focus_by_title_words_and_breakdown():
    skid = SimpleNamespace(pk=1, title="Percentage roads with skidding resistance below "
                                       "investigatory level")
    condition = SimpleNamespace(pk=2, title="Percentage road condition in need of maintenance")
    inspections = SimpleNamespace(pk=3, title="Percentage of inspections completed on time")
    measures = [skid, condition, inspections]
    breakdowns = {1: {"Principal", "Non Principal"}, 2: {"Principal", "Non Principal"}}
    assert _covering(measures, "Skid resistance - non principal", breakdowns) is skid
    assert _covering(measures, "Skid resistance - principal", breakdowns) is skid
    assert _covering(measures, "Non principal roads", breakdowns) is None  # either
    assert _covering(measures, "Excess weight in adults", breakdowns) is None
    assert _covering([SimpleNamespace(pk=4, title="Smoking quitters per 100,000 smokers")],
                     "Quitters", {}) is None


# --- 6. years -----------------------------------------------------------------------------------
def test_years_are_not_a_count(healthy):
    assert _ind(healthy, 1).latest.unit_text == "years"
    assert unit_from_text("66.2 years") == "years"
    assert unit_from_text("18 months") == "months"
    assert unit_from_text("children aged 5 years old") == "count"
    assert unit_from_text("people") == "count"
    assert unit_from_text("per 10,000 children aged 0-17 years") == "per_10000"


# --- 7, 8. NO JUDGEMENT and the benchmark rows of the key --------------------------------------
def test_no_judgement_is_a_stated_trend_word(healthy):
    trend = _ind(healthy, 4).trend
    assert (trend.word, trend.printed_word) == ("no_trend", "NO JUDGEMENT")


def test_key_rows_with_rag_letters(healthy):
    assert healthy.key["NO JUDGEMENT"].startswith("Contextual indicator")
    assert healthy.key["BETTER"] == "Better than the comparator (G)"
    assert healthy.key["WORSE"] == "Worse than the comparator (R)"
    row = Row(0, Line(1, ""), ["Well ahead of the comparator", "AHEAD (g)"],
              "Well ahead of the comparator AHEAD (g)")
    assert monitoring_front.key_entries(row) == [("AHEAD", "Well ahead of the comparator (G)")]


# --- 9, 11. pages the footers leave unknown ----------------------------------------------------
def test_pages_before_the_first_footer_and_from_a_broken_footer(healthy, april):
    assert healthy.ref.page == 21
    second = _ind(april, 2)
    assert (second.ref.page, second.ref.page_end) == (72, 73)
    assert all(m.ref.page is not None for i in april.indicators for m in i.measures)


def test_fill_pages_on_lines_of_my_own():
    texts = ["front", "", "Page 3", "a", "Page 4", "b", "ge 5", "c", "Page 6", "d",
             "x 7", "Page 9", "after"]
    lines, footers = fill_pages([Line(n, t) for n, t in enumerate(texts, start=1)])
    pages = [line.page for line in lines]
    assert pages[:10] == [3, 3, 3, 4, 4, 5, 5, 6, 6, None]
    assert footers == {6}  # "x 7" is not what is left of "Page 7"; 9 after 6 is a gap
    assert pages[10:] == [None, 9, None]
    # a first page much longer than the others is not guessed
    long = [Line(n, "text") for n in range(1, 40)] + [Line(40, "Page 2"), Line(41, "a"),
                                                      Line(42, "Page 3")]
    assert fill_pages(long)[0][0].page is None


# --- 14, 15, 16. the latest edition's sponsor, leads and codes, in any order -------------------
def _state():
    from scrutinydesk.outcomes.models import Outcome, PopulationIndicator

    safe = Outcome.objects.get(name="Safe")
    indicators = {
        i.title_key: (i.code, i.number, sorted(o.name for o in i.lead_officers.all()))
        for i in PopulationIndicator.objects.filter(outcome=safe)}
    return (safe.sponsor, safe.sponsor_title), indicators


@pytest.mark.django_db
@pytest.mark.parametrize("order", [(JANUARY, APRIL, JULY, HEALTHY),
                                   (JULY, HEALTHY, APRIL, JANUARY)],
                         ids=["oldest-first", "newest-first"])
def test_outcome_follows_the_latest_edition_in_any_order(order):
    warnings = []
    for path in order:
        warnings += import_bytes(path.read_bytes(), path.name).warnings
    sponsor, indicators = _state()
    assert sponsor == ("Sarah Parker", "Executive Director for Children’s Services")
    first = next(v for k, v in indicators.items() if k.startswith("rate child subject"))
    assert first[2] == ["Vanessa Glenn"]
    by_code = {}
    for key, (code, _, _) in indicators.items():
        if code:
            by_code.setdefault(code, []).append(key)
    assert by_code["SAFE: 03"] == [k for k in indicators if "absentee" in k]
    admissions = next(v for k, v in indicators.items() if "hospital" in k)
    assert admissions[:2] == ("", None)
    assert any("SAFE: 03" in w and "no longer has a current code" in w for w in warnings)
    # the code it was printed under stays in January's alias
    from scrutinydesk.outcomes.models import IndicatorAlias

    alias = IndicatorAlias.objects.get(indicator__title__contains="admitted to hospital")
    assert alias.code == "SAFE: 03"
    again = import_bytes(JANUARY.read_bytes(), "again.txt")
    assert (again.total_created, again.total_updated) == (0, 0)


@pytest.mark.django_db
def test_sponsor_and_leads_of_my_own_editions_in_reverse_order():
    def paper(month, sponsor, lead):
        return (f"Widgets\n\nOutcome Sponsor – {sponsor}, Director of Widgets\n\n"
                f"Outcomes Focused Monitoring Report\n{month} 2019\n\n"
                "WIDGETS: 01 Population Indicator - Rate of widgets - Outcome Lead Officer "
                f"Ann Bee; Population Indicator Lead Officer {lead}\n\n"
                "AREA - Latest (2018) 5\n").encode()

    from scrutinydesk.outcomes.models import Outcome, PopulationIndicator

    import_bytes(paper("June", "Zed Newman", "Cee Dee"), "june.txt")
    import_bytes(paper("March", "Old Sponsor", "Eff Gee"), "march.txt")
    outcome = Outcome.objects.get(name="Widgets")
    assert outcome.sponsor == "Zed Newman"
    ind = PopulationIndicator.objects.get()
    assert [o.name for o in ind.lead_officers.all()] == ["Cee Dee"]


@pytest.mark.django_db
def test_life_expectancy_is_stored_in_years_and_range_checked():
    from scrutinydesk.core.vocab import UNIT_BOUNDS, Unit
    from scrutinydesk.outcomes.models import PopulationIndicator

    import_bytes(HEALTHY.read_bytes(), HEALTHY.name)
    life = PopulationIndicator.objects.get(title__icontains="life expectancy")
    assert life.unit == Unit.YEARS
    assert {o.unit or life.unit for o in life.observations.all()} == {Unit.YEARS}  # blank: its own
    low, high = UNIT_BOUNDS[Unit.YEARS]
    assert all(low <= o.value <= high for o in life.observations.all())
