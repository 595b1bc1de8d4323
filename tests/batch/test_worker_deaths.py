"""A record that kills its worker: the worker is replaced, the rest of the work is kept.

The killer is a real third-party analyzer, installed the way plugins are (an entry point
in the ``newsprobe.analyzers`` group, on the path of the command and so of its workers),
that ends its process at once on an article containing a marker word: no ``try`` in
newsprobe or Dask sees it coming, as with a segfault in a native library or the kernel's
out-of-memory killer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

pytestmark = pytest.mark.slow

PLUGIN = '''
import os

from newsprobe.analyzers.base import Analyzer


class CrashAnalyzer(Analyzer):
    """Ends its process on an article with the word KRAKATOA in it."""

    name = "crash"
    languages = None

    def analyze(self, ctx):
        if "KRAKATOA" in ctx.article.text:
            os._exit(70)
        return []
'''


def install_plugin(folder: Path) -> None:
    (folder / "crash_analyzer.py").write_text(PLUGIN)
    info = folder / "crash_analyzer-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: crash-analyzer\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[newsprobe.analyzers]\ncrash = crash_analyzer:CrashAnalyzer\n"
    )


def test_the_record_that_kills_its_worker_is_logged_and_the_others_are_kept(
    tmp_path: Path,
) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    install_plugin(plugins)
    source = tmp_path / "wire.jsonl"
    texts = [
        f"The Kessling ferry carried {n + 200} passengers on Sunday, the operator said."
        for n in range(6)
    ]
    texts[1] = "Mount KRAKATOA rumbled on Sunday, and 40 people left the island of Pulau Dua."
    records = [{"title": f"Island news {n}", "text": t} for n, t in enumerate(texts)]
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugins), *sys.path])}
    command = [
        sys.executable, "-m", "newsprobe", "batch", str(source), "--out", str(out),
        "--workers", "2", "--partition-size", "3", "-a", "quantities", "-a", "crash",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=400, env=env)

    assert done.returncode == 1, done.stderr
    assert "analysed 5 article(s)" in done.stderr
    rows = pq.read_table(out / "articles").to_pylist()
    assert sorted(r["record"] for r in rows) == [0, 2, 3, 4, 5]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["record"], e["input"]) for e in errors] == [(1, str(source))]
    assert "worker died twice" in errors[0]["reason"]
