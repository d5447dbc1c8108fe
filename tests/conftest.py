"""Shared test fixtures. Settings need demo mode (the built-in secret key)."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("SCRUTINYDESK_DEMO", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def sample_text(name: str) -> str:
    """The text of a bundled sample paper (``samples/``)."""
    return (SAMPLES / name).read_text(encoding="utf-8")
