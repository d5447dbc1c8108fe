"""docs/api.md stays true: it names every resource, and its example requests are answered
with the filters it says exist."""

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from rest_framework.test import APIClient

from scrutinydesk.api.views import RESOURCES
from tests.factories import EXAMPLES

pytestmark = pytest.mark.django_db
DOC = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()


def test_the_documentation_names_every_resource():
    table = {m.group(1) for m in re.finditer(r"^\| `([a-z-]+)` \|", DOC, re.M)}
    assert table == {prefix for prefix, _ in RESOURCES}


def test_every_example_request_is_answered_with_the_filters_it_names():
    for make in EXAMPLES.values():
        make()
    api = APIClient()
    schema = yaml.safe_load(api.get("/api/schema/").content)
    examples = re.findall(r'"\$API(/[^"\s]*)"', DOC)
    assert len(examples) >= 8
    for example in examples:
        url = urlsplit(example)
        path = re.sub(r"/\d+/", "/{id}/", "/api" + url.path)
        operation = schema["paths"][path]
        known = {p["name"] for p in operation.get("get", {}).get("parameters", [])}
        for name, _ in parse_qsl(url.query):
            assert name in known | {"format"}, f"{example}: no filter {name}"
        if "{id}" not in path:
            response = api.get("/api" + example)
            assert response.status_code == 200, example
