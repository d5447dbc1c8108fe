"""Template filters for the monitoring report."""

from django import template

register = template.Library()

ROWS_PER_TABLE = 12


@register.filter
def chunked(rows, size=ROWS_PER_TABLE):
    """Split a long table's rows into up to three side-by-side tables of equal length."""
    rows = list(rows)
    if len(rows) <= size:
        return [rows]
    parts = min(3, -(-len(rows) // size))
    per = -(-len(rows) // parts)
    return [rows[i:i + per] for i in range(0, len(rows), per)]
