"""An indicator's or measure's judgements computed from its stored data by the documented
rules (``scrutinydesk.judgements``; docs/methodology.md). One place, used by the findings
audit, the web pages and the generated report."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from scrutinydesk import judgements as j
from scrutinydesk.core.periods import Period, PeriodKind
from scrutinydesk.core.vocab import Unit

from .models import ComparatorValue, Observation, PerformanceMeasure, PopulationIndicator
from .vocab import ComparatorKind, ObservationStatus

RATE_PER = {Unit.PER_1000: 1000, Unit.PER_10000: 10000, Unit.PER_100000: 100000}
PERIODS_PER_YEAR = {PeriodKind.FINANCIAL_QUARTER: 4, PeriodKind.CALENDAR_QUARTER: 4,
                    PeriodKind.MONTH: 12}


@dataclass
class Assessment:
    """What the data say about one indicator or measure at its latest period."""

    subject: PopulationIndicator | PerformanceMeasure
    polarity: j.Polarity
    series: list[Observation]
    latest: Observation | None = None
    previous: Observation | None = None
    direction: j.TrendResult | None = None
    trend: j.TrendResult | None = None
    comparator_value: ComparatorValue | None = None
    benchmark: j.BenchmarkResult | None = None
    interval: j.Interval | None = None
    target_value: ComparatorValue | None = None
    target: j.TargetResult | None = None
    comparator_series: dict[str, list[ComparatorValue]] = field(default_factory=dict)

    @property
    def band(self) -> float:
        return float(self.subject.similar_band) / 100


def main_series(subject) -> list[Observation]:
    """The published values of the main series (no breakdown), oldest first."""
    rows = [o for o in subject.observations.all()
            if not o.breakdown and o.value is not None
            and o.status in (ObservationStatus.PUBLISHED, ObservationStatus.PROVISIONAL)]
    if subject.frequency:
        rows = [o for o in rows if o.period.kind == subject.frequency]
    return sorted(rows, key=lambda o: o.period.sort_key)


def previous_observation(series: list[Observation], period: Period, *,
                         same_period_last_year: bool = False) -> Observation | None:
    """The value a figure for ``period`` is compared with: the period before it (or the same
    period a year earlier, for seasonal quarterly or monthly data), else the latest earlier
    value in the series — "since the previous data submission"."""
    by_code = {o.period.code: o for o in series}
    if same_period_last_year and period.kind in PERIODS_PER_YEAR:
        return by_code.get(period.same_period_last_year().code)
    exact = by_code.get(period.previous().code)
    if exact is not None:
        return exact
    earlier = [o for o in series if o.period < period]
    return max(earlier, key=lambda o: o.period.sort_key) if earlier else None


def _label(o: Observation | None) -> str | None:
    return o.period.label if o is not None else None


def _points(rows: list[Observation]) -> list[j.Point]:
    return [j.Point(o.period.label, float(o.value),
                    float(o.numerator) if o.numerator is not None else None,
                    float(o.denominator) if o.denominator is not None else None) for o in rows]


def assess(subject, *, at: Period | None = None,
           polarity: j.Polarity | None = None) -> Assessment:
    """Judge ``subject`` at its latest period (or at ``at``), by its polarity or the one
    given. Uses the subject's prefetched observations, comparator values and stated
    judgements where a page prefetched them."""
    if polarity is None:
        polarity = j.Polarity(subject.polarity or j.Polarity.NO_JUDGEMENT)
    series = main_series(subject)
    if at is not None:
        series = [o for o in series if o.period <= at]
    result = Assessment(subject=subject, polarity=polarity, series=series)
    if not series:
        return result
    latest = series[-1]
    result.latest = latest
    band = result.band
    previous = previous_observation(series, latest.period,
                                    same_period_last_year=subject.compare_same_period_last_year)
    result.previous = previous
    result.direction = j.direction_of_travel(
        float(latest.value), float(previous.value) if previous else None, polarity=polarity,
        similar_band=band, latest_label=_label(latest), previous_label=_label(previous))
    result.trend = j.trend_over_periods(_points(series), polarity=polarity,
                                        n_periods=max(1, subject.trend_periods),
                                        similar_band=band)
    values = _comparator_values(subject)
    _benchmark(result, subject, latest, polarity, band, values)
    _target(result, latest, polarity, values)
    return result


def _prefetched(subject, name: str) -> bool:
    return name in getattr(subject, "_prefetched_objects_cache", {})


def _comparator_values(subject) -> list[ComparatorValue]:
    if _prefetched(subject, "comparatorvalues"):
        return list(subject.comparatorvalues.all())
    return list(subject.comparatorvalues.select_related("comparator"))


def _chosen_comparator(subject, values: list[ComparatorValue]):
    if subject.comparator_id:
        return subject.comparator
    if _prefetched(subject, "statedjudgements"):
        named = [s for s in subject.statedjudgements.all() if s.benchmark_comparator_id]
        stated = max(named, key=lambda s: s.edition.edition) if named else None
    else:
        stated = subject.statedjudgements.filter(benchmark_comparator__isnull=False) \
            .select_related("benchmark_comparator").order_by("-edition__edition").first()
    if stated is not None:
        return stated.benchmark_comparator
    others = [v.comparator for v in values if v.comparator.kind != ComparatorKind.TARGET]
    england = [c for c in others if c.kind == ComparatorKind.ENGLAND]
    return england[0] if england else (others[0] if others else None)


def _benchmark(result: Assessment, subject, latest: Observation, polarity, band,
               values: list[ComparatorValue]) -> None:
    for v in values:
        result.comparator_series.setdefault(v.comparator.name, []).append(v)
    comparator = _chosen_comparator(subject, values)
    if comparator is None:
        result.benchmark = j.compare_values(float(latest.value), None, polarity=polarity,
                                            tolerance=band, value_label=_label(latest))
        return
    same = [v for v in values if v.comparator_id == comparator.pk
            and v.period.code == latest.period.code]
    if not same:  # the latest comparator value at or before the latest period
        same = sorted((v for v in values if v.comparator_id == comparator.pk
                       and v.period <= latest.period), key=lambda v: v.period.sort_key)[-1:]
    if not same:
        result.benchmark = j.compare_values(float(latest.value), None, polarity=polarity,
                                            tolerance=band, value_label=_label(latest),
                                            comparator_label=comparator.name)
        return
    cv = same[0]
    result.comparator_value = cv
    interval = _interval(subject, latest)
    if interval is not None and interval.calculated:
        result.interval = interval
        other: float | j.Interval = float(cv.value)
        if cv.lower_limit is not None and cv.upper_limit is not None:
            # A published interval that does not contain its value is ignored.
            with contextlib.suppress(j.JudgementInputError):
                other = j.Interval.from_limits(float(cv.value), float(cv.lower_limit),
                                               float(cv.upper_limit))
        result.benchmark = j.compare_to_comparator(
            interval, other, polarity=polarity, value_label=_label(latest),
            comparator_label=comparator.name)
        return
    result.benchmark = j.compare_values(float(latest.value), float(cv.value), polarity=polarity,
                                        tolerance=band, value_label=_label(latest),
                                        comparator_label=comparator.name)


def _interval(subject, o: Observation):
    """A 95% interval where the counts are known: Wilson for percentages, Byar (exact
    Poisson under 10) for rates and counts."""
    if o.numerator is None:
        return None
    unit = o.unit or subject.unit
    try:
        if unit == Unit.PERCENT and o.denominator:
            return j.wilson_interval(float(o.numerator), float(o.denominator),
                                     multiplier=100)
        if unit in RATE_PER and o.denominator:
            return j.rate_interval(float(o.numerator), float(o.denominator),
                                   per=RATE_PER[unit])
        if unit == Unit.COUNT:
            return j.count_interval(float(o.numerator))
    except j.JudgementInputError:
        return None
    return None


def _target(result: Assessment, latest: Observation, polarity,
            values: list[ComparatorValue]) -> None:
    targets = [v for v in values
               if v.comparator.kind == ComparatorKind.TARGET and v.period <= latest.period]
    same = [v for v in targets if v.period.code == latest.period.code]
    chosen = same[0] if same else None
    result.target_value = chosen
    result.target = j.target_status(float(latest.value),
                                    float(chosen.value) if chosen else None, polarity=polarity)
