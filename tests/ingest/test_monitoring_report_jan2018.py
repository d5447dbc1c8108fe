"""The Outcomes Focused Monitoring Report of January 2018 (agenda item 9 of the pack of
30 January 2018, samples/2018-01-30-safeguarding-scrutiny-agenda-pack.txt): a clean
line-based conversion. Parsed once; each test checks one thing against the paper."""

from datetime import date
from decimal import Decimal

import pytest

from scrutinydesk.ingest.parsers.monitoring_report import (
    looks_like_monitoring_report,
    parse_monitoring_report,
)
from scrutinydesk.ingest.text import Paper
from tests.conftest import sample_text

PACK = "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"


def _item_lines(paper: Paper) -> tuple[int, int]:
    """Agenda item 9: from its cover sheet's committee heading to the page left blank
    after the value-for-money appendices (found by text, not by fixed line numbers)."""
    numbers = [ln.number for ln in paper.lines]
    subject = next(ln.number for ln in paper.lines
                   if ln.text.startswith("Subject of Report\tOutcomes Focused Monitoring"))
    start = max(n for n in numbers if n < subject
                and paper.lines[n - 1].text == "Safeguarding Overview and Scrutiny Committee")
    contact = next(ln.number for ln in paper.lines if ln.number > subject
                   and ln.text == "CONTACT")
    end = next(ln.number for ln in paper.lines if ln.number > contact
               and ln.text == "This page is intentionally left blank")
    return start, end


@pytest.fixture(scope="module")
def pack() -> Paper:
    return Paper.from_text(sample_text(PACK), name=PACK)


@pytest.fixture(scope="module")
def report(pack):
    start, end = _item_lines(pack)
    return parse_monitoring_report(pack.slice(start, end))


@pytest.fixture(scope="module")
def by_title(report):
    return {i.title: i for i in report.indicators}


def _ind(report, code):
    found = [i for i in report.indicators if i.code == code]
    assert len(found) == 1, [i.code for i in report.indicators]
    return found[0]


# --- the report -----------------------------------------------------------------------

def test_outcome_sponsor_and_edition(report):
    assert report.outcome == "Safe"
    assert report.edition == date(2018, 1, 1)
    assert report.title == "Outcomes Focused Monitoring Report January 2018"
    assert report.code_prefix == "SAFE"


def test_sponsor_and_title(report):
    assert report.sponsor == "Nick Jarman"
    assert report.sponsor_title == "Interim Director for Children’s Services"


def test_stated_counts(report):
    assert (report.stated_indicator_count, report.stated_measure_count,
            report.stated_risk_count) == (10, 20, 11)


def test_report_ref_points_at_its_title_page(report, pack):
    assert pack.lines[report.ref.line - 1].text == "Safe"
    assert pack.lines[report.ref.line + 1].text.startswith("Outcome Sponsor")


def test_cover_sheet_is_read_when_the_parser_exists(report):
    pytest.importorskip("scrutinydesk.ingest.parsers.coversheet")
    assert report.cover is not None
    assert report.cover.subject == "Outcomes Focused Monitoring Report, January 2018"
    assert report.cover.date_of_meeting == date(2018, 1, 18)


def test_looks_like_a_monitoring_report(pack):
    start, end = _item_lines(pack)
    assert looks_like_monitoring_report(pack.slice(start, end))
    assert not looks_like_monitoring_report(pack.slice(1, start))


# --- contents and focus ---------------------------------------------------------------

def test_contents(report):
    assert report.contents[0] == ("Executive Summary", "3")
    assert ("06 Rates of crime, antisocial behaviour and domestic abuse in Dorset",
            "9 & 10") in report.contents
    assert report.contents[-1] == ("Content", "14")
    assert len(report.contents) == 11


def test_focus_counts_by_kind(report):
    kinds = [f.kind for f in report.focus]
    assert (kinds.count("indicator"), kinds.count("measure"), kinds.count("risk")) == (3, 8, 4)


def test_focus_indicators_as_printed(report):
    assert [f.text for f in report.focus if f.kind == "indicator"] == [
        "Total Crime", "Total Anti- Social Behaviour", "Domestic Abuse Crimes"]


def test_focus_risks_keep_their_codes(report):
    risks = [f.text for f in report.focus if f.kind == "risk"]
    assert [r[:3] for r in risks] == ["04a", "09b", "14b", "01d"]


def test_focus_indicator_reason_from_summary_of_issues(report):
    crime = next(f for f in report.focus if f.text == "Total Crime")
    assert crime.reason.startswith("The 3 year trend is an increase in total crime")
    assert crime.reason.endswith("with the aim of putting interventions and solutions in place.")


def test_focus_measure_reasons_only_where_the_summary_names_them(report):
    reasons = {f.text: f.reason for f in report.focus if f.kind == "measure"}
    assert reasons["Skid resistance - principal"].startswith("Performance measures: There has")
    assert "special guardianship order" in \
        reasons["No. of LAC ceased because of a special guardianship order"]
    assert reasons["No. of assaults"] == ""
    assert reasons["No. of children centre registrations"] == ""


# --- indicators -----------------------------------------------------------------------

def test_indicator_count_counting_parts_matches_the_stated_count(report):
    assert len(report.indicators) == report.stated_indicator_count == 10


def test_seven_indicator_pages(report):
    assert sorted({i.number for i in report.indicators}) == [1, 2, 3, 4, 5, 6, 7]
    assert all(i.code == f"SAFE: {i.number:02d}" for i in report.indicators)


def test_titles(report):
    assert _ind(report, "SAFE: 01").title == "Rate of children subject to a child protection plan"
    assert _ind(report, "SAFE: 03").title == ("Number of children being admitted to hospital "
                                              "due to injury (aged 0 to 14 years)")


def test_lead_officers_including_a_wrapped_heading(report):
    safe03 = _ind(report, "SAFE: 03")
    assert safe03.outcome_lead_officers == ["Patrick Myers"]
    assert safe03.lead_officers == ["David Lemon"]
    assert _ind(report, "SAFE: 05").lead_officers == ["Sally Wernick"]


def test_safe01_latest(report):
    latest = _ind(report, "SAFE: 01").latest
    assert (latest.value, latest.period_text, latest.unit_text) == (
        Decimal("51"), "March 2017", "per 10,000")


def test_safe01_trend(report):
    trend = _ind(report, "SAFE: 01").trend
    assert (trend.printed_word, trend.word, trend.rag) == ("IMPROVING", "improving", "green")


def test_safe01_benchmark(report):
    bench = _ind(report, "SAFE: 01").benchmark
    assert (bench.comparator, bench.printed_word, bench.word, bench.value, bench.rag) == (
        "England", "WORSE", "worse", Decimal("43.1"), "red")
    assert not bench.no_data


def test_safe02_has_no_headline_values_but_its_commentary(report):
    safe02 = _ind(report, "SAFE: 02")
    assert safe02.latest is None and safe02.trend is None and safe02.benchmark is None
    assert safe02.story.startswith("Children come into care when parents")
    assert safe02.partners.startswith("The following partners will be critical")
    assert [r.code for r in safe02.risks] == ["01d", "02c"]


def test_safe03_benchmark_period(report):
    bench = _ind(report, "SAFE: 03").benchmark
    assert (bench.value, bench.period_text) == (Decimal("104.2"), "2015-16")


def test_safe04_values(report):
    safe04 = _ind(report, "SAFE: 04")
    assert (safe04.latest.value, safe04.latest.unit_text, safe04.latest.period_text) == (
        Decimal("11"), "%", "2016")
    assert (safe04.trend.printed_word, safe04.trend.word, safe04.trend.rag) == (
        "No Trend", "no_trend", "")
    bench = safe04.benchmark
    assert (bench.comparator, bench.word, bench.value, bench.value_text, bench.rag) == (
        "South West", "similar", Decimal("10.7"), "10.7%", "amber")


def test_safe05_latest_and_other_values(report):
    safe05 = _ind(report, "SAFE: 05")
    assert (safe05.latest.value, safe05.latest.period_text) == (Decimal("960"), "Q2 17-18")
    other = {(v.period_text, v.value, v.unit_text) for v in safe05.other_values}
    assert ("2016-17", Decimal("3553"), "") in other
    assert ("", Decimal("928"), "per 100K pop") in other  # Dorset's own rate


def test_safe05_trend_and_benchmark_take_the_comparators_value(report):
    safe05 = _ind(report, "SAFE: 05")
    assert (safe05.trend.printed_word, safe05.trend.word, safe05.trend.rag) == (
        "Unchanged", "unchanged", "amber")
    bench = safe05.benchmark
    assert (bench.word, bench.value, bench.rag) == ("better", Decimal("704"), "red")


def test_safe05_measures(report):
    measures = _ind(report, "SAFE: 05").measures
    assert len(measures) == 2
    assert measures[0].latest[0].period_text == "16-17 (Annal Measure)"
    assert (measures[1].latest[0].value, measures[1].latest[0].period_text) == (
        Decimal("74"), "Apr-Oct 17-18")


def test_safe06_is_emitted_in_four_parts(report):
    parts = [i for i in report.indicators if i.code == "SAFE: 06"]
    assert [p.title for p in parts] == ["Total Crime", "Total Anti- Social Behaviour",
                                        "Domestic Abuse Incidents", "Domestic Abuse Crimes"]
    assert {p.group_title for p in parts} == {
        "Rates of crime, antisocial behaviour and domestic abuse in Dorset"}


def test_safe06_part_values(report):
    parts = {i.title: i for i in report.indicators if i.code == "SAFE: 06"}
    crime = parts["Total Crime"]
    assert (crime.latest.value, crime.latest.unit_text, crime.latest.period_text) == (
        Decimal("5694"), "crimes for the quarter", "Q2 2017-18")
    assert [(v.value, v.unit_text) for v in crime.other_values] == [
        (Decimal("12.9"), "per 1,000 population")]
    assert parts["Domestic Abuse Crimes"].latest.value == Decimal("605")
    assert parts["Domestic Abuse Crimes"].latest.unit_text == ""


def test_safe06_rag_letters_printed_on_their_own_lines(report):
    parts = {i.title: i for i in report.indicators if i.code == "SAFE: 06"}
    assert [(p.trend.word, p.trend.rag) for p in parts.values()] == [
        ("worsening", "red"), ("worsening", "red"), ("improving", "green"), ("worsening", "red")]
    assert all(p.benchmark.no_data and p.benchmark.comparator == "" for p in parts.values())


def test_safe06_parts_keep_their_own_story_and_share_the_page(report):
    parts = [i for i in report.indicators if i.code == "SAFE: 06"]
    assert parts[0].story.startswith("TOTAL CRIME - 5,694 crimes")
    assert parts[3].story.startswith("DOMESTIC ABUSE CRIMES")
    assert len({p.what_we_are_doing for p in parts}) == 1
    assert parts[0].what_we_are_doing.startswith("Partners including Dorset Police")


def test_safe06_measures_listed_once_on_the_first_part(report):
    parts = [i for i in report.indicators if i.code == "SAFE: 06"]
    assert [len(p.measures) for p in parts] == [4, 0, 0, 0]
    assert parts[0].measures[-1].latest[0].period_text == "Q2 2016-17"


def test_safe07_latest_in_calendar_quarter(report):
    latest = _ind(report, "SAFE: 07").latest
    assert (latest.value, latest.period_text) == (Decimal("245"), "QTR 2 2016")


def test_safe07_measures_with_breakdowns(report):
    measures = _ind(report, "SAFE: 07").measures
    assert len(measures) == 4
    road = measures[0]
    assert road.title == "Percentage road condition in need of maintenance"
    assert [(v.breakdown, v.value, v.unit_text) for v in road.latest] == [
        ("Principal", Decimal("4"), "%"), ("Non Principal", Decimal("5"), "%")]
    assert [v.breakdown for v in measures[1].latest] == ["28 days", "32 hours"]
    assert measures[2].latest[0].breakdown == ""


def test_safe07_cont_page_is_merged(report):
    safe07 = _ind(report, "SAFE: 07")
    assert [r.code for r in safe07.risks] == ["09b"]
    assert safe07.what_we_are_doing.startswith("Responsibility for improving road safety")


def test_measures_in_one_cell_with_title(report):
    measures = _ind(report, "SAFE: 01").measures
    assert [m.title for m in measures][:2] == [
        "Children in need rate per 10,000",
        "% of re-referrals to children's social care within 12 months"]
    assert (measures[0].latest[0].value, measures[0].latest[0].unit_text) == (
        Decimal("156.5"), "per 10,000")
    assert measures[1].latest[0].unit_text == "%"


def test_measure_count(report):
    assert sum(len(i.measures) for i in report.indicators) == 15


def test_risks_under_safe01(report):
    risks = {r.code: r for r in _ind(report, "SAFE: 01").risks}
    assert list(risks) == ["02a", "02b", "11c", "14b"]
    assert (risks["14b"].level, risks["14b"].trend, risks["14b"].trend_text) == (
        "high", "unchanged", "UNCHANGED")
    assert risks["14b"].title.startswith("Inability to attract and retain")


def test_no_associated_risks_is_not_a_risk(report):
    assert _ind(report, "SAFE: 03").risks == []
    assert _ind(report, "SAFE: 04").risks == []


def test_value_for_money(report):
    assert {i.value_for_money for i in report.indicators} == {"UNDER DEVELOPMENT"}


def test_story_runs_over_paragraphs_until_partners(report):
    story = _ind(report, "SAFE: 04").story
    assert story.startswith("In 2016, the definition of persistent absence changed.")
    assert "Responsibility for pupil absence primarily rests" in story
    assert "Partners with a significant role" not in story


def test_links_are_plain_text(report):
    doing = _ind(report, "SAFE: 01").what_we_are_doing
    assert "2017-2020 Business Plan." in doing and "](#)" not in doing


def test_unassigned_risks(report):
    risks = report.unassigned_risks
    assert len(risks) == 7
    b05 = next(r for r in risks if r.code == "05b")
    assert (b05.level, b05.trend, b05.trend_text) == ("medium", "improving", "IMPROVED")


def test_key(report):
    assert report.key["IMPROVING"] == \
        "Performance trend line has improved since previous data submission"
    assert report.key["HIGH"] == ("High level risk in the Corporate Risk Register and outside "
                                  "of the Council’s Risk Appetite")
    assert {"HIGH", "MEDIUM", "LOW", "IMPROVING", "UNCHANGED", "WORSENING"} <= set(report.key)


def test_refs_point_at_the_lines_read(report, pack):
    for ind in report.indicators:
        assert ind.ref.line is not None
        text = pack.lines[ind.ref.line - 1].text
        assert text.startswith("SAFE: 0") or "Population Indicator" in text
    for risk in report.unassigned_risks:
        assert pack.lines[risk.ref.line - 1].text.startswith(risk.code)


def test_whole_pack_reads_the_same_report(pack, report):
    whole = parse_monitoring_report(pack)
    assert whole.edition == report.edition
    assert [(i.code, i.title, i.latest) for i in whole.indicators] == \
        [(i.code, i.title, i.latest) for i in report.indicators]
    assert len(whole.focus) == len(report.focus)
