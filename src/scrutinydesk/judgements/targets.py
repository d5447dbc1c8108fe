"""Performance against a target: met, not met, or no target.

Met means at or beyond the target in the good direction: value ≥ target when
higher is better, value ≤ target when lower is better (meeting it exactly counts).
An indicator with no preferred direction cannot be judged against a target.
"""

from dataclasses import dataclass

from . import _checks as check
from .rag import rag_for_target
from .vocab import RAG, CannotCalculate, Polarity, TargetStatus


@dataclass(frozen=True)
class TargetResult:
    """gap: value − target (positive means above the target)."""

    method: str
    status: TargetStatus
    polarity: Polarity
    rag: RAG
    value: float | None
    target: float | None
    gap: float | None
    confidence: float | None
    cannot_calculate: CannotCalculate | None
    explanation: str

    @property
    def calculated(self) -> bool:
        return self.cannot_calculate is None

    @property
    def wording(self) -> str:
        return self.status.label.lower()


def target_status(
    value, target, *, polarity, value_label: str | None = None, target_label: str | None = None
) -> TargetResult:
    """Is the target met? A missing target gives NO_TARGET, never an error."""
    pol = check.polarity(polarity)
    val = check.number("value", value, optional=True)
    goal = check.number("target", target, optional=True)
    vlabel = check.label("value_label", value_label)
    tlabel = check.label("target_label", target_label)

    def result(status, reason=None, gap=None, text=None):
        if reason is not None:
            text = f"{status.label}: {reason.explanation[0].lower()}{reason.explanation[1:]}"
        return TargetResult("target_threshold", status, pol, rag_for_target(status), val, goal,
                            gap, None, reason, text)  # fmt: skip

    if goal is None:
        return result(TargetStatus.NO_TARGET, CannotCalculate.NO_TARGET)
    if val is None:
        return result(TargetStatus.NOT_ASSESSED, CannotCalculate.MISSING_VALUE)
    if pol is Polarity.NO_JUDGEMENT:
        return result(TargetStatus.NOT_ASSESSED, CannotCalculate.NO_POLARITY)
    gap = val - goal
    met = gap >= 0 if pol is Polarity.HIGHER_IS_BETTER else gap <= 0
    status = TargetStatus.MET if met else TargetStatus.NOT_MET
    subject = check.with_label(val, vlabel)
    aim = check.with_label(goal, tlabel)
    if gap == 0:
        where = "equals the target of " + aim
    else:
        where = (
            f"is {check.fmt(round(abs(gap), 6))} {'above' if gap > 0 else 'below'} "
            f"the target of {aim}"
        )
    verdict = "met" if met else "not met"
    text = f"{subject} {where}; {pol.label}, so the target is {verdict}."
    return result(status, gap=gap, text=text[0].upper() + text[1:])
