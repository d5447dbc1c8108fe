"""Fixtures of the web tests."""

from tests.reports.conftest import module_db  # noqa: F401
