"""Search finds a long report's sections, and keeps back those of an exempt paper."""

from pathlib import Path

import pytest

from scrutinydesk.search.index import rebuild
from scrutinydesk.search.models import EntryKind
from scrutinydesk.search.services import search
from tests import factories as f

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_a_self_evaluation_section_is_found_by_its_words():
    from scrutinydesk.ingest.services import import_path

    import_path(SAMPLES / "2020-09-childrens-services-self-evaluation.txt")
    rebuild()
    results = search("return home interviews", None, kinds=[EntryKind.SECTION]).results
    assert results, "no section found"
    top = results[0].entry
    assert top.title.endswith("section 4.11b Return Home Interviews")
    assert top.date is not None and top.date.year == 2020
    assert "<mark>" in results[0].snippet


def test_sections_of_an_exempt_report_only_for_those_who_may_see_them(
        role_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # one transaction, one batch
        document = f.make_document(meeting=None, title="Placement sufficiency")
        document.sections.create(position=0, number="1", title="Costs",
                                 text="The zanzibarian placement costs rose.")
    assert search("zanzibarian", None).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        document.exempt = True
        document.save()
    assert search("zanzibarian", None).total == 0
    assert search("zanzibarian", role_user("member")).total == 1
