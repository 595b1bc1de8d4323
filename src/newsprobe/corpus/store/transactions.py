"""Short write transactions that wait for each other instead of failing.

Two `corpus add` processes on one database both finish: on SQLite each write transaction
starts with ``BEGIN IMMEDIATE`` and waits up to the busy timeout for the other writer; on
PostgreSQL unique constraints and ``ON CONFLICT`` keep concurrent inserts apart. Whatever
still collides (SQLite's "database is locked" after the timeout, a PostgreSQL
serialization failure or deadlock, a race the store detects itself) rolls the transaction
back and runs it again, from the start, after a short random pause. Reads are retried
the same way: in WAL mode SQLite answers even a reader "database is locked" without
waiting, while another process cleans up after closing its last connection or recovers
the log of one that was killed (https://sqlite.org/wal.html, "Sometimes Queries Return
SQLITE_BUSY"); two `corpus add` on one file failed that way on a loaded CI machine.

Sections that must not interleave across processes (placing an article in a story,
upgrading the schema) take a named lock with `lock`: a transaction-scoped advisory lock on
PostgreSQL; on SQLite the write lock of ``BEGIN IMMEDIATE`` already serializes writers.
"""

from __future__ import annotations

import random
import time
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from newsprobe.corpus.store.engine import corpus_errors, describe, write_options
from newsprobe.errors import CorpusError

__all__ = ["ATTEMPTS", "RetryTransaction", "lock", "read", "write"]

T = TypeVar("T")

#: Tries of one write transaction before its error is reported. With SQLite's 30 s busy
#: timeout inside each try, a writer reports failure only after minutes of waiting.
ATTEMPTS = 8
_PAUSE_SECONDS = 0.05  # doubled after each failed try, with jitter
# PostgreSQL SQLSTATEs worth a retry: serialization_failure, deadlock_detected,
# lock_not_available, unique_violation (a race on a key checked just before).
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03", "23505"})
_TRANSIENT_SQLITE = ("database is locked", "database is busy", "database table is locked")


class RetryTransaction(Exception):
    """Raised inside a write transaction: roll it back and run it again."""


def _transient(exc: DBAPIError) -> bool:
    if exc.connection_invalidated:  # the server dropped it: a new connection may do
        return True
    original = exc.orig
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate in _TRANSIENT_SQLSTATES
    return any(part in str(original).lower() for part in _TRANSIENT_SQLITE)


def write(engine: Engine, work: Callable[[Connection], T], *, attempts: int = ATTEMPTS) -> T:
    """Run `work` in one write transaction and commit; retry it when it collides.

    `work` may run more than once, so it must only change the database (and return what
    it found), never state outside it.

    Raises:
        CorpusError: the database failed, or the transaction collided `attempts` times.
    """
    return _retried(engine, work, write_options(), attempts)


def read(engine: Engine, work: Callable[[Connection], T], *, attempts: int = ATTEMPTS) -> T:
    """Run `work` in one read transaction (a consistent snapshot on both engines); retry
    it when the database is briefly unavailable.

    Raises:
        CorpusError: the database failed, or stayed busy through `attempts` tries.
    """
    return _retried(engine, work, {}, attempts)


def _retried(
    engine: Engine, work: Callable[[Connection], T], options: dict[str, Any], attempts: int
) -> T:
    pause = _PAUSE_SECONDS
    for attempt in range(1, attempts + 1):
        try:
            with corpus_errors(engine.url), engine.connect() as connection:
                if options:
                    connection.execution_options(**options)
                with connection.begin():
                    return work(connection)
        except RetryTransaction as exc:
            if attempt == attempts:
                raise CorpusError(
                    f"{describe(engine.url)}: a write kept colliding with another writer "
                    f"({attempts} tries): {exc}"
                ) from exc
        except Exception as exc:
            cause = exc.__cause__
            if not (isinstance(cause, DBAPIError) and _transient(cause)) or attempt == attempts:
                raise
        time.sleep(pause * (0.5 + random.random()))
        pause *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def lock(connection: Connection, name: str) -> None:
    """Hold the lock `name` until the transaction ends (PostgreSQL; SQLite needs none)."""
    if connection.dialect.name == "postgresql":
        key = zlib.crc32(f"newsprobe:{name}".encode())
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
