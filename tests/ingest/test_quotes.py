"""Quoted figures matched to indicators and measures by their wording (ingest.quotes), and
the self-evaluation's sections and quotes stored after the monitoring reports."""

from decimal import Decimal
from pathlib import Path

import pytest

from scrutinydesk.committees.models import Document, QuotedFigure, ReportSection
from scrutinydesk.ingest.quotes import Subject, content_words, match, quotes_in
from scrutinydesk.ingest.services import import_path
from scrutinydesk.outcomes.models import Observation, PopulationIndicator

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CP_PLAN = Subject("indicator", 1, "Rate of children subject to a child protection plan",
                  "per_10000")
IN_CARE = Subject("indicator", 2, "Rate of children in care", "per_10000")
REPEAT = Subject("measure", 6, "% of children who become the subject of a plan for a second "
                 "or subsequent time", "percent")
CIN = Subject("measure", 4, "Children in need rate per 10,000", "per_10000")
SUBJECTS = [CP_PLAN, IN_CARE, REPEAT, CIN]


def test_content_words_leave_out_stop_words_numbers_and_plurals():
    assert content_words("The rate of children's re-referrals within 12 months") == {
        "children", "referral", "month"}


def test_the_child_protection_plan_rate_matches_its_indicator():
    found = match("The rate of children subject to a Child Protection Plan in Dorset is",
                  "per_10000", SUBJECTS)
    assert found == (CP_PLAN, 1.0)


def test_repeat_plans_match_the_measure_by_six_of_its_seven_words():
    found = match("The percentage of children who are made the subject of a Child Protection "
                  "Plan for a second or subsequent time ever, in the last 6 months is",
                  "percent", SUBJECTS)
    assert found == (REPEAT, 0.857)  # "become" is not in the sentence


def test_units_must_agree():
    assert match("The rate of children subject to a Child Protection Plan is", "percent",
                 SUBJECTS) is None


def test_a_weak_fit_is_no_match():
    # only "children" of "children in care": 1 of 2 content words
    assert match("The rate of referrals has reduced from 611 per 10,000 children to",
                 "per_10000", SUBJECTS) is None


def test_two_subjects_fitting_alike_are_no_match():
    twin = Subject("indicator", 9, "Children subject to a child protection plan rate",
                   "per_10000")
    assert match("children subject to a child protection plan", "per_10000",
                 [CP_PLAN, twin]) is None


def test_each_figure_is_read_with_the_words_up_to_its_neighbours():
    text = ("We have seen an increase in the number of children in our care (485); 71 per "
            "10,000 currently compared to 54 per 10,000 in 2018/19 when we were in line with "
            "our statistical neighbours.")
    quotes = quotes_in(text, SUBJECTS)
    assert [(q.figure.value, q.subject) for q in quotes] == [(Decimal("71"), IN_CARE)]


@pytest.mark.django_db
def test_the_self_evaluation_is_stored_as_sections_with_its_quoted_figures():
    for name in ("2017-10-12-safeguarding-scrutiny-agenda-pack.txt",
                 "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"):
        import_path(SAMPLES / name)
    observations = Observation.objects.count()
    import_path(SAMPLES / "2020-09-childrens-services-self-evaluation.txt")
    document = Document.objects.get(title__startswith="SELF-EVALUATION FOR INSPECTION")
    assert document.sections.count() == 109
    plans = document.sections.get(number="4.5c")
    assert (plans.title, plans.source_page, plans.source.pk) == (
        "Child Protection Plans", 27, document.source.pk)
    got = {(q.section.number, q.value_text, (q.indicator or q.measure).title)
           for q in QuotedFigure.objects.select_related("section", "indicator", "measure")}
    assert got == {
        ("4.5c", "41 per 10,000", "Rate of children subject to a child protection plan"),
        ("4.5c", "21%", "% of children who become the subject of a plan for a second or "
                        "subsequent time"),
        ("4.9b", "71 per 10,000", "Rate of children in care"),
    }
    cp = PopulationIndicator.objects.get(title="Rate of children subject to a child "
                                               "protection plan")
    quote = cp.quoted_figures.get()
    assert quote.value == Decimal("41") and quote.unit == "per_10000"
    assert quote.sentence == ("The rate of children subject to a Child Protection Plan in "
                              "Dorset is 41 per 10,000.")
    # never an observation
    assert Observation.objects.count() == observations

    # importing again changes nothing
    before = (ReportSection.history.count(), QuotedFigure.history.count())
    import_path(SAMPLES / "2020-09-childrens-services-self-evaluation.txt")
    assert (ReportSection.history.count(), QuotedFigure.history.count()) == before
    assert QuotedFigure.objects.count() == 3
