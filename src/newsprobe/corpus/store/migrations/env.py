"""Alembic environment of the corpus store: run on the connection the store hands over.

`newsprobe.corpus.store.migrate` opens a write transaction, takes the migration lock and
passes its connection in ``config.attributes["connection"]``; the migrations run inside
that transaction (SQLite and PostgreSQL both have transactional DDL), so a failed upgrade
leaves the database as it was. There is no offline (``--sql``) mode.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from newsprobe.corpus.store.migrate import VERSION_TABLE
from newsprobe.corpus.store.schema import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "the corpus migrations run through newsprobe.corpus (opening a corpus upgrades "
        "it), not from the alembic command line"
    )
context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE)
with context.begin_transaction():
    context.run_migrations()
