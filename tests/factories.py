"""Small helpers that create valid example objects, for tests (and for anyone writing one).

Each ``make_<model>(**overrides)`` saves and returns one valid instance. Related objects it
needs are created too unless passed in. Names, codes and dates carry a counter, so calling a
helper twice never breaks a uniqueness constraint. ``EXAMPLES`` maps each model to its helper.

    >>> indicator = make_indicator(title="Rate of first-time entrants", unit=Unit.PER_100000)
    >>> make_observation(indicator=indicator, period="Q2 2017-18", value=123)
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import date, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from scrutinydesk.actionplans.models import (
    Action,
    ActionPlan,
    Milestone,
    Priority,
    ProgressUpdate,
)
from scrutinydesk.actionplans.vocab import ActionStatus
from scrutinydesk.committees.models import (
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Declaration,
    Document,
    Meeting,
    Member,
    Membership,
    QuotedFigure,
    ReportSection,
    Undertaking,
    WorkProgrammeItem,
)
from scrutinydesk.committees.vocab import (
    AttendanceStatus,
    AttendeeKind,
    DecisionKind,
    MembershipRole,
)
from scrutinydesk.core.models import Council, Officer, SourceDocument
from scrutinydesk.core.periods import Period
from scrutinydesk.core.vocab import PaperKind, Unit
from scrutinydesk.findings.models import Finding, FindingKind
from scrutinydesk.ingest.models import Correction, CorrectionKind, PaperReview
from scrutinydesk.outcomes.models import (
    BoardEntry,
    Commentary,
    Comparator,
    ComparatorValue,
    FocusSuggestion,
    IndicatorAlias,
    Observation,
    Outcome,
    PerformanceMeasure,
    PopulationIndicator,
    ReportEdition,
    StatedJudgement,
)
from scrutinydesk.outcomes.vocab import CommentaryKind, ComparatorKind, FocusKind
from scrutinydesk.risks.models import Risk, RiskAssessment
from scrutinydesk.risks.vocab import RiskLevel, RiskTrend

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def _letters(n: int) -> str:
    """A counter in letters ("Ab", "Ac" ...): person-name keys ignore digits."""
    word = ""
    while True:
        n, rest = divmod(n, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[rest] + word
        if not n:
            return word.capitalize()


def _period(value) -> Period:
    return value if isinstance(value, Period) else Period.parse(value)


# --- people and papers ------------------------------------------------------------------
def make_user(username: str | None = None, *, superuser: bool = False, **kw):
    n = _n()
    User = get_user_model()
    username = username or f"user{n}"
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", "pw-12345!",
                                             **kw)
    return User.objects.create_user(username, f"{username}@example.org", "pw-12345!", **kw)


def make_source_document(**kw) -> SourceDocument:
    n = _n()
    text = kw.pop("text", f"Agenda pack number {n}\nPage 1\n")
    fields = {
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "name": f"agenda-pack-{n}.txt",
        "title": f"Agenda pack {n}",
        "kind": PaperKind.AGENDA_PACK,
        "size_bytes": len(text.encode()),
        "page_count": 12,
        "text": text,
        **kw,
    }
    return SourceDocument.objects.create(**fields)


def make_officer(**kw) -> Officer:
    n = _n()
    return Officer.objects.create(**{"name": f"Alex {_letters(n)}ford",
                                     "job_title": "Head of Safeguarding", **kw})


def make_member(**kw) -> Member:
    n = _n()
    return Member.objects.create(**{"name": f"Sam {_letters(n)}ton", "party": "Independent",
                                    **kw})


# --- outcomes framework -----------------------------------------------------------------
def make_outcome(**kw) -> Outcome:
    n = _n()
    return Outcome.objects.create(**{"name": f"Safe {n}", "code_prefix": "SAFE",
                                     "sponsor": "Jo Sponsor", **kw})


def make_indicator(**kw) -> PopulationIndicator:
    n = _n()
    fields = {"code": f"SAFE {n:02d}", "number": n,
              "title": f"Rate of children subject to a plan, series {n}",
              "unit": Unit.PER_10000, "frequency": "", **kw}
    if "outcome" not in fields:
        fields["outcome"] = make_outcome()
    return PopulationIndicator.objects.create(**fields)


def make_measure(**kw) -> PerformanceMeasure:
    n = _n()
    fields = {"code": "", "title": f"Percentage of assessments on time, series {n}",
              "unit": Unit.PERCENT, **kw}
    if "outcome" not in fields:
        fields["outcome"] = fields["indicator"].outcome if fields.get("indicator") \
            else make_outcome()
    return PerformanceMeasure.objects.create(**fields)


def make_observation(**kw) -> Observation:
    """An indicator's observation; pass ``measure=`` (and ``indicator=None``) for a measure's."""
    fields = {"period": "2017-18", "value": Decimal("41.5"), **kw}
    fields["period"] = _period(fields["period"])
    if "indicator" not in fields and "measure" not in fields:
        fields["indicator"] = make_indicator()
    return Observation.objects.create(**fields)


def make_comparator(**kw) -> Comparator:
    n = _n()
    return Comparator.objects.create(**{"name": f"Statistical neighbours {n}",
                                        "kind": ComparatorKind.STATISTICAL_NEIGHBOURS, **kw})


def make_comparator_value(**kw) -> ComparatorValue:
    fields = {"period": "2016-17", "value": Decimal("43.1"), **kw}
    fields["period"] = _period(fields["period"])
    if "comparator" not in fields:
        fields["comparator"] = make_comparator()
    if "indicator" not in fields and "measure" not in fields:
        fields["indicator"] = make_indicator()
    return ComparatorValue.objects.create(**fields)


def make_report_edition(**kw) -> ReportEdition:
    n = _n()
    fields = {"edition": date(2000 + n // 12 % 100, n % 12 + 1, 1),
              "title": f"Outcomes Focused Monitoring Report {n}", **kw}
    if "outcome" not in fields:
        fields["outcome"] = make_outcome()
    return ReportEdition.objects.create(**fields)


def make_indicator_alias(**kw) -> IndicatorAlias:
    n = _n()
    fields = {"code": f"SAFE: {n:02d}", "title": f"Printed title {n}", **kw}
    if "indicator" not in fields and "measure" not in fields:
        fields["indicator"] = make_indicator()
    if "edition" not in fields:
        fields["edition"] = make_report_edition(outcome=fields["indicator"].outcome
                                                if fields.get("indicator") else make_outcome())
    return IndicatorAlias.objects.create(**fields)


def _with_subject_and_edition(fields: dict) -> dict:
    if "indicator" not in fields and "measure" not in fields:
        fields["indicator"] = make_indicator()
    if "edition" not in fields:
        subject = fields.get("indicator") or fields.get("measure")
        fields["edition"] = make_report_edition(outcome=subject.outcome if subject
                                                else make_outcome())
    return fields


def make_stated_judgement(**kw) -> StatedJudgement:
    fields = _with_subject_and_edition({
        "code": "SAFE: 01", "latest_text": "41.5 per 10,000 (2017-18)",
        "latest_value": Decimal("41.5"), "latest_period": Period.parse("2017-18"),
        "trend_text": "IMPROVING", "trend": "improving", "trend_rag": "green",
        "benchmark_text": "SIMILAR to statistical neighbours", "benchmark": "similar",
        "benchmark_rag": "amber", **kw})
    return StatedJudgement.objects.create(**fields)


def make_commentary(**kw) -> Commentary:
    fields = _with_subject_and_edition({
        "kind": CommentaryKind.STORY_BEHIND_BASELINE,
        "text": "The rate has fallen since the new front door opened.", **kw})
    return Commentary.objects.create(**fields)


def make_board_entry(**kw) -> BoardEntry:
    n = _n()
    fields = {"service_area": f"Children's social care {n}",
              "worried_about": "Re-referrals are rising.", **kw}
    if "outcome" not in fields:
        fields["outcome"] = make_outcome()
    return BoardEntry.objects.create(**fields)


def make_focus_suggestion(**kw) -> FocusSuggestion:
    n = _n()
    fields = {"kind": FocusKind.INDICATOR, "text": f"Suggested indicator {n}", **kw}
    if "edition" not in fields:
        fields["edition"] = make_report_edition()
    return FocusSuggestion.objects.create(**fields)


# --- risks ------------------------------------------------------------------------------
def make_risk(**kw) -> Risk:
    n = _n()
    return Risk.objects.create(**{"code": f"{n}b", "title": f"Inability to retain staff {n}",
                                  "owner": "Director of Children's Services", **kw})


def make_risk_assessment(**kw) -> RiskAssessment:
    n = _n()
    fields = {"assessed_on": date(2017, 1, 1) + timedelta(days=n), "level": RiskLevel.HIGH,
              "trend": RiskTrend.UNCHANGED, **kw}
    if "risk" not in fields:
        fields["risk"] = make_risk()
    return RiskAssessment.objects.create(**fields)


# --- committee business -----------------------------------------------------------------
def make_council(name: str = "Anyshire County Council", **kw) -> Council:
    """A council, found or recorded by its name."""
    council = Council.objects.named(name)
    for field, value in kw.items():
        setattr(council, field, value)
    if kw:
        council.save()
    return council


def make_committee(**kw) -> Committee:
    n = _n()
    council = kw.pop("council", "Anyshire County Council")  # a Council or its name
    if isinstance(council, str):
        council = Council.objects.named(council)
    return Committee.objects.create(**{"name": f"People and Safeguarding Committee {n}",
                                       "council": council, **kw})


def make_membership(**kw) -> Membership:
    fields = {"role": MembershipRole.MEMBER, "start": date(2017, 5, 4), **kw}
    if "committee" not in fields:
        fields["committee"] = make_committee()
    if "member" not in fields:
        fields["member"] = make_member()
    return Membership.objects.create(**fields)


def make_meeting(**kw) -> Meeting:
    n = _n()
    fields = {"date": date(2017, 1, 1) + timedelta(days=n), "start_time": time(10, 0),
              "end_time": None if "start_time" in kw else time(12, 30),
              "venue": "Committee Room 1, County Hall", **kw}
    if "committee" not in fields:
        fields["committee"] = make_committee()
    return Meeting.objects.create(**fields)


def make_agenda_item(**kw) -> AgendaItem:
    n = _n()
    fields = {"number": str(n), "position": n, "title": f"Agenda item {n}", "page_start": 5,
              "page_end": 12, **kw}
    if "meeting" not in fields:
        fields["meeting"] = make_meeting()
    return AgendaItem.objects.create(**fields)


def make_document(**kw) -> Document:
    n = _n()
    fields = {"title": f"Report of the Director {n}", "subject": "Modern slavery protocol",
              "recommendation": "That the committee notes the report.", **kw}
    if "meeting" not in fields:
        fields["meeting"] = make_meeting()
    return Document.objects.create(**fields)


def make_report_section(**kw) -> ReportSection:
    """A numbered section of a long report."""
    n = _n()
    fields = {"number": f"4.{n}", "title": f"Child protection plans {n}", "position": n,
              "text": "The rate of children subject to a child protection plan is 41 per "
                      "10,000.", **kw}
    if "document" not in fields:
        fields["document"] = make_document()
    return ReportSection.objects.create(**fields)


def make_quoted_figure(**kw) -> QuotedFigure:
    """A figure a report section quotes, matched to an indicator."""
    fields = {"value": Decimal("41"), "value_text": "41 per 10,000", "unit": "per_10000",
              "sentence": "The rate of children subject to a child protection plan is 41 "
                          "per 10,000.", **kw}
    if "section" not in fields:
        fields["section"] = make_report_section()
    if "indicator" not in fields and "measure" not in fields:
        fields["indicator"] = make_indicator()
    return QuotedFigure.objects.create(**fields)


def make_attendance(**kw) -> Attendance:
    """A committee member present, unless ``kind`` (and person) say otherwise."""
    fields = {"kind": AttendeeKind.COMMITTEE_MEMBER, "status": AttendanceStatus.PRESENT, **kw}
    if "meeting" not in fields:
        fields["meeting"] = make_meeting()
    kind = fields["kind"]
    if kind in (AttendeeKind.COMMITTEE_MEMBER, AttendeeKind.OTHER_MEMBER):
        if "member" not in fields:
            fields["member"] = make_member()
    elif kind == AttendeeKind.OFFICER and "officer" not in fields:
        fields["officer"] = make_officer()
    elif kind == AttendeeKind.OTHER and not fields.get("name"):
        fields["name"] = "A member of the public"
    return Attendance.objects.create(**fields)


def make_declaration(**kw) -> Declaration:
    fields = {"interest": "A relative works for the service.", **kw}
    if "meeting" not in fields:
        fields["meeting"] = make_meeting()
    if "member" not in fields:
        fields["member"] = make_member()
    return Declaration.objects.create(**fields)


def make_decision(**kw) -> Decision:
    fields = {"kind": DecisionKind.RESOLVED,
              "text": "That the committee's comments be passed to the Cabinet member.",
              "reason": "To inform the review.", **kw}
    if "meeting" not in fields:
        fields["meeting"] = make_meeting()
    return Decision.objects.create(**fields)


def make_undertaking(**kw) -> Undertaking:
    fields = {"owner": "The Head of Service", "text": "Circulate the protocol to members.",
              "due": date(2018, 3, 31), **kw}
    if "meeting" not in fields:
        fields["meeting"] = make_meeting()
    return Undertaking.objects.create(**fields)


def make_work_programme_item(**kw) -> WorkProgrammeItem:
    n = _n()
    fields = {"topic": f"Elective home education {n}", "lead": "Chairman",
              "target_date": date(2018, 6, 1), **kw}
    if "committee" not in fields:
        fields["committee"] = make_committee()
    return WorkProgrammeItem.objects.create(**fields)


# --- action plans -----------------------------------------------------------------------
def make_action_plan(**kw) -> ActionPlan:
    n = _n()
    return ActionPlan.objects.create(**{"title": f"Written Statement of Action {n}",
                                        "owner": "The council and the CCG",
                                        "published_on": date(2017, 9, 1), **kw})


def make_priority(**kw) -> Priority:
    n = _n()
    fields = {"number": str(n), "title": f"Priority {n}", "position": n, **kw}
    if "plan" not in fields:
        fields["plan"] = make_action_plan()
    return Priority.objects.create(**fields)


def make_action(**kw) -> Action:
    n = _n()
    fields = {"number": f"1.{n}", "position": n, "text": f"Publish the strategy, step {n}",
              "timescale": "Dec 17", "lead": "Head of SEN", "status": ActionStatus.ON_TARGET,
              **kw}
    if "plan" not in fields:
        fields["plan"] = fields["priority"].plan if fields.get("priority") \
            else make_action_plan()
    return Action.objects.create(**fields)


def make_milestone(**kw) -> Milestone:
    fields = {"text": "Final strategy published", "due_text": "Dec 17",
              "due": date(2017, 12, 31), "status": ActionStatus.ON_TARGET, **kw}
    if "action" not in fields:
        fields["action"] = make_action()
    return Milestone.objects.create(**fields)


def make_progress_update(**kw) -> ProgressUpdate:
    fields = {"reported_on": date(2017, 10, 12), "text": "Consultation closed.",
              "status": ActionStatus.ON_TARGET, **kw}
    if "action" not in fields:
        fields["action"] = make_action()
    return ProgressUpdate.objects.create(**fields)


# --- findings ---------------------------------------------------------------------------
def make_finding(**kw) -> Finding:
    n = _n()
    fields = {"key": f"trend:example:{n}", "kind": FindingKind.TREND,
              "stated": "IMPROVING", "computed": "worsening",
              "explanation": f"The report says IMPROVING but the last three values rose ({n}).",
              **kw}
    if "indicator" not in fields and "measure" not in fields:
        fields["indicator"] = make_indicator()
    return Finding.objects.create(**fields)


def make_paper_review(**kw):
    fields = {**kw}
    if "source" not in fields:
        fields["source"] = make_source_document()
    return PaperReview.objects.create(**fields)


def make_correction(**kw):
    fields = {"kind": CorrectionKind.VALUE, "period": Period.financial_year(2017),
              "read_value": Decimal("62"), "value": Decimal("63"), **kw}
    if "source" not in fields:
        fields["source"] = make_source_document()
    if "indicator" not in fields and "measure" not in fields:
        fields["indicator"] = make_indicator()
    return Correction.objects.create(**fields)


EXAMPLES = {
    Council: make_council,
    SourceDocument: make_source_document,
    Officer: make_officer,
    Outcome: make_outcome,
    PopulationIndicator: make_indicator,
    PerformanceMeasure: make_measure,
    IndicatorAlias: make_indicator_alias,
    Observation: make_observation,
    Comparator: make_comparator,
    ComparatorValue: make_comparator_value,
    ReportEdition: make_report_edition,
    StatedJudgement: make_stated_judgement,
    Commentary: make_commentary,
    FocusSuggestion: make_focus_suggestion,
    BoardEntry: make_board_entry,
    Risk: make_risk,
    RiskAssessment: make_risk_assessment,
    Committee: make_committee,
    Member: make_member,
    Membership: make_membership,
    Meeting: make_meeting,
    AgendaItem: make_agenda_item,
    Document: make_document,
    Attendance: make_attendance,
    Declaration: make_declaration,
    Decision: make_decision,
    Undertaking: make_undertaking,
    ReportSection: make_report_section,
    QuotedFigure: make_quoted_figure,
    WorkProgrammeItem: make_work_programme_item,
    ActionPlan: make_action_plan,
    Priority: make_priority,
    Action: make_action,
    Milestone: make_milestone,
    ProgressUpdate: make_progress_update,
    Finding: make_finding,
    PaperReview: make_paper_review,
    Correction: make_correction,
}

"""Every model of Scrutiny Desk's apps and the helper that makes a valid example of it."""


# --- roles ------------------------------------------------------------------------------
def make_role_user(role, username: str | None = None, **kw):
    """A user holding ``role`` (a scrutinydesk.accounts.roles.Role or its value)."""
    from scrutinydesk.accounts.roles import Role, group_for

    role = Role(role)
    user = make_user(username or f"{role.value}{_n()}", **kw)
    user.groups.add(group_for(role))
    return user
