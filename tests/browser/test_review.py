"""An officer reviews an imported paper in a real browser: corrects a figure, confirms the
paper, reads it again and finds the correction kept. Each page is checked with axe-core."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scrutinydesk.ingest.services import import_bytes, import_path
from scrutinydesk.outcomes.models import Observation

pytestmark = pytest.mark.django_db(transaction=True)

PAPER = Path(__file__).resolve().parents[1] / "fixtures" / "papers" / "monitoring_report" \
    / "healthy-2018-01.txt"
FIGURE = re.compile(r"^Correct .*Healthy life expectancy at birth \(female\), main series, "
                    r"2014 to 2016$")


def test_officer_corrects_confirms_and_reads_the_paper_again(sign_in_as, axe):
    paper = import_path(PAPER).source
    figure = Observation.objects.get(source=paper, indicator__title__startswith="Healthy life "
                                     "expectancy at birth (female)", breakdown="")
    assert figure.value == Decimal("66.2")
    page = sign_in_as("officer", first_name="Olive", last_name="Officer")

    page.goto("/papers/")
    assert page.title() == "Imported papers – Scrutiny Desk"
    row = page.get_by_role("row", name=re.compile(re.escape(str(paper))))
    expect(row).to_contain_text("Extracted")
    axe(page, "review-list")
    row.get_by_role("link").click()

    assert page.title() == f"Review: {paper} – Scrutiny Desk"
    assert page.locator(".sd-paper-text").first.inner_text().startswith("Page 23")
    axe(page, "review-paper")
    page.get_by_role("link", name=FIGURE).click()

    assert page.title().startswith("Correct a figure")
    page.get_by_label("Correct value").fill("")
    page.get_by_role("button", name="Save the correction").click()
    assert page.title().startswith("Error: Correct a figure")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the correct value")
    axe(page, "review-correct-error")
    page.get_by_label("Correct value").fill("67.3")
    page.get_by_label("Why (optional)").fill("The paper prints 67.3 for 2014 to 2016")
    page.get_by_role("button", name="Save the correction").click()

    expect(page.get_by_role("alert")).to_contain_text("corrected to 67.3")
    cell = page.get_by_role("row", name=re.compile(r"^2014 to 2016 Main series 67\.3"))
    expect(cell.first).to_be_visible()
    expect(page.get_by_text("read as 66.2, corrected to 67.3 – by Olive Officer")).to_be_visible()

    page.get_by_role("button", name="Confirm this paper").click()
    expect(page.get_by_role("alert")).to_contain_text("Paper confirmed")
    status = page.locator(".govuk-summary-list__row", has_text="Status")
    expect(status).to_contain_text("Confirmed by Olive Officer")
    axe(page, "review-paper-confirmed")

    page.get_by_role("button", name="Read the paper again").click()
    expect(page.get_by_role("alert")).to_contain_text("Paper read again")
    expect(page.get_by_role("row", name=re.compile(r"^2014 to 2016 Main series 67\.3")).first
           ).to_be_visible()
    expect(status).to_contain_text("Confirmed")
    figure.refresh_from_db()
    assert figure.value == Decimal("67.3")

    # The same paper uploaded again as another file: the correction still holds.
    copy = import_bytes(PAPER.read_bytes() + b"\n", "healthy-2018-01 (copy).txt")
    assert not copy.already_imported
    page.goto("/papers/")
    page.get_by_role("link", name=str(copy.source)).first.click()
    figure.refresh_from_db()
    assert figure.value == Decimal("67.3")
    page.goto(f"/outcomes/{figure.indicator.outcome.slug}/")
    expect(page.locator(".govuk-warning-text")).to_have_count(0)


def test_clerk_reviews_a_meeting_page_by_agenda_item(sign_in_as, axe):
    from scrutinydesk.committees.models import Decision

    samples = Path(__file__).resolve().parents[2] / "samples"
    paper = import_path(samples / "2018-01-30-meeting-documents-page.txt").source
    decision = Decision.objects.filter(source=paper, agenda_item__isnull=False).first()
    page = sign_in_as("clerk")

    page.goto(f"/papers/{paper.pk}/")

    item = page.locator(f"#item-{decision.agenda_item_id}")
    expect(item.get_by_role("heading", level=3)).to_contain_text(decision.agenda_item.title)
    expect(item).to_contain_text(decision.text[:40])
    expect(page.get_by_role("heading", name="Attendance", exact=True)).to_be_visible()
    axe(page, "review-meeting-page")
