"""Confidence intervals against published reference values.

Every reference value below was checked two ways while writing these tests:
against the published source named in the comment, and by recomputing it
independently with SciPy 1.17.1 (scipy.stats.norm.ppf for the Wilson closed form,
scipy.stats.chi2.ppf for the exact Poisson limits) in a scratch environment that
is not a project dependency. Where a closed form exists it is used directly.
"""

import math

import pytest

from scrutinydesk.judgements import (
    EXACT_BELOW,
    CannotCalculate,
    Interval,
    byar_interval,
    count_interval,
    exact_poisson_interval,
    rate_interval,
    wilson_interval,
)
from scrutinydesk.judgements._distributions import (
    chi_square_quantile,
    normal_quantile,
    regularized_gamma_p,
)

# Newcombe RG (1998) "Two-sided confidence intervals for the single proportion:
# comparison of seven methods", Stat Med 17:857-872, Table I, method 3 (Wilson score,
# no continuity correction). Published to 4 decimal places.
NEWCOMBE_TABLE_I = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("numerator", "denominator", "lower", "upper"), NEWCOMBE_TABLE_I)
def test_wilson_matches_newcombe_1998_table_i(numerator, denominator, lower, upper):
    result = wilson_interval(numerator, denominator)
    assert result.method == "wilson"
    assert result.lower == pytest.approx(lower, abs=5e-5)
    assert result.upper == pytest.approx(upper, abs=5e-5)
    assert result.estimate == pytest.approx(numerator / denominator)


def test_wilson_998_and_percentage_multiplier():
    # 99.8% limits for 81/263: SciPy closed-form recomputation 0.228036, 0.401389.
    result = wilson_interval(81, 263, 0.998, multiplier=100)
    assert result.lower == pytest.approx(22.8036, abs=1e-4)
    assert result.upper == pytest.approx(40.1389, abs=1e-4)
    assert result.confidence == 0.998
    assert "99.8% confidence interval 22.8% to 40.1%" in result.explanation


def test_wilson_full_proportion_and_zero_denominator():
    assert wilson_interval(20, 20).upper == 1.0
    empty = wilson_interval(0, 0)
    assert empty.cannot_calculate is CannotCalculate.ZERO_DENOMINATOR
    assert not empty.calculated and empty.lower is None
    assert "denominator is zero" in empty.explanation


def test_normal_quantile_reference_values():
    # Standard tables: z(0.975) = 1.959964, z(0.999) = 3.090232 (used for 95% / 99.8%).
    assert normal_quantile(0.975) == pytest.approx(1.959963984540054, abs=1e-12)
    assert normal_quantile(0.999) == pytest.approx(3.090232306167813, abs=1e-12)


def test_exact_poisson_closed_forms():
    # Count 0: P(X = 0 | mu) = exp(-mu) = alpha/2, so upper = -ln(alpha/2).
    assert exact_poisson_interval(0).upper == pytest.approx(-math.log(0.025), rel=1e-12)
    assert exact_poisson_interval(0, 0.998).upper == pytest.approx(-math.log(0.001), rel=1e-12)
    assert exact_poisson_interval(0).lower == 0
    # Count 1: P(X >= 1 | mu) = 1 - exp(-mu) = alpha/2, so lower = -ln(1 - alpha/2).
    assert exact_poisson_interval(1).lower == pytest.approx(-math.log(0.975), rel=1e-12)


# Exact Poisson 95% limits from standard tables (Garwood 1936; e.g. Documenta Geigy
# Scientific Tables; Daly 1992 Table 2), recomputed with scipy.stats.chi2.ppf.
EXACT_TABLE = [
    (0, 0.0, 3.689, 0.0, 3.688879),
    (1, 0.0253, 5.572, 0.025318, 5.571643),
    (2, 0.2422, 7.225, 0.242209, 7.224688),
    (5, 1.623, 11.67, 1.623486, 11.668332),
    (10, 4.795, 18.39, 4.795389, 18.390356),
]


@pytest.mark.parametrize(("count", "lower", "upper", "scipy_lower", "scipy_upper"), EXACT_TABLE)
def test_exact_poisson_matches_tables_and_scipy(count, lower, upper, scipy_lower, scipy_upper):
    result = exact_poisson_interval(count)
    assert result.method == "exact_poisson"
    assert result.lower == pytest.approx(lower, abs=6e-4 if lower < 1 else 5e-3)
    assert result.upper == pytest.approx(upper, abs=5e-3)
    assert result.lower == pytest.approx(scipy_lower, abs=1e-6)
    assert result.upper == pytest.approx(scipy_upper, abs=1e-6)


def test_exact_poisson_998():
    # scipy.stats.chi2.ppf recomputation: count 10 at 99.8% -> 2.960520, 24.133971.
    result = exact_poisson_interval(10, 0.998)
    assert result.lower == pytest.approx(2.960520, abs=1e-6)
    assert result.upper == pytest.approx(24.133971, abs=1e-6)


def test_exact_limits_solve_the_poisson_tail_equations():
    # Independent check of the gamma inversion by summing Poisson probabilities.
    for count in (1, 3, 7, 15):
        result = exact_poisson_interval(count)

        def cdf(k, mu):
            return sum(math.exp(-mu) * mu**i / math.factorial(i) for i in range(k + 1))

        assert 1 - cdf(count - 1, result.lower) == pytest.approx(0.025, abs=1e-10)
        assert cdf(count, result.upper) == pytest.approx(0.025, abs=1e-10)


def test_byar_count_100_by_hand():
    # Breslow & Day (1987) p.69 formula evaluated by hand with z = 1.959964:
    # lower = 100 (1 - 1/900 - z/30)^3 = 81.362; upper = 101 (1 - 1/909 + z/(3 sqrt 101))^3
    # = 121.628. Exact limits (tables) are 81.364 and 121.627.
    result = byar_interval(100)
    assert result.method == "byar"
    assert result.lower == pytest.approx(81.362105, abs=1e-5)
    assert result.upper == pytest.approx(121.627938, abs=1e-5)


def test_byar_998_count_65():
    # Closed-form recomputation with scipy norm.ppf(0.999): 42.880261, 94.000291.
    result = byar_interval(65, 0.998)
    assert result.lower == pytest.approx(42.880261, abs=1e-5)
    assert result.upper == pytest.approx(94.000291, abs=1e-5)


def test_byar_within_two_per_thousand_of_exact_from_ten():
    # PHE Technical Guide "Confidence Intervals" (2018): for 95% intervals
    # Byar's method is within 0.2% of the exact value for numerators of 10 or more.
    for count in [10, 11, 15, 20, 50, 100, 389, 1000, 5000]:
        byar, exact = byar_interval(count), exact_poisson_interval(count)
        assert abs(byar.lower - exact.lower) / exact.lower < 0.002
        assert abs(byar.upper - exact.upper) / exact.upper < 0.002


def test_count_interval_switches_at_ten():
    assert EXACT_BELOW == 10
    assert count_interval(9).method == "exact_poisson"
    assert count_interval(10).method == "byar"
    assert count_interval(9, method="byar").method == "byar"
    assert count_interval(500, method="exact").method == "exact_poisson"


def test_rate_interval_scales_count_limits():
    result = rate_interval(65, 100_000)
    counts = byar_interval(65)
    assert result.estimate == pytest.approx(65.0)
    assert result.lower == pytest.approx(counts.lower)
    assert result.upper == pytest.approx(counts.upper)
    per_10k = rate_interval(510, 100_000, per=10_000)
    assert per_10k.estimate == pytest.approx(51.0)
    assert "51.0 per 10,000" in per_10k.explanation
    small = rate_interval(5, 10_000, per=1_000)
    assert small.method == "exact_poisson"
    assert small.lower == pytest.approx(1.623486 / 10, abs=1e-6)


def test_rate_interval_zero_population_cannot_be_calculated():
    result = rate_interval(0, 0)
    assert result.cannot_calculate is CannotCalculate.ZERO_DENOMINATOR
    assert result.estimate is None


def test_interval_from_limits_and_contains():
    published = Interval.from_limits(51.0, 46.9, 55.4, confidence=0.95)
    assert published.method == "supplied"
    assert published.contains(51.0) and not published.contains(43.1)
    assert "as published" in published.explanation


def test_distribution_helpers():
    assert regularized_gamma_p(1, 0) == 0.0
    assert regularized_gamma_p(1, 1) == pytest.approx(1 - math.exp(-1), rel=1e-14)
    # chi-square(2 df) quantile is -2 ln(1 - p)
    assert chi_square_quantile(0.95, 2) == pytest.approx(-2 * math.log(0.05), rel=1e-12)
