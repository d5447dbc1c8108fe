"""The outcomes framework: outcomes → population indicators → performance measures, their
observations by period, comparators, commentary, and what each report edition stated."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from scrutinydesk.core.fields import PeriodField
from scrutinydesk.core.models import Officer, Provenance, ProvenanceQuerySet
from scrutinydesk.core.periods import Period, PeriodError, PeriodKind
from scrutinydesk.core.vocab import POLARITY_CHOICES, RAG_CHOICES, UNIT_BOUNDS, Polarity, Unit

from .titles import normalise_code, normalise_title
from .vocab import (
    CommentaryKind,
    ComparatorKind,
    FocusKind,
    ObservationStatus,
    StatedBenchmark,
    StatedTrend,
)

PERIOD_KIND_CHOICES = [(k.value, k.label.capitalize()) for k in PeriodKind]


class Outcome(Provenance):
    """A corporate-plan outcome such as "Safe", with its sponsor."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    sponsor = models.CharField(max_length=200, blank=True, help_text="e.g. Nick Jarman")
    sponsor_title = models.CharField(max_length=300, blank=True)
    code_prefix = models.CharField(max_length=20, blank=True,
                                   help_text='Prefix of indicator codes, e.g. "SAFE".')
    committees = models.ManyToManyField(
        "committees.Committee", blank=True, related_name="outcomes",
        help_text="Committees with oversight of this outcome.")
    history = HistoricalRecords(m2m_fields=["committees"])

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class JudgementSettings(models.Model):
    """How judgements are computed for an indicator or measure (see docs/methodology.md)."""

    polarity = models.CharField(max_length=20, choices=POLARITY_CHOICES,
                                default=Polarity.NO_JUDGEMENT.value)
    polarity_basis = models.CharField(
        max_length=500, blank=True,
        help_text="Why the polarity is what it is: set by a person, or read from a report.")
    similar_band = models.DecimalField(
        max_digits=6, decimal_places=2, default=5,
        help_text="Changes and differences within this many per cent of the earlier or "
        "comparator value count as similar.")
    trend_periods = models.PositiveSmallIntegerField(
        default=3, help_text="How many periods the trend looks back over.")
    compare_same_period_last_year = models.BooleanField(
        default=False, help_text="For seasonal quarterly data: compare with the same quarter "
        "a year earlier rather than the quarter before.")
    comparator = models.ForeignKey(
        "outcomes.Comparator", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="What the benchmark compares with. Blank: the comparator "
        "the latest report named, else England.")

    class Meta:
        abstract = True


class Measured(Provenance, JudgementSettings):
    """What population indicators and performance measures share."""

    code = models.CharField(max_length=30, blank=True,
                            help_text='Code as printed in the latest report, e.g. "SAFE 01".')
    code_key = models.CharField(max_length=30, blank=True, editable=False, db_index=True)
    title = models.CharField(max_length=500)
    title_key = models.CharField(max_length=500, editable=False, db_index=True)
    description = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    unit_label = models.CharField(max_length=100, blank=True,
                                  help_text='Unit as printed, e.g. "per 10,000 children".')
    frequency = models.CharField(
        max_length=32, choices=PERIOD_KIND_CHOICES, blank=True,
        help_text="Kind of period of the main series; observations of another kind are "
        "rejected. Blank accepts any.")
    lead_officers = models.ManyToManyField(Officer, blank=True, related_name="+")
    partners = models.TextField(blank=True)
    data_source = models.CharField(max_length=500, blank=True)
    value_min = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True,
                                    help_text="Lowest possible value; default from the unit.")
    value_max = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True,
                                    help_text="Highest possible value; default from the unit.")
    active = models.BooleanField(default=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.code}: {self.title}" if self.code else self.title

    def save(self, *args, **kwargs):
        self.code_key = normalise_code(self.code)
        self.title_key = normalise_title(self.title)
        super().save(*args, **kwargs)

    def possible_range(self):
        low, high = UNIT_BOUNDS.get(self.unit, (None, None))
        return (self.value_min if self.value_min is not None else low,
                self.value_max if self.value_max is not None else high)

    def revisions(self, breakdown: str | None = None) -> list["Revision"]:
        """Every figure of this indicator or measure (of one breakdown, "" for the main
        series, when given) that a later edition printed differently, oldest period first
        (see ``Revision``)."""
        rows = self.observations.prefetch_related("printed__edition", "printed__source")
        if breakdown is not None:
            rows = rows.filter(breakdown=breakdown)
        return revisions_of(rows)


class PopulationIndicator(Measured):
    """An indicator of the whole population's well-being, shared between partners
    (e.g. "SAFE 01 Rate of children subject to a child protection plan")."""

    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="indicators")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="parts",
        help_text='For an indicator printed in parts, e.g. "Total Crime" within SAFE 06.')
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome_lead_officers = models.ManyToManyField(Officer, blank=True, related_name="+")
    history = HistoricalRecords(m2m_fields=["lead_officers", "outcome_lead_officers"])

    class Meta:
        ordering = ["outcome", "number", "title"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "title_key"],
                                    condition=Q(parent__isnull=True),
                                    name="indicator_unique_title"),
            models.UniqueConstraint(fields=["parent", "title_key"],
                                    condition=Q(parent__isnull=False),
                                    name="indicator_part_unique_title"),
        ]


class PerformanceMeasure(Measured):
    """A measure of the council's own services' contribution to an indicator."""

    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="measures")
    indicator = models.ForeignKey(PopulationIndicator, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="measures")
    history = HistoricalRecords(m2m_fields=["lead_officers"])

    class Meta:
        ordering = ["outcome", "indicator", "title"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "title_key"],
                                    condition=Q(indicator__isnull=True),
                                    name="measure_unique_title"),
            models.UniqueConstraint(fields=["indicator", "title_key"],
                                    condition=Q(indicator__isnull=False),
                                    name="measure_unique_title_per_indicator"),
        ]


class IndicatorAlias(Provenance):
    """A code and title an indicator or measure was printed under in one report edition.
    Codes are renumbered between editions ("SAFE 04" becomes "SAFE 03")."""

    indicator = models.ForeignKey(PopulationIndicator, null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="aliases")
    measure = models.ForeignKey(PerformanceMeasure, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="aliases")
    edition = models.ForeignKey("ReportEdition", on_delete=models.CASCADE,
                                related_name="aliases")
    code = models.CharField(max_length=30, blank=True)
    title = models.CharField(max_length=500)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "indicator aliases"
        constraints = [
            models.CheckConstraint(
                condition=Q(indicator__isnull=False, measure__isnull=True)
                | Q(indicator__isnull=True, measure__isnull=False),
                name="alias_indicator_xor_measure"),
        ]

    def __str__(self):
        return f"{self.code} {self.title} ({self.edition})".strip()


class ObservedThing(models.Model):
    """A row that belongs to exactly one indicator or one measure."""

    indicator = models.ForeignKey(PopulationIndicator, null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="%(class)ss")
    measure = models.ForeignKey(PerformanceMeasure, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="%(class)ss")

    class Meta:
        abstract = True

    @property
    def subject(self):
        return self.indicator or self.measure

    def clean(self):
        super().clean()
        if (self.indicator_id is None) == (self.measure_id is None):
            name = str(self._meta.verbose_name)
            article = "An" if name[:1].lower() in "aeiou" else "A"
            raise ValidationError(
                f"{article} {name} belongs to exactly one population indicator "
                "or one performance measure, not both and not neither.")


def xor_constraint(name):
    return models.CheckConstraint(
        condition=Q(indicator__isnull=False, measure__isnull=True)
        | Q(indicator__isnull=True, measure__isnull=False),
        name=name,
    )


class Observation(ObservedThing, Provenance):
    """One value of an indicator or measure for one period (and breakdown)."""

    period = PeriodField()
    period_start = models.DateField(editable=False)
    period_end = models.DateField(editable=False, db_index=True)
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    numerator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices, blank=True,
                            help_text="Blank: the indicator's or measure's unit.")
    breakdown = models.CharField(
        max_length=200, blank=True,
        help_text='Blank for the main series; otherwise e.g. "Principal roads" or an area code.')
    area_code = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=20, choices=ObservationStatus.choices,
                              default=ObservationStatus.PUBLISHED)
    note = models.CharField(max_length=500, blank=True)
    edition = models.ForeignKey(
        "ReportEdition", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="observations",
        help_text="The report edition that printed this figure; a later edition's figure for "
                  "the same period replaces an earlier one's.")
    objects = ProvenanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_end", "period_start", "breakdown"]
        constraints = [
            xor_constraint("observation_indicator_xor_measure"),
            models.UniqueConstraint(fields=["indicator", "period", "breakdown"],
                                    condition=Q(indicator__isnull=False),
                                    name="observation_unique_indicator_period"),
            models.UniqueConstraint(fields=["measure", "period", "breakdown"],
                                    condition=Q(measure__isnull=False),
                                    name="observation_unique_measure_period"),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(status="published"),
                name="observation_published_has_value"),
        ]

    def __str__(self):
        return f"{self.subject}: {self.value} ({self.period})"

    def save(self, *args, **kwargs):
        self.validate_period()
        self.period_start, self.period_end = self.period.start, self.period.end
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if isinstance(self.period, Period):  # otherwise the field's own check reports it
            self.validate_period()

    def revisions(self) -> list["Revision"]:
        """The changes between the editions that printed this figure, oldest first."""
        return revisions_of([self])

    def validate_period(self):
        subject = self.subject
        if self.period is None:
            raise ValidationError({"period": "An observation needs a period."})
        if not isinstance(self.period, Period):
            try:
                Period.parse(self.period)
            except PeriodError as exc:
                raise ValidationError({"period": str(exc)}) from None
        if subject is not None and subject.frequency and not self.breakdown \
                and self.period.kind != subject.frequency:
            expected = PeriodKind(subject.frequency).label
            raise ValidationError({"period": (
                f"“{self.period.label}” is a {self.period.kind.label}, but {subject} is "
                f"reported by {expected}; record it under a breakdown or change the "
                "indicator's frequency.")})


def unconfirmed_figures(outcome) -> int:
    """How many of an outcome's figures (observations and comparator values) were read
    from papers and not yet confirmed by a person."""
    mine = Q(indicator__outcome=outcome) | Q(measure__outcome=outcome)
    return (Observation.objects.filter(mine).unconfirmed().count()
            + ComparatorValue.objects.filter(mine).unconfirmed().count())


class PrintedValue(Provenance):
    """What one report edition printed for an observation's period and breakdown.

    The observation holds the figure of the latest edition that printed it; each
    edition's own figure stays here with its source, so a revised figure keeps both."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE,
                                    related_name="printed")
    edition = models.ForeignKey("ReportEdition", on_delete=models.CASCADE,
                                related_name="printed_values")
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    status = models.CharField(max_length=20, choices=ObservationStatus.choices,
                              default=ObservationStatus.PUBLISHED)

    class Meta:
        ordering = ["observation", "edition__edition"]
        constraints = [
            models.UniqueConstraint(fields=["observation", "edition"],
                                    name="printed_value_unique_edition"),
        ]

    def __str__(self):
        return f"{self.observation.subject} {self.observation.period}: {self.value} " \
               f"in {self.edition}"


@dataclass(frozen=True)
class Revision:
    """A figure one edition printed and a later edition printed differently."""

    observation: Observation
    earlier: PrintedValue
    later: PrintedValue

    @property
    def wording(self) -> str:
        """ "revised from 62 (October 2017) to 63 (July 2018)" """
        from scrutinydesk.core.numbers import figure

        return (f"revised from {figure(self.earlier.value)} "
                f"({self.earlier.edition.edition:%B %Y}) to {figure(self.later.value)} "
                f"({self.later.edition.edition:%B %Y})")


def revisions_of(observations) -> list[Revision]:
    """The revisions among ``observations``: each pair of editions, next to each other in
    time, that printed different figures for the same period and breakdown."""
    found = []
    for observation in observations:
        printed = sorted(observation.printed.all(), key=lambda p: p.edition.edition)
        for earlier, later in zip(printed, printed[1:], strict=False):
            if earlier.value is not None and later.value is not None \
                    and earlier.value != later.value:
                found.append(Revision(observation, earlier, later))
    return sorted(found, key=lambda r: (r.observation.period.sort_key,
                                        r.observation.breakdown, r.later.edition.edition))


class Comparator(models.Model):
    """What the council's area is compared with: England, the region, statistical
    neighbours, a target."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=ComparatorKind.choices,
                            default=ComparatorKind.OTHER)
    peers = models.TextField(blank=True,
                             help_text="For statistical neighbours: one authority a line.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class ComparatorValue(ObservedThing, Provenance):
    """A comparator's value for an indicator or measure in one period."""

    comparator = models.ForeignKey(Comparator, on_delete=models.PROTECT, related_name="values")
    period = PeriodField()
    period_end = models.DateField(editable=False, db_index=True)
    value = models.DecimalField(max_digits=20, decimal_places=6)
    numerator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    lower_limit = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    upper_limit = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    objects = ProvenanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_end"]
        constraints = [
            xor_constraint("comparatorvalue_indicator_xor_measure"),
            models.UniqueConstraint(fields=["comparator", "indicator", "period"],
                                    condition=Q(indicator__isnull=False),
                                    name="comparatorvalue_unique_indicator"),
            models.UniqueConstraint(fields=["comparator", "measure", "period"],
                                    condition=Q(measure__isnull=False),
                                    name="comparatorvalue_unique_measure"),
        ]

    def __str__(self):
        return f"{self.comparator} {self.value} ({self.period})"

    def save(self, *args, **kwargs):
        if not isinstance(self.period, Period):
            raise ValidationError({"period": "A comparator value needs a period such as "
                                             "“2017-18” or “Q2 2017-18”."})
        self.period_end = self.period.end
        super().save(*args, **kwargs)


class ReportEdition(Provenance):
    """One edition of an outcome's monitoring report, e.g. "Safe, January 2018"."""

    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="editions")
    edition = models.DateField(help_text="First day of the edition's month.")
    title = models.CharField(max_length=300, blank=True)
    meeting = models.ForeignKey("committees.Meeting", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="report_editions")
    stated_indicator_count = models.PositiveIntegerField(null=True, blank=True)
    stated_measure_count = models.PositiveIntegerField(null=True, blank=True)
    stated_risk_count = models.PositiveIntegerField(null=True, blank=True)
    key = models.JSONField(default=dict, blank=True,
                           help_text="The report's key: each printed word and its meaning.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["outcome", "-edition"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "edition"], name="edition_unique"),
        ]

    def __str__(self):
        return f"{self.outcome}, {self.edition:%B %Y}"


class StatedJudgement(ObservedThing, Provenance):
    """What a report edition printed for an indicator or measure, kept exactly as stated so
    it can be checked against the data."""

    edition = models.ForeignKey(ReportEdition, on_delete=models.CASCADE,
                                related_name="stated_judgements")
    code = models.CharField(max_length=30, blank=True, help_text="Code as printed.")
    latest_text = models.CharField(max_length=300, blank=True)
    latest_value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    latest_period = PeriodField(blank=True, null=True)
    latest_period_text = models.CharField(max_length=100, blank=True)
    previous_text = models.CharField(max_length=300, blank=True)
    previous_value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    previous_period = PeriodField(blank=True, null=True)
    previous_period_text = models.CharField(max_length=100, blank=True)
    trend_text = models.CharField(max_length=200, blank=True)
    trend_printed = models.CharField(max_length=50, blank=True,
                                     help_text='The trend word as printed, e.g. "Unchanged".')
    trend = models.CharField(max_length=20, choices=StatedTrend.choices, blank=True)
    trend_rag = models.CharField(max_length=10, choices=RAG_CHOICES, blank=True)
    benchmark_text = models.CharField(max_length=300, blank=True)
    benchmark_printed = models.CharField(max_length=50, blank=True,
                                         help_text='The benchmark word as printed.')
    benchmark_comparator = models.ForeignKey(Comparator, null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="+")
    benchmark = models.CharField(max_length=20, choices=StatedBenchmark.choices, blank=True)
    benchmark_value = models.DecimalField(max_digits=20, decimal_places=6, null=True,
                                          blank=True)
    benchmark_period = PeriodField(blank=True, null=True)
    benchmark_period_text = models.CharField(max_length=100, blank=True)
    benchmark_rag = models.CharField(max_length=10, choices=RAG_CHOICES, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            xor_constraint("statedjudgement_indicator_xor_measure"),
            models.UniqueConstraint(fields=["edition", "indicator"],
                                    condition=Q(indicator__isnull=False),
                                    name="stated_unique_indicator"),
            models.UniqueConstraint(fields=["edition", "measure"],
                                    condition=Q(measure__isnull=False),
                                    name="stated_unique_measure"),
        ]

    def __str__(self):
        return f"{self.subject} in {self.edition}: {self.trend_text} {self.benchmark_text}"


class Commentary(ObservedThing, Provenance):
    """Narrative beside an indicator: story behind the baseline, partners, what we are doing."""

    indicator = models.ForeignKey(PopulationIndicator, null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="commentaries")
    measure = models.ForeignKey(PerformanceMeasure, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="commentaries")

    kind = models.CharField(max_length=20, choices=CommentaryKind.choices)
    edition = models.ForeignKey(ReportEdition, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="commentaries")
    written_on = models.DateField(null=True, blank=True)
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "commentaries"
        ordering = ["-edition__edition", "kind"]
        constraints = [
            xor_constraint("commentary_indicator_xor_measure"),
            models.UniqueConstraint(fields=["indicator", "edition", "kind"],
                                    condition=Q(indicator__isnull=False),
                                    name="commentary_unique_indicator"),
            models.UniqueConstraint(fields=["measure", "edition", "kind"],
                                    condition=Q(measure__isnull=False),
                                    name="commentary_unique_measure"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"


class FocusSuggestion(Provenance):
    """An indicator, measure or risk a report edition suggested for the committee's focus."""

    edition = models.ForeignKey(ReportEdition, on_delete=models.CASCADE,
                                related_name="focus_suggestions")
    kind = models.CharField(max_length=20, choices=FocusKind.choices)
    text = models.CharField(max_length=500, help_text="As printed.")
    reason = models.TextField(blank=True)
    indicator = models.ForeignKey(PopulationIndicator, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    measure = models.ForeignKey(PerformanceMeasure, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    risk_code = models.CharField(max_length=20, blank=True,
                                 help_text="Register code of the risk suggested, e.g. 14b.")
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind", "text"],
                                    name="focus_unique_text"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for focus: {self.text}"

    @property
    def risk(self):
        from scrutinydesk.risks.models import Risk

        return Risk.objects.filter(code=self.risk_code).first() if self.risk_code else None


class BoardEntry(models.Model):
    """The performance board's answers for one outcome and service area: what is going
    well, what we are worried about, what we are doing about it. Written by officers from
    what the data assemble (``outcomes.board``); the history keeps every version."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="board_entries")
    service_area = models.CharField(max_length=200,
                                    help_text='e.g. "Children\'s social care"; '
                                              '"All services" for the whole outcome.')
    going_well = models.TextField("What is going well", blank=True)
    worried_about = models.TextField("What we are worried about", blank=True)
    doing_about_it = models.TextField("What we are doing about it", blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "board entries"
        ordering = ["outcome", "service_area"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "service_area"],
                                    name="board_entry_unique_area"),
        ]

    def __str__(self):
        return f"{self.outcome}: {self.service_area}"
