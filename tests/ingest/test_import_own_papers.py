"""Every paper written for the tests (other councils, other months, other layouts) imports
through the whole pipeline as the kind it is, and a second copy changes nothing."""

from pathlib import Path

import pytest

from scrutinydesk.ingest.services import import_bytes

pytestmark = pytest.mark.django_db

PAPERS = Path(__file__).resolve().parents[1] / "fixtures" / "papers"
KIND_OF_FOLDER = {"coversheet": "officer_report"}
FILES = sorted(p for p in PAPERS.glob("*/*") if p.suffix in (".txt", ".html"))


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_own_paper_imports_as_its_kind_and_again_changes_nothing(path):
    data = path.read_bytes()
    first = import_bytes(data, path.name)
    if path.parent.name != "formats":
        assert first.kind == KIND_OF_FOLDER.get(path.parent.name, path.parent.name)
    assert first.total_created > 0
    newline = b"\n\x00" if data[:2] == b"\xff\xfe" else b"\n"  # UTF-16 needs two bytes
    again = import_bytes(data + newline, "copy-" + path.name)
    assert (again.total_created, again.total_updated) == (0, 0), (again.created, again.updated)


def _import(folder: str, name: str):
    return import_bytes((PAPERS / folder / name).read_bytes(), name)


def test_standalone_work_programme_files_its_committee_people_and_priorities():
    from scrutinydesk.committees.models import Committee, WorkProgrammeItem

    _import("work_programme", "2020-06-work-programme-adult-social-care-scrutiny.txt")
    committee = Committee.objects.get()
    assert (committee.name, committee.council.name) == ("Health Select Committee",
                                                        "Wiltshire Council")
    assert committee.lead_officer == "Terence Herbert"
    assert {(m.member.name, m.role) for m in committee.memberships.all()} == {
        ("Gordon King", "chair"), ("Johnny Kidney", "vice_chair")}
    items = {w.topic: w for w in WorkProgrammeItem.objects.all()}
    priorities = {t: items[t].priority[0] for t in (
        "Carers' support", "Day opportunities for adults with learning disabilities",
        "Mental health crisis care", "Domiciliary care market sustainability",
        "Loneliness and social isolation")}
    assert priorities == {
        "Carers' support": "high",
        "Day opportunities for adults with learning disabilities": "lower",
        "Mental health crisis care": "do_not_include",
        "Domiciliary care market sustainability": "do_not_include",
        "Loneliness and social isolation": "lower"}
    day = items["Day opportunities for adults with learning disabilities"]
    assert (day.target_date, day.target_meeting, day.status) == (None, None, "proposed")
    report = items["Adult Safeguarding Annual Report 2019-20"]
    assert (report.target_date, report.status) == (None, "proposed")
    assert items["Covid-19 Response in Adult Social Care"].status == "scheduled"
    assert len(items) == 11
