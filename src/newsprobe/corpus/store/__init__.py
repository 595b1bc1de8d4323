"""The corpus store: engine, schema, migrations, full-text search and the operations.

`newsprobe.corpus.Corpus` is the way in; the modules here are its parts:
`engine` (open SQLite or PostgreSQL, driver errors as one line), `schema` (the tables),
`migrate` (upgrade an older schema, refuse a newer one), `transactions` (short write
transactions that retry instead of failing on contention), `articles` (store once,
de-duplicate, read back), `search` (FTS5 / tsvector), `stories` (profiles, candidates,
stories, provenance edges), and `migrations/` (Alembic revisions).
"""
