"""The clerk's journeys in a real browser: a meeting created, its agenda built, papers
attached, minutes recorded with an undertaking that is then done, and the agenda pack
published with the right page numbers. Every page is checked with axe-core."""

import re

import pypdfium2 as pdfium
import pytest

from scrutinydesk.committees.models import Meeting, Undertaking
from tests.factories import make_committee, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def pdf_of(title: str, pages: int) -> bytes:
    from weasyprint import HTML

    body = "".join(f'<section style="break-after: page"><h1>{title}</h1>'
                   f"<p>Page {n} of the report</p></section>" for n in range(1, pages + 1))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def pdf_pages(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]


def printed_pages(agenda: str, title: str) -> tuple[int, int] | None:
    """The pages the agenda prints beside an item's title."""
    match = re.search(re.escape(title) + r".*?(\d+)(?:–(\d+))?(?= \d+ [A-Z]| Page \d+$)",
                      agenda)
    if not match:
        return None
    first = int(match.group(1))
    return first, int(match.group(2) or first)


def add_item(page, number, title, paragraph=None):
    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Item number (as printed)").fill(number)
    page.get_by_label("Title", exact=True).fill(title)
    if paragraph:
        page.get_by_label("Exempt: the public is excluded for this item").check()
        page.get_by_label("Schedule 12A paragraph").select_option(paragraph)
    page.get_by_role("button", name="Add item").click()
    assert page.locator(".govuk-notification-banner--success").is_visible()


def attach(page, item_label, title, path):
    page.locator("#papers").scroll_into_view_if_needed()
    page.get_by_role("link", name="Attach a paper", exact=True).click()
    page.get_by_label("Paper", exact=True).set_input_files(str(path))
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Agenda item").select_option(label=item_label)
    page.get_by_role("button", name="Upload paper").click()
    assert page.locator(".govuk-notification-banner--success").is_visible()


def test_clerk_runs_a_meeting_and_publishes_its_pack(sign_in_as, axe, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    committee = make_committee(name="Children's Scrutiny Committee", council="Anyshire Council")
    chair = make_member(name="Pat Example")
    page = sign_in_as("clerk")

    page.goto("/clerk/")
    assert page.title() == "Clerk's desk – Scrutiny Desk"
    axe(page, "clerk-home")
    page.get_by_role("link", name="Create a meeting").click()
    page.get_by_role("button", name="Create meeting").click()  # nothing filled in
    summary = page.locator(".govuk-error-summary")
    assert "Select the committee" in summary.inner_text()
    assert page.title().startswith("Error: ")
    axe(page, "clerk-meeting-create-errors")
    page.get_by_label("Committee").select_option(label=committee.name)
    page.get_by_label("Day").fill("27")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Start time", exact=True).fill("10:00")
    page.get_by_label("Venue").fill("Committee Room 1, County Hall")
    page.get_by_role("button", name="Create meeting").click()
    meeting = Meeting.objects.get(committee=committee)
    assert page.url.endswith(f"/clerk/meetings/{meeting.pk}/")

    add_item(page, "1", "Apologies and substitutes")
    add_item(page, "2", "Fostering sufficiency")
    add_item(page, "3", "Contract award for residential care", paragraph="3")
    add_item(page, "4", "Work programme")
    # the work programme belongs before the exempt item: move it up
    page.get_by_role("button", name="Move up item 4 Work programme").click()
    rows = page.get_by_role("table", name="Agenda items in order").locator(
        "tbody tr").all_inner_texts()
    assert [r.split("\t")[1].split("\n")[0].strip() for r in rows][2:] == [
        "Work programme", "Contract award for residential care Exempt"]

    report = tmp_path / "fostering.pdf"
    report.write_bytes(pdf_of("Fostering sufficiency report", 3))
    plan = tmp_path / "plan.txt"
    plan.write_text("Work programme 2026\n\nTopics: elective home education; SEND.\n")
    tender = tmp_path / "tender.pdf"
    tender.write_bytes(pdf_of("Evaluation of tenders", 2))
    attach(page, "2. Fostering sufficiency", "Fostering sufficiency report", report)
    attach(page, "4. Work programme", "Work programme 2026", plan)
    attach(page, "3. Contract award for residential care", "Evaluation of tenders", tender)

    # minutes: attendance, a decision and an undertaking
    page.get_by_role("link", name="Record attendance").click()
    page.get_by_label("Councillor").select_option(label=chair.name)
    page.get_by_label("Capacity (optional), e.g. Chairman").fill("Chairman")
    page.get_by_role("button", name="Record attendance").click()
    page.get_by_role("link", name="Record a decision").click()
    page.get_by_label("Agenda item").select_option(label="2. Fostering sufficiency")
    page.get_by_label("Kind of decision").select_option(label="Recommended")
    page.get_by_label("What was decided").fill("That Cabinet funds ten more foster places.")
    page.get_by_label("Recommended to (only for a recommendation), e.g. Cabinet").fill(
        "Cabinet")
    page.get_by_role("button", name="Record decision").click()
    page.get_by_role("link", name="Record an undertaking").click()
    page.get_by_label("Agenda item (optional)").select_option(label="2. Fostering sufficiency")
    page.get_by_label("Who undertook it, as minuted").fill("The Head of Fostering")
    page.get_by_label("What they undertook to do").fill(
        "Send members the recruitment figures by ward")
    page.get_by_label("Day").fill("30")
    page.get_by_label("Month").fill("4")
    page.get_by_label("Year").fill("2026")
    axe(page, "clerk-undertaking-form")
    page.get_by_role("button", name="Record undertaking").click()
    axe(page, "clerk-meeting")

    # publish the pack
    page.get_by_role("button", name="Publish the agenda pack").click()
    assert "Agenda pack published: 6 pages for the public, 8 in the members' pack" in \
        page.locator(".govuk-notification-banner--success").inner_text()
    axe(page, "clerk-meeting-published")
    for link_name, members in (("Public agenda pack", False), ("Members' pack", True)):
        href = page.get_by_role("link", name=re.compile(link_name)).get_attribute("href")
        response = page.request.get(href)
        assert response.ok and response.headers["content-type"] == "application/pdf"
        pages = pdf_pages(response.body())
        agenda = pages[1]
        for title, paper in (("Fostering sufficiency", "Fostering sufficiency report"),
                             ("Work programme", "Work programme 2026"),
                             ("Contract award for residential care", "Evaluation of tenders")):
            printed = printed_pages(agenda, title)
            # pages after the agenda on which the paper's title is printed
            starts = [n for n, text in enumerate(pages, start=1) if n > 2 and paper in text]
            if title.startswith("Contract") and not members:
                assert printed is None and not starts
                assert ("Not for publication by virtue of paragraph 3 of Part 1 of Schedule "
                        "12A to the Local Government Act 1972") in agenda
                continue
            assert printed is not None, f"no pages printed for {title}: {agenda}"
            assert starts and printed[0] == starts[0], (title, printed, starts)
            assert f"Page {printed[0]}" in pages[printed[0] - 1]
        for number, text in enumerate(pages, start=1):
            assert text.endswith(f"Page {number}"), text
    assert printed_pages(pdf_pages(page.request.get(page.get_by_role(
        "link", name=re.compile("Public agenda pack")).get_attribute("href")).body())[1],
        "Fostering sufficiency") == (3, 5)

    # the undertaking is outstanding, then done: in the public log and on the clerk's list
    page.goto("/undertakings/?status=outstanding")
    assert "The Head of Fostering" in page.get_by_role("main").inner_text()
    page.goto("/clerk/undertakings/?status=outstanding")
    row = page.get_by_role("row", name=re.compile("The Head of Fostering"))
    assert "Open" in row.inner_text()
    axe(page, "clerk-undertakings-outstanding")
    row.get_by_role("link", name=re.compile("Update")).click()
    page.get_by_label("Status").select_option(label="Done")
    page.get_by_role("button", name="Update status").click()
    assert "Status updated to “Done”" in page.locator(".govuk-notification-banner").inner_text()
    assert page.get_by_role("cell", name=re.compile("Done")).count() >= 1
    axe(page, "clerk-undertaking-done")
    undertaking = Undertaking.objects.get(meeting=meeting)
    assert undertaking.status == "done" and undertaking.completed_on is not None
    page.goto("/clerk/undertakings/?status=outstanding")
    assert page.get_by_role("row", name=re.compile("The Head of Fostering")).count() == 0
    page.goto("/clerk/undertakings/?status=done")
    assert "Done" in page.get_by_role("row", name=re.compile("The Head of Fostering")) \
        .inner_text()
    page.goto("/undertakings/?status=outstanding")
    assert "The Head of Fostering" not in page.get_by_role("main").inner_text()
    page.goto("/undertakings/?status=done")
    assert "The Head of Fostering" in page.get_by_role("main").inner_text()


def test_clerk_reschedules_and_cancels(sign_in_as, axe):
    committee = make_committee()
    from datetime import date, time

    meeting = Meeting.objects.create(committee=committee, date=date(2026, 6, 1),
                                     start_time=time(10, 0))
    page = sign_in_as("clerk")
    page.goto(f"/clerk/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Reschedule the meeting").click()
    page.get_by_label("Start time", exact=True).fill("14:30")
    page.get_by_label('Print "Start time revised" on the agenda and meeting page').check()
    axe(page, "clerk-reschedule")
    page.get_by_role("button", name="Reschedule").click()
    assert "Start time revised" in page.locator("main").inner_text()
    page.get_by_role("link", name="Cancel the meeting").click()
    axe(page, "clerk-cancel")
    page.get_by_role("button", name="Cancel the meeting").click()
    assert "Cancelled" in page.locator("main dl").inner_text()
    meeting.refresh_from_db()
    assert meeting.status == "cancelled" and meeting.start_time == time(14, 30)


def test_officer_records_progress_on_an_action(sign_in_as, axe):
    from tests.factories import make_action, make_undertaking

    action = make_action(text="Publish the SEND sufficiency strategy", status="on_target")
    make_undertaking(owner="The Director", text="Report back on placements")
    page = sign_in_as("officer")
    page.goto("/")
    assert page.get_by_role("link", name="Clerk's desk").count() == 0
    page.get_by_role("link", name="Actions to update").click()
    axe(page, "officer-actions")
    page.get_by_role("link", name=f"Update action {action.number}").click()
    page.get_by_label("Status").select_option(label="At risk")
    page.get_by_label("Progress").fill("Consultation extended to March.")
    page.get_by_role("button", name="Record progress").click()
    assert "Progress recorded" in page.locator(".govuk-notification-banner").inner_text()
    assert "Amber" in page.locator("main dl").inner_text()
    axe(page, "officer-action-updated")
    action.refresh_from_db()
    assert action.status == "at_risk" and action.updates.count() == 1
    page.get_by_role("link", name="Undertakings to update").click()
    assert "Report back on placements" in page.locator("main table").inner_text()


def test_clerks_meeting_page_on_a_phone(sign_in_as, axe):
    from tests.exempt import make_exempt_business

    business = make_exempt_business()
    page = sign_in_as("clerk")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"/clerk/meetings/{business.meeting.pk}/")
    assert page.get_by_role("table", name="Agenda items in order").is_visible()
    assert "Schedule 12A paragraph 3" in page.locator("main").inner_text()
    axe(page, "clerk-meeting-phone")
