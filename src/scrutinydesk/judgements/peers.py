"""Comparisons with a set of peer areas (statistical neighbours).

* ``neighbour_mean``: the simple (unweighted) mean of the neighbours' values, the
  usual statistical-neighbour average, skipping missing values and saying how many
  were used.
* ``quartile_position``: which quarter of the peer distribution a value falls in.
  Cut points are the inclusive quartiles (Python ``statistics.quantiles(...,
  method="inclusive")``, the same as Excel QUARTILE.INC and R type 7). Quartile 1
  holds the lowest values: value ≤ Q1 → 1, ≤ Q2 → 2, ≤ Q3 → 3, otherwise 4. The
  number never depends on polarity; only the wording does ("best quartile" is 4
  when higher is better, 1 when lower is better).
"""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from . import _checks as check
from .errors import JudgementInputError
from .vocab import CannotCalculate, Polarity

MIN_PEERS_FOR_QUARTILES = 4

_JUDGED = {1: "worst quartile", 2: "second-worst quartile", 3: "second-best quartile",
           4: "best quartile"}  # fmt: skip
_NEUTRAL = {1: "lowest quartile", 2: "second-lowest quartile", 3: "second-highest quartile",
            4: "highest quartile"}  # fmt: skip


@dataclass(frozen=True)
class NeighbourMean:
    method: str
    mean: float | None
    used: int
    missing: int
    cannot_calculate: CannotCalculate | None
    explanation: str

    @property
    def calculated(self) -> bool:
        return self.cannot_calculate is None


@dataclass(frozen=True)
class QuartilePosition:
    """quartile: 1 (lowest values) to 4 (highest values); position: the wording."""

    method: str
    quartile: int | None
    position: str | None
    polarity: Polarity
    value: float | None
    cut_points: tuple[float, float, float] | None
    peers_used: int
    cannot_calculate: CannotCalculate | None
    explanation: str

    @property
    def calculated(self) -> bool:
        return self.cannot_calculate is None


def _values(name: str, values: object) -> tuple[list[float], int]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise JudgementInputError(f"{name} must be a list of numbers (None for missing)")
    present, missing = [], 0
    for index, item in enumerate(values):
        number = check.number(f"{name}[{index}]", item, optional=True)
        if number is None:
            missing += 1
        else:
            present.append(number)
    return present, missing


def neighbour_mean(values, *, min_count: int = 1) -> NeighbourMean:
    """Mean of the peers' values, skipping None; needs at least `min_count` values."""
    present, missing = _values("values", values)
    need = check.positive_int("min_count", min_count)
    if len(present) < need:
        reason = CannotCalculate.TOO_FEW_PEERS
        text = (
            f"No neighbour mean: {len(present)} of {len(present) + missing} neighbours have "
            f"values and at least {need} are needed."
        )
        return NeighbourMean("neighbour_mean", None, len(present), missing, reason, text)
    mean = statistics.fmean(present)
    text = f"Mean of {len(present)} neighbours' values: {check.fmt(round(mean, 3))}"
    text += f" ({missing} without a value left out)." if missing else "."
    return NeighbourMean("neighbour_mean", mean, len(present), missing, None, text)


def quartile_position(value, peer_values, polarity) -> QuartilePosition:
    """Quartile of `value` among `peer_values` (include the area itself if it should count)."""
    pol = check.polarity(polarity)
    val = check.number("value", value, optional=True)
    present, _ = _values("peer_values", peer_values)
    method = "quartile_inclusive"
    if val is None:
        reason = CannotCalculate.MISSING_VALUE
        text = f"No quartile: {reason.explanation[0].lower()}{reason.explanation[1:]}"
        return QuartilePosition(method, None, None, pol, None, None, len(present), reason, text)
    if len(present) < MIN_PEERS_FOR_QUARTILES:
        reason = CannotCalculate.TOO_FEW_PEERS
        text = (
            f"No quartile: {len(present)} peer values, at least {MIN_PEERS_FOR_QUARTILES} needed."
        )
        return QuartilePosition(method, None, None, pol, val, None, len(present), reason, text)
    q1, q2, q3 = statistics.quantiles(present, n=4, method="inclusive")
    quartile = 1 if val <= q1 else 2 if val <= q2 else 3 if val <= q3 else 4
    if pol is Polarity.LOWER_IS_BETTER:
        position = _JUDGED[5 - quartile]
    elif pol is Polarity.HIGHER_IS_BETTER:
        position = _JUDGED[quartile]
    else:
        position = _NEUTRAL[quartile]
    cuts = ", ".join(check.fmt(round(q, 3)) for q in (q1, q2))
    text = (
        f"{check.fmt(val)} is in the {position} of {len(present)} peer values "
        f"(cut points {cuts} and {check.fmt(round(q3, 3))}; {pol.label})."
    )
    return QuartilePosition(method, quartile, position, pol, val, (q1, q2, q3), len(present),
                            None, text)  # fmt: skip
