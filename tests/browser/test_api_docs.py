"""The API's documentation page in a real browser: Swagger UI, served by the site itself,
shows the schema's operations and answers a request made from the page."""

import pytest

from tests.factories import make_outcome

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_documentation_page(page, shot):
    make_outcome(name="Healthy")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/api/docs/")
    page.get_by_text("Scrutiny Desk API").first.wait_for()
    page.locator("#operations-tag-action-plans").wait_for()
    shot(page, "api-docs")
    page.get_by_placeholder("Filter by tag").fill("outcomes")
    operation = page.locator("#operations-outcomes-outcomes_list")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    operation.locator(".live-responses-table").wait_for()
    assert "Healthy" in operation.locator(".live-responses-table").inner_text()
    shot(page, "api-docs-outcomes")
    base = page.url.split("/api/")[0]
    assert requests and all(url.startswith(base) for url in requests), \
        [url for url in requests if not url.startswith(base)]
