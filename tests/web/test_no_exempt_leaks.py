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
# Pages for signed-in people only: the public is sent to sign in and sees nothing else.
SIGNED_IN_PAGES = {
    "clerk:home": lambda data: [],
    "clerk:meeting-create": lambda data: [],
    "clerk:meeting": lambda data: [data["business"].meeting.pk],
    "clerk:meeting-reschedule": lambda data: [data["business"].meeting.pk],
    "clerk:meeting-cancel": lambda data: [data["business"].meeting.pk],
    "clerk:item-create": lambda data: [data["business"].meeting.pk],
    "clerk:item-edit": lambda data: [data["business"].exempt_item.pk],
    "clerk:item-move": lambda data: [data["business"].exempt_item.pk],
    "clerk:document-create": lambda data: [data["business"].meeting.pk],
    "clerk:attendance-create": lambda data: [data["business"].meeting.pk],
    "clerk:declaration-create": lambda data: [data["business"].meeting.pk],
    "clerk:decision-create": lambda data: [data["business"].meeting.pk],
    "clerk:undertaking-create": lambda data: [data["business"].meeting.pk],
    "clerk:pack-publish": lambda data: [data["business"].meeting.pk],
    "clerk:undertakings": lambda data: [],
    "clerk:undertaking-status": lambda data: [
        data["business"].exempt_item.undertakings.get().pk],
    "clerk:actions": lambda data: [],
    "clerk:action-status": lambda data: [data["action"].pk],
    "clerk:work-programme": lambda data: [],
    "clerk:topic-move": lambda data: [data["topic"].pk],
}
NOT_CHECKED = {
    "agenda-packs:download": "a PDF: its text is checked in tests/clerk/test_views.py",
    "accounts:sign-out": "POST only; shows a fixed page",
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
    from tests.factories import make_action, make_work_programme_item

    topic = make_work_programme_item(committee=exempt_business.meeting.committee)
    return {"business": exempt_business, "outcome": outcome, "topic": topic,
            "action": make_action()}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_public_page_shows_exempt_information(client, data, name):
    response = client.get(reverse(name, args=PAGES[name](data)))
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())


@pytest.mark.parametrize("name", sorted(SIGNED_IN_PAGES))
def test_signed_in_pages_send_the_public_to_sign_in(client, data, name):
    url = reverse(name, args=SIGNED_IN_PAGES[name](data))
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign-in") + "?next=")
        assert_no_secrets(response.content.decode())


def test_every_page_is_checked_for_exempt_information():
    unchecked = url_names() - set(PAGES) - set(SIGNED_IN_PAGES) - set(NOT_CHECKED)
    assert not unchecked, f"add these pages to PAGES in {__file__}: {sorted(unchecked)}"
