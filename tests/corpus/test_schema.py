"""Opening a corpus: new, older (upgraded with its data), newer or foreign (refused).

Every refusal is one `CorpusError` line naming the database; the CLI turns it into exit 1
(tests/corpus/test_cli.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine

from newsprobe.corpus import Corpus
from newsprobe.corpus.store import articles as article_ops
from newsprobe.corpus.store import transactions
from newsprobe.corpus.store.engine import create_engine_for
from newsprobe.corpus.store.migrate import (
    HEAD_REVISION,
    VERSION_TABLE,
    _alembic_config,
    schema_state,
)
from newsprobe.corpus.store.pgserver import PostgresServer
from newsprobe.corpus.store.schema import metadata
from newsprobe.errors import CorpusError
from newsprobe.evaluation.synthetic_corpus import compose, synthetic_analysis


@contextmanager
def _engine(db: str | Path) -> Iterator[Engine]:
    engine = create_engine_for(db)
    try:
        yield engine
    finally:
        engine.dispose()


def test_the_head_revision_constant_is_the_last_migration(tmp_path: Path) -> None:
    with _engine(tmp_path / "c.db") as engine, engine.connect() as connection:
        script = ScriptDirectory.from_config(_alembic_config(connection))  # type: ignore[arg-type]
    assert script.get_heads() == [HEAD_REVISION]


def test_the_schema_module_and_the_migrations_describe_the_same_tables(db: str) -> None:
    Corpus(db).close()

    def include(obj: object, name: str | None, kind: str, reflected: bool, other: object) -> bool:
        # The engines' own full-text parts exist only in the migrations.
        return not (name or "").startswith(
            ("articles_fts", "article_text", VERSION_TABLE)
        ) and not (kind in ("column", "index") and name in ("search", "ix_articles_search"))

    with _engine(db) as engine, engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include, "compare_type": True}
        )
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_an_older_corpus_is_upgraded_and_keeps_its_articles(db: str) -> None:
    analysis = synthetic_analysis(compose(1)[0])

    def at_first_revision(connection: object) -> None:
        command.upgrade(_alembic_config(connection), "0001")  # type: ignore[arg-type]
        article_ops.insert_analysis(connection, analysis)  # type: ignore[arg-type]

    with _engine(db) as engine:
        transactions.write(engine, at_first_revision)
        assert transactions.read(engine, schema_state).revision == "0001"
    with Corpus(db) as corpus, _engine(db) as engine:
        assert transactions.read(engine, schema_state).revision == HEAD_REVISION
        assert corpus.analysis(analysis.article.id) == analysis
        assert corpus.article(analysis.article.id).story_id is None
        assert corpus.search("said").hits


def test_a_corpus_of_a_newer_schema_is_refused_with_the_versions(db: str) -> None:
    Corpus(db).close()
    with _engine(db) as engine:
        transactions.write(
            engine, lambda c: c.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '0099'"))
        )
    with pytest.raises(CorpusError) as caught:
        Corpus(db)
    message = str(caught.value)
    assert "0099" in message and HEAD_REVISION in message and "upgrade newsprobe" in message
    assert "\n" not in message


def test_another_programs_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute("INSERT INTO notes VALUES ('buy bread')")
    with pytest.raises(CorpusError, match=r"not a newsprobe corpus .*notes"):
        Corpus(path)
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"notes"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Ferry crews walked out on Monday.\n", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 2000, "not a database|malformed|damaged"),
    ],
    ids=["text-file", "damaged-database"],
)
def test_a_file_that_is_not_a_usable_database_is_one_clear_error(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "corpus.db"
    path.write_bytes(content)
    with pytest.raises(CorpusError, match=reason) as caught:
        Corpus(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == content, "the file is not touched"


def test_paths_and_urls_that_cannot_hold_a_corpus(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="is a folder"):
        Corpus(tmp_path)
    with pytest.raises(CorpusError, match="does not exist"):
        Corpus(tmp_path / "missing" / "corpus.db")
    with pytest.raises(CorpusError, match=r"SQLite .* or PostgreSQL"):
        Corpus("mysql://me:secret@127.0.0.1/news")
    with pytest.raises(CorpusError, match="in-memory"):
        Corpus("sqlite:///:memory:")


def test_postgres_connection_failures_are_one_line_without_the_password(
    postgres: PostgresServer,
) -> None:
    url = postgres.create_database("refusals")
    cases = {
        postgres.url("refusals", password="not-the-password"): "password authentication failed",
        postgres.url("no_such_db"): 'database "no_such_db" does not exist',
        # A port nothing listens on: the server is unreachable.
        f"postgresql://newsprobe:pw@127.0.0.1:{_closed_port()}/x": "Connection refused",
    }
    for target, reason in cases.items():
        with pytest.raises(CorpusError) as caught:
            Corpus(target)
        message = str(caught.value)
        assert reason in message and "\n" not in message
        assert "not-the-password" not in message and ":pw@" not in message
        assert "127.0.0.1" in message
    Corpus(url).close()


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_four_connections_opening_a_new_database_at_once_create_it_once(db: str) -> None:
    import threading

    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            Corpus(db).close()
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with _engine(db) as engine:
        assert transactions.read(engine, schema_state).revision == HEAD_REVISION
