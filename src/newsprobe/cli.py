"""The `newsprobe` command: thin Typer commands over the public API.

Exit status: 0 all went well; 1 an input could not be read (the others were still
processed); 2 usage error; 3 newsprobe itself failed (an analyzer, a model, a bug).
Errors print as one line on stderr; `--debug` shows the traceback instead.

`--version`, `schema` and `analyzers` never import spaCy or load a model, so they answer
at once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from newsprobe._version import __version__
from newsprobe.errors import ConfigError, IngestError, NewsprobeError

if TYPE_CHECKING:
    from newsprobe.document import Analysis, Article
    from newsprobe.ingest import IngestOptions

__all__ = ["app", "main"]

app = typer.Typer(
    name="newsprobe",
    help="Read news articles critically: claims, sources, speculation and spin, "
    "each pinned to the exact text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class InputFormat(StrEnum):
    """Mirrors `newsprobe.ingest.FORMATS` (a test keeps the two in step)."""

    text = "text"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"
    warc = "warc"
    feed = "feed"
    url = "url"


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"newsprobe: error: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsprobe {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks; stop at the first failure.")
    ] = False,
) -> None:
    _state["debug"] = debug


def _field_map(fields: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in fields:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise ConfigError(f"--field takes OURS=THEIRS, like text=content; got {item!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _articles(sources: list[str], options: IngestOptions, failures: list[str]) -> Iterator[Article]:
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
            if _state["debug"]:
                raise
            failures.append(str(exc))
            typer.echo(f"newsprobe: skipped: {exc}", err=True)


def _emit(analyses: Iterator[Analysis], fmt: OutputFormat, out: TextIO) -> int:
    """Write every analysis; returns how many had analyzer errors."""
    from rich.console import Console

    console = Console(file=out, highlight=False, soft_wrap=False)
    broken = 0
    for count, analysis in enumerate(analyses):
        broken += bool(analysis.errors)
        if fmt is OutputFormat.json:
            # One JSON object per line: one article gives one object, many give JSON Lines.
            out.write(analysis.to_json(indent=None) + "\n")
            out.flush()
        else:
            from newsprobe.report.terminal import render_text

            if count:
                console.rule()
            render_text(analysis, console)
    return broken


@app.command()
def analyze(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, URLs, or - for stdin: text, Markdown, HTML, JSONL, CSV, WARC, feeds.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report to this file.")
    ] = None,
    analyzer: Annotated[
        list[str] | None,
        typer.Option("--analyzer", "-a", help="Run only these analyzers (repeatable)."),
    ] = None,
    headline: Annotated[
        str | None, typer.Option(help="Use this headline (plain text and stdin).")
    ] = None,
    input_format: Annotated[
        InputFormat | None, typer.Option(help="Read inputs as this format instead of guessing.")
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(help="Record field name, OURS=THEIRS, e.g. text=content (repeatable)."),
    ] = None,
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching URLs on private or local addresses.")
    ] = False,
) -> None:
    """Analyse articles and report what they claim, who says so, and what is not fact."""
    debug = _state["debug"]
    try:
        from newsprobe.analyzers.pipeline import Pipeline
        from newsprobe.ingest import IngestOptions

        options = IngestOptions(
            headline=headline,
            format=input_format.value if input_format is not None else None,
            allow_private=allow_private,
            field_map=_field_map(field or []),
        )
        pipeline = Pipeline(analyzer or None, on_error="raise" if debug else "record")
        failures: list[str] = []
        analyses = pipeline.analyze_many(_articles(sources, options, failures))
        if out is None:
            broken = _emit(analyses, output_format, sys.stdout)
        else:
            with out.open("w", encoding="utf-8") as handle:
                broken = _emit(analyses, output_format, handle)
    except NewsprobeError as exc:
        if debug:
            raise
        raise _fail(str(exc), exc.exit_code) from None
    except OSError as exc:
        if debug:
            raise
        raise _fail(f"{exc.filename or ''}: {exc.strerror or exc}", 1) from None
    if broken:
        raise _fail(f"{broken} analysis(es) had analyzer failures; see their errors", 3)
    if failures:
        raise typer.Exit(1)


@app.command()
def analyzers() -> None:
    """List the analyzers newsprobe can run."""
    from rich.console import Console
    from rich.table import Table

    from newsprobe.analyzers.registry import analyzer_class, available_analyzers

    table = Table(show_edge=False, pad_edge=False)
    table.add_column("analyzer", no_wrap=True)
    table.add_column("finds", no_wrap=True)
    table.add_column("reads", no_wrap=True)
    table.add_column("description", ratio=1)
    for name in available_analyzers():
        try:
            cls = analyzer_class(name)
        except (NewsprobeError, ImportError) as exc:
            table.add_row(name, "", "", f"cannot be loaded: {exc}")
            continue
        languages = "any" if cls.languages is None else ", ".join(sorted(cls.languages))
        table.add_row(
            f"{name}@{cls.version}", ", ".join(sorted(cls.provides)), languages, cls.description()
        )
    Console().print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of `analyze --format json` output."""
    import json

    from newsprobe.document import Analysis

    document: dict[str, Any] = Analysis.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    typer.echo(json.dumps(document, indent=2))


def main() -> None:
    """Console-script entry point; turns any unexpected error into one line and status 3."""
    try:
        app()
    except NewsprobeError as exc:
        if _state["debug"]:
            raise
        typer.echo(f"newsprobe: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:
        if _state["debug"]:
            raise
        typer.echo(
            f"newsprobe: internal error: {type(exc).__name__}: {exc} "
            "(run with --debug for the traceback, and please report it)",
            err=True,
        )
        sys.exit(3)
