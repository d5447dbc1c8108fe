"""The search index: one row per searchable record, with the words it is found by."""

from django.db import models

from scrutinydesk.core import visibility


class EntryKind(models.TextChoices):
    MINUTE = "minute", "Minutes"
    DECISION = "decision", "Decision"
    UNDERTAKING = "undertaking", "Undertaking"
    REPORT = "report", "Officer's report"
    PAPER = "paper", "Paper"
    COMMENTARY = "commentary", "Commentary"
    ACTION_PLAN = "action_plan", "Action plan"
    SECTION = "section", "Report section"


class Entry(models.Model):
    """A record as search finds it. ``exempt`` is set from what the public may see of the
    record (``core.visibility``); ``Entry.objects.visible_to(user)`` leaves exempt entries
    out for the public."""

    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    record_id = models.PositiveBigIntegerField()
    committee = models.ForeignKey("committees.Committee", null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="+")
    date = models.DateField(null=True, blank=True)
    title = models.CharField(max_length=1000)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    exempt = models.BooleanField(default=False)
    objects = visibility.SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entries"
        constraints = [models.UniqueConstraint(fields=["kind", "record_id"],
                                               name="search_entry_unique_record")]
        indexes = [models.Index(fields=["kind", "date"], name="search_entry_kind_date")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"
