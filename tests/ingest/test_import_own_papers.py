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
