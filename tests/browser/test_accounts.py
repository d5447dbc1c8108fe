"""Signing in and out, and asking for a password reset, in a real browser."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import make_role_user

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "pw-12345!"  # tests.factories.make_user's


def test_sign_in_with_a_mistake_then_sign_out(page, axe):
    make_role_user("clerk", "clerk1", first_name="Chris", last_name="Clerk")
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign in").click()
    expect(page).to_have_title("Sign in – Scrutiny Desk")
    axe(page, "sign-in")

    page.get_by_label("Username").fill("clerk1")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title("Error: Sign in – Scrutiny Desk")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct username and password")
    expect(summary).to_be_focused()
    axe(page, "sign-in-error")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator(".govuk-phase-banner")).to_contain_text("Signed in as Chris Clerk.")

    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("h1")).to_have_text("You have signed out")
    axe(page, "signed-out")
    page.goto("/")
    expect(page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Sign in")).to_be_visible()


def test_password_reset_request(page, axe):
    make_role_user("member", "member1")
    page.goto("/sign-in/")
    page.get_by_role("link", name="I have forgotten my password").click()
    expect(page.locator("h1")).to_have_text("Reset your password")
    axe(page, "password-reset")
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    axe(page, "password-reset-error")
    page.get_by_label("Email address").fill("member1@example.org")
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator("h1")).to_have_text("Check your email")
    axe(page, "password-reset-sent")
    [message] = mail.outbox
    assert message.to == ["member1@example.org"]
    link = re.search(r"https?://\S+/password-reset/\S+/\S+/", message.body).group(0)
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Choose a new password")
    axe(page, "password-reset-choose")
