"""The OpenAPI 3 schema is valid and describes every resource; the documentation pages
are served from the site itself."""

import pytest
import yaml
from openapi_spec_validator import validate

from scrutinydesk.api.views import RESOURCES

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_the_schema_describes_every_resource_and_its_writes(schema):
    paths = schema["paths"]
    for prefix, _ in RESOURCES:
        assert f"/api/{prefix}/" in paths and f"/api/{prefix}/{{id}}/" in paths, prefix
        assert "delete" not in paths[f"/api/{prefix}/{{id}}/"], prefix
    assert "post" in paths["/api/indicators/"] and "patch" in paths["/api/meetings/{id}/"]
    assert "post" not in paths["/api/papers/"] and "post" not in paths["/api/findings/"]
    parameters = {p["name"] for p in paths["/api/observations/"]["get"]["parameters"]}
    assert {"indicator", "period", "period_end__gte", "ordering", "page",
            "page_size"} <= parameters
    assert paths["/api/meetings/{id}/ocd/"]["get"]["responses"]["200"]
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["type"] == "apiKey" and "cookieAuth" in schemes


def test_the_documentation_pages_need_no_other_site(client):
    for url in ("/api/docs/", "/api/redoc/"):
        page = client.get(url).content.decode()
        assert "/static/drf_spectacular_sidecar/" in page, url
        assert "cdn" not in page.lower() and "unpkg" not in page, url
        assert "/api/schema/" in page
    asset = client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert asset.status_code == 200
