"""Small charts drawn as inline SVG on the server (no JavaScript): a sparkline for a
dashboard row and bars for a breakdown. Each carries ``role="img"`` with a title and a
description, and the numbers are always printed beside it in text."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from scrutinydesk.reports.formatting import number

INK = "#0b0c0c"
MAIN = "#1d70b8"
COMPARATOR = "#505a5f"


def _scale(values: list[float], low_px: float, high_px: float):
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return lambda v: high_px - (v - low) / span * (high_px - low_px)


def sparkline(values: list[float], *, label: str, description: str,
              comparator: list[float | None] | None = None, width: int = 120,
              height: int = 32) -> SafeString:
    """A line of ``values`` (oldest first), the latest point marked; a dashed line for the
    comparator's values at the same points where known."""
    if not values:
        return mark_safe("")
    pad = 4
    known = [c for c in (comparator or []) if c is not None]
    y = _scale(values + known, pad, height - pad)
    step = (width - 2 * pad) / max(1, len(values) - 1)

    def x(i):
        return pad + i * step if len(values) > 1 else width / 2

    line = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
    parts = [f'<svg class="sd-sparkline" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" aria-label="{escape(label)}">',
             f"<title>{escape(label)}</title><desc>{escape(description)}</desc>"]
    if known and comparator:
        points = " ".join(f"{x(i):.1f},{y(c):.1f}" for i, c in enumerate(comparator)
                          if c is not None)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{COMPARATOR}" '
                     'stroke-width="1.5" stroke-dasharray="3 2"/>')
    parts.append(f'<polyline points="{line}" fill="none" stroke="{MAIN}" stroke-width="2"/>')
    last = len(values) - 1
    parts.append(f'<circle cx="{x(last):.1f}" cy="{y(values[-1]):.1f}" r="3" fill="{MAIN}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bars(rows: list[tuple[str, float]], *, label: str, description: str,
         width: int = 560, bar_height: int = 18) -> SafeString:
    """Horizontal bars, one a row of (name, value), each labelled with its name and value."""
    if not rows:
        return mark_safe("")
    name_px, value_px, gap = 200, 70, 6
    top = max(v for _, v in rows)
    bottom = min(0.0, min(v for _, v in rows))
    span = (top - bottom) or 1.0
    room = width - name_px - value_px
    height = len(rows) * (bar_height + gap) + gap
    parts = [f'<svg class="sd-bars" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" aria-label="{escape(label)}">',
             f"<title>{escape(label)}</title><desc>{escape(description)}</desc>"]
    for i, (name, value) in enumerate(rows):
        y = gap + i * (bar_height + gap)
        length = (value - bottom) / span * room
        short = name if len(name) <= 28 else name[:27] + "…"
        parts.append(f'<text x="{name_px - 6}" y="{y + bar_height - 5}" text-anchor="end" '
                     f'font-size="13" fill="{INK}">{escape(short)}</text>')
        parts.append(f'<rect x="{name_px}" y="{y}" width="{max(length, 1):.1f}" '
                     f'height="{bar_height}" fill="{MAIN}"/>')
        parts.append(f'<text x="{name_px + length + 4:.1f}" y="{y + bar_height - 5}" '
                     f'font-size="13" fill="{INK}">{number(value)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
