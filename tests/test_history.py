"""Change history (django-simple-history): every save is kept, with who made it."""

import pytest
from django.urls import reverse

from scrutinydesk.outcomes.models import Outcome
from scrutinydesk.risks.models import Risk
from tests.factories import EXAMPLES, make_indicator, make_outcome, make_risk

pytestmark = pytest.mark.django_db

TRACKED = [model for model in EXAMPLES if hasattr(model, "history")]


def test_most_models_are_tracked():
    assert len(TRACKED) >= len(EXAMPLES) - 2


@pytest.mark.parametrize("model", TRACKED, ids=[m._meta.label for m in TRACKED])
def test_creating_a_record_writes_one_historical_row(model):
    record = EXAMPLES[model]()
    rows = record.history.all()
    assert [row.history_type for row in rows] == ["+"]
    assert rows[0].instance.pk == record.pk


def test_changes_and_deletion_are_kept_newest_first():
    outcome = make_outcome(name="Safe", sponsor="Nick Jarman")
    outcome.sponsor = "Sarah Parker"
    outcome.save()
    pk = outcome.pk
    outcome.delete()
    rows = Outcome.history.filter(id=pk)
    assert [row.history_type for row in rows] == ["-", "~", "+"]
    assert [row.sponsor for row in rows] == ["Sarah Parker", "Sarah Parker", "Nick Jarman"]
    assert rows[1].diff_against(rows[2]).changed_fields == ["sponsor"]


def test_a_change_outside_a_request_has_no_user():
    risk = make_risk()
    assert risk.history.first().history_user is None


def test_linked_indicators_are_kept_in_the_risk_history():
    indicator = make_indicator()
    risk = make_risk()
    risk.indicators.add(indicator)
    risk.save()
    latest = risk.history.first()
    assert [link.populationindicator_id for link in latest.indicators.all()] == [indicator.pk]
    assert list(risk.history.last().indicators.all()) == []


def test_a_change_through_the_admin_records_the_user(admin_client, admin_user):
    risk = make_risk(code="14b", title="Recruitment of social workers", owner="")
    response = admin_client.post(
        reverse("admin:risks_risk_change", args=[risk.pk]),
        {"code": "14b", "title": "Recruitment and retention of social workers",
         "owner": "Director of Children's Services", "directorate": "",
         "assessments-TOTAL_FORMS": "0", "assessments-INITIAL_FORMS": "0",
         "assessments-MIN_NUM_FORMS": "0", "assessments-MAX_NUM_FORMS": "1000"})
    assert response.status_code == 302
    change = Risk.history.filter(id=risk.pk).first()
    assert change.history_type == "~"
    assert change.history_user == admin_user
    assert change.title == "Recruitment and retention of social workers"
