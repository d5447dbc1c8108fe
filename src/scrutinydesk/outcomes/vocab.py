"""Vocabularies of the outcomes framework."""

from django.db import models


class ObservationStatus(models.TextChoices):
    PUBLISHED = "published", "Published"
    PROVISIONAL = "provisional", "Provisional"
    NOT_PUBLISHED = "not_published", "Not published"
    UNDER_DEVELOPMENT = "under_development", "Under development"
    TO_FOLLOW = "to_follow", "To follow"
    SUPPRESSED = "suppressed", "Suppressed (small numbers)"


class ComparatorKind(models.TextChoices):
    ENGLAND = "england", "England"
    REGION = "region", "Region"
    STATISTICAL_NEIGHBOURS = "statistical_neighbours", "Statistical neighbours"
    TARGET = "target", "Target"
    OTHER = "other", "Other"


class CommentaryKind(models.TextChoices):
    STORY_BEHIND_BASELINE = "story", "Story behind the baseline"
    PARTNERS = "partners", "Partners with a significant role to play"
    WHAT_WE_ARE_DOING = "doing", "What are we doing?"
    VALUE_FOR_MONEY = "vfm", "Value for money"
    SUMMARY_OF_ISSUES = "issues", "Summary of issues"
    OTHER = "other", "Other commentary"


class FocusKind(models.TextChoices):
    INDICATOR = "indicator", "Indicator"
    MEASURE = "measure", "Performance measure"
    RISK = "risk", "Risk"


class StatedTrend(models.TextChoices):
    """Trend words as printed in reports (the report's key, plus words found beside it)."""

    IMPROVING = "improving", "IMPROVING"
    UNCHANGED = "unchanged", "UNCHANGED"
    WORSENING = "worsening", "WORSENING"
    NO_TREND = "no_trend", "No trend"


class StatedBenchmark(models.TextChoices):
    BETTER = "better", "BETTER"
    SIMILAR = "similar", "SIMILAR"
    WORSE = "worse", "WORSE"
    HIGHER = "higher", "HIGHER"
    LOWER = "lower", "LOWER"
    NOT_COMPARED = "not_compared", "Not compared"

