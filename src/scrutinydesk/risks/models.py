"""The corporate risk register: risks, their assessments over time, and what they touch."""

from django.db import models
from simple_history.models import HistoricalRecords

from scrutinydesk.core.models import Provenance
from scrutinydesk.core.vocab import RISK_LEVEL_CHOICES

from .vocab import RiskTrend


class Risk(Provenance):
    """A risk on the corporate risk register, e.g. "14b - Inability to attract and retain
    suitably qualified specialist safeguarding staff within Children's Services"."""

    code = models.CharField(max_length=20, unique=True, help_text='Register code, e.g. "14b".')
    title = models.CharField(max_length=1000)
    owner = models.CharField(max_length=200, blank=True)
    directorate = models.CharField(max_length=200, blank=True)
    outcomes = models.ManyToManyField("outcomes.Outcome", blank=True, related_name="risks")
    indicators = models.ManyToManyField("outcomes.PopulationIndicator", blank=True,
                                        related_name="risks")
    history = HistoricalRecords(m2m_fields=["outcomes", "indicators"])

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.title}"

    @property
    def latest_assessment(self):
        return self.assessments.order_by("-assessed_on", "-id").first()


class RiskAssessment(Provenance):
    """A risk's score and trend at one date (as printed in a report, or entered by an
    officer)."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField()
    level = models.CharField(max_length=10, choices=RISK_LEVEL_CHOICES, blank=True)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Numeric score (likelihood × impact) where used.")
    trend = models.CharField(max_length=12, choices=RiskTrend.choices, blank=True)
    trend_text = models.CharField(max_length=50, blank=True, help_text="Trend as printed.")
    edition = models.ForeignKey("outcomes.ReportEdition", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="risk_assessments")
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "-assessed_on"]
        constraints = [
            models.UniqueConstraint(fields=["risk", "assessed_on"],
                                    name="risk_assessment_unique_date"),
            models.CheckConstraint(condition=~models.Q(level="") | models.Q(score__isnull=False),
                                   name="risk_assessment_has_level_or_score"),
        ]

    def __str__(self):
        level = self.get_level_display() or f"score {self.score}"
        words = " ".join(w for w in (self.risk.code, level, self.get_trend_display()) if w)
        return f"{words} ({self.assessed_on})"
