"""The public committee pages in a real browser, each checked with axe-core: the bundled
samples' committee, meeting, work programme, member, decision register, undertakings log
and action plans; an anonymous walk of every link from the home page and the feeds that
never meets exempt business; a member who does; a clerk moving a topic."""

import json
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import SAMPLES
from tests.exempt import EXEMPT_TITLE, SECRETS, assert_no_secrets, make_exempt_business
from tests.factories import make_meeting, make_work_programme_item

pytestmark = pytest.mark.django_db(transaction=True)

SLUG = "safeguarding-overview-and-scrutiny-committee"


def import_samples():
    from scrutinydesk.ingest.services import import_path

    for path in sorted(SAMPLES.glob("*.txt")):
        import_path(path)


def test_the_samples_committee_pages(page, axe):
    from scrutinydesk.actionplans.models import ActionPlan
    from scrutinydesk.committees.models import Member, Undertaking

    import_samples()
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Committees").click()
    assert page.title() == "Committees – Scrutiny Desk"
    axe(page, "committees")
    page.get_by_role("link", name="Safeguarding Overview and Scrutiny Committee").click()
    assert page.title() == "Safeguarding Overview and Scrutiny Committee – Scrutiny Desk"
    future = page.get_by_role("table", name="Meetings to come")
    expect(future).to_contain_text("13 March 2018")
    expect(future).to_contain_text("5 July 2018")
    members = page.get_by_role("table", name="Members, their roles and terms")
    expect(members.get_by_role("row", name="Katharine Garcia")).to_contain_text("Vice-Chairman")
    assert page.locator('link[rel="alternate"][type="text/calendar"]').count() == 1
    axe(page, "committee")

    page.get_by_role("link", name="30 January 2018").click()
    assert page.title() == ("Safeguarding Overview and Scrutiny Committee, 30 January 2018 – "
                            "Scrutiny Desk")
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(crumbs.get_by_role("link", name="Safeguarding Overview and Scrutiny Committee")) \
        .to_be_visible()
    agenda = page.get_by_role("table", name="Items of business")
    expect(agenda.get_by_role("row", name="Domestic Abuse - Inquiry Day")).to_contain_text(
        "11 – 24")
    expect(page.locator("#attendance")).to_be_visible()
    summary = page.locator("dl").first
    expect(summary).to_contain_text("Katharine Garcia (Vice-Chairman)")
    expect(page.locator(".govuk-inset-text").first).to_contain_text("Recommended to Cabinet")
    axe(page, "meeting")

    page.get_by_role("link", name="Undertakings outstanding from earlier meetings").click()
    expect(page.locator("h1")).to_have_text("Outstanding undertakings")
    axe(page, "meeting-outstanding")

    page.goto(f"/committees/{SLUG}/work-programme/")
    expect(page.locator("h1")).to_have_text("Work programme")
    axe(page, "work-programme")

    page.goto(f"/members/{Member.objects.get(name='Derek Beer').pk}/")
    expect(page.get_by_role("table", name="Meetings whose minutes record")).to_contain_text(
        "Apologies")
    axe(page, "member")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Decisions").click()
    page.get_by_label("Kind of decision").select_option("recommended")
    page.get_by_label("Recommended to").select_option("Cabinet")
    page.get_by_role("button", name="Apply filters").click()
    assert "kind=recommended" in page.url and "recipient=Cabinet" in page.url
    rows = page.get_by_role("table", name="Decisions matching the filters").locator("tbody tr")
    assert rows.count() >= 2
    for text in rows.all_inner_texts():
        assert "Recommended to Cabinet" in text
    axe(page, "decisions")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Undertakings").click()
    page.get_by_label("Owner").fill("Director")
    page.get_by_role("button", name="Apply filters").click()
    table = page.get_by_role("table", name="Undertakings matching the filters")
    expect(table).to_contain_text("The Director")
    axe(page, "undertakings")
    october = Undertaking.objects.filter(meeting__date=date(2017, 10, 12)).first()
    page.goto(f"/undertakings/{october.pk}/")
    expect(page.get_by_role("table", name="Each change to this undertaking")).to_contain_text(
        "Recorded")
    axe(page, "undertaking")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Action plans").click()
    axe(page, "action-plans")
    send = ActionPlan.objects.get(title__icontains="Written Statement of Action")
    page.goto(f"/action-plans/{send.pk}/")
    expect(page.locator(".govuk-tag", has_text="Blue (complete)").first).to_be_visible()
    axe(page, "action-plan")


SKIP = ("/admin/", "/api/", "/sign-out/", "/static/", "/media/")


def test_an_anonymous_walk_of_every_link_never_meets_exempt_business(page):
    """From the home page, every link (pages, downloads, feeds) as the public: exempt
    business never arrives, while the exempt item's printed title does."""
    business = make_exempt_business()
    later = make_meeting(committee=business.meeting.committee, date=date(2017, 6, 1))
    make_work_programme_item(committee=business.meeting.committee, target_meeting=later,
                             target_date=later.date, status="proposed")
    origin = None
    queue, seen, titles_seen = ["/", "/meetings.ics", "/decisions/rss/", "/decisions/atom/"], \
        set(), False
    fetched = 0
    while queue and fetched < 400:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = page.request.get(url)
        fetched += 1
        assert response.status in (200, 302), url
        body = response.body().decode("utf-8", "replace")
        assert_no_secrets(unescape(body))
        titles_seen |= EXEMPT_TITLE in body
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page.goto(url)
        origin = origin or "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
        assert_no_secrets(page.inner_text("body"))
        for href in page.eval_on_selector_all(
                "a[href], link[rel=alternate]", "els => els.map(e => e.getAttribute('href'))"):
            absolute = urljoin(page.url, href)
            if not absolute.startswith(origin):
                continue
            path = absolute[len(origin):].split("#")[0]
            if path and not path.startswith(SKIP) and path not in seen:
                queue.append(path)
    assert not queue, f"stopped with {len(queue)} links left"
    assert fetched > 20
    assert titles_seen  # the exempt item's title shows as the agenda printed it
    for needed in ("/committees/", "/decisions/", "/undertakings/", "/action-plans/"):
        assert needed in seen


MEMBERS_PACK = (Path(__file__).resolve().parents[1] / "fixtures" / "unseen" / "round1"
                / "plans_packs" / "wexcombe-cyp-scrutiny-2024-11-19-members")


def test_a_members_pack_imported_as_usual_never_reaches_the_public(page, sign_in_as):
    """A members' agenda pack with Part 2 reports ("Not for publication by virtue of
    paragraph 3 …"), imported through the normal import: walking every link from the home
    page, the feeds and searches for its exempt words, the public never meets them; the
    exempt items' titles show as the public agenda printed them; a member sees them."""
    from scrutinydesk.ingest.services import import_path

    key = json.loads(MEMBERS_PACK.with_suffix(".key.json").read_text())
    import_path(MEMBERS_PACK.with_suffix(".txt"))
    secrets = key["secret_phrases"]
    searches = [f"/search/?q={quote(phrase)}" for phrase in secrets[:12]]
    seen = walk(page, ["/", "/meetings.ics", "/decisions/rss/", "/decisions/atom/", *searches],
                lambda text: [s for s in secrets if s in text])
    meeting = next(p for p in seen if p.startswith("/committees/") and p.count("/") == 4
                   and p.endswith("2024-11-19/"))
    public = page.request.get(meeting).body().decode()
    assert "Residential and Supported Accommodation Placements" in unescape(public)
    member = sign_in_as("member")
    member.goto(meeting)
    shown = member.inner_text("main")
    assert "Residential and Supported Accommodation Placements" in shown
    member.goto(f"/search/?q={quote(secrets[0])}")
    assert secrets[0] in member.inner_text("main")


def walk(page, start: list[str], leaks) -> set[str]:
    """Every page and download reachable from ``start`` as the public; ``leaks(text)``
    names what must not be there (beyond what the page's own address holds: what was typed
    into a search). Returns
    the paths walked."""
    origin, queue, seen = None, list(start), set()
    while queue and len(seen) < 400:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = page.request.get(url)
        assert response.status in (200, 302), url
        address = unquote(unquote(url))  # a page may echo its own address (a search query)
        body = unescape(response.body().decode("utf-8", "replace"))
        found = [words for words in leaks(body) if words not in address]
        assert not found, (url, found)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page.goto(url)
        origin = origin or "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
        assert not [w for w in leaks(page.inner_text("body")) if w not in address], url
        for href in page.eval_on_selector_all(
                "a[href], link[rel=alternate]", "els => els.map(e => e.getAttribute('href'))"):
            absolute = urljoin(page.url, href)
            if not absolute.startswith(origin):
                continue
            path = absolute[len(origin):].split("#")[0]
            if path and not path.startswith(SKIP) and path not in seen:
                queue.append(path)
    assert not queue, f"stopped with {len(queue)} links left"
    return seen


def test_a_signed_in_member_sees_the_exempt_business(sign_in_as, axe):
    business = make_exempt_business()
    page = sign_in_as("member")
    page.goto(f"/committees/{business.meeting.committee.slug}/{business.meeting.date}/")
    text = page.inner_text("main")
    for secret in SECRETS[:6]:
        assert secret in text, secret
    axe(page, "meeting-member")


def test_a_clerk_moves_a_topic_to_another_meeting(sign_in_as, axe):
    business = make_exempt_business()
    committee = business.meeting.committee
    later = make_meeting(committee=committee, date=date(2018, 7, 5))
    topic = make_work_programme_item(committee=committee, topic="Elective home education",
                                     target_meeting=business.meeting,
                                     target_date=business.meeting.date)
    page = sign_in_as("clerk")
    page.goto(f"/committees/{committee.slug}/work-programme/")
    page.get_by_role("link", name="Move to another meeting").click()
    axe(page, "work-programme-move")
    page.get_by_label("Meeting").select_option(label="5 July 2018")
    page.get_by_role("button", name="Move topic").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Elective home education moved to the meeting of 5 July 2018.")
    topic.refresh_from_db()
    assert topic.target_meeting == later
