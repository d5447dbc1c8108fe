"""Outcomes monitoring reports into the outcomes and risks apps.

A later edition adds new periods to the indicators and measures already known instead of
duplicating them. Indicators are recognised by their normalised title, never by code alone:
codes are renumbered between editions ("SAFE 04" in one, "SAFE 03" in the next). A title
that could be more than one known indicator is reported, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from scrutinydesk.core.numbers import figure
from scrutinydesk.core.periods import Period, PeriodError, PeriodKind
from scrutinydesk.ingest.parsers.monitoring_values import unit_in_title
from scrutinydesk.ingest.records import (
    ParsedIndicator,
    ParsedMeasure,
    ParsedMonitoringReport,
    ParsedRiskAssessment,
    ParsedSeries,
    ParsedValue,
    SourceRef,
)
from scrutinydesk.ingest.resolve import main_series_labels
from scrutinydesk.ingest.units import (
    comparator_kind,
    comparator_name,
    in_other_unit,
    unit_from_text,
)
from scrutinydesk.outcomes.models import (
    Commentary,
    Comparator,
    ComparatorValue,
    FocusSuggestion,
    IndicatorAlias,
    Observation,
    Outcome,
    PerformanceMeasure,
    PopulationIndicator,
    PrintedValue,
    ReportEdition,
    StatedJudgement,
)
from scrutinydesk.outcomes.titles import normalise_code, normalise_title, title_similarity
from scrutinydesk.outcomes.vocab import CommentaryKind, ObservationStatus
from scrutinydesk.risks.models import Risk, RiskAssessment

from .base import LoadContext

MATCH_THRESHOLD = 0.6  # share of title words in common to take two titles as one indicator
# Series names that stand for the council's own figures, besides the names the report and
# the council on record give its area (see _EditionLoader)
MAIN_SERIES_NAMES = {"", "latest", "value", "actual", "council", "local authority"}


def load_monitoring_report(ctx: LoadContext, parsed: ParsedMonitoringReport, *,
                           meeting=None) -> ReportEdition:
    outcome = _outcome(ctx, parsed)
    edition = ctx.upsert(ReportEdition, {"outcome": outcome, "edition": parsed.edition}, {
        "title": parsed.title[:300] or f"Outcomes Focused Monitoring Report, "
                                       f"{parsed.edition:%B %Y}",
        "meeting": meeting,
        "stated_indicator_count": parsed.stated_indicator_count,
        "stated_measure_count": parsed.stated_measure_count,
        "stated_risk_count": parsed.stated_risk_count,
        "key": parsed.key,
    }, parsed.ref)
    loader = _EditionLoader(ctx, outcome, edition, main_series_labels(parsed))
    for indicator in parsed.indicators:
        loader.indicator(indicator)
    for risk in parsed.unassigned_risks:
        loader.risk(risk, indicator=None)
    for position, item in enumerate(parsed.focus):
        loader.focus(item, position)
    loader.write_figures()
    _settle_codes(ctx, outcome)
    ctx.touch("edition", edition.pk)
    return edition


def _lead_officers(ctx: LoadContext, manager, officers: list, latest: bool) -> None:
    """An indicator's lead officers as its latest edition names them. An earlier edition
    only fills them in where no edition named any."""
    if latest and officers:
        wanted = {o.pk for o in officers}
        extra = [o for o in manager.all() if o.pk not in wanted]
        if extra:
            manager.remove(*extra)
        ctx.link(manager, officers)
    elif officers and not manager.exists():
        ctx.link(manager, officers)


def _settle_codes(ctx: LoadContext, outcome: Outcome) -> None:
    """Give each indicator of the outcome the code it was printed under in the latest
    edition it appears in. A code that a later edition gives to another indicator is that
    one's: the earlier holder keeps it only in its aliases (its code in each edition), and
    the import says so. The same for any order of import."""
    latest: dict[int, tuple] = {}  # indicator pk -> (edition date, code printed there)
    aliases = IndicatorAlias.objects.filter(indicator__outcome=outcome).select_related(
        "edition", "indicator").order_by("edition__edition", "pk")
    for alias in aliases:
        for ind in (alias.indicator, alias.indicator.parent):
            if ind is not None and (ind.pk not in latest
                                    or latest[ind.pk][0] <= alias.edition.edition):
                latest[ind.pk] = (alias.edition.edition, alias.code, ind)
    holders: dict[str, list[tuple]] = {}
    for when, code, ind in latest.values():
        holders.setdefault(normalise_code(code), []).append((when, code, ind))
    for key, group in holders.items():
        if not key:
            continue  # printed without a code: whatever code it had stands
        newest = max(when for when, _, _ in group)
        for when, code, ind in group:
            taken = when < newest
            wanted = "" if taken else code[:30]
            number = ind.number
            if wanted != ind.code:
                m = re.search(r"(\d{1,3})\s*$", wanted)
                number = int(m[1]) if m and ind.parent_id is None else None
            if wanted == ind.code and number == ind.number:
                continue
            ctx.upsert(PopulationIndicator, {"pk": ind.pk}, {"code": wanted, "number": number},
                       keep_existing_blank=False)
            if taken:
                by = next(i for w, _, i in group if w == newest)
                ctx.warn(f"The code {code} is printed for “{by.title}” in the {newest:%B %Y} "
                         f"report, so “{ind.title}” (last printed as {code} in {when:%B %Y}) "
                         "no longer has a current code; its code in each edition stays in "
                         "its aliases.")


def _outcome(ctx: LoadContext, parsed: ParsedMonitoringReport) -> Outcome:
    """The outcome, whose sponsor (with their title) and code prefix are those of the latest
    edition held, whatever order the editions are imported in."""
    name = parsed.outcome.strip().title() if parsed.outcome.isupper() else parsed.outcome.strip()
    existing = Outcome.objects.filter(name__iexact=name).first()
    if existing is None:
        return ctx.upsert(Outcome, {"name": name}, {
            "sponsor": parsed.sponsor[:200], "sponsor_title": parsed.sponsor_title[:300],
            "code_prefix": parsed.code_prefix[:20]}, parsed.ref)
    if ReportEdition.objects.filter(outcome=existing, edition__gt=parsed.edition).exists():
        return existing  # an earlier edition: its sponsor stays on its own pages
    outcome = ctx.upsert(Outcome, {"pk": existing.pk},
                         {"code_prefix": parsed.code_prefix[:20]}, parsed.ref)
    if parsed.sponsor:  # the sponsor and their title go together
        outcome = ctx.upsert(Outcome, {"pk": existing.pk}, {
            "sponsor": parsed.sponsor[:200], "sponsor_title": parsed.sponsor_title[:300]},
            parsed.ref, keep_existing_blank=False)
    return outcome


def read_period(text: str, expected: str = "") -> Period | None:
    """The period a printed label names, or None when it cannot be read."""
    if not text or not text.strip():
        return None
    try:
        return Period.parse(text, kind=expected or None)
    except PeriodError:
        try:
            return Period.parse(text)
        except PeriodError:
            return None


STATEMENT, TABLE = "statement", "table"


@dataclass
class _Figure:
    """One printed figure on its way to a series: gathered for the whole edition, then
    checked against the others for the same series and period before anything is written."""

    subject: PopulationIndicator | PerformanceMeasure
    period: Period
    breakdown: str
    number: Decimal | None
    status: str
    unit: str  # "" when in the subject's own unit
    origin: str  # STATEMENT (a "Latest"/"Previous" line) or TABLE (a printed series)
    text: str
    ref: SourceRef

    @property
    def key(self) -> tuple:
        return (type(self.subject).__name__, self.subject.pk, self.period.code,
                self.breakdown)


def _unit_label(unit: str) -> str:
    from scrutinydesk.core.vocab import Unit

    return Unit(unit).label if unit in Unit.values else unit


class _EditionLoader:
    def __init__(self, ctx: LoadContext, outcome: Outcome, edition: ReportEdition,
                 main_labels: set[str] = frozenset()):
        self.ctx, self.outcome, self.edition = ctx, outcome, edition
        self.main_labels = set(main_labels)  # the area's own name, as its headlines print it
        council = ctx.council_for(outcome.committees.exclude(council=None).first())
        if council is not None:  # and as the council on record is named
            self.main_labels |= council.area_names
        self.seen_indicators: list[PopulationIndicator] = []
        self.seen_measures: list[PerformanceMeasure] = []
        self.breakdowns: dict[int, set[str]] = {}  # measure pk -> breakdowns printed
        self.figures: dict[tuple, list[_Figure]] = {}

    # --- indicators -------------------------------------------------------------------
    def indicator(self, parsed: ParsedIndicator) -> PopulationIndicator:
        parent = None
        if parsed.group_title and normalise_title(parsed.group_title) != \
                normalise_title(parsed.title):
            parent = self._resolve(parsed.group_title, parsed.code, parsed.number, None,
                                   parsed.ref, unit_text="")
        unit_text = parsed.latest.unit_text if parsed.latest else ""
        indicator = self._resolve(parsed.title, parsed.code,
                                  parsed.number if parent is None else None, parent, parsed.ref,
                                  unit_text=unit_text)
        self.seen_indicators.append(indicator)
        ctx = self.ctx
        # The lead officers and partners are the indicator's latest edition's; an earlier
        # edition's stay in its own pages (and its words in Commentary).
        latest_here = self._latest_for(indicator)
        officers = [o for o in (ctx.officer(n) for n in parsed.lead_officers) if o]
        _lead_officers(ctx, indicator.lead_officers, officers, latest_here)
        outcome_leads = [o for o in (ctx.officer(n) for n in parsed.outcome_lead_officers) if o]
        _lead_officers(ctx, indicator.outcome_lead_officers, outcome_leads, latest_here)
        if parsed.partners and latest_here:
            ctx.upsert(PopulationIndicator, {"pk": indicator.pk}, {"partners": parsed.partners})
        ctx.upsert(IndicatorAlias, {"edition": self.edition, "indicator": indicator},
                   {"code": parsed.code[:30], "title": parsed.title[:500]}, parsed.ref)

        kind = _kind_named_on_page(parsed)
        latest = self._value(indicator, parsed.latest, parsed.ref, kind=kind)
        previous = self._value(indicator, parsed.previous, parsed.ref, kind=kind)
        for value in parsed.other_values:
            self._other_value(indicator, value, latest, parsed.ref)
        self._target(indicator, parsed.target, latest, parsed.ref)
        self._stated(indicator, parsed, latest, previous)
        for kind, text in ((CommentaryKind.STORY_BEHIND_BASELINE, parsed.story),
                           (CommentaryKind.PARTNERS, parsed.partners),
                           (CommentaryKind.WHAT_WE_ARE_DOING, parsed.what_we_are_doing),
                           (CommentaryKind.VALUE_FOR_MONEY, parsed.value_for_money),
                           (CommentaryKind.OTHER, parsed.target_text)):
            if text and text.strip():
                ctx.upsert(Commentary, {"indicator": indicator, "edition": self.edition,
                                        "kind": kind}, {"text": text.strip()}, parsed.ref)
        measures = [(m, self.measure(m, indicator)) for m in parsed.measures]
        for series in parsed.series:
            owner = self._measure_owning(indicator, series, measures)
            if owner is None:
                self._series(indicator, series)
            else:
                measure, breakdown = owner
                self._series(measure, series, breakdown=breakdown)
        for risk in parsed.risks:
            self.risk(risk, indicator=indicator)
        self.ctx.touch("indicator", indicator.pk)
        if indicator.parent_id:
            self.ctx.touch("indicator", indicator.parent_id)
        return indicator

    def _measure_owning(self, indicator, series: ParsedSeries, measures):
        """The measure a table printed among an indicator's headline lines belongs to,
        with the breakdown it holds, when the table itself says so: it is named with the
        measure's title, or it is in another unit than the indicator and repeats, for
        the same breakdown and period, a figure printed for exactly one of the
        indicator's measures. Else None (the table is the indicator's, or is set aside by
        ``_series`` when its unit does not agree)."""
        if series.is_comparator:
            return None
        named = [m for _, m in measures
                 if match_key(m.title) == match_key(series.name) and match_key(series.name)]
        if len(named) == 1:
            return named[0], ""
        unit = unit_from_text(series.unit_text, default="")
        if not unit or unit == indicator.unit:
            return None
        points = [(p, v) for p, v in series.points if v is not None]
        matches = []
        for parsed, measure in measures:
            if measure.unit != unit:
                continue
            for value in [*parsed.latest, *parsed.previous]:
                if value.value is None or \
                        normalise_title(value.breakdown) != normalise_title(series.name):
                    continue
                period = read_period(value.period_text, measure.frequency)
                if period is not None and any(
                        v == value.value and (q := read_period(p, measure.frequency))
                        is not None and q.code == period.code for p, v in points):
                    matches.append((measure, value.breakdown))
                    break
        if len({m.pk for m, _ in matches}) == 1:
            measure, breakdown = matches[0]
            self.ctx.warn(f"A table “{series.name}” printed under “{indicator.title}” repeats "
                          f"figures of the measure “{measure.title}” in its unit; filed "
                          "under that measure.")
            return measure, breakdown
        return None


    def _resolve(self, title: str, code: str, number, parent, ref: SourceRef, *,
                 unit_text: str) -> PopulationIndicator:
        candidates = PopulationIndicator.objects.filter(outcome=self.outcome, parent=parent)
        found = _match_by_title(self.ctx, list(candidates), title, code, "indicator",
                                self.seen_indicators)
        values = {"unit": unit_from_text(unit_text)} if unit_text else {}
        if found is None:
            return self.ctx.upsert(PopulationIndicator, {
                "outcome": self.outcome, "parent": parent, "title": title[:500]},
                {"code": code[:30], "number": number, "unit_label": unit_text[:100], **values},
                ref)
        if unit_text and not found.unit_label:
            values["unit_label"] = unit_text[:100]
        if self._latest_for(found) and title.strip() and not candidates.filter(
                title_key=normalise_title(title)).exclude(pk=found.pk).exists():
            values["title"] = title[:500]  # the wording of the latest edition printing it
        return self.ctx.upsert(PopulationIndicator, {"pk": found.pk}, values, ref)

    def _latest_for(self, subject) -> bool:
        """Is this edition the latest one printing the indicator or measure?"""
        field = "indicator" if isinstance(subject, PopulationIndicator) else "measure"
        return not IndicatorAlias.objects.filter(
            **{field: subject}, edition__outcome=self.outcome,
            edition__edition__gt=self.edition.edition).exists()

    # --- values -----------------------------------------------------------------------
    def _value(self, subject, value: ParsedValue | None, ref: SourceRef, *,
               kind: str = "") -> Period | None:
        """Record one printed value as an observation; return its period (of the kind
        ``kind`` where its label can be, unless a person fixed the series' frequency)."""
        if value is None:
            return None
        period = read_period(value.period_text, subject.frequency or kind)
        if period is None or value.value is None:
            if value.status and period is not None:
                return self._observation(subject, period, None, value.breakdown, ref,
                                         status=value.status)
            return period
        return self._observation(subject, period, value.value, value.breakdown, ref,
                                 unit_text=value.unit_text)

    def _other_value(self, subject, value: ParsedValue, latest: Period | None,
                     ref: SourceRef) -> None:
        """A further figure printed beside the headline: in another unit ("equating to 12.9
        per 1,000 population") it is its own series, named by its unit, for the headline's
        period when it names none."""
        if in_other_unit(value.unit_text, subject.unit):
            if value.value is None:
                return
            period = read_period(value.period_text) if value.period_text else latest
            if period is not None:
                label = " ".join(value.unit_text.split()).strip(" =:")[:200]
                self._observation(subject, period, value.value, label, ref,
                                  unit_text=value.unit_text)
            return
        period = read_period(value.period_text, subject.frequency)
        if latest is not None and period is not None and period.kind != latest.kind \
                and not value.breakdown:
            # An annual total printed beside a quarterly headline is its own series.
            if value.value is not None:
                self._observation(subject, period, value.value,
                                  period.kind.label.capitalize(), ref,
                                  unit_text=value.unit_text)
            return
        self._value(subject, value, ref)

    def _observation(self, subject, period: Period, number, breakdown: str, ref: SourceRef, *,
                     status: str = ObservationStatus.PUBLISHED, unit_text: str = "",
                     origin: str = STATEMENT, text: str = ""):
        """Gather one printed figure for its series; ``write_figures`` files it. A figure
        of the main series in another unit than its indicator's or measure's is set
        aside; one of a named breakdown keeps its own unit on the observation."""
        if subject.frequency and period.kind != subject.frequency and not breakdown:
            # A person has fixed the series' kind of period: a value of another kind is
            # kept as its own series, named after its kind.
            breakdown = period.kind.label.capitalize()
        unit = unit_from_text(unit_text, default="") if unit_text else ""
        if unit and unit == subject.unit:
            unit = ""
        printed = text or f"{period.label} {figure(number)} {unit_text}".strip()
        if unit and not breakdown and number is not None:
            self.ctx.put_aside(printed, (
                f"printed in {_unit_label(unit)}, but “{subject.title}” is in "
                f"{_unit_label(subject.unit)}; a figure in another unit is not filed under "
                "its series."), ref)
            return period
        item = _Figure(subject, period, breakdown[:200], number,
                       status if number is None else ObservationStatus.PUBLISHED, unit,
                       origin, printed, ref)
        self.figures.setdefault(item.key, []).append(item)
        return period

    def write_figures(self) -> None:
        """File the edition's figures, one per series, period and breakdown. Figures that
        agree are one figure. Where a printed table and a "Latest"/"Previous" line
        disagree, the table's figure is filed and the line stays in the stated judgement
        for the audit. Two tables (or two lines, and no table) giving different figures
        for one period cannot both be right: none of them is filed."""
        for items in self.figures.values():
            chosen = self._settle(items)
            if chosen is not None:
                self._write(chosen)
        self.figures = {}

    def _settle(self, items: list[_Figure]) -> _Figure | None:
        valued = [f for f in items if f.number is not None]
        if not valued:
            return items[0]
        tables = [f for f in valued if f.origin == TABLE]
        statements = [f for f in valued if f.origin == STATEMENT]
        if len({f.number for f in tables}) > 1:
            self._put_aside_all(tables, "the edition's tables print different figures "
                                "for this series and period")
            tables = []
        if tables:
            return tables[0]
        if len({f.number for f in statements}) > 1:
            self._put_aside_all(statements, "the edition prints different figures for "
                                "this series and period")
            return None
        return statements[0] if statements else None

    def _put_aside_all(self, items: list[_Figure], reason: str) -> None:
        first = items[0]
        where = f"“{first.subject.title}”, {first.period.label}" + (
            f", {first.breakdown}" if first.breakdown else "")
        figures = ", ".join(figure(f.number) for f in items)
        for item in items:
            self.ctx.put_aside(item.text, f"{reason} ({where}: {figures}).", item.ref)

    def _write(self, item: _Figure) -> None:
        """Keep what this edition printed, and make the observation hold the figure of
        the latest edition that printed one (people's corrections apply as to any
        figure: ``ingest.corrections``)."""
        ctx = self.ctx
        field = "indicator" if isinstance(item.subject, PopulationIndicator) else "measure"
        lookup = {field: item.subject, "period": item.period, "breakdown": item.breakdown}
        values = {"value": item.number, "edition": self.edition, "unit": item.unit,
                  "status": item.status}
        observation = Observation.objects.filter(**lookup).select_related("edition").first()
        printed = list(observation.printed.select_related("edition")) if observation else []
        if observation is not None and not printed and observation.edition is not None \
                and observation.edition_id != self.edition.pk \
                and observation.value is not None:
            # Written before each edition's figures were kept: record that edition's.
            earlier = PrintedValue(
                observation=observation, edition=observation.edition, value=observation.value,
                status=observation.status, source=observation.source,
                source_page=observation.source_page,
                source_page_end=observation.source_page_end)
            earlier.save()
            printed = [earlier]
        if any(p.edition.edition > self.edition.edition for p in printed):
            # A later edition already gave this period's figure: it stands; this
            # edition's is kept beside it as printed.
            ctx.count(Observation, "unchanged")
        else:
            observation = ctx.upsert(Observation, lookup, values, item.ref,
                                     keep_existing_blank=False)
        ctx.upsert(PrintedValue, {"observation": observation, "edition": self.edition},
                   {"value": item.number, "status": item.status}, item.ref,
                   keep_existing_blank=False)

    def _series(self, subject, series: ParsedSeries, *, breakdown: str | None = None) -> None:
        """A printed table: a comparator's values, or the subject's own (main or named
        breakdown). A table of the subject's own in another unit than the subject's is
        set aside whole: it is another series's, and cannot be placed with confidence."""
        name = series.name.strip()
        is_main = series.is_own or name.lower() in MAIN_SERIES_NAMES or \
            name.lower() == self.outcome.name.lower() or name.casefold() in self.main_labels
        if breakdown is not None:  # placed by the caller
            is_main, name = not breakdown, breakdown
        if series.is_comparator or (not is_main and comparator_kind(name) != "other"):
            comparator = self._comparator(name)
            for period_text, value in series.points:
                period = read_period(period_text)
                if period is not None and value is not None:
                    self._comparator_value(subject, comparator, period, value, series.ref)
            return
        unit = unit_from_text(series.unit_text, default="") if series.unit_text else ""
        if unit and unit != subject.unit:
            points = ", ".join(f"{p} {figure(v)}" for p, v in series.points if v is not None)
            self.ctx.put_aside(f"{name}: {points}", (
                f"a table in {_unit_label(unit)} printed with “{subject.title}”, which is in "
                f"{_unit_label(subject.unit)}; it is not filed under any series."), series.ref)
            return
        for period_text, value in series.points:
            period = read_period(period_text, subject.frequency)
            if period is not None and value is not None:
                self._observation(subject, period, value, "" if is_main else name, series.ref,
                                  unit_text=series.unit_text, origin=TABLE,
                                  text=f"{name} {period_text} {figure(value)}".strip())

    def _target(self, subject, target: ParsedValue | None, latest: Period | None,
                ref: SourceRef) -> None:
        """A target level ("Target £600.00 per week") as the value of the comparator
        "Target" for the period it names, else for the latest period, so that the
        assessment can say whether the target is met. A target in another unit than the
        headline is not compared with it, and is left in the page's text."""
        if target is None or target.value is None:
            return
        if subject.unit and in_other_unit(target.unit_text, subject.unit):
            return
        period = read_period(target.period_text, subject.frequency) if target.period_text \
            else latest
        if period is not None:
            self._comparator_value(subject, self._comparator("Target"), period, target.value,
                                   ref)

    def _comparator(self, printed: str) -> Comparator:
        name = comparator_name(printed)
        existing = Comparator.objects.filter(name__iexact=name).first()
        if existing:
            return existing
        comparator = Comparator(name=name, kind=comparator_kind(name))
        comparator.save()
        self.ctx.count(Comparator, "created")
        return comparator

    def _comparator_value(self, subject, comparator, period, value, ref):
        field = "indicator" if isinstance(subject, PopulationIndicator) else "measure"
        return self.ctx.upsert(ComparatorValue, {
            "comparator": comparator, field: subject, "period": period}, {"value": value}, ref)

    def _stated(self, subject, parsed, latest: Period | None, previous: Period | None) -> None:
        field = "indicator" if isinstance(subject, PopulationIndicator) else "measure"
        benchmark, trend = parsed.benchmark, parsed.trend
        values = {
            "code": parsed.code[:30],
            "latest_text": (parsed.latest.text if parsed.latest else "")[:300],
            "latest_value": parsed.latest.value if parsed.latest else None,
            "latest_period": latest,
            "latest_period_text": (parsed.latest.period_text if parsed.latest else "")[:100],
            "previous_text": (parsed.previous.text if parsed.previous else "")[:300],
            "previous_value": parsed.previous.value if parsed.previous else None,
            "previous_period": previous,
            "previous_period_text": (parsed.previous.period_text if parsed.previous else "")[:100],
            "trend_text": (trend.text if trend else "")[:200],
            "trend_printed": (trend.printed_word if trend else "")[:50],
            "trend": trend.word if trend else "",
            "trend_rag": trend.rag if trend else "",
        }
        if benchmark is not None:
            comparator = self._comparator(benchmark.comparator) if benchmark.comparator \
                else None
            period = read_period(benchmark.period_text, _kind_to_follow(latest)) \
                if benchmark.period_text else latest
            values.update({
                "benchmark_text": benchmark.text[:300],
                "benchmark_printed": benchmark.printed_word[:50],
                "benchmark_comparator": comparator,
                "benchmark": benchmark.word,
                "benchmark_value": benchmark.value,
                "benchmark_period": period,
                "benchmark_period_text": benchmark.period_text[:100],
                "benchmark_rag": benchmark.rag,
            })
            # "SIMILAR 14.1 per 1,000 population" beside a count: a comparator value belongs
            # to the headline's series, so one in another unit stays only in the stated
            # judgement (a ComparatorValue has no unit or breakdown).
            comparator_value = None if in_other_unit(benchmark.text, subject.unit) \
                else benchmark.value
            if comparator is not None and comparator_value is not None and period is not None:
                self._comparator_value(subject, comparator, period, comparator_value,
                                       parsed.ref)
        if not any(v not in (None, "") for k, v in values.items() if k != "code"):
            return
        self.ctx.upsert(StatedJudgement, {"edition": self.edition, field: subject}, values,
                        parsed.ref, keep_existing_blank=False)

    # --- measures ---------------------------------------------------------------------
    def measure(self, parsed: ParsedMeasure, indicator: PopulationIndicator):
        candidates = list(PerformanceMeasure.objects.filter(outcome=self.outcome))
        same_indicator = [m for m in candidates if m.indicator_id == indicator.pk]
        found = _match_by_title(self.ctx, same_indicator, parsed.title, "", "measure",
                                self.seen_measures) or \
            _match_by_title(self.ctx, candidates, parsed.title, "", "measure",
                            self.seen_measures)
        unit_text = _measure_unit_text(parsed)
        values = {"indicator": indicator}
        if unit_text:
            values["unit"] = unit_from_text(unit_text)
        if found is None:
            measure = self.ctx.upsert(PerformanceMeasure, {
                "outcome": self.outcome, "indicator": indicator, "title": parsed.title[:500]},
                {"unit_label": unit_text[:100], **values}, parsed.ref)
        else:
            if not self._latest_for(found):
                del values["indicator"]  # the latest edition printing it says which
            measure = self.ctx.upsert(PerformanceMeasure, {"pk": found.pk}, values, parsed.ref)
        self.seen_measures.append(measure)
        self.ctx.touch("measure", measure.pk)
        self.breakdowns.setdefault(measure.pk, set()).update(
            v.breakdown for v in [*parsed.latest, *parsed.previous] if v.breakdown)
        self.ctx.upsert(IndicatorAlias, {"edition": self.edition, "measure": measure},
                        {"code": "", "title": parsed.title[:500]}, parsed.ref)
        for value in [*parsed.latest, *parsed.previous]:
            self._value(measure, value, parsed.ref)
        for series in parsed.series:
            self._series(measure, series)
        first = parsed.latest[0] if parsed.latest else None
        latest_period = read_period(first.period_text, measure.frequency) if first else None
        for value in parsed.other_values:
            self._other_value(measure, value, latest_period, parsed.ref)
        self._target(measure, parsed.target, latest_period, parsed.ref)
        before = next((v for v in parsed.previous
                       if first is None or v.breakdown == first.breakdown), None)
        if first is not None or parsed.trend is not None or before is not None:
            latest = read_period(first.period_text, measure.frequency) if first else None
            previous = read_period(before.period_text, measure.frequency) if before else None
            values = {
                "latest_text": (first.text if first else "")[:300],
                "latest_value": first.value if first else None,
                "latest_period": latest,
                "latest_period_text": (first.period_text if first else "")[:100],
                "previous_text": (before.text if before else "")[:300],
                "previous_value": before.value if before else None,
                "previous_period": previous,
                "previous_period_text": (before.period_text if before else "")[:100],
                "trend_text": (parsed.trend.text if parsed.trend else "")[:200],
                "trend_printed": (parsed.trend.printed_word if parsed.trend else "")[:50],
                "trend": parsed.trend.word if parsed.trend else "",
                "trend_rag": parsed.trend.rag if parsed.trend else "",
            }
            self.ctx.upsert(StatedJudgement, {"edition": self.edition, "measure": measure},
                            values, parsed.ref, keep_existing_blank=False)
        return measure

    # --- risks ------------------------------------------------------------------------
    def risk(self, parsed: ParsedRiskAssessment, indicator: PopulationIndicator | None) -> Risk:
        code = normalise_risk_code(parsed.code)
        existing = Risk.objects.filter(code__iexact=code).first()
        values = {"title": parsed.title[:1000]}
        if existing and len(existing.title) >= len(parsed.title):
            values = {}
        risk = self.ctx.upsert(Risk, {"pk": existing.pk} if existing else {"code": code},
                               values, parsed.ref)
        self.ctx.link(risk.outcomes, [self.outcome])
        if indicator is not None:
            self.ctx.link(risk.indicators, [indicator])
        if parsed.level or parsed.trend:
            self.ctx.upsert(RiskAssessment, {"risk": risk, "assessed_on": self.edition.edition}, {
                "level": parsed.level, "trend": parsed.trend,
                "trend_text": parsed.trend_text[:50], "edition": self.edition,
            }, parsed.ref)
        return risk

    # --- focus --------------------------------------------------------------------------
    def focus(self, item, position: int) -> None:
        links = {"indicator": None, "measure": None, "risk_code": ""}
        if item.kind == "indicator":
            links["indicator"] = _best(self.seen_indicators, item.text) or \
                _covering(self.seen_indicators, item.text, {})
        elif item.kind == "measure":
            links["measure"] = _best(self.seen_measures, item.text) or \
                _covering(self.seen_measures, item.text, self.breakdowns)
        elif item.kind == "risk":
            m = re.match(r"\s*(\d{1,3}[a-z]?)\b", item.text, re.I)
            if m and Risk.objects.filter(code=normalise_risk_code(m.group(1))).exists():
                links["risk_code"] = normalise_risk_code(m.group(1))
        self.ctx.upsert(FocusSuggestion, {"edition": self.edition, "kind": item.kind,
                                          "text": item.text[:500]},
                        {"reason": item.reason, "position": position, **links}, item.ref)


def _measure_unit_text(parsed: ParsedMeasure) -> str:
    """The unit a measure is in: that of its printed values, else of its own series in a
    table, else the one its title names ("Percentage of …", "… per 10,000")."""
    for value in [*parsed.latest, *parsed.previous]:
        if value.unit_text:
            return value.unit_text
    for series in parsed.series:
        if series.unit_text and not series.is_comparator:
            return series.unit_text
    return unit_in_title(parsed.title)


_ACADEMIC_NAMED = re.compile(
    r"\b(\d{4}\s?[/-]\s?\d{2,4})\s(?:academic|school)\syear\b"
    r"|\b(?:academic|school)\syear\s(?:of\s)?(\d{4}\s?[/-]\s?\d{2,4})\b", re.I)


def _kind_named_on_page(parsed: ParsedIndicator) -> str:
    """An academic year, when the page's own words call the latest value's bare year pair
    one ("… persistently absent in the 2016/17 academic year" beside "Latest (2016/17)");
    its "Previous" is then of the same kind. Else "" (a bare pair is a financial year)."""
    if parsed.latest is None or not parsed.latest.period_text:
        return ""
    text = " ".join((parsed.story, parsed.target_text, parsed.latest.text))[:20_000]
    named = set()
    for m in _ACADEMIC_NAMED.finditer(text):
        period = read_period(m[1] or m[2], PeriodKind.ACADEMIC_YEAR)
        if period is not None and period.kind == PeriodKind.ACADEMIC_YEAR:
            named.add(period.code)
    latest = read_period(parsed.latest.period_text, PeriodKind.ACADEMIC_YEAR)
    if latest is not None and latest.kind == PeriodKind.ACADEMIC_YEAR and latest.code in named:
        return PeriodKind.ACADEMIC_YEAR
    return ""


def _kind_to_follow(latest: Period | None) -> str:
    """The kind a comparator's bare period ("2016/17") is read as: an academic year when
    the indicator's own latest value is for one (else "2016/17" reads as a financial
    year). A period that cannot be of that kind is read as printed."""
    if latest is not None and latest.kind == PeriodKind.ACADEMIC_YEAR:
        return PeriodKind.ACADEMIC_YEAR
    return ""


def normalise_risk_code(code: str) -> str:
    """ "14B" → "14b", "4a" → "04a" (register codes are two digits and a letter)."""
    m = re.fullmatch(r"\s*0*(\d{1,3})\s*([A-Za-z]?)\s*", code or "")
    if not m:
        return (code or "").strip().lower()
    return f"{int(m.group(1)):02d}{m.group(2).lower()}"


def _best(objects, text: str):
    scored = sorted(((title_similarity(o.title, text), o) for o in objects),
                    key=lambda pair: pair[0], reverse=True)
    if scored and scored[0][0] >= 0.34 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def _same_word(a: str, b: str) -> bool:
    """One word, or one the stem of the other ("skid", "skidding")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short)


def _covering(objects, text: str, breakdowns: dict[int, set[str]]):
    """The one object whose title (with the breakdowns printed for it) holds nearly every
    word of a short suggestion: "Skid resistance - non principal" is "Percentage roads with
    skidding resistance below investigatory level", breakdown "Non Principal". At least
    two of the words must be the title's own, and no other object may do as well."""
    wanted = normalise_title(text).split()
    if len(wanted) < 2:
        return None
    scored = []
    for obj in objects:
        own = normalise_title(obj.title).split()
        extra = normalise_title(" ".join(sorted(breakdowns.get(obj.pk, ())))).split()
        in_title = [w for w in wanted if any(_same_word(w, t) for t in own)]
        found = [w for w in wanted if w in in_title or any(_same_word(w, t) for t in extra)]
        if len(set(in_title)) >= 2:
            scored.append((len(found) / len(wanted), obj))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if scored and scored[0][0] >= 0.75 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


_UNIT_IN_BRACKETS = re.compile(
    r"\s*\((?:[^()]{0,30}\bper\b[^()]{0,40}|£|%|percent(?:age)?|rate|number|count)\)\s*$",
    re.I)


def _without_unit(title: str) -> str:
    """A title without the unit printed in brackets at its end: "Rate of children in care
    (per 10,000)" → "Rate of children in care" ("(aged 0 to 14 years)" stays)."""
    return _UNIT_IN_BRACKETS.sub("", title or "")


def match_key(title: str) -> str:
    """The key two printed titles of one indicator or measure share."""
    return normalise_title(_without_unit(title))


def _clauses(title: str) -> list[set[str]]:
    """The parts of a title joined by "and" that could each be a title of their own (three
    words or more): "Rate of children subject to a child protection plan and rate of
    children in care" has two; "Rate of children and young people in care" has one."""
    parts = [set(normalise_title(p).split())
             for p in re.split(r"\band\b|&", _without_unit(title), flags=re.I)]
    big = [p for p in parts if len(p) >= 3]
    return big if len(big) >= 2 else [set(match_key(title).split())]


def _merged_with(candidates, title: str) -> list:
    """The known titles that a title joining two or more ("… plan and rate of children in
    care") covers word for word, when it covers more than one of them (a title that only
    contains another known title is not a merge of it)."""
    if len(_clauses(title)) < 2:
        return []
    words = set(match_key(title).split())
    covered = [c for c in candidates if set(match_key(c.title).split()) <= words]
    keys = {c.pk: set(match_key(c.title).split()) for c in covered}
    distinct = [c for c in covered
                if not any(keys[c.pk] < keys[o.pk] for o in covered if o.pk != c.pk)]
    return distinct if len(distinct) >= 2 else []


def _match_by_title(ctx: LoadContext, candidates, title: str, code: str, what: str,
                    already: list):
    """The one known indicator or measure this printed title is, or None (new). Exact
    normalised titles win; else titles sharing most of their words; the printed code only
    breaks a tie. Several equally good candidates are reported, not guessed."""
    key = match_key(title)
    taken = {o.pk for o in already}
    exact = [c for c in candidates if match_key(c.title) == key]
    if not exact:
        exact = [c for c in candidates
                 if any(match_key(a.title) == key for a in c.aliases.all())]
    if len(exact) == 1:
        return exact[0]
    if not exact:
        merged = _merged_with(candidates, title)
        if merged:
            ctx.warn(f"The {what} “{title}” covers more than one known {what}: "
                     + "; ".join(f"“{c.title}”" for c in merged)
                     + ". It was recorded as a new " + what
                     + "; merge it in the admin if it is one of those.")
            return None
    clauses = len(_clauses(title))
    scored = sorted(((title_similarity(_without_unit(c.title), _without_unit(title)), c)
                     for c in candidates
                     if c.pk not in taken and len(_clauses(c.title)) == clauses),
                    key=lambda pair: pair[0], reverse=True)
    good = [(s, c) for s, c in scored if s >= MATCH_THRESHOLD]
    if not good:
        if not exact and clauses == 1:
            words = set(key.split())
            joined = [c for c in candidates if len(_clauses(c.title)) >= 2
                      and words <= set(match_key(c.title).split())]
            if joined:  # the merged title came first: say so here too
                ctx.warn(f"The {what} “{title}” is part of the known {what} “"
                         + "”; “".join(c.title for c in joined)
                         + "”, which joins it with another. It was recorded as a new "
                         + what + "; merge them in the admin if they are one.")
        return None
    best_score = good[0][0]
    tied = [c for s, c in good if best_score - s < 0.1]
    if len(tied) == 1:
        return tied[0]
    code_key = normalise_code(code)
    by_code = [c for c in tied if code_key and c.code_key == code_key]
    if len(by_code) == 1:
        return by_code[0]
    ctx.warn(f"The {what} “{title}” could be any of: "
             + "; ".join(f"“{c.title}”" for c in tied)
             + ". It was recorded as a new " + what
             + "; merge it in the admin if it is one of those.")
    return None

