"""Review and confirmation of imported papers (docs/import.md, "Review and confirmation"):
records are extracted until a person confirms them; corrections are the person's and
survive reading the paper again."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scrutinydesk.ingest import review
from scrutinydesk.ingest.models import Correction, PaperReview, ReviewStatus
from scrutinydesk.ingest.services import import_bytes, import_path, reread_paper
from scrutinydesk.outcomes.models import (
    ComparatorValue,
    Observation,
    PerformanceMeasure,
    unconfirmed_figures,
)
from tests.factories import make_role_user

pytestmark = pytest.mark.django_db

PAPER = "papers/monitoring_report/healthy-2018-01.txt"


@pytest.fixture
def paper(fixtures_dir):
    return import_path(fixtures_dir / PAPER).source


@pytest.fixture
def officer(db):
    return make_role_user("officer", first_name="Olive", last_name="Officer")


def _figure(paper):
    """HEALTHY 01's figure for 2014 to 2016, printed as 66.2."""
    return Observation.objects.select_related("indicator").get(
        source=paper, indicator__code="HEALTHY: 01", breakdown="")


def test_imported_records_are_extracted_until_a_person_confirms_the_paper(paper, officer):
    observations = Observation.objects.filter(source=paper)
    assert observations.count() == 12
    assert review.status_of(paper) == ReviewStatus.EXTRACTED
    assert observations.unconfirmed().count() == 12
    outcome = observations.first().subject.outcome
    assert unconfirmed_figures(outcome) == 12 + 3  # observations and comparator values

    read = sum(qs.count() for qs in review.records_of(paper).values())

    confirmed = review.confirm_paper(paper, officer)

    assert confirmed == read > 15
    assert review.status_of(paper) == ReviewStatus.CONFIRMED
    assert observations.unconfirmed().count() == 0
    assert set(observations.values_list("confirmed_by", flat=True)) == {officer.pk}
    assert unconfirmed_figures(outcome) == 0
    assert review.unconfirmed_count(paper) == 0
    assert PaperReview.objects.get(source=paper).history.first().history_user == officer


def test_a_correction_is_the_persons_and_survives_reading_the_paper_again(paper, officer):
    figure = _figure(paper)
    read = figure.value
    other = Observation.objects.filter(source=paper).exclude(pk=figure.pk).first()
    other_read = other.value

    review.correct_value(figure, read + 1, officer, reason="printed on page 23")
    # A change made without a correction is what reading again puts right.
    Observation.objects.filter(pk=other.pk).update(value=other_read + 50)

    figure.refresh_from_db()
    assert figure.value == read + 1 and figure.confirmed_by == officer
    assert figure.history.first().history_user == officer
    correction = Correction.objects.get()
    assert (correction.read_value, correction.value, correction.made_by) == \
        (read, read + 1, officer)
    assert correction.history.first().history_user == officer

    result = reread_paper(paper, user=officer)

    figure.refresh_from_db()
    other.refresh_from_db()
    assert figure.value == read + 1, "the correction is applied again"
    assert figure.confirmed_by == officer, "an unchanged record stays confirmed"
    assert other.value == other_read, "what was read replaces an uncorrected change"
    assert other.confirmed_at is None
    assert result.updated == {"observations": 1}


def test_a_correction_is_kept_when_the_same_paper_comes_from_another_file(
        paper, officer, fixtures_dir):
    figure = _figure(paper)
    review.correct_value(figure, Decimal("70.1"), officer)
    data = (fixtures_dir / PAPER).read_bytes() + b"\n\n"

    result = import_bytes(data, "healthy-2018-01-copy.txt")

    assert not result.already_imported and result.source != paper
    figure.refresh_from_db()
    assert figure.value == Decimal("70.1")


def test_a_correction_gives_way_to_another_printed_figure(paper, officer):
    figure = _figure(paper)
    read = figure.value
    review.correct_value(figure, read + 1, officer)
    # As if the paper printed another figure than the one corrected (a revision).
    Correction.objects.update(read_value=read - 7)

    reread_paper(paper, user=officer)

    figure.refresh_from_db()
    assert figure.value == read


def test_a_comparator_value_correction_survives_reading_again(paper, officer):
    value = ComparatorValue.objects.filter(source=paper).order_by("pk").first()
    review.correct_value(value, Decimal("12.5"), officer)

    reread_paper(paper, user=officer)

    value.refresh_from_db()
    assert value.value == Decimal("12.5")


def test_a_series_filed_under_another_measure_stays_there(paper, officer):
    source = Observation.objects.filter(source=paper, measure__isnull=False).exclude(
        measure__observations__period__isnull=True).order_by("pk").first()
    measure = source.measure
    rows = list(Observation.objects.filter(source=paper, measure=measure, breakdown=""))
    target = PerformanceMeasure.objects.exclude(pk=measure.pk).filter(
        outcome=measure.outcome, frequency__in=["", measure.frequency]).exclude(
        observations__period__in=[r.period for r in rows]).first()

    moved = review.assign_series(paper, measure, "", target, officer)

    assert moved == len(rows)
    assert not Observation.objects.filter(measure=measure, breakdown="").exists()
    assert Observation.objects.filter(measure=target).count() >= len(rows)

    reread_paper(paper, user=officer)

    assert not Observation.objects.filter(measure=measure, breakdown="").exists()
    assert sorted(o.value for o in Observation.objects.filter(
        measure=target, source=paper)) >= sorted(r.value for r in rows)


def test_a_series_is_not_filed_over_other_figures(paper, officer):
    first = _figure(paper)
    periods = [o.period for o in Observation.objects.filter(
        source=paper, indicator=first.indicator, breakdown="")]
    target = PerformanceMeasure.objects.filter(outcome=first.subject.outcome).exclude(
        observations__period__in=periods).first()
    Observation.objects.create(measure=target, period=first.period, value=first.value + 1000)

    with pytest.raises(review.ReviewError, match="already has other figures for 2014 to 2016"):
        review.assign_series(paper, first.subject, "", target, officer)

    first.refresh_from_db()
    assert first.indicator_id is not None and first.measure_id is None
    assert not Correction.objects.exists()


def test_reading_a_confirmed_paper_again_that_changes_it_makes_it_extracted(paper, officer):
    review.confirm_paper(paper, officer)
    reread_paper(paper, user=officer)
    assert review.status_of(paper) == ReviewStatus.CONFIRMED  # nothing changed

    figure = _figure(paper)
    Observation.objects.filter(pk=figure.pk).update(value=figure.value + 3)
    reread_paper(paper, user=officer)

    assert review.status_of(paper) == ReviewStatus.EXTRACTED
    figure.refresh_from_db()
    assert figure.confirmed_at is None


# --- pages ------------------------------------------------------------------------------

def _pages(paper, figure):
    return [reverse("web:review-list"), reverse("web:review-paper", args=[paper.pk]),
            reverse("web:review-correct", args=[paper.pk, "observation", figure.pk]),
            reverse("web:review-assign", args=[paper.pk, "indicator" if figure.indicator_id
                                               else "measure", figure.subject.pk])]


def test_review_pages_are_for_officers_and_clerks(client, paper):
    figure = _figure(paper)
    for url in _pages(paper, figure):
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], url
    client.force_login(make_role_user("member"))
    for url in _pages(paper, figure):
        assert client.get(url).status_code == 403, url
    for role in ("officer", "clerk"):
        client.force_login(make_role_user(role))
        for url in _pages(paper, figure):
            assert client.get(url).status_code == 200, url
    client.logout()
    response = client.post(reverse("web:review-confirm", args=[paper.pk]))
    assert response.status_code == 302 and review.status_of(paper) == ReviewStatus.EXTRACTED


def test_the_review_page_shows_the_papers_text_beside_what_was_read(client, paper, officer):
    paper.warnings = ["a table under SAFE 02 could not be placed"]
    paper.save()
    client.force_login(officer)
    html = client.get(reverse("web:review-paper", args=[paper.pk])).content.decode()
    assert "Extracted" in html and "a table under SAFE 02 could not be placed" in html
    assert "Healthy life expectancy at birth (female)" in html
    assert "Values read for" in html and "66.2" in html
    assert 'class="sd-paper-text"' in html and "Page 23" in html


def test_the_list_filters_papers_by_status(client, paper, officer, fixtures_dir):
    other = import_path(fixtures_dir / "papers/monitoring_report/healthy-2019-07.txt").source
    review.confirm_paper(other, officer)
    client.force_login(officer)
    url = reverse("web:review-list")
    extracted = client.get(url, {"status": "extracted"}).content.decode()
    confirmed = client.get(url, {"status": "confirmed"}).content.decode()
    assert str(paper) in extracted and f'papers/{other.pk}/"' not in extracted
    assert f'papers/{other.pk}/"' in confirmed and f'papers/{paper.pk}/"' not in confirmed


def test_correcting_a_figure_through_its_page(client, paper, officer):
    figure = _figure(paper)
    client.force_login(officer)
    url = reverse("web:review-correct", args=[paper.pk, "observation", figure.pk])
    response = client.post(url, {"value": "not a number"})
    assert response.status_code == 200
    assert "Enter the value as a number" in response.content.decode()
    assert not Correction.objects.exists()

    response = client.post(url, {"value": "71.4", "reason": "page 23 prints 71.4"})

    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.value == Decimal("71.4")
    assert Correction.objects.get().made_by == officer


def test_outcome_page_and_report_say_when_figures_are_unconfirmed(client, paper, officer):
    outcome = _figure(paper).subject.outcome
    page = client.get(reverse("web:outcome", args=[outcome.slug])).content.decode()
    report = client.get(reverse("web:outcome-report", args=[outcome.slug, "html"]))
    assert "15 figures read from papers that no one has confirmed" in page
    assert "15 figures of this outcome were read from papers" in report.content.decode()

    review.confirm_paper(paper, officer)

    page = client.get(reverse("web:outcome", args=[outcome.slug])).content.decode()
    report = client.get(reverse("web:outcome-report", args=[outcome.slug, "html"]))
    assert "no one has confirmed" not in page
    assert "read from papers by Scrutiny Desk" not in report.content.decode()


def test_the_review_page_groups_a_meeting_page_by_agenda_item(client, officer, samples_dir):
    from scrutinydesk.committees.models import AgendaItem, Decision

    paper = import_path(samples_dir / "2018-01-30-meeting-documents-page.txt").source
    item = AgendaItem.objects.filter(source=paper, decisions__isnull=False).first()
    decision = Decision.objects.filter(agenda_item=item).first()
    client.force_login(officer)

    html = client.get(reverse("web:review-paper", args=[paper.pk])).content.decode()

    assert f'id="item-{item.pk}"' in html
    section = html[html.index(f'id="item-{item.pk}"'):]
    section = section[:section.index("</section>")]
    assert item.title in section
    assert decision.text[:40] in section
    assert "Attendance" in html


def test_confirming_the_figures_of_one_indicator(client, paper, officer):
    figure = _figure(paper)
    subject = figure.subject
    client.force_login(officer)

    response = client.post(reverse("web:review-confirm", args=[paper.pk]),
                           {"part": f"indicator-{subject.pk}"})

    assert response.status_code == 302
    assert not Observation.objects.filter(source=paper, indicator=subject).unconfirmed().exists()
    assert Observation.objects.filter(source=paper).unconfirmed().exists()
    assert review.status_of(paper) == ReviewStatus.EXTRACTED


def test_a_pdf_paper_without_its_file_is_read_again_from_its_text(officer, fixtures_dir):
    from tests.ingest.paperbuilders import text_to_pdf

    text = (fixtures_dir / PAPER).read_text(encoding="utf-8")
    paper = import_bytes(text_to_pdf(text), "healthy-2018-01.pdf").source
    assert paper.media_type == "application/pdf" and not paper.file
    figure = _figure(paper)
    review.correct_value(figure, Decimal("66.4"), officer)

    result = reread_paper(paper, user=officer)

    figure.refresh_from_db()
    assert figure.value == Decimal("66.4")
    assert result.created == {} and sum(result.unchanged.values()) > 50


def test_a_figure_the_importer_could_not_read_is_given_and_kept(officer, fixtures_dir):
    text = (fixtures_dir / PAPER).read_text(encoding="utf-8").replace(
        "Latest (2014-16) 66.2 years", "Latest (2014-16) not published")
    paper = import_bytes(text.encode(), "healthy-2018-01-unpublished.txt").source
    figure = _figure(paper)
    assert figure.value is None and figure.status == "not_published"

    review.correct_value(figure, Decimal("66.2"), officer)
    result = reread_paper(paper, user=officer)

    figure.refresh_from_db()
    assert (figure.value, figure.status) == (Decimal("66.2"), "published")
    assert "observations" not in result.updated


def test_unread_figures_of_the_papers_accounting_go_to_the_part_on_their_page(paper):
    # The shape SourceDocument.accounting is kept in by the import's figure accounting.
    paper.accounting = {
        "total": 120, "read": 110, "read_as_values": 90, "set_aside": {"page_number": 6},
        "unread": [
            {"page": 23, "line": 75, "text": "65.4", "state": "unread", "what": "",
             "context": "NORTH WESSEX – Previous (2013-15) 65.4 years", "headline": True,
             "table": False},
            {"page": 99, "line": 400, "text": "17", "state": "unread", "what": "",
             "context": "17 schools took part", "headline": False, "table": False}],
        "warnings": []}
    account = review.figure_account(paper)
    parts = review.parts_of(paper)

    review.place_unread(parts, account)

    assert (account.total, account.read, account.set_aside, account.read_share) == \
        (120, 110, 6, "91.7")
    assert [u["text"] for u in account.unread_headlines] == ["65.4"]
    on_23 = [p for p in parts if 23 in p.pages]
    assert on_23 and all([u["text"] for u in p.unread] == ["65.4"] for p in on_23)
    assert not any(u["text"] == "17" for p in parts for u in p.unread)
    assert not review.figure_account(paper.__class__(text="")).known
