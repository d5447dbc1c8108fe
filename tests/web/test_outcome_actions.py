"""Officers confirm a polarity the papers suggest, and write the performance board; others
may not. Judgements say higher/lower until a polarity is confirmed."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from scrutinydesk.core.vocab import Polarity
from scrutinydesk.outcomes.models import BoardEntry
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    """SAFE 01 as the January 2018 report printed it: 51 per 10,000 called WORSE than
    England's 43.1, with the polarity the audit inferred (not confirmed)."""
    england = f.make_comparator(name="England", kind="england")
    ind = f.make_indicator(title="Rate of children subject to a child protection plan",
                           polarity=Polarity.LOWER_IS_BETTER,
                           polarity_basis="Inferred from the reports (January 2018: 51 called "
                                          "WORSE than 43.1); change it if that is wrong.")
    f.make_observation(indicator=ind, period="2016-17", value=Decimal("51"))
    f.make_comparator_value(indicator=ind, comparator=england, period="2016-17",
                            value=Decimal("43.1"))
    f.make_stated_judgement(indicator=ind, latest_value=Decimal("51"),
                            benchmark="worse", benchmark_text="WORSE than England",
                            benchmark_value=Decimal("43.1"), benchmark_comparator=england,
                            trend="", trend_text="")
    return ind


def page(client, ind):
    return client.get(reverse("web:outcome-subject",
                              args=[ind.outcome.slug, "indicators", ind.pk])).content.decode()


def confirm_url(ind):
    return reverse("web:outcome-subject-polarity", args=[ind.outcome.slug, "indicators", ind.pk])


def test_an_inferred_polarity_is_not_used_until_an_officer_confirms_it(client, indicator,
                                                                        role_user):
    html = page(client, indicator)
    assert "Higher than England" in html and "Worse than England" not in html
    assert "The papers suggest lower is better: the one statement that tells says so." in html
    officer = role_user("officer", first_name="Sam", last_name="Officer")
    client.force_login(officer)
    assert 'name="polarity"' in page(client, indicator)
    response = client.post(confirm_url(indicator), {"polarity": "lower_is_better",
                                                    "reason": "Fewer plans is the aim"})
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.polarity == "lower_is_better"
    assert indicator.polarity_basis.startswith("Confirmed by Sam Officer on ")
    assert indicator.polarity_basis.endswith(": Fewer plans is the aim")
    assert indicator.history.count() == 2  # the inferred setting is kept in the history
    client.logout()
    html = page(client, indicator)
    assert "Worse than England" in html and "Higher than England" not in html


def test_only_officers_may_confirm_a_polarity(client, indicator, role_user):
    url = confirm_url(indicator)
    assert client.post(url, {"polarity": "higher_is_better"}).status_code == 302  # sign in
    client.force_login(role_user("member"))
    assert 'name="polarity"' not in page(client, indicator)
    assert client.post(url, {"polarity": "higher_is_better"}).status_code == 403
    assert client.get(url).status_code == 405
    indicator.refresh_from_db()
    assert indicator.polarity_basis.startswith("Inferred")


def test_a_polarity_that_is_not_one_is_refused_and_nothing_changes(client, indicator,
                                                                     role_user):
    client.force_login(role_user("officer"))
    response = client.post(confirm_url(indicator), {"polarity": "sideways"}, follow=True)
    assert "Choose which way is better before confirming." in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.polarity_basis.startswith("Inferred")


def test_officers_write_the_board_from_the_data_and_its_history_is_kept(client, indicator,
                                                                         role_user):
    outcome = indicator.outcome
    indicator.polarity_basis = "Set by the service"
    indicator.save()
    client.force_login(role_user("officer"))
    new = client.get(reverse("web:outcome-board-new", args=[outcome.slug])).content.decode()
    # the draft starts from what the data say: worse than England
    assert "Rate of children subject to a child protection plan" in new
    assert "worse than England" in new
    response = client.post(reverse("web:outcome-board-new", args=[outcome.slug]), {
        "service_area": "  Children's  social care ", "going_well": "Fewer re-referrals.",
        "worried_about": "Plans above England.", "doing_about_it": "Caseload reviews."})
    assert response.status_code == 302
    entry = BoardEntry.objects.get(outcome=outcome)
    assert entry.service_area == "Children's social care"
    edit = reverse("web:outcome-board-edit", args=[outcome.slug, entry.pk])
    client.post(edit, {"service_area": "Children's social care", "going_well": "Fewer.",
                       "worried_about": "Plans above England, still.",
                       "doing_about_it": "Caseload reviews."})
    entry.refresh_from_db()
    assert entry.worried_about == "Plans above England, still."
    assert [h.worried_about for h in entry.history.all()] == [
        "Plans above England, still.", "Plans above England."]
    duplicate = client.post(reverse("web:outcome-board-new", args=[outcome.slug]), {
        "service_area": "children's social care"})
    assert "The board already has" in duplicate.content.decode()
    assert BoardEntry.objects.count() == 1
    board = client.get(reverse("web:outcome-board", args=[outcome.slug]), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(board.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Service area", "What is going well", "What we are worried about",
                           "What we are doing about it")
    assert rows[1][:3] == ("Children's social care", "Fewer.", "Plans above England, still.")


def test_only_officers_may_write_the_board(client, indicator, role_user):
    url = reverse("web:outcome-board-new", args=[indicator.outcome.slug])
    client.force_login(role_user("member"))
    assert client.get(url).status_code == 403
    assert client.post(url, {"service_area": "All services"}).status_code == 403
    assert not BoardEntry.objects.exists()


def dashboard_titles(client, outcome, **params):
    html = client.get(reverse("web:outcome-dashboard", args=[outcome.slug]),
                      params).content.decode()
    return {t for t in ("Rate of children subject to a child protection plan",
                        "Percentage of adults who feel safe", "Repeat referrals")
            if t in html}


def test_dashboard_filters(client, indicator, role_user):
    outcome, england = indicator.outcome, indicator.comparatorvalues.get().comparator
    indicator.polarity_basis = "Set by the service"
    indicator.save()
    # 64% then 70%: rising, higher is better, confirmed, better than England's 60%
    safe = f.make_indicator(outcome=outcome, title="Percentage of adults who feel safe",
                            unit="percent", polarity="higher_is_better")
    f.make_observation(indicator=safe, period="2015-16", value=Decimal("64"))
    f.make_observation(indicator=safe, period="2016-17", value=Decimal("70"))
    f.make_comparator_value(indicator=safe, comparator=england, period="2016-17",
                            value=Decimal("60"))
    # a figure read from a paper nobody has confirmed, with an open finding on it
    referrals = f.make_indicator(outcome=outcome, title="Repeat referrals", unit="count")
    f.make_observation(indicator=referrals, period="2015-16", value=Decimal("90"))
    f.make_observation(indicator=referrals, period="2016-17", value=Decimal("120"),
                       source=f.make_source_document())
    f.make_finding(indicator=referrals)
    everything = {"Rate of children subject to a child protection plan",
                  "Percentage of adults who feel safe", "Repeat referrals"}
    assert dashboard_titles(client, outcome) == everything
    assert dashboard_titles(client, outcome, show="worse_than_comparator") == {
        "Rate of children subject to a child protection plan"}
    # rising referrals have no polarity, so they are increasing, not worsening
    assert dashboard_titles(client, outcome, show="worsening") == set()
    assert dashboard_titles(client, outcome, show="has_findings") == {"Repeat referrals"}
    assert dashboard_titles(client, outcome, show="unconfirmed_figures") == {
        "Repeat referrals"}
    assert dashboard_titles(client, outcome,
                            show=["has_findings", "worse_than_comparator"]) == set()
    assert dashboard_titles(client, outcome, show="nonsense") == everything


def test_breakdowns_sort_and_the_values_download(client, indicator):
    for area, value in (("Weymouth East", "18.2"), ("Bridport North", "9.5"),
                        ("Christchurch Town", "12.0")):
        f.make_observation(indicator=indicator, period="2016-17", breakdown=area,
                           value=Decimal(value))
    url = reverse("web:outcome-subject", args=[indicator.outcome.slug, "indicators",
                                               indicator.pk])

    def order(**params):
        html = client.get(url, params).content.decode()
        section = html[html.index("by breakdown"):]
        return [a for _, a in sorted((section.index(a), a) for a in
                                     ("Weymouth East", "Bridport North", "Christchurch Town"))]

    assert order() == ["Bridport North", "Christchurch Town", "Weymouth East"]
    assert order(sort="-value") == ["Weymouth East", "Christchurch Town", "Bridport North"]
    assert order(sort="value") == ["Bridport North", "Christchurch Town", "Weymouth East"]
    html = client.get(url).content.decode()
    assert 'class="sd-bars"' in html and "Weymouth East: 18.2 (2016-17)" in html
    csv = client.get(url, {"format": "csv"}).content.decode().splitlines()
    assert csv[0] == ("Period,Value,Status,England,Edition,Source paper,Source page,"
                      "Confirmed")
    assert csv[1].startswith("2016-17,51,Published,43.1,")
    assert len(csv) == 2  # the main series only; breakdowns are not its values


def test_a_figure_links_to_its_papers_review_page_for_officers(client, indicator, role_user):
    paper = f.make_source_document(title="Safeguarding agenda pack")
    indicator.observations.update(source=paper, source_page=63)
    review = reverse("web:review-paper", args=[paper.pk])
    assert f'href="{review}"' not in page(client, indicator)
    assert f'href="/api/papers/{paper.pk}/"' in page(client, indicator)
    client.force_login(role_user("officer"))
    html = page(client, indicator)
    assert f'href="{review}">Safeguarding agenda pack</a>, p. 63' in html
