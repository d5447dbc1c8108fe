"""Polarity, RAG ratings and risk levels each have one definition (judgements.vocab), the
model fields take their choices from it, and stored values round-trip."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps

from scrutinydesk.actionplans.models import Action
from scrutinydesk.core import vocab
from scrutinydesk.judgements.vocab import RAG, Polarity, RiskLevel
from scrutinydesk.outcomes.models import PopulationIndicator, StatedJudgement
from scrutinydesk.risks.models import RiskAssessment
from scrutinydesk.web.components import rag_for
from tests.factories import (
    make_action,
    make_indicator,
    make_risk_assessment,
    make_stated_judgement,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "scrutinydesk"
PRINTED_RAG_TABLE = re.compile(r'\{\s*"R"\s*:\s*"R"|RAG_WORDS\s*=|"G"\s*:\s*"green"')


@pytest.mark.parametrize("name", ["RAG", "Polarity", "RiskLevel"])
def test_each_vocabulary_is_defined_once(name):
    pattern = re.compile(rf"^class {name}\(", re.M)
    homes = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
             if "migrations" not in p.parts and pattern.search(p.read_text(encoding="utf-8"))]
    assert homes == ["judgements/vocab.py"]


def test_no_other_table_of_printed_rag_words():
    """Printed RAG letters and words are read by judgements.parse_rag alone."""
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                 if "migrations" not in p.parts and PRINTED_RAG_TABLE.search(
                     p.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.parametrize(("model", "field", "vocabulary", "left_out"), [
    (StatedJudgement, "trend_rag", RAG, {RAG.NONE}),
    (StatedJudgement, "benchmark_rag", RAG, {RAG.NONE}),
    (Action, "rag", RAG, {RAG.NONE}),
    (PopulationIndicator, "polarity", Polarity, set()),
    (RiskAssessment, "level", RiskLevel, set()),
])
def test_model_fields_take_their_choices_from_the_one_vocabulary(model, field, vocabulary,
                                                                 left_out):
    values = [value for value, _ in model._meta.get_field(field).choices]
    assert values == [m.value for m in vocabulary if m not in left_out]


@pytest.mark.django_db
def test_stored_values_round_trip():
    stated = make_stated_judgement(trend_rag=RAG.RED, benchmark_rag=RAG.GREEN)
    stated.refresh_from_db()
    assert RAG(stated.trend_rag) is RAG.RED and RAG(stated.benchmark_rag) is RAG.GREEN
    stated.full_clean()
    action = make_action(rag=RAG.BLUE)
    action.refresh_from_db()
    assert RAG(action.rag) is RAG.BLUE and action.get_rag_display() == "Blue (complete)"
    assert rag_for(action.rag).colour == "blue" and rag_for(action.rag).symbol == "★"
    indicator = make_indicator(polarity=Polarity.LOWER_IS_BETTER)
    indicator.refresh_from_db()
    assert Polarity(indicator.polarity) is Polarity.LOWER_IS_BETTER
    assert indicator.get_polarity_display() == "Lower is better"
    assessment = make_risk_assessment(level=RiskLevel.MEDIUM)
    assessment.refresh_from_db()
    assert RiskLevel(assessment.level) is RiskLevel.MEDIUM
    assert assessment.get_level_display() == "MEDIUM"


@pytest.mark.django_db
def test_an_unknown_rating_is_refused():
    stated = make_stated_judgement(trend_rag="G")
    with pytest.raises(Exception, match="trend_rag"):
        stated.full_clean()


@pytest.mark.django_db
def test_the_data_migration_turns_stated_letters_into_colours_and_back():
    migration = importlib.import_module("scrutinydesk.outcomes.migrations.0003_one_vocabulary")
    stated = make_stated_judgement(trend_rag="G", benchmark_rag="R")
    other = make_stated_judgement(trend_rag="A", benchmark_rag="")
    history = stated.history.count()
    migration.letters_to_colours(django_apps, None)
    stated.refresh_from_db()
    other.refresh_from_db()
    assert (stated.trend_rag, stated.benchmark_rag) == ("green", "red")
    assert (other.trend_rag, other.benchmark_rag) == ("amber", "")
    assert {h.trend_rag for h in stated.history.all()} == {"green"}
    assert stated.history.count() == history
    migration.colours_to_letters(django_apps, None)
    stated.refresh_from_db()
    assert (stated.trend_rag, stated.benchmark_rag) == ("G", "R")


def test_choices_carry_the_vocabularys_labels():
    assert dict(vocab.RAG_CHOICES)["amber"] == "Amber"
    assert dict(vocab.POLARITY_CHOICES)["no_judgement"] == "No preferred direction"
    assert vocab.Polarity is Polarity and vocab.RAG is RAG
