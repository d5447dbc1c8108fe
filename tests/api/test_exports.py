"""Exports: every kind as JSON and CSV, exempt items left out, and the documentation in
step with what is exported."""

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from scrutinydesk.api.exports import EXPORTS, export_csv, export_json
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.ingest.loaders import LoadContext, load_parsed
from scrutinydesk.ingest.records import (
    ParsedAction,
    ParsedActionPlan,
    ParsedAgendaItem,
    ParsedDecision,
    ParsedIndicator,
    ParsedMeeting,
    ParsedMonitoringReport,
    ParsedPriority,
    ParsedRiskAssessment,
    ParsedUndertaking,
    ParsedValue,
    SourceRef,
)

pytestmark = pytest.mark.django_db
DOC = Path(__file__).resolve().parents[2] / "docs" / "export-format.md"


@pytest.fixture
def data():
    ctx = LoadContext(SourceDocument.objects.create(sha256="e" * 64, name="paper.txt"))
    load_parsed(ctx, ParsedMeeting(
        committee="People Scrutiny Committee", date=date(2020, 2, 3), status="held",
        items=[
            ParsedAgendaItem("4", "Fostering Sufficiency", decisions=[ParsedDecision(
                "resolved", "That the report be noted.")], undertakings=[ParsedUndertaking(
                    "Ann Other", "send the figures")], ref=SourceRef(page=12)),
            ParsedAgendaItem("9", "Contract award", part=2, exempt=True, exempt_paragraph="3",
                             minutes="Confidential discussion of prices.",
                             undertakings=[ParsedUndertaking("Bob Smith",
                                                             "negotiate the price")])]))
    load_parsed(ctx, ParsedMonitoringReport(outcome="Safe", edition=date(2020, 1, 1), indicators=[
        ParsedIndicator("SAFE: 01", "Rate of children in care", latest=ParsedValue(
            "Latest (Q2 19-20) 71 per 10,000", Decimal("71"), "Q2 19-20", "per 10,000"),
            risks=[ParsedRiskAssessment("02c", "Failure to keep children safe", "medium",
                                        "improving", "IMPROVING")])]))
    load_parsed(ctx, ParsedActionPlan("Recruitment plan", priorities=[ParsedPriority(
        "1", "Pay", actions=[ParsedAction("1.1", "Review the offer", status="on_target",
                                        progress="Offer drafted")])]))


def test_every_kind_exports_as_json_and_csv(data):
    for kind in EXPORTS:
        records = json.loads(export_json(kind))
        assert isinstance(records, list)
        text = export_csv(kind)
        if records and kind != "findings":
            rows = list(csv.DictReader(io.StringIO(text)))
            assert rows, kind


def test_indicator_export_carries_periods_values_and_sources(data):
    [indicator] = json.loads(export_json("indicators"))
    [obs] = indicator["observations"]
    assert obs["period"]["label"] == "Q2 2019-20" and obs["value"] == 71
    assert obs["source"]["paper"] == "paper.txt"
    assert indicator["risks"] == ["02c"]
    rows = list(csv.DictReader(io.StringIO(export_csv("indicators"))))
    assert rows[0]["period_code"] == "FY2019Q2" and rows[0]["value"] == "71"


def test_the_public_export_has_an_exempt_items_title_and_none_of_its_business(data):
    text = export_json("meetings") + export_json("undertakings") + export_csv("meetings")
    assert "Confidential" not in text and "negotiate the price" not in text
    assert "Fostering Sufficiency" in text and "send the figures" in text
    [meeting] = json.loads(export_json("meetings"))
    exempt = meeting["items"][1]
    assert (exempt["title"], exempt["exempt"], exempt["exempt_paragraph"]) == (
        "Contract award", True, "3")
    assert exempt["minutes"] == "" and exempt["undertakings"] == []


def test_a_members_export_has_everything(data, role_user):
    member = role_user("member")
    [meeting] = json.loads(export_json("meetings", member))
    assert meeting["items"][1]["minutes"] == "Confidential discussion of prices."
    assert [u["text"] for u in json.loads(export_json("undertakings", member))] == [
        "send the figures", "negotiate the price"]


def test_exports_go_through_the_visibility_layer(exempt_business, role_user):
    from tests.exempt import SECRETS, assert_no_secrets

    public = "".join(export_json(kind) + export_csv(kind) for kind in EXPORTS)
    assert_no_secrets(public)
    member = role_user("member")
    everything = "".join(export_json(kind, member) for kind in EXPORTS)
    assert sum(secret in everything for secret in SECRETS) >= 5


def test_export_command_writes_to_stdout(data):
    out = io.StringIO()
    call_command("export", "actionplans", "--format", "json", stdout=out)
    [plan] = json.loads(out.getvalue())
    assert plan["actions"][0]["number"] == "1.1" and plan["actions"][0]["rag"] == "green"
    assert plan["actions"][0]["progress"] == "Offer drafted"


def test_documentation_names_every_field_of_every_kind(data):
    doc = DOC.read_text()
    for kind in EXPORTS:
        section = re.search(rf"^## {kind}\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
        assert section, f"docs/export-format.md has no section for {kind}"
        records = json.loads(export_json(kind))
        for record in records:
            for field in record:
                assert f"`{field}`" in section.group(1), f"{kind}.{field} is not documented"


def _xlsx_records(body: bytes) -> list[dict]:
    import openpyxl

    rows = list(openpyxl.load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]] if rows else []


def _as_csv_writes_it(cell):
    """An XLSX cell's value as the CSV writes the same value."""
    from datetime import datetime

    from scrutinydesk.api.tabular import plain

    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        cell = Decimal(str(cell))
    return str(plain(cell))


def test_every_kind_exports_as_xlsx_with_the_rows_of_the_csv(data):
    from scrutinydesk.api.exports import export_xlsx

    for kind in EXPORTS:
        rows = list(csv.DictReader(io.StringIO(export_csv(kind))))
        sheet = _xlsx_records(export_xlsx(kind))
        assert [list(r) for r in sheet] == [list(r) for r in rows], kind
        assert [{k: _as_csv_writes_it(v) for k, v in r.items()} for r in sheet] == rows, kind


def test_export_command_writes_xlsx_to_a_file(data, tmp_path):
    target = tmp_path / "indicators.xlsx"
    call_command("export", "indicators", "--format", "xlsx", "--output", str(target))
    [row] = _xlsx_records(target.read_bytes())
    assert (row["code"], row["period"], row["value"]) == ("SAFE: 01", "Q2 2019-20", 71)


def test_export_command_refuses_xlsx_on_a_terminal_and_ocd_for_other_kinds(data):
    from django.core.management.base import CommandError

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    with pytest.raises(CommandError, match="binary"):
        call_command("export", "risks", "--format", "xlsx", stdout=Terminal())
    with pytest.raises(CommandError, match="meetings only"):
        call_command("export", "risks", "--format", "ocd")
