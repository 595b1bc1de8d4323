"""What every `newsprobe` command shares: the run's state, error lines, input options.

Errors print as one line on stderr, ``newsprobe: error: ...``, and end the command with
the status of the error's class (`newsprobe.errors`); ``--debug`` re-raises instead, so
the traceback shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING

import typer

from newsprobe.errors import ConfigError, IngestError

if TYPE_CHECKING:
    from newsprobe.document import Article
    from newsprobe.ingest import IngestOptions

__all__ = ["InputFormat", "OutputFormat", "articles", "fail", "field_map", "state"]

#: Set by the top-level callback before any command runs.
state = {"debug": False}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    claims = "claims"


class InputFormat(StrEnum):
    """Mirrors `newsprobe.ingest.FORMATS` (a test keeps the two in step)."""

    text = "text"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"
    warc = "warc"
    feed = "feed"
    url = "url"


def fail(message: str, code: int) -> typer.Exit:
    """Print ``newsprobe: error: message`` on stderr; raise the returned exit."""
    typer.echo(f"newsprobe: error: {message}", err=True)
    return typer.Exit(code)


def field_map(fields: list[str]) -> dict[str, str]:
    """``--field text=content`` options as {ours: theirs}."""
    mapping: dict[str, str] = {}
    for item in fields:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise ConfigError(f"--field takes OURS=THEIRS, like text=content; got {item!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def articles(sources: list[str], options: IngestOptions, failures: list[str]) -> Iterator[Article]:
    """Every article of every source; bad inputs are reported, counted and skipped."""
    from newsprobe.ingest import read

    for source in sources:
        try:
            for item in read(source, options):
                if isinstance(item, IngestError):
                    failures.append(str(item))
                    typer.echo(f"newsprobe: skipped: {item}", err=True)
                else:
                    yield item
        except IngestError as exc:
            if state["debug"]:
                raise
            failures.append(str(exc))
            typer.echo(f"newsprobe: skipped: {exc}", err=True)
