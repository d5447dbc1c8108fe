"""The full-text index beside ``search_entry``: an FTS5 table kept by triggers on SQLite,
a GIN expression index on PostgreSQL. Created by the migration, and again after every
migrate (for a test database made without migrations); each statement is idempotent."""



def _words(column: str) -> str:
    # punctuation read as a space, as FTS5's tokenizer reads it ("2018/19" is two words)
    return f"regexp_replace(coalesce({column}, ''), '[^[:alnum:]]+', ' ', 'g')"


def pg_vector(table: str = "") -> str:
    """The tsvector searched on PostgreSQL: the title at weight A, the body at weight D."""
    return (f"(setweight(to_tsvector('english', {_words(table + 'title')}), 'A') || "
            f"setweight(to_tsvector('english', {_words(table + 'body')}), 'D'))")


STATEMENTS = {
    "sqlite": [
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_entry_fts USING fts5(title, body, "
        "content='search_entry', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')",
        "CREATE TRIGGER IF NOT EXISTS search_entry_ai AFTER INSERT ON search_entry BEGIN "
        "INSERT INTO search_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
        " END",
        "CREATE TRIGGER IF NOT EXISTS search_entry_ad AFTER DELETE ON search_entry BEGIN "
        "INSERT INTO search_entry_fts(search_entry_fts, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); END",
        "CREATE TRIGGER IF NOT EXISTS search_entry_au AFTER UPDATE ON search_entry BEGIN "
        "INSERT INTO search_entry_fts(search_entry_fts, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); "
        "INSERT INTO search_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
        " END",
    ],
    "postgresql": [
        f"CREATE INDEX IF NOT EXISTS search_entry_fts ON search_entry USING gin (({pg_vector()}))",
    ],
}


def ensure(connection) -> None:
    """Create the full-text index for ``connection``'s database if it is missing."""
    if "search_entry" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        for sql in STATEMENTS.get(connection.vendor, []):
            cursor.execute(sql)
