"""Meetings as Open Civic Data events: the required fields, statuses, participants, the
agenda with its related entities and media, and exempt business kept from the public."""

import json
from datetime import date, time

import pytest
from django.core.management import call_command
from openapi_schema_validator import OAS30Validator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from scrutinydesk.api import ocd
from scrutinydesk.committees.models import Meeting
from tests.exempt import assert_no_secrets
from tests.factories import make_attendance, make_committee, make_meeting, make_member

pytestmark = pytest.mark.django_db


def check(event: dict) -> dict:
    OAS30Validator(ocd.EVENT_SCHEMA).validate(event)
    return event


@pytest.fixture
def meeting(exempt_business):
    meeting = exempt_business.meeting
    chair = make_member(name="Derek Beer")
    Meeting.objects.filter(pk=meeting.pk).update(
        chaired_by=chair, date=date(2018, 1, 30), start_time=time(10, 0),
        end_time=time(12, 45), venue="Committee Room 1, County Hall", status="held")
    make_attendance(meeting=meeting, member=chair, capacity="Vice-Chairman")
    make_attendance(meeting=meeting, member=make_member(name="Kevin Brookes"),
                    status="apologies")
    make_attendance(meeting=meeting, member=make_member(name="Ann Unrecorded"),
                    status="not_recorded")
    return meeting


def test_a_meeting_is_an_ocd_event_with_every_required_field(meeting):
    event = check(APIClient().get(f"/api/meetings/{meeting.pk}/ocd/").json())
    assert event["_type"] == "event" and event["id"].startswith("ocd-event/")
    assert event["name"] == "Children's Scrutiny Committee, 30 January 2018"
    assert (event["start_date"], event["end_date"]) == ("2018-01-30T10:00:00+00:00",
                                                        "2018-01-30T12:45:00+00:00")
    assert event["status"] == "passed" and event["classification"] == "committee-meeting"
    assert event["location"]["name"] == "Committee Room 1, County Hall"
    assert [(p["name"], p["entity_type"], p["note"]) for p in event["participants"]] == [
        ("Children's Scrutiny Committee", "organization", "host"),
        ("Derek Beer", "person", "chair"), ("Kevin Brookes", "person", "apologies"),
        ("Derek Beer", "person", "present")]
    first = event["agenda"][0]
    assert (first["order"], first["description"]) == ("4", "Fostering sufficiency")
    assert first["notes"] == ["Members asked about recruitment of foster carers."]
    kinds = [(e["entity_type"], e["name"]) for e in first["related_entities"]]
    assert ("vote_event", "That the report be noted.") in kinds
    assert ("person", "Ann Other") in kinds  # the undertaking's owner
    assert [m["name"] for m in first["media"]] == ["Fostering sufficiency report"]
    assert event["documents"][0]["note"] == "Fostering sufficiency report"
    assert event["sources"][0]["url"] == f"http://testserver/api/meetings/{meeting.pk}/"


def test_the_publics_event_has_an_exempt_items_title_and_none_of_its_business(meeting):
    event = check(APIClient().get(f"/api/meetings/{meeting.pk}/ocd/").json())
    exempt = event["agenda"][1]
    assert (exempt["description"], exempt["classification"]) == (
        "Residential care contract award", ["exempt"])
    assert exempt["notes"] == [] and exempt["related_entities"] == [] and exempt["media"] == []
    assert exempt["extras"]["exempt_paragraph"] == "3"
    assert_no_secrets(json.dumps(event))


def test_a_members_event_has_the_exempt_business(meeting, role_user):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=role_user('member'))}")
    exempt = check(api.get(f"/api/meetings/{meeting.pk}/ocd/").json())["agenda"][1]
    assert exempt["notes"] == ["Members discussed the tender prices from Harbour Care Ltd."]
    assert ("vote_event", "To award the contract to Harbour Care.") in [
        (e["entity_type"], e["name"]) for e in exempt["related_entities"]]


def test_statuses_and_identifiers():
    committee = make_committee(name="Place Scrutiny Committee")
    future = make_meeting(committee=committee, date=date(2030, 1, 1), start_time=None)
    cancelled = make_meeting(committee=committee, date=date(2030, 2, 1), status="cancelled")
    postponed = make_meeting(committee=committee, date=date(2030, 3, 1), status="postponed")
    past = make_meeting(committee=committee, date=date(2019, 1, 1))
    today = date(2025, 6, 1)
    assert [ocd.status(m, today) for m in (future, cancelled, postponed, past)] == [
        "confirmed", "cancelled", "cancelled", "passed"]
    event = check(ocd.event(ocd.meetings_for(None).get(pk=future.pk)))
    assert event["start_date"] == "2030-01-01" and event["end_date"] == ""
    assert event["id"] == ocd.event_id(future)  # the same in every copy of the data
    assert event["sources"][0]["url"] == f"/api/meetings/{future.pk}/"


def test_the_list_of_events_filters_like_the_meetings(meeting):
    other = make_meeting(date=date(2019, 5, 1))
    api = APIClient()
    events = api.get("/api/meetings/ocd/").json()
    assert events["count"] == 2
    for event in events["results"]:
        check(event)
    only = api.get(f"/api/meetings/ocd/?committee={other.committee.pk}").json()
    assert [e["name"] for e in only["results"]] == [str(other)]


def test_the_export_command_writes_events(meeting, capsys):
    call_command("export", "meetings", "--format", "ocd")
    [event] = json.loads(capsys.readouterr().out)
    check(event)
    assert event["agenda"][1]["notes"] == []
