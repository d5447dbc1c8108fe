"""The bundled samples imported once for a test module: ``imported_samples`` (module scope)
imports every paper in samples/ through the normal import and empties the database after
the module's tests."""

import pytest
from django.core.management import call_command

from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def imported_samples(django_db_setup, django_db_blocker):
    from scrutinydesk.ingest.services import import_path

    with django_db_blocker.unblock():
        for path in sorted(SAMPLES.glob("*.txt")):
            import_path(path)
        yield
        call_command("flush", interactive=False, verbosity=0)
