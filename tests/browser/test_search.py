"""The search page in a real browser, checked with axe-core: from the home page's search
box to the modern slavery report, its words marked, then narrowed by kind of record."""

import pytest
from playwright.sync_api import expect

from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db(transaction=True)


def test_searching_the_samples(page, axe):
    from scrutinydesk.ingest.services import import_path

    for path in sorted(SAMPLES.glob("*.txt")):
        import_path(path)
    page.goto("/")
    page.get_by_label("Search minutes, decisions, reports and action plans").fill(
        "modern slavery")
    page.get_by_role("button", name="Search", exact=True).click()
    assert page.title() == "modern slavery – Search – Scrutiny Desk"
    results = page.locator(".sd-search-results > li")
    expect(results.first).to_be_visible()
    expect(page.get_by_role("link", name="Modern Slavery Protocol and Guidance").first) \
        .to_be_visible()
    expect(page.locator(".sd-search-results mark").first).to_have_text("Modern")
    axe(page, "search")

    page.get_by_label("Kind of record").select_option(label="Minutes")
    page.get_by_role("button", name="Apply filters").click()
    kinds = page.locator(".sd-search-results .govuk-tag").all_inner_texts()
    assert kinds and {k.capitalize() for k in kinds} == {"Minutes"}
    axe(page, "search-filtered")
