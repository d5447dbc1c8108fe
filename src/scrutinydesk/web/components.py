"""What views hand to the partials in ``web/_partials/`` (see docs/web.md).

``paginate``  a page of a queryset (Django's Paginator), for ``_partials/pagination.html``
``sort``      a queryset sorted by ``?sort=``, for sortable ``_partials/table.html`` headings
``Column``, ``Row``, ``SummaryRow``  rows of ``_partials/table.html`` and ``summary_list.html``
``tag_for``   the colour of a status word, for ``_partials/tag.html``
``rag_for``   a RAG rating as word, symbol and colour, for ``_partials/rag.html``
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator

from scrutinydesk.judgements.vocab import RAG

PER_PAGE = 25


def paginate(request, items, per_page: int = PER_PAGE, param: str = "page") -> Page:
    """The page ``?page=`` asks for; the last page when it asks past the end, the first
    when it is not a number."""
    return Paginator(items, per_page).get_page(request.GET.get(param))


def sort(request, queryset, options: dict[str, str | tuple[str, ...]], default: str,
         param: str = "sort"):
    """``queryset`` ordered as ``?sort=KEY`` (or ``-KEY`` for descending) asks, among
    ``options`` (key → field names); ``default`` otherwise. Returns (queryset, sort)."""
    wanted = request.GET.get(param, default)
    key = wanted.lstrip("-")
    if key not in options:
        wanted, key = default, default.lstrip("-")
    fields = options[key]
    fields = (fields,) if isinstance(fields, str) else tuple(fields)
    if wanted.startswith("-"):
        fields = tuple(f[1:] if f.startswith("-") else "-" + f for f in fields)
    return queryset.order_by(*fields), wanted


@dataclass(frozen=True)
class Column:
    """A table heading; ``sort_key`` makes it a sort link, ``numeric`` right-aligns it."""

    label: str
    sort_key: str = ""
    numeric: bool = False


@dataclass(frozen=True)
class Row:
    """A table row: ``header`` is the row's heading cell (``<th scope="row">``), ``cells``
    the rest. Cells are text (escaped) or ``format_html`` output."""

    cells: list[Any]
    header: Any = None
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class SummaryRow:
    """One key and value of a summary list; ``href`` links the value, ``actions`` is a list
    of (text, href, visually hidden words) links beside it."""

    key: str
    value: Any = ""
    href: str = ""
    actions: list[tuple[str, str, str]] = field(default_factory=list)


# Colours of status words: GOV.UK tag modifiers (govuk-tag--COLOUR). A word always
# carries the meaning; colour only repeats it.
STATUS_COLOURS = {
    # meetings
    "scheduled": "blue", "held": "green", "cancelled": "grey", "postponed": "yellow",
    # undertakings, actions, work programme
    "open": "blue", "in_progress": "light-blue", "done": "green", "dropped": "grey",
    "overdue": "red", "proposed": "purple", "under_review": "light-blue",
    "completed": "green",
    # action plans
    "not_started": "grey", "on_target": "green", "at_risk": "orange", "off_target": "red",
    "complete": "blue",
    # attendance
    "present": "green", "apologies": "yellow", "absent": "red", "substitute": "turquoise",
    "not_recorded": "grey",
    # findings
    "accepted": "green", "dismissed": "grey",
    # records read from papers
    "machine_extracted": "yellow", "confirmed": "green",
    # exempt information
    "exempt": "orange",
}


def tag_for(status: str) -> str:
    return STATUS_COLOURS.get(str(status), "grey")


@dataclass(frozen=True)
class RagTag:
    word: str
    symbol: str
    colour: str


_RAG_COLOURS = {RAG.RED: "red", RAG.AMBER: "orange", RAG.GREEN: "green", RAG.BLUE: "blue",
                RAG.NONE: "grey"}


def rag_for(value) -> RagTag:
    """A RAG rating ("red", RAG.AMBER, "blue" for complete …) as its word, its symbol and
    a colour: readable without the colour."""
    text = str(getattr(value, "value", value) or "").lower()
    rag = RAG(text) if text in {r.value for r in RAG} else RAG.NONE
    return RagTag(rag.word, rag.symbol, _RAG_COLOURS[rag])
