"""End to end: the bundled papers and papers of our own imported through
``import_path``/``import_bytes``, checked against what the papers say; imports are
idempotent, order-independent, format-independent and all-or-nothing."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction

from scrutinydesk.actionplans.models import Action, ActionPlan
from scrutinydesk.api.exports import export_json
from scrutinydesk.committees.models import Attendance, Meeting, Member, Undertaking
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.ingest.errors import PaperError
from scrutinydesk.ingest.services import import_bytes, import_path
from scrutinydesk.outcomes.models import (
    Observation,
    PerformanceMeasure,
    PopulationIndicator,
    ReportEdition,
    StatedJudgement,
)
from scrutinydesk.risks.models import RiskAssessment
from tests.ingest.paperbuilders import text_to_docx, text_to_pdf

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
JAN_PACK = SAMPLES / "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
OCT_PACK = SAMPLES / "2017-10-12-safeguarding-scrutiny-agenda-pack.txt"
PAGE = SAMPLES / "2018-01-30-meeting-documents-page.txt"
SELF_EVALUATION = SAMPLES / "2020-09-childrens-services-self-evaluation.txt"
OWN = ROOT / "tests" / "fixtures" / "papers"


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (
        Meeting, Member, Attendance, Undertaking, PopulationIndicator, PerformanceMeasure,
        Observation, StatedJudgement, RiskAssessment, ActionPlan, Action)}


def test_all_bundled_samples_import_with_what_the_papers_say():
    for path in (OCT_PACK, PAGE, JAN_PACK, SELF_EVALUATION):
        result = import_path(path)
        assert result.total_created > 0, path.name

    jan30 = Meeting.objects.get(date=date(2018, 1, 30))
    apologies = {a.member.name for a in jan30.attendance.filter(status="apologies")}
    assert apologies == {"Derek Beer", "Kevin Brookes", "Pauline Batstone"}
    assert jan30.chaired_by.name == "Katharine Garcia"  # "the Vice-Chairman took the Chair"
    kinds = {(d.agenda_item.number, d.kind, d.recipient) for d in jan30.decisions.all()}
    assert {("5", "recommended", "Cabinet"), ("6", "recommended", "Cabinet"),
            ("7", "resolved", ""), ("12", "resolved", "")} <= kinds

    oct12 = Meeting.objects.get(date=date(2017, 10, 12))
    assert sorted(int(i.minute_number) for i in oct12.items.all()) == list(range(37, 49))
    assert oct12.minutes_confirmed_on == date(2018, 1, 30)
    undertakings = oct12.undertakings.select_related("agenda_item")
    assert {u.agenda_item.minute_number for u in undertakings} >= {"44", "46"}
    assert any("circulate this data" in u.text for u in undertakings)
    # an owner read mid-sentence ("… the Director undertook to …") reads as a name in a list
    assert all(u.owner[:1].isupper() for u in Undertaking.objects.all())
    assert Undertaking.objects.filter(owner="The Director").exists()

    jan = ReportEdition.objects.get(edition=date(2018, 1, 1))
    assert ReportEdition.objects.filter(edition=date(2017, 10, 1)).exists()
    cp = PopulationIndicator.objects.get(title="Rate of children subject to a child protection "
                                               "plan")
    obs = cp.observations.get(breakdown="")
    assert (str(obs.value.normalize()), obs.period.label, cp.unit) == ("51", "March 2017",
                                                                      "per_10000")
    stated = cp.statedjudgements.get(edition=jan)
    assert (stated.trend, stated.trend_rag, stated.benchmark, stated.benchmark_rag) == \
        ("improving", "green", "worse", "red")
    assert stated.benchmark_comparator.name == "England"
    assert stated.benchmark_value == Decimal("43.1")
    assert RiskAssessment.objects.get(risk__code="14b", edition=jan).level == "high"
    assert cp.risks.filter(code="14b").exists()
    assert cp.measures.count() == 3

    send = ActionPlan.objects.get(title__icontains="Written Statement of Action")
    first = send.actions.filter(number="1.1").order_by("position").first()
    assert first.status == "complete" and first.timescale == "May to June 2017"
    assert send.actions.filter(status="on_target").count() > 10


def test_importing_a_pack_again_changes_nothing():
    import_path(JAN_PACK)
    before = counts()
    again = import_path(JAN_PACK)
    assert again.already_imported
    # the same content in a file that differs by a byte is read again, and changes nothing
    result = import_bytes(JAN_PACK.read_bytes() + b"\n", "copy-of-pack.txt")
    assert result.total_created == 0 and result.total_updated == 0
    assert counts() == before


@pytest.mark.slow
def test_the_two_monitoring_reports_in_either_order_give_the_same_records(tmp_path):
    def snapshot():
        data = json.loads(export_json("indicators"))
        return sorted(
            (i["title"], i["code"], tuple(sorted((o["period"]["code"], o["breakdown"],
                                                  o["value"]) for o in i["observations"])),
             len(i["stated_judgements"]))
            for i in data), counts()

    with transaction.atomic():
        import_path(OCT_PACK)
        import_path(JAN_PACK)
        forwards = snapshot()
        transaction.set_rollback(True)
    assert not PopulationIndicator.objects.exists()
    import_path(JAN_PACK)
    import_path(OCT_PACK)
    backwards = snapshot()
    assert forwards == backwards
    assert forwards[1]["PopulationIndicator"] == 11  # 7 pages, SAFE 06 in 4 parts


def test_next_editions_report_adds_periods_to_renumbered_indicators():
    import_path(JAN_PACK)
    indicators_before = PopulationIndicator.objects.count()
    import_path(OWN / "monitoring_report" / "safe-2018-04.txt")
    april = ReportEdition.objects.get(edition=date(2018, 4, 1))
    for alias in april.aliases.filter(indicator__isnull=False).select_related("indicator"):
        # the paper's printed code is kept for the edition; the indicator is the known one
        assert alias.indicator.outcome.name == "Safe"
    cp = PopulationIndicator.objects.get(title="Rate of children subject to a child protection "
                                               "plan")
    labels = [o.period.label for o in cp.observations.filter(breakdown="")]
    # the January figure, April's headline and previous figures, and April's data table
    assert {"March 2017", "Q2 2017-18", "Q3 2017-18", "2013-14", "2016-17"} <= set(labels)
    assert labels[-1] == "Q3 2017-18"
    assert PopulationIndicator.objects.count() - indicators_before <= 1


@pytest.mark.parametrize("build", [text_to_pdf, text_to_docx], ids=["pdf", "docx"])
def test_the_same_paper_as_pdf_or_docx_imports_to_the_same_records(build):
    with transaction.atomic():
        import_path(PAGE)
        from_text = json.loads(export_json("meetings"))
        transaction.set_rollback(True)
    suffix = "pdf" if build is text_to_pdf else "docx"
    result = import_bytes(build(PAGE.read_text(encoding="utf-8")), f"page.{suffix}")
    assert result.kind == "meeting_page"
    from_other = json.loads(export_json("meetings"))

    def comparable(meetings):
        return [{k: v for k, v in m.items() if k != "source"} | {"items": [
            {k: v for k, v in i.items() if k not in ("source", "minutes", "description")}
            | {"decisions": [{k: v for k, v in d.items() if k != "source"}
                             for d in i["decisions"]]}
            for i in m["items"]]} for m in meetings]

    assert comparable(from_other) == comparable(from_text)


def test_a_paper_that_fails_writes_nothing(monkeypatch):
    from scrutinydesk.ingest.loaders import monitoring

    def broken(*args, **kwargs):
        raise monitoring.Observation.DoesNotExist("simulated failure half way")

    before = counts()
    monkeypatch.setattr(monitoring._EditionLoader, "measure", broken)
    with pytest.raises(Exception, match="simulated failure"):
        import_path(JAN_PACK)
    assert counts() == before and not SourceDocument.objects.exists()


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03" * 1000, "does not look like text"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "PDF"),
    (b"Shopping list\n\neggs\nmilk\n", "not one of the kinds"),
])
def test_bad_papers_raise_a_specific_error_and_write_nothing(data, message):
    with pytest.raises(PaperError) as info:
        import_bytes(data, "bad.txt")
    assert message.lower() in str(info.value).lower()
    assert "bad.txt" in str(info.value)
    assert not SourceDocument.objects.exists() and not Meeting.objects.exists()


def test_a_paper_over_the_size_limit_is_refused_before_it_is_read(tmp_path, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.seek(50 * 1024 * 1024)
        f.write(b"\0")
    with pytest.raises(PaperError, match="50.0 MB"):
        import_path(big)
    assert not SourceDocument.objects.exists()
