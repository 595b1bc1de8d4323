"""Open the database a corpus lives in: an SQLite file by default, or a PostgreSQL server.

    >>> engine = create_engine_for("newsprobe.db")                       # a file (made if absent)
    >>> engine = create_engine_for("postgresql://me:pw@db.example/news")  # a server

A path (or ``sqlite:///...``) is an SQLite file, in WAL mode so that readers never wait for
the writer, with a busy timeout so that two writers queue instead of failing, and every
write transaction started with ``BEGIN IMMEDIATE`` (`write_options`): a writer takes the
write lock before it reads, so two writers never deadlock on a lock upgrade. A
``postgresql://`` (or ``postgres://``) URL goes through psycopg 3.

Driver errors become `CorpusError` with one line naming the database (password hidden)
and the reason (`corpus_errors`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from newsprobe.errors import CorpusError

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "CONNECT_TIMEOUT_SECONDS",
    "DEFAULT_DATABASE",
    "corpus_errors",
    "create_engine_for",
    "database_url",
    "describe",
    "write_options",
]

#: Where `newsprobe corpus` keeps its corpus unless told otherwise (relative to the cwd).
DEFAULT_DATABASE = "newsprobe.db"
#: How long an SQLite writer waits for the other writer's lock before it gives up (and the
#: store retries the transaction). A write transaction of `corpus add` lasts a few
#: milliseconds, so 30 s is only reached when another process holds the lock far longer.
BUSY_TIMEOUT_SECONDS = 30.0
#: How long to wait for a PostgreSQL server to answer before saying it is unreachable.
CONNECT_TIMEOUT_SECONDS = 10

_SQLITE_MAGIC = b"SQLite format 3\x00"
_POSTGRES_SCHEMES = ("postgresql", "postgres")
_WRITE = "newsprobe_write"


def database_url(target: str | Path | None) -> URL:
    """The SQLAlchemy URL of a ``--db`` value: a path, ``sqlite:///...`` or PostgreSQL URL.

    Raises:
        CorpusError: a URL of another database system, or one that cannot be read.
    """
    if target is None:
        target = DEFAULT_DATABASE
    text = str(target)
    if isinstance(target, Path) or "://" not in text:
        return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().absolute()))
    try:
        url = make_url(text)
    except ArgumentError:
        raise CorpusError(f"{text!r} is not a database URL or a path") from None
    backend = url.get_backend_name()
    if backend in _POSTGRES_SCHEMES:
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise CorpusError("an in-memory SQLite corpus would vanish at once; give a file path")
        return url.set(drivername="sqlite+pysqlite")
    raise CorpusError(
        f"{describe(url)}: newsprobe stores a corpus in SQLite (give a file path) or "
        f"PostgreSQL (postgresql://user:password@host/database), not {backend}"
    )


def describe(url: URL) -> str:
    """The database as a user may see it: a file path, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True).replace("+psycopg", "")


def _check_sqlite_file(path: Path) -> None:
    """Refuse what cannot be an SQLite database before the driver says it less clearly."""
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder; give the corpus file inside it")
    if not path.parent.is_dir():
        raise CorpusError(f"{path}: the folder {path.parent} does not exist")
    if path.is_file() and path.stat().st_size:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
        if head != _SQLITE_MAGIC:
            raise CorpusError(f"{path}: not an SQLite database (a corpus file or a new path)")


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is turned off: `_on_begin` emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # The timeout first: switching to WAL needs a lock another process may be holding.
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # In WAL mode, NORMAL still never loses a committed transaction when the process
        # is killed (the WAL is in the OS cache); only a power cut can undo the last ones.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    mode = "IMMEDIATE" if connection.get_execution_options().get(_WRITE) else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def write_options() -> dict[str, Any]:
    """Execution options of a connection that will write (``BEGIN IMMEDIATE`` on SQLite)."""
    return {_WRITE: True}


def create_engine_for(target: str | Path | URL | None) -> Engine:
    """An engine for the corpus database; connects lazily (see `corpus_errors`).

    Raises:
        CorpusError: not a database, a folder that does not exist, or no driver.
    """
    url = target if isinstance(target, URL) else database_url(target)
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(Path(str(url.database)))
        engine = sqlalchemy.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    try:
        return sqlalchemy.create_engine(
            url,
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_SECONDS,
                "options": "-c synchronous_commit=off",
            },
            # No ping before each checkout: it is one more round trip per transaction, and
            # a connection the server dropped fails its transaction, which is retried.
        )
    except (ModuleNotFoundError, NoSuchModuleError):
        raise CorpusError(
            f"{describe(url)}: a PostgreSQL corpus needs the psycopg driver; "
            "install it with: pip install 'newsprobe[postgres]'"
        ) from None


# "connection to server at "127.0.0.1", port 1 failed: Connection refused" -> the reason.
_PREFIXES = re.compile(r"^(?:.*?\bfailed:\s*)+|^(?:FATAL|ERROR):\s*", re.IGNORECASE)
_HINTS = (
    ("connection refused", "is the server running, on that host and port?"),
    ("does not exist", "create it first with createdb, or name another database"),
    ("timeout expired", "the server did not answer; is the host reachable?"),
    ("file is not a database", "the file is not an SQLite database, or it is damaged"),
    ("malformed", "the file is damaged; restore a backup"),
)


def _reason(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    reason = lines[0] if lines else type(original).__name__
    reason = _PREFIXES.sub("", reason).strip().removeprefix("FATAL:").strip() or reason
    for needle, hint in _HINTS:
        if needle in reason.lower() and hint not in reason:
            return f"{reason} ({hint})"
    return reason


def _interrupted(exc: BaseException) -> bool:
    """Whether `exc` was raised while cleaning up after a Ctrl-C."""
    seen: BaseException | None = exc.__context__
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__context__
    return False


@contextmanager
def corpus_errors(url: URL) -> Iterator[None]:
    """Turn a driver's error inside the block into one `CorpusError` line.

    A Ctrl-C in the middle of a statement stays a `KeyboardInterrupt`, even when the
    driver then fails to roll the interrupted statement back (psycopg does).
    """
    try:
        yield
    except SQLAlchemyError as exc:
        if _interrupted(exc):
            raise KeyboardInterrupt from exc
        raise CorpusError(f"{describe(url)}: {_reason(exc)}") from exc
