"""Findings: where what a published report stated is contradicted by the data."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from scrutinydesk.core import visibility
from scrutinydesk.core.models import Provenance


class FindingKind(models.TextChoices):
    TREND = "trend", "Stated trend differs from the computed trend"
    BENCHMARK = "benchmark", "Stated benchmark differs from the comparator values"
    RAG = "rag", "Stated RAG letter does not fit the word under the report's key"
    VALUE = "value", "Stated figure differs from the series the same edition printed"
    REVISION = "revision", "A later edition printed a different figure for the same period"
    PERIOD = "period", "Period label cannot be read"
    RANGE = "range", "Value outside the possible range of its unit"
    KEY = "key", "Word not in the report's key"
    COUNT = "count", "Stated count differs from the report's contents"


class Severity(models.TextChoices):
    INFO = "info", "Information"
    WARNING = "warning", "Warning"
    ERROR = "error", "Error"


class FindingStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Accepted: the paper was wrong"
    DISMISSED = "dismissed", "Dismissed: the paper was right"


class Finding(Provenance):
    """One contradiction between a report and the data, explained in a sentence.

    Recomputed after every import and data change; ``key`` identifies the same finding
    across recomputations so a person's decision on it is kept.
    """

    key = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    severity = models.CharField(max_length=10, choices=Severity.choices,
                                default=Severity.WARNING)
    indicator = models.ForeignKey("outcomes.PopulationIndicator", null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="findings")
    measure = models.ForeignKey("outcomes.PerformanceMeasure", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="findings")
    edition = models.ForeignKey("outcomes.ReportEdition", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="findings")
    stated = models.CharField(max_length=500, help_text="What the paper stated.")
    computed = models.CharField(max_length=500, help_text="What the data says.")
    explanation = models.TextField()
    status = models.CharField(max_length=20, choices=FindingStatus.choices,
                              default=FindingStatus.OPEN)
    still_holds = models.BooleanField(
        default=True, help_text="False once the data no longer contradicts the paper.")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(auto_now=True)
    objects = visibility.FindingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "indicator", "kind"]

    def __str__(self):
        return self.explanation[:120]
