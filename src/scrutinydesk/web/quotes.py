"""Figures that long reports quote about an indicator or a measure, for its page."""

from __future__ import annotations

from scrutinydesk.committees.models import QuotedFigure
from scrutinydesk.outcomes.models import PopulationIndicator


def quoted_in(subject, user) -> list[QuotedFigure]:
    """The figures quoted about ``subject`` that ``user`` may see, with their section and
    document, in one query."""
    field = "indicator" if isinstance(subject, PopulationIndicator) else "measure"
    return list(QuotedFigure.objects.visible_to(user).filter(**{field: subject})
                .select_related("section__document"))
