"""`newsprobe batch --scheduler` on a cluster started with Dask's own commands.

A scheduler and a worker are started as the README tells (``dask scheduler``,
``dask worker``) on 127.0.0.1, the run is pointed at the scheduler, and both are stopped
at the end. Slow: the worker loads spaCy.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from tests.batch.composed import BAD_JSONL, GOOD_JSONL, write_jsonl  # noqa: E402

pytestmark = pytest.mark.slow

DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    if not DASK.exists():
        pytest.skip(f"Dask's command line is not installed beside {sys.executable}")
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {
        **os.environ,
        "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1",
        "DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION": "1.0",
        "DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH": "10",
    }
    started: list[subprocess.Popen[bytes]] = []
    logs = ExitStack()
    try:
        for command in (
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1]],
            [str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1"],
        ):
            log = logs.enter_context((tmp_path / f"{command[1]}.log").open("wb"))
            started.append(
                subprocess.Popen(
                    [*command, "--no-dashboard"],
                    stdout=log,
                    stderr=log,
                    env=env,
                    start_new_session=True,
                )
            )
        yield address
    finally:
        for process in reversed(started):
            _stop(process)
        logs.close()


def test_a_run_on_a_dask_cluster_started_with_dask_commands(scheduler: str, tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    write_jsonl(source)
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "newsprobe", "batch", str(source), "--out", str(out),
        "--scheduler", scheduler, "--partition-size", "4",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # the bad records
    assert f"analysed {GOOD_JSONL} article(s)" in done.stderr
    rows = pq.read_table(out / "articles").to_pylist()
    errors = (out / "errors.jsonl").read_text().splitlines()
    assert len(rows) == GOOD_JSONL and len(errors) == BAD_JSONL
    assert sorted([r["record"] for r in rows] + [json.loads(e)["record"] for e in errors]) == list(
        range(GOOD_JSONL + BAD_JSONL)
    )
