"""The home page: committees, meetings and outcomes, or what to do when there are none."""

from datetime import date, time

import pytest

from tests.factories import make_committee, make_indicator, make_meeting, make_outcome

pytestmark = pytest.mark.django_db


def home(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_empty_database_shows_the_empty_states(client):
    page = home(client)
    assert "No committees yet. Import a paper with <code>scrutinydesk import</code>." in page
    assert "No meetings yet." in page
    assert "No outcomes yet." in page


def test_lists_outcomes_committees_and_meetings(client):
    outcome = make_outcome(name="Healthy", sponsor="Jo Sponsor")
    make_indicator(outcome=outcome, code="HEALTH 03", title="Rate of hospital admissions")
    committee = make_committee(name="People Scrutiny Committee", council="Anyshire Council")
    make_meeting(committee=committee, date=date(2019, 11, 5), start_time=time(14, 0),
                 venue="Council Chamber")
    page = home(client)
    assert "People Scrutiny Committee (Anyshire Council)" in page
    assert "5 November 2019, 2.00 p.m." in page
    assert "Council Chamber" in page
    assert "Scheduled" in page
    assert "<h3><a href=\"/outcomes/healthy/\">Healthy</a></h3>" in page
    assert "Outcome sponsor: Jo Sponsor" in page
    assert "HEALTH 03: Rate of hospital admissions" in page
    assert "No committees yet" not in page
    assert "No meetings yet." not in page
    assert "No outcomes yet." not in page


def test_an_outcome_without_indicators(client):
    make_outcome(name="Prosperous")
    page = home(client)
    assert "<h3><a href=\"/outcomes/prosperous/\">Prosperous</a></h3>" in page
    assert "No indicators yet." in page


def test_twenty_most_recent_meetings_newest_first(client):
    committee = make_committee()
    for day in range(1, 22):
        make_meeting(committee=committee, date=date(2018, 3, day), start_time=None)
    page = home(client)
    assert page.index("21 March 2018") < page.index("2 March 2018")
    assert "<td>2 March 2018</td>" in page
    assert "<td>1 March 2018</td>" not in page
    assert page.count("<tr><td>") == 20


def test_names_are_escaped(client):
    make_committee(name="<script>alert(1)</script> Committee")
    page = home(client)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Committee" in page


def test_admin_redirects_anonymous_users_to_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/"
