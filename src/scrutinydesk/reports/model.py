"""The monitoring report as plain data: what the templates show, built by ``data.py``.

Nothing here touches the database; every judgement shown was computed by
``outcomes.assessment.assess`` and is carried with its explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scrutinydesk import judgements as j


@dataclass
class Rated:
    """A judgement as shown: its word, its RAG (word + symbol + colour) and why."""

    word: str  # "Improving", "Worse than England", "Higher than England", "Target met"
    rag: j.RAG = j.RAG.NONE
    explanation: str = ""
    calculated: bool = False

    @property
    def css(self) -> str:
        return f"rag-{self.rag.value}"


@dataclass
class Figure:
    """A value as printed with its unit, and the period it is for."""

    value: float | None
    text: str  # "51 per 10,000"
    period: str  # "March 2017"
    name: str = ""  # for a comparator: "England"

    @property
    def full(self) -> str:
        return f"{self.text} ({self.period})" if self.period else self.text


@dataclass
class DataTable:
    """The numbers behind a chart: one row per period, one column per series."""

    caption: str
    columns: list[str]  # series names; the first column (period) is implied
    rows: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class Commentary:
    text: str
    note: str = ""  # "From the October 2017 report" when this edition had none


@dataclass
class MeasureView:
    key: int
    title: str
    anchor: str
    unit_label: str
    polarity: str
    judged: bool  # False for "no preferred direction"
    latest: Figure | None
    previous: Figure | None
    direction: Rated
    trend: Rated
    sparkline: str = ""
    table: DataTable | None = None
    assessment: object = None


@dataclass
class RiskView:
    code: str
    title: str
    anchor: str
    level: str  # "HIGH", "MEDIUM", "LOW", "" when only a score is held
    level_rag: j.RAG
    trend: str  # "Unchanged", "Worsening" ...
    assessed: str  # "January 2018"
    note: str = ""
    history: list[tuple[date, str, str]] = field(default_factory=list)  # (date, level, trend)


@dataclass
class IndicatorView:
    key: int
    code: str
    title: str
    anchor: str
    unit_label: str
    polarity: str
    judged: bool
    lead_officers: list[str] = field(default_factory=list)
    outcome_lead_officers: list[str] = field(default_factory=list)
    latest: Figure | None = None
    previous: Figure | None = None
    comparator: Figure | None = None
    target_figure: Figure | None = None
    direction: Rated = field(default_factory=lambda: Rated("No data"))
    trend: Rated = field(default_factory=lambda: Rated("No data"))
    benchmark: Rated = field(default_factory=lambda: Rated("Not compared"))
    target: Rated = field(default_factory=lambda: Rated("No target"))
    stated_trend: str = ""  # what this edition printed, for comparison
    stated_benchmark: str = ""
    chart: str = ""
    chart_title: str = ""
    table: DataTable | None = None
    story: Commentary | None = None
    partners: Commentary | None = None
    doing: Commentary | None = None
    vfm: Commentary | None = None
    other: list[Commentary] = field(default_factory=list)
    data_source: str = ""
    measures: list[MeasureView] = field(default_factory=list)
    risks: list[RiskView] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    parts: list[IndicatorView] = field(default_factory=list)
    is_part: bool = False
    assessment: object = None

    @property
    def heading(self) -> str:
        return f"{self.code}: {self.title}" if self.code else self.title

    @property
    def has_data(self) -> bool:
        return self.latest is not None


@dataclass
class Cover:
    """The cover report to the committee."""

    committee: str
    meeting_date: date | None
    subject: str
    executive_summary: list[str]
    recommendation: list[str]
    reason: str = ""
    officer: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    from_paper: bool = False  # False: written by Scrutiny Desk from the data


@dataclass
class KeyEntry:
    term: str
    meaning: str
    rag: j.RAG | None = None


@dataclass
class Source:
    title: str
    detail: str = ""


@dataclass
class Counts:
    indicators: int
    measures: int
    risks: int
    stated_indicators: int | None = None
    stated_measures: int | None = None
    stated_risks: int | None = None


@dataclass
class MonitoringReport:
    outcome: str
    slug: str
    area: str  # "Dorset": the name of the main series
    sponsor: str
    sponsor_title: str
    edition: date
    edition_label: str  # "January 2018"
    edition_known: bool  # a report edition of this month exists in the data
    generated_on: date
    council: str
    cover: Cover
    counts: Counts
    indicators: list[IndicatorView]
    unassigned_risks: list[RiskView]
    focus: object  # focus.FocusSummary
    key: list[tuple[str, list[KeyEntry]]]
    printed_key: list[tuple[str, str]]
    sources: list[Source]
    # figures of the outcome read from papers that no person has confirmed yet
    unconfirmed: int = 0

    @property
    def title(self) -> str:
        return f"{self.outcome}: Outcomes Focused Monitoring Report, {self.edition_label}"

    def leaves(self) -> list[IndicatorView]:
        """Every indicator that carries figures: parts stand in for their parent."""
        return [p for i in self.indicators for p in (i.parts or [i])]

    def measures(self) -> list[MeasureView]:
        return [m for i in self.indicators for v in [i, *i.parts] for m in v.measures]
