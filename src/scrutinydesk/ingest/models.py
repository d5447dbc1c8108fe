"""Review of imported papers: whether a person has confirmed what was read from each paper,
and the corrections people made, which the loaders apply again whenever a paper is read."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from scrutinydesk.core.fields import PeriodField


class ReviewStatus(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    CONFIRMED = "confirmed", "Confirmed"


class PaperReview(models.Model):
    """Where the review of one imported paper stands: *extracted* until a signed-in
    officer or clerk confirms what was read from it."""

    source = models.OneToOneField("core.SourceDocument", on_delete=models.CASCADE,
                                  related_name="review")
    status = models.CharField(max_length=20, choices=ReviewStatus.choices,
                              default=ReviewStatus.EXTRACTED)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "paper review"

    def __str__(self):
        return f"{self.source}: {self.get_status_display()}"


class CorrectionKind(models.TextChoices):
    VALUE = "value", "Value corrected"
    SERIES = "series", "Series assigned"


class CorrectedRecord(models.TextChoices):
    OBSERVATION = "observation", "Observation"
    COMPARATOR_VALUE = "comparator_value", "Comparator value"


class Correction(models.Model):
    """A person's correction of what the importer read, kept so that reading a paper
    again gives the corrected figure (docs/methodology.md, "Corrections").

    ``value``: the figure of one series (indicator or measure, comparator, breakdown) for
    one period is ``value``, wherever the importer reads ``read_value`` for it.
    ``series``: what the importer files under one indicator or measure and breakdown
    belongs to ``to_indicator`` or ``to_measure`` (main series).
    """

    source = models.ForeignKey("core.SourceDocument", on_delete=models.CASCADE,
                               related_name="corrections",
                               help_text="The paper the correction was made on.")
    kind = models.CharField(max_length=20, choices=CorrectionKind.choices)
    record = models.CharField(max_length=30, choices=CorrectedRecord.choices,
                              default=CorrectedRecord.OBSERVATION)
    indicator = models.ForeignKey("outcomes.PopulationIndicator", null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="+")
    measure = models.ForeignKey("outcomes.PerformanceMeasure", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="+")
    comparator = models.ForeignKey("outcomes.Comparator", null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="+")
    breakdown = models.CharField(max_length=200, blank=True)
    period = PeriodField(null=True, blank=True)
    read_value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True,
                                     help_text="What the importer read.")
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True,
                                help_text="The right value.")
    to_indicator = models.ForeignKey("outcomes.PopulationIndicator", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+")
    to_measure = models.ForeignKey("outcomes.PerformanceMeasure", null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=500, blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    made_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["made_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(indicator__isnull=False, measure__isnull=True)
                | Q(indicator__isnull=True, measure__isnull=False),
                name="correction_indicator_xor_measure"),
        ]

    def __str__(self):
        subject = self.indicator or self.measure
        if self.kind == CorrectionKind.SERIES:
            return f"{subject} {self.breakdown} → {self.to_indicator or self.to_measure}"
        return f"{subject} {self.period}: {self.read_value} → {self.value}"

    def clean(self):
        super().clean()
        if self.kind == CorrectionKind.SERIES and \
                (self.to_indicator_id is None) == (self.to_measure_id is None):
            raise ValidationError("A series is assigned to exactly one indicator or measure.")
        if self.kind == CorrectionKind.VALUE and self.period is None:
            raise ValidationError({"period": "A corrected value needs its period."})

    @property
    def subject(self):
        return self.indicator or self.measure

    @property
    def target(self):
        return self.to_indicator or self.to_measure
