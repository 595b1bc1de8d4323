"""What every `newsprobe` command shares: the run's state, error lines, input options.

Errors print as one line on stderr, ``newsprobe: error: ...``, and end the command with
the status of the error's class (`newsprobe.errors`); ``--debug`` re-raises instead, so
the traceback shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from newsprobe.errors import ConfigError, IngestError

if TYPE_CHECKING:
    from newsprobe.document import Article
    from newsprobe.ingest import IngestOptions

__all__ = [
    "AllowPrivateOption",
    "AnalyzerOption",
    "FieldOption",
    "HeadlineOption",
    "InputFormat",
    "InputFormatOption",
    "OutputFormat",
    "articles",
    "fail",
    "field_map",
    "reading_options",
    "state",
]

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


# The reading options every command that takes ingest sources shares, declared once.
InputFormatOption = Annotated[
    InputFormat | None, typer.Option(help="Read inputs as this format instead of guessing.")
]
FieldOption = Annotated[
    list[str] | None,
    typer.Option(help="Record field name, OURS=THEIRS, e.g. text=content (repeatable)."),
]
HeadlineOption = Annotated[
    str | None, typer.Option(help="Use this headline (plain text and stdin).")
]
AllowPrivateOption = Annotated[
    bool, typer.Option(help="Allow fetching URLs on private or local addresses.")
]
AnalyzerOption = Annotated[
    list[str] | None,
    typer.Option("--analyzer", "-a", help="Run only these analyzers (repeatable)."),
]


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


def reading_options(
    *,
    input_format: InputFormat | None,
    field: list[str] | None,
    allow_private: bool,
    headline: str | None = None,
    **limits: int,
) -> IngestOptions:
    """The `IngestOptions` of the shared reading options, as every command builds them
    (`limits`: ``max_bytes``, ``max_chars`` where a command takes them)."""
    from newsprobe.ingest import IngestOptions

    return IngestOptions(
        headline=headline,
        format=input_format.value if input_format is not None else None,
        allow_private=allow_private,
        field_map=field_map(field or []),
        **limits,
    )


#: Bad records of one source printed as they come; the rest are counted and summed up in
#: one line (a WARC of 19,065 oversized pages printed 19,065 lines). Three show whether
#: the failures share one reason without burying the terminal.
SHOWN_PER_SOURCE = 3


def articles(
    sources: list[str],
    options: IngestOptions,
    failures: list[str],
    *,
    errors: TextIO | None = None,
) -> Iterator[Article]:
    """Every article of every source; bad inputs are reported, counted and skipped.

    The first `SHOWN_PER_SOURCE` bad records of a source are printed, then one line with
    their count; errors about the source as a whole always are. Every failure is also
    written to `errors` (one per line) when given.
    """
    from newsprobe.ingest import read

    for source in sources:
        bad = 0
        try:
            for item in read(source, options):
                if isinstance(item, IngestError):
                    # An error about the source as a whole (truncated, "stopped reading")
                    # is always shown; bad records past the first few are counted.
                    whole = item.source == source
                    bad += not whole
                    _skipped(str(item), failures, errors, show=whole or bad <= SHOWN_PER_SOURCE)
                else:
                    yield item
        except IngestError as exc:
            if state["debug"]:
                raise
            _skipped(str(exc), failures, errors, show=True)
        if bad > SHOWN_PER_SOURCE:
            where = f"see {errors.name}" if errors is not None else "--errors FILE lists them"
            typer.echo(
                f"newsprobe: skipped: {source}: {bad:,} bad records in all, "
                f"{bad - SHOWN_PER_SOURCE:,} not shown ({where})",
                err=True,
            )


def _skipped(message: str, failures: list[str], errors: TextIO | None, *, show: bool) -> None:
    failures.append(message)
    if show:
        typer.echo(f"newsprobe: skipped: {message}", err=True)
    if errors is not None:
        errors.write(message.replace("\n", " ") + "\n")
        errors.flush()
