"""The task queue: importing an uploaded paper on the worker, in immediate mode (as the
test settings run tasks) and through a real Redis queue of the test's own."""

import os
import uuid

import pytest
from django.core.files.storage import default_storage
from huey import RedisHuey

from scrutinydesk.committees.models import Meeting
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.core.tasks import enqueue_import, import_uploaded_paper, store_upload
from tests.factories import make_role_user

pytestmark = pytest.mark.django_db
REDIS_URL = os.environ.get("SCRUTINYDESK_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def paper(fixtures_dir) -> bytes:
    return (fixtures_dir / "papers/meeting_page/cheltenham-osc-cancelled-2020-06-29.txt") \
        .read_bytes()


def uploads(media) -> list:
    folder = media / "uploads"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_an_uploaded_paper_is_imported_and_its_upload_removed(paper, media):
    clerk = make_role_user("clerk")
    outcome = enqueue_import(paper, "cheltenham.txt", clerk)()
    assert outcome["status"] == "imported" and outcome["paper"] == "cheltenham.txt"
    assert outcome["kind"] == "meeting_page" and outcome["created"] > 0
    source = SourceDocument.objects.get(pk=outcome["source_id"])
    assert source.imported_by == clerk and source.name == "cheltenham.txt"
    assert Meeting.objects.filter(source=source).exists()
    assert uploads(media) == []
    again = enqueue_import(paper, "copy.txt")()
    assert again["status"] == "already_imported" and again["source_id"] == source.pk


def test_a_paper_that_cannot_be_read_is_rejected_and_writes_nothing(media):
    outcome = enqueue_import(b"\x00\xff garbage \x00" * 50, "garbage.pdf")()
    assert outcome["status"] == "rejected" and outcome["error"]
    assert "garbage.pdf" in outcome["error"]
    assert SourceDocument.objects.count() == 0 and uploads(media) == []


def test_a_paper_over_the_size_limit_is_rejected(paper, settings, media):
    settings.MAX_UPLOAD_BYTES = 100
    outcome = enqueue_import(paper, "big.txt")()
    assert outcome["status"] == "rejected" and "largest paper accepted" in outcome["error"]
    assert SourceDocument.objects.count() == 0 and uploads(media) == []


def test_store_upload_keeps_a_safe_name(media):
    name = store_upload(b"text", "../../etc/Agenda pack (final).txt")
    assert name.startswith("uploads/") and name.endswith("-Agenda_pack_final.txt")
    assert default_storage.open(name).read() == b"text"


@pytest.fixture
def redis_queue():
    """A Redis queue of this test's own (its name is the key prefix), emptied after."""
    name = f"scrutinydesk-test-{uuid.uuid4().hex}"
    queue = RedisHuey(name, url=REDIS_URL)
    try:
        queue.storage.conn.ping()
    except Exception as exc:  # any failure to reach Redis
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Redis at {REDIS_URL} is required in CI: {exc}")
        pytest.skip(f"Redis at {REDIS_URL} is unreachable: {exc}")
    yield queue
    queue.storage.flush_all()
    leftover = list(queue.storage.conn.scan_iter(match=f"*{name}*"))
    assert leftover == [], f"keys left in Redis: {leftover}"


def test_the_import_task_runs_through_redis(redis_queue, paper, media):
    task = redis_queue.task(name="import_uploaded_paper")(import_uploaded_paper.call_local)
    handle = task(store_upload(paper, "cheltenham.txt"), "cheltenham.txt")
    assert redis_queue.pending_count() == 1
    assert SourceDocument.objects.count() == 0  # nothing happens until a worker runs it
    queued = redis_queue.dequeue()
    redis_queue.execute(queued)
    outcome = handle.get()
    assert outcome["status"] == "imported" and outcome["kind"] == "meeting_page"
    assert SourceDocument.objects.filter(pk=outcome["source_id"]).exists()
    assert redis_queue.pending_count() == 0 and uploads(media) == []
