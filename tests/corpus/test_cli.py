"""`newsprobe corpus add` and `search`, run as a user runs them, on both engines.

The slow tests start real `newsprobe corpus add` processes: one is interrupted with
Ctrl-C and then killed with SIGKILL midway, and restarted until done; two others write to
one database at once. Nothing committed may be lost, and nothing may be stored twice.
"""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.corpus import AddSummary, Corpus, SearchResult
from newsprobe.evaluation.synthetic_corpus import compose, write_jsonl
from tests.paths import EXAMPLES, REPO

runner = CliRunner()


def _corpus_add(db: str, *sources: str | Path, fmt: str = "json") -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "newsprobe", "corpus", "add", *map(str, sources)]
    return subprocess.Popen(
        [*command, "--db", db, "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def _count(db: str) -> int:
    with Corpus(db) as corpus:
        return corpus.count()


def _wait_for(db: str, process: subprocess.Popen[str], at_least: int) -> int:
    """Poll the corpus until it holds `at_least` articles; the count seen."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert process.poll() is None, f"finished before it could be stopped: {process.stderr}"
        count = _count(db)
        if count >= at_least:
            return count
        time.sleep(0.02)
    raise AssertionError("the corpus did not grow")


def test_add_reads_files_and_folders_names_bad_inputs_and_adds_nothing_twice(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "news.db")
    records = write_jsonl(tmp_path / "dump.jsonl", compose(4))
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "ferry.txt").write_text((EXAMPLES / "ferry-strike.txt").read_text())
    (folder / ".hidden.txt").write_text("Not an article\n\nIt is hidden.")
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256))
    result = runner.invoke(app, ["corpus", "add", str(records), str(folder), "--db", db])
    assert result.exit_code == 1, result.output
    assert result.stdout.strip().startswith("added 5, duplicates 0, failed 1")
    assert "broken.png" in result.stderr and "Traceback" not in result.output
    assert "ETA" not in result.stderr, "no progress bar when stderr is not a terminal"

    again = runner.invoke(
        app, ["corpus", "add", str(records), str(folder / "ferry.txt"), "--db", db, "-f", "json"]
    )
    assert again.exit_code == 0, again.output
    summary = AddSummary.model_validate_json(again.stdout)
    assert summary.added == 0 and len(summary.duplicates) == 5
    assert _count(db) == 5


def test_add_and_search_take_the_database_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSPROBE_DB", str(tmp_path / "env.db"))
    records = write_jsonl(tmp_path / "dump.jsonl", compose(5))
    assert runner.invoke(app, ["corpus", "add", str(records)]).exit_code == 0
    assert (tmp_path / "env.db").is_file()
    result = runner.invoke(app, ["corpus", "search", "ferry crews", "--format", "json"])
    assert result.exit_code == 0, result.output
    hits = SearchResult.model_validate_json(result.stdout).hits
    assert hits and all("Ferry crews" in h.article.headline for h in hits)


def test_search_prints_a_table_and_json(db: str, tmp_path: Path) -> None:
    items = compose(10)
    records = write_jsonl(tmp_path / "dump.jsonl", items)
    assert runner.invoke(app, ["corpus", "add", str(records), "--db", db]).exit_code == 0
    outlet = items[1].article.outlet or ""
    text = runner.invoke(
        app, ["corpus", "search", "leaders", "--db", db, "--outlet", outlet], env={"COLUMNS": "200"}
    )
    assert text.exit_code == 0, text.output
    assert items[1].article.headline_text in text.stdout
    assert items[1].article.id in text.stdout

    since = items[5].article.published
    assert since is not None
    as_json = runner.invoke(
        app,
        ["corpus", "search", "said", "--db", db, "--since", since.isoformat(), "-f", "json"],
    )
    assert as_json.exit_code == 0, as_json.output
    result = json.loads(as_json.stdout)
    assert {h["article"]["id"] for h in result["hits"]} == {i.article.id for i in items[5:]}

    nothing = runner.invoke(app, ["corpus", "search", "zeppelin", "--db", db])
    assert nothing.exit_code == 0 and "No stored article matches" in nothing.stdout
    for bad in (["--since", "last tuesday"], ["--limit", "0"]):
        usage = runner.invoke(app, ["corpus", "search", "ferry", "--db", db, *bad])
        assert usage.exit_code == 2
    blank = runner.invoke(app, ["corpus", "search", "  ", "--db", db])
    assert blank.exit_code == 2 and "no word to look for" in blank.stderr


def test_a_database_that_cannot_be_used_is_one_line_and_exit_1(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_text("Ferry crews walked out.\n")
    newer = tmp_path / "newer.db"
    Corpus(newer).close()
    import sqlite3

    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE newsprobe_schema SET version_num = '0042'")
    for db, reason in (
        (str(text_file), "not an SQLite database"),
        (str(newer), "schema revision 0042, newer than"),
        ("postgresql://newsprobe:secret@127.0.0.1:1/news", "Connection refused"),
    ):
        for command in (["corpus", "add", str(EXAMPLES)], ["corpus", "search", "ferry"]):
            result = runner.invoke(app, [*command, "--db", db])
            assert result.exit_code == 1, result.output
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("newsprobe: error: "), lines
            assert reason in lines[0] and "secret" not in lines[0]


def test_a_wrong_postgres_password_is_one_line_and_exit_1(postgres: object) -> None:
    from newsprobe.corpus.store.pgserver import PostgresServer

    assert isinstance(postgres, PostgresServer)
    postgres.create_database("cli_password")
    url = postgres.url("cli_password", password="wrong-password")
    result = runner.invoke(app, ["corpus", "search", "ferry", "--db", url])
    assert result.exit_code == 1
    assert "password authentication failed" in result.stderr
    assert "wrong-password" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_the_progress_bar_shows_rate_and_eta_on_a_terminal(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "dump.jsonl", compose(6))
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsprobe", "corpus", "add", str(records), "--db",
         str(tmp_path / "c.db")],
        stdout=subprocess.PIPE,
        stderr=terminal,
        text=True,
        cwd=REPO,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
    )  # fmt: skip
    os.close(terminal)
    chunks: list[bytes] = []

    def drain() -> None:
        # Read while the command runs: a terminal holds a few kilobytes, and a slow run
        # redraws the bar often enough to fill it and block the command's writes.
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout, _ = process.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(main)
    drawn = b"".join(chunks)
    assert process.returncode == 0, drawn
    screen = drawn.decode("utf-8", "replace")
    assert "6/6" in screen and "articles/s" in screen and "ETA" in screen
    assert stdout.strip() == "added 6, duplicates 0, failed 0"


@pytest.mark.slow
def test_an_interrupted_or_killed_add_loses_nothing_and_resumes(db: str, tmp_path: Path) -> None:
    items = compose(50, seed=7)
    records = write_jsonl(tmp_path / "dump.jsonl", items)

    first = _corpus_add(db, records, fmt="text")
    _wait_for(db, first, 5)
    first.send_signal(signal.SIGINT)  # Ctrl-C
    _, stderr = first.communicate(timeout=120)
    assert first.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    after_interrupt = _count(db)
    assert 5 <= after_interrupt < len(items)

    second = _corpus_add(db, records)
    _wait_for(db, second, after_interrupt + 20)
    second.kill()  # SIGKILL: no clean-up of any kind
    second.communicate(timeout=60)
    assert second.returncode == -signal.SIGKILL
    after_kill = _count(db)
    assert after_interrupt + 20 <= after_kill < len(items), "killed midway"

    third = _corpus_add(db, records)
    stdout, stderr = third.communicate(timeout=600)
    assert third.returncode == 0, stderr
    summary = AddSummary.model_validate_json(stdout)
    assert summary.added == len(items) - after_kill
    assert len(summary.duplicates) == after_kill
    with Corpus(db) as corpus:
        assert corpus.count() == len(items)
        for item in items[:: len(items) // 10]:
            assert corpus.analysis(item.article.id).article.text == item.article.text


@pytest.mark.slow
def test_two_adds_on_one_database_at_once_both_finish(db: str, tmp_path: Path) -> None:
    items = compose(70, seed=11)
    left = write_jsonl(tmp_path / "left.jsonl", items[:45])
    right = write_jsonl(tmp_path / "right.jsonl", items[25:])  # 20 articles in both
    processes = [_corpus_add(db, left), _corpus_add(db, right)]
    outputs = [process.communicate(timeout=600) for process in processes]  # both, always
    summaries = []
    for process, (stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert "locked" not in stderr.lower()
        summaries.append(AddSummary.model_validate_json(stdout))
    assert sum(s.added for s in summaries) == len(items)
    assert sum(len(s.duplicates) for s in summaries) == 20
    with Corpus(db) as corpus:
        assert corpus.count() == len(items)
        assert len(corpus.search("said", limit=100).hits) == len(items)
