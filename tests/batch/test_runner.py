"""The run loop where no cluster is needed: inputs that fail, runs already finished."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from newsprobe.batch import BatchSettings, run_batch


def _no_cluster() -> object:
    raise AssertionError("no cluster should be started: there is nothing to analyse")


def test_an_unreadable_input_is_one_error_line_and_is_not_logged_again(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("")  # an empty file holds no article
    missing = tmp_path / "gone.jsonl"
    out = tmp_path / "out"
    for attempt in range(2):
        summary = run_batch(
            [str(notes), str(missing)], out, client=_no_cluster, settings=BatchSettings()
        )
        assert summary.articles == 0
        assert summary.errors == (2 if attempt == 0 else 0)
        assert summary.resumed == (attempt == 1)
    lines = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["input"], e["record"]) for e in lines] == [(str(notes), None), (str(missing), None)]
    assert "no such file" in lines[1]["reason"]
