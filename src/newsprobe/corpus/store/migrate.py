"""Bring a database to the schema this newsprobe writes, or refuse it with one line.

Opening a corpus checks its schema revision (the table `VERSION_TABLE`, kept by Alembic):

- the head revision: nothing to do (one small query, no Alembic import);
- an empty database, or an older revision: upgraded to the head, in one transaction,
  under a lock, so two processes opening a new database at once upgrade it once;
- a revision this newsprobe does not know: written by a newer newsprobe; refused;
- tables but no revision table: some other program's database; refused, never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from newsprobe._version import __version__
from newsprobe.corpus.store import transactions
from newsprobe.corpus.store.engine import describe
from newsprobe.errors import CorpusError

__all__ = ["HEAD_REVISION", "VERSION_TABLE", "SchemaState", "ensure_schema", "schema_state"]

#: The newest schema revision, the last file in `migrations/versions` (a test keeps the
#: two equal). Known here so that opening an up-to-date corpus does not load Alembic.
HEAD_REVISION = "0002"
#: Alembic's revision table, named for newsprobe so that it never meets another program's.
VERSION_TABLE = "newsprobe_schema"
# Tables SQLite makes by itself, and the shadow tables of our FTS5 index.
_ENGINE_TABLES = ("sqlite_", "articles_fts")


@dataclass(frozen=True, slots=True)
class SchemaState:
    """What a database holds: its revision (None: none recorded) and any other tables."""

    revision: str | None
    foreign_tables: tuple[str, ...]


def schema_state(connection: Connection) -> SchemaState:
    """Read the schema revision and look for tables that are not the corpus's."""
    tables = inspect(connection).get_table_names()
    if VERSION_TABLE in tables:
        revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        return SchemaState(revision, ())
    foreign = tuple(sorted(t for t in tables if not t.startswith(_ENGINE_TABLES)))
    return SchemaState(None, foreign)


def _alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(files("newsprobe.corpus.store").joinpath("migrations"))
    )
    config.attributes["connection"] = connection
    config.attributes["version_table"] = VERSION_TABLE
    return config


def _known_revisions(connection: Connection) -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(connection))  # type: ignore[arg-type]
    return {revision.revision for revision in script.walk_revisions()}


def _refusal(engine: Engine, state: SchemaState, connection: Connection) -> CorpusError | None:
    where = describe(engine.url)
    if state.revision is None and state.foreign_tables:
        shown = ", ".join(state.foreign_tables[:5])
        more = ", ..." if len(state.foreign_tables) > 5 else ""
        return CorpusError(
            f"{where}: not a newsprobe corpus (it holds other tables: {shown}{more}); "
            "give a new file or an empty database"
        )
    if state.revision is not None and state.revision not in _known_revisions(connection):
        return CorpusError(
            f"{where}: the corpus has schema revision {state.revision}, newer than this "
            f"newsprobe {__version__} knows (up to {HEAD_REVISION}); upgrade newsprobe to "
            "open it"
        )
    return None


def _upgrade(engine: Engine) -> None:
    def work(connection: Connection) -> None:
        transactions.lock(connection, "schema")
        state = schema_state(connection)  # again: another process may have upgraded it
        if state.revision == HEAD_REVISION:
            return
        refusal = _refusal(engine, state, connection)
        if refusal is not None:
            raise refusal
        from alembic import command

        command.upgrade(_alembic_config(connection), "head")  # type: ignore[arg-type]

    transactions.write(engine, work)


def ensure_schema(engine: Engine) -> None:
    """Upgrade the database to `HEAD_REVISION`, or raise `CorpusError` saying why not.

    Raises:
        CorpusError: another program's database, a newer schema, or the database failed.
    """
    state = transactions.read(engine, schema_state)
    if state.revision == HEAD_REVISION:
        return
    refusal = transactions.read(engine, lambda c: _refusal(engine, state, c))
    if refusal is not None:
        raise refusal
    _upgrade(engine)
