"""No N+1 on the outcome pages: the dashboard, an indicator's page, a measure's page and the
performance board make the same number of queries with ten times the data, for the public
and for a member (whose findings and papers come through the visibility layer)."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scrutinydesk.outcomes.vocab import CommentaryKind
from tests import factories as f

pytestmark = pytest.mark.django_db

PERIODS = ["2014-15", "2015-16", "2016-17", "2017-18"]


def add_indicator(outcome, comparator, paper, n: int):
    """An indicator with a part and a measure, each with a series, comparator values, what
    two editions stated, commentary, an open finding; a risk with two assessments."""
    indicator = f.make_indicator(outcome=outcome, source=paper, polarity="lower_is_better")
    part = f.make_indicator(outcome=outcome, parent=indicator)
    measure = f.make_measure(indicator=indicator)
    editions = [f.make_report_edition(outcome=outcome, edition=date(2010 + n, month, 1))
                for month in (1, 7)]
    for subject in ({"indicator": indicator}, {"indicator": part},
                    {"measure": measure, "indicator": None}):
        for i, period in enumerate(PERIODS):
            f.make_observation(period=period, value=40 + i + n, source=paper,
                               edition=editions[-1], source_page=3, **subject)
            f.make_comparator_value(period=period, comparator=comparator, value=42, **subject)
        f.make_observation(period="2017-18", breakdown=f"Area {n}", value=7, **subject)
        for edition in editions:
            f.make_stated_judgement(edition=edition, source=paper, **subject)
            f.make_commentary(edition=edition, kind=CommentaryKind.WHAT_WE_ARE_DOING,
                              text=f"We are doing thing {edition.edition}.", **subject)
            f.make_indicator_alias(edition=edition, source=paper, **subject)
        f.make_finding(edition=editions[0], source=paper, **subject)
    risk = f.make_risk()
    risk.indicators.add(indicator)
    f.make_risk_assessment(risk=risk)
    f.make_risk_assessment(risk=risk)
    return indicator, measure


def counts(client, outcome, indicator, measure) -> dict[str, int]:
    urls = {
        "dashboard": reverse("web:outcome-dashboard", args=[outcome.slug]),
        "indicator": reverse("web:outcome-subject",
                             args=[outcome.slug, "indicators", indicator.pk]),
        "measure": reverse("web:outcome-subject", args=[outcome.slug, "measures", measure.pk]),
        "board": reverse("web:outcome-board", args=[outcome.slug]),
    }
    out = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        out[name] = len(captured)
    return out


def test_outcome_pages_make_the_same_number_of_queries_with_ten_times_the_data(role_user):
    outcome = f.make_outcome()
    comparator = f.make_comparator(name="England", kind="england")
    paper = f.make_source_document()
    indicator, measure = add_indicator(outcome, comparator, paper, 0)
    member = Client()
    member.force_login(role_user("member"))
    public = Client()
    once = {"public": counts(public, outcome, indicator, measure),
            "member": counts(member, outcome, indicator, measure)}
    for n in range(1, 10):
        add_indicator(outcome, comparator, f.make_source_document(), n)
    # the indicator's own page grows tenfold too: more values, editions, risks, findings
    for n in range(10, 19):
        edition = f.make_report_edition(outcome=outcome, edition=date(2030 + n, 1, 1))
        f.make_observation(indicator=indicator, period=f"{1980 + n}-{(n + 81) % 100:02d}",
                           value=n, source=f.make_source_document(), edition=edition)
        f.make_stated_judgement(indicator=indicator, edition=edition)
        f.make_commentary(indicator=indicator, edition=edition)
        f.make_indicator_alias(indicator=indicator, edition=edition)
        f.make_finding(indicator=indicator, edition=edition)
        risk = f.make_risk()
        risk.indicators.add(indicator)
        f.make_risk_assessment(risk=risk)
    tenfold = {"public": counts(public, outcome, indicator, measure),
               "member": counts(member, outcome, indicator, measure)}
    grew = {(who, page): (once[who][page], tenfold[who][page])
            for who in once for page in once[who] if tenfold[who][page] != once[who][page]}
    assert not grew, f"queries per page (1× data, 10× data) that grew: {grew}"
    # the pages really show ten times as much
    html = public.get(reverse("web:outcome-dashboard", args=[outcome.slug])).content.decode()
    assert html.count('<th scope="row" class="govuk-table__header sd-dashboard__subject">') == 30
