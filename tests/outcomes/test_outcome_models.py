"""The outcomes framework's models: examples, their text, and the rules the database keeps."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from scrutinydesk.core.periods import Period
from scrutinydesk.core.vocab import Unit
from scrutinydesk.outcomes.models import (
    Commentary,
    Comparator,
    ComparatorValue,
    Observation,
    Outcome,
    PopulationIndicator,
)
from scrutinydesk.outcomes.vocab import CommentaryKind, FocusKind, ObservationStatus
from tests.factories import (
    make_commentary,
    make_comparator,
    make_comparator_value,
    make_focus_suggestion,
    make_indicator,
    make_indicator_alias,
    make_measure,
    make_observation,
    make_outcome,
    make_report_edition,
    make_risk,
    make_stated_judgement,
)

pytestmark = pytest.mark.django_db
P = Period.parse


# --- Outcome ----------------------------------------------------------------------------
def test_outcome_slug_from_its_name():
    outcome = make_outcome(name="Safe & Well")
    assert outcome.slug == "safe-well"
    assert str(outcome) == "Safe & Well"


def test_outcome_keeps_a_given_slug():
    assert make_outcome(name="Healthy", slug="healthy-lives").slug == "healthy-lives"


def test_outcome_names_are_unique():
    make_outcome(name="Prosperous")
    with pytest.raises(IntegrityError), transaction.atomic():
        Outcome.objects.create(name="Prosperous", slug="prosperous-2")


# --- indicators and measures --------------------------------------------------------------
def test_indicator_keys_and_text():
    indicator = make_indicator(code="SAFE: 4", title="Number of people killed or seriously "
                               "injured on Dorset's roads")
    assert indicator.code_key == "SAFE 04"
    assert indicator.title_key == "number people killed or seriously injured dorset road"
    assert str(indicator) == "SAFE: 4: Number of people killed or seriously injured on " \
        "Dorset's roads"


def test_measure_without_code_is_shown_by_title():
    measure = make_measure(title="Percentage of repeat referrals")
    assert str(measure) == "Percentage of repeat referrals"


def test_indicator_title_unique_within_an_outcome_after_normalising():
    first = make_indicator(title="Number of people killed or seriously injured on Dorset's "
                           "roads")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_indicator(outcome=first.outcome,
                       title="Number of people killed or seriously injured on Dorset roads")
    # the same title under another outcome is another indicator
    make_indicator(title=first.title)


def test_indicator_parts_unique_within_their_parent():
    parent = make_indicator(title="Total crime")
    make_indicator(outcome=parent.outcome, parent=parent, title="Violence against the person")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_indicator(outcome=parent.outcome, parent=parent,
                       title="violence against the person")


def test_measure_title_unique_per_indicator():
    indicator = make_indicator()
    make_measure(indicator=indicator, title="Re-referrals within 12 months")
    make_measure(indicator=make_indicator(outcome=indicator.outcome),
                 title="Re-referrals within 12 months")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_measure(indicator=indicator, title="Re-referrals within 12 months")


@pytest.mark.parametrize(("unit", "bounds"), [
    (Unit.PERCENT, (0, 100)),
    (Unit.PER_10000, (0, 10000)),
    (Unit.COUNT, (0, None)),
    (Unit.GBP, (None, None)),
])
def test_possible_range_from_the_unit(unit, bounds):
    assert make_indicator(unit=unit).possible_range() == bounds


def test_possible_range_overrides():
    indicator = make_indicator(unit=Unit.PERCENT, value_min=Decimal("10"), value_max=Decimal("60"))
    assert indicator.possible_range() == (Decimal("10"), Decimal("60"))
    measure = make_measure(unit=Unit.SCORE, value_max=Decimal("0"))
    assert measure.possible_range() == (None, Decimal("0"))


def test_alias_text_and_xor():
    alias = make_indicator_alias(code="SAFE: 04", title="KSI casualties")
    assert str(alias) == f"SAFE: 04 KSI casualties ({alias.edition})"
    with pytest.raises(IntegrityError, match="alias_indicator_xor_measure"), \
            transaction.atomic():
        make_indicator_alias(indicator=None, edition=alias.edition)


# --- Observation ------------------------------------------------------------------------
def test_observation_text():
    indicator = make_indicator(code="SAFE 02", title="Rate of looked after children")
    observation = make_observation(indicator=indicator, period=P("Q3 2017-18"), value=Decimal(58))
    assert str(observation) == "SAFE 02: Rate of looked after children: 58 (Q3 2017-18)"
    assert observation.subject == indicator


def test_observation_of_a_measure():
    measure = make_measure()
    observation = make_observation(measure=measure, period=P("March 2018"))
    assert observation.subject == measure
    assert observation.period_end.isoformat() == "2018-03-31"


@pytest.mark.parametrize("how", ["save", "bulk_create", "update"])
def test_observation_needs_an_indicator_or_a_measure_not_neither(how):
    existing = make_observation()
    with pytest.raises(IntegrityError, match="observation_indicator_xor_measure"), \
            transaction.atomic():
        if how == "save":
            Observation(period=P("2015-16"), value=1).save()
        elif how == "bulk_create":
            Observation.objects.bulk_create([Observation(
                period=P("2015-16"), period_start=P("2015-16").start,
                period_end=P("2015-16").end, value=1)])
        else:
            Observation.objects.filter(pk=existing.pk).update(indicator=None)


@pytest.mark.parametrize("how", ["bulk_create", "update"])
def test_observation_cannot_have_both_an_indicator_and_a_measure(how):
    existing = make_observation()
    measure = make_measure(outcome=existing.indicator.outcome)
    with pytest.raises(IntegrityError, match="observation_indicator_xor_measure"), \
            transaction.atomic():
        if how == "bulk_create":
            Observation.objects.bulk_create([Observation(
                indicator=existing.indicator, measure=measure, period=P("2015-16"),
                period_start=P("2015-16").start, period_end=P("2015-16").end, value=1)])
        else:
            Observation.objects.filter(pk=existing.pk).update(measure=measure)


@pytest.mark.parametrize("both", [True, False])
def test_observation_clean_rejects_both_or_neither(both):
    indicator = make_indicator()
    observation = Observation(period=P("2016-17"), value=1,
                              indicator=indicator if both else None,
                              measure=make_measure(outcome=indicator.outcome) if both else None)
    # full_clean() itself cannot run on a PeriodField yet (see test_period_field.py), so the
    # period is left out; the model's own clean() and constraints are what is tested here.
    with pytest.raises(ValidationError) as info:
        observation.full_clean(exclude=["period"])
    assert "exactly one population indicator or one performance measure" in str(info.value)


def test_one_observation_per_indicator_period_and_breakdown():
    first = make_observation(period=P("2016-17"))
    make_observation(indicator=first.indicator, period=P("2016-17"), breakdown="Principal roads")
    make_observation(indicator=first.indicator, period=P("2017-18"))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_observation(indicator=first.indicator, period=P("2016/17"))
    assert Observation.objects.filter(indicator=first.indicator).count() == 3


def test_one_observation_per_measure_and_period():
    measure = make_measure()
    make_observation(measure=measure, period=P("Q1 2017-18"))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_observation(measure=measure, period=P("FY2017Q1"))


def test_observation_of_another_kind_than_the_frequency_is_rejected_on_save():
    indicator = make_indicator(title="Rate of child protection plans",
                               frequency="financial_year")
    with pytest.raises(ValidationError) as info:
        make_observation(indicator=indicator, period=P("Q2 17-18"))
    message = info.value.message_dict["period"][0]
    assert "“Q2 2017-18”" in message
    assert "is a quarter of a financial year" in message
    assert "reported by financial year" in message
    assert str(indicator) in message
    assert not Observation.objects.filter(indicator=indicator).exists()


def test_observation_of_the_frequency_kind_is_accepted():
    indicator = make_indicator(frequency="month")
    assert make_observation(indicator=indicator, period=P("Mar-18")).pk


def test_a_breakdown_is_exempt_from_the_frequency():
    indicator = make_indicator(frequency="financial_year")
    observation = make_observation(indicator=indicator, period=P("Apr-Oct 17-18"),
                                   breakdown="April to October")
    assert observation.pk


def test_a_measure_frequency_is_checked_too():
    measure = make_measure(frequency="financial_quarter")
    with pytest.raises(ValidationError, match="reported by quarter of a financial year"):
        make_observation(measure=measure, period=P("2017-18"))


def test_an_observation_needs_a_period():
    with pytest.raises(ValidationError, match="An observation needs a period"):
        Observation(indicator=make_indicator(), value=1, period=None).save()


def test_an_observation_built_without_a_period_says_it_needs_one():
    with pytest.raises(ValidationError, match="An observation needs a period"):
        Observation(indicator=make_indicator(), value=1).save()


def test_unreadable_period_is_a_validation_error_when_a_frequency_is_set():
    observation = Observation(indicator=make_indicator(frequency="financial_year"),
                              period="the summer before last", value=1)
    with pytest.raises(ValidationError):
        observation.full_clean()


def test_a_published_observation_needs_a_value():
    with pytest.raises(IntegrityError, match="observation_published_has_value"), \
            transaction.atomic():
        make_observation(value=None)
    missing = make_observation(value=None, status=ObservationStatus.UNDER_DEVELOPMENT)
    assert missing.value is None


# --- comparators ------------------------------------------------------------------------
def test_comparator_value_text():
    comparator = make_comparator(name="England")
    value = make_comparator_value(comparator=comparator, period=P("2016-17"), value=Decimal(43))
    assert str(value) == "England 43 (2016-17)"
    assert str(comparator) == "England"
    assert value.period_end.isoformat() == "2017-03-31"


def test_comparator_names_are_unique():
    make_comparator(name="South West")
    with pytest.raises(IntegrityError), transaction.atomic():
        Comparator.objects.create(name="South West")


def test_comparator_values_unique_per_comparator_subject_and_period():
    first = make_comparator_value(period=P("2016-17"))
    make_comparator_value(comparator=first.comparator, indicator=first.indicator,
                          period=P("2015-16"))
    make_comparator_value(indicator=first.indicator, period=P("2016-17"))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_comparator_value(comparator=first.comparator, indicator=first.indicator,
                              period=P("2016/17"))
    measure = make_measure()
    make_comparator_value(comparator=first.comparator, measure=measure, period=P("2016-17"))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_comparator_value(comparator=first.comparator, measure=measure,
                              period=P("2016-17"))


def test_comparator_value_needs_one_subject():
    with pytest.raises(IntegrityError, match="comparatorvalue_indicator_xor_measure"), \
            transaction.atomic():
        make_comparator_value(indicator=None)
    assert ComparatorValue.objects.count() == 0


# --- editions and what they stated --------------------------------------------------------
def test_report_edition_text_and_uniqueness():
    edition = make_report_edition(outcome=make_outcome(name="Safe"), edition=date(2018, 1, 1))
    assert str(edition) == "Safe, January 2018"
    with pytest.raises(IntegrityError), transaction.atomic():
        make_report_edition(outcome=edition.outcome, edition=date(2018, 1, 1))


def test_stated_judgement_text():
    judgement = make_stated_judgement(trend_text="WORSENING", benchmark_text="WORSE than England")
    assert str(judgement) == f"{judgement.indicator} in {judgement.edition}: WORSENING " \
        "WORSE than England"
    assert judgement.latest_period == P("2017-18")


@pytest.mark.parametrize("both", [True, False])
def test_stated_judgement_is_for_an_indicator_xor_a_measure(both):
    judgement = make_stated_judgement()
    measure = make_measure(outcome=judgement.indicator.outcome) if both else None
    with pytest.raises(IntegrityError, match="statedjudgement_indicator_xor_measure"), \
            transaction.atomic():
        make_stated_judgement(edition=judgement.edition,
                              indicator=judgement.indicator if both else None, measure=measure)


def test_one_stated_judgement_per_indicator_and_edition():
    judgement = make_stated_judgement()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_stated_judgement(edition=judgement.edition, indicator=judgement.indicator)


def test_commentary_text():
    commentary = make_commentary(kind=CommentaryKind.WHAT_WE_ARE_DOING)
    assert str(commentary) == f"What are we doing?: {commentary.indicator}"


@pytest.mark.parametrize("both", [True, False])
def test_commentary_is_for_an_indicator_xor_a_measure(both):
    commentary = make_commentary()
    measure = make_measure(outcome=commentary.indicator.outcome)
    invalid = Commentary(kind=CommentaryKind.PARTNERS, text="Police and health",
                         edition=commentary.edition,
                         indicator=commentary.indicator if both else None,
                         measure=measure if both else None)
    with pytest.raises(ValidationError, match="exactly one population indicator"):
        invalid.full_clean()
    with pytest.raises(IntegrityError, match="commentary_indicator_xor_measure"), \
            transaction.atomic():
        invalid.save()


def test_one_commentary_of_a_kind_per_indicator_and_edition():
    commentary = make_commentary()
    make_commentary(indicator=commentary.indicator, edition=commentary.edition,
                    kind=CommentaryKind.PARTNERS)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_commentary(indicator=commentary.indicator, edition=commentary.edition)


def test_focus_suggestion_text_and_uniqueness():
    suggestion = make_focus_suggestion(kind=FocusKind.RISK, text="14b Staff retention")
    assert str(suggestion) == "Risk for focus: 14b Staff retention"
    with pytest.raises(IntegrityError), transaction.atomic():
        make_focus_suggestion(edition=suggestion.edition, kind=FocusKind.RISK,
                              text="14b Staff retention")


def test_focus_suggestion_finds_its_risk_by_code():
    risk = make_risk(code="14b")
    assert make_focus_suggestion(kind=FocusKind.RISK, risk_code="14b").risk == risk
    assert make_focus_suggestion(kind=FocusKind.RISK, risk_code="99z").risk is None
    assert make_focus_suggestion().risk is None


def test_xor_message_reads_well():
    with pytest.raises(ValidationError) as info:
        Observation(period=P("2016-17"), value=1).clean()
    assert info.value.messages[0].startswith("An observation belongs")


def test_indicator_ordering_by_number():
    outcome = make_outcome()
    for number in (3, 1, 2):
        make_indicator(outcome=outcome, number=number, title=f"Indicator {number}")
    numbers = list(PopulationIndicator.objects.filter(outcome=outcome)
                   .values_list("number", flat=True))
    assert numbers == [1, 2, 3]
