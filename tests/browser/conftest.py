"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Fixtures:

``page``        a new browser tab whose relative addresses go to the live server
``sign_in_as``  ``sign_in_as("clerk")`` signs a new user with that role in and returns the tab
``axe``         ``axe(page, "name")`` saves a screenshot to var/screenshots/name.png, runs
                axe-core (tests/browser/vendor/axe.min.js) and fails on any serious or
                critical violation of WCAG 2.2 A/AA or best practice
``shot``        ``shot(page, "name")``: the screenshot alone

Without /usr/bin/chromium the tests are skipped, except with CI=true, where they fail.
The browser is never downloaded (no ``playwright install``).
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
            "best-practice"]
FAILING_IMPACTS = ("serious", "critical")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _unavailable(f"Playwright is not installed: {exc}")
    # Playwright's sync API keeps an event loop in the test thread from the first browser
    # test until the session ends; the ORM calls made there (by any test, and by the
    # database teardown) are synchronous and safe, so Django is told not to refuse them.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                  args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_context(browser, live_server):
    context = browser.new_context(base_url=live_server.url,
                                  viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    tab = browser_context.new_page()
    tab.set_default_timeout(15_000)
    return tab


@pytest.fixture
def sign_in_as(page, browser_context, live_server):
    """Sign a new user holding ``role`` in (by session cookie) and return the tab."""
    from django.conf import settings
    from django.test import Client

    from tests.factories import make_role_user

    def sign_in(role: str, **user_fields):
        user = make_role_user(role, **user_fields)
        client = Client()
        client.force_login(user)
        browser_context.add_cookies([{
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url}])
        page.user = user
        return page

    return sign_in


@pytest.fixture
def shot():
    def save(page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} – {v['help']} ({v['helpUrl']})")
        lines.extend(f"    {node['target']}: {node['failureSummary']}"
                     for node in v["nodes"][:5])
    return "\n".join(lines)


@pytest.fixture
def axe(shot):
    def check(page, name: str) -> None:
        shot(page, name)
        violations = axe_violations(page)
        assert not violations, f"accessibility problems on {page.url}:\n{describe(violations)}"

    return check
