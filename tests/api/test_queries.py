"""No API list makes a query per record: each list's number of queries is the same with
ten times the data, for the public and for a member (whose querysets differ)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from scrutinydesk.api.views import RESOURCES
from tests import factories as f

pytestmark = pytest.mark.django_db

LISTS = [f"/api/{prefix}/" for prefix, _ in RESOURCES] + ["/api/meetings/ocd/"]


def add_unit(n: int) -> None:
    """One of everything, linked as imported papers link them, with exempt business."""
    paper = f.make_source_document()
    officer = f.make_officer()
    committee = f.make_committee()
    outcome = f.make_outcome()
    outcome.committees.add(committee)
    indicator = f.make_indicator(outcome=outcome, source=paper)
    indicator.lead_officers.add(officer)
    indicator.outcome_lead_officers.add(officer)
    part = f.make_indicator(outcome=outcome, parent=indicator)
    measure = f.make_measure(indicator=indicator)
    measure.lead_officers.add(officer)
    edition = f.make_report_edition(outcome=outcome)
    for subject in ({"indicator": indicator}, {"indicator": part},
                    {"measure": measure, "indicator": None}):
        for period in ("2016-17", "2017-18"):
            f.make_observation(period=period, source=paper, edition=edition, **subject)
        f.make_comparator_value(**subject)
        f.make_stated_judgement(edition=edition, **subject)
        f.make_commentary(edition=edition, **subject)
    f.make_indicator_alias(indicator=indicator, edition=edition)
    f.make_focus_suggestion(edition=edition, indicator=indicator)
    risk = f.make_risk()
    risk.indicators.add(indicator)
    risk.outcomes.add(outcome)
    f.make_risk_assessment(risk=risk)
    f.make_risk_assessment(risk=risk)
    member = f.make_member()
    f.make_membership(committee=committee, member=member)
    meeting = f.make_meeting(committee=committee, chaired_by=member, source=paper,
                             date=date(2018, 1, 1) + timedelta(days=n))
    f.make_attendance(meeting=meeting, member=member)
    f.make_attendance(meeting=meeting, kind="officer", officer=officer)
    for exempt in (False, True):
        item = f.make_agenda_item(meeting=meeting, exempt=exempt, part=2 if exempt else 1,
                                  exempt_paragraph="3" if exempt else "", source=paper)
        f.make_document(meeting=meeting, agenda_item=item)
        f.make_decision(meeting=meeting, agenda_item=item, kind="recommended",
                        recipient="Cabinet")
        f.make_undertaking(meeting=meeting, agenda_item=item)
        f.make_declaration(meeting=meeting, agenda_item=item, member=member)
    f.make_work_programme_item(committee=committee, target_meeting=meeting)
    plan = f.make_action_plan(committee=committee, outcome=outcome)
    priority = f.make_priority(plan=plan)
    for _ in range(2):
        action = f.make_action(plan=plan, priority=priority)
        f.make_milestone(action=action)
        f.make_progress_update(action=action)
    f.make_finding(indicator=indicator, edition=edition, source=paper)


def queries(api: APIClient) -> dict[str, int]:
    counts = {}
    for url in LISTS:
        with CaptureQueriesContext(connection) as captured:
            response = api.get(url, {"page_size": 1000})
        assert response.status_code == 200, url
        counts[url] = len(captured)
    return counts


def test_every_api_list_makes_the_same_number_of_queries_with_ten_times_the_data(
        role_user):
    member = APIClient()
    member.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=role_user('member'))}")
    public = APIClient()
    add_unit(0)
    once = {"public": queries(public), "member": queries(member)}
    for n in range(1, 10):
        add_unit(n)
    tenfold = {"public": queries(public), "member": queries(member)}
    grew = {(who, url): (once[who][url], tenfold[who][url])
            for who in once for url in LISTS if tenfold[who][url] != once[who][url]}
    assert not grew, f"queries per list (1× data, 10× data) that grew: {grew}"
    # The lists really hold ten times as much.
    assert public.get("/api/observations/").json()["count"] == 60
