"""Vocabularies shared by every app. Each fixed list of words lives once, here or in its
app's ``vocab.py``.

Polarity, RAG ratings and risk levels are judgements' own words (``judgements.vocab``,
free of Django so that parsers can use them); model fields take their choices from the
lists below, made from those enumerations. See docs/decisions/0004-one-vocabulary.md.
"""

from enum import StrEnum

from django.db import models

from scrutinydesk.judgements.vocab import RAG, Polarity, RiskLevel

__all__ = ["POLARITY_CHOICES", "RAG_CHOICES", "RISK_LEVEL_CHOICES", "MediaType", "PaperKind",
           "Polarity", "RAG", "RiskLevel", "UNIT_BOUNDS", "Unit", "choices_of"]


def choices_of(vocabulary: type[StrEnum], *, leave_out=()) -> list[tuple[str, str]]:
    """A model field's choices from one of judgements' enumerations: (value, label)."""
    return [(member.value, member.label[:1].upper() + member.label[1:])
            for member in vocabulary if member not in leave_out]


class PaperKind(models.TextChoices):
    AGENDA_PACK = "agenda_pack", "Agenda pack"
    MEETING_PAGE = "meeting_page", "Meeting-documents page"
    MONITORING_REPORT = "monitoring_report", "Outcomes monitoring report"
    ACTION_PLAN = "action_plan", "Action plan"
    MINUTES = "minutes", "Minutes"
    WORK_PROGRAMME = "work_programme", "Work programme"
    OFFICER_REPORT = "officer_report", "Officer's report"
    OTHER = "other", "Other paper"


class MediaType(models.TextChoices):
    TEXT = "text/plain", "Text"
    HTML = "text/html", "HTML"
    PDF = "application/pdf", "PDF"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"


POLARITY_CHOICES = choices_of(Polarity)
# "" stands for no rating, so NONE is not stored.
RAG_CHOICES = choices_of(RAG, leave_out={RAG.NONE})
RISK_LEVEL_CHOICES = choices_of(RiskLevel)


class Unit(models.TextChoices):
    COUNT = "count", "Number"
    PERCENT = "percent", "%"
    PER_1000 = "per_1000", "per 1,000"
    PER_10000 = "per_10000", "per 10,000"
    PER_100000 = "per_100000", "per 100,000"
    GBP = "gbp", "£"
    DAYS = "days", "days"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"
    YEARS = "years", "years"
    RATIO = "ratio", "ratio"
    SCORE = "score", "score"
    OTHER = "other", "other"


UNIT_BOUNDS = {
    # unit: (lowest possible, highest possible); None where there is no bound
    Unit.COUNT: (0, None),
    Unit.PERCENT: (0, 100),
    Unit.PER_1000: (0, 1000),
    Unit.PER_10000: (0, 10000),
    Unit.PER_100000: (0, 100000),
    Unit.GBP: (None, None),
    Unit.DAYS: (0, None),
    Unit.WEEKS: (0, None),
    Unit.MONTHS: (0, None),
    Unit.YEARS: (0, 150),  # life expectancy, ages
    Unit.RATIO: (0, None),
    Unit.SCORE: (None, None),
    Unit.OTHER: (None, None),
}
