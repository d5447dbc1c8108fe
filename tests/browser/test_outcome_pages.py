"""The outcome dashboard, an indicator's page and the performance board in a real browser,
each checked with axe-core; an officer confirms a polarity and writes the board."""

from datetime import date

import pytest

from scrutinydesk.reports.synthetic import make_synthetic_outcome

pytestmark = pytest.mark.django_db(transaction=True)


def outcome():
    return make_synthetic_outcome("Connected", indicators=3, years=4,
                                  measures_per_indicator=1, edition=date(2020, 7, 1))


def test_dashboard(page, axe):
    item = outcome()
    page.goto(f"/outcomes/{item.slug}/dashboard/")
    assert page.title() == "Connected dashboard – Scrutiny Desk"
    rows = page.locator("table.sd-dashboard tbody tr")
    assert rows.count() == 6  # three indicators, three measures
    assert page.locator("svg.sd-sparkline").count() == 6
    axe(page, "outcome-dashboard")
    page.get_by_label("Worsening").check()
    page.get_by_role("button", name="Apply filters").click()
    assert "show=worsening" in page.url
    assert page.title().startswith("Filtered: ")
    shown = page.locator("table.sd-dashboard tbody tr").count() if page.locator(
        "table.sd-dashboard").count() else 0
    assert shown < 6
    axe(page, "outcome-dashboard-filtered")


def test_indicator_page(page, axe):
    item = outcome()
    indicator = item.indicators.order_by("number").first()
    page.goto(f"/outcomes/{item.slug}/dashboard/")
    page.get_by_role("link", name=f"{indicator.code}: {indicator.title}").click()
    assert page.locator("h1").inner_text() == f"{indicator.code}: {indicator.title}"
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.get_by_role("link", name="Dashboard").is_visible()
    table = page.get_by_role("table", name=f"Values of {indicator.code}: {indicator.title}",
                             exact=False)
    assert table.locator("tbody tr").count() == indicator.observations.filter(
        breakdown="").count()
    assert page.locator("figure.sd-chart svg[role=img]").count() == 1
    axe(page, "outcome-indicator")


def test_officer_confirms_a_polarity_and_writes_the_board(sign_in_as, axe):
    item = outcome()
    indicator = item.indicators.order_by("number").first()
    indicator.polarity_basis = "Inferred from the reports (example)"
    indicator.save()
    page = sign_in_as("officer", first_name="Sam", last_name="Officer")
    page.goto(f"/outcomes/{item.slug}/indicators/{indicator.pk}/")
    assert "None confirmed" in page.locator("#polarity + dl").inner_text()
    axe(page, "outcome-indicator-officer")
    page.get_by_label("Lower is better").check()
    page.get_by_role("button", name="Confirm polarity").click()
    assert "Polarity confirmed: lower is better." in page.content()
    indicator.refresh_from_db()
    assert indicator.polarity_basis.startswith("Confirmed by Sam Officer")
    page.goto(f"/outcomes/{item.slug}/board/")
    axe(page, "outcome-board-empty")
    page.get_by_role("link", name="Add a service area").click()
    axe(page, "outcome-board-new")
    page.get_by_label("Service area").fill("Children's social care")
    page.get_by_label("What we are worried about").fill("Rising re-referrals.")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("heading", name="Children's social care").is_visible()
    assert "Rising re-referrals." in page.content()
    axe(page, "outcome-board")


@pytest.mark.slow
def test_the_safe_dashboard_and_safe_01_from_the_sample_papers(page, axe, samples_dir):
    from scrutinydesk.ingest.services import import_path
    from scrutinydesk.outcomes.models import IndicatorAlias, PopulationIndicator

    for name in ("2017-10-12-safeguarding-scrutiny-agenda-pack.txt",
                 "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"):
        import_path(samples_dir / name)
    printed = {(a.indicator_id, a.measure_id) for a in IndicatorAlias.objects.all()}
    page.goto("/outcomes/safe/dashboard/")
    assert page.locator("table.sd-dashboard tbody tr").count() == len(printed)
    axe(page, "safe-dashboard")
    safe01 = PopulationIndicator.objects.get(title__startswith="Rate of children subject")
    page.get_by_role("link", name=f"{safe01.code}: {safe01.title}").click()
    assert "The papers suggest lower is better" in page.content()
    axe(page, "safe-01")
