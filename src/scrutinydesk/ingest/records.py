"""What parsers return: plain dataclasses, apart from the stored models.

Parsers fill these from a paper's text and never touch the database; loaders
(``scrutinydesk.ingest.loaders``) turn them into model rows in one transaction. Every record
carries a ``SourceRef``: the page(s) and line it was read from.

Values keep the words as printed (``*_text`` fields) beside what was read from them, so
what a paper *stated* can later be checked against the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal


@dataclass(slots=True)
class SourceRef:
    """Where a record was read: first page (as printed), last page when it spans pages or
    only a range is known, and the first line of the extracted text."""

    page: int | None = None
    page_end: int | None = None
    line: int | None = None


# --- Meetings and minutes ---------------------------------------------------------------

@dataclass(slots=True)
class ParsedMember:
    """A committee member as listed on an agenda front sheet."""

    name: str  # as printed, without role: "Pauline Batstone"
    role: str = "member"  # committees.vocab.MembershipRole value: chair, vice_chair, member,
    #                        co_opted, substitute, reserve
    reserve_for: str = ""  # in "Ordinary Member / Reserve Member" lists
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedAttendee:
    name: str  # as printed: "Derek Beer", "Cllr Batstone", "John Alexander"
    status: str = "present"  # committees.vocab.AttendanceStatus value
    kind: str = "committee_member"  # committees.vocab.AttendeeKind value
    capacity: str = ""  # "Chairman", "Senior Assurance Manager - Performance", "Cabinet Member…"
    substitute_for: str = ""
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedDeclaration:
    member: str
    item_number: str = ""
    kind: str = "other"  # committees.vocab.DeclarationKind value
    interest: str = ""  # the nature of the interest ("governor of Hill School"), else the words
    words: str = ""  # the declaration as printed, where it names its item ("... in minute 100")
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedDecision:
    kind: str  # committees.vocab.DecisionKind value: recommended, resolved, noted, agreed
    text: str = ""
    reason: str = ""
    recipient: str = ""  # "Cabinet", "County Council" (recommendations only)
    number: str = ""  # "1", "2", "ii" for numbered parts
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedUndertaking:
    owner: str  # as minuted: "The Strategic Lead for Safeguarding and Quality – Adults"
    text: str  # what they undertook to do: "provide members with an update ..."
    due: date | None = None
    due_text: str = ""
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedDocumentLink:
    """A paper linked from a meeting page: "Minutes pdf icon PDF 179 KB"."""

    title: str
    format: str = ""  # "PDF"
    size_text: str = ""  # "179 KB"
    additional: bool = False  # listed under "Additional documents:"


@dataclass(slots=True)
class ParsedFutureMeeting:
    """A future meeting named in the minutes' work-programme item, with its topics."""

    date: date
    topics: list[str] = field(default_factory=list)
    ref: SourceRef = field(default_factory=SourceRef)
    start_time: time | None = None  # "… will be held on 20 September 2023 at 10.00 am …"
    venue: str = ""  # "… in the Council Chamber, County Hall, Kingsbridge."


@dataclass(slots=True)
class ParsedAgendaItem:
    number: str  # "1", "4a"; "" for unnumbered items ("RECOMMENDATION I - ...")
    title: str
    description: str = ""
    page_start: int | None = None  # pack pages of the item's papers
    page_end: int | None = None
    part: int = 1  # 2 for "PART 2 (Confidential items - closed to the public)"
    exempt: bool = False
    exempt_paragraph: str = ""  # Schedule 12A paragraph, e.g. "3"
    minute_number: str = ""  # "37" where minutes are numbered
    minutes: str = ""  # what the minutes record of the item, as text
    documents: list[ParsedDocumentLink] = field(default_factory=list)
    decisions: list[ParsedDecision] = field(default_factory=list)
    undertakings: list[ParsedUndertaking] = field(default_factory=list)
    declarations: list[ParsedDeclaration] = field(default_factory=list)
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedMeeting:
    """A meeting as an agenda front sheet, a meeting-documents page or minutes describe it."""

    committee: str
    date: date
    council: str = ""
    start_time: time | None = None
    end_time: time | None = None
    venue: str = ""
    contact: str = ""
    status: str = "scheduled"  # committees.vocab.MeetingStatus value
    note: str = ""  # "Note: revised start time 2.30 pm"
    published_on: date | None = None
    members: list[ParsedMember] = field(default_factory=list)
    attendance: list[ParsedAttendee] = field(default_factory=list)
    chaired_by: str = ""  # who chaired, when not the chairman
    declarations_none: bool = False  # minutes record no declarations
    items: list[ParsedAgendaItem] = field(default_factory=list)
    future_meetings: list[ParsedFutureMeeting] = field(default_factory=list)
    has_minutes: bool = False  # the paper records what happened, not only the agenda
    minutes_to_be_confirmed_on: date | None = None  # "to be considered ... on: 18 January 2018"
    # decision sentences and attendance names printed but not read into a record
    unread: list[str] = field(default_factory=list)
    ref: SourceRef = field(default_factory=SourceRef)


# --- Report cover sheets ----------------------------------------------------------------

@dataclass(slots=True)
class ParsedCoverSheet:
    """The cover sheet of an officer's report: the tab-separated fields at its head."""

    committee: str = ""
    date_of_meeting: date | None = None
    officer: str = ""
    subject: str = ""
    executive_summary: str = ""
    equalities_impact: str = ""
    use_of_evidence: str = ""
    budget: str = ""
    risk_assessment: str = ""  # the risk paragraph as printed
    risk_current: str = ""  # "Medium"
    risk_residual: str = ""  # "Low"
    other_implications: str = ""
    recommendation: str = ""
    reason_for_recommendation: str = ""
    appendices: list[str] = field(default_factory=list)
    background_papers: list[str] = field(default_factory=list)
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    other_fields: dict[str, str] = field(default_factory=dict)  # any field not named above
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedStatedFigure:
    """A figure stated in an officer's prose with what it is compared with:
    "41 per 10,000 ... in line with our statistical neighbours"."""

    value: Decimal
    value_text: str
    unit: str = ""  # core.vocab.Unit value where recognised
    subject: str = ""  # what the figure is of, as far as the sentence tells
    period_text: str = ""
    comparator: str = ""  # "statistical neighbours", "England", "national"
    comparator_value: Decimal | None = None
    comparison: str = ""  # "in line with", "higher than", "lower than", "better than"
    sentence: str = ""
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedReportSection:
    """A section of a long report, from its contents list or its numbered headings:
    number as printed ("4.5", "4.5c"), title, the page the contents give, and its text."""

    number: str
    title: str
    page: int | None = None
    text: str = ""
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedOfficerReport:
    """An officer's report: its cover sheet (if any), sections and stated figures."""

    title: str
    cover: ParsedCoverSheet | None = None
    published_on: date | None = None
    sections: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)
    figures: list[ParsedStatedFigure] = field(default_factory=list)
    ref: SourceRef = field(default_factory=SourceRef)
    parts: list[ParsedReportSection] = field(default_factory=list)  # ingest.parsers.sections


# --- Outcomes monitoring reports --------------------------------------------------------

@dataclass(slots=True)
class ParsedValue:
    """A figure as printed with what was read from it: "Latest (March 2017) 51 per 10,000"."""

    text: str  # the printed words the figure was read from
    value: Decimal | None = None
    period_text: str = ""  # "March 2017", "Q2 17-18", "2015-16"
    unit_text: str = ""  # "per 10,000", "%", "crimes for the quarter"
    status: str = ""  # outcomes.vocab.ObservationStatus value when there is no value
    #                   ("under_development", "to_follow", "not_published")
    breakdown: str = ""  # "Principal", "Non Principal", "28 days"
    note: str = ""  # an explanation printed after the value: "provisional, subject to validation"


@dataclass(slots=True)
class ParsedSeries:
    """A table of values by period (e.g. a chart's data table)."""

    name: str  # "Dorset", "England", "Total Crime"
    unit_text: str = ""
    points: list[tuple[str, Decimal | None]] = field(default_factory=list)  # (period text, value)
    is_comparator: bool = False
    ref: SourceRef = field(default_factory=SourceRef)
    is_own: bool = False  # the area's own figures, though named ("Wealdshire")


@dataclass(slots=True)
class ParsedTrend:
    """A stated trend: "DORSET - Trend IMPROVING  G"."""

    text: str
    word: str = ""  # outcomes.vocab.StatedTrend value, "" if the word is not recognised
    printed_word: str = ""  # as printed: "IMPROVING", "Unchanged", "No Trend"
    rag: str = ""  # judgements.RAG value: "red", "amber", "green", or ""
    over_text: str = ""  # "3 year" where the paper says over how long


@dataclass(slots=True)
class ParsedBenchmark:
    """A stated benchmark: "COMPARATOR - Benchmark (England) WORSE 43.1 (Average)  R"."""

    text: str
    comparator: str = ""  # "England", "South West", "Statistical neighbours"
    word: str = ""  # outcomes.vocab.StatedBenchmark value, "" if not recognised
    printed_word: str = ""
    value: Decimal | None = None  # the comparator's value as printed
    value_text: str = ""
    period_text: str = ""
    rag: str = ""  # judgements.RAG value, as for a trend
    no_data: bool = False  # "No comparable data provided by lead officer"


@dataclass(slots=True)
class ParsedRiskAssessment:
    """A corporate risk as listed in a report: "14b - Inability to ...  HIGH  UNCHANGED"."""

    code: str  # "14b"
    title: str
    level: str = ""  # risks.vocab.RiskLevel value: high, medium, low
    trend: str = ""  # risks.vocab.RiskTrend value
    trend_text: str = ""  # as printed: "IMPROVED", "UNCHANGED"
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedMeasure:
    """A performance measure under an indicator: "% of re-referrals ... Latest Q2 17-18 – 17.6%"."""

    title: str
    latest: list[ParsedValue] = field(default_factory=list)  # one per breakdown
    previous: list[ParsedValue] = field(default_factory=list)
    series: list[ParsedSeries] = field(default_factory=list)
    trend: ParsedTrend | None = None
    ref: SourceRef = field(default_factory=SourceRef)
    target: ParsedValue | None = None  # "(target 80%)" printed beside its latest value
    other_values: list[ParsedValue] = field(default_factory=list)  # "(year to date 17)"


@dataclass(slots=True)
class ParsedIndicator:
    """One population indicator's page (or part of a page, for indicators printed in parts
    such as SAFE 06's "Total Crime", "Domestic Abuse Crimes")."""

    code: str  # as printed: "SAFE: 01"
    title: str  # "Rate of children subject to a child protection plan"
    number: int | None = None  # 1
    group_title: str = ""  # for a part: the page's indicator title ("Rates of crime, ...")
    outcome_lead_officers: list[str] = field(default_factory=list)
    lead_officers: list[str] = field(default_factory=list)
    latest: ParsedValue | None = None
    previous: ParsedValue | None = None
    other_values: list[ParsedValue] = field(default_factory=list)  # e.g. "2016-17 3,553"
    series: list[ParsedSeries] = field(default_factory=list)
    trend: ParsedTrend | None = None
    benchmark: ParsedBenchmark | None = None
    target_text: str = ""  # "Target - 40% reduction against the 2005-09 average by 2020"
    target: ParsedValue | None = None  # a target level: "Target £600.00 per week", "Target 85%"
    story: str = ""  # story behind the baseline
    partners: str = ""
    what_we_are_doing: str = ""
    value_for_money: str = ""  # "UNDER DEVELOPMENT" or the text
    measures: list[ParsedMeasure] = field(default_factory=list)
    risks: list[ParsedRiskAssessment] = field(default_factory=list)
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedFocusItem:
    kind: str  # outcomes.vocab.FocusKind value: indicator, measure, risk
    text: str
    reason: str = ""  # "Summary of issues" text where the cover report gives one
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedMonitoringReport:
    """An Outcomes Focused Monitoring Report for one outcome and edition."""

    outcome: str  # "Safe"
    edition: date  # first day of the edition's month: January 2018 -> 2018-01-01
    title: str = ""
    sponsor: str = ""  # "Nick Jarman"
    sponsor_title: str = ""  # "Interim Director for Children's Services"
    code_prefix: str = ""  # "SAFE"
    cover: ParsedCoverSheet | None = None
    stated_indicator_count: int | None = None  # "Population Indicator (10 in total)"
    stated_measure_count: int | None = None
    stated_risk_count: int | None = None
    focus: list[ParsedFocusItem] = field(default_factory=list)
    indicators: list[ParsedIndicator] = field(default_factory=list)
    unassigned_risks: list[ParsedRiskAssessment] = field(default_factory=list)
    key: dict[str, str] = field(default_factory=dict)  # printed word -> meaning
    contents: list[tuple[str, str]] = field(default_factory=list)  # (entry, page) as printed
    ref: SourceRef = field(default_factory=SourceRef)
    warnings: list[str] = field(default_factory=list)  # tables and figures not placed


# --- Action plans -----------------------------------------------------------------------

@dataclass(slots=True)
class ParsedMilestone:
    text: str
    due_text: str = ""  # "Jun 17", "Oct to Dec 17"
    due: date | None = None  # last day of the month or range named
    status: str = ""  # actionplans.vocab.ActionStatus value
    status_text: str = ""
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedAction:
    number: str  # "1.1"; "" when the plan does not number actions
    text: str
    timescale: str = ""
    due: date | None = None
    measures_of_success: str = ""
    lead: str = ""
    progress: str = ""
    status: str = ""  # actionplans.vocab.ActionStatus value (worst of its milestones if unstated)
    status_text: str = ""
    rag: str = ""  # judgements.RAG value where the plan prints a colour
    milestones: list[ParsedMilestone] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # other columns by heading
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedPriority:
    number: str
    title: str
    description: str = ""
    actions: list[ParsedAction] = field(default_factory=list)
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedActionPlan:
    title: str
    owner: str = ""
    published_on: date | None = None
    summary: str = ""
    priorities: list[ParsedPriority] = field(default_factory=list)
    ref: SourceRef = field(default_factory=SourceRef)

    @property
    def actions(self) -> list[ParsedAction]:
        return [a for p in self.priorities for a in p.actions]


# --- Work programme ---------------------------------------------------------------------

@dataclass(slots=True)
class ParsedWorkProgrammeItem:
    topic: str
    category: str = ""  # heading it was listed under
    purpose: str = ""
    key_lines_of_enquiry: str = ""
    lead: str = ""
    corporate_plan_reference: str = ""
    meeting_date: date | None = None  # forward-plan meeting the item is assigned to
    meeting_time: time | None = None
    target_end_date: date | None = None
    note: str = ""  # "(080916)", "(being dealt with by the Children's FT EAP)"
    prioritisation: dict[str, str] = field(default_factory=dict)  # {"q1": "yes", ...}
    ref: SourceRef = field(default_factory=SourceRef)


@dataclass(slots=True)
class ParsedWorkProgramme:
    committee: str = ""
    council: str = ""
    chairman: str = ""
    vice_chairman: str = ""
    lead_officer: str = ""
    dated: date | None = None
    items: list[ParsedWorkProgrammeItem] = field(default_factory=list)
    questions: dict[str, str] = field(default_factory=dict)  # prioritisation questions as printed
    ref: SourceRef = field(default_factory=SourceRef)


# --- Agenda packs -----------------------------------------------------------------------

@dataclass(slots=True)
class PackPart:
    """One paper within an agenda pack, and what was read from it."""

    kind: str  # "front_sheet", "minutes", "report", "monitoring_report", "action_plan",
    #            "work_programme", "appendix", "other"
    title: str
    start_line: int
    end_line: int  # exclusive
    item_number: str = ""  # agenda item the part belongs to
    page_start: int | None = None
    page_end: int | None = None
    parsed: object | None = None  # ParsedMeeting (minutes), ParsedCoverSheet,
    #                               ParsedMonitoringReport, ParsedActionPlan, ParsedWorkProgramme
    error: str = ""  # why ``parsed`` is None when the part's parser rejected it


@dataclass(slots=True)
class ParsedAgendaPack:
    meeting: ParsedMeeting  # from the front sheet: agenda items with pages, members
    parts: list[PackPart] = field(default_factory=list)

    def parts_of(self, kind: str) -> list[PackPart]:
        return [p for p in self.parts if p.kind == kind]
