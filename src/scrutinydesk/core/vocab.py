"""Vocabularies shared by every app. Each fixed list of words lives once, here or in its
app's ``vocab.py``."""

from django.db import models


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


class Polarity(models.TextChoices):
    """Which direction is good. The values match ``scrutinydesk.judgements``."""

    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    LOWER_IS_BETTER = "lower_is_better", "Lower is better"
    NO_JUDGEMENT = "no_judgement", "No judgement (higher or lower is not better or worse)"


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
