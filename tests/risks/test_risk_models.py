"""The corporate risk register's models."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from scrutinydesk.risks.models import Risk, RiskAssessment
from scrutinydesk.risks.vocab import LEVEL_ORDER, RiskLevel, RiskTrend
from tests.factories import make_indicator, make_risk, make_risk_assessment

pytestmark = pytest.mark.django_db


def test_risk_text():
    risk = make_risk(code="14b", title="Inability to attract specialist staff")
    assert str(risk) == "14b – Inability to attract specialist staff"


def test_risk_codes_are_unique():
    make_risk(code="07a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.create(code="07a", title="Another risk")


def test_risk_links_to_outcomes_and_indicators():
    indicator = make_indicator()
    risk = make_risk()
    risk.outcomes.add(indicator.outcome)
    risk.indicators.add(indicator)
    assert list(indicator.risks.all()) == [risk]
    assert list(indicator.outcome.risks.all()) == [risk]


def test_latest_assessment():
    risk = make_risk()
    assert risk.latest_assessment is None
    make_risk_assessment(risk=risk, assessed_on=date(2017, 10, 1), level=RiskLevel.HIGH)
    latest = make_risk_assessment(risk=risk, assessed_on=date(2018, 1, 1),
                                  level=RiskLevel.MEDIUM)
    make_risk_assessment(risk=risk, assessed_on=date(2017, 7, 1), level=RiskLevel.LOW)
    assert risk.latest_assessment == latest


def test_assessment_text_with_a_level():
    assessment = make_risk_assessment(risk=make_risk(code="9c"), assessed_on=date(2018, 1, 30),
                                      level=RiskLevel.MEDIUM, trend=RiskTrend.IMPROVING)
    assert str(assessment) == "9c MEDIUM IMPROVING (2018-01-30)"


def test_assessment_text_with_a_score_only():
    assessment = make_risk_assessment(risk=make_risk(code="2a"), assessed_on=date(2017, 4, 3),
                                      level="", score=12, trend="")
    text = str(assessment)
    assert text.startswith("2a score 12 ")
    assert text.endswith("(2017-04-03)")


@pytest.mark.parametrize("how", ["save", "update"])
def test_assessment_needs_a_level_or_a_score(how):
    existing = make_risk_assessment(level=RiskLevel.LOW)
    with pytest.raises(IntegrityError, match="risk_assessment_has_level_or_score"), \
            transaction.atomic():
        if how == "save":
            make_risk_assessment(risk=existing.risk, level="", score=None)
        else:
            RiskAssessment.objects.filter(pk=existing.pk).update(level="")


def test_one_assessment_per_risk_and_date():
    existing = make_risk_assessment(assessed_on=date(2018, 1, 30))
    make_risk_assessment(assessed_on=date(2018, 1, 30))  # another risk
    with pytest.raises(IntegrityError), transaction.atomic():
        make_risk_assessment(risk=existing.risk, assessed_on=date(2018, 1, 30))


def test_levels_are_ordered():
    assert LEVEL_ORDER[RiskLevel.LOW] < LEVEL_ORDER[RiskLevel.MEDIUM] < \
        LEVEL_ORDER[RiskLevel.HIGH]
