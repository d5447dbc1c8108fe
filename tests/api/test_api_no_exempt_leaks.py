"""No API response gives the public exempt information: every route the API serves, every
list in every format and every record of every resource, fetched anonymously beside a
meeting with exempt business (tests/exempt.py), shows none of its words.

A new API route fails the last test until it is checked here."""

from datetime import date

import pytest
from django.urls import get_resolver
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from scrutinydesk.api.views import RESOURCES
from scrutinydesk.reports.synthetic import make_synthetic_outcome
from tests.exempt import SECRETS, assert_no_secrets
from tests.factories import EXAMPLES, make_attendance, make_work_programme_item

pytestmark = pytest.mark.django_db

# Routes that are not a resource's list or record, each fetched anonymously below.
OTHER_ROUTES = {"api:api-root": "/api/", "api:schema": "/api/schema/",
                "api:docs": "/api/docs/", "api:redoc": "/api/redoc/",
                "api:meeting-ocd-list": "/api/meetings/ocd/"}
POST_ONLY = {"api:token": "gives a token for a username and password; shows nothing"}


@pytest.fixture
def data(exempt_business):
    make_synthetic_outcome("Connected", indicators=2, years=3, measures_per_indicator=1,
                           edition=date(2020, 7, 1))
    meeting = exempt_business.meeting
    make_attendance(meeting=meeting)
    make_work_programme_item(committee=meeting.committee, target_meeting=meeting)
    for model, make in EXAMPLES.items():  # at least one record of every resource
        if not model._base_manager.exists():
            make()
    return exempt_business


def api_url_names() -> set[str]:
    resolver = get_resolver()
    for entry in resolver.url_patterns:
        if getattr(entry, "namespace", None) == "api":
            return _names(entry)
    raise AssertionError("no api namespace")


def _names(resolver) -> set[str]:
    names = set()
    for entry in resolver.url_patterns:
        if hasattr(entry, "url_patterns"):
            names |= _names(entry)
        elif entry.name:
            names.add(f"api:{entry.name}")
    return names


def every_record_url(prefix, viewset) -> list[str]:
    # Every row, exempt or not: a record the public may not see must answer 404.
    return [f"/api/{prefix}/{pk}/" for pk in
            viewset.model._base_manager.values_list("pk", flat=True)]


@pytest.mark.parametrize(("prefix", "viewset"), RESOURCES, ids=[p for p, _ in RESOURCES])
def test_no_resource_gives_the_public_exempt_information(data, prefix, viewset):
    api = APIClient()
    for fmt in ("json", "csv", "api"):
        response = api.get(f"/api/{prefix}/?format={fmt}&page_size=1000")
        assert response.status_code == 200, (prefix, fmt)
        assert_no_secrets(response.content.decode())
    urls = every_record_url(prefix, viewset)
    if prefix == "meetings":
        urls += [f"{url}ocd/" for url in urls]
    assert urls, f"no {prefix} to check"
    for url in urls:
        response = api.get(url)
        assert response.status_code in (200, 404), url
        assert_no_secrets(response.content.decode())


def test_exempt_records_are_not_found_by_the_public(data):
    api = APIClient()
    exempt = data.exempt_item
    for route, record in (("decisions", exempt.decisions.get()),
                          ("undertakings", exempt.undertakings.get()),
                          ("declarations", exempt.declarations.get()),
                          ("documents", exempt.documents.get())):
        assert api.get(f"/api/{route}/{record.pk}/").status_code == 404, route
    item = api.get(f"/api/agenda-items/{exempt.pk}/").json()
    assert (item["title"], item["exempt"], item["exempt_paragraph"]) == (
        "Residential care contract award", True, "3")
    assert (item["minutes"], item["description"], item["decisions"], item["documents"]) == (
        "", "", [], [])
    paper = api.get(f"/api/papers/{data.pack.pk}/").json()
    assert paper["has_exempt_parts"] is True and "text" not in paper
    assert api.get(f"/api/papers/{data.public_paper.pk}/").json()["has_exempt_parts"] is False


def test_filters_and_search_find_nothing_exempt_for_the_public(data):
    api = APIClient()
    assert api.get("/api/agenda-items/?search=tender prices").json()["count"] == 0
    assert api.get("/api/decisions/?search=Harbour").json()["count"] == 0
    assert api.get(f"/api/decisions/?agenda_item={data.exempt_item.pk}").json()["count"] == 0
    assert api.get("/api/findings/?search=exempt pages").json()["count"] == 0


def test_members_get_the_exempt_business(data, role_user):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=role_user('member'))}")
    text = "".join(api.get(f"/api/{prefix}/?page_size=1000").content.decode()
                   for prefix in ("agenda-items", "decisions", "undertakings",
                                  "declarations", "documents", "findings"))
    text += api.get(f"/api/meetings/{data.meeting.pk}/ocd/").content.decode()
    found = {secret for secret in SECRETS if secret in text}
    # The pack's text is not part of the API for anyone.
    assert found == set(SECRETS) - {"CONFIDENTIAL PAGES OF THE PACK"}
    paper = api.get(f"/api/papers/{data.pack.pk}/").json()
    assert paper["has_exempt_parts"] is True


@pytest.mark.parametrize("name", sorted(OTHER_ROUTES))
def test_the_other_routes_give_the_public_no_exempt_information(data, name):
    response = APIClient().get(OTHER_ROUTES[name])
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())


def test_every_api_route_is_checked_for_exempt_information():
    checked = set(OTHER_ROUTES) | set(POST_ONLY) | {
        f"api:{viewset.model._meta.model_name}-{kind}" for _, viewset in RESOURCES
        for kind in ("list", "detail")} | {"api:meeting-ocd"}
    unchecked = api_url_names() - checked
    assert not unchecked, f"check these API routes in {__file__}: {sorted(unchecked)}"
