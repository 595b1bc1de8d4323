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


def _bomb_warc(path: Path, records: int) -> None:
    """A WARC whose every page is a gzip bomb: 1 MB of zeros sent as 1 KB compressed."""
    import gzip
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bomb = gzip.compress(b"<html><body>" + b"0" * 1_000_000, compresslevel=9)
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number in range(records):
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                f"https://bomb.example/{number}",
                "response",
                payload=io.BytesIO(bomb),
                length=len(bomb),
                http_headers=headers,
            )
            writer.write_record(record)


def test_archive_of_bombs_prints_a_few_lines_and_a_count(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _bomb_warc(archive, 40)
    errors = tmp_path / "errors.txt"
    result = runner.invoke(
        app,
        ["analyze", str(archive), "--max-bytes", "100000", "--errors", str(errors)],
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) <= 5, lines
    assert "40 bad records in all, 37 not shown" in lines[-1] and str(errors) in lines[-1]
    assert all("larger than 100,000 bytes" in line for line in lines[:3])
    listed = errors.read_text(encoding="utf-8").splitlines()
    assert len(listed) == 40 and "record 40 (https://bomb.example/39)" in listed[-1]


def test_without_errors_file_the_summary_names_the_option(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    _bomb_warc(archive, 5)
    result = runner.invoke(app, ["analyze", str(archive), "--max-bytes", "100000"])
    assert result.exit_code == 1
    assert "--errors FILE lists them" in result.stderr.strip().splitlines()[-1]


def _records(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            text = f"Pier {number} reopened on Friday after {number + 2} days, the port said."
            handle.write(json.dumps({"title": f"Pier {number} reopens", "text": text}) + "\n")
        handle.write("{not json\n")


def test_progress_is_drawn_on_a_terminal_and_never_into_a_pipe(tmp_path: Path) -> None:
    import pty

    dump = tmp_path / "dump.jsonl"
    _records(dump, 40)
    command = [sys.executable, "-m", "newsprobe", "analyze", str(dump), "-f", "json"]
    command += ["-a", "quantities", "--out", str(tmp_path / "out.jsonl")]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert piped.returncode == 1
    assert piped.stderr.strip().splitlines() == [
        f"newsprobe: skipped: {dump}:41: invalid JSON: Expecting property name enclosed in "
        "double quotes: line 1 column 2 (char 1)"
    ]
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(command, stderr=follower, stdout=subprocess.DEVNULL, env=env)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 65_536)
        except OSError:  # the terminal closes with the process
            break
        if not chunk:
            break
        drawn += chunk
    assert process.wait(timeout=300) == 1
    os.close(leader)
    screen = drawn.decode("utf-8", "replace")
    assert ("analysing" in screen and "41/41" in screen) or "40/41" in screen
    assert "1 skipped" in screen


def test_full_standard_output_is_named_and_exits_4() -> None:
    command = [sys.executable, "-m", "newsprobe", "analyze", str(EXAMPLE), "-f", "json"]
    command += ["-a", "quantities"]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            command,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert result.returncode == 4, result.stderr
    assert result.stderr.strip() == (
        "newsprobe: error: standard output: cannot write the report: No space left on device"
    )
