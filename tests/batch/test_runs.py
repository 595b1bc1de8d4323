"""`newsprobe batch` run as a user runs it, on a real two-process local Dask cluster.

One uninterrupted run over a composed WARC and JSONL (bad records mixed in) is the
reference; a second run is killed with SIGKILL halfway and started again, and must end
with exactly the same output. Both are slow (each starts a cluster and loads spaCy in
two worker processes): about a minute together on an idle two-core machine.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from newsprobe.document import Analysis  # noqa: E402
from tests.batch.composed import (  # noqa: E402
    BAD_JSONL,
    BAD_WARC,
    GOOD_JSONL,
    GOOD_WARC,
    write_jsonl,
    write_warc,
)

pytestmark = pytest.mark.slow

# Two records per partition: the inputs make 12 partitions, enough to kill a run halfway.
PARTITION = "2"


def batch_command(inputs: list[Path], out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsprobe",
        "batch",
        *map(str, inputs),
        "--out",
        str(out),
        "--workers",
        "2",
        "--partition-size",
        PARTITION,
    ]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("inputs")
    warc, jsonl = folder / "crawl.warc.gz", folder / "wire.jsonl"
    write_warc(warc)
    write_jsonl(jsonl)
    return [warc, jsonl]


@pytest.fixture(scope="module")
def reference(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reference") / "out"
    done = subprocess.run(batch_command(inputs, out), capture_output=True, text=True, timeout=300)
    # Status 1: some records could not be read (they are in errors.jsonl).
    assert done.returncode == 1, done.stderr
    assert f"analysed {GOOD_WARC + GOOD_JSONL} article(s)" in done.stderr
    assert done.stderr.count("\n") == 2, "no Dask log lines, no traceback: " + done.stderr
    return out


def rows(out: Path) -> list[dict[str, Any]]:
    table = pq.read_table(out / "articles")
    return sorted(table.to_pylist(), key=lambda r: (r["input"], r["record"]))


def analyses(out: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted((out / "analyses").glob("*.jsonl.gz")):
        lines += gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    return lines


def errors(out: Path) -> list[dict[str, Any]]:
    text = (out / "errors.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_one_row_per_good_record_and_one_error_line_per_bad(
    reference: Path, inputs: list[Path]
) -> None:
    warc, jsonl = map(str, inputs)
    found = rows(reference)
    bad = errors(reference)
    assert Counter(r["input"] for r in found) == {warc: GOOD_WARC, jsonl: GOOD_JSONL}
    assert Counter(e["input"] for e in bad) == {warc: BAD_WARC, jsonl: BAD_JSONL}
    # Every record of each input is in exactly one place: a row or an error line.
    for name, total in ((warc, GOOD_WARC + BAD_WARC), (jsonl, GOOD_JSONL + BAD_JSONL)):
        positions = [r["record"] for r in found if r["input"] == name]
        positions += [e["record"] for e in bad if e["input"] == name]
        assert sorted(positions) == list(range(total))
    assert {e["where"] for e in bad} >= {f"{jsonl}:3", f"{jsonl}:7", f"{jsonl}:10"}
    assert all(e["reason"] for e in bad)

    # The full analyses sit beside the rows, one per row, and agree with them.
    by_id = {a.article.id: a for a in map(Analysis.from_json, analyses(reference))}
    assert len(by_id) == len(found)
    for row in found:
        analysis = by_id[row["article_id"]]
        assert row["headline"] == analysis.article.headline_text
        assert row["findings_quote"] == len(analysis.of_kind("quote"))
        claims = {(c.span.start, c.text) for c in analysis.of_kind("claim")}
        assert {(c["start"], c["text"]) for c in row["claims"]} == claims
        assert row["findings_claim"] == len(row["claims"]) > 0
        assessment = analysis.assessment
        assert assessment is not None
        assert row["rating_score"] == assessment.rating.score
        for criterion in assessment.criteria:
            assert row[f"criterion_{criterion.id}"] == criterion.outcome
    wire = [r for r in found if r["input"] == jsonl]
    assert {r["outlet"] for r in wire} == {"Coastline Wire"}
    assert all(r["published"] is not None for r in wire)

    manifest = json.loads((reference / "manifest.json").read_text())
    assert all(state["done_below"] == state["partitions"] for state in manifest["inputs"].values())


def _done_partitions(out: Path) -> int:
    try:
        manifest = json.loads((out / "manifest.json").read_text())
    except (OSError, ValueError):
        return 0
    return sum(s["done_below"] + len(s["done"]) for s in manifest["inputs"].values())


def _children(pid: int) -> list[int]:
    import psutil

    try:
        return [child.pid for child in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pids: list[int]) -> list[int]:
    import psutil

    return [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]


def test_a_killed_run_resumes_to_the_same_output(
    reference: Path, inputs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    # With a corpus too: a partition stored and then redone after the kill is not stored
    # twice (SQLite; the client is the only writer, whatever the engine).
    database = tmp_path / "corpus.db"
    command = [*batch_command(inputs, out), "--corpus", str(database)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 240
        while _done_partitions(out) < 3:
            assert process.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no partition finished in time"
            time.sleep(0.2)
        workers = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        # The local cluster's worker processes go with the client that started them.
        deadline = time.monotonic() + 30
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(workers), "worker processes outlived the killed run"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    killed_at = _done_partitions(out)
    assert 3 <= killed_at < 12, "killed halfway"

    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 1, again.stderr
    assert "resumed" in again.stderr

    assert rows(out) == rows(reference)
    assert sorted(analyses(out)) == sorted(analyses(reference))
    key = lambda e: (e["input"], e["record"])  # noqa: E731
    assert sorted(errors(out), key=key) == sorted(errors(reference), key=key)
    from newsprobe.corpus import Corpus

    with Corpus(database) as corpus:
        assert corpus.count() == GOOD_WARC + GOOD_JSONL
        first = Analysis.from_json(analyses(reference)[0])
        stored = corpus.analysis(first.article.id)
    assert stored.article.text == first.article.text
    assert len(stored.findings) == len(first.findings)
    assert "stored" in again.stderr
    listing = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert listing == sorted(p.relative_to(reference) for p in reference.rglob("*") if p.is_file())


def test_a_folder_is_read_as_its_files_and_an_output_folder_inside_it_never(
    reference: Path, inputs: list[Path]
) -> None:
    folder = inputs[0].parent
    out = folder / "results"
    command = batch_command([folder], out)
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == 1, first.stderr  # the bad records, as in the reference
    assert rows(out) == rows(reference)
    # Run again: the output folder now holds files, and the run must not read them.
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert "analysed 0 article(s)" in again.stderr, again.stderr
    assert rows(out) == rows(reference)
