"""The command line under careless or hostile use: it never destroys a file, never hangs,
and says in one line what failed. Every test builds its own hostile input."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from newsprobe.cli import app
from tests.paths import EXAMPLES

EXAMPLE = EXAMPLES / "ferry-strike.txt"
runner = CliRunner()
STORY = "Ferry fares rise\n\nThe Harbour Line raised fares by 4% on Monday, its board said.\n"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_out_that_is_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(story), "--out", str(story), "-a", "quantities"])
    assert result.exit_code == 2, result.output
    assert "is also an input" in result.stderr
    assert story.read_text(encoding="utf-8") == STORY
    # The same file reached through a symbolic link is the same input.
    link = tmp_path / "link.txt"
    link.symlink_to(story)
    result = runner.invoke(app, ["analyze", str(story), "--out", str(link), "-a", "quantities"])
    assert result.exit_code == 2 and story.read_text(encoding="utf-8") == STORY


def test_out_is_left_alone_when_every_input_fails(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text('{"earlier": "report"}\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["analyze", str(empty), "-f", "json", "--out", str(report)])
    assert result.exit_code == 1
    assert report.read_text(encoding="utf-8") == '{"earlier": "report"}\n'
    assert _leftovers(tmp_path) == []


def test_out_is_replaced_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old\n", encoding="utf-8")
    report.chmod(0o640)
    result = runner.invoke(
        app, ["analyze", str(EXAMPLE), "-f", "json", "-a", "quantities", "--out", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text(encoding="utf-8"))["article"]
    assert report.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_out_that_is_a_folder_names_it_with_status_4(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "-a", "quantities", "--out", "."])
    assert result.exit_code == 4, result.output
    assert "cannot write the report" in result.stderr and "folder" in result.stderr


def _limit_file_size() -> None:
    # A real write failure: the kernel refuses to grow any file past 2 KB (EFBIG).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


def test_failed_write_names_the_file_exits_4_and_keeps_the_old_report(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("the previous report\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newsprobe", "analyze", str(EXAMPLE), "--out", str(report)],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        timeout=300,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert result.returncode == 4, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(report) in lines[0] and "File too large" in lines[0]
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert _leftovers(tmp_path) == []
