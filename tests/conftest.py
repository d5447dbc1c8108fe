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


@pytest.fixture
def exempt_business(db):
    """A meeting with public and exempt business (tests/exempt.py)."""
    from tests.exempt import make_exempt_business

    return make_exempt_business()


@pytest.fixture
def role_user(db):
    """``role_user("clerk")``: a new user holding that role."""
    from tests.factories import make_role_user

    return make_role_user
