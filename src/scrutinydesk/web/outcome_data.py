"""What the outcome dashboard, the indicator and measure pages and the performance board
show, assembled from the stored data with a fixed number of queries however many
indicators there are. Judgements use the confirmed polarity only
(``outcomes.polarity.shown_polarity``); findings and papers come through the visibility
layer (``core.visibility``)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from scrutinydesk import judgements as j
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.findings.models import Finding, FindingStatus
from scrutinydesk.outcomes.assessment import Assessment, assess
from scrutinydesk.outcomes.models import (
    Commentary,
    ComparatorValue,
    Observation,
    PerformanceMeasure,
    PopulationIndicator,
    StatedJudgement,
    revisions_of,
)
from scrutinydesk.outcomes.models import PrintedValue as EditionValue
from scrutinydesk.outcomes.polarity import polarity_confirmed, shown_polarity
from scrutinydesk.outcomes.vocab import CommentaryKind, ComparatorKind
from scrutinydesk.reports.formatting import capitalise, observation_figure, with_unit
from scrutinydesk.risks.models import Risk, RiskAssessment

_EPOCH = date(1900, 1, 1)
INDICATOR = "indicator"
MEASURE = "measure"

# The symbol shown beside a judgement word: what the numbers did, readable without colour.
MOVEMENT_SYMBOLS = {
    j.Direction.IMPROVING: "", j.Direction.WORSENING: "", j.Direction.SIMILAR: "→",
    j.Direction.INCREASING: "↑", j.Direction.DECREASING: "↓",
    j.Direction.NOT_CALCULATED: "–",
}
RAG_COLOURS = {j.RAG.RED: "red", j.RAG.AMBER: "orange", j.RAG.GREEN: "green",
               j.RAG.NONE: "grey"}


# Each judgement method and the rule of docs/methodology.md that defines it.
METHODS = {
    "direction_of_travel": "Rule 1: direction of travel, latest against previous",
    "same_period_last_year": "Rule 2: same period last year",
    "trend_over_periods": "Rule 3: trend over several periods",
    "interval_overlap": "Rule 5: benchmarking with confidence intervals (overlap)",
    "interval_contains_comparator": "Rule 5: benchmarking with a confidence interval",
    "value_tolerance": "Rule 6: benchmarking with values only",
    "target_threshold": "Rule 8: targets",
}


def method_name(method: str) -> str:
    return METHODS.get(method, method.replace("_", " "))


@dataclass(frozen=True)
class Judged:
    """A judgement as a page shows it: word, symbol, colour, sentence and method."""

    word: str
    symbol: str
    colour: str
    explanation: str
    method: str = ""
    calculated: bool = False
    bad: bool = False


def _movement_symbol(result) -> str:
    movement = getattr(result, "movement", None)
    if movement is j.Movement.INCREASING:
        return "↑"
    if movement is j.Movement.DECREASING:
        return "↓"
    if movement is j.Movement.SIMILAR:
        return "→"
    return MOVEMENT_SYMBOLS.get(getattr(result, "judgement", None), "–")


def judged_trend(result: j.TrendResult | None) -> Judged:
    if result is None:
        return Judged("No data", "–", "grey", "No value is held for this indicator.")
    return Judged(result.judgement.label, _movement_symbol(result), RAG_COLOURS[result.rag],
                  result.explanation, method_name(result.method), result.calculated,
                  result.judgement is j.Direction.WORSENING)


def judged_benchmark(result: j.BenchmarkResult | None) -> Judged:
    if result is None:
        return Judged("Not compared", "–", "grey", "No value is held for this indicator.")
    symbol = {j.Benchmark.HIGHER: "↑", j.Benchmark.LOWER: "↓",
              j.Benchmark.SIMILAR: "="}.get(result.relation, "–")
    return Judged(capitalise(result.wording), symbol, RAG_COLOURS[result.rag],
                  result.explanation, method_name(result.method), result.calculated,
                  result.judgement is j.Benchmark.WORSE)


def judged_target(result: j.TargetResult | None) -> Judged:
    if result is None:
        return Judged("No target", "–", "grey", "No target has been set.")
    symbol = {j.TargetStatus.MET: "✓", j.TargetStatus.NOT_MET: "✗"}.get(result.status, "–")
    return Judged(result.status.label, symbol, RAG_COLOURS[result.rag], result.explanation,
                  method_name(result.method), result.calculated,
                  result.status is j.TargetStatus.NOT_MET)


@dataclass
class RiskRow:
    risk: Risk
    latest: RiskAssessment | None
    assessments: list[RiskAssessment]

    @property
    def score(self) -> str:
        a = self.latest
        if a is None:
            return "Not assessed"
        level = a.get_level_display() or ""
        score = f"score {a.score}" if a.score is not None else ""
        return " ".join(w for w in (level, score) if w) or "Not assessed"


@dataclass
class SubjectRow:
    """One indicator or measure on the dashboard."""

    subject: PopulationIndicator | PerformanceMeasure
    kind: str
    assessment: Assessment
    findings: list[Finding]
    risks: list[RiskRow]
    confirmed_polarity: bool
    unconfirmed_figures: int
    direction: Judged = field(init=False)
    trend: Judged = field(init=False)
    benchmark: Judged = field(init=False)
    target: Judged = field(init=False)

    def __post_init__(self):
        a = self.assessment
        self.direction = judged_trend(a.direction)
        self.trend = judged_trend(a.trend)
        self.benchmark = judged_benchmark(a.benchmark)
        self.target = judged_target(a.target)

    @property
    def label(self) -> str:
        s = self.subject
        return f"{s.code}: {s.title}" if s.code else s.title

    @property
    def latest_text(self) -> str:
        figure = observation_figure(self.assessment.latest, self.subject)
        return figure.text if figure else "No data"

    @property
    def latest_period(self) -> str:
        latest = self.assessment.latest
        return latest.period.label if latest else ""

    @property
    def latest_unconfirmed(self) -> bool:
        latest = self.assessment.latest
        return bool(latest and latest.machine_extracted)

    @property
    def comparator_text(self) -> str:
        cv = self.assessment.comparator_value
        if cv is None:
            return ""
        value = with_unit(cv.value, self.subject.unit, self.subject.unit_label)
        return f"{cv.comparator.name}: {value}"

    def sparkline_values(self) -> tuple[list[float], list[float | None]]:
        a = self.assessment
        series = a.series[-8:]
        comparator = a.comparator_value.comparator.name if a.comparator_value else None
        by_period = {v.period.code: float(v.value)
                     for v in a.comparator_series.get(comparator, [])} if comparator else {}
        return ([float(o.value) for o in series],
                [by_period.get(o.period.code) for o in series])


def observation_prefetch() -> Prefetch:
    """Observations with what each edition printed for them (``PrintedValue``)."""
    printed = EditionValue.objects.select_related("edition")
    return Prefetch("observations", queryset=Observation.objects.select_related("edition")
                    .prefetch_related(Prefetch("printed", queryset=printed)))


def subject_prefetches(user) -> list:
    """What a page about indicators or measures needs of each, in a fixed number of
    queries: observations, comparator values, what each edition stated, open findings
    (through the visibility layer)."""
    findings = Finding.objects.visible_to(user).filter(
        status=FindingStatus.OPEN, still_holds=True).select_related("edition")
    return [
        observation_prefetch(),
        Prefetch("comparatorvalues",
                 queryset=ComparatorValue.objects.select_related("comparator")),
        Prefetch("statedjudgements",
                 queryset=StatedJudgement.objects.select_related("edition",
                                                                 "benchmark_comparator")),
        Prefetch("findings", queryset=findings),
        Prefetch("commentaries", queryset=Commentary.objects.select_related("edition")),
    ]


def risk_prefetch(lookup: str = "risks") -> Prefetch:
    return Prefetch(lookup, queryset=Risk.objects.prefetch_related(
        Prefetch("assessments", queryset=RiskAssessment.objects.order_by("-assessed_on",
                                                                          "-id"))))


def risk_rows(risks) -> list[RiskRow]:
    rows = []
    for risk in risks:
        assessments = list(risk.assessments.all())
        rows.append(RiskRow(risk, assessments[0] if assessments else None, assessments))
    return rows


def _row(subject, kind: str, risks) -> SubjectRow:
    polarity = shown_polarity(subject)
    a = assess(subject, polarity=polarity)
    unconfirmed = sum(1 for o in subject.observations.all() if o.machine_extracted)
    return SubjectRow(subject, kind, a, list(subject.findings.all()), risk_rows(risks),
                      polarity_confirmed(subject), unconfirmed)


def dashboard_rows(outcome, user) -> list[SubjectRow]:
    """Every population indicator (each part after its indicator) and every performance
    measure of ``outcome``, assessed."""
    indicators = list(PopulationIndicator.objects.filter(outcome=outcome)
                      .select_related("outcome", "comparator", "parent")
                      .prefetch_related(*subject_prefetches(user), risk_prefetch()))
    measures = list(PerformanceMeasure.objects.filter(outcome=outcome)
                    .select_related("outcome", "comparator", "indicator")
                    .prefetch_related(*subject_prefetches(user),
                                      risk_prefetch("indicator__risks")))
    by_parent: dict[int | None, list] = {}
    for ind in indicators:
        by_parent.setdefault(ind.parent_id, []).append(ind)
    ordered = []
    for top in by_parent.get(None, []):
        ordered.append(top)
        ordered.extend(by_parent.get(top.pk, []))
    rows = [_row(ind, INDICATOR, ind.risks.all()) for ind in ordered]
    rows += [_row(m, MEASURE, m.indicator.risks.all() if m.indicator else [])
             for m in measures]
    return rows


FILTERS = {
    "worsening": lambda r: r.direction.bad or r.trend.bad,
    "worse_than_comparator": lambda r: r.benchmark.bad,
    "has_findings": lambda r: bool(r.findings),
    "unconfirmed_figures": lambda r: r.unconfirmed_figures > 0,
}


def filter_rows(rows: list[SubjectRow], chosen: dict) -> list[SubjectRow]:
    """The rows meeting every filter chosen (``FILTERS``)."""
    tests = [FILTERS[name] for name, on in chosen.items() if on and name in FILTERS]
    return [r for r in rows if all(t(r) for t in tests)]


# --- one indicator or measure ---------------------------------------------------------


def subject_for_page(model, pk: int, user):
    """The indicator or measure with everything its page shows prefetched."""
    qs = model.objects.select_related("outcome", "comparator").prefetch_related(
        *subject_prefetches(user), "aliases__edition",
    )
    if model is PopulationIndicator:
        qs = qs.select_related("parent").prefetch_related(risk_prefetch(), "parts", "measures")
    else:
        qs = qs.select_related("indicator").prefetch_related(risk_prefetch("indicator__risks"))
    return qs.get(pk=pk)


def revisions(subject) -> list:
    """Figures a later edition printed differently (``outcomes.models.revisions_of``)."""
    return revisions_of(subject.observations.all())


def papers_for(objects, user) -> dict[int, SourceDocument]:
    """The papers ``objects`` were read from, through the visibility layer, by id."""
    ids = {o.source_id for o in objects if o.source_id}
    if not ids:
        return {}
    return {p.pk: p for p in SourceDocument.objects.visible_to(user).filter(pk__in=ids)
            .defer("text")}


@dataclass
class CommentaryVersion:
    commentary: Commentary
    previous: Commentary | None
    added: list[str]
    removed: list[str]

    @property
    def unchanged(self) -> bool:
        return self.previous is not None and not self.added and not self.removed


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in (" ".join(p.split()) for p in _SENTENCE.split(text or "")) if s]


def commentary_by_edition(subject) -> list[tuple[str, list[CommentaryVersion]]]:
    """Each kind of commentary, newest edition first, with the sentences added and removed
    since the edition before."""
    by_kind: dict[str, list[Commentary]] = {}
    for c in subject.commentaries.all():
        by_kind.setdefault(c.kind, []).append(c)
    out = []
    for kind in CommentaryKind:
        rows = sorted(by_kind.get(kind.value, []),
                      key=lambda c: (c.edition.edition if c.edition else c.written_on or
                                     _EPOCH))
        if not rows:
            continue
        versions = []
        for before, now in zip([None, *rows[:-1]], rows, strict=True):
            if before is None:
                versions.append(CommentaryVersion(now, None, [], []))
                continue
            old, new = sentences(before.text), sentences(now.text)
            matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
            added, removed = [], []
            for op, a0, a1, b0, b1 in matcher.get_opcodes():
                if op in ("replace", "delete"):
                    removed.extend(old[a0:a1])
                if op in ("replace", "insert"):
                    added.extend(new[b0:b1])
            versions.append(CommentaryVersion(now, before, added, removed))
        out.append((kind.label, list(reversed(versions))))
    return out


@dataclass
class PrintedValue:
    edition: str
    period: str
    printed: str
    as_printed: str
    stored: str
    differs: bool
    where: StatedJudgement


def values_by_edition(subject, series: list[Observation]) -> list[PrintedValue]:
    """Each figure a report edition printed (its latest and previous values) beside the
    value stored now for that period: where they differ, a later edition revised it."""
    stored = {o.period.code: o for o in series}
    out = []
    unit, label = subject.unit, subject.unit_label
    for s in sorted(subject.statedjudgements.all(), key=lambda s: s.edition.edition):
        for period, text_period, value, text in (
                (s.latest_period, s.latest_period_text, s.latest_value, s.latest_text),
                (s.previous_period, s.previous_period_text, s.previous_value,
                 s.previous_text)):
            if value is None:
                continue
            now = stored.get(period.code) if period is not None else None
            held = with_unit(now.value, now.unit or unit, label) if now else (
                "Not held" if period is not None else "Period not read")
            out.append(PrintedValue(
                f"{s.edition.edition:%B %Y}", period.label if period else text_period or "—",
                with_unit(value, unit, label), text, held,
                bool(now is not None and now.value != value), s))
    return out


def chart_series(subject, a: Assessment):
    """The main series, each comparator and the target as lines for ``reports.charts``."""
    from scrutinydesk.reports.charts import ChartSeries

    lines = [ChartSeries("This area", [(o.period.end, o.period.label, float(o.value))
                                       for o in a.series])]
    for name, values in a.comparator_series.items():
        values = sorted(values, key=lambda v: v.period.sort_key)
        role = "target" if values and values[0].comparator.kind == ComparatorKind.TARGET \
            else "comparator"
        lines.append(ChartSeries(name, [(v.period.end, v.period.label, float(v.value))
                                        for v in values], role))
    return lines


# --- the performance board --------------------------------------------------------------

ALL_SERVICES = "All services"


@dataclass
class BoardPoint:
    """One line the data give the board, with the indicator or measure it is about."""

    text: str
    row: SubjectRow
    url: str = ""


def _doing(row: SubjectRow) -> str:
    """The newest "What are we doing?" commentary of the row's subject, first sentence."""
    doing = [c for c in row.subject.commentaries.all()
             if c.kind == CommentaryKind.WHAT_WE_ARE_DOING]
    if not doing:
        return ""
    newest = max(doing, key=lambda c: c.edition.edition if c.edition else _EPOCH)
    first = sentences(newest.text)
    return first[0] if first else ""


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


def assemble_board(rows: list[SubjectRow]) -> dict[str, list[BoardPoint]]:
    """The three questions answered from the judgements, findings and commentary:
    going well (improving, better than the comparator or target met), worried about
    (worsening, worse, target missed, or an open finding), doing about it (the newest
    "What are we doing?" commentary of each indicator we are worried about)."""
    well, worried, doing = [], [], []
    for r in rows:
        good = [_lower_first(x.word) for x in (r.direction, r.benchmark, r.target)
                if x.calculated and x.colour == "green"]
        bad = [_lower_first(x.word) for x in (r.direction, r.trend, r.benchmark, r.target)
               if x.bad]
        where = f" ({r.latest_text}, {r.latest_period})" if r.assessment.latest else ""
        if good and not bad:
            well.append(BoardPoint(f"{r.label}: {', '.join(good)}{where}.", r))
        if bad:
            worried.append(BoardPoint(f"{r.label}: {', '.join(dict.fromkeys(bad))}{where}.", r))
        if r.findings:
            n = len(r.findings)
            worried.append(BoardPoint(
                f"{r.label}: {n} open finding{'s' if n != 1 else ''} on what a report stated.",
                r))
        if bad or r.findings:
            text = _doing(r)
            if text:
                doing.append(BoardPoint(f"{r.label}: {text}", r))
    return {"going_well": well, "worried_about": worried, "doing_about_it": doing}


def board_draft(assembled: dict[str, list[BoardPoint]]) -> dict[str, str]:
    """The assembled points as the text an officer starts editing from."""
    return {key: "\n".join(f"- {p.text}" for p in points)
            for key, points in assembled.items()}
