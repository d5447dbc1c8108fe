"""A council is a record of its own: committees, councillors and officers belong to one,
and people are unique by name within their council, not across the database."""

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction

from scrutinydesk.committees.models import Committee, Meeting, Member
from scrutinydesk.core.models import Council, Officer, area_of
from scrutinydesk.ingest.services import import_bytes
from tests.conftest import FIXTURES

PAGE = FIXTURES / "papers" / "meeting_page" / "harbourside-cyp-panel-2019-03-06.txt"


@pytest.mark.parametrize(("name", "area"), [
    ("Dorset County Council", "Dorset"), ("Harbourside City Council", "Harbourside"),
    ("London Borough of Brent", "Brent"), ("Royal Borough of Greenwich", "Greenwich"),
    ("Wiltshire Council", "Wiltshire"), ("Council of the Isles of Scilly", "Isles of Scilly"),
    ("Stockport Metropolitan Borough Council", "Stockport"),
])
def test_a_councils_area_is_its_name_without_the_word_council(name, area):
    assert area_of(name) == area


@pytest.mark.django_db
def test_a_council_named_twice_is_one_record():
    first = Council.objects.named("Harbourside  City Council")
    assert Council.objects.named("harbourside city council") == first
    assert (first.name, first.short_name, first.slug) == (
        "Harbourside City Council", "Harbourside", "harbourside-city-council")
    assert Council.objects.named("  ") is None


@pytest.mark.django_db
def test_two_councils_with_a_member_of_the_same_name_import_side_by_side():
    text = PAGE.read_text(encoding="utf-8")
    other = text.replace("Harbourside", "Eastbrook").replace("harbourside", "eastbrook")
    import_bytes(text.encode(), PAGE.name)
    import_bytes(other.encode(), "eastbrook-cyp-panel-2019-03-06.txt")

    harbourside = Council.objects.get(name="Harbourside City Council")
    eastbrook = Council.objects.get(name="Eastbrook City Council")
    committees = Committee.objects.filter(name="Children and Young People's Scrutiny Panel")
    assert {c.council for c in committees} == {harbourside, eastbrook}
    assert len({c.slug for c in committees}) == 2
    names = {m.name_key for m in harbourside.members.all()}
    assert names and names == {m.name_key for m in eastbrook.members.all()}
    assert Member.objects.count() == 2 * len(names)
    for council in (harbourside, eastbrook):
        meeting = Meeting.objects.get(committee__council=council, date=date(2019, 3, 6))
        people = [a.member for a in meeting.attendance.exclude(member=None)]
        assert people and all(p.council == council for p in people)
    for officer in Officer.objects.all():
        assert officer.council in (harbourside, eastbrook)

    # importing one of them again changes nothing
    before = Member.objects.count(), Committee.objects.count(), Council.objects.count()
    import_bytes(other.encode(), "eastbrook-cyp-panel-2019-03-06.txt")
    assert (Member.objects.count(), Committee.objects.count(), Council.objects.count()) == before


@pytest.mark.django_db
def test_a_member_is_unique_within_their_council():
    council = Council.objects.named("Harbourside City Council")
    Member.objects.create(name="Pat Quill", council=council)
    Member.objects.create(name="Pat Quill", council=Council.objects.named("Eastbrook Council"))
    Member.objects.create(name="Pat Quill")
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.create(name="Pat Quill", council=council)
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.create(name="Pat Quill")


@pytest.mark.slow
def test_the_migration_turns_each_committees_council_into_a_record(tmp_path: Path):
    """Committees' council names become Council records; their members join them."""
    env = {**os.environ, "SCRUTINYDESK_DEMO": "1", "SCRUTINYDESK_VAR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    script = str(Path(sys.executable).with_name("scrutinydesk"))

    def migrate(*target):
        done = subprocess.run([script, "migrate", *target, "-v", "0"], env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr

    migrate("committees", "0001_initial")
    db = sqlite3.connect(tmp_path / "scrutinydesk.sqlite3")
    with db:
        for n, (name, council) in enumerate([("Panel A", "Dorset County Council"),
                                             ("Panel B", "Dorset County Council"),
                                             ("Panel C", "")], start=1):
            db.execute("insert into committees_committee (id, name, slug, council, remit, "
                       "contact, lead_officer) values (?, ?, ?, ?, '', '', '')",
                       (n, name, f"panel-{n}", council))
        db.execute("insert into committees_member (id, name, name_key, honorific, party, "
                   "division, email) values (1, 'Pat Quill', 'pat quill', 'Cllr', '', '', '')")
        db.execute("insert into committees_membership (committee_id, member_id, role, start) "
                   "values (1, 1, 'member', '2017-05-04')")
    db.close()
    migrate()
    db = sqlite3.connect(tmp_path / "scrutinydesk.sqlite3")
    councils = db.execute("select id, name, short_name, slug from core_council").fetchall()
    assert [c[1:] for c in councils] == [("Dorset County Council", "Dorset",
                                          "dorset-county-council")]
    council_id = councils[0][0]
    assert db.execute("select name, council_id from committees_committee order by id"
                      ).fetchall() == [("Panel A", council_id), ("Panel B", council_id),
                                       ("Panel C", None)]
    assert db.execute("select council_id from committees_member").fetchall() == [(council_id,)]



def _report(series_name: str):
    from decimal import Decimal

    from scrutinydesk.ingest.records import (
        ParsedIndicator,
        ParsedMonitoringReport,
        ParsedSeries,
        ParsedValue,
    )
    return ParsedMonitoringReport(
        outcome="Healthy", edition=date(2019, 4, 1), indicators=[ParsedIndicator(
            "HEALTHY: 04", "Percentage of children vaccinated",
            latest=ParsedValue("Latest (2017-18) 91.2%", Decimal("91.2"), "2017-18", "%"),
            series=[ParsedSeries(series_name, "%", [("2016-17", Decimal("88.4")),
                                                    ("2017-18", Decimal("91.2"))])])])


def _load(report):
    from scrutinydesk.core.models import SourceDocument
    from scrutinydesk.ingest.loaders import LoadContext, load_parsed

    name = report.indicators[0].series[0].name
    ctx = LoadContext(SourceDocument.objects.create(sha256=name.ljust(64, "x"), name=name))
    load_parsed(ctx, report)


def _breakdowns():
    from scrutinydesk.outcomes.models import Observation

    return sorted({o.breakdown for o in Observation.objects.filter(period__isnull=False)})


@pytest.mark.django_db
def test_the_councils_own_series_is_the_one_named_for_the_council_on_record():
    Council.objects.named("Northmoor County Council")
    _load(_report("Northmoor"))
    assert _breakdowns() == [""]


@pytest.mark.django_db
def test_no_council_name_is_taken_for_granted():
    """Without the paper or a council record naming it, "Dorset" is a breakdown."""
    _load(_report("Dorset"))
    assert _breakdowns() == ["", "Dorset"]
