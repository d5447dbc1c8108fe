"""The site's own sign-in, sign-out and password reset pages, and sign-in throttling."""

import re

import pytest
from axes.utils import reset as reset_sign_in_throttle
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail

from tests.factories import make_role_user

pytestmark = pytest.mark.django_db
PASSWORD = "pw-12345!"  # tests.factories.make_user's


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def sign_in(client, username, password, **extra):
    return client.post("/sign-in/", {"username": username, "password": password, **extra})


@pytest.fixture
def clerk():
    return make_role_user("clerk", "clerk1", first_name="Chris", last_name="Clerk")


def test_login_url_is_the_sites_own_page():
    assert settings.LOGIN_URL == "accounts:sign-in"


def test_the_sign_in_page(client):
    page = soup(client.get("/sign-in/"))
    assert page.title.get_text() == "Sign in – Scrutiny Desk"
    assert page.h1.get_text() == "Sign in"
    form = page.find("form", action="/sign-in/")
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "username"})["autocomplete"] == "username"
    assert form.find("input", attrs={"name": "password"})["type"] == "password"
    assert page.find("label", attrs={"for": "id_username"})
    assert page.find("a", href="/password-reset/")


def test_signing_in_goes_where_the_person_was_going(client, clerk):
    response = sign_in(client, "clerk1", PASSWORD, next="/outcomes/safe/")
    assert response.status_code == 302 and response.url == "/outcomes/safe/"
    page = soup(client.get("/"))
    assert "Signed in as Chris Clerk." in page.find(class_="govuk-phase-banner").get_text()
    button = page.find("form", action="/sign-out/").button
    assert button.get_text(" ", strip=True) == "Sign out (clerk1)"


def test_signing_in_without_next_goes_home(client, clerk):
    assert sign_in(client, "clerk1", PASSWORD).url == "/"


def test_a_wrong_password_is_explained_in_an_error_summary(client, clerk):
    response = sign_in(client, "clerk1", "wrong")
    assert response.status_code == 200
    page = soup(response)
    assert page.title.get_text() == "Error: Sign in – Scrutiny Desk"
    summary = page.find(class_="govuk-error-summary")
    assert "Enter a correct username and password" in summary.get_text()
    assert summary.find("a")["href"] == "#id_username"


def test_empty_fields_are_named(client):
    summary = soup(sign_in(client, "", "")).find(class_="govuk-error-summary")
    links = {a["href"]: a.get_text() for a in summary.find_all("a")}
    assert links == {"#id_username": "Enter your username",
                     "#id_password": "Enter your password"}


def test_sign_out_is_a_post(client, clerk):
    client.force_login(clerk)
    assert client.get("/sign-out/").status_code == 405
    response = client.post("/sign-out/")
    assert response.status_code == 200
    assert soup(response).h1.get_text() == "You have signed out"
    assert "_auth_user_id" not in client.session
    assert soup(client.get("/")).find("a", href="/sign-in/")


def test_too_many_failures_lock_the_account_out_from_that_address(client, clerk):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "clerk1", "wrong").status_code == 200
    locked = sign_in(client, "clerk1", "wrong")
    assert locked.status_code == 429
    assert soup(locked).h1.get_text() == "Too many attempts to sign in"
    assert sign_in(client, "clerk1", PASSWORD).status_code == 429  # even the right one
    assert sign_in(client, "someone-else", "wrong").status_code == 200  # others are not
    assert reset_sign_in_throttle(username="clerk1") >= 1
    assert sign_in(client, "clerk1", PASSWORD).status_code == 302


def test_a_success_clears_earlier_failures(client, clerk):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "clerk1", "wrong")
    assert sign_in(client, "clerk1", PASSWORD).status_code == 302
    client.post("/sign-out/")
    assert sign_in(client, "clerk1", "wrong").status_code == 200


def test_password_reset_sends_a_link_that_sets_a_new_password(client, clerk):
    response = client.post("/password-reset/", {"email": clerk.email})
    assert response.status_code == 302 and response.url == "/password-reset/sent/"
    assert soup(client.get(response.url)).h1.get_text() == "Check your email"
    [message] = mail.outbox
    assert message.to == [clerk.email]
    assert message.subject == "Reset your Scrutiny Desk password"
    link = re.search(r"http://testserver(/password-reset/\S+/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert soup(form_page).h1.get_text() == "Choose a new password"
    done = client.post(form_page.redirect_chain[-1][0],
                       {"new_password1": "a long new passphrase", "new_password2":
                        "a long new passphrase"}, follow=True)
    assert soup(done).h1.get_text() == "Your password has been changed"
    assert sign_in(client, "clerk1", "a long new passphrase").status_code == 302
    assert soup(client.get(link)).h1.get_text() == "The link has expired"


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client):
    response = client.post("/password-reset/", {"email": "nobody@example.org"})
    assert response.url == "/password-reset/sent/"
    assert mail.outbox == []


def test_password_reset_needs_an_address(client):
    summary = soup(client.post("/password-reset/", {"email": "not an address"})).find(
        class_="govuk-error-summary")
    assert "Enter an email address in the correct format" in summary.get_text()
