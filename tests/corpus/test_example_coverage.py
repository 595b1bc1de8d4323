"""The bundled coverage example (`examples/coverage.jsonl`) shows what the README says:
two stories, and a tabloid whose figure, quote and guesses the other outlets check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from tests.paths import EXAMPLES

pytestmark = pytest.mark.slow  # nine articles parsed: some 10 s
runner = CliRunner()
TABLOID = "https://dailyblaze.example/news/inferno-at-peace-palace"


def test_the_coverage_example_cross_checks_as_the_readme_says(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    added = runner.invoke(app, ["corpus", "add", str(EXAMPLES / "coverage.jsonl"), "--db", db])
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith("added 9, duplicates 0, failed 0")
    listed = runner.invoke(app, ["corpus", "stories", "--db", db, "--format", "json"])
    assert sorted(s["article_count"] for s in json.loads(listed.stdout)) == [3, 6]
    checked = runner.invoke(app, ["corpus", "crosscheck", TABLOID, "--db", db, "--format", "json"])
    check = json.loads(checked.stdout)
    firefighters = next(f for f in check["figures"] if f["target_verdict"] is not None)
    assert firefighters["consensus"]["value"] == 85
    assert firefighters["target_verdict"] == "minor_discrepancy"  # "around 100"
    assert [q["fidelity"] for q in check["quotes"]] == ["altered"]  # "lost" -> "gone"
    asked = {s["text"] for s in check["speculation"]}
    assert "Was the blaze started deliberately?" in asked
