"""The home page: committees, meetings and outcomes, or what to do when there are none."""

from datetime import date, time

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_committee, make_indicator, make_meeting, make_outcome

pytestmark = pytest.mark.django_db


def home(client) -> BeautifulSoup:
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_empty_database_shows_the_empty_states(client):
    page = text(home(client).main)
    assert "No committees yet. Import a paper with scrutinydesk import ." in page
    assert "No meetings yet." in page
    assert "No outcomes yet." in page


def test_lists_outcomes_committees_and_meetings(client):
    outcome = make_outcome(name="Healthy", sponsor="Jo Sponsor")
    make_indicator(outcome=outcome, code="HEALTH 03", title="Rate of hospital admissions")
    committee = make_committee(name="People Scrutiny Committee", council="Anyshire Council")
    make_meeting(committee=committee, date=date(2019, 11, 5), start_time=time(14, 0),
                 venue="Council Chamber")
    soup = home(client)
    page = text(soup.main)
    assert "People Scrutiny Committee (Anyshire Council)" in page
    [row] = soup.main.table.tbody.find_all("tr")
    assert [text(td) for td in row.find_all("td")] == [
        "5 November 2019, 2.00 p.m.", "People Scrutiny Committee", "Council Chamber",
        "Scheduled"]
    assert row.find("strong", class_="govuk-tag--blue").get_text() == "Scheduled"
    link = soup.main.find("h3").a
    assert (link["href"], link.get_text()) == ("/outcomes/healthy/", "Healthy")
    assert "Outcome sponsor: Jo Sponsor" in page
    assert "HEALTH 03: Rate of hospital admissions" in page
    assert "No committees yet" not in page
    assert "No meetings yet." not in page
    assert "No outcomes yet." not in page


def test_the_one_council_of_the_committees_is_in_the_header(client):
    make_committee(name="People Scrutiny Committee", council="Anyshire Council")
    soup = home(client)
    assert text(soup.find(class_="govuk-generic-header")) == "Anyshire Council"
    assert text(soup.find(class_="govuk-service-navigation__service-name")) == "Scrutiny Desk"
    assert soup.title.get_text() == "Scrutiny Desk – Anyshire Council"


def test_an_outcome_without_indicators(client):
    make_outcome(name="Prosperous")
    soup = home(client)
    assert soup.main.find("h3").a["href"] == "/outcomes/prosperous/"
    assert "No indicators yet." in text(soup.main)


def test_twenty_most_recent_meetings_newest_first(client):
    committee = make_committee()
    for day in range(1, 22):
        make_meeting(committee=committee, date=date(2018, 3, day), start_time=None)
    rows = home(client).main.table.tbody.find_all("tr")
    dates = [text(row.td) for row in rows]
    assert len(dates) == 20
    assert dates[0] == "21 March 2018" and dates[-1] == "2 March 2018"
    assert "1 March 2018" not in dates


def test_names_are_escaped(client):
    make_committee(name="<script>alert(1)</script> Committee")
    response = client.get("/")
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; Committee" in response.content


def test_admin_redirects_anonymous_users_to_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/"


def test_every_page_has_the_service_layout(client):
    soup = home(client)
    skip = soup.find("a", class_="govuk-skip-link")
    assert skip["href"] == "#main-content" and soup.find(id="main-content").name == "main"
    assert text(soup.find(class_="govuk-phase-banner__content__tag")) == "Beta"
    nav = soup.find("nav", class_="govuk-service-navigation__wrapper")
    assert nav.find("a", attrs={"aria-current": "page"}).get_text(strip=True) == "Home"
    assert nav.find("a", href="/sign-in/").get_text() == "Sign in"
    assert soup.footer.find("a", href="/accessibility/")
    assert "GDS Transport" not in soup.decode() and "crown" not in soup.decode().lower()
