"""Action plans (e.g. the SEND Written Statement of Action): priorities, actions,
milestones and progress, with status and RAG rating."""

from django.db import models
from simple_history.models import HistoricalRecords

from scrutinydesk.core.models import Provenance
from scrutinydesk.core.vocab import RAG_CHOICES

from .vocab import STATUS_RAG, ActionStatus


class ActionPlan(Provenance):
    """A plan of actions the committee monitors."""

    title = models.CharField(max_length=500)
    owner = models.CharField(max_length=300, blank=True,
                             help_text="Organisation(s) responsible, e.g. Dorset County Council "
                                       "and NHS Dorset CCG.")
    committee = models.ForeignKey("committees.Committee", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="action_plans")
    meeting = models.ForeignKey("committees.Meeting", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="action_plans")
    outcome = models.ForeignKey("outcomes.Outcome", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="action_plans")
    published_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["title", "published_on"],
                                    name="actionplan_unique_title_date"),
        ]

    def __str__(self):
        return self.title

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for status in self.actions.values_list("status", flat=True):
            counts[status] = counts.get(status, 0) + 1
        return counts


class Priority(Provenance):
    """A numbered priority or area of weakness that groups actions."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="priorities")
    number = models.CharField(max_length=20, blank=True)
    title = models.CharField(max_length=1000)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "priorities"
        ordering = ["plan", "position"]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title


class Action(Provenance):
    """One action: what, by when, how success is measured, who leads, and how it stands."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="actions")
    number = models.CharField(max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    timescale = models.CharField(max_length=200, blank=True, help_text="As printed.")
    due = models.DateField(null=True, blank=True)
    measures_of_success = models.TextField(blank=True)
    lead = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    rag = models.CharField(max_length=10, choices=RAG_CHOICES, blank=True)
    progress = models.TextField(blank=True)
    success_indicator = models.ForeignKey(
        "outcomes.PopulationIndicator", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="actions",
        help_text="The population indicator its measures of success are judged by.")
    success_measure = models.ForeignKey(
        "outcomes.PerformanceMeasure", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="actions",
        help_text="The performance measure its measures of success are judged by.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self):
        return f"{self.number} {self.text[:80]}".strip()

    @property
    def rag_rating(self) -> str:
        """The RAG given, else the one its status carries."""
        if self.rag:
            return self.rag
        return STATUS_RAG.get(self.status, "") if self.status else ""


class Milestone(Provenance):
    """A dated step of an action, e.g. "Final Strategy published (Dec 17)" – On target."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    text = models.TextField()
    due_text = models.CharField(max_length=100, blank=True)
    due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "position"]

    def __str__(self):
        return self.text[:100]


class ProgressUpdate(Provenance):
    """A dated report of progress on an action."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    reported_on = models.DateField()
    text = models.TextField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    rag = models.CharField(max_length=10, choices=RAG_CHOICES, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-reported_on"]

    def __str__(self):
        return f"{self.action.number} {self.reported_on}: {self.text[:60]}"
