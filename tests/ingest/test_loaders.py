"""Loaders on hand-built parser output: idempotent upserts, reconciliation across editions,
people matched across papers, and all-or-nothing imports."""

from datetime import date, time
from decimal import Decimal

import pytest
from django.db import transaction

from scrutinydesk.committees.models import Attendance, Decision, Meeting, Member, Undertaking
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.ingest.loaders import LoadContext, load_parsed
from scrutinydesk.ingest.records import (
    ParsedAgendaItem,
    ParsedAttendee,
    ParsedBenchmark,
    ParsedDecision,
    ParsedIndicator,
    ParsedMeasure,
    ParsedMeeting,
    ParsedMember,
    ParsedMonitoringReport,
    ParsedRiskAssessment,
    ParsedTrend,
    ParsedUndertaking,
    ParsedValue,
    SourceRef,
)
from scrutinydesk.outcomes.models import (
    Observation,
    PerformanceMeasure,
    PopulationIndicator,
    StatedJudgement,
)
from scrutinydesk.risks.models import Risk, RiskAssessment

pytestmark = pytest.mark.django_db


def source(name="paper.txt"):
    return SourceDocument.objects.create(sha256=name.ljust(64, "0")[:64], name=name)


def load(record, name="paper.txt"):
    ctx = LoadContext(source(name))
    load_parsed(ctx, record)
    return ctx


def agenda(committee="Health Scrutiny Committee"):
    return ParsedMeeting(
        committee=committee, council="Wessex County Council", date=date(2019, 3, 5),
        start_time=time(10, 30), venue="Room 2",
        members=[ParsedMember("Anne Hathaway", "chair"), ParsedMember("Tom Jones", "vice_chair"),
                 ParsedMember("Ruth Ellis")],
        items=[ParsedAgendaItem("1", "Apologies for Absence"),
               ParsedAgendaItem("5", "Adult Social Care Charging", page_start=11, page_end=20)])


def minutes(committee="Health Scrutiny Committee"):
    return ParsedMeeting(
        committee=committee, date=date(2019, 3, 5), status="held", has_minutes=True,
        attendance=[ParsedAttendee("Cllr Hathaway", "apologies"),
                    ParsedAttendee("Tom Jones", "present", capacity="Vice-Chairman"),
                    ParsedAttendee("Jo Bloggs", "present", kind="officer",
                                   capacity="Head of Finance")],
        chaired_by="Vice-Chairman",
        items=[ParsedAgendaItem("5", "Adult Social Care Charging", minutes="Considered.",
                                decisions=[ParsedDecision("recommended", "That Cabinet agree.",
                                                          "To save money.", "Cabinet")],
                                undertakings=[ParsedUndertaking(
                                    "Jo Bloggs", "circulate the figures to members")])])


def test_agenda_then_minutes_land_on_one_meeting_and_match_members():
    load(agenda(), "agenda.txt")
    load(minutes(), "minutes.html")
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()
    assert meeting.status == "held" and meeting.start_time == time(10, 30)
    assert meeting.items.count() == 2
    # "Cllr Hathaway" is the chairman known from the agenda, not a new member
    assert Member.objects.count() == 3
    apologies = Attendance.objects.get(status="apologies")
    assert apologies.member.name == "Anne Hathaway"
    assert meeting.chaired_by.name == "Tom Jones"
    decision = Decision.objects.get()
    assert (decision.kind, decision.recipient, decision.agenda_item.number) == \
        ("recommended", "Cabinet", "5")
    undertaking = Undertaking.objects.get()
    assert undertaking.owner_officer.name == "Jo Bloggs"


def test_loading_the_same_content_twice_changes_nothing():
    load(agenda(), "a.txt")
    load(minutes(), "b.txt")
    ctx = load(minutes(), "c.txt")
    assert sum(ctx.created.values()) == 0
    assert sum(ctx.updated.values()) == 0
    assert sum(ctx.unchanged.values()) > 5
    assert Decision.objects.count() == 1 and Undertaking.objects.count() == 1


def test_a_later_agenda_does_not_undo_held_status():
    load(minutes(), "m.txt")
    load(agenda(), "a.txt")
    assert Meeting.objects.get().status == "held"


def report(edition, code_children_in_care, extra_indicator=False, cp_value="51",
           cp_period="March 2017"):
    indicators = [
        ParsedIndicator(
            code="SAFE: 01", number=1, title="Rate of children subject to a child protection plan",
            lead_officers=["Claire Shiels"], outcome_lead_officers=["Patrick Myers"],
            latest=ParsedValue(f"Latest ({cp_period}) {cp_value} per 10,000", Decimal(cp_value),
                               cp_period, "per 10,000"),
            trend=ParsedTrend("Trend IMPROVING G", "improving", "IMPROVING", "green"),
            benchmark=ParsedBenchmark("Benchmark (England) WORSE 43.1 (Average) R", "England",
                                      "worse", "WORSE", Decimal("43.1"), "43.1", "", "red"),
            story="Story.", measures=[ParsedMeasure(
                "Children in need rate per 10,000",
                latest=[ParsedValue("Latest Q2 17-18 – 156.5", Decimal("156.5"), "Q2 17-18")])],
            risks=[ParsedRiskAssessment("14b", "Inability to attract and retain staff", "high",
                                        "unchanged", "UNCHANGED")],
            ref=SourceRef(page=64)),
        ParsedIndicator(
            code=code_children_in_care, number=int(code_children_in_care[-2:]),
            title="Rate of children in care",
            latest=ParsedValue("Latest (March 2017) 62 per 10,000", Decimal("62"), "March 2017",
                               "per 10,000")),
    ]
    if extra_indicator:
        indicators.append(ParsedIndicator(code="SAFE: 03", title="Rate of children in care "
                                                                  "placed out of county"))
    return ParsedMonitoringReport(outcome="Safe", edition=edition, sponsor="Nick Jarman",
                                  code_prefix="SAFE", indicators=indicators)


def test_monitoring_report_loads_values_judgements_measures_and_risks():
    load(report(date(2018, 1, 1), "SAFE: 02"))
    cp = PopulationIndicator.objects.get(code="SAFE: 01")
    obs = Observation.objects.get(indicator=cp)
    assert obs.value == Decimal("51") and obs.period.label == "March 2017"
    assert obs.source_page == 64 and obs.source.name == "paper.txt"
    assert cp.unit == "per_10000"
    stated = StatedJudgement.objects.get(indicator=cp)
    assert (stated.trend, stated.trend_rag, stated.benchmark, stated.benchmark_rag) == \
        ("improving", "green", "worse", "red")
    assert stated.benchmark_comparator.name == "England"
    assert cp.comparatorvalues.get().value == Decimal("43.1")
    assert PerformanceMeasure.objects.get().observations.get().period.label == "Q2 2017-18"
    risk = Risk.objects.get(code="14b")
    assert risk.indicators.get() == cp
    assert RiskAssessment.objects.get(risk=risk).level == "high"


def test_next_edition_adds_periods_and_follows_renumbered_codes():
    load(report(date(2018, 1, 1), "SAFE: 02"), "jan.txt")
    load(report(date(2018, 4, 1), "SAFE: 04", extra_indicator=True, cp_value="47.5",
                cp_period="June 2017"), "apr.txt")
    care = PopulationIndicator.objects.filter(title="Rate of children in care")
    assert care.count() == 1
    assert care.get().code == "SAFE: 04"  # the latest edition's code
    assert care.get().aliases.count() == 2
    cp = PopulationIndicator.objects.get(title__startswith="Rate of children subject")
    assert [o.period.label for o in cp.observations.order_by("period_end")] == \
        ["March 2017", "June 2017"]
    assert PopulationIndicator.objects.count() == 3
    assert StatedJudgement.objects.filter(indicator=cp).count() == 2


def test_editions_in_either_order_give_the_same_records():
    load(report(date(2018, 4, 1), "SAFE: 04", cp_value="47.5", cp_period="June 2017"), "a")
    load(report(date(2018, 1, 1), "SAFE: 02"), "b")
    assert PopulationIndicator.objects.count() == 2
    assert PopulationIndicator.objects.get(title="Rate of children in care").code == "SAFE: 04"
    assert Observation.objects.filter(indicator__number=1).count() == 2


def test_an_ambiguous_title_is_reported_not_guessed():
    first = ParsedMonitoringReport(outcome="Safe", edition=date(2018, 1, 1), indicators=[
        ParsedIndicator("SAFE: 05", "Number of adult safeguarding concerns received"),
        ParsedIndicator("SAFE: 06", "Number of adult safeguarding enquiries received")])
    load(first, "one")
    second = ParsedMonitoringReport(outcome="Safe", edition=date(2018, 4, 1), indicators=[
        ParsedIndicator("SAFE: 07", "Number of adult safeguarding concerns and enquiries "
                                    "received")])
    ctx = load(second, "two")
    assert PopulationIndicator.objects.count() == 3
    assert len(ctx.warnings) == 1 and "could be any of" in ctx.warnings[0]


def test_a_failing_load_writes_nothing(monkeypatch):
    from scrutinydesk.ingest.loaders import meetings

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(meetings, "load_item_business", broken)
    with pytest.raises(RuntimeError), transaction.atomic():
        load(minutes())
    assert Meeting.objects.count() == 0 and Member.objects.count() == 0


def test_next_meeting_time_and_venue_fill_the_scheduled_meeting_only_where_blank():
    from scrutinydesk.ingest.records import ParsedFutureMeeting
    record = minutes()
    record.future_meetings = [ParsedFutureMeeting(date(2019, 6, 4), start_time=time(10, 0),
                                                  venue="the Council Chamber, County Hall")]
    load(record)
    nxt = Meeting.objects.get(date=date(2019, 6, 4))
    assert (nxt.start_time, nxt.venue, nxt.status) == (time(10, 0), "Council Chamber, County Hall",
                                                       "scheduled")
    nxt.venue = "Room 3"
    nxt.save()
    ctx = load(record, "again.txt")
    assert Meeting.objects.get(date=date(2019, 6, 4)).venue == "Room 3"
    assert ctx is not None


def test_undertaking_by_role_links_the_officer_attending_in_that_role():
    record = minutes()
    record.items[0].undertakings = [ParsedUndertaking(
        "the Head of Finance", "circulate the figures to members", due=date(2019, 4, 30))]
    load(record, "minutes.html")
    load(record, "minutes-again.html")  # idempotent
    undertaking = Undertaking.objects.get()
    assert undertaking.owner == "Jo Bloggs (Head of Finance)"
    assert undertaking.owner_officer is not None and undertaking.owner_officer.name == "Jo Bloggs"


def test_undertaking_by_a_role_nobody_attends_in_keeps_the_role():
    record = minutes()
    record.items[0].undertakings = [ParsedUndertaking(
        "The Director of Public Health", "circulate the figures to members")]
    load(record)
    undertaking = Undertaking.objects.get()
    assert undertaking.owner == "The Director of Public Health"
    assert undertaking.owner_officer is None
