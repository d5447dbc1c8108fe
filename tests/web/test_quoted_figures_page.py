"""An indicator's page shows the figures long reports quote about it — document, section,
date, value and sentence — kept apart from its values, in one query however many there are,
and never one from a paper the public may not have."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scrutinydesk.committees.models import QuotedFigure, ReportSection
from scrutinydesk.ingest.services import import_path
from scrutinydesk.outcomes.models import PopulationIndicator
from tests import factories as f

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _url(subject, kind="indicators"):
    return reverse("web:outcome-subject", args=[subject.outcome.slug, kind, subject.pk])


def test_the_child_protection_plan_page_shows_the_self_evaluations_quote():
    for name in ("2017-10-12-safeguarding-scrutiny-agenda-pack.txt",
                 "2018-01-30-safeguarding-scrutiny-agenda-pack.txt",
                 "2020-09-childrens-services-self-evaluation.txt"):
        import_path(SAMPLES / name)
    cp = PopulationIndicator.objects.get(
        title="Rate of children subject to a child protection plan")
    html = Client().get(_url(cp)).content.decode()
    assert "Quoted in reports" in html
    assert ("quoted in SELF-EVALUATION FOR INSPECTION OF SERVICES FOR CHILDREN IN NEED OF HELP "
            "AND PROTECTION, CHILDREN LOOKED AFTER AND CARE LEAVERS, section 4.5c Child "
            "Protection Plans (September 2020)") in html
    assert "<strong>41 per 10,000</strong>" in html
    assert ("The rate of children subject to a Child Protection Plan in Dorset is 41 per "
            "10,000.") in html
    in_care = PopulationIndicator.objects.get(title="Rate of children in care")
    html = Client().get(_url(in_care)).content.decode()
    assert "section 4.9b Our children in care" in html and "41 per 10,000" not in html


def _quote(indicator, document, n):
    section = ReportSection.objects.create(document=document, position=n, number=f"{n}.1",
                                           title=f"Section {n}", text="…")
    return QuotedFigure.objects.create(section=section, indicator=indicator, value=Decimal(n),
                                       value_text=f"{n} per 10,000", unit="per_10000",
                                       sentence=f"The rate is {n} per 10,000.")


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_quotes_cost_the_same_queries_with_ten_times_as_many(role_user):
    indicator = f.make_indicator()
    document = f.make_document(meeting=None, title="Annual report")
    _quote(indicator, document, 1)
    member = Client()
    member.force_login(role_user("member"))
    once = {"public": _count(Client(), _url(indicator))[0],
            "member": _count(member, _url(indicator))[0]}
    for n in range(2, 11):
        _quote(indicator, f.make_document(meeting=None, title=f"Report {n}"), n)
    public, html = _count(Client(), _url(indicator))
    assert html.count("— quoted in") == 10
    assert {"public": public, "member": _count(member, _url(indicator))[0]} == once


def test_a_quote_from_an_exempt_paper_is_not_shown_to_the_public(role_user):
    indicator = f.make_indicator()
    _quote(indicator, f.make_document(meeting=None, title="Open report"), 1)
    _quote(indicator, f.make_document(meeting=None, title="Closed report", exempt=True), 2)
    public = Client().get(_url(indicator)).content.decode()
    assert "Open report" in public and "Closed report" not in public
    member = Client()
    member.force_login(role_user("member"))
    assert "Closed report" in member.get(_url(indicator)).content.decode()
