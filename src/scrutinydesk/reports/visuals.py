"""An indicator's or measure's data turned into a chart with its table and a description a
screen reader can read out."""

from __future__ import annotations

from scrutinydesk.outcomes.vocab import ComparatorKind

from . import model as m
from .charts import ChartSeries, series_chart, short_number, sparkline
from .formatting import number


def _points(rows) -> list:
    return [(r.period.end, r.period.label, float(r.value)) for r in rows]


def _describe(series: list[ChartSeries]) -> str:
    sentences = []
    for s in series:
        first, last = s.points[0], s.points[-1]
        if len(s.points) == 1:
            sentences.append(f"{s.name}: {short_number(last[2])} in {last[1]}.")
        else:
            sentences.append(f"{s.name}: {len(s.points)} values, from {short_number(first[2])} "
                             f"in {first[1]} to {short_number(last[2])} in {last[1]}.")
    return " ".join(sentences)


def indicator_chart(view: m.IndicatorView, assessment, area: str):
    """(title, SVG, data table) for an indicator with at least one value."""
    latest = assessment.latest.period
    main = ChartSeries(area, _points(assessment.series), "main")
    comparators, targets = [], []
    for name, rows in assessment.comparator_series.items():
        rows = sorted((r for r in rows if r.period <= latest), key=lambda r: r.period.sort_key)
        if not rows:
            continue
        if rows[0].comparator.kind == ComparatorKind.TARGET:
            targets.append(ChartSeries(name, _points(rows), "target"))
        else:
            comparators.append(ChartSeries(name, _points(rows), "comparator"))
    series = [main, *comparators, *targets]
    others = [s.name for s in series[1:]]
    name = view.heading if view.code else view.title
    title = f"{name}: {area}" + (f" compared with {', '.join(others)}" if others else "")
    description = (f"Line chart, {view.unit_label or 'values'} by period. "
                   + _describe(series) + " The same figures are in the table below the chart.")
    svg = series_chart(series, title=title, description=description,
                       unit_label=view.unit_label)
    return title, svg, _table(series, f"Figures behind the chart: {name}"
                              + (f" ({view.unit_label})" if view.unit_label else ""))


def _table(series: list[ChartSeries], caption: str) -> m.DataTable:
    periods: dict = {}
    for s in series:
        for end, label, _ in s.points:
            periods.setdefault((end, label), None)
    by_series = [{(end, label): value for end, label, value in s.points} for s in series]
    rows = []
    for key in sorted(periods, key=lambda k: k[0]):
        rows.append((key[1], [number(values[key]) if key in values else "–"
                              for values in by_series]))
    return m.DataTable(caption, [s.name for s in series], rows)


def measure_sparkline(title: str, rows) -> str:
    points = _points(rows)
    description = (_describe([ChartSeries(title, points)])
                   + " The same figures are in the table beside the chart.")
    return sparkline(points, title=f"Trend: {title}", description=description)
