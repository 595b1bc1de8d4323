"""`newsprobe batch` options refused before any cluster starts, each with one clear line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")

from newsprobe.cli import app

runner = CliRunner()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"title": "Port reopens", "text": "The port reopened."}) + "\n")
    return path


def _error_line(result: object) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "not both"),
        (["--workers", "0"], "at least 1"),
        (["--partition-size", "0"], "at least 1"),
        (["-a", "tarot"], "unknown analyzer 'tarot'"),
        (["--field", "body"], "OURS=THEIRS"),
    ],
)
def test_bad_options_are_one_line_and_status_2(
    source: Path, tmp_path: Path, extra: list[str], message: str
) -> None:
    result = runner.invoke(app, ["batch", str(source), "--out", str(tmp_path / "out"), *extra])
    assert result.exit_code == 2
    line = _error_line(result)
    assert line.startswith("newsprobe: error: ") and message in line


def test_a_folder_that_is_not_a_run_is_refused(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "holiday"
    folder.mkdir()
    (folder / "notes.txt").write_text("pack sunscreen")
    result = runner.invoke(app, ["batch", str(source), "--out", str(folder)])
    assert result.exit_code == 2
    assert "holds no batch run" in _error_line(result)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"], "nothing written"


def test_without_the_batch_extra_the_command_says_how_to_install_it(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [m for m in sys.modules if m.startswith("newsprobe.batch")]:
        monkeypatch.delitem(sys.modules, name)
    for name in [m for m in sys.modules if m.partition(".")[0] in ("distributed", "dask")]:
        monkeypatch.setitem(sys.modules, name, None)  # as if they were not installed
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = runner.invoke(app, ["batch", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "pip install 'newsprobe[batch]'" in _error_line(result)
