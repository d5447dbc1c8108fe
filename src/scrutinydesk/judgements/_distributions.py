"""Normal and gamma (chi-square) quantiles from the standard library only.

* Normal quantile: ``statistics.NormalDist.inv_cdf``, which implements Wichura's
  algorithm AS241 (Applied Statistics 37:477-484, 1988), accurate to about 1e-16.
* Regularised lower incomplete gamma P(a, x): series expansion for x < a + 1 and
  Lentz's continued fraction otherwise (Press et al., Numerical Recipes, 3rd ed.,
  section 6.2). Its inverse is found by bracketing and bisection, which is slow
  but cannot fail to converge because P is monotonic in x.

The chi-square quantile with k degrees of freedom is 2 × the gamma(k/2) quantile,
so the exact Poisson limits (Garwood 1936) need only the gamma quantile.
"""

import math
from statistics import NormalDist

_STANDARD_NORMAL = NormalDist()
_EPS = 1e-16
_TINY = 1e-300
_MAX_TERMS = 100_000


def normal_quantile(p: float) -> float:
    """The p-th quantile of the standard normal distribution (AS241)."""
    return _STANDARD_NORMAL.inv_cdf(p)


def two_sided_z(confidence: float) -> float:
    """z such that a central interval of the normal distribution holds `confidence`."""
    return normal_quantile(1 - (1 - confidence) / 2)


def _log_prefactor(a: float, x: float) -> float:
    return -x + a * math.log(x) - math.lgamma(a)


def regularized_gamma_p(a: float, x: float) -> float:
    """P(a, x) = γ(a, x) / Γ(a) for a > 0, x >= 0."""
    if x <= 0:
        return 0.0
    if x < a + 1:
        # Σ x^k / ((a+1)...(a+k)) times x^a e^-x / Γ(a+1): no 1/a overflow for tiny a.
        term = total = 1.0
        denominator = a
        for _ in range(_MAX_TERMS):
            denominator += 1
            term *= x / denominator
            total += term
            if abs(term) < abs(total) * _EPS:
                break
        return min(1.0, total * math.exp(-x + a * math.log(x) - math.lgamma(a + 1)))
    # Continued fraction for Q(a, x) = 1 - P(a, x), modified Lentz method.
    b = x + 1 - a
    c = 1 / _TINY
    d = 1 / b
    h = d
    for i in range(1, _MAX_TERMS):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = d if abs(d) > _TINY else _TINY
        c = b + an / c
        c = c if abs(c) > _TINY else _TINY
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < _EPS:
            break
    return max(0.0, 1.0 - math.exp(_log_prefactor(a, x)) * h)


def gamma_quantile(p: float, shape: float) -> float:
    """x with P(shape, x) = p, for 0 < p < 1 and shape > 0 (unit scale).

    Brackets the root between two positive numbers by doubling and halving, then
    bisects (geometrically while the bracket spans orders of magnitude). Returns 0
    when the quantile is below the smallest positive float.
    """
    high = max(1.0, shape)
    while regularized_gamma_p(shape, high) < p:
        high *= 2
    low = high
    while regularized_gamma_p(shape, low) >= p:
        low /= 2
        if low == 0:
            return 0.0
    for _ in range(400):
        middle = (low * high) ** 0.5 if high > 4 * low else (low + high) / 2
        if middle <= low or middle >= high:
            break
        if regularized_gamma_p(shape, middle) < p:
            low = middle
        else:
            high = middle
        if high - low <= 1e-15 * high:
            break
    return (low + high) / 2


def chi_square_quantile(p: float, degrees_of_freedom: float) -> float:
    """The p-th quantile of the chi-square distribution."""
    return 2 * gamma_quantile(p, degrees_of_freedom / 2)
