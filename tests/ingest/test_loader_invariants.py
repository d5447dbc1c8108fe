"""What the monitoring loader will not file: a series never holds two figures for one period
and breakdown, a measure's table never becomes an indicator's observations, a figure in
another unit than its series is set aside or keeps its unit, and a composite indicator's
sub-series keep their identity across editions. Hand-built editions (property-based where
the rule is general) and the unseen paper written to tempt misfiling."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from scrutinydesk.core.models import SourceDocument
from scrutinydesk.core.periods import Period
from scrutinydesk.ingest.loaders import LoadContext, load_parsed
from scrutinydesk.ingest.records import (
    ParsedIndicator,
    ParsedMeasure,
    ParsedMonitoringReport,
    ParsedSeries,
    ParsedValue,
)
from scrutinydesk.ingest.services import import_path
from scrutinydesk.outcomes.models import Observation, PerformanceMeasure, PopulationIndicator
from scrutinydesk.outcomes.titles import normalise_code

pytestmark = pytest.mark.django_db

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "unseen" / "round1"
PERIODS = ["2014-15", "2015-16", "2016-17", "2017-18"]


def load(report, name="paper"):
    ctx = LoadContext(SourceDocument.objects.create(sha256=name.ljust(64, "x")[:64], name=name))
    load_parsed(ctx, report)
    return ctx


def edition(*indicators, month=1, year=2019):
    return ParsedMonitoringReport(outcome="Safe", edition=date(year, month, 1),
                                  indicators=list(indicators))


def latest(text, number, period, unit="", breakdown=""):
    return ParsedValue(text, Decimal(number), period, unit, breakdown=breakdown)


def code(text):
    return Period.parse(text).code


class _Rollback(Exception):
    pass


def in_savepoint(check):
    """Run ``check`` and undo what it wrote, so that hypothesis's examples do not meet."""
    try:
        with transaction.atomic():
            check()
            raise _Rollback
    except _Rollback:
        pass


tables = st.lists(st.lists(st.tuples(st.sampled_from(PERIODS),
                                     st.sampled_from([Decimal("10.5"), Decimal("11.0"),
                                                      Decimal("12.25")])),
                           min_size=1, max_size=4),
                  min_size=1, max_size=3)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(tables=tables, stated=st.one_of(st.none(), st.tuples(
    st.sampled_from(PERIODS), st.sampled_from([Decimal("10.5"), Decimal("99")]))))
def test_a_series_never_holds_a_figure_its_edition_contradicts(tables, stated):
    """For every period: the tables agree on a figure and it is filed; they disagree and
    none of theirs is filed (the stated line is, if there is one); nothing else is filed."""
    def check():
        statement = latest(f"Latest ({stated[0]}) {stated[1]}", stated[1], stated[0]) \
            if stated else None
        report = edition(ParsedIndicator(
            "SAFE: 04", "Number of penalty notices", latest=statement,
            series=[ParsedSeries("", "", list(points)) for points in tables]))
        ctx = load(report)
        printed: dict[str, set] = {}
        for points in tables:
            for period, number in points:
                printed.setdefault(period, set()).add(number)
        stored = {o.period.code: o.value for o in Observation.objects.filter(breakdown="")}
        for period in PERIODS:
            in_tables = printed.get(period, set())
            period = code(period)
            said = stated[1] if stated and code(stated[0]) == period else None
            if len(in_tables) == 1:
                assert stored.get(period) == next(iter(in_tables))
            elif len(in_tables) > 1:
                assert stored.get(period) == said
                assert any(Period.parse(period).label in entry.reason
                           for entry in ctx.set_aside)
            else:
                assert stored.get(period) == said
        assert Observation.objects.count() == len(stored)
    in_savepoint(check)


units = st.sampled_from(["%", "per 10,000", "", "per 1,000 population"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(headline=units, others=st.lists(st.tuples(st.sampled_from(PERIODS[:3]), units),
                                         min_size=1, max_size=3, unique_by=lambda t: t[0]))
def test_a_main_series_figure_is_in_its_series_unit_or_is_set_aside(headline, others):
    def check():
        from scrutinydesk.ingest.units import unit_from_text

        report = edition(ParsedIndicator(
            "SAFE: 01", "Rate of children in care",
            latest=latest(f"Latest (2017-18) 50 {headline}", "50", "2017-18", headline),
            series=[ParsedSeries("", unit, [(period, Decimal("7"))])
                    for period, unit in others]))
        ctx = load(report)
        indicator = PopulationIndicator.objects.get()
        for obs in Observation.objects.filter(indicator=indicator, breakdown=""):
            assert obs.unit in ("", indicator.unit)
        for period, unit in others:
            named = unit_from_text(unit, default="")
            filed = Observation.objects.filter(indicator=indicator, breakdown="",
                                               period=period).exists()
            if named and named != indicator.unit:
                assert not filed
                assert any(period in entry.text for entry in ctx.set_aside)
            else:
                assert filed
    in_savepoint(check)


def test_a_breakdown_in_its_own_unit_keeps_the_unit():
    load(edition(ParsedIndicator(
        "SAFE: 05", "Number of adult safeguarding concerns",
        latest=latest("Latest (Q3 18-19) 1,046", "1046", "Q3 18-19"),
        other_values=[ParsedValue("per 100K pop = 1,004", Decimal("1004"), "", "per 100K pop")])))
    other = Observation.objects.get(breakdown__icontains="100K")
    assert other.unit == "per_100000" and other.value == Decimal("1004")


def test_a_measure_table_under_an_indicator_goes_to_the_measure_it_repeats():
    defects = ParsedMeasure("Percentage of defects made safe on time", latest=[
        latest("28 days Latest Dec 2018 – 84.7%", "84.7", "Dec 2018", "%", "28 days")])
    ctx = load(edition(ParsedIndicator(
        "SAFE: 07", "Number of people killed or seriously injured",
        latest=latest("Latest (2017) 268", "268", "2017"), measures=[defects],
        series=[ParsedSeries("28 days", "%", [("Nov 2018", Decimal("82.9")),
                                              ("Dec 2018", Decimal("84.7"))])])))
    indicator = PopulationIndicator.objects.get()
    assert [o.value for o in indicator.observations.all()] == [Decimal("268")]
    measure = PerformanceMeasure.objects.get()
    assert {(o.period.code, o.breakdown, o.value) for o in measure.observations.all()} == {
        (code("Nov 2018"), "28 days", Decimal("82.9")),
        (code("Dec 2018"), "28 days", Decimal("84.7"))}
    assert any("filed under that measure" in w for w in ctx.warnings)


def test_a_table_in_another_unit_that_repeats_no_measure_is_set_aside():
    ctx = load(edition(ParsedIndicator(
        "SAFE: 01", "Rate of children subject to a child protection plan",
        latest=latest("Latest (December 2018) 41.2 per 10,000", "41.2", "December 2018",
                      "per 10,000"),
        measures=[ParsedMeasure("Children in need rate per 10,000", latest=[
            latest("Latest Q3 18-19 – 284.7", "284.7", "Q3 18-19", "per 10,000")])],
        series=[ParsedSeries("", "%", [("Q2 18-19", Decimal("21.6")),
                                       ("Q3 18-19", Decimal("22.9"))])])))
    assert not Observation.objects.filter(value__in=[Decimal("21.6"), Decimal("22.9")]).exists()
    assert any("22.9" in entry.text for entry in ctx.set_aside)


def test_the_paper_built_to_tempt_misfiling():
    result = import_path(UNSEEN / "monitoring_b" / "tempt-misfiling.txt")
    by_code = {i.code_key: i for i in PopulationIndicator.objects.all()}
    # a measure's percentages never become the people killed or injured on the roads
    ksi = by_code[normalise_code("SAFE 07")]
    assert ksi.unit == "count"
    assert sorted((o.period.code, o.value) for o in ksi.observations.all()
                  if not o.breakdown) == [(code("2016"), Decimal("250")),
                                          (code("2017"), Decimal("268"))]
    defects = PerformanceMeasure.objects.get(title="Percentage of defects made safe on time")
    assert {(o.period.code, o.breakdown, o.value) for o in defects.observations.all()} >= {
        (code("Sep 2018"), "28 days", Decimal("86.2")),
        (code("Dec 2018"), "32 hours", Decimal("94.9"))}
    # every indicator's own series is in the indicator's unit
    for indicator in PopulationIndicator.objects.all():
        for obs in indicator.observations.filter(breakdown=""):
            assert obs.unit in ("", indicator.unit), (indicator, obs)
    # the breakdown printed with the same period (Female 618, Male 428) is not the headline
    concerns = by_code[normalise_code("SAFE 05")]
    assert concerns.observations.get(breakdown="", period=Period.parse("Q3 18-19")).value == 1046
    # the untitled statistical neighbour table is nobody's
    assert not Observation.objects.filter(
        value__in=[Decimal("48.6"), Decimal("49.3"), Decimal("50.0")]).exists()
    assert result.source.warnings == result.warnings


def test_composite_sub_series_keep_their_identity_across_editions():
    import_path(UNSEEN / "monitoring_b" / "composite-subseries-a.txt")
    parts_a = {p.title: p.pk for p in PopulationIndicator.objects.filter(parent__isnull=False)}
    import_path(UNSEEN / "monitoring_b" / "composite-subseries-b.txt")
    parts_b = {p.title: p.pk for p in PopulationIndicator.objects.filter(parent__isnull=False)}
    for title in ("Total Crime", "Domestic Abuse Incidents", "Domestic Abuse Crimes"):
        assert parts_b[title] == parts_a[title]
    assert "Hate Crime" in parts_b and parts_b["Hate Crime"] not in parts_a.values()
    total = PopulationIndicator.objects.get(pk=parts_a["Total Crime"])
    values = {o.period.code: o.value for o in total.observations.filter(breakdown="")}
    assert values == {code("Q3 2017-18"): 5871, code("Q4 2017-18"): 6047,
                      code("Q1 2018-19"): 6288}
    abuse = PopulationIndicator.objects.get(pk=parts_a["Domestic Abuse Crimes"])
    assert {o.period.code: o.value for o in abuse.observations.all()} == {
        code("Q4 2017-18"): 641, code("Q1 2018-19"): 702}
    composite = total.parent
    assert not composite.observations.exists()
