"""The one export machinery: a table's rows as CSV, XLSX and JSON, the same in each."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.test import RequestFactory

from scrutinydesk.api import tabular
from scrutinydesk.api.tabular import Column, export_response

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
