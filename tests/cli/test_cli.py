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
    # Source (its whole description) and cue marked without a terminal.
    assert "«said» «Hana Brodsky, the union's general secretary»" in report
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


def test_text_report_opens_with_the_assessment(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = out.read_text(encoding="utf-8")
    assert "Assessment: " in report and "Sources" in report
    assert "✔ pass" in report or "⚠ warn" in report
    assert report.index("Assessment: ") < report.index("Where the story comes from")
    assert "not a verdict on whether the article is true" in " ".join(
        report.replace("│", " ").split()
    )


def test_analyze_html_writes_one_self_contained_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    second = tmp_path / "second.txt"
    second.write_text("Port reopens\n\nThe port reopened after 36 hours, officials said.\n")
    result = runner.invoke(
        app, ["analyze", str(EXAMPLE), str(second), "--format", "html", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<article ") == 2 and page.count("<script>") == 1
    assert "Content-Security-Policy" in page and "Ferry crews walk out" in page
    assert "Port reopens" in page and 'class="np-criteria"' in page


def test_analyze_claims_prints_json_ld_per_article() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--format", "claims"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    document = json.loads(lines[0])
    assert document["@context"][0] == "https://schema.org"
    assert document["@graph"] and all(c["@type"] == "Claim" for c in document["@graph"])
    assert not any("reviewRating" in c for c in document["@graph"])


def test_unknown_format_lists_the_formats() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--format", "pdf"])
    assert result.exit_code == 2
    assert "html" in result.stderr and "claims" in result.stderr


def test_analyze_reads_a_folder_as_its_files_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "coverage"
    (folder / "later").mkdir(parents=True)
    (folder / "b.txt").write_text("Ferry crews strike\n\nFerry crews walked out on Monday.")
    (folder / "later" / "c.txt").write_text("Talks resume\n\nTalks resumed on Friday.")
    (folder / ".hidden.txt").write_text("Not read\n\nThis file is hidden.")
    result = runner.invoke(app, ["analyze", str(folder), "--format", "json", "-a", "quantities"])
    assert result.exit_code == 0, result.output
    headlines = [
        json.loads(line)["article"]["text"].split("\n")[0] for line in result.stdout.splitlines()
    ]
    assert headlines == ["Ferry crews strike", "Talks resume"]
