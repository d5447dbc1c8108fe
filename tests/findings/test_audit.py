"""The audit of what reports state, on reports written for the test (each with one known
contradiction) and on consistent ones (no findings)."""

from datetime import date
from decimal import Decimal

import pytest

from scrutinydesk.core.models import SourceDocument
from scrutinydesk.findings.models import Finding
from scrutinydesk.findings.services import recompute_findings
from scrutinydesk.ingest.loaders import LoadContext, load_parsed
from scrutinydesk.ingest.records import (
    ParsedBenchmark,
    ParsedIndicator,
    ParsedMonitoringReport,
    ParsedSeries,
    ParsedTrend,
    ParsedValue,
)
from scrutinydesk.outcomes.models import PopulationIndicator

pytestmark = pytest.mark.django_db

KEY = {"IMPROVING": "Performance trend line has improved since previous data submission",
       "UNCHANGED": "Performance trendline remains unchanged since previous data submission",
       "WORSENING": "Performance trendline is worse than the previous data submission"}


def value(text, number, period, unit=""):
    return ParsedValue(text, Decimal(number) if number is not None else None, period, unit)


def trend(word, rag=""):
    return ParsedTrend(f"Trend {word} {rag}".strip(), word.lower() if word.isupper() else "",
                       word, rag)


def bench(word, number, rag, comparator="England"):
    return ParsedBenchmark(f"Benchmark ({comparator}) {word} {number} (Average) {rag}",
                           comparator, word.lower(), word, Decimal(number), number, "", rag)


def load(report, name):
    ctx = LoadContext(SourceDocument.objects.create(sha256=name.ljust(64, "x"), name=name))
    load_parsed(ctx, report)


def edition(month, *indicators, **extra):
    return ParsedMonitoringReport(outcome="Healthy", edition=date(2019, month, 1),
                                  indicators=list(indicators), key=KEY, **extra)


def findings(kind=None):
    recompute_findings()
    rows = Finding.objects.filter(still_holds=True)
    return list(rows.filter(kind=kind) if kind else rows)


def test_consistent_statements_give_no_findings():
    load(edition(1, ParsedIndicator(
        "HEALTHY: 01", "Rate of hospital admissions for self-harm",
        latest=value("Latest (2017-18) 180.2 per 100,000", "180.2", "2017-18", "per 100,000"),
        trend=trend("IMPROVING", "green"), benchmark=bench("WORSE", "170.0", "red"),
        series=[ParsedSeries("Dorset", "", [("2016-17", Decimal("201.5")),
                                            ("2017-18", Decimal("180.2"))])])), "a")
    assert findings() == []
    indicator = PopulationIndicator.objects.get()
    # WORSE for a value above England's: the report treats lower as better
    assert indicator.polarity == "lower_is_better"
    assert indicator.polarity_basis.startswith("Inferred")


def test_better_marked_red_is_flagged():
    load(edition(1, ParsedIndicator(
        "HEALTHY: 02", "Number of adult safeguarding concerns",
        latest=value("Latest (Q2 18-19) 1,010", "1010", "Q2 18-19"),
        benchmark=bench("BETTER", "704", "red"))), "a")
    rag = findings("rag")
    assert len(rag) == 1
    assert "BETTER but marked R" in rag[0].explanation
    assert rag[0].severity == "error"


def test_unchanged_against_a_real_rise_is_flagged_and_explained():
    load(edition(1, ParsedIndicator(
        "HEALTHY: 03", "Number of adult safeguarding concerns",
        latest=value("Latest (Q1 2018-19) 901", "901", "Q1 2018-19"))), "jan")
    load(edition(4, ParsedIndicator(
        "HEALTHY: 03", "Number of adult safeguarding concerns",
        latest=value("Latest (Q2 18-19) 960", "960", "Q2 18-19"),
        trend=trend("UNCHANGED", "amber"))), "apr")
    found = findings("trend")
    assert len(found) == 1
    text = found[0].explanation
    assert "stated as “UNCHANGED”" in text and "901" in text and "960" in text
    assert "Q1 2018-19" in text and "April 2019 report" in text


def test_previous_figure_that_differs_from_the_reports_own_table_is_flagged():
    load(edition(1, ParsedIndicator(
        "HEALTHY: 04", "Percentage of children vaccinated",
        latest=value("DORSET - Latest (2017-18) 91.2%", "91.2", "2017-18", "%"),
        previous=value("DORSET - Previous (2016-17) 89.0%", "89.0", "2016-17", "%"),
        series=[ParsedSeries("Dorset", "%", [("2016-17", Decimal("88.4")),
                                             ("2017-18", Decimal("91.2"))])])), "a")
    found = findings("value")
    assert len(found) == 1
    assert "stated as 89" in found[0].explanation and "88.4" in found[0].explanation


def test_unreadable_periods_and_impossible_values_are_flagged():
    load(edition(1, ParsedIndicator(
        "HEALTHY: 05", "Percentage of pupils persistently absent",
        latest=value("Latest (Autumn term) 11%", "11", "Autumn term", "%")),
        ParsedIndicator("HEALTHY: 06", "Percentage of assessments on time",
                        latest=value("Latest (2017-18) 112%", "112", "2017-18", "%"))), "a")
    assert [f.stated for f in findings("period")] == ["Autumn term"]
    out_of_range = findings("range")
    assert len(out_of_range) == 1 and "112" in out_of_range[0].explanation


def test_trend_word_missing_from_the_key_is_noted():
    load(edition(1, ParsedIndicator(
        "HEALTHY: 07", "Rate of under-18 conceptions",
        latest=value("Latest (2017) 15.1", "15.1", "2017"),
        trend=trend("IMPROVED", "green"))), "a")
    found = findings("key")
    assert len(found) == 1 and "“IMPROVED”" in found[0].explanation


def test_recomputing_keeps_decisions_and_marks_what_no_longer_holds():
    load(edition(1, ParsedIndicator(
        "HEALTHY: 02", "Number of adult safeguarding concerns",
        latest=value("Latest (Q2 18-19) 1,010", "1010", "Q2 18-19"),
        benchmark=bench("BETTER", "704", "red"))), "a")
    finding = findings("rag")[0]
    finding.status = "accepted"
    finding.save()
    assert recompute_findings()["unchanged"] >= 1
    finding.refresh_from_db()
    assert finding.status == "accepted" and finding.still_holds
    from scrutinydesk.outcomes.models import StatedJudgement

    StatedJudgement.objects.update(benchmark_rag="green")
    recompute_findings()
    finding.refresh_from_db()
    assert not finding.still_holds and finding.status == "accepted"


def test_a_neutral_word_with_a_colour_and_an_unusual_area_name_give_no_finding():
    """ "WESSEX - Trend IMPROVING G" names another area; "HIGHER G" uses a word the key does
    not rate, so there is nothing to contradict."""
    load(edition(1, ParsedIndicator(
        "HEALTHY: 08", "Life expectancy at birth (female)",
        latest=value("WESSEX - Latest (2015-17) 84.1 years", "84.1", "2015-17"),
        trend=ParsedTrend("WESSEX - Trend IMPROVING G", "improving", "IMPROVING", "green"),
        benchmark=ParsedBenchmark("Benchmark (England) HIGHER 83.1 G", "England", "higher",
                                  "HIGHER", Decimal("83.1"), "83.1", "", "green"))), "a")
    assert findings() == []
