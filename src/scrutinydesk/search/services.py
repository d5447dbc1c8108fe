"""Search: the one function pages call."""

from __future__ import annotations

from dataclasses import dataclass, field

from .backends import backend, snippet_html
from .models import Entry
from .query import parse


@dataclass
class Result:
    entry: Entry
    rank: float
    snippet: str


@dataclass
class Results:
    total: int = 0
    results: list[Result] = field(default_factory=list)


def search(text, user, *, committee=None, kinds=(), date_from=None, date_to=None,
           limit=20, offset=0) -> Results:
    """Entries ``user`` may see that hold every term of ``text``, best first."""
    terms = parse(text)
    if not terms:
        return Results()
    entries = Entry.objects.visible_to(user)
    if committee is not None:
        entries = entries.filter(committee=committee)
    if kinds:
        entries = entries.filter(kind__in=list(kinds))
    if date_from:
        entries = entries.filter(date__gte=date_from)
    if date_to:
        entries = entries.filter(date__lte=date_to)
    ids_sql, ids_params = entries.values("id").query.sql_with_params()
    total, hits = backend().search(terms, ids_sql, list(ids_params), limit, offset)
    found = Entry.objects.select_related("committee").in_bulk([h.entry_id for h in hits])
    return Results(total, [Result(found[h.entry_id], h.rank, snippet_html(h.snippet or ""))
                           for h in hits if h.entry_id in found])
