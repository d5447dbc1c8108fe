"""Revised figures are kept with their sources, the latest edition's is used, and the audit
says so; the audit compares what an edition stated with what the same edition printed, and
runs on what an import changed once its transaction is over."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection

from scrutinydesk.core.models import SourceDocument
from scrutinydesk.core.periods import Period
from scrutinydesk.findings import services as audit_services
from scrutinydesk.findings.models import Finding, FindingKind
from scrutinydesk.findings.services import recompute_findings
from scrutinydesk.ingest.loaders import LoadContext, load_parsed
from scrutinydesk.ingest.records import (
    ParsedIndicator,
    ParsedMonitoringReport,
    ParsedSeries,
    ParsedValue,
)
from scrutinydesk.ingest.services import import_bytes, import_path
from scrutinydesk.outcomes.models import Observation, PopulationIndicator, PrintedValue

pytestmark = pytest.mark.django_db

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "unseen" / "round1" / "monitoring_b"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def edition(year, month, latest, previous=None, series=(), title="Rate of children in care",
            outcome="Safe"):
    return ParsedMonitoringReport(outcome=outcome, edition=date(year, month, 1), indicators=[
        ParsedIndicator("SAFE: 02", title, latest=latest, previous=previous,
                        series=list(series))])


def value(period, number):
    return ParsedValue(f"Latest ({period}) {number} per 10,000", Decimal(number), period,
                       "per 10,000")


def load(report, name):
    ctx = LoadContext(SourceDocument.objects.create(sha256=name.ljust(64, "x"), name=name))
    load_parsed(ctx, report)
    return ctx


def revision_findings():
    return list(Finding.objects.filter(kind=FindingKind.REVISION, still_holds=True))


@pytest.mark.parametrize("order", ["oldest first", "newest first"])
def test_a_revised_figure_keeps_both_editions_and_uses_the_latest(order):
    october = edition(2017, 10, value("March 2017", "62"))
    july = edition(2018, 7, value("March 2018", "58"), previous=value("March 2017", "63"))
    papers = [(october, "october"), (july, "july")]
    for report, name in papers if order == "oldest first" else papers[::-1]:
        load(report, name)
    recompute_findings()
    obs = Observation.objects.get(period=Period.parse("March 2017"))
    assert obs.value == 63 and obs.edition.edition == date(2018, 7, 1)
    printed = {p.edition.edition: (p.value, p.source.name) for p in obs.printed.all()}
    assert printed == {date(2017, 10, 1): (62, "october"), date(2018, 7, 1): (63, "july")}
    [revision] = PopulationIndicator.objects.get().revisions(breakdown="")
    assert PopulationIndicator.objects.get().revisions(breakdown="Boys") == []
    assert revision.wording == "revised from 62 (October 2017) to 63 (July 2018)"
    [finding] = revision_findings()
    assert "revised from 62 (October 2017) to 63 (July 2018)" in finding.explanation
    assert finding.edition.edition == date(2018, 7, 1) and finding.source.name == "july"
    # the October report's own statement agrees with what October printed: no value finding
    assert not Finding.objects.filter(kind=FindingKind.VALUE).exists()


def test_reloading_an_edition_adds_no_revision():
    report = edition(2018, 7, value("March 2018", "58"))
    load(report, "a")
    load(report, "b")
    assert PrintedValue.objects.count() == 1
    assert PopulationIndicator.objects.get().revisions() == []


def test_the_revisions_printed_between_the_two_wessex_editions():
    import_path(UNSEEN / "composite-subseries-a.txt")
    result = import_path(UNSEEN / "composite-subseries-b.txt")
    wordings = sorted(f.explanation for f in revision_findings())
    assert len(wordings) == 2, wordings
    assert "revised from 44.7 (July 2018) to 45.1 (October 2018)" in wordings[0] + wordings[1]
    assert "revised from 6,012 (July 2018) to 6,047 (October 2018)" in wordings[0] + wordings[1]
    assert result.findings["new"] >= 2
    plan = PopulationIndicator.objects.get(title="Rate of children subject to a child "
                                                 "protection plan")
    assert plan.observations.get(period=Period.parse("March 2018")).value == Decimal("45.1")


def test_the_two_safe_editions_among_the_samples_revise_nothing():
    """Both bundled editions print five figures for the same periods, all alike: each is
    kept as each edition printed it, and no revision is reported."""
    import_path(SAMPLES / "2017-10-12-safeguarding-scrutiny-agenda-pack.txt")
    import_path(SAMPLES / "2018-01-30-safeguarding-scrutiny-agenda-pack.txt")
    both = [o for o in Observation.objects.all() if o.printed.count() == 2]
    assert len(both) >= 4
    plan = next(o for o in both if o.indicator and "protection plan" in o.indicator.title)
    assert plan.value == 51 and {p.value for p in plan.printed.all()} == {51}
    assert revision_findings() == []


def test_a_stated_figure_is_checked_against_the_same_editions_table():
    """The stated "Previous (March 2017) 61.8" against the table's 63.4 in the same edition:
    the table is the series, the statement a finding."""
    report = edition(2019, 1, value("March 2018", "60.1"), previous=value("March 2017", "61.8"),
                     series=[ParsedSeries("Brantshire", "per 10,000",
                                          [("March 2017", Decimal("63.4")),
                                           ("March 2018", Decimal("60.1"))])])
    report.indicators[0].latest.text = "BRANTSHIRE - Latest (March 2018) 60.1 per 10,000"
    report.indicators.append(ParsedIndicator(
        "SAFE: 03", "Rate of children subject to a plan",
        latest=ParsedValue("BRANTSHIRE - Latest (March 2018) 40 per 10,000", Decimal("40"),
                           "March 2018", "per 10,000")))
    load(report, "brantshire")
    recompute_findings()
    assert Observation.objects.get(period=Period.parse("March 2017")).value == Decimal("63.4")
    [finding] = Finding.objects.filter(kind=FindingKind.VALUE)
    assert "stated as 61.8" in finding.explanation and "63.4" in finding.explanation


def test_the_audit_runs_after_the_import_on_what_it_changed(monkeypatch):
    """A finding of another outcome is left alone by an import that does not touch it, and
    the audit runs outside the import's own transaction."""
    load(edition(2018, 7, value("March 2018", "58"), outcome="Healthy",
                 title="Rate of admissions"), "healthy-july")
    load(edition(2018, 10, value("March 2018", "59"), outcome="Healthy",
                 title="Rate of admissions"), "healthy-october")
    recompute_findings()
    [other] = revision_findings()
    PrintedValue.objects.filter(value=58).update(value=59)  # no longer a revision

    depth = []
    real = audit_services.recompute_findings

    def spy(scope=None):
        depth.append(len(connection.savepoint_ids))
        return real(scope)

    monkeypatch.setattr(audit_services, "recompute_findings", spy)
    before = len(connection.savepoint_ids)
    text = (SAMPLES / "2018-01-30-safeguarding-scrutiny-agenda-pack.txt").read_bytes()
    result = import_bytes(text, "pack.txt")
    assert depth == [before]  # not inside the import's savepoint
    assert result.findings  # the Safe outcome's findings were computed
    other.refresh_from_db()
    assert other.still_holds  # not in the import's scope
    recompute_findings()
    other.refresh_from_db()
    assert not other.still_holds
