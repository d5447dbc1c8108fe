"""Polarity on the web: the one a person confirmed, and the one the papers suggest
(``judgements.polarity``; docs/methodology.md, "Polarity suggested from the papers").

Until a person confirms a polarity, pages judge with none: values are "higher" or
"lower", never "better" or "worse". A polarity the findings audit read from the reports
(its basis starts "Inferred") counts as a suggestion, not a confirmation.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from scrutinydesk import judgements as j
from scrutinydesk.core.vocab import Polarity
from scrutinydesk.ingest.units import in_other_unit

INFERRED = "Inferred"
CONFIRMED = "Confirmed"


def polarity_confirmed(subject) -> bool:
    """True when a person set or confirmed the subject's polarity."""
    if subject.polarity == Polarity.NO_JUDGEMENT:
        return False
    return not (subject.polarity_basis or "").startswith(INFERRED)


def shown_polarity(subject) -> j.Polarity:
    """The polarity pages judge with: the confirmed one, else none."""
    return j.Polarity(subject.polarity) if polarity_confirmed(subject) else \
        j.Polarity.NO_JUDGEMENT


def _where(s) -> str:
    pages = f", {s.source_pages}" if s.source_pages else ""
    return f"{s.edition.edition:%B %Y} report{pages}"


def _float(value):
    return float(value) if value is not None else None


def statements_for(subject) -> list[j.Statement]:
    """What each report edition printed about the subject: its trend word beside its
    latest and previous figures, its benchmark word beside the comparator's figure (left
    out when that figure is in another unit than the headline)."""
    out = []
    stated = sorted(subject.statedjudgements.all(), key=lambda s: s.edition.edition)
    for s in stated:
        where = _where(s)
        if s.trend:
            out.append(j.Statement("trend", s.trend, _float(s.latest_value),
                                   _float(s.previous_value), where))
        if s.benchmark and not in_other_unit(s.benchmark_text, subject.unit):
            out.append(j.Statement("benchmark", s.benchmark, _float(s.latest_value),
                                   _float(s.benchmark_value), where))
    return out


def suggestion_for(subject) -> j.PolaritySuggestion:
    return j.suggest_polarity(statements_for(subject))


@transaction.atomic
def confirm_polarity(subject, polarity: str, user, *, reason: str = "") -> None:
    """Record that ``user`` confirmed ``polarity`` for the subject (its history keeps the
    earlier setting)."""
    values = [p.value for p in Polarity]
    if polarity not in values:
        raise ValueError(f"“{polarity}” is not a polarity; choose one of "
                         f"{', '.join(values)}.")
    who = user.get_full_name() or user.get_username()
    basis = f"{CONFIRMED} by {who} on {timezone.localdate():%-d %B %Y}"
    subject.polarity = polarity
    subject.polarity_basis = (f"{basis}: {reason}" if reason else basis)[:500]
    subject.save()
