"""Full-text search behind one interface, the backend chosen from the database in use:
SQLite's FTS5 on the embedded database, PostgreSQL's full-text search in production.

Both read the same terms (``query.parse``), stem English words with the Porter/Snowball
stemmer, require every term, and rank an entry by how often and where its terms occur,
a match in the title counting ten times one in the body."""

from __future__ import annotations

import html
from dataclasses import dataclass

from django.db import connection

from .query import Term
from .schema import pg_vector

MARK_START, MARK_END = "\x02", "\x03"  # replaced by <mark> after the snippet is escaped
TITLE_WEIGHT = 10.0


@dataclass
class Hit:
    entry_id: int
    rank: float
    snippet: str


def snippet_html(raw: str) -> str:
    """A snippet from the database, escaped, with its matches in ``<mark>``."""
    return (html.escape(raw.replace("\n", " "))
            .replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


class SQLiteBackend:
    """FTS5: an external-content table over ``search_entry`` kept by triggers."""

    def match(self, terms: list[Term]) -> str:
        parts = []
        for term in terms:
            quoted = '"' + " ".join(term.words).replace('"', '""') + '"'
            parts.append(quoted + ("*" if term.prefix else ""))
        return " ".join(parts)

    def search(self, terms: list[Term], ids_sql: str, ids_params, limit: int, offset: int):
        sql = (
            "SELECT f.rowid, bm25(search_entry_fts, %s, 1.0) AS score, "
            "snippet(search_entry_fts, 1, %s, %s, '…', 30) "
            "FROM search_entry_fts f WHERE search_entry_fts MATCH %s "
            f"AND f.rowid IN ({ids_sql}) ORDER BY score, f.rowid LIMIT %s OFFSET %s")
        params = [TITLE_WEIGHT, MARK_START, MARK_END, self.match(terms), *ids_params,
                  limit, offset]
        count_sql = ("SELECT count(*) FROM search_entry_fts f WHERE search_entry_fts MATCH %s "
                     f"AND f.rowid IN ({ids_sql})")
        with connection.cursor() as cursor:
            cursor.execute(count_sql, [self.match(terms), *ids_params])
            total = cursor.fetchone()[0]
            if not limit or not total:
                return total, []
            cursor.execute(sql, params)
            hits = [Hit(row[0], -row[1], row[2]) for row in cursor.fetchall()]
        return total, hits


class PostgreSQLBackend:
    """``to_tsvector('english', …)`` over title (weight A) and body (weight D), with a GIN
    index on the same expression."""

    VECTOR = pg_vector("e.")

    def tsquery(self, terms: list[Term]) -> str:
        parts = []
        for term in terms:
            words = [f"'{w}'" + (":*" if term.prefix else "") for w in term.words]
            parts.append("(" + " <-> ".join(words) + ")")
        return " & ".join(parts)

    def search(self, terms: list[Term], ids_sql: str, ids_params, limit: int, offset: int):
        # weights {D, C, B, A}: a title match counts TITLE_WEIGHT times a body match
        weights = "'{0.1, 0.2, 0.4, 1.0}'"
        where = (f"FROM search_entry e WHERE {self.VECTOR} @@ to_tsquery('english', %s) "
                 f"AND e.id IN ({ids_sql})")
        sql = (f"SELECT e.id, ts_rank({weights}, {self.VECTOR}, to_tsquery('english', %s), 0) "
               "AS score, ts_headline('english', e.body, to_tsquery('english', %s), "
               "%s) "
               f"{where} ORDER BY score DESC, e.id LIMIT %s OFFSET %s")
        tsq = self.tsquery(terms)
        options = (f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
                   "MaxFragments=1, FragmentDelimiter=…")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {where}", [tsq, *ids_params])
            total = cursor.fetchone()[0]
            if not limit or not total:
                return total, []
            cursor.execute(sql, [tsq, tsq, options, tsq, *ids_params, limit, offset])
            hits = [Hit(row[0], row[1], row[2]) for row in cursor.fetchall()]
        return total, hits


def backend():
    """The backend for the database in use."""
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"search has no backend for {connection.vendor}")
