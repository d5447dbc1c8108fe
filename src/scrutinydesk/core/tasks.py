"""Work done by the task worker (huey; ``scrutinydesk run_huey``, started by ``serve``).

Importing an uploaded paper can take a while (a long PDF), so a page stores the upload
and queues its import: ``enqueue_import(data, name, user)``. The worker imports it with
``ingest.services.import_bytes`` (atomic: a paper that cannot be read writes nothing) and
keeps the outcome as the task's result, a dict:

``status``    "imported", "already_imported" or "rejected"
``paper``     the file name as uploaded
``kind``, ``source_id``, ``created``, ``updated``, ``warnings``  what the import did
``error``     why a rejected paper could not be imported

The stored upload is removed once its outcome is known. Settings choose the queue:
Redis when ``REDIS_URL`` is set, else SQLite in the var folder; with
``SCRUTINYDESK_TASKS_IMMEDIATE=1`` (and in tests) a task runs at once in the caller.
"""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import get_valid_filename
from huey.contrib.djhuey import db_task

UPLOADS = "uploads"


def store_upload(data: bytes, name: str) -> str:
    """Keep an uploaded paper until the worker imports it; returns its storage name."""
    safe = get_valid_filename(Path(name).name) or "paper"
    return default_storage.save(f"{UPLOADS}/{uuid4().hex}-{safe[:100]}", ContentFile(data))


def import_stored_paper(stored_name: str, paper_name: str, user_id: int | None = None) -> dict:
    """Import the stored upload ``stored_name`` (the work of ``import_uploaded_paper``)."""
    from scrutinydesk.ingest.errors import PaperError
    from scrutinydesk.ingest.services import import_bytes

    outcome = {"paper": paper_name}
    if not default_storage.exists(stored_name):
        return {**outcome, "status": "rejected", "error": "the uploaded file is no longer there"}
    size, limit = default_storage.size(stored_name), settings.MAX_UPLOAD_BYTES
    if size > limit:
        default_storage.delete(stored_name)
        return {**outcome, "status": "rejected",
                "error": f"the file is {size / 1024 / 1024:.1f} MB; the largest paper "
                         f"accepted is {limit / 1024 / 1024:.0f} MB"}
    with default_storage.open(stored_name, "rb") as handle:
        data = handle.read()
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        result = import_bytes(data, paper_name, user=user)
    except PaperError as exc:
        default_storage.delete(stored_name)
        return {**outcome, "status": "rejected", "error": str(exc)}
    default_storage.delete(stored_name)
    return {**outcome, "status": "already_imported" if result.already_imported else "imported",
            "kind": result.kind, "source_id": result.source.pk if result.source else None,
            "created": result.total_created, "updated": result.total_updated,
            "warnings": list(result.warnings)}


@db_task(retries=0)
def import_uploaded_paper(stored_name: str, paper_name: str, user_id: int | None = None):
    """Queued: import a stored upload (see ``import_stored_paper``)."""
    return import_stored_paper(stored_name, paper_name, user_id)


def enqueue_import(data: bytes, name: str, user=None):
    """Store ``data`` and queue its import; returns huey's result handle (``.get()``)."""
    stored = store_upload(data, name)
    return import_uploaded_paper(stored, Path(name).name,
                                 user.pk if user is not None and user.pk else None)
