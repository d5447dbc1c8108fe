"""PeriodField: stored as a code, loaded as a Period, validated and shown as a label."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import connection

from scrutinydesk.core.fields import PeriodField
from scrutinydesk.core.periods import Period, PeriodError
from scrutinydesk.outcomes.models import Observation, StatedJudgement
from tests.factories import make_indicator, make_observation, make_stated_judgement

pytestmark = pytest.mark.django_db

UNREADABLE = "the summer before last"


def stored_text(model, pk, column):
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def period_error_message(text):
    with pytest.raises(PeriodError) as info:
        Period.parse(text)
    return str(info.value)


def test_saved_as_its_code():
    observation = make_observation(period=Period.parse("Q2 17-18"))
    assert stored_text(Observation, observation.pk, "period") == "FY2017Q2"


def test_loaded_as_a_period():
    observation = make_observation(period=Period.parse("31/03/2017"))
    loaded = Observation.objects.get(pk=observation.pk)
    assert isinstance(loaded.period, Period)
    assert loaded.period == Period.snapshot(Period.parse("31 March 2017").start)
    assert loaded.period.label == "31 March 2017"


def test_derived_dates_saved_beside_the_period():
    observation = make_observation(period=Period.parse("Apr-Oct 17-18"))
    loaded = Observation.objects.get(pk=observation.pk)
    assert (loaded.period_start.isoformat(), loaded.period_end.isoformat()) == (
        "2017-04-01", "2017-10-31")


def test_filter_by_period_or_by_label():
    indicator = make_indicator()
    wanted = make_observation(indicator=indicator, period=Period.parse("2016-17"))
    make_observation(indicator=indicator, period=Period.parse("2017-18"))
    by_period = Observation.objects.filter(indicator=indicator, period=Period.financial_year(2016))
    by_label = Observation.objects.filter(indicator=indicator, period="2016/17")
    assert list(by_period) == [wanted]
    assert list(by_label) == [wanted]


def test_blank_period_loads_as_none():
    judgement = make_stated_judgement(latest_period=None)
    assert stored_text(StatedJudgement, judgement.pk, "latest_period") is None
    assert StatedJudgement.objects.get(pk=judgement.pk).latest_period is None


def test_to_python_rejects_an_unreadable_label_with_the_period_error_message():
    field = PeriodField()
    with pytest.raises(ValidationError) as info:
        field.to_python(UNREADABLE)
    assert info.value.messages == [period_error_message(UNREADABLE)]
    assert info.value.code == "invalid_period"


def test_to_python_reads_labels_and_codes():
    field = PeriodField()
    assert field.to_python("Q4 2017/18") == Period.financial_quarter(2017, 4)
    assert field.to_python("M2017-09") == Period.month(2017, 9)
    assert field.to_python("") is None
    assert field.to_python(None) is None


def test_get_prep_value_gives_the_code():
    field = PeriodField()
    assert field.get_prep_value("Sept 2017") == "M2017-09"
    assert field.get_prep_value(Period.academic_year(2016)) == "AY2016"
    assert field.get_prep_value(None) is None


def test_value_to_string_is_the_code():
    observation = make_observation(period=Period.parse("March 2017"))
    field = Observation._meta.get_field("period")
    assert field.value_to_string(observation) == "M2017-03"


def test_deconstruct_leaves_out_the_default_length():
    _, path, _, kwargs = PeriodField().deconstruct()
    assert path == "scrutinydesk.core.fields.PeriodField"
    assert "max_length" not in kwargs
    assert PeriodField(max_length=40).deconstruct()[3]["max_length"] == 40


# --- forms ------------------------------------------------------------------------------
def period_form_field():
    return Observation._meta.get_field("period").formfield()


def test_form_field_shows_a_label():
    field = period_form_field()
    assert field.prepare_value(Period.parse("FY2017Q2")) == "Q2 2017-18"
    form_class = forms.modelform_factory(Observation, fields=["period"])
    html = str(form_class(initial={"period": Period.parse("FY2017Q2")})["period"])
    assert 'value="Q2 2017-18"' in html


def test_form_field_reads_a_label():
    assert period_form_field().to_python("Q2 17-18") == Period.financial_quarter(2017, 2)
    assert period_form_field().to_python("") is None


def test_form_field_rejects_an_unreadable_label_with_the_period_error_message():
    with pytest.raises(ValidationError) as info:
        period_form_field().to_python(UNREADABLE)
    assert info.value.messages == [period_error_message(UNREADABLE)]


def test_form_field_help_text_gives_examples():
    assert "Q2 2017-18" in str(period_form_field().help_text)


def test_model_form_reports_an_unreadable_label_on_the_field():
    form_class = forms.modelform_factory(Observation, fields=["period", "value", "status"])
    form = form_class(data={"period": UNREADABLE, "value": "3", "status": "published"})
    assert not form.is_valid()
    assert form.errors["period"] == [period_error_message(UNREADABLE)]


def test_model_form_accepts_a_label():
    indicator = make_indicator()
    form_class = forms.modelform_factory(Observation,
                                         fields=["indicator", "period", "value", "status"])
    form = form_class(data={"indicator": indicator.pk, "period": "Q2 17-18", "value": "3",
                            "status": "published"})
    assert form.is_valid(), form.errors
    assert form.save().period == Period.financial_quarter(2017, 2)


def test_full_clean_accepts_a_valid_period():
    observation = Observation(indicator=make_indicator(), period=Period.parse("2017-18"),
                              value=3)
    observation.full_clean()


def test_full_clean_reports_an_unreadable_label_on_the_field():
    observation = Observation(indicator=make_indicator(), period=UNREADABLE, value=3)
    with pytest.raises(ValidationError) as info:
        observation.full_clean()
    assert info.value.message_dict["period"] == [period_error_message(UNREADABLE)]


def test_a_label_assigned_as_text_is_saved():
    observation = make_observation(period="2017-18")
    observation = Observation(indicator=observation.indicator, period="Q1 2018-19", value=1)
    observation.save()
    assert Observation.objects.get(pk=observation.pk).period == Period.financial_quarter(2018, 1)
