"""Template tags for the GOV.UK partials: ``{% load govuk %}``."""

from django import template
from django.http import QueryDict

from scrutinydesk.web.components import rag_for, tag_for

register = template.Library()


@register.simple_tag(takes_context=True)
def query_string(context, **changes) -> str:
    """The current query string with ``changes`` (a value of None removes the key), as
    ``?a=1&b=2``: links that keep the filters, so the address can be shared."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_query(context, number, param=None) -> str:
    """The current query string with page ``number`` in ``param`` (default ``page``)."""
    return query_string(context, **{param or "page": number})


@register.filter
def status_colour(status) -> str:
    """The GOV.UK tag colour of a status value: ``govuk-tag--{{ value|status_colour }}``."""
    return tag_for(status)


@register.inclusion_tag("web/_partials/tag.html")
def rag_tag(value):
    """A RAG tag: word, symbol and colour."""
    rag = rag_for(value)
    return {"text": rag.word, "symbol": rag.symbol, "colour": rag.colour}


@register.simple_tag
def page_numbers(page, around: int = 2) -> list:
    """Page numbers for pagination: first, last and ``around`` either side of the
    current page, with None where pages are left out."""
    count, current = page.paginator.num_pages, page.number
    shown = sorted({1, count, *range(max(1, current - around),
                                      min(count, current + around) + 1)})
    numbers, previous = [], 0
    for number in shown:
        if number - previous > 1:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers


@register.filter
def sort_state(sort: str, key: str) -> str:
    """'ascending', 'descending' or '' for the column ``key`` under the current ``sort``."""
    if not key or not sort or sort.lstrip("-") != key:
        return ""
    return "descending" if sort.startswith("-") else "ascending"


@register.filter
def is_numeric_cell(index: int, row) -> bool:
    return index in getattr(row, "numeric", ())


@register.filter
def plain_number(value) -> str:
    """A decimal as printed: 62.500000 → 62.5, 12.000000 → 12."""
    from decimal import Decimal, InvalidOperation

    if value is None or value == "":
        return ""
    try:
        text = f"{Decimal(value):f}"
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.filter
def get_item(mapping, key):
    """``mapping[key]``, or None: ``{{ answers|get_item:"q1" }}``."""
    return mapping.get(key) if hasattr(mapping, "get") else None
