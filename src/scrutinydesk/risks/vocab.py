"""Vocabularies of the corporate risk register."""

from django.db import models

from scrutinydesk.judgements.vocab import RiskLevel


class RiskTrend(models.TextChoices):
    IMPROVING = "improving", "IMPROVING"
    UNCHANGED = "unchanged", "UNCHANGED"
    WORSENING = "worsening", "WORSENING"
    NEW = "new", "NEW"


LEVEL_ORDER = {RiskLevel.LOW: 1, RiskLevel.MEDIUM: 2, RiskLevel.HIGH: 3}
