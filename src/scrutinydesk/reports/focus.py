"""Suggested indicators, measures and risks for focus, chosen by stated rules.

The rules (docs/monitoring-report.md):

* an indicator or measure is suggested when its computed direction of travel or its
  trend over several periods is **worsening**, or its computed benchmark is **worse**
  than the comparator; the reason is the judgement's own one-sentence explanation;
* a risk is suggested when its latest assessment is **HIGH**, or it is **worsening**
  (printed as worsening, or its level rose since the assessment before);
* where polarity is "no preferred direction" nothing can be worsening or worse; such
  indicators and measures are counted so that someone can set their polarity.

What the paper itself suggested (``FocusSuggestion``) is listed beside the computed
suggestions, each marked as agreeing or not, with the computed state where they differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scrutinydesk import judgements as j
from scrutinydesk.core.vocab import RiskLevel
from scrutinydesk.risks.vocab import LEVEL_ORDER, RiskTrend

WORSENING_DIRECTION = "worsening since the previous period"
WORSENING_TREND = "worsening trend"
WORSE_THAN_COMPARATOR = "worse than comparator"
HIGH_RISK = "high risk"
WORSENING_RISK = "worsening risk"


@dataclass
class FocusItem:
    """One computed suggestion, with the rules it met and a sentence for each."""

    kind: str  # "indicator", "measure", "risk"
    key: object  # indicator/measure pk, or risk code
    label: str
    anchor: str
    rules: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    in_paper: bool = False


@dataclass
class PaperSuggestion:
    """What the paper suggested, and whether Scrutiny Desk's rules agree."""

    kind: str
    text: str
    reason: str  # as printed
    agrees: bool
    note: str  # why the rules agree or not
    anchor: str = ""


@dataclass
class Subject:
    """An indicator or measure with its assessment, as the rules see it."""

    kind: str
    key: object
    label: str
    anchor: str
    assessment: object  # outcomes.assessment.Assessment
    parent_key: object = None  # for an indicator printed in parts: the parent's pk


@dataclass
class RiskRecord:
    code: str
    label: str
    anchor: str
    history: list[tuple[date, str, str]]  # (assessed on, level, trend), oldest first


@dataclass
class FocusSummary:
    indicators: list[FocusItem] = field(default_factory=list)
    measures: list[FocusItem] = field(default_factory=list)
    risks: list[FocusItem] = field(default_factory=list)
    paper: list[PaperSuggestion] = field(default_factory=list)
    unjudged_indicators: list[str] = field(default_factory=list)
    unjudged_measures: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.indicators) + len(self.measures) + len(self.risks)

    @property
    def agreements(self) -> int:
        return sum(1 for p in self.paper if p.agrees)


def subject_reasons(assessment) -> list[tuple[str, str]]:
    """The focus rules an assessment meets, each with its one-sentence reason."""
    found = []
    direction, trend, benchmark = assessment.direction, assessment.trend, assessment.benchmark
    if direction is not None and direction.judgement is j.Direction.WORSENING:
        found.append((WORSENING_DIRECTION, direction.explanation))
    if trend is not None and trend.judgement is j.Direction.WORSENING:
        found.append((WORSENING_TREND, trend.explanation))
    if benchmark is not None and benchmark.judgement is j.Benchmark.WORSE:
        found.append((WORSE_THAN_COMPARATOR, benchmark.explanation))
    return found


def _month(d: date) -> str:
    return f"{d:%B %Y}"


def risk_reasons(history: list[tuple[date, str, str]]) -> list[tuple[str, str]]:
    """The focus rules a risk's assessments (oldest first) meet, with reasons."""
    if not history:
        return []
    on, level, trend = history[-1]
    found = []
    rose = len(history) > 1 and LEVEL_ORDER.get(level, 0) > LEVEL_ORDER.get(history[-2][1], 9)
    if level == RiskLevel.HIGH:
        since = on
        for earlier, earlier_level, _ in reversed(history[:-1]):
            if earlier_level != level:
                break
            since = earlier
        text = (f"HIGH on the corporate risk register, unchanged since {_month(since)}."
                if since != on else f"HIGH on the corporate risk register as at {_month(on)}.")
        found.append((HIGH_RISK, text))
    if trend == RiskTrend.WORSENING:
        found.append((WORSENING_RISK, f"{str(level).upper() or 'Scored'} on the corporate risk "
                                      f"register and reported as worsening as at {_month(on)}."))
    elif rose:
        before_on, before, _ = history[-2]
        found.append((WORSENING_RISK, f"Rose from {before.upper()} ({_month(before_on)}) to "
                                      f"{level.upper()} ({_month(on)})."))
    return found


def choose(indicators: list[Subject], measures: list[Subject], risks: list[RiskRecord],
           paper: list = ()) -> FocusSummary:
    """Apply the rules; ``paper`` holds the edition's ``FocusSuggestion`` rows."""
    summary = FocusSummary()
    for subjects, out, unjudged in ((indicators, summary.indicators, summary.unjudged_indicators),
                                    (measures, summary.measures, summary.unjudged_measures)):
        for s in subjects:
            if not s.assessment.polarity.judges:
                unjudged.append(s.label)
                continue
            met = subject_reasons(s.assessment)
            if met:
                out.append(FocusItem(s.kind, s.key, s.label, s.anchor,
                                     [r for r, _ in met], [t for _, t in met]))
    for r in risks:
        met = risk_reasons(r.history)
        if met:
            summary.risks.append(FocusItem("risk", r.code, r.label, r.anchor,
                                           [x for x, _ in met], [t for _, t in met]))
    summary.paper = [_compare(p, summary, indicators, measures, risks) for p in paper]
    return summary


def _compare(p, summary: FocusSummary, indicators, measures, risks) -> PaperSuggestion:
    kind = p.kind
    if kind == "risk":
        key = p.risk_code
        pool, items = {r.code: r for r in risks}, summary.risks
    elif kind == "measure":
        key = p.measure_id
        pool, items = {s.key: s for s in measures}, summary.measures
    else:
        key = p.indicator_id
        pool, items = {s.key: s for s in indicators}, summary.indicators
    chosen = [i for i in items if i.key == key]
    if kind == "indicator" and not chosen and key is not None:  # the paper named a parent
        parts = [s.key for s in indicators if s.parent_key == key]
        chosen = [i for i in items if i.key in parts]
    printed = " ".join((p.reason or "").split())
    if chosen:
        for item in chosen:
            item.in_paper = True
        return PaperSuggestion(kind, p.text, printed, True,
                               "Also suggested by the rules: " + chosen[0].reasons[0],
                               chosen[0].anchor)
    known = pool.get(key)
    if known is None:
        return PaperSuggestion(kind, p.text, printed, False,
                               f"Not matched to a {kind} held in Scrutiny Desk, so the rules "
                               "could not judge it.")
    return PaperSuggestion(kind, p.text, printed, False, _why_not(known), known.anchor)


def _why_not(known) -> str:
    if isinstance(known, RiskRecord):
        if not known.history:
            return "Not suggested by the rules: no assessment of this risk is held."
        on, level, trend = known.history[-1]
        words = f"{level.upper() or 'no level'}, {trend or 'no trend'}"
        return f"Not suggested by the rules: {words} at {_month(on)}."
    a = known.assessment
    if not a.polarity.judges:
        held = len(a.series)
        return ("Not suggested by the rules: it has no agreed direction (polarity), so it "
                f"cannot be judged worsening or worse ({held} value{'s' if held != 1 else ''} "
                "held).")
    parts = [x.explanation for x in (a.direction, a.trend, a.benchmark) if x is not None]
    if not parts:
        return "Not suggested by the rules: no value is held for it."
    return "Not suggested by the rules. " + " ".join(dict.fromkeys(parts))
