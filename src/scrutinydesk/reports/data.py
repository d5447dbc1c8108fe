"""Build the monitoring report's plain data (``model.MonitoringReport``) from the database.

"As at" an edition means: for each indicator and measure, the series up to the latest period
that edition printed (else the periods that ended before the edition's month); that
edition's commentary, stated judgements and risk assessments, falling back to the latest
known before it (and then to the latest known at all), with a note saying so. Judgements
come from ``outcomes.assessment.assess`` and nowhere else.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone

from scrutinydesk import judgements as j
from scrutinydesk.core.periods import Period
from scrutinydesk.findings.models import Finding, FindingStatus
from scrutinydesk.outcomes.assessment import assess
from scrutinydesk.outcomes.models import (
    Commentary,
    FocusSuggestion,
    Outcome,
    PerformanceMeasure,
    PopulationIndicator,
    ReportEdition,
    unconfirmed_figures,
)
from scrutinydesk.outcomes.titles import normalise_code
from scrutinydesk.outcomes.vocab import CommentaryKind
from scrutinydesk.risks.models import Risk

from . import focus as focus_rules
from . import model as m
from .cover import build_cover, council_of
from .formatting import (
    area_name,
    number,
    observation_figure,
    rated_benchmark,
    rated_target,
    rated_trend,
    unit_caption,
    with_unit,
)
from .keys import build_key, build_sources
from .visuals import indicator_chart, measure_sparkline

MEASURE_POINTS = 8  # values shown in a measure's trend chart and table


class ReportDataError(ValueError):
    """The report cannot be built as asked (no such outcome or edition)."""


@dataclass
class _Context:
    outcome: Outcome
    edition: ReportEdition | None
    month: date  # first day of the edition's month
    area: str
    editions: dict[int, date] = field(default_factory=dict)
    sources: set[int] = field(default_factory=set)
    risks_by_indicator: dict[int, list] = field(default_factory=dict)

    @property
    def month_end(self) -> date:
        return self.month.replace(day=calendar.monthrange(self.month.year,
                                                          self.month.month)[1])


def find_outcome(name: str) -> Outcome:
    """An outcome by name or slug, ignoring case."""
    outcome = Outcome.objects.filter(Q(name__iexact=name.strip()) | Q(slug__iexact=name.strip())
                                     ).first()
    if outcome is None:
        known = ", ".join(Outcome.objects.values_list("name", flat=True)) or "none yet"
        raise ReportDataError(f"there is no outcome called {name!r} (known: {known})")
    return outcome


def parse_edition(text: str | None) -> date | None:
    """ "2018-01" → 1 January 2018; None for no edition."""
    if not text:
        return None
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        return date(year, month, 1)
    except ValueError as exc:
        raise ReportDataError(f"the edition must be written YYYY-MM, e.g. 2018-01; got "
                              f"{text!r}") from exc


def build_report(outcome: Outcome, edition: date | None = None, *,
                 today: date | None = None, user=None) -> m.MonitoringReport:
    """The report for ``outcome`` as at ``edition`` (a month; default: its latest edition),
    with the findings ``user`` may see (the public's without one)."""
    today = today or timezone.localdate()
    rows = list(ReportEdition.objects.filter(outcome=outcome).select_related(
        "meeting__committee", "source"))
    if edition is None:
        chosen = rows[0] if rows else None
        month = chosen.edition if chosen else today.replace(day=1)
    else:
        month = edition.replace(day=1)
        chosen = next((r for r in rows if r.edition == month), None)
    council = council_of(outcome, chosen)
    ctx = _Context(outcome, chosen, month, area_name(council),
                   {r.pk: r.edition for r in rows})
    risks = _risks(outcome, ctx)
    indicators = [_indicator(i, ctx)
                  for i in _printed(_indicators(outcome, user), chosen, parts=True)]
    assigned = {r.code for i in indicators for v in [i, *i.parts] for r in v.risks}
    unassigned = [r for r in risks.values() if r.code not in assigned]
    _place_risks(indicators, risks)
    report = m.MonitoringReport(
        outcome=outcome.name, slug=outcome.slug, area=ctx.area, sponsor=outcome.sponsor,
        sponsor_title=outcome.sponsor_title, edition=month, edition_label=f"{month:%B %Y}",
        edition_known=chosen is not None, generated_on=today, council=council,
        cover=None, counts=None, indicators=indicators, unassigned_risks=unassigned,
        focus=None, key=build_key(chosen), printed_key=list((chosen.key or {}).items())
        if chosen else [], sources=[])
    report.counts = m.Counts(
        len(report.leaves()), len(report.measures()), len(risks),
        chosen.stated_indicator_count if chosen else None,
        chosen.stated_measure_count if chosen else None,
        chosen.stated_risk_count if chosen else None)
    report.focus = _focus(report, risks, chosen)
    report.cover = build_cover(outcome, chosen, report)
    report.sources = build_sources(chosen, ctx.sources, indicators)
    report.unconfirmed = unconfirmed_figures(outcome)
    return report


# --- indicators ---------------------------------------------------------------------------

def _indicators(outcome: Outcome, user=None):
    measures = PerformanceMeasure.objects.filter(active=True).prefetch_related(
        "observations", "statedjudgements", "aliases").order_by("title")
    related = ["observations", "statedjudgements", "aliases", "lead_officers",
               "outcome_lead_officers", Prefetch("commentaries", Commentary.objects
                                                 .select_related("edition")),
               Prefetch("measures", measures),
               Prefetch("findings", Finding.objects.visible_to(user))]
    parts = PopulationIndicator.objects.filter(active=True).prefetch_related(*related) \
        .order_by("number", "title")
    return PopulationIndicator.objects.filter(outcome=outcome, parent__isnull=True, active=True) \
        .prefetch_related(*related, Prefetch("parts", parts)).order_by("number", "title")


def _aliases(subject, edition: ReportEdition | None) -> list:
    """How ``edition`` printed the indicator or measure (its code and title)."""
    if edition is None:
        return []
    return [a for a in subject.aliases.all() if a.edition_id == edition.pk]


def _printed_as(subject, edition: ReportEdition | None, field: str) -> str:
    """The code or title ``edition`` printed, or "" when it printed none."""
    return next((v.strip() for a in _aliases(subject, edition) if (v := getattr(a, field))
                 and v.strip()), "")


def _was_printed(subject, edition: ReportEdition) -> bool:
    return bool(_aliases(subject, edition))


def _printed(rows, edition: ReportEdition | None, *, parts: bool = False) -> list:
    """What an edition printed, as that paper had it: a report "as at" January 2018 shows
    January's indicators and measures, not those added or dropped later. Without an edition,
    or for one that printed none of ``rows`` (data entered by hand), all of them."""
    rows = list(rows)
    if edition is None:
        return rows
    kept = [r for r in rows if _was_printed(r, edition)
            or (parts and any(_was_printed(p, edition) for p in r.parts.all()))]
    return kept or rows


def as_at(subject, ctx: _Context) -> Period:
    """The latest period of ``subject`` the report's edition printed, or the day before the
    edition's month when it printed none."""
    if ctx.edition is not None:
        printed = [s.latest_period for s in subject.statedjudgements.all()
                   if s.edition_id == ctx.edition.pk and s.latest_period is not None]
        printed += [o.period for o in subject.observations.all()
                    if o.edition_id == ctx.edition.pk and not o.breakdown]
        if printed:
            return max(printed)
    return Period.snapshot(ctx.month - timedelta(days=1))


def _stated(subject, ctx: _Context):
    if ctx.edition is None:
        return None
    return next((s for s in subject.statedjudgements.all() if s.edition_id == ctx.edition.pk),
                None)


def _code(indicator, ctx: _Context) -> str:
    return normalise_code(_printed_as(indicator, ctx.edition, "code") or indicator.code)


def _title(subject, ctx: _Context) -> str:
    """The title as the report's edition printed it (wording changes between editions)."""
    return _printed_as(subject, ctx.edition, "title") or subject.title


def _indicator(ind: PopulationIndicator, ctx: _Context, is_part: bool = False):
    a = assess(ind, at=as_at(ind, ctx))
    code = "" if is_part else _code(ind, ctx)
    view = m.IndicatorView(
        key=ind.pk, code=code, title=_title(ind, ctx),
        anchor=f"indicator-{ind.pk}", unit_label=unit_caption(ind.unit, ind.unit_label),
        polarity=j.Polarity(ind.polarity).label, judged=a.polarity.judges,
        lead_officers=[o.name for o in ind.lead_officers.all()],
        outcome_lead_officers=[o.name for o in ind.outcome_lead_officers.all()],
        latest=observation_figure(a.latest, ind), previous=observation_figure(a.previous, ind),
        direction=rated_trend(a.direction), trend=rated_trend(a.trend),
        benchmark=rated_benchmark(a.benchmark), target=rated_target(a.target),
        data_source=ind.data_source, is_part=is_part, assessment=a)
    if a.latest is None:
        view.direction = view.trend = rated_trend(None)
        view.benchmark, view.target = rated_benchmark(None), rated_target(None)
    cv = a.comparator_value
    if cv is not None:
        view.comparator = m.Figure(float(cv.value), with_unit(cv.value, ind.unit,
                                                              ind.unit_label),
                                   cv.period.label, cv.comparator.name)
    if a.target_value is not None:
        tv = a.target_value
        view.target_figure = m.Figure(float(tv.value), with_unit(tv.value, ind.unit,
                                                                 ind.unit_label),
                                      tv.period.label, tv.comparator.name)
    stated = _stated(ind, ctx)
    if stated is not None:
        view.stated_trend, view.stated_benchmark = stated.trend_text, stated.benchmark_text
    ctx.sources.update(o.source_id for o in a.series if o.source_id)
    if a.series:
        view.chart_title, view.chart, view.table = indicator_chart(view, a, ctx.area)
    comments = {kind: _commentary(ind, kind, ctx) for kind in CommentaryKind.values}
    view.story = comments[CommentaryKind.STORY_BEHIND_BASELINE]
    view.partners = comments[CommentaryKind.PARTNERS]
    view.doing = comments[CommentaryKind.WHAT_WE_ARE_DOING]
    view.vfm = comments[CommentaryKind.VALUE_FOR_MONEY]
    view.other = [c for c in (comments[CommentaryKind.SUMMARY_OF_ISSUES],
                              comments[CommentaryKind.OTHER]) if c]
    view.measures = [_measure(x, ctx) for x in _printed(ind.measures.all(), ctx.edition)]
    view.risks = ctx.risks_by_indicator.get(ind.pk, [])
    view.findings = [f.explanation for f in ind.findings.all()
                     if f.still_holds and f.status != FindingStatus.DISMISSED
                     and f.edition_id in (None, getattr(ctx.edition, "pk", None))]
    view.parts = [_indicator(p, ctx, True) for p in _printed(ind.parts.all(), ctx.edition)] \
        if not is_part else []
    return view


def _commentary(subject, kind: str, ctx: _Context) -> m.Commentary | None:
    rows = [c for c in subject.commentaries.all() if c.kind == kind and c.text.strip()]
    if not rows:
        return None

    def when(c) -> date:
        return c.edition.edition if c.edition_id else (c.written_on or date.min)

    same = [c for c in rows if ctx.edition is not None and c.edition_id == ctx.edition.pk]
    if same:
        chosen, note = same[0], ""
    else:
        earlier = [c for c in rows if when(c) <= ctx.month_end]
        chosen = max(earlier or rows, key=when)
        note = (f"From the {when(chosen):%B %Y} report." if chosen.edition_id
                else "Entered in Scrutiny Desk.")
    if chosen.source_id:
        ctx.sources.add(chosen.source_id)
    return m.Commentary(chosen.text.strip(), note)


def _measure(measure: PerformanceMeasure, ctx: _Context) -> m.MeasureView:
    a = assess(measure, at=as_at(measure, ctx))
    view = m.MeasureView(
        key=measure.pk, title=_title(measure, ctx), anchor=f"measure-{measure.pk}",
        unit_label=unit_caption(measure.unit, measure.unit_label),
        polarity=j.Polarity(measure.polarity).label, judged=a.polarity.judges,
        latest=observation_figure(a.latest, measure),
        previous=observation_figure(a.previous, measure),
        direction=rated_trend(a.direction if a.latest else None),
        trend=rated_trend(a.trend if a.latest else None), assessment=a)
    points = a.series[-MEASURE_POINTS:]
    if points:
        view.sparkline = measure_sparkline(measure.title, points)
        view.table = m.DataTable(
            f"{measure.title}: last {len(points)} value{'s' if len(points) > 1 else ''}"
            + (f" ({view.unit_label})" if view.unit_label else ""),
            [o.period.label for o in points], [("Value", [number(o.value) for o in points])])
    ctx.sources.update(o.source_id for o in points if o.source_id)
    return view


# --- risks --------------------------------------------------------------------------------

def _risks(outcome: Outcome, ctx: _Context) -> dict[str, m.RiskView]:
    """Every risk of the outcome, as assessed at the edition, in register order; each is
    also filed under the indicators it is linked to (``ctx.risks_by_indicator``)."""
    risks = Risk.objects.filter(Q(outcomes=outcome) | Q(indicators__outcome=outcome)) \
        .distinct().prefetch_related("assessments", "indicators").order_by("code")
    views = {}
    for risk in risks:
        view = views[risk.code] = _risk(risk, ctx)
        for indicator in risk.indicators.all():
            ctx.risks_by_indicator.setdefault(indicator.pk, []).append(view)
    return views


def _place_risks(indicators: list[m.IndicatorView], risks: dict[str, m.RiskView]) -> None:
    """Point each risk's anchor at the first page it is printed on."""
    for view in (v for i in indicators for v in [i, *i.parts]):
        for risk in view.risks:
            if risk.anchor.startswith("risk-"):
                risk.anchor = view.anchor
    for risk in risks.values():
        if risk.anchor.startswith("risk-"):
            risk.anchor = "unassigned-risks"


def _risk(risk: Risk, ctx: _Context) -> m.RiskView:
    rows = sorted(risk.assessments.all(), key=lambda r: (r.assessed_on, r.pk))
    upto = [r for r in rows if r.assessed_on <= ctx.month_end]
    same = [r for r in upto if ctx.edition is not None and r.edition_id == ctx.edition.pk]
    chosen = same[-1] if same else (upto[-1] if upto else (rows[-1] if rows else None))
    note = ""
    if chosen is not None and chosen.assessed_on > ctx.month_end:
        note = f"No assessment by {ctx.month:%B %Y}; the first known is shown."
        upto = [chosen]
    elif chosen is None:
        note = "No assessment of this risk is held."
    if chosen is not None and chosen.source_id:
        ctx.sources.add(chosen.source_id)
    history = [(r.assessed_on, r.level, r.trend) for r in upto if r.assessed_on <=
               chosen.assessed_on] if chosen else []
    level = chosen.level if chosen else ""
    return m.RiskView(
        code=risk.code, title=risk.title, anchor=f"risk-{risk.code}",
        level=level.upper() if level else (f"Score {chosen.score}" if chosen and chosen.score
                                           else ""),
        level_rag=j.rag_for_word(level) or j.RAG.NONE if level else j.RAG.NONE,
        trend=(chosen.get_trend_display().capitalize() if chosen and chosen.trend else ""),
        assessed=f"{chosen.assessed_on:%B %Y}" if chosen else "", note=note, history=history)


# --- focus --------------------------------------------------------------------------------

def _focus(report: m.MonitoringReport, risks: dict[str, m.RiskView], edition):
    indicators = []
    for top in report.indicators:
        for view in top.parts or [top]:
            indicators.append(focus_rules.Subject(
                "indicator", view.key, _label(top, view), view.anchor, view.assessment,
                parent_key=top.key if view is not top else None))
    measures = [focus_rules.Subject("measure", x.key, x.title, x.anchor, x.assessment)
                for x in report.measures()]
    records = [focus_rules.RiskRecord(r.code, f"{r.code} – {r.title}", r.anchor, r.history)
               for r in risks.values()]
    paper = list(FocusSuggestion.objects.filter(edition=edition)) if edition else []
    return focus_rules.choose(indicators, measures, records, paper)


def _label(top: m.IndicatorView, view: m.IndicatorView) -> str:
    if view is top:
        return top.heading
    return f"{top.code}: {view.title}" if top.code else view.title


def outcome_summary(outcome: Outcome) -> dict:
    """For the outcome page: its editions, and each indicator's latest value (no charts)."""
    rows = []
    for top in _indicators(outcome):
        code = normalise_code(top.code)
        for ind in list(top.parts.all()) or [top]:
            a = assess(ind)
            figure = observation_figure(a.latest, ind)
            label = top.title if ind is top else f"{top.title}: {ind.title}"
            rows.append({"label": f"{code}: {label}" if code else label,
                         "anchor": f"indicator-{ind.pk}",
                         "latest": figure.text if figure else "",
                         "period": figure.period if figure else ""})
    return {"indicators": rows, "editions": list(outcome.editions.all()),
            "unconfirmed": unconfirmed_figures(outcome)}
