"""No page shows the public exempt information: every URL the site serves (outside the
admin) is fetched anonymously beside a meeting with exempt business (tests/exempt.py).

A new page must be added to PAGES (with the arguments of its URL) or to NOT_CHECKED with
the reason; the last test fails until it is. The API's routes are checked likewise in
tests/api/test_api_no_exempt_leaks.py."""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from scrutinydesk.reports.synthetic import make_synthetic_outcome
from tests.exempt import assert_no_secrets

pytestmark = pytest.mark.django_db

PAGES = {
    "web:home": lambda data: [],
    "web:outcome": lambda data: [data["outcome"].slug],
    "web:outcome-report": lambda data: [data["outcome"].slug, "html"],
    "web:accessibility": lambda data: [],
    "accounts:sign-in": lambda data: [],
    "accounts:password-reset": lambda data: [],
    "accounts:password-reset-sent": lambda data: [],
    "accounts:password-reset-complete": lambda data: [],
}
# Pages for signed-in officers and clerks only: the public is sent to sign in and sees
# nothing of them (what officers see of exempt papers is core.visibility's rule).
SIGNED_IN_PAGES = {
    "web:review-list": lambda data: [],
    "web:review-paper": lambda data: [data["paper"].pk],
    "web:review-correct": lambda data: [data["paper"].pk, "observation", 1],
    "web:review-assign": lambda data: [data["paper"].pk, "indicator", 1],
}
NOT_CHECKED = {
    "accounts:sign-out": "POST only; shows a fixed page",
    "web:review-confirm": "POST only, for officers and clerks; redirects to the review page",
    "web:review-read-again": "POST only, for officers and clerks; redirects to the review "
                             "page",
    "accounts:password-reset-confirm": "needs a user's reset token; shows a form only",
}


def url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in ("admin", "api"):  # api: tests/api/test_api_no_exempt_leaks
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(namespace + entry.name)
    return names


@pytest.fixture
def data(exempt_business):
    outcome = make_synthetic_outcome("Connected", indicators=2, years=3,
                                     measures_per_indicator=1, edition=date(2020, 7, 1))
    return {"business": exempt_business, "outcome": outcome, "paper": exempt_business.pack}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_public_page_shows_exempt_information(client, data, name):
    response = client.get(reverse(name, args=PAGES[name](data)))
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())


@pytest.mark.parametrize("name", sorted(SIGNED_IN_PAGES))
def test_signed_in_pages_send_the_public_to_sign_in(client, data, name):
    response = client.get(reverse(name, args=SIGNED_IN_PAGES[name](data)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))
    assert_no_secrets(response.content.decode())


def test_every_page_is_checked_for_exempt_information():
    unchecked = url_names() - set(PAGES) - set(SIGNED_IN_PAGES) - set(NOT_CHECKED)
    assert not unchecked, f"add these pages to PAGES in {__file__}: {sorted(unchecked)}"
