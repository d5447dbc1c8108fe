"""A synthetic outcome with long series, for the report's tests, benchmark and demos.

Deterministic for a given seed: indicators with several years of values (annual or
quarterly), an England comparator series, a target, performance measures, linked and
unassigned risks with assessments, commentary and one report edition.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from scrutinydesk.committees.models import Committee
from scrutinydesk.core.models import Council, Officer
from scrutinydesk.core.periods import Period
from scrutinydesk.core.vocab import Polarity, Unit
from scrutinydesk.outcomes.models import (
    Commentary,
    Comparator,
    ComparatorValue,
    Observation,
    Outcome,
    PerformanceMeasure,
    PopulationIndicator,
    ReportEdition,
)
from scrutinydesk.outcomes.vocab import CommentaryKind, ComparatorKind
from scrutinydesk.risks.models import Risk, RiskAssessment

TOPICS = [
    ("Rate of children looked after", Unit.PER_10000, Polarity.LOWER_IS_BETTER),
    ("Percentage of adults who feel safe in their neighbourhood", Unit.PERCENT,
     Polarity.HIGHER_IS_BETTER),
    ("Number of repeat referrals to children's social care", Unit.COUNT, Polarity.NO_JUDGEMENT),
    ("Rate of hospital admissions for self-harm", Unit.PER_100000, Polarity.LOWER_IS_BETTER),
    ("Percentage of care leavers in suitable accommodation", Unit.PERCENT,
     Polarity.HIGHER_IS_BETTER),
]
LEVELS = ["high", "medium", "low"]
TRENDS = ["unchanged", "worsening", "improving"]


def _periods(last_year: int, years: int, quarterly: bool) -> list[Period]:
    first = last_year - years + 1
    if quarterly:
        return [Period.financial_quarter(y, q) for y in range(first, last_year + 1)
                for q in (1, 2, 3, 4)]
    return [Period.financial_year(y) for y in range(first, last_year + 1)]


def _observation(field: str, subject, period: Period, value: float, edition) -> Observation:
    return Observation(**{field: subject}, period=period, period_start=period.start,
                       period_end=period.end, value=Decimal(f"{value:.1f}"), edition=edition)


def make_synthetic_outcome(name: str = "Resilient", *, indicators: int = 10, years: int = 10,
                           quarterly: bool = False, measures_per_indicator: int = 2,
                           edition: date = date(2019, 7, 1), seed: int = 7) -> Outcome:
    """Create and return a synthetic outcome (see the module docstring)."""
    rng = random.Random(seed)
    prefix = "".join(w[0] for w in name.split())[:4].upper() + "X"
    committee, _ = Committee.objects.get_or_create(
        name=f"{name} Overview and Scrutiny Committee",
        defaults={"council": Council.objects.named("Wessex County Council")})
    outcome = Outcome.objects.create(name=name, code_prefix=prefix, sponsor="Alex Morgan",
                                     sponsor_title="Director of People")
    outcome.committees.add(committee)
    report_edition = ReportEdition.objects.create(
        outcome=outcome, edition=edition, title=f"Outcomes Focused Monitoring Report, "
        f"{edition:%B %Y}", stated_indicator_count=indicators)
    england, _ = Comparator.objects.get_or_create(name="England",
                                                  defaults={"kind": ComparatorKind.ENGLAND})
    target, _ = Comparator.objects.get_or_create(name="Target",
                                                 defaults={"kind": ComparatorKind.TARGET})
    lead = Officer.objects.filter(name="Jordan Ellis").first() or \
        Officer.objects.create(name="Jordan Ellis")
    last_year = edition.year - 1 if edition.month >= 4 else edition.year - 2
    periods = _periods(last_year, years, quarterly)
    observations, comparators, commentary = [], [], []
    for n in range(1, indicators + 1):
        title, unit, polarity = TOPICS[(n - 1) % len(TOPICS)]
        base = {Unit.PERCENT: 60.0, Unit.COUNT: 900.0}.get(unit, 45.0)
        slope = rng.choice([-1, 1]) * base * rng.uniform(0.005, 0.03)
        ind = PopulationIndicator.objects.create(
            outcome=outcome, code=f"{prefix} {n:02d}", number=n, unit=unit,
            title=f"{title} ({n})" if n > len(TOPICS) else title, polarity=polarity,
            frequency=periods[0].kind, data_source="Synthetic data for testing")
        ind.lead_officers.add(lead)
        for k, period in enumerate(periods):
            value = max(0.5, base + slope * k + rng.uniform(-0.02, 0.02) * base)
            observations.append(_observation("indicator", ind, period, value, report_edition))
            comparators.append(ComparatorValue(
                comparator=england, indicator=ind, period=period, period_end=period.end,
                value=Decimal(f"{base * 1.05 + rng.uniform(-1, 1):.1f}")))
        for period in periods[-max(1, len(periods) // 3):]:
            comparators.append(ComparatorValue(
                comparator=target, indicator=ind, period=period, period_end=period.end,
                value=Decimal(f"{base:.1f}")))
        for kind, text in ((CommentaryKind.STORY_BEHIND_BASELINE,
                            f"The {title.lower()} has moved over the last {years} years. "
                            "Partners have reviewed the causes. " * 3),
                           (CommentaryKind.PARTNERS, "Police, health, schools and the "
                            "voluntary sector."),
                           (CommentaryKind.WHAT_WE_ARE_DOING, "Reviewing the pathway and "
                            "training staff. " * 2)):
            commentary.append(Commentary(indicator=ind, edition=report_edition, kind=kind,
                                         text=text.strip()))
        _measures(outcome, ind, rng, measures_per_indicator, report_edition, observations)
        if n % 2:
            _risk(f"{90 + n:02d}{'abc'[n % 3]}-{prefix.lower()}", f"Risk to {title.lower()}",
                  outcome, ind, n, edition, report_edition)
    _risk(f"99z-{prefix.lower()}", "Business continuity of the service", outcome, None, 1,
          edition, report_edition)
    Observation.objects.bulk_create(observations)
    ComparatorValue.objects.bulk_create(comparators)
    Commentary.objects.bulk_create(commentary)
    return outcome


def _measures(outcome, ind, rng, count, report_edition, observations) -> None:
    quarters = _periods(report_edition.edition.year - 1, 2, True)
    for m in range(count):
        measure = PerformanceMeasure.objects.create(
            outcome=outcome, indicator=ind, unit=Unit.PERCENT,
            title=f"Percentage of cases reviewed on time, team {m + 1} ({ind.code})",
            polarity=Polarity.HIGHER_IS_BETTER, frequency=quarters[0].kind)
        level = rng.uniform(60, 90)
        for k, period in enumerate(quarters):
            observations.append(_observation("measure", measure, period,
                                             level + rng.choice([-1, 1]) * k * 0.8,
                                             report_edition))


def _risk(code, title, outcome, ind, n, edition, report_edition) -> None:
    risk = Risk.objects.create(code=code[:20], title=title)
    risk.outcomes.add(outcome)
    if ind is not None:
        risk.indicators.add(ind)
    earlier = edition.replace(year=edition.year - 1)
    RiskAssessment.objects.create(risk=risk, assessed_on=earlier, level=LEVELS[n % 3],
                                  trend="unchanged")
    RiskAssessment.objects.create(risk=risk, assessed_on=edition, level=LEVELS[n % 3],
                                  trend=TRENDS[n % 3], edition=report_edition)
