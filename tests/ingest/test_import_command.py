"""The import, export and judge commands as an officer runs them."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from scrutinydesk.committees.models import Meeting
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.findings.models import Finding

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "samples" / "2018-01-30-meeting-documents-page.txt"
REPORT = ROOT / "tests" / "fixtures" / "papers" / "monitoring_report" / "safe-2018-04.txt"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_import_prints_a_summary_and_a_second_run_changes_nothing():
    code, out, _ = run("import_papers", str(PAGE))
    assert code == 0 and "meeting page" in out and "ok" in out
    assert Meeting.objects.filter(date="2018-01-30").exists()
    code, out, _ = run("import_papers", str(PAGE))
    assert code == 0 and "already imported" in out


def test_dry_run_checks_everything_and_writes_nothing():
    code, out, _ = run("import_papers", "--dry-run", str(PAGE), str(REPORT))
    assert code == 0 and "dry run" in out
    assert not SourceDocument.objects.exists() and not Meeting.objects.exists()


def test_a_bad_paper_fails_with_its_name_and_the_others_still_import(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("Shopping list\n\neggs\nmilk\n")
    code, out, err = run("import_papers", str(bad), str(PAGE))
    assert code == 1
    assert "notes.txt" in err and "not one of the kinds" in err
    assert Meeting.objects.filter(date="2018-01-30").exists()
    assert SourceDocument.objects.count() == 1


def test_judge_recomputes_and_summarises():
    run("import_papers", str(REPORT))
    code, out, _ = run("judge")
    assert code == 0 and "judgements computed from the data" in out
    # the import already audited the paper: judging again finds the same, unchanged
    assert Finding.objects.count() > 0
    assert f"0 new, 0 updated, {Finding.objects.count()} unchanged" in out


def test_export_findings_as_csv_has_a_header():
    run("import_papers", str(REPORT))
    code, out, _ = run("export", "findings", "--format", "csv")
    assert code == 0 and Finding.objects.exists()
    lines = out.splitlines()
    assert lines[0].startswith("kind,severity") and len(lines) == Finding.objects.count() + 1
