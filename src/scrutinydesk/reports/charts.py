"""Charts for the monitoring report: matplotlib, written as inline SVG strings.

Every chart is readable without colour (each series has its own line style and marker, and
is labelled directly at its last point), carries ``role="img"`` with a ``<title>`` and a
``<desc>`` for screen readers, and keeps its text as text (selectable in the PDF). The
numbers behind a chart are always printed in a table beside it by the template; this
module only draws.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from html import escape

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

FONT = ["Liberation Sans", "Arial", "DejaVu Sans"]
INK = "#0b0c0c"  # GOV.UK text colour
GRID = "#b1b4b6"
MAX_TICKS = 8

# (colour, line style, marker) by role; comparators take the next free style in turn.
MAIN_STYLE = ("#1d70b8", "-", "o")
COMPARATOR_STYLES = [("#505a5f", "--", "s"), ("#6f72af", "-.", "D"), ("#912b88", (0, (1, 1)), "v")]
TARGET_STYLE = ("#00703c", ":", "^")

_RC = {
    "svg.fonttype": "none",  # text stays text
    "svg.hashsalt": "scrutinydesk",  # stable ids: the same data gives the same SVG
    "font.family": "sans-serif",
    "font.sans-serif": FONT,
    "font.size": 9,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
}
_ids = itertools.count(1)


@dataclass
class ChartSeries:
    """One line: ``role`` is "main", "comparator" or "target"; points are (period end,
    period label, value) in time order."""

    name: str
    points: list[tuple[date, str, float]] = field(default_factory=list)
    role: str = "main"


def _style(role: str, index: int):
    if role == "main":
        return MAIN_STYLE
    if role == "target":
        return TARGET_STYLE
    return COMPARATOR_STYLES[index % len(COMPARATOR_STYLES)]


def short_number(value: float) -> str:
    """A number for a label: thousands separators, up to one decimal place."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _spread(positions: list[float], gap: float) -> list[float]:
    """Move label heights apart so that no two are closer than ``gap``, keeping order."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = list(positions)
    for before, after in itertools.pairwise(order):
        if placed[after] - placed[before] < gap:
            placed[after] = placed[before] + gap
    return placed


def series_chart(series: list[ChartSeries], *, title: str, description: str,
                 unit_label: str = "", width: float = 6.4, height: float = 2.5) -> str:
    """A line chart of an indicator's series with its comparators and target."""
    drawn = [s for s in series if s.points]
    with matplotlib.rc_context(_RC):
        fig, ax = plt.subplots(figsize=(width, height))
        try:
            ends = _draw_lines(ax, drawn)
            _axes(ax, drawn, unit_label)
            _label_ends(ax, ends)
            fig.subplots_adjust(left=0.1, right=0.8, top=0.95, bottom=0.14)
            return _svg(fig, title, description)
        finally:
            plt.close(fig)


def _draw_lines(ax, drawn: list[ChartSeries]) -> list:
    comparators = 0
    ends = []
    for s in drawn:
        colour, style, marker = _style(s.role, comparators)
        if s.role == "comparator":
            comparators += 1
        xs = [p[0] for p in s.points]
        ys = [p[2] for p in s.points]
        ax.plot(xs, ys, color=colour, linestyle=style, marker=marker,
                linewidth=2.2 if s.role == "main" else 1.6,
                markersize=5.5 if s.role == "main" else 4.5,
                markerfacecolor=colour if s.role == "main" else "white",
                label=s.name, zorder=3 if s.role == "main" else 2)
        ends.append((s, xs[-1], ys[-1], colour))
    return ends


def _label_ends(ax, ends) -> None:
    """Name each line and its latest value at the right-hand edge, spaced apart."""
    if not ends:
        return
    low, high = ax.get_ylim()
    span = (high - low) or 1.0
    heights = _spread([(y - low) / span for _, _, y, _ in ends], 0.09)
    for (s, _x, _y, colour), frac in zip(ends, heights, strict=True):
        ax.annotate(f"{s.name} {short_number(_y)}", xy=(1.0, low + frac * span),
                    xycoords=("axes fraction", "data"), xytext=(6, 0),
                    textcoords="offset points", va="center", ha="left",
                    color=colour if s.role != "main" else INK, fontsize=8.5,
                    fontweight="bold" if s.role == "main" else "normal",
                    annotation_clip=False)


def _axes(ax, drawn: list[ChartSeries], unit_label: str) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    values = [p[2] for s in drawn for p in s.points]
    if values and min(values) >= 0:
        ax.set_ylim(bottom=0, top=max(values) * 1.12 or 1)
    if unit_label:
        ax.set_ylabel(unit_label, fontsize=8)
    ticks: dict[date, str] = {}
    for s in sorted(drawn, key=lambda s: s.role != "main"):
        for end, label, _ in s.points:
            ticks.setdefault(end, label)
    chosen = sorted(ticks)
    longest = max((len(label) for label in ticks.values()), default=1)
    room = max(2, min(MAX_TICKS, 66 // (longest + 3)))  # labels must not run together
    if len(chosen) > room:
        step = -(-len(chosen) // room)
        chosen = chosen[::-1][::step][::-1]  # keep the latest period
    ax.set_xticks([mdates.date2num(d) for d in chosen])
    ax.set_xticklabels([ticks[d] for d in chosen], fontsize=7.5)
    if len(ticks) == 1:
        only = mdates.date2num(chosen[0])
        ax.set_xlim(only - 200, only + 200)
    else:
        first, last = mdates.date2num(min(ticks)), mdates.date2num(max(ticks))
        pad = (last - first) * 0.04
        ax.set_xlim(first - pad, last + pad)


def sparkline(points: list[tuple[date, str, float]], *, title: str, description: str,
              width: float = 1.9, height: float = 0.55) -> str:
    """A small trend line for a performance measure, its latest point marked."""
    with matplotlib.rc_context(_RC):
        fig, ax = plt.subplots(figsize=(width, height))
        try:
            xs = [p[0] for p in points]
            ys = [p[2] for p in points]
            colour, style, marker = MAIN_STYLE
            ax.plot(xs, ys, color=colour, linestyle=style, linewidth=1.4)
            if xs:
                ax.plot(xs[-1:], ys[-1:], marker=marker, color=colour, markersize=4)
            ax.set_axis_off()
            if len(xs) == 1:
                only = mdates.date2num(xs[0])
                ax.set_xlim(only - 30, only + 30)
            fig.subplots_adjust(left=0.04, right=0.96, top=0.9, bottom=0.1)
            return _svg(fig, title, description)
        finally:
            plt.close(fig)


_ID_ATTR = re.compile(r'\bid="([^"]+)"')


def _svg(fig, title: str, description: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return accessible_svg(buffer.getvalue(), title, description)


def accessible_svg(svg: str, title: str, description: str, prefix: str | None = None) -> str:
    """An SVG document made fit to inline in HTML: no XML prologue or comments, ids made
    unique to this chart, ``role="img"`` with a ``<title>`` and ``<desc>`` it is labelled by.
    """
    prefix = prefix or f"chart{next(_ids)}"
    svg = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->|<metadata>.*?</metadata>", "", svg,
                 flags=re.S).strip()
    ids = set(_ID_ATTR.findall(svg))
    for old in sorted(ids, key=len, reverse=True):
        svg = svg.replace(f'id="{old}"', f'id="{prefix}-{old}"')
        svg = svg.replace(f"#{old})", f"#{prefix}-{old})").replace(
            f'href="#{old}"', f'href="#{prefix}-{old}"')
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    svg = re.sub(r'<svg\b([^>]*?)\swidth="[^"]*"\s+height="[^"]*"', r"<svg\1", svg, count=1)
    head = (f'<svg role="img" aria-labelledby="{title_id} {desc_id}" class="chart"'
            f' focusable="false"')
    svg = svg.replace("<svg", head, 1)
    close = svg.index(">") + 1
    return (f"{svg[:close]}<title id=\"{title_id}\">{escape(title)}</title>"
            f"<desc id=\"{desc_id}\">{escape(description)}</desc>{svg[close:]}")
