"""A list page's downloads hold the rows the page shows: the outcome page's indicators as
CSV, XLSX and JSON."""

import csv
import io
import json
from datetime import date

import openpyxl
import pytest
from bs4 import BeautifulSoup

from scrutinydesk.reports.synthetic import make_synthetic_outcome
from tests.factories import make_indicator

pytestmark = pytest.mark.django_db


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_the_outcome_pages_indicators_download_as_the_page_shows_them(client):
    outcome = make_synthetic_outcome("Connected", indicators=3, years=3,
                                     measures_per_indicator=0, edition=date(2020, 7, 1))
    make_indicator(outcome=outcome, code="CONN 09", title="A series with no data yet")
    url = f"/outcomes/{outcome.slug}/"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    table = soup.main.find_all("table")[-1]
    assert text(table.caption) == "Latest value of each population indicator"
    shown = [["Indicator", "Latest value", "Period"]] + [
        [text(tr.th)] + [text(td) for td in tr.find_all("td")]
        for tr in table.tbody.find_all("tr")]
    assert len(shown) == 5 and ["CONN 09: A series with no data yet", "No data", ""] in shown

    links = {a.get_text(" ", strip=True): a["href"]
             for a in soup.main.select(".scrutinydesk-export-links a")}
    assert links == {"CSV file": "?format=csv", "Excel spreadsheet (XLSX)": "?format=xlsx",
                     "JSON": "?format=json"}

    as_csv = client.get(url + "?format=csv")
    assert as_csv["Content-Disposition"] == 'attachment; filename="connected-indicators.csv"'
    assert list(csv.reader(io.StringIO(as_csv.content.decode()))) == shown
    book = openpyxl.load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content))
    assert [["" if v is None else v for v in row]
            for row in book.active.iter_rows(values_only=True)] == shown
    records = json.loads(client.get(url + "?format=json").content)
    assert [[r["indicator"], r["latest_value"], r["period"]] for r in records] == shown[1:]


def test_the_downloads_keep_the_pages_query(client, rf):
    from django.template.loader import render_to_string

    request = rf.get("/list/?committee=3&page=2&sort=-date")
    html = render_to_string("web/_partials/export_links.html", {"what": "the meetings"},
                            request=request)
    hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]
    assert hrefs == ["?committee=3&sort=-date&format=csv",
                     "?committee=3&sort=-date&format=xlsx",
                     "?committee=3&sort=-date&format=json"]
