"""Issue 11's acceptance on the bundled samples, imported through the normal import: the
30 January 2018 meeting page, the committee's future meetings on its page and in the
calendar, the October 2017 undertakings in the log, the decision register and feeds."""

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from scrutinydesk.actionplans.models import ActionPlan
from scrutinydesk.committees.models import Committee, Decision, Meeting, Undertaking
from tests.web.samples_imported import imported_samples  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("imported_samples")]

JAN30 = date(2018, 1, 30)


def text_of(html: str, start_id: str, end_id: str | None = None) -> str:
    """The visible words of a page between the element with ``id=start_id`` and the one
    with ``id=end_id``."""
    part = html[html.index(f'id="{start_id}"'):]
    if end_id:
        part = part[:part.index(f'id="{end_id}"')]
    words = re.sub(r"<[^>]+>", " ", part)
    return re.sub(r"\s+", " ", words.replace("&#x27;", "'").replace("&amp;", "&"))


@pytest.fixture
def committee():
    return Committee.objects.get(slug="safeguarding-overview-and-scrutiny-committee")


def test_the_30_january_2018_meeting_page(client, committee):
    html = client.get(reverse("web:meeting", args=[committee.slug, JAN30])).content.decode()
    assert "<title>Safeguarding Overview and Scrutiny Committee, 30 January 2018 – " in html
    agenda = text_of(html, "agenda", "attendance")
    for number, title, pages in (("3", "Minutes", "5 – 10"),
                                 ("5", "Domestic Abuse - Inquiry Day", "11 – 24"),
                                 ("9", "Outcomes Focused Monitoring Report, January 2018",
                                  "61 – 94"),
                                 ("12", "Work Programme", "95 – 98")):
        assert re.search(rf"\b{number} {re.escape(title)} .*?{pages}", agenda), title
    assert "Minutes (PDF 179 KB)" in agenda
    attendance = text_of(html, "attendance", "declarations")
    apologies = attendance[attendance.index("Apologies"):]
    for name in ("Derek Beer", "Kevin Brookes", "Pauline Batstone"):
        assert name in apologies
    summary = text_of(html, "main-content", "agenda")
    assert "In the chair Katharine Garcia (Vice-Chairman)" in summary
    decisions = text_of(html, "decisions", "undertakings")
    assert decisions.index("Recommended") < decisions.index("Resolved") < \
        decisions.index("Noted")
    assert ("Item 5: Domestic Abuse - Inquiry Day Recommended to Cabinet That the Cabinet be "
            "asked to support") in decisions
    assert "Reason for decision: To monitor and comment" in decisions
    assert "Item 6: Modern Slavery Protocol and Guidance Recommended to Cabinet" in decisions
    minutes = text_of(html, "minutes", "decisions")
    assert "the Vice-Chairman took the Chair" in minutes


def test_the_committee_page_lists_its_future_meetings_and_attendance(client, committee):
    html = client.get(reverse("web:committee", args=[committee.slug])).content.decode()
    upcoming = text_of(html, "upcoming", "past")
    assert "Outcomes Focussed Monitoring Report" in text_of(html, "work-programme")
    assert "13 March 2018" in upcoming and "5 July 2018" in upcoming
    assert "30 January 2018" not in upcoming
    assert "30 January 2018" in text_of(html, "past", "members")
    members = text_of(html, "members", "work-programme")
    assert "Pauline Batstone Chairman" in members
    assert "Katharine Garcia Vice-Chairman" in members
    # Derek Beer: apologies on 30 January 2018 recorded; meetings the minutes say nothing of
    # him at count as not recorded, never as absent
    row = re.search(r"Derek Beer Member \S.*? (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", members)
    meetings, present, substitute, apologies, absent, not_recorded = map(int, row.groups())
    assert apologies >= 1 and absent == 0
    assert meetings == present + substitute + apologies + absent + not_recorded
    # the meetings recorded as held: not those only scheduled in the papers
    assert meetings == Meeting.objects.filter(committee=committee, status="held").count() == 3
    assert not_recorded >= 1


def test_the_calendar_parses_and_holds_the_future_meetings(client, committee):
    for url in (reverse("web:meetings-ical"),
                reverse("web:committee-meetings-ical", args=[committee.slug])):
        response = client.get(url)
        assert response["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.content)
        events = {e.decoded("dtstart").date() if isinstance(e.decoded("dtstart"), datetime)
                  else e.decoded("dtstart"): e for e in calendar.walk("VEVENT")}
        assert len(events) == Meeting.objects.count()
        for day in (date(2018, 3, 13), date(2018, 7, 5)):
            start = events[day].decoded("dtstart")
            assert (start.hour, start.minute) == (10, 0)
            assert str(events[day]["summary"]) == committee.name
            assert events[day]["url"].endswith(f"/{day.isoformat()}/")
        assert str(events[JAN30]["location"]).startswith("Committee Room 1, County Hall")


def test_the_october_2017_undertakings_are_in_the_log_with_their_owners(client, committee):
    october = Meeting.objects.get(date=date(2017, 10, 12))
    expected = list(Undertaking.objects.filter(meeting=october))
    assert expected
    html = client.get(reverse("web:undertakings"),
                      {"committee": committee.slug, "sort": "meeting"}).content.decode()
    table = text_of(html, "main-content")
    for undertaking in expected:
        assert f"{undertaking.owner} {' '.join(undertaking.text.split()[:10])}" in table
    assert "The Director" in table and "circulate this data" in table


def test_the_decision_register_filters_by_kind_and_recipient(client, committee):
    response = client.get(reverse("web:decisions"),
                          {"kind": "recommended", "recipient": "Cabinet",
                           "date_from": "2018-01-01", "date_to": "2018-01-31"})
    html = response.content.decode()
    shown = re.findall(r'href="[^"]+/2018-01-30/#decision-(\d+)"', html)
    wanted = Decision.objects.filter(meeting__date=JAN30, kind="recommended",
                                     recipient="Cabinet")
    assert sorted(map(int, shown)) == sorted(d.pk for d in wanted)
    assert len(shown) >= 2  # items 5 and 6


def test_the_decisions_feeds_are_valid_rss_and_atom(client):
    rss = ET.fromstring(client.get(reverse("web:decisions-rss")).content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    items = channel.findall("item")
    assert len(items) == min(50, Decision.objects.count())
    for item in items:
        assert item.findtext("title") and item.findtext("link").startswith("http")
        assert item.findtext("guid") and item.findtext("pubDate")
    assert any(i.findtext("title").startswith("Recommended to Cabinet: 5. Domestic Abuse")
               for i in items)

    atom = ET.fromstring(client.get(reverse("web:decisions-atom")).content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("a:title", "a:id", "a:updated"):
        assert atom.findtext(required, namespaces=ns)
    entries = atom.findall("a:entry", ns)
    assert len(entries) == len(items)
    for entry in entries:
        for required in ("a:title", "a:id", "a:updated"):
            assert entry.findtext(required, namespaces=ns)
        assert entry.find("a:link", ns).get("href").startswith("http")


def test_the_send_action_plan_shows_status_in_words_and_rag(client):
    plan = ActionPlan.objects.get(title__icontains="Written Statement of Action")
    html = client.get(reverse("web:action-plan", args=[plan.pk])).content.decode()
    first = text_of(html, f"action-{plan.actions.filter(number='1.1').order_by('position')[0].pk}")
    assert "Timescale May to June 2017" in first
    assert "Status Complete" in first
    assert "RAG rating ★ Blue (complete)" in first


def test_the_work_programme_answers_the_prioritisation_questions(client, committee):
    html = client.get(reverse("web:work-programme", args=[committee.slug])).content.decode()
    page = text_of(html, "main-content")
    assert "13 March 2018" in page and "Outcomes Focussed Monitoring Report" in page
    # no sample topic has answers yet: each proposed topic says which are missing
    topic = committee.work_programme.filter(status="proposed").first()
    proposed = text_of(html, f"topic-{topic.pk}")
    assert "Priority Not yet decided Not yet answered: Q1, Q2, Q3, Q4, Q5, Q6." in proposed
    assert "Q1 Is the topic/issue likely to have a significant impact" in proposed
    assert "Not answered" in proposed and "None" not in proposed[:2000]
