"""Damaged papers through the whole import (read, detect, parse, load): only the project's
own PaperError escapes, and a failed import leaves no record behind."""

import random
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutinydesk.committees.models import Meeting
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.ingest.errors import PaperError
from scrutinydesk.ingest.services import import_bytes
from scrutinydesk.outcomes.models import Observation, PopulationIndicator

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PAPERS = [
    ROOT / "samples" / "2018-01-30-meeting-documents-page.txt",
    ROOT / "tests" / "fixtures" / "papers" / "monitoring_report" / "safe-2018-04.txt",
    ROOT / "tests" / "fixtures" / "papers" / "minutes" / "northfleet-cf-scrutiny-2019-03-05.txt",
]
TEXTS = [p.read_text(encoding="utf-8") for p in PAPERS]


def _rows():
    return (SourceDocument.objects.count(), Meeting.objects.count(),
            PopulationIndicator.objects.count(), Observation.objects.count())


def _damage(text: str, how: str, seed: int) -> bytes:
    rng = random.Random(seed)
    lines = text.splitlines()
    if how == "truncate":
        return text[: rng.randrange(len(text))].encode()
    if how == "shuffle":
        start = rng.randrange(len(lines))
        chunk = lines[start:start + 40]
        rng.shuffle(chunk)
        lines[start:start + 40] = chunk
        return "\n".join(lines).encode()
    if how == "drop":
        return "\n".join(ln for ln in lines if rng.random() > 0.3).encode()
    if how == "garbage":
        data = bytearray(text.encode())
        for _ in range(50):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if how == "huge line":
        lines.insert(rng.randrange(len(lines)), "Story behind the baseline: " + "x " * 200_000)
        return "\n".join(lines).encode()
    return text.encode("utf-16-le" if how == "utf-16 without BOM" else "cp1252",
                       errors="replace")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(paper=st.sampled_from(range(len(TEXTS))),
       how=st.sampled_from(["truncate", "shuffle", "drop", "garbage", "huge line",
                            "utf-16 without BOM", "cp1252"]),
       seed=st.integers(0, 10_000))
def test_damaged_papers_import_or_fail_cleanly(paper, how, seed):
    data = _damage(TEXTS[paper], how, seed)
    before = _rows()
    with transaction.atomic():
        try:
            import_bytes(data, f"damaged-{how}.txt")
        except PaperError as exc:  # any other exception is a bug and fails the test
            assert str(exc).startswith(f"damaged-{how}.txt")
            assert "internal error" not in str(exc)
            assert _rows() == before  # nothing of the failed paper was written
        transaction.set_rollback(True)
