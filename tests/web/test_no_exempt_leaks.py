"""No page shows the public exempt information: every URL the site serves (outside the
admin) is fetched anonymously beside a meeting with exempt business (tests/exempt.py).

A new page must be added to PAGES (with the arguments of its URL) or to NOT_CHECKED with
the reason; the last test fails until it is. The API's routes are checked likewise in
tests/api/test_api_no_exempt_leaks.py."""

from datetime import date, timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from scrutinydesk.committees.models import Member, Undertaking
from scrutinydesk.reports.synthetic import make_synthetic_outcome
from tests.exempt import assert_no_secrets
from tests.factories import make_action_plan, make_meeting, make_work_programme_item

pytestmark = pytest.mark.django_db

PAGES = {
    "web:home": lambda data: [],
    "web:outcome": lambda data: [data["outcome"].slug],
    "web:outcome-report": lambda data: [data["outcome"].slug, "html"],
    "web:outcome-dashboard": lambda data: [data["outcome"].slug],
    "web:outcome-subject": lambda data: [data["outcome"].slug, "indicators",
                                         data["outcome"].indicators.first().pk],
    "web:outcome-board": lambda data: [data["outcome"].slug],
    "web:accessibility": lambda data: [],
    "web:committees": lambda data: [],
    "web:committee": lambda data: [data["committee"].slug],
    "web:work-programme": lambda data: [data["committee"].slug],
    "web:committee-meetings-ical": lambda data: [data["committee"].slug],
    "web:meeting": lambda data: [data["committee"].slug, data["business"].meeting.date],
    "web:meeting-outstanding": lambda data: [data["committee"].slug, data["later"].date],
    "web:member": lambda data: [data["member"].pk],
    "web:meetings-ical": lambda data: [],
    "web:decisions": lambda data: [],
    "web:decisions-rss": lambda data: [],
    "web:decisions-atom": lambda data: [],
    "web:undertakings": lambda data: [],
    "search:search": lambda data: [],
    "web:undertaking": lambda data: [data["public_undertaking"].pk],
    "web:action-plans": lambda data: [],
    "web:action-plan": lambda data: [data["plan"].pk],
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
    "web:outcome-board-new": lambda data: [data["outcome"].slug],
    "web:outcome-board-edit": lambda data: [data["outcome"].slug, 1],
}
NOT_CHECKED = {
    "web:outcome-subject-polarity": "POST only, for officers; redirects to the indicator",
    "agenda-packs:download": "a PDF: its text is checked in tests/clerk/test_views.py",
    "accounts:sign-out": "POST only; shows a fixed page",
    "web:review-confirm": "POST only, for officers and clerks; redirects to the review page",
    "web:review-read-again": "POST only, for officers and clerks; redirects to the review "
                             "page",
    "accounts:password-reset-confirm": "needs a user's reset token; shows a form only",
    "web:work-programme-move": "clerks only: the public is sent to sign in "
                               "(tests/web/test_committee_pages.py)",
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
    from tests.factories import make_action

    meeting = exempt_business.meeting
    later = make_meeting(committee=meeting.committee, date=meeting.date + timedelta(days=60))
    topic = make_work_programme_item(committee=meeting.committee, target_meeting=later,
                                     target_date=later.date)
    # the findings read from the exempt pack and from a public paper are about this
    # outcome's first indicator, so its dashboard and page must filter them
    first = outcome.indicators.order_by("number").first()
    for finding in (exempt_business.public_finding, exempt_business.pack_finding):
        type(finding).objects.filter(pk=finding.pk).update(indicator=first)
    return {"business": exempt_business, "outcome": outcome, "committee": meeting.committee,
            "later": later, "member": Member.objects.get(name="Pat Example"),
            "public_undertaking": exempt_business.public_item.undertakings.get(),
            "plan": make_action_plan(committee=meeting.committee, meeting=meeting),
            "paper": exempt_business.pack, "topic": topic, "action": make_action()}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_public_page_shows_exempt_information(client, data, name):
    response = client.get(reverse(name, args=PAGES[name](data)))
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())


def test_search_finds_no_exempt_text_for_the_public(client, data):
    from scrutinydesk.search.index import rebuild
    from tests.exempt import SECRETS

    rebuild()
    for secret in SECRETS:
        # every word of the secret, in reverse order, so the page's echo of the query
        # is not the secret itself
        query = " ".join(reversed(secret.split()))
        response = client.get(reverse("search:search"), {"q": query})
        assert response.status_code == 200
        assert_no_secrets(response.content.decode())


def test_the_indicator_page_shows_public_findings_only(client, data):
    outcome = data["outcome"]
    first = outcome.indicators.order_by("number").first()
    html = client.get(reverse("web:outcome-subject",
                              args=[outcome.slug, "indicators", first.pk])).content.decode()
    assert "Monitoring finding" in html
    assert "Pack finding quoting the exempt pages" not in html


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


def test_an_exempt_items_undertaking_is_not_found_by_the_public(client, data):
    exempt = Undertaking.objects.get(agenda_item=data["business"].exempt_item)
    assert client.get(reverse("web:undertaking", args=[exempt.pk])).status_code == 404


def test_the_report_of_an_outcome_with_a_finding_from_an_exempt_pack(client, data, role_user):
    for finding in (data["business"].pack_finding, data["business"].public_finding):
        finding.refresh_from_db()
    outcome = data["business"].pack_finding.indicator.outcome
    url = reverse("web:outcome-report", args=[outcome.slug, "html"])
    public = client.get(url).content.decode()
    assert_no_secrets(public)
    assert "Monitoring finding" in client.get(reverse(
        "web:outcome-report", args=[data["business"].public_finding.indicator.outcome.slug,
                                    "html"])).content.decode()
    client.force_login(role_user("member"))
    assert "Pack finding quoting the exempt pages" in client.get(url).content.decode()
