"""The store's fixtures: every test that takes `db` runs once on SQLite, once on PostgreSQL.

The PostgreSQL server is real (`newsprobe.corpus.store.pgserver`): started once per test session on
127.0.0.1, each test gets a database of its own. Without PostgreSQL's binaries the
PostgreSQL half of the tests skips, with the reason (CI, which sets
``NEWSPROBE_TEST_POSTGRES=required``, fails instead).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprobe.corpus.store.pgserver import PostgresServer, PostgresUnavailable

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole test session (skips when there is none)."""
    try:
        with PostgresServer.start() as server:
            yield server
    except PostgresUnavailable as exc:
        if os.environ.get("NEWSPROBE_TEST_POSTGRES") == "required":  # set by .ci/run
            pytest.fail(f"PostgreSQL is required here: {exc}")
        pytest.skip(str(exc))


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A new, empty corpus database: an SQLite path, or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(tmp_path / "corpus.db")
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"corpus_{next(_numbers)}")
