"""The REST API: reading for everyone, writing with a token or session and the roles'
permissions, the model's own validation, filters, ordering, pagination and links."""

from datetime import date
from decimal import Decimal

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from scrutinydesk.committees.models import Meeting
from scrutinydesk.findings.models import Finding
from scrutinydesk.outcomes.models import Observation, PopulationIndicator
from tests.factories import (
    make_committee,
    make_finding,
    make_indicator,
    make_meeting,
    make_observation,
    make_outcome,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous():
    return APIClient()


@pytest.fixture
def as_role(role_user):
    """``as_role("officer")``: an API client sending that role's token."""

    def client(role):
        user = role_user(role)
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        api.user = user
        return api

    return client


def test_an_officer_creates_an_indicator_with_observations_that_the_public_reads(
        as_role, anonymous):
    officer = as_role("officer")
    outcome = make_outcome(name="Safe")
    created = officer.post("/api/indicators/", {
        "outcome": f"http://testserver/api/outcomes/{outcome.pk}/", "code": "SAFE 01",
        "title": "Rate of children subject to a child protection plan",
        "unit": "per_10000", "polarity": "lower_is_better", "frequency": "financial_year"})
    assert created.status_code == 201, created.json()
    indicator_url = created.json()["url"]
    for period, value in (("2016-17", "43.1"), ("2017-18", "41.5")):
        response = officer.post("/api/observations/", {
            "indicator": indicator_url, "period": period, "value": value})
        assert response.status_code == 201, response.json()

    public = anonymous.get(indicator_url)
    assert public.status_code == 200
    body = public.json()
    assert (body["code"], body["title"], body["outcome"]) == (
        "SAFE 01", "Rate of children subject to a child protection plan",
        f"http://testserver/api/outcomes/{outcome.pk}/")
    assert [(o["period"]["label"], o["value"]) for o in body["observations"]] == [
        ("2016-17", 43.1), ("2017-18", 41.5)]
    assert body["observations"][1]["period"] == {
        "code": "FY2017", "label": "2017-18", "kind": "financial_year",
        "start": "2017-04-01", "end": "2018-03-31"}
    indicator = PopulationIndicator.objects.get(code="SAFE 01")
    assert indicator.observations.count() == 2
    # The change history names the officer who made it through the API.
    assert indicator.history.first().history_user == officer.user


def test_anonymous_writes_are_refused(anonymous):
    outcome = make_outcome()
    indicator = make_indicator(outcome=outcome)
    attempts = [
        anonymous.post("/api/indicators/", {"outcome": f"/api/outcomes/{outcome.pk}/",
                                            "title": "Anything"}),
        anonymous.patch(f"/api/indicators/{indicator.pk}/", {"title": "Changed"}),
        anonymous.put(f"/api/outcomes/{outcome.pk}/", {"name": "Changed"}),
        anonymous.post("/api/meetings/", {"date": "2020-01-01"}),
    ]
    assert [r.status_code for r in attempts] == [401, 401, 401, 401]
    assert attempts[0]["WWW-Authenticate"] == "Token"
    indicator.refresh_from_db()
    assert indicator.title != "Changed" and PopulationIndicator.objects.count() == 1


def test_a_wrong_token_is_refused(anonymous):
    anonymous.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert anonymous.get("/api/outcomes/").status_code == 401


def test_a_clerk_can_create_a_meeting_and_an_officer_cannot(as_role):
    committee = make_committee(name="People Scrutiny Committee")
    meeting = {"committee": f"http://testserver/api/committees/{committee.pk}/",
               "date": "2020-02-03", "start_time": "10:00", "venue": "County Hall"}
    officer = as_role("officer").post("/api/meetings/", meeting)
    assert officer.status_code == 403
    assert not Meeting.objects.exists()
    clerk = as_role("clerk").post("/api/meetings/", meeting)
    assert clerk.status_code == 201, clerk.json()
    created = Meeting.objects.get()
    assert (created.committee, created.date, created.venue) == (
        committee, date(2020, 2, 3), "County Hall")
    assert clerk.json()["ocd"] == f"http://testserver/api/meetings/{created.pk}/ocd/"


def test_a_clerk_cannot_change_outcomes_data_and_a_member_cannot_write(as_role):
    outcome = make_outcome()
    assert as_role("clerk").patch(f"/api/outcomes/{outcome.pk}/",
                                  {"sponsor": "X"}).status_code == 403
    assert as_role("member").post("/api/committees/", {"name": "New"}).status_code == 403
    assert as_role("admin").post("/api/committees/", {"name": "New"}).status_code == 201


def test_nothing_is_deleted_through_the_api(as_role):
    outcome = make_outcome()
    assert as_role("admin").delete(f"/api/outcomes/{outcome.pk}/").status_code == 405


def test_the_session_of_a_signed_in_officer_writes_too(role_user):
    officer = role_user("officer")
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(officer)
    indicator = make_indicator()
    refused = api.patch(f"/api/indicators/{indicator.pk}/", {"title": "New title"})
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    api = APIClient()
    api.force_login(officer)
    assert api.patch(f"/api/indicators/{indicator.pk}/",
                     {"title": "New title"}).status_code == 200
    indicator.refresh_from_db()
    assert indicator.title == "New title"


def test_the_models_own_validation_answers_400(as_role):
    officer = as_role("officer")
    indicator = make_indicator(frequency="financial_year")
    url = f"http://testserver/api/indicators/{indicator.pk}/"
    bad_period = officer.post("/api/observations/", {"indicator": url, "period": "Spring",
                                                     "value": "1"})
    assert bad_period.status_code == 400 and "period" in bad_period.json()
    wrong_kind = officer.post("/api/observations/", {"indicator": url,
                                                     "period": "Q2 2017-18", "value": "1"})
    assert wrong_kind.status_code == 400
    assert "reported by financial year" in str(wrong_kind.json()["period"])
    neither = officer.post("/api/observations/", {"period": "2017-18", "value": "1"})
    assert neither.status_code == 400
    assert "exactly one population indicator" in str(neither.json())
    make_observation(indicator=indicator, period="2017-18", value=Decimal("5"))
    twice = officer.post("/api/observations/", {"indicator": url, "period": "2017-18",
                                                "value": "6"})
    assert twice.status_code == 400
    assert Observation.objects.count() == 1


def test_where_a_record_came_from_cannot_be_written(as_role):
    response = as_role("officer").post("/api/outcomes/", {
        "name": "Healthy", "source_page": 12, "confirmed_at": "2020-01-01T00:00:00Z"})
    assert response.status_code == 201
    body = response.json()
    assert (body["slug"], body["source"], body["source_page"], body["confirmed_at"]) == (
        "healthy", None, None, None)
    assert "confirmed_by" not in body


def test_an_officer_reviews_a_finding_by_its_status_only(as_role):
    finding = make_finding(explanation="The report says IMPROVING but values rose.")
    officer = as_role("officer")
    response = officer.patch(f"/api/findings/{finding.pk}/", {
        "status": "accepted", "explanation": "Rewritten"})
    assert response.status_code == 200
    finding.refresh_from_db()
    assert finding.status == "accepted" and finding.reviewed_by == officer.user
    assert finding.explanation == "The report says IMPROVING but values rose."
    assert officer.post("/api/findings/", {"kind": "trend"}).status_code == 403
    assert as_role("admin").post("/api/findings/", {"kind": "trend"}).status_code == 405
    assert Finding.objects.count() == 1


def test_lists_filter_order_and_paginate(anonymous):
    safe, healthy = make_outcome(name="Safe"), make_outcome(name="Healthy")
    for n in range(3):
        make_indicator(outcome=safe, code=f"SAFE 0{n + 1}", title=f"Safe series {n}")
    make_indicator(outcome=healthy, code="HEALTH 01", title="Admissions")
    filtered = anonymous.get(f"/api/indicators/?outcome={safe.pk}&ordering=-code").json()
    assert filtered["count"] == 3
    assert [i["code"] for i in filtered["results"]] == ["SAFE 03", "SAFE 02", "SAFE 01"]
    assert anonymous.get("/api/indicators/?title__icontains=admis").json()["count"] == 1
    assert anonymous.get("/api/indicators/?search=series").json()["count"] == 3
    page = anonymous.get("/api/indicators/?page_size=3&ordering=code").json()
    assert page["count"] == 4 and len(page["results"]) == 3
    assert page["next"] == "http://testserver/api/indicators/?ordering=code&page=2&page_size=3"
    assert [i["code"] for i in anonymous.get(page["next"]).json()["results"]] == ["SAFE 03"]
    assert anonymous.get("/api/indicators/?ordering=nonsense").status_code == 200


def test_observations_filter_by_period_and_dates(anonymous):
    indicator = make_indicator()
    for period in ("2015-16", "2016-17", "2017-18"):
        make_observation(indicator=indicator, period=period)
    assert anonymous.get("/api/observations/?period=2016-17").json()["count"] == 1
    assert anonymous.get("/api/observations/?period=FY2016").json()["count"] == 1
    assert anonymous.get(
        "/api/observations/?period_end__gte=2017-01-01").json()["count"] == 2
    bad = anonymous.get("/api/observations/?period=Spring")
    assert bad.status_code == 400 and "period" in bad.json()


def test_meetings_filter_by_committee_status_and_date(anonymous):
    people, place = make_committee(), make_committee()
    make_meeting(committee=people, date=date(2020, 1, 5), status="held")
    make_meeting(committee=people, date=date(2021, 1, 5))
    make_meeting(committee=place, date=date(2021, 2, 5))
    assert anonymous.get(f"/api/meetings/?committee={people.pk}").json()["count"] == 2
    assert anonymous.get("/api/meetings/?status=held").json()["count"] == 1
    later = anonymous.get("/api/meetings/?date__gte=2021-01-01&ordering=date").json()
    assert [m["date"] for m in later["results"]] == ["2021-01-05", "2021-02-05"]


def test_links_lead_from_one_resource_to_the_next(anonymous):
    observation = make_observation()
    body = anonymous.get("/api/observations/").json()["results"][0]
    indicator = anonymous.get(body["indicator"]).json()
    assert indicator["url"] == f"http://testserver/api/indicators/{observation.indicator.pk}/"
    outcome = anonymous.get(indicator["outcome"]).json()
    assert outcome["name"] == observation.indicator.outcome.name
    root = anonymous.get("/api/").json()
    assert root["indicators"] == "http://testserver/api/indicators/"
    assert root["meetings"] == "http://testserver/api/meetings/"


def test_an_officer_gets_a_token_with_username_and_password(role_user, anonymous):
    officer = role_user("officer", username="pat")
    wrong = anonymous.post("/api/token/", {"username": "pat", "password": "wrong"})
    assert wrong.status_code == 400 and "token" not in wrong.json()
    response = anonymous.post("/api/token/", {"username": "pat", "password": "pw-12345!"})
    assert response.status_code == 200
    key = response.json()["token"]
    assert Token.objects.get(user=officer).key == key
    again = anonymous.post("/api/token/", {"username": "pat", "password": "pw-12345!"})
    assert again.json()["token"] == key
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.post("/api/outcomes/", {"name": "Healthy"}).status_code == 201
    assert api.delete("/api/token/").status_code == 204
    assert api.post("/api/outcomes/", {"name": "Connected"}).status_code == 401
    assert anonymous.delete("/api/token/").status_code == 401


def test_the_token_endpoint_is_throttled_like_the_sign_in_page(role_user, anonymous,
                                                                settings):
    role_user("officer", username="sam")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        anonymous.post("/api/token/", {"username": "sam", "password": "wrong"})
    locked = anonymous.post("/api/token/", {"username": "sam", "password": "pw-12345!"})
    assert locked.status_code == 429  # the sign-in page's lock-out, 15 minutes
    assert not Token.objects.exists()
