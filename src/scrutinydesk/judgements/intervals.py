"""Confidence intervals for proportions, counts and rates (PHE methods).

Sources:

* Wilson score interval: Wilson EB (1927) J Am Stat Assoc 22:209-212, in the form
  given by Newcombe RG (1998) Stat Med 17:857-872 (method 3) and PHE/OHID Fingertips
  technical guidance "Proportions".
* Byar's approximation to the Poisson limits: Breslow NE, Day NE (1987) Statistical
  Methods in Cancer Research vol. II, IARC, p.69.
* Exact Poisson limits through the chi-square distribution: Garwood F (1936)
  Biometrika 28:437-442; Armitage P, Berry G (2002).
* Choice between them: PHE "Technical Guide: Confidence Intervals" (2018) and
  PHEindicatormethods ``phe_rate``: exact for counts below 10, Byar's from 10.
"""

from dataclasses import dataclass

from . import _checks as check
from ._distributions import gamma_quantile, two_sided_z
from .errors import JudgementInputError
from .vocab import CannotCalculate

EXACT_BELOW = 10  # PHE: use the exact method for counts below 10
_METHOD_NAMES = {
    "wilson": "Wilson score method",
    "byar": "Byar's method",
    "exact_poisson": "exact Poisson method",
    "supplied": "as published",
}


def _pct(confidence: float) -> str:
    return f"{round(confidence * 100, 6):g}%"


def _stat(value: float, multiplier: float) -> str:
    if multiplier == 1:
        return f"{value:,.3f}"
    if multiplier == 100:
        return f"{value:.1f}%"
    return f"{value:,.1f} per {check.fmt(multiplier)}"


@dataclass(frozen=True)
class Interval:
    """A statistic with its confidence interval (all on the multiplier's scale)."""

    method: str
    estimate: float | None
    lower: float | None
    upper: float | None
    confidence: float
    numerator: float | None = None
    denominator: float | None = None
    multiplier: float = 1.0
    cannot_calculate: CannotCalculate | None = None
    explanation: str = ""

    @property
    def calculated(self) -> bool:
        return self.cannot_calculate is None

    def contains(self, value: float) -> bool:
        return self.calculated and self.lower <= value <= self.upper

    @classmethod
    def from_limits(
        cls, estimate, lower, upper, *, confidence=check.DEFAULT_CONFIDENCE, multiplier=1
    ) -> "Interval":
        """Wrap a published value and interval (e.g. from Fingertips) for comparison."""
        est = check.number("estimate", estimate)
        low = check.number("lower", lower)
        high = check.number("upper", upper)
        conf = check.confidence(confidence)
        scale = check.number("multiplier", multiplier)
        if scale <= 0:
            raise JudgementInputError(f"multiplier must be more than zero; got {multiplier!r}")
        if not low <= est <= high:
            raise JudgementInputError(
                f"the interval must satisfy lower <= estimate <= upper; got {low}, {est}, {high}"
            )
        text = (
            f"{_stat(est, scale)}; {_pct(conf)} confidence interval "
            f"{_stat(low, scale)} to {_stat(high, scale)} (as published)."
        )
        return cls("supplied", est, low, high, conf, None, None, scale, None, text)


def _not_calculated(method, conf, numerator, denominator, multiplier, reason) -> Interval:
    text = f"No {_METHOD_NAMES[method]} interval: {reason.explanation[0].lower()}"
    text += reason.explanation[1:]
    return Interval(
        method, None, None, None, conf, numerator, denominator, multiplier, reason, text
    )


def wilson_interval(
    numerator, denominator, confidence=check.DEFAULT_CONFIDENCE, *, multiplier=1
) -> Interval:
    """Proportion numerator/denominator with its Wilson score interval.

    lower, upper = (2O + z² ∓ z·√(z² + 4Oq)) / (2(n + z²)), with O the numerator,
    n the denominator, q = 1 − O/n (Newcombe 1998, method 3). Multiply by
    `multiplier` (100 for a percentage). A zero denominator is not an error: the
    result says the proportion cannot be calculated.
    """
    o = check.non_negative("numerator", numerator)
    n = check.non_negative("denominator", denominator)
    conf = check.confidence(confidence)
    scale = check.number("multiplier", multiplier)
    if scale <= 0:
        raise JudgementInputError(f"multiplier must be more than zero; got {multiplier!r}")
    if o > n:
        raise JudgementInputError(
            f"numerator ({check.fmt(o)}) must not exceed denominator ({check.fmt(n)}) "
            "for a proportion"
        )
    if n == 0:
        return _not_calculated("wilson", conf, o, n, scale, CannotCalculate.ZERO_DENOMINATOR)
    z = two_sided_z(conf)
    q = 1 - o / n
    root = z * (z * z + 4 * o * q) ** 0.5
    est = o / n
    # The limits bracket the estimate and lie in [0, 1]; clamping removes float noise
    # at the edges (O = 0 gives exactly 0, O = n exactly 1).
    low = 0.0 if o == 0 else min(est, (2 * o + z * z - root) / (2 * (n + z * z)))
    high = 1.0 if o == n else max(est, (2 * o + z * z + root) / (2 * (n + z * z)))
    text = (
        f"{check.fmt(o)} out of {check.fmt(n)} is {_stat(est * scale, scale)}; "
        f"{_pct(conf)} confidence interval {_stat(low * scale, scale)} to "
        f"{_stat(high * scale, scale)} (Wilson score method)."
    )
    return Interval("wilson", est * scale, low * scale, high * scale, conf, o, n, scale, None, text)


def _byar_limits(count: float, z: float, conf: float) -> tuple[float, float]:
    low = 0.0 if count == 0 else count * (1 - 1 / (9 * count) - z / (3 * count**0.5)) ** 3
    c1 = count + 1
    high = c1 * (1 - 1 / (9 * c1) + z / (3 * c1**0.5)) ** 3
    if low < 0:
        raise JudgementInputError(
            f"Byar's method gives a negative lower limit for a count of {check.fmt(count)} at "
            f"{_pct(conf)} confidence; use the exact method for small counts"
        )
    return low, high


def _exact_limits(count: float, conf: float) -> tuple[float, float]:
    alpha = 1 - conf
    low = gamma_quantile(alpha / 2, count) if count > 0 else 0.0
    return low, gamma_quantile(1 - alpha / 2, count + 1)


def _method_name(count: float, method: object) -> str:
    if method not in ("auto", "byar", "exact"):
        raise JudgementInputError(f"method must be 'auto', 'byar' or 'exact'; got {method!r}")
    if method == "exact" or (method == "auto" and count < EXACT_BELOW):
        return "exact_poisson"
    return "byar"


def _count_limits(count: float, conf: float, method: object) -> tuple[str, float, float]:
    name = _method_name(count, method)
    if name == "exact_poisson":
        return (name, *_exact_limits(count, conf))
    return (name, *_byar_limits(count, two_sided_z(conf), conf))


def _count_result(count, confidence, method) -> Interval:
    o = check.non_negative("count", count)
    conf = check.confidence(confidence)
    name, low, high = _count_limits(o, conf, method)
    text = (
        f"A count of {check.fmt(o)}; {_pct(conf)} confidence interval "
        f"{check.fmt_sig(low)} to {check.fmt_sig(high)} ({_METHOD_NAMES[name]})."
    )
    return Interval(name, o, low, high, conf, o, None, 1.0, None, text)


def byar_interval(count, confidence=check.DEFAULT_CONFIDENCE) -> Interval:
    """Poisson limits for a count by Byar's approximation (Breslow & Day 1987).

    lower = O(1 − 1/(9O) − z/(3√O))³; upper = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
    Raises JudgementInputError when the lower limit would be negative (tiny counts
    at high confidence), as PHEindicatormethods does.
    """
    return _count_result(count, confidence, "byar")


def exact_poisson_interval(count, confidence=check.DEFAULT_CONFIDENCE) -> Interval:
    """Exact Poisson limits: lower = χ²(α/2; 2O)/2, upper = χ²(1 − α/2; 2O + 2)/2."""
    return _count_result(count, confidence, "exact")


def count_interval(count, confidence=check.DEFAULT_CONFIDENCE, *, method="auto") -> Interval:
    """Poisson limits for a count: exact below 10, Byar's from 10 (PHE), unless `method`."""
    return _count_result(count, confidence, method)


def rate_interval(
    count, population, *, per=100_000, confidence=check.DEFAULT_CONFIDENCE, method="auto"
) -> Interval:
    """Crude rate count/population × per with Poisson limits for the count.

    The count limits (exact below 10, Byar's from 10 unless `method` says
    otherwise) are divided by the population and multiplied by `per` (PHE/OHID
    Fingertips technical guidance "Rates"). A zero population is not an error: the
    result says the rate cannot be calculated.
    """
    o = check.non_negative("count", count)
    n = check.non_negative("population", population)
    scale = check.number("per", per)
    if scale <= 0:
        raise JudgementInputError(f"per must be more than zero; got {per!r}")
    conf = check.confidence(confidence)
    if n == 0:
        name = _method_name(o, method)
        return _not_calculated(name, conf, o, n, scale, CannotCalculate.ZERO_DENOMINATOR)
    name, low, high = _count_limits(o, conf, method)
    rate = o / n * scale
    text = (
        f"{check.fmt(o)} in a population of {check.fmt(n)} is {_stat(rate, scale)}; "
        f"{_pct(conf)} confidence interval {check.fmt_sig(low / n * scale)} to "
        f"{check.fmt_sig(high / n * scale)} ({_METHOD_NAMES[name]})."
    )
    return Interval(name, rate, low / n * scale, high / n * scale, conf, o, n, scale, None, text)
