"""The home and outcome pages in a real browser, each checked with axe-core."""

from datetime import date

import pytest
from playwright.sync_api import expect

from scrutinydesk.reports.synthetic import make_synthetic_outcome
from tests.exempt import EXEMPT_TITLE, assert_no_secrets, make_exempt_business

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page(page, axe):
    make_exempt_business()
    make_synthetic_outcome("Connected", indicators=2, years=3, measures_per_indicator=1,
                           edition=date(2020, 7, 1))
    page.goto("/")
    assert page.title().startswith("Scrutiny Desk")
    assert page.locator("h1").inner_text() == "Scrutiny Desk"
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    row = page.locator("main table tbody tr").first
    assert "Children's Scrutiny Committee" in row.inner_text()
    assert page.get_by_role("link", name="Connected", exact=True).is_visible()
    assert page.get_by_role("link", name="Connected Overview and Scrutiny Committee").is_visible()
    assert_no_secrets(page.content())
    assert EXEMPT_TITLE not in page.content()  # the home page lists no agenda items
    axe(page, "home")


def test_home_page_on_a_phone(page, axe):
    make_exempt_business()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/")
    menu = page.get_by_role("button", name="Menu")
    assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    assert page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Sign in").is_visible()
    axe(page, "home-phone-menu-open")


def test_skip_link_is_the_first_thing_a_keyboard_reaches(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_outcome_page(page, axe):
    outcome = make_synthetic_outcome("Connected", indicators=2, years=3,
                                     measures_per_indicator=1, edition=date(2020, 7, 1))
    page.goto(f"/outcomes/{outcome.slug}/")
    assert page.title() == "Connected – Scrutiny Desk"
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.get_by_role("link", name="Home").is_visible()
    assert page.get_by_role("link", name="Home", exact=True).first.is_visible()
    table = page.get_by_role("table", name="Latest value of each population indicator")
    assert table.locator("tbody tr").count() == 2
    axe(page, "outcome")
    assert page.get_by_role("link", name="PDF of the July 2020 edition").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV file").click()
    assert download.value.suggested_filename == "connected-indicators.csv"
    assert download.value.path().read_text().splitlines()[0] == "Indicator,Latest value,Period"


@pytest.mark.parametrize("role", ["member", "officer", "clerk", "admin"])
def test_each_role_signed_in(sign_in_as, axe, role):
    page = sign_in_as(role, first_name="Demo", last_name=role.title(),
                      is_staff=role == "admin")
    page.goto("/")
    assert f"Signed in as Demo {role.title()}." in page.locator(".govuk-phase-banner").inner_text()
    nav = page.get_by_role("navigation", name="Menu")
    assert nav.get_by_role("button", name="Sign out").is_visible()
    admin_link = nav.get_by_role("link", name="Administration")
    assert admin_link.count() == (1 if role == "admin" else 0)
    axe(page, f"home-signed-in-{role}")
