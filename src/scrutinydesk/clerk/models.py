"""What the clerk's desk keeps beside committee business: agenda packs it published and
the imports of papers a clerk attached to a meeting."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from scrutinydesk.committees.models import Document, Meeting
from scrutinydesk.core import visibility
from scrutinydesk.core.models import SourceDocument


class AgendaPack(models.Model):
    """A meeting's agenda pack as published: the public pack, or the members' pack that
    also holds the exempt papers."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_packs")
    members_only = models.BooleanField(
        default=False, help_text="The members' pack, with the exempt (Part 2) papers.")
    file = models.FileField(upload_to="agenda-packs/%Y/")
    page_count = models.PositiveIntegerField()
    item_pages = models.JSONField(
        default=dict, blank=True,
        help_text='The pages its agenda prints for each item: {"item id": [first, last]}.')
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    objects = visibility.AgendaPackQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "members_only"]
        constraints = [models.UniqueConstraint(fields=["meeting", "members_only"],
                                               name="agendapack_one_per_audience")]

    def __str__(self):
        audience = "members' pack" if self.members_only else "agenda pack"
        return f"{self.meeting}: {audience}"

    @property
    def filename(self) -> str:
        suffix = "-members" if self.members_only else ""
        return f"{self.meeting.committee.slug}-{self.meeting.date:%Y-%m-%d}-agenda-pack{suffix}.pdf"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be imported"
    IMPORTED = "imported", "Imported"
    ALREADY_IMPORTED = "already_imported", "Already imported"
    REJECTED = "rejected", "Could not be imported"


class AttachmentImport(models.Model):
    """The import of a paper a clerk attached to a meeting, done by the task worker."""

    document = models.OneToOneField(Document, on_delete=models.CASCADE,
                                    related_name="attachment_import")
    status = models.CharField(max_length=20, choices=ImportStatus.choices,
                              default=ImportStatus.QUEUED)
    paper = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", help_text="The paper the import made.")
    error = models.TextField(blank=True)
    created = models.PositiveIntegerField(default=0, help_text="Records the import created.")
    queued_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    objects = visibility.AttachmentImportQuerySet.as_manager()

    def __str__(self):
        return f"{self.document}: {self.get_status_display()}"
