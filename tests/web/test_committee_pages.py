"""The public committee pages on records made for each case: overdue decided once,
attendance "not recorded" kept apart from "absent", the filters, moving a topic (clerks
only), a measure of success beside its series, exempt business for members, and a
constant number of queries however much data there is."""

from csv import reader
from datetime import date, time, timedelta
from html import unescape
from io import StringIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scrutinydesk.committees.models import Undertaking
from scrutinydesk.committees.vocab import AttendanceStatus, MembershipRole, UndertakingStatus
from scrutinydesk.web.views.committees import attendance_record
from tests.exempt import SECRETS
from tests.factories import (
    make_action,
    make_action_plan,
    make_agenda_item,
    make_attendance,
    make_committee,
    make_decision,
    make_declaration,
    make_document,
    make_indicator,
    make_meeting,
    make_member,
    make_membership,
    make_observation,
    make_priority,
    make_progress_update,
    make_undertaking,
    make_work_programme_item,
)
from tests.web.test_committee_pages_samples import text_of

pytestmark = pytest.mark.django_db

TODAY = date.today()


def test_overdue_is_one_rule_for_the_queryset_the_record_and_the_log(client):
    meeting = make_meeting(date=TODAY - timedelta(days=90))
    cases = {
        "open, due yesterday": (UndertakingStatus.OPEN, TODAY - timedelta(days=1), True),
        "in progress, long overdue": (UndertakingStatus.IN_PROGRESS,
                                      TODAY - timedelta(days=40), True),
        "open, due today": (UndertakingStatus.OPEN, TODAY, False),
        "open, due next month": (UndertakingStatus.OPEN, TODAY + timedelta(days=30), False),
        "open, no due date": (UndertakingStatus.OPEN, None, False),
        "done, was due last week": (UndertakingStatus.DONE, TODAY - timedelta(days=7), False),
        "dropped, was due last week": (UndertakingStatus.DROPPED,
                                       TODAY - timedelta(days=7), False),
    }
    for text, (status, due, _) in cases.items():
        make_undertaking(meeting=meeting, text=text, status=status, due=due,
                         completed_on=TODAY if status == UndertakingStatus.DONE else None)
    expected = {text for text, (_, _, overdue) in cases.items() if overdue}
    assert set(Undertaking.objects.overdue().values_list("text", flat=True)) == expected
    assert {u.text for u in Undertaking.objects.all() if u.is_overdue()} == expected
    assert set(Undertaking.objects.not_overdue().values_list("text", flat=True)) == \
        set(cases) - expected

    html = client.get(reverse("web:undertakings"), {"overdue": "yes"}).content.decode()
    shown = {text for text in cases if text in html}
    assert shown == expected
    assert html.count(">Overdue</strong>") == len(expected)
    csv = client.get(reverse("web:undertakings"), {"overdue": "yes", "format": "csv"})
    rows = list(reader(StringIO(csv.content.decode("utf-8-sig"))))
    assert rows[0] == ["Owner", "Undertaking", "Committee", "Meeting date", "Due", "Status",
                       "Overdue", "Completed on"]
    assert {row[1] for row in rows[1:]} == expected
    assert {row[6] for row in rows[1:]} == {"Yes"}
    html = client.get(reverse("web:undertakings"),
                      {"status": "outstanding", "overdue": "no"}).content.decode()
    assert {text for text in cases if text in html} == {
        "open, due today", "open, due next month", "open, no due date"}


def test_the_log_filters_by_owner_and_committee(client):
    ours, theirs = make_committee(), make_committee()
    make_undertaking(meeting=make_meeting(committee=ours), owner="The Director of Children's "
                     "Services", text="report the waiting times")
    make_undertaking(meeting=make_meeting(committee=theirs), owner="Cllr Lugg",
                     text="update members on road collisions")
    html = client.get(reverse("web:undertakings"), {"owner": "director"}).content.decode()
    assert "report the waiting times" in html and "road collisions" not in html
    html = client.get(reverse("web:undertakings"), {"committee": theirs.slug}).content.decode()
    assert "road collisions" in html and "waiting times" not in html


def test_attendance_keeps_not_recorded_apart_from_absent():
    committee = make_committee()
    seat = make_membership(committee=committee, start=date(2017, 5, 1))
    later_seat = make_membership(committee=committee, start=date(2017, 9, 1))
    days = [date(2017, 6, 1), date(2017, 7, 1), date(2017, 10, 1), date(2017, 11, 1)]
    meetings = [make_meeting(committee=committee, date=d, status="held") for d in days]
    make_meeting(committee=committee, date=date(2017, 12, 1), status="cancelled")
    make_attendance(meeting=meetings[0], member=seat.member)
    make_attendance(meeting=meetings[1], member=seat.member, status=AttendanceStatus.ABSENT)
    make_attendance(meeting=meetings[2], member=seat.member,
                    status=AttendanceStatus.APOLOGIES)
    make_attendance(meeting=meetings[3], member=later_seat.member)
    rows = {r["membership"].pk: r for r in attendance_record(committee, [seat, later_seat])}
    # present, substitute, apologies, absent, not recorded
    assert rows[seat.pk]["counts"] == [1, 0, 1, 1, 1] and rows[seat.pk]["meetings"] == 4
    assert rows[later_seat.pk]["counts"] == [1, 0, 0, 0, 1]
    assert rows[later_seat.pk]["meetings"] == 2  # the meetings of its term, not before


def test_the_meeting_page_shows_cancellation_revised_times_and_substitutes(client):
    committee = make_committee()
    cancelled = make_meeting(committee=committee, date=date(2018, 3, 13), status="cancelled")
    html = client.get(reverse("web:meeting", args=[committee.slug, cancelled.date]))
    assert "This meeting was cancelled." in html.content.decode()
    revised = make_meeting(committee=committee, date=date(2018, 7, 5), start_time=time(14),
                           note="Note: revised start time")
    away, standing_in = make_member(name="Derek Beer"), make_member(name="Bill Pipe")
    make_membership(committee=committee, member=away)
    make_attendance(meeting=revised, member=away, status=AttendanceStatus.APOLOGIES)
    make_attendance(meeting=revised, member=standing_in, status=AttendanceStatus.SUBSTITUTE,
                    substitute_for=away)
    make_declaration(meeting=revised, member=standing_in, interest="A governor of a school")
    html = client.get(reverse("web:meeting", args=[committee.slug, revised.date])).content.decode()
    assert "2.00 p.m.<br><strong>Note: revised start time</strong>" in html
    attendance = text_of(html, "attendance", "declarations")
    assert "Substitutes Bill Pipe (substitute for Derek Beer)" in attendance
    assert "A governor of a school" in text_of(html, "declarations", "minutes")


def test_a_signed_in_member_sees_exempt_business_the_public_does_not(client, exempt_business,
                                                                     role_user):
    url = reverse("web:meeting", args=[exempt_business.meeting.committee.slug,
                                       exempt_business.meeting.date])
    public = client.get(url).content.decode()
    assert "Residential care contract award" in public
    assert "This item was considered in private." in public
    assert not [s for s in SECRETS if s in public]
    client.force_login(role_user("member"))
    member = unescape(client.get(url).content.decode())
    for secret in ("tender prices from Harbour Care Ltd", "award the contract to Harbour Care",
                   "renegotiate the unit price", "director of a bidding company",
                   "Evaluation of tenders (exempt report)", "Named children's case summaries"):
        assert secret in member
    assert "This item was considered in private." not in member


def test_a_topic_with_answers_shows_its_priority_and_reason(client):
    committee = make_committee()
    make_work_programme_item(committee=committee, topic="Elective home education",
                             status="proposed", prioritisation={
                                 "q1": "yes", "q2": "yes", "q3": "yes", "q4": "no",
                                 "q5": "no", "q6": "yes"})
    make_work_programme_item(committee=committee, topic="Road collisions", status="proposed",
                             prioritisation={"q1": "no"})
    html = client.get(reverse("web:work-programme", args=[committee.slug])).content.decode()
    page = text_of(html, "main-content")
    assert ("Priority Consider (lower priority) Q4 answered no: the review is unlikely to lead "
            "to efficiencies.") in page
    assert "Priority Do not include Q1 answered no:" in page
    assert "Q4 Is a proactive scrutiny process likely to lead to efficiencies / savings? No" \
        in page


def test_moving_a_topic_is_for_clerks(client, role_user):
    committee = make_committee()
    first = make_meeting(committee=committee, date=date(2018, 3, 13))
    second = make_meeting(committee=committee, date=date(2018, 7, 5))
    elsewhere = make_meeting(date=date(2018, 7, 6))
    topic = make_work_programme_item(committee=committee, target_meeting=first,
                                     target_date=first.date)
    url = reverse("web:work-programme-move", args=[committee.slug, topic.pk])
    assert client.get(url)["Location"].startswith(reverse("accounts:sign-in"))
    client.force_login(role_user("member"))
    assert client.post(url, {"meeting": second.pk}).status_code == 403
    client.force_login(role_user("clerk"))
    assert "Move topic" in client.get(url).content.decode()
    refused = client.post(url, {"meeting": elsewhere.pk})
    assert "Select one of the committee&#x27;s meetings" in refused.content.decode()
    topic.refresh_from_db()
    assert topic.target_meeting == first
    response = client.post(url, {"meeting": second.pk})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert (topic.target_meeting, topic.target_date) == (second, second.date)
    assert "Move to another meeting" in client.get(
        reverse("web:work-programme", args=[committee.slug])).content.decode()


def test_a_measure_of_success_shows_its_indicators_series_beside_it(client):
    indicator = make_indicator(title="Rate of children subject to a child protection plan")
    for period, value in (("2016-17", 46), ("Q2 2017-18", 51)):
        make_observation(indicator=indicator, period=period, value=value)
    make_observation(indicator=indicator, period="2016-17", value=99, breakdown="Weymouth")
    plan = make_action_plan()
    action = make_action(plan=plan, priority=make_priority(plan=plan),
                         measures_of_success="Fewer children on plans",
                         success_indicator=indicator, status="at_risk")
    make_progress_update(action=action, reported_on=date(2017, 10, 12), text="Audit done.",
                         rag="amber")
    html = client.get(reverse("web:action-plan", args=[plan.pk])).content.decode()
    card = text_of(html, f"action-{action.pk}")
    assert ("Measures of success Fewer children on plans Rate of children subject to a child "
            "protection plan Period Value 2016-17 46 Q2 2017-18 51") in card
    assert "99" not in card  # the main series only
    assert "Status At risk" in card and "RAG rating ● Amber" in card
    assert "12 October 2017 – On target ● Amber : Audit done." in card


def _business(committee, n: int, start: date):
    member = make_member()
    make_membership(committee=committee, member=member, role=MembershipRole.MEMBER)
    plan = make_action_plan(committee=committee)
    for i in range(n):
        meeting = make_meeting(committee=committee, date=start + timedelta(days=i))
        item = make_agenda_item(meeting=meeting)
        make_document(meeting=meeting, agenda_item=item)
        make_decision(meeting=meeting, agenda_item=item, kind="recommended",
                      recipient="Cabinet")
        make_undertaking(meeting=meeting, agenda_item=item, owner_member=member)
        make_declaration(meeting=meeting, agenda_item=item, member=member)
        make_attendance(meeting=meeting, member=member)
        make_work_programme_item(committee=committee, target_meeting=meeting,
                                 target_date=meeting.date)
        action = make_action(plan=plan, priority=make_priority(plan=plan),
                             success_indicator=make_indicator())
        make_progress_update(action=action)
    return member, plan


@pytest.mark.parametrize("role", [None, "member"])
def test_pages_make_the_same_number_of_queries_as_data_grows(client, role_user, role):
    if role:
        client.force_login(role_user(role))
    committee = make_committee()
    member, plan = _business(committee, 2, date(2017, 1, 1))
    last = date(2017, 1, 2)

    def urls():
        return [reverse("web:committees"), reverse("web:committee", args=[committee.slug]),
                reverse("web:work-programme", args=[committee.slug]),
                reverse("web:meeting", args=[committee.slug, last]),
                reverse("web:meeting-outstanding", args=[committee.slug, last]),
                reverse("web:member", args=[member.pk]), reverse("web:decisions"),
                reverse("web:undertakings"), reverse("web:action-plans"),
                reverse("web:action-plan", args=[plan.pk]), reverse("web:meetings-ical"),
                reverse("web:decisions-rss"), reverse("web:decisions-atom")]

    def counts():
        found = {}
        for url in urls():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            found[url] = len(queries)
        return found

    before = counts()
    more_member, _ = _business(committee, 6, date(2016, 1, 1))
    # the same member and plan gain records too
    for i in range(4):
        meeting = make_meeting(committee=committee, date=date(2015, 1, 1) + timedelta(days=i))
        make_undertaking(meeting=meeting, owner_member=member)
        make_attendance(meeting=meeting, member=member)
        make_action(plan=plan, success_indicator=make_indicator())
    assert counts() == before
