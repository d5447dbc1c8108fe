"""Argument checks and number formatting shared by the judgement modules."""

import math
import numbers
from dataclasses import dataclass

from .errors import JudgementInputError
from .vocab import BandKind, CannotCalculate, Movement, Polarity

DEFAULT_SIMILAR_BAND = 0.05
DEFAULT_CONFIDENCE = 0.95
# Float noise allowance so that e.g. 10.5 against 10 counts as exactly 5%.
_BAND_SLACK = 1e-9


def number(name: str, value: object, *, optional: bool = False) -> float | None:
    """Return value as a finite float, or None when optional and missing."""
    if value is None:
        if optional:
            return None
        raise JudgementInputError(f"{name} is required; got None")
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        raise JudgementInputError(f"{name} must be a number; got {value!r}")
    try:
        result = float(value)  # Decimal and Fraction convert; complex does not
    except (TypeError, ValueError):
        raise JudgementInputError(f"{name} must be a number; got {value!r}") from None
    if not math.isfinite(result):
        raise JudgementInputError(f"{name} must be a finite number; got {value!r}")
    return result


def non_negative(name: str, value: object) -> float:
    result = number(name, value)
    if result < 0:
        raise JudgementInputError(f"{name} must be zero or more; got {value!r}")
    return result


def positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise JudgementInputError(f"{name} must be a whole number; got {value!r}")
    if value < 1:
        raise JudgementInputError(f"{name} must be 1 or more; got {value!r}")
    return value


def confidence(value: object) -> float:
    result = number("confidence", value)
    if not 0 < result < 1:
        raise JudgementInputError(
            f"confidence must be between 0 and 1 exclusive (0.95 for 95%); got {value!r}"
        )
    return result


def polarity(value: object) -> Polarity:
    return member("polarity", Polarity, value)


def band(name: str, value: object, kind: object) -> tuple[float, BandKind]:
    """Check a similar band (or tolerance) and its kind together."""
    try:
        band_kind = BandKind(kind)
    except ValueError:
        raise JudgementInputError(
            f"{name} kind must be 'relative' or 'absolute'; got {kind!r}"
        ) from None
    width = number(name, value)
    if width < 0:
        raise JudgementInputError(f"{name} must be zero or more; got {value!r}")
    if band_kind is BandKind.RELATIVE and width >= 1:
        raise JudgementInputError(
            f"a relative {name} is a fraction (0.05 for ±5%) and must be below 1; got {value!r}"
        )
    return width, band_kind


def member(name: str, enum_class, value: object):
    """Return value as a member of enum_class, or raise with the allowed values."""
    try:
        return enum_class(value)
    except ValueError:
        allowed = ", ".join(item.value for item in enum_class)
        raise JudgementInputError(f"{name} must be one of {allowed}; got {value!r}") from None


def label(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise JudgementInputError(f"{name} must be text; got {value!r}")
    return value.strip() or None


def within(measure: float, width: float) -> bool:
    return measure <= width + _BAND_SLACK * max(1.0, width)


@dataclass(frozen=True, slots=True)
class Step:
    """How a value moved against a base value, judged with a similar band."""

    movement: Movement | None
    difference: float
    relative: float | None
    reason: CannotCalculate | None = None


def classify(value: float, base: float, width: float, kind: BandKind) -> Step:
    """Compare value with base: similar when the change is within the band (inclusive)."""
    difference = value - base
    relative = difference / abs(base) if base != 0 else None
    if kind is BandKind.RELATIVE:
        if relative is None:
            if difference == 0:
                return Step(Movement.SIMILAR, 0.0, None)
            return Step(None, difference, None, CannotCalculate.ZERO_BASELINE)
        measure = abs(relative)
    else:
        measure = abs(difference)
    if within(measure, width):
        return Step(Movement.SIMILAR, difference, relative)
    up = difference > 0
    return Step(Movement.INCREASING if up else Movement.DECREASING, difference, relative)


def fmt(value: float) -> str:
    """Format a number for explanations: thousands separators, at most 3 decimals."""
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "0") else f"{value:.2g}"


def fmt_sig(value: float, digits: int = 4) -> str:
    """Format to a few significant figures, for fitted values and interval limits."""
    return fmt(float(f"{value:.{digits}g}"))


def fmt_band(width: float, kind: BandKind) -> str:
    if kind is BandKind.RELATIVE:
        return f"±{fmt(round(width * 100, 6))}%"
    return f"±{fmt(width)}"


def fmt_change(difference: float, relative: float | None, kind: BandKind) -> str:
    """'12.3% higher' (relative) or '0.3 higher' (absolute)."""
    word = "higher" if difference > 0 else "lower"
    if kind is BandKind.RELATIVE and relative is not None:
        return f"{abs(relative) * 100:.1f}% {word}"
    return f"{fmt(abs(difference))} {word}"


def with_label(value: float, text: str | None) -> str:
    return f"{fmt(value)} ({text})" if text else fmt(value)
