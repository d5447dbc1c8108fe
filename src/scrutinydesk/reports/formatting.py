"""Numbers, units and judgement words as the report prints them."""

from __future__ import annotations

import re
from decimal import Decimal

from scrutinydesk import judgements as j
from scrutinydesk.core.models import area_of
from scrutinydesk.core.vocab import Unit

from .model import Figure, Rated

RATE_UNITS = {Unit.PER_1000, Unit.PER_10000, Unit.PER_100000}


def number(value: float | Decimal | None) -> str:
    """51 → "51", 3553 → "3,553", 115.30 → "115.3", 0.125 → "0.125"."""
    if value is None:
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def with_unit(value: float | Decimal | None, unit: str, unit_label: str = "") -> str:
    """A value with its unit: "51 per 10,000", "11%", "£1,200", "562 incidents"."""
    text = number(value)
    if not text:
        return ""
    if unit == Unit.PERCENT:
        return f"{text}%"
    if unit == Unit.GBP:
        return f"£{text}"
    label = unit_label.strip()
    if label and label not in ("%", "£"):
        return f"{text} {label}"
    if unit in RATE_UNITS or unit in (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS):
        return f"{text} {Unit(unit).label}"
    return text


def unit_caption(unit: str, unit_label: str = "") -> str:
    """What a chart's values are measured in, for its axis and table caption."""
    if unit_label.strip() and unit_label.strip() not in ("%",):
        return unit_label.strip()
    if unit == Unit.COUNT:
        return "number"
    return Unit(unit).label if unit in Unit.values else ""


def observation_figure(o, subject) -> Figure | None:
    """An observation printed with its own unit (or its subject's)."""
    if o is None:
        return None
    unit = o.unit or subject.unit
    label = subject.unit_label if unit == subject.unit else ""
    return Figure(float(o.value), with_unit(o.value, unit, label), o.period.label)


def area_name(council: str) -> str:
    """ "Dorset County Council" → "Dorset"; the name given to the main series."""
    return area_of(council) or "This area"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def rated_trend(result: j.TrendResult | None) -> Rated:
    if result is None:
        return Rated("No data", j.RAG.NONE, "No value is held for this period.", False)
    return Rated(result.judgement.label, result.rag, result.explanation, result.calculated)


def rated_benchmark(result: j.BenchmarkResult | None) -> Rated:
    if result is None:
        return Rated("Not compared", j.RAG.NONE, "No value is held for this period.", False)
    return Rated(capitalise(result.wording), result.rag, result.explanation, result.calculated)


def rated_target(result: j.TargetResult | None) -> Rated:
    if result is None:
        return Rated("No target", j.RAG.NONE, "No target has been set.", False)
    return Rated(result.status.label, result.rag, result.explanation, result.calculated)


def paragraphs(text: str) -> list[str]:
    """Printed text split into paragraphs; markup left by the conversion is removed."""
    text = re.sub(r"</p>|<br\s*/?>|</li>", "\n\n", text or "", flags=re.I)
    text = re.sub(r"<li[^>]*>", "• ", text, flags=re.I)
    text = re.sub(r"<[^>]{0,200}>", "", text)
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return [p for p in parts if p]
