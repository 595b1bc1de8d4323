"""An SQLite corpus another process holds for a moment is waited for, never an error.

SQLite's busy timeout covers most waits, but some answers of "database is locked" come
at once or after it (see `store.transactions`); the store then retries the transaction.
Here another connection holds the file for longer than a shortened busy timeout:
exclusively (so that readers wait too), or its write lock only; reads and writes must
still finish once it lets go.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsprobe.corpus import Corpus
from newsprobe.corpus.store import engine as engine_module
from newsprobe.evaluation.synthetic_corpus import iter_composed, synthetic_analysis

_HELD_SECONDS = 0.6
_BUSY_TIMEOUT_SECONDS = 0.1  # far shorter than the hold: SQLite alone would give up


@pytest.fixture
def held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bool], str]]:
    """A corpus file, and a function that has another connection hold it (exclusively,
    or its write lock only) for `_HELD_SECONDS`, returning the path once it holds it.
    Exclusive locking mode needs every other connection closed."""
    path = tmp_path / "corpus.db"
    with Corpus(path) as corpus:
        corpus.add([synthetic_analysis(next(iter_composed(1)))])
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_SECONDS", _BUSY_TIMEOUT_SECONDS)
    threads: list[threading.Thread] = []

    def hold(exclusive: bool) -> str:
        taken = threading.Event()
        table = f"held_{len(threads)}"  # named before the thread starts: one per hold

        def run() -> None:
            other = sqlite3.connect(path, isolation_level=None)
            if exclusive:
                other.execute("PRAGMA locking_mode = EXCLUSIVE")
            other.execute("BEGIN IMMEDIATE")
            other.execute(f"CREATE TABLE {table} (x INTEGER)")
            if exclusive:
                other.execute("COMMIT")  # exclusive mode keeps the lock after the commit
            taken.set()
            time.sleep(_HELD_SECONDS)
            if not exclusive:
                other.execute("COMMIT")
            other.close()

        thread = threading.Thread(target=run)
        thread.start()
        threads.append(thread)
        assert taken.wait(10)
        return str(path)

    yield hold
    for thread in threads:
        thread.join()


def test_a_read_waits_for_a_lock_held_past_the_busy_timeout(
    held: Callable[[bool], str],
) -> None:
    began = time.monotonic()
    path = held(True)  # opening the corpus reads the schema revision; then a count
    with Corpus(path) as corpus:
        assert corpus.count() == 1
    assert time.monotonic() - began >= _HELD_SECONDS  # it waited for the lock to go


def test_a_write_waits_for_a_lock_held_past_the_busy_timeout(
    held: Callable[[bool], str],
) -> None:
    analyses = [synthetic_analysis(item) for item in list(iter_composed(3))[1:]]
    with Corpus(held(True)) as corpus:
        held(False)
        assert corpus.add(analyses).added == 2  # ready analyses: the first access writes
        assert corpus.count() == 3
