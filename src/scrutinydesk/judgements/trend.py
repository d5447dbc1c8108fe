"""Direction of travel: is an indicator improving, similar or worsening?

The report legend defines IMPROVING / UNCHANGED / WORSENING against the previous
data submission. Scrutiny Desk makes that a rule: a change within the similar
band (default ±5% of the earlier value, boundary included) is "similar"; beyond
it the movement is increasing or decreasing, and the polarity turns that into
improving or worsening. These are descriptive rules, not significance tests, so
results carry ``confidence=None``.

``trend_over_periods`` fits an ordinary least-squares straight line to the last
N + 1 values (N period-to-period steps) and applies the same band to the change
along the fitted line, measured against the line's starting value. It also counts
how many of the most recent steps moved the same way.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from . import _checks as check
from .errors import JudgementInputError
from .rag import rag_for_trend
from .vocab import RAG, BandKind, CannotCalculate, Direction, Movement, Polarity, direction_for

DEFAULT_TREND_PERIODS = 3

_RUN_VERBS = {
    Direction.IMPROVING: "improved",
    Direction.WORSENING: "worsened",
    Direction.SIMILAR: "stayed within the band",
    Direction.INCREASING: "increased",
    Direction.DECREASING: "decreased",
}


@dataclass(frozen=True, slots=True)
class Point:
    """One period of an indicator, in time order. numerator/denominator are optional."""

    label: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None


@dataclass(frozen=True)
class TrendResult:
    """A direction-of-travel judgement.

    change / relative_change: latest minus previous (for trend_over_periods, the
    change along the fitted line and relative to its start). periods: steps
    spanned. run_length: most recent consecutive steps sharing run_judgement.
    """

    method: str
    judgement: Direction
    movement: Movement | None
    polarity: Polarity
    rag: RAG
    latest: float | None
    previous: float | None
    latest_label: str | None
    previous_label: str | None
    change: float | None
    relative_change: float | None
    similar_band: float
    band_kind: BandKind
    periods: int
    run_length: int = 0
    run_judgement: Direction | None = None
    confidence: float | None = None
    cannot_calculate: CannotCalculate | None = None
    explanation: str = ""

    @property
    def calculated(self) -> bool:
        return self.cannot_calculate is None

    @property
    def wording(self) -> str:
        return self.judgement.label.lower()


def _points(points: object) -> tuple[Point, ...]:
    if isinstance(points, str | bytes) or not isinstance(points, Sequence):
        raise JudgementInputError(
            f"points must be a sequence of Point in time order; got {points!r}"
        )
    result = []
    for index, item in enumerate(points):
        if isinstance(item, tuple) and not isinstance(item, Point) and len(item) == 2:
            item = Point(*item)
        if not isinstance(item, Point):
            raise JudgementInputError(
                f"points[{index}] must be a Point or a (label, value) pair; got {item!r}"
            )
        if not isinstance(item.label, str):
            raise JudgementInputError(f"points[{index}].label must be text; got {item.label!r}")
        value = check.number(f"points[{index}].value", item.value, optional=True)
        result.append(Point(item.label, value, item.numerator, item.denominator))
    return tuple(result)


def _cannot(reason: CannotCalculate, detail: str = "", **fields) -> TrendResult:
    text = f"Trend cannot be calculated: {reason.explanation[0].lower()}{reason.explanation[1:]}"
    if detail:
        text = f"{text[:-1]} ({detail})."
    fields.setdefault("change", None)
    return TrendResult(
        judgement=Direction.NOT_CALCULATED, movement=None, rag=RAG.NONE, relative_change=None,
        cannot_calculate=reason, explanation=text, **fields,
    )  # fmt: skip


def _needs(needed: int, available: int) -> str:
    return f"{needed} values needed, {available} available"


def _tail(step: check.Step, judgement: Direction, polarity: Polarity) -> str:
    if step.movement is Movement.SIMILAR:
        return ", so similar."
    if polarity is Polarity.NO_JUDGEMENT:
        return f"; this indicator has no preferred direction, so {judgement.value}."
    return f"; {polarity.label}, so {judgement.value}."


def _sentence(step, start: str, end: str, judgement, polarity, width, kind, same="") -> str:
    """'rose from A to B: 12.3% higher, beyond the ±5% band; lower is better, so worsening.'"""
    if step.difference == 0:
        return f"stayed at {same or end}, so similar."
    verb = "rose" if step.difference > 0 else "fell"
    side = "within" if step.movement is Movement.SIMILAR else "beyond"
    return (
        f"{verb} from {start} to {end}: "
        f"{check.fmt_change(step.difference, step.relative, kind)}, {side} the "
        f"{check.fmt_band(width, kind)} band{_tail(step, judgement, polarity)}"
    )


def _compare(method, new, old, new_label, old_label, polarity, width, kind, periods, lead):
    common = {
        "method": method, "polarity": polarity, "latest": new, "previous": old,
        "latest_label": new_label, "previous_label": old_label, "similar_band": width,
        "band_kind": kind, "periods": periods,
    }  # fmt: skip
    if new is None or old is None:
        return _cannot(CannotCalculate.MISSING_VALUE, **common)
    step = check.classify(new, old, width, kind)
    if step.reason is not None:
        return _cannot(step.reason, change=step.difference, **common)
    judgement = direction_for(step.movement, polarity)
    start, end = check.with_label(old, old_label), check.with_label(new, new_label)
    same = check.fmt(new) + (f" from {old_label} to {new_label}" if old_label and new_label else "")
    text = lead + _sentence(step, start, end, judgement, polarity, width, kind, same)
    return TrendResult(
        judgement=judgement, movement=step.movement, rag=rag_for_trend(judgement, polarity),
        change=step.difference, relative_change=step.relative, run_length=1,
        run_judgement=judgement, explanation=text[0].upper() + text[1:], **common,
    )  # fmt: skip


def direction_of_travel(
    latest,
    previous,
    *,
    polarity,
    similar_band=check.DEFAULT_SIMILAR_BAND,
    band_kind=BandKind.RELATIVE,
    latest_label: str | None = None,
    previous_label: str | None = None,
) -> TrendResult:
    """Latest value against the previous one: improving / similar / worsening.

    Similar when |latest − previous| / |previous| ≤ similar_band (relative) or
    |latest − previous| ≤ similar_band (absolute). A missing value, or a zero
    previous value with a relative band, gives a "cannot be calculated" result.
    """
    pol = check.polarity(polarity)
    width, kind = check.band("similar_band", similar_band, band_kind)
    new = check.number("latest", latest, optional=True)
    old = check.number("previous", previous, optional=True)
    new_label = check.label("latest_label", latest_label)
    old_label = check.label("previous_label", previous_label)
    return _compare("direction_of_travel", new, old, new_label, old_label, pol, width, kind, 1, "")


def same_period_last_year(
    points,
    *,
    periods_per_year: int,
    polarity,
    similar_band=check.DEFAULT_SIMILAR_BAND,
    band_kind=BandKind.RELATIVE,
) -> TrendResult:
    """Latest point against the point `periods_per_year` earlier (4 for quarters).

    For seasonal data, such as quarterly safeguarding concerns, this avoids
    reading a seasonal dip as a trend. Same band rule as direction_of_travel.
    """
    pts = _points(points)
    per_year = check.positive_int("periods_per_year", periods_per_year)
    pol = check.polarity(polarity)
    width, kind = check.band("similar_band", similar_band, band_kind)
    if len(pts) < per_year + 1:
        latest = pts[-1] if pts else Point("", None)
        return _cannot(
            CannotCalculate.TOO_FEW_PERIODS, _needs(per_year + 1, len(pts)),
            method="same_period_last_year", polarity=pol,
            latest=latest.value, previous=None, latest_label=latest.label or None,
            previous_label=None, similar_band=width, band_kind=kind, periods=per_year,
        )  # fmt: skip
    new, old = pts[-1], pts[-1 - per_year]
    lead = "Against the same period a year earlier, it "
    return _compare(
        "same_period_last_year", new.value, old.value, new.label or None, old.label or None,
        pol, width, kind, per_year, lead,
    )  # fmt: skip


def _run(pts: tuple[Point, ...], polarity, width, kind) -> tuple[int, Direction | None]:
    """How many of the most recent steps moved the same way, each judged with the band."""
    movement, count = None, 0
    for index in range(len(pts) - 1, 0, -1):
        new, old = pts[index].value, pts[index - 1].value
        if new is None or old is None:
            break
        step = check.classify(new, old, width, kind)
        if step.reason is not None or (movement is not None and step.movement is not movement):
            break
        movement = step.movement
        count += 1
    return count, direction_for(movement, polarity) if movement else None


def trend_over_periods(
    points,
    *,
    polarity,
    n_periods: int = DEFAULT_TREND_PERIODS,
    similar_band=check.DEFAULT_SIMILAR_BAND,
    band_kind=BandKind.RELATIVE,
) -> TrendResult:
    """Trend over the last n_periods steps (n_periods + 1 values) by least squares.

    slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² with x = 0..n; the fitted line runs from
    start = ȳ − slope·x̄ to end = start + slope·n, and (end − start) is judged with
    the similar band against start. With n_periods=1 this equals
    direction_of_travel. Every value in the window must be present.
    """
    pts = _points(points)
    n = check.positive_int("n_periods", n_periods)
    pol = check.polarity(polarity)
    width, kind = check.band("similar_band", similar_band, band_kind)
    window = pts[-(n + 1) :]
    common = {
        "method": "trend_over_periods", "polarity": pol, "similar_band": width,
        "band_kind": kind, "periods": n,
        "latest": window[-1].value if window else None,
        "previous": window[0].value if window else None,
        "latest_label": (window[-1].label or None) if window else None,
        "previous_label": (window[0].label or None) if window else None,
    }  # fmt: skip
    if len(pts) < n + 1:
        return _cannot(CannotCalculate.TOO_FEW_PERIODS, _needs(n + 1, len(pts)), **common)
    if any(point.value is None for point in window):
        return _cannot(CannotCalculate.MISSING_VALUE, **common)
    ys = [point.value for point in window]
    x_mean, y_mean = n / 2, sum(ys) / len(ys)
    sxx = sum((x - x_mean) ** 2 for x in range(n + 1))
    slope = sum((x - x_mean) * (y - y_mean) for x, y in enumerate(ys)) / sxx
    start = y_mean - slope * x_mean
    end = start + slope * n
    step = check.classify(end, start, width, kind)
    if step.reason is not None:
        return _cannot(step.reason, change=step.difference, **common)
    judgement = direction_for(step.movement, pol)
    run_length, run_judgement = _run(pts, pol, width, kind)
    span = f"{window[0].label} to {window[-1].label}" if window[0].label else ""
    plural = "s" if n > 1 else ""
    lead = f"Over the last {n} period{plural}{f' ({span})' if span else ''} the fitted trend line "
    text = lead + _sentence(
        step, check.fmt_sig(start), check.fmt_sig(end), judgement, pol, width, kind
    )
    if run_judgement is not None:
        verb = _RUN_VERBS[run_judgement]
        where = "the latest period" if run_length == 1 else f"each of the last {run_length} periods"
        text += f" It {verb} in {where}."
    return TrendResult(
        judgement=judgement, movement=step.movement, rag=rag_for_trend(judgement, pol),
        change=step.difference, relative_change=step.relative, run_length=run_length,
        run_judgement=run_judgement, explanation=text, **common,
    )  # fmt: skip
