"""Officers' reports: the 2020 children's services self-evaluation and hand-written reports
from other authorities (one opening with a cover sheet)."""

import contextlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers.officer_report import (
    looks_like_officer_report,
    parse_officer_report,
)
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

SELF_EVALUATION = "2020-09-childrens-services-self-evaluation.txt"
HAND = FIXTURES / "papers" / "officer_report"


def _hand(name: str) -> Paper:
    return Paper.from_text((HAND / name).read_text(encoding="utf-8"), name)


def _figure(report, value_text: str):
    return next(f for f in report.figures if f.value_text == value_text)


@pytest.fixture(scope="module")
def evaluation():
    return parse_officer_report(Paper.from_text(sample_text(SELF_EVALUATION), SELF_EVALUATION))


# --- the self-evaluation ---------------------------------------------------------------------

def test_title_and_month(evaluation):
    assert evaluation.title.startswith("SELF-EVALUATION FOR INSPECTION OF SERVICES FOR CHILDREN")
    assert evaluation.published_on == date(2020, 9, 1)
    assert evaluation.cover is None


def test_sections_follow_the_contents(evaluation):
    headings = [h for h, _ in evaluation.sections]
    assert headings[:3] == ["1. INTRODUCTION", "1.1 Background and Context", "1.2 About Dorset"]
    assert "4.5 Child Protection" in headings
    assert headings[-1] == "6.1 Emerging Issues"
    assert len(headings) == 52


def test_numbered_list_in_the_text_is_not_a_section(evaluation):
    headings = [h for h, _ in evaluation.sections]
    assert "1. Best Start in Life" not in headings
    plan = dict(evaluation.sections)["2.1 A new Children, Young People and Families Plan"]
    assert "1. Best Start in Life" in plan


def test_section_text(evaluation):
    text = dict(evaluation.sections)["4.5 Child Protection"]
    assert text.startswith("a. Section 47")
    assert "41 per 10,000" in text


def test_rate_without_comparator(evaluation):
    figure = _figure(evaluation, "41 per 10,000")
    assert (figure.value, figure.unit, figure.comparator) == (Decimal(41), "per_10000", "")
    assert figure.subject == "The rate of children subject to a Child Protection Plan in Dorset"
    assert figure.ref.line == 590


def test_percentage_of_what(evaluation):
    figure = _figure(evaluation, "90%")
    assert (figure.value, figure.unit, figure.subject) == (
        Decimal(90), "percent", "CIN assessments")


def test_rate_in_line_with_statistical_neighbours(evaluation):
    figure = _figure(evaluation, "142 per 10,000")
    assert (figure.comparator, figure.comparison) == ("statistical neighbours", "in line with")
    assert figure.sentence.startswith("We have seen an increase in the numbers of s47")


def test_comparator_values_in_brackets(evaluation):
    figure = next(f for f in evaluation.figures if f.sentence.startswith("Placement stability"))
    assert (figure.value, figure.comparator, figure.comparator_value, figure.comparison) == (
        Decimal(68), "statistical neighbours", Decimal(68), "within range of")
    same_sentence = [f for f in evaluation.figures if f.sentence == figure.sentence]
    assert len(same_sentence) == 1  # "(18/19 68%)" and "(18/19 69%)" are comparators' values


def test_higher_than_england(evaluation):
    figure = next(f for f in evaluation.figures
                  if f.value_text == "23%" and "Child Protection Plans ended" in f.sentence)
    assert (figure.comparator, figure.comparison) == ("England", "higher than")


def test_period_of_a_figure(evaluation):
    figure = _figure(evaluation, "54 per 10,000")
    assert figure.period_text == "2018/19"
    assert figure.comparator == "statistical neighbours"


def test_decimal_percentages_are_not_split(evaluation):
    values = {f.value_text for f in evaluation.figures}
    assert {"34.6%", "71.4%", "91.3%"} <= values


def test_money(evaluation):
    figure = _figure(evaluation, "£438,200")
    assert (figure.value, figure.unit) == (Decimal(438200), "gbp")


def test_figure_count(evaluation):
    assert len(evaluation.figures) == 93


def test_looks_like_officer_report():
    assert looks_like_officer_report(Paper.from_text(sample_text(SELF_EVALUATION)))
    assert looks_like_officer_report(_hand("cover-then-report.txt"))
    pack = Paper.from_text(sample_text("2018-01-30-safeguarding-scrutiny-agenda-pack.txt"))
    assert not looks_like_officer_report(pack)


# --- hand-written reports -----------------------------------------------------------------

@pytest.fixture(scope="module")
def hampton():
    return parse_officer_report(_hand("hampton-fostering-sufficiency.txt"))


@pytest.fixture(scope="module")
def riverside():
    return parse_officer_report(_hand("cover-then-report.txt"))


@pytest.fixture(scope="module")
def reviewing():
    return parse_officer_report(_hand("toc-report.txt"))


def test_hampton_title_date_sections(hampton):
    assert hampton.title == "Fostering Sufficiency Review – Hampton Borough Council"
    assert hampton.published_on == date(2019, 3, 1)
    assert [h for h, _ in hampton.sections] == [
        "1. Purpose", "1.1 Scope of the review", "2. Children in care", "2.1 Numbers and rates",
        "2.2 Placements with our own carers", "3. Cost"]


def test_hampton_rate_lower_than_neighbours(hampton):
    figure = _figure(hampton, "55 per 10,000")
    assert (figure.comparator, figure.comparator_value, figure.comparison) == (
        "statistical neighbours", Decimal(62), "lower than")
    assert figure.subject == "The rate of children in care in Hampton"
    assert not any(f.value_text == "62 per 10,000" for f in hampton.figures)


def test_hampton_below_england_average(hampton):
    figure = _figure(hampton, "12.5%")
    assert (figure.value, figure.comparator, figure.comparator_value, figure.comparison) == (
        Decimal("12.5"), "England", Decimal("14.1"), "below")


def test_hampton_south_west_and_money(hampton):
    assert _figure(hampton, "71%").comparator == "South West"
    assert _figure(hampton, "£2.4m").value == Decimal(2_400_000)
    assert _figure(hampton, "£863").comparator == "regional"
    assert len(hampton.figures) == 6


def test_riverside_cover_and_title(riverside):
    assert riverside.cover is not None
    assert riverside.cover.date_of_meeting == date(2019, 11, 21)
    assert riverside.title == "Re-referrals to Children's Social Care"
    assert riverside.published_on is None
    assert [h for h, _ in riverside.sections] == ["1. Background", "2. Performance",
                                                  "3. Next steps"]


def test_riverside_figures(riverside):
    first = _figure(riverside, "27%")
    assert (first.comparator, first.comparator_value, first.comparison, first.subject) == (
        "national", Decimal("22.6"), "higher than", "referrals")
    neighbours = _figure(riverside, "21%")
    assert (neighbours.comparator, neighbours.period_text) == ("statistical neighbours", "2018-19")
    assert _figure(riverside, "512 per 10,000").period_text == "2018/19"
    assert len(riverside.figures) == 3


def test_reviewing_contents_filter_sections(reviewing):
    assert [h for h, _ in reviewing.sections] == [
        "1. Introduction", "2. Our children", "2.1 Ages and placements", "2.2 Health",
        "3. Reviews held on time"]
    assert "2. Timely reviews" in dict(reviewing.sections)["1. Introduction"]
    assert reviewing.published_on == date(2019, 6, 30)


def test_reviewing_rates_per_thousand_and_hundred_thousand(reviewing):
    births = _figure(reviewing, "3.4 per 1,000")
    assert (births.unit, births.comparator, births.comparator_value, births.comparison) == (
        "per_1000", "national", Decimal("2.9"), "above")
    assert _figure(reviewing, "410 per 100,000").unit == "per_100000"


def test_reviewing_figure_at_sentence_start_and_abbreviation(reviewing):
    on_time = _figure(reviewing, "96.5%")
    assert (on_time.comparator, on_time.comparator_value, on_time.comparison) == (
        "South West", Decimal(93), "better than")
    dental = _figure(reviewing, "84%")
    assert dental.sentence.endswith("(e.g. those in care for over a year).")


# --- errors and robustness ---------------------------------------------------------------------

def test_empty_report_is_rejected():
    with pytest.raises(MalformedPaper, match="empty"):
        parse_officer_report(Paper.from_text("\n\nPage 3\n", "blank.txt"))


_LINES = (HAND / "hampton-fostering-sufficiency.txt").read_text(encoding="utf-8").splitlines()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(len(_LINES))), keep=st.integers(0, len(_LINES)),
       junk=st.lists(st.text(alphabet="ab1 .%£()\tper,0", max_size=300), max_size=6),
       long=st.sampled_from(["", "1" * 30_000, "1% " * 8_000, "England (1%) " * 3000]))
def test_damaged_reports_parse_or_raise_paper_error(order, keep, junk, long):
    lines = [_LINES[i] for i in order[:keep]] + junk + [long]
    with contextlib.suppress(PaperError):
        parse_officer_report(Paper.from_text("\n".join(lines), "fuzz.txt"))


def test_fixture_readme_names_every_fixture():
    readme = (HAND / "README.md").read_text(encoding="utf-8")
    for path in Path(HAND).glob("*.txt"):
        assert path.name in readme
