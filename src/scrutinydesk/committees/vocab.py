"""Vocabularies of committee business."""

from django.db import models


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chairman"
    VICE_CHAIR = "vice_chair", "Vice-Chairman"
    MEMBER = "member", "Member"
    CO_OPTED = "co_opted", "Co-opted member"
    SUBSTITUTE = "substitute", "Substitute"
    RESERVE = "reserve", "Reserve member"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    SUBSTITUTE = "substitute", "Present as substitute"
    NOT_RECORDED = "not_recorded", "Not recorded"


class AttendeeKind(models.TextChoices):
    COMMITTEE_MEMBER = "committee_member", "Committee member"
    OTHER_MEMBER = "other_member", "Other councillor attending"
    OFFICER = "officer", "Officer"
    OTHER = "other", "Other attendee"


class DeclarationKind(models.TextChoices):
    DISCLOSABLE_PECUNIARY = "dpi", "Disclosable pecuniary interest"
    OTHER_REGISTRABLE = "other_registrable", "Other registrable interest"
    NON_REGISTRABLE = "non_registrable", "Non-registrable interest"
    OTHER = "other", "Other interest"


class DecisionKind(models.TextChoices):
    RECOMMENDED = "recommended", "Recommended"
    RESOLVED = "resolved", "Resolved"
    NOTED = "noted", "Noted"
    AGREED = "agreed", "Agreed"


class UndertakingStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "No longer needed"


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", "Agenda"
    MINUTES = "minutes", "Minutes"
    REPORT = "report", "Report"
    APPENDIX = "appendix", "Appendix"
    MONITORING_REPORT = "monitoring_report", "Outcomes monitoring report"
    ACTION_PLAN = "action_plan", "Action plan"
    WORK_PROGRAMME = "work_programme", "Work programme"
    OTHER = "other", "Other"


class WorkProgrammeStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed for review"
    SCHEDULED = "scheduled", "Scheduled"
    UNDER_REVIEW = "under_review", "Under scrutiny review"
    COMPLETED = "completed", "Completed"
    DROPPED = "dropped", "Not included"


class PrioritisationAnswer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    POSSIBLY = "possibly", "Possibly"


class Priority(models.TextChoices):
    HIGH = "high", "Include in the scrutiny work programme (high priority)"
    LOWER = "lower", "Consider (lower priority)"
    DO_NOT_INCLUDE = "do_not_include", "Do not include"
