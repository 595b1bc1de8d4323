"""The command line, run as a user runs it: real files, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.document import Analysis
from tests.paths import EXAMPLES

EXAMPLE = EXAMPLES / "ferry-strike.txt"
runner = CliRunner()


def test_version_and_schema() -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("newsprobe ")
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "findings" in schema["properties"]


def test_python_dash_m_runs_the_same_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsprobe", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("newsprobe ")


def test_analyze_json_is_one_valid_analysis(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--format", "json", "-a", "quantities"])
    assert result.exit_code == 0, result.output
    analysis = Analysis.from_json(result.stdout)
    assert analysis.article.headline_text.startswith("Ferry crews walk out")
    assert analysis.article.authors == ["Mireille Okafor", "Dan Whitcombe"]
    assert analysis.article.language == "en"
    assert analysis.of_kind("quantity"), "the example has numbers"


def test_analyze_text_report_shows_headline_and_sections(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = out.read_text(encoding="utf-8")
    assert "Ferry crews walk out" in report
    assert "Numbers" in report and "People, organizations and places" in report


def test_bad_inputs_are_named_skipped_and_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = runner.invoke(
        app, ["analyze", str(empty), str(binary), str(EXAMPLE), "-f", "json", "-a", "quantities"]
    )
    assert result.exit_code == 1
    assert "empty.txt: the input is empty" in result.stderr
    assert "image.png: this is a binary file" in result.stderr
    assert "Traceback" not in result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and Analysis.from_json(lines[0])


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["analyze", "no/such/file.txt"], 1, "no such file"),
        (["analyze", str(EXAMPLE), "-a", "nope"], 2, "unknown analyzer 'nope'"),
        (["analyze", str(EXAMPLE), "--field", "oops"], 2, "OURS=THEIRS"),
        (["analyze", str(EXAMPLE), "--input-format", "pdf"], 2, "'pdf' is not one of"),
    ],
)
def test_errors_are_one_line_with_the_documented_status(
    args: list[str], code: int, message: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_stdin_with_headline_option() -> None:
    result = runner.invoke(
        app,
        ["analyze", "-", "--headline", "Port reopens", "-f", "json", "-a", "quantities"],
        input="The port reopened after 36 hours.",
    )
    assert result.exit_code == 0, result.output
    analysis = Analysis.from_json(result.stdout)
    assert analysis.article.headline_text == "Port reopens"
    assert analysis.article.body_text == "The port reopened after 36 hours."


def test_report_written_to_a_file_marks_highlights_and_sections(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(
        app,
        [
            "analyze",
            str(EXAMPLE),
            "--out",
            str(out),
            "-a",
            "quotes",
            "-a",
            "attribution",
            "-a",
            "sourcing",
            "-a",
            "hedging",
        ],
    )
    assert result.exit_code == 0, result.output
    report = out.read_text(encoding="utf-8")
    assert "Where the story comes from" in report and "Quotes" in report
    assert "«said» «Hana Brodsky»" in report  # source and cue marked without a terminal
    assert "original" in report


def test_input_formats_match_what_ingest_reads() -> None:
    from newsprobe.cli.common import InputFormat
    from newsprobe.ingest import FORMATS

    assert tuple(f.value for f in InputFormat) == FORMATS


def test_numbers_table_shows_durations_and_money_as_a_reader_would(tmp_path: Path) -> None:
    out = tmp_path / "numbers.txt"
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "-a", "quantities", "--out", str(out)])
    assert result.exit_code == 0, result.output
    cells = [line.split("│") for line in out.read_text("utf-8").splitlines()]
    rows = {c[1].strip(): "│".join(c) for c in cells if len(c) > 2}
    assert "9" in rows["nine years"] and "years" in rows["nine years"]
    assert "2.5 bn" in rows["$2.5bn"] and "USD" in rows["$2.5bn"]
