"""A progress bar for long commands: count, rate and ETA on a terminal, nothing elsewhere.

The bar draws on stderr, and only when stderr is a terminal: piped or redirected output
(scripts, CI, ``2> log``) stays free of control characters. Its total comes from
`estimate_records`, a cheap count made without parsing; when a source cannot be counted
(a URL, a feed, an archive, stdin) the bar shows count and rate without an ETA.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, Task, TaskID
    from rich.text import Text

__all__ = ["Bar", "estimate_records", "progress_bar"]


def _count(path: Path) -> int | None:
    """Records in one local file, or None when they cannot be counted cheaply."""
    from newsprobe.ingest.sniff import open_peekable, peek_head, sniff_format

    with path.open("rb") as raw:
        stream = open_peekable(raw)
        fmt = sniff_format(str(path), peek_head(stream))
        if fmt in ("text", "html"):
            return 1
        if fmt == "jsonl":
            return sum(1 for line in stream if line.strip())
        if fmt == "csv":
            text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
            dialect = (
                "excel-tab" if path.name.lower().removesuffix(".gz").endswith(".tsv") else "excel"
            )
            return max(0, sum(1 for row in csv.reader(text, dialect) if row) - 1)
    return None


def estimate_records(sources: Sequence[str]) -> int | None:
    """How many articles the sources hold, if every one is a local file that can tell."""
    total = 0
    for source in sources:
        path = Path(source)
        if source == "-" or "://" in source or not path.is_file():
            return None
        try:
            count = _count(path)
        except (OSError, ValueError, EOFError):
            return None
        if count is None:
            return None
        total += count
    return total


class Bar:
    """Advances a progress bar (or does nothing when there is none to draw)."""

    def __init__(self, progress: Progress | None = None, task: TaskID | None = None) -> None:
        self._progress = progress
        self._task = task

    def advance(self, steps: int = 1) -> None:
        if self._progress is not None and self._task is not None and steps:
            self._progress.update(self._task, advance=steps)

    def describe(self, label: str) -> None:
        """Change the label (e.g. to show how many inputs were skipped so far)."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=label)


@contextmanager
def progress_bar(label: str, *, total: int | None, unit: str = "articles") -> Iterator[Bar]:
    """A bar on stderr when it is a terminal; a `Bar` that does nothing otherwise."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    console = Console(stderr=True)
    if not console.is_terminal:
        yield Bar()
        return

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} {unit}/s" if speed else f"– {unit}/s", style="cyan")

    columns: list[ProgressColumn | str] = [
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn() if total is not None else TextColumn("{task.completed}"),
        RateColumn(),
        TimeElapsedColumn(),
    ]
    if total is not None:
        columns += ["ETA", TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False) as progress:
        yield Bar(progress, progress.add_task(label, total=total))
