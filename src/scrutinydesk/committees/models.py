"""Committee business: committees and members, meetings and their agendas, papers, minutes
(attendance, declarations, decisions), undertakings, and the work programme."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from scrutinydesk.core import visibility
from scrutinydesk.core.models import Officer, PersonName, Provenance

from .prioritisation import priority_from_answers
from .vocab import (
    AttendanceStatus,
    AttendeeKind,
    DecisionKind,
    DeclarationKind,
    DocumentKind,
    MeetingStatus,
    MembershipRole,
    Priority,
    UndertakingStatus,
    WorkProgrammeStatus,
)


class Committee(Provenance):
    """An overview and scrutiny committee (or any committee whose business is recorded).
    Two councils may each have a committee of the same name; its slug tells them apart."""

    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True)
    council = models.ForeignKey("core.Council", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="committees")
    remit = models.TextField(blank=True)
    contact = models.CharField(max_length=500, blank=True)
    lead_officer = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name"],
                                    name="committee_unique_name_in_council"),
            models.UniqueConstraint(fields=["name"], condition=Q(council__isnull=True),
                                    name="committee_unique_name_without_council"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            slug = slugify(self.name)[:300]
            taken = Committee.objects.filter(slug=slug).exclude(pk=self.pk).exists()
            if taken and self.council_id:
                slug = slugify(f"{self.name} {self.council.short_name}")[:300]
            self.slug = slug
        super().save(*args, **kwargs)


class Member(PersonName, Provenance):
    """A councillor, unique by name within their council."""

    council = models.ForeignKey("core.Council", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="members")
    honorific = models.CharField(max_length=30, blank=True, default="Cllr")
    party = models.CharField(max_length=100, blank=True)
    division = models.CharField(max_length=200, blank=True, help_text="Ward or division.")
    email = models.EmailField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name_key"],
                                    name="member_unique_name_in_council"),
            models.UniqueConstraint(fields=["name_key"], condition=Q(council__isnull=True),
                                    name="member_unique_name_without_council"),
        ]


class Membership(Provenance):
    """A member's seat on a committee, with role and dates."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE,
                                  related_name="memberships")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=MembershipRole.choices,
                            default=MembershipRole.MEMBER)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["committee", "role", "member__name"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "member", "role", "start"],
                                    name="membership_unique"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(start__isnull=True)
                                   | Q(end__gte=models.F("start")),
                                   name="membership_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.member} – {self.get_role_display()}, {self.committee}"

    def current_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Meeting(Provenance):
    """A meeting of a committee."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=20, choices=MeetingStatus.choices,
                              default=MeetingStatus.SCHEDULED)
    contact = models.CharField(max_length=500, blank=True)
    note = models.TextField(blank=True, help_text='e.g. "Note: revised start time".')
    published_on = models.DateField(null=True, blank=True)
    chaired_by = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    declarations_none = models.BooleanField(
        default=False, help_text="The minutes record that no interests were declared.")
    minutes_confirmed_on = models.DateField(
        null=True, blank=True, help_text="Date of the meeting that confirmed these minutes.")
    objects = visibility.MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-start_time"]
        get_latest_by = "date"
        constraints = [
            models.UniqueConstraint(fields=["committee", "date"], name="meeting_unique_date"),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=True)
                | Q(end_time__gte=models.F("start_time")),
                name="meeting_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.committee}, {self.date:%-d %B %Y}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED


class AgendaItem(Provenance):
    """An item on a meeting's agenda, with what the minutes record of it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(max_length=20, blank=True, help_text='As printed: "5", "4a".')
    minute_number = models.CharField(max_length=20, blank=True,
                                     help_text="Minute number, where minutes are numbered.")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=1000)
    description = models.TextField(blank=True)
    page_start = models.PositiveIntegerField(null=True, blank=True)
    page_end = models.PositiveIntegerField(null=True, blank=True)
    part = models.PositiveSmallIntegerField(default=1, help_text="1 public; 2 confidential.")
    exempt = models.BooleanField(default=False)
    exempt_paragraph = models.CharField(
        max_length=50, blank=True,
        help_text="Paragraph of Schedule 12A to the Local Government Act 1972.")
    minutes = models.TextField(blank=True)
    objects = visibility.AgendaItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(page_end__isnull=True) | Q(page_start__isnull=True)
                                   | Q(page_end__gte=models.F("page_start")),
                                   name="agendaitem_pages_in_order"),
            models.CheckConstraint(condition=Q(exempt=True) | Q(exempt_paragraph=""),
                                   name="agendaitem_paragraph_only_if_exempt"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title

    def save(self, *args, **kwargs):
        if self.part == 2:
            self.exempt = True
        super().save(*args, **kwargs)


class Document(Provenance):
    """A paper for a meeting, with its report cover sheet where it has one."""

    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="documents")
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="documents")
    kind = models.CharField(max_length=30, choices=DocumentKind.choices,
                            default=DocumentKind.REPORT)
    title = models.CharField(max_length=1000)
    file = models.FileField(upload_to="documents/%Y/", blank=True)
    link_text = models.CharField(max_length=300, blank=True,
                                 help_text='e.g. "PDF 179 KB" as shown on the meeting page.')
    pages = models.PositiveIntegerField(null=True, blank=True)
    exempt = models.BooleanField(default=False)
    # Report cover sheet
    date_of_meeting = models.DateField(null=True, blank=True)
    officer = models.TextField(blank=True)
    subject = models.CharField(max_length=1000, blank=True)
    executive_summary = models.TextField(blank=True)
    equalities_impact = models.TextField(blank=True)
    use_of_evidence = models.TextField(blank=True)
    budget = models.TextField(blank=True)
    risk_assessment = models.TextField(blank=True)
    risk_current = models.CharField(max_length=20, blank=True)
    risk_residual = models.CharField(max_length=20, blank=True)
    other_implications = models.TextField(blank=True)
    recommendation = models.TextField(blank=True)
    reason_for_recommendation = models.TextField(blank=True)
    appendices = models.TextField(blank=True)
    background_papers = models.TextField(blank=True)
    contact_name = models.CharField(max_length=300, blank=True)
    contact_phone = models.CharField(max_length=100, blank=True)
    contact_email = models.EmailField(blank=True)
    objects = visibility.DocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "agenda_item__position", "source_page"]

    def __str__(self):
        return self.title


class Attendance(Provenance):
    """Who attended a meeting, and in what capacity."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    kind = models.CharField(max_length=20, choices=AttendeeKind.choices,
                            default=AttendeeKind.COMMITTEE_MEMBER)
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="attendance")
    officer = models.ForeignKey(Officer, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="attendance")
    name = models.CharField(max_length=200, blank=True, help_text="For other attendees.")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices,
                              default=AttendanceStatus.PRESENT)
    capacity = models.CharField(max_length=300, blank=True,
                                help_text='e.g. "Chairman", "Cabinet Member for Safeguarding".')
    substitute_for = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="substituted_by")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "attendance"
        ordering = ["meeting", "kind", "status"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind__in=["committee_member", "other_member"], member__isnull=False,
                             officer__isnull=True)
                           | Q(kind="officer", officer__isnull=False, member__isnull=True)
                           | Q(kind="other", member__isnull=True, officer__isnull=True)
                           & ~Q(name="")),
                name="attendance_person_matches_kind"),
            models.CheckConstraint(
                condition=Q(substitute_for__isnull=True) | Q(status="substitute"),
                name="attendance_substitute_status"),
            models.UniqueConstraint(fields=["meeting", "member"], condition=Q(member__isnull=False),
                                    name="attendance_unique_member"),
            models.UniqueConstraint(fields=["meeting", "officer"],
                                    condition=Q(officer__isnull=False),
                                    name="attendance_unique_officer"),
        ]

    @property
    def person(self):
        return self.member or self.officer or self.name

    def __str__(self):
        return f"{self.person}: {self.get_status_display()} ({self.meeting})"


class Declaration(Provenance):
    """An interest a member declared at a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="declarations")
    kind = models.CharField(max_length=20, choices=DeclarationKind.choices,
                            default=DeclarationKind.OTHER)
    interest = models.TextField(blank=True)
    objects = visibility.ExemptItemChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "member__name"]

    def __str__(self):
        return f"{self.member}: {self.get_kind_display()} ({self.meeting})"


class Decision(Provenance):
    """What a committee decided on an item: Recommended (to whom), Resolved, Noted, Agreed."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="decisions")
    kind = models.CharField(max_length=20, choices=DecisionKind.choices)
    number = models.CharField(max_length=20, blank=True,
                              help_text='Numbered part of a decision, e.g. "1", "ii".')
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(blank=True)
    reason = models.TextField(blank=True, help_text="Reason for decision.")
    recipient = models.CharField(max_length=200, blank=True,
                                 help_text='For a recommendation: to whom, e.g. "Cabinet".')
    objects = visibility.ExemptItemChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "agenda_item__position", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(kind="recommended") | Q(recipient=""),
                                   name="decision_recipient_only_for_recommendations"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:80]}"


OUTSTANDING = (UndertakingStatus.OPEN, UndertakingStatus.IN_PROGRESS)


def _overdue_q(today: date) -> Q:
    """Outstanding and past its due date: the one rule of overdue (docs/methodology.md)."""
    return Q(status__in=OUTSTANDING, due__isnull=False, due__lt=today)


class UndertakingQuerySet(visibility.ExemptItemChildQuerySet):
    """Undertakings through the visibility layer, with what is outstanding and overdue."""

    def outstanding(self):
        return self.filter(status__in=OUTSTANDING)

    def overdue(self, today: date | None = None):
        return self.filter(_overdue_q(today or date.today()))

    def not_overdue(self, today: date | None = None):
        return self.exclude(_overdue_q(today or date.today()))


class Undertaking(Provenance):
    """Something an officer or member undertook to do at a meeting ("X undertook to ...")."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="undertakings")
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="undertakings")
    owner = models.CharField(max_length=300, help_text="Who undertook it, as minuted.")
    owner_officer = models.ForeignKey(Officer, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="undertakings")
    owner_member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="undertakings")
    text = models.TextField(help_text="What they undertook to do.")
    due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=UndertakingStatus.choices,
                              default=UndertakingStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    objects = UndertakingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "agenda_item__position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(completed_on__isnull=True) | Q(status="done"),
                                   name="undertaking_completed_only_if_done"),
        ]

    def __str__(self):
        return f"{self.owner}: {self.text[:80]}"

    def is_overdue(self, today: date | None = None) -> bool:
        """Open past its due date. The one place overdue is decided."""
        today = today or date.today()
        return self.status in OUTSTANDING and self.due is not None and self.due < today


class WorkProgrammeItem(Provenance):
    """A topic on the committee's work programme or forward plan, with its prioritisation."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE,
                                  related_name="work_programme")
    topic = models.CharField(max_length=1000)
    purpose = models.TextField(blank=True, help_text="Item / purpose.")
    key_lines_of_enquiry = models.TextField(blank=True)
    lead = models.CharField(max_length=300, blank=True, help_text="Lead member / officer.")
    corporate_plan_reference = models.CharField(max_length=300, blank=True)
    target_meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="work_programme_items")
    target_date = models.DateField(null=True, blank=True)
    target_end_date = models.DateField(null=True, blank=True)
    category = models.CharField(max_length=200, blank=True,
                                help_text='Heading it was listed under, e.g. "Topics currently '
                                          'under Scrutiny Review".')
    status = models.CharField(max_length=20, choices=WorkProgrammeStatus.choices,
                              default=WorkProgrammeStatus.PROPOSED)
    prioritisation = models.JSONField(
        default=dict, blank=True,
        help_text='Answers to the prioritisation questions, e.g. {"q1": "yes", ...}.')
    priority_decided = models.CharField(
        max_length=20, choices=Priority.choices, blank=True,
        help_text="A priority the committee decided, where it differs from the methodology.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["committee", "target_date", "topic"]

    def __str__(self):
        return self.topic

    @property
    def priority(self):
        """The decided priority, else what the methodology gives (with its reason)."""
        computed, reason = priority_from_answers(self.prioritisation or {})
        if self.priority_decided:
            return Priority(self.priority_decided), "Decided by the committee."
        return computed, reason


class ReportSection(Provenance):
    """A section of a long report (a self-evaluation), as its contents list gives it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(max_length=20, blank=True, help_text='As listed: "4.5", "4.5c".')
    title = models.CharField(max_length=500)
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(blank=True)
    objects = visibility.ReportSectionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "position"],
                                               name="one_section_per_position")]

    def __str__(self):
        return f"{self.number} {self.title}".strip()


class QuotedFigure(Provenance):
    """A figure a report's section quotes, matched by its wording to an indicator or a
    measure. Kept beside the indicator's data, never as one of its observations."""

    section = models.ForeignKey(ReportSection, on_delete=models.CASCADE,
                                related_name="quoted_figures")
    indicator = models.ForeignKey("outcomes.PopulationIndicator", null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="quoted_figures")
    measure = models.ForeignKey("outcomes.PerformanceMeasure", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="quoted_figures")
    value = models.DecimalField(max_digits=20, decimal_places=6)
    value_text = models.CharField(max_length=100, help_text='As printed: "41 per 10,000".')
    unit = models.CharField(max_length=20, blank=True)
    sentence = models.TextField()
    period_text = models.CharField(max_length=100, blank=True,
                                   help_text="The period, where the sentence prints one.")
    score = models.DecimalField(max_digits=4, decimal_places=3, default=0,
                                help_text="Share of the title's words the sentence has.")
    objects = visibility.QuotedFigureQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["section__document", "section__position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(indicator__isnull=False, measure__isnull=True)
                | Q(indicator__isnull=True, measure__isnull=False),
                name="quoted_figure_of_one_subject"),
            models.UniqueConstraint(fields=["section", "value_text", "indicator", "measure"],
                                    name="one_quote_per_figure_and_subject"),
        ]

    def __str__(self):
        return f"{self.value_text} — {self.section}"
