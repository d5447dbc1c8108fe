"""Fixtures for the report tests: data built once per module inside a transaction that is
rolled back afterwards, so each module renders its reports once."""

import contextlib

import pytest
from django.db import connection, transaction


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A context manager: the database, writable for the module, rolled back afterwards.
    The module must carry ``pytestmark = pytest.mark.django_db`` so that pytest-django sets
    up the test database at all."""

    @contextlib.contextmanager
    def use():
        with django_db_blocker.unblock(), transaction.atomic():
            name = str(connection.settings_dict["NAME"])
            assert "test" in name or "memory" in name, f"not a test database: {name}"
            yield
            transaction.set_rollback(True)

    return use
