"""The one export machinery: a table's rows as CSV, XLSX and JSON, the same in each, from
lists of the site, of the API and of the export command."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.test import RequestFactory
from rest_framework.test import APIClient

from scrutinydesk.api import tabular
from scrutinydesk.api.tabular import Column, export_response
from tests.factories import make_indicator, make_meeting, make_observation

ROWS = [{"title": "=HYPERLINK(\"http://example.org\")", "value": Decimal("41.50"),
         "on": date(2018, 1, 30), "done": True, "note": None},
        {"title": "Rate, per 10,000", "value": Decimal("7"), "on": None, "done": False,
         "note": "“quoted” — text"}]
COLUMNS = [Column("Title", "title"), Column("Value", "value"), Column("Date", "on"),
           Column("Done", "done"), Column("Note of the row", lambda r: r["note"])]


def xlsx_rows(body: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_csv_json_and_xlsx_hold_the_same_rows():
    as_csv = list(csv.reader(io.StringIO(tabular.render("csv", ROWS, COLUMNS,
                                                        "t").decode())))
    assert as_csv == [["Title", "Value", "Date", "Done", "Note of the row"],
                      ['=HYPERLINK("http://example.org")', "41.5", "2018-01-30", "true", ""],
                      ["Rate, per 10,000", "7", "", "false", "“quoted” — text"]]
    assert json.loads(tabular.render("json", ROWS, COLUMNS, "t")) == [
        {"title": '=HYPERLINK("http://example.org")', "value": 41.5, "date": "2018-01-30",
         "done": True, "note_of_the_row": None},
        {"title": "Rate, per 10,000", "value": 7, "date": None, "done": False,
         "note_of_the_row": "“quoted” — text"}]
    rows = xlsx_rows(tabular.render("xlsx", ROWS, COLUMNS, "Safe: indicators"))
    assert rows[0] == ["Title", "Value", "Date", "Done", "Note of the row"]
    assert rows[1][1:4] == [41.5, rows[1][2], True] and rows[1][2].date() == date(2018, 1, 30)
    assert rows[2] == ["Rate, per 10,000", 7, None, False, "“quoted” — text"]


def test_text_that_looks_like_a_formula_stays_text_in_xlsx():
    book = openpyxl.load_workbook(io.BytesIO(tabular.render("xlsx", ROWS, COLUMNS, "t")))
    cell = book.active["A2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://example.org")'
    assert book.active.title == "t"


def test_export_response_is_the_file_asked_for_or_nothing():
    factory = RequestFactory()
    assert export_response(factory.get("/list/?page=2"), ROWS, COLUMNS, "My list") is None
    assert export_response(factory.get("/list/?format=pdf"), ROWS, COLUMNS, "x") is None
    response = export_response(factory.get("/list/?format=xlsx"), ROWS, COLUMNS, "My list")
    assert response["Content-Type"] == tabular.FORMATS["xlsx"]
    assert response["Content-Disposition"] == 'attachment; filename="my-list.xlsx"'
    assert len(xlsx_rows(response.content)) == 3
    with pytest.raises(ValueError, match="no export format"):
        tabular.write("pdf", ["a"], [])


@pytest.mark.django_db
def test_an_api_list_downloads_as_every_record_it_lists():
    indicator = make_indicator()
    for year in range(2010, 2017):
        make_observation(indicator=indicator, period=f"{year}-{(year + 1) % 100:02d}",
                         value=Decimal(year - 2000) / 4)
    make_meeting()  # not an observation
    api = APIClient()
    records = api.get("/api/observations/?ordering=period_end&page_size=3").json()
    assert records["count"] == 7
    every = api.get("/api/observations/?ordering=period_end&page_size=1000").json()["results"]
    response = api.get("/api/observations/?ordering=period_end&page_size=3&format=xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="observations.xlsx"'
    header, *rows = xlsx_rows(response.content)
    assert len(rows) == 7  # every record, not one page
    by_column = [dict(zip(header, row, strict=True)) for row in rows]
    for record, row in zip(every, by_column, strict=True):
        assert row["url"] == record["url"] and row["value"] == record["value"]
        assert row["period.label"] == record["period"]["label"]
        assert row["indicator"] == record["indicator"]
    as_csv = list(csv.DictReader(io.StringIO(
        api.get("/api/observations/?ordering=period_end&format=csv").content.decode())))
    assert [r["period.code"] for r in as_csv] == [r["period"]["code"] for r in every]
    assert as_csv[0]["value"] == "2.5"


@pytest.mark.django_db
def test_an_api_record_downloads_as_one_row():
    observation = make_observation(value=Decimal("12.25"))
    response = APIClient().get(f"/api/observations/{observation.pk}/?format=csv")
    [row] = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["value"] == "12.25" and row["period.label"] == "2017-18"
