"""Papers and people shared by every app: the council, where each record came from, and
officers."""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from . import visibility
from .names import clean_person_name, normalise_person_name
from .vocab import MediaType, PaperKind

_COUNCIL_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:london|royal)\s+borough\s+of\s+|city\s+of\s+|council\s+of\s+(?:the\s+)?)"
    r"|\s+(?:county|borough|city|district|metropolitan\s+borough|unitary)?\s*council$", re.I)


def area_of(council_name: str) -> str:
    """The area a council serves, as papers name its own series: "Dorset County Council"
    → "Dorset", "London Borough of Brent" → "Brent"."""
    name = " ".join((council_name or "").split())
    return _COUNCIL_WORDS.sub("", name).strip() or name


class CouncilManager(models.Manager):
    def named(self, printed: str) -> "Council | None":
        """The council a paper's heading names ("Dorset County Council"), recorded the
        first time it is seen; None for a blank heading."""
        name = " ".join((printed or "").split())[:200]
        if not name:
            return None
        found = self.filter(name__iexact=name).first()
        if found is None:
            found = self.create(name=name)
        return found


class Council(models.Model):
    """A council whose committees, councillors, officers and outcomes are recorded."""

    name = models.CharField(max_length=200, unique=True,
                            help_text="As its papers print it, e.g. “Dorset County Council”.")
    short_name = models.CharField(
        max_length=100, blank=True,
        help_text="The area's name, as reports name the council's own figures, e.g. “Dorset”.")
    slug = models.SlugField(max_length=200, unique=True)
    objects = CouncilManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.short_name:
            self.short_name = area_of(self.name)[:100]
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    @property
    def area_names(self) -> set[str]:
        """Lower-case names a paper may give the council's own series."""
        return {n.casefold() for n in (self.name, self.short_name) if n}


class SourceDocument(models.Model):
    """A paper Scrutiny Desk has imported: an agenda pack, a meeting page, a report.

    Identified by the SHA-256 of its bytes, so importing the same file again is a no-op.
    """

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=255, help_text="File name as imported.")
    title = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=32, choices=PaperKind.choices, default=PaperKind.OTHER)
    media_type = models.CharField(max_length=100, choices=MediaType.choices,
                                  default=MediaType.TEXT)
    size_bytes = models.PositiveBigIntegerField(default=0)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    file = models.FileField(upload_to="papers/%Y/", blank=True)
    text = models.TextField(blank=True, help_text="The text the parsers read.")
    parser_version = models.CharField(max_length=32, blank=True)
    warnings = models.JSONField(
        default=list, blank=True,
        help_text="What the import could not settle on its own (e.g. an ambiguous match).")
    accounting = models.JSONField(
        default=dict, blank=True,
        help_text="What became of each figure printed in the paper: how many were read, "
                  "set aside by a named rule, and the unread ones with page, line and text.")
    published_on = models.DateField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    objects = visibility.SourceDocumentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["text", "accounting"])

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = "source paper"

    def __str__(self):
        return self.title or self.name


class ProvenanceQuerySet(models.QuerySet):
    """Records read from papers, by whether a person has confirmed them."""

    def unconfirmed(self):
        """Read from a paper and not yet confirmed by a person."""
        return self.filter(source__isnull=False, confirmed_at__isnull=True)

    def confirmed(self):
        return self.exclude(source__isnull=False, confirmed_at__isnull=True)


class Provenance(models.Model):
    """Where an imported record came from: its paper and page, and whether a person has
    confirmed it. Records typed in by hand have no source."""

    source = models.ForeignKey(
        SourceDocument, null=True, blank=True, on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_set",
        help_text="The paper this record was read from.",
    )
    source_page = models.PositiveIntegerField(null=True, blank=True,
                                              help_text="First page in the paper.")
    source_page_end = models.PositiveIntegerField(
        null=True, blank=True,
        help_text="Last page, when the record spans pages or only a range is known.")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def machine_extracted(self) -> bool:
        return self.source_id is not None and self.confirmed_at is None

    @property
    def source_pages(self) -> str:
        if self.source_page is None:
            return ""
        if self.source_page_end and self.source_page_end != self.source_page:
            return f"pp. {self.source_page}–{self.source_page_end}"
        return f"p. {self.source_page}"


class PersonName(models.Model):
    """A person known by name; ``name_key`` matches the same person across papers."""

    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_person_name(self.name) or self.name
        self.name_key = normalise_person_name(self.name)
        super().save(*args, **kwargs)


class Officer(PersonName, Provenance):
    """A council or partner officer: a lead officer, a report author, an undertaking's owner.
    Unique by name within the council whose papers name them."""

    council = models.ForeignKey(Council, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="officers")
    job_title = models.CharField(max_length=300, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=50, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name_key"],
                                    name="officer_unique_name_in_council"),
            models.UniqueConstraint(fields=["name_key"], condition=Q(council__isnull=True),
                                    name="officer_unique_name_without_council"),
        ]

    def __str__(self):
        return f"{self.name} ({self.job_title})" if self.job_title else self.name
