"""The ``report`` command and the web download, on a small synthetic outcome."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from scrutinydesk.reports.synthetic import make_synthetic_outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def outcome():
    return make_synthetic_outcome("Connected", indicators=2, years=3,
                                  measures_per_indicator=1, edition=date(2020, 7, 1))


def test_command_writes_html(outcome, tmp_path, capsys):
    path = tmp_path / "report.html"
    call_command("report", "--outcome", "connected", "--edition", "2020-07", "-o", str(path))
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Connected" in page and "July 2020" in page
    assert "Wrote Connected: Outcomes Focused Monitoring Report, July 2020" in \
        capsys.readouterr().out


def test_command_writes_pdf_with_a_default_name(outcome, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("report", "--outcome", "Connected", "--format", "pdf")
    data = (tmp_path / "connected-monitoring-report-2020-07.pdf").read_bytes()
    assert data.startswith(b"%PDF-")


@pytest.mark.parametrize(("args", "message"), [
    (["--outcome", "Nowhere"], "no outcome called 'Nowhere'"),
    (["--outcome", "Connected", "--edition", "July"], "YYYY-MM"),
    (["--outcome", "Connected", "--format", "pdf", "-o", "-"], "standard output"),
])
def test_command_errors_are_explained(outcome, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *args)


def test_command_cannot_write_to_a_missing_folder(outcome, tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        call_command("report", "--outcome", "Connected", "-o", str(tmp_path / "no" / "x.html"))


def test_outcome_page_lists_indicators_and_downloads(outcome, client):
    response = client.get(reverse("web:outcome", args=["connected"]))
    assert response.status_code == 200
    page = response.content.decode()
    indicator = outcome.indicators.order_by("number").first()
    assert indicator.title in page
    assert f"report.html#indicator-{indicator.pk}" in page
    assert "report.pdf?edition=2020-07" in page


def test_report_downloads(outcome, client):
    url = reverse("web:outcome-report", args=["connected", "pdf"])
    pdf = client.get(url, {"edition": "2020-07"})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert 'filename="connected-monitoring-report-2020-07.pdf"' in pdf["Content-Disposition"]
    page = client.get(reverse("web:outcome-report", args=["connected", "html"]))
    assert page.status_code == 200 and b'lang="en-GB"' in page.content


def test_report_download_errors(outcome, client):
    assert client.get(reverse("web:outcome-report", args=["connected", "docx"])).status_code \
        == 404
    bad = client.get(reverse("web:outcome-report", args=["connected", "html"]),
                     {"edition": "soon"})
    assert bad.status_code == 400 and b"YYYY-MM" in bad.content
    assert client.get(reverse("web:outcome", args=["nowhere"])).status_code == 404
