"""The `newsprobe` command: the Typer app, its global options and the entry point.

Exit status: 0 all went well; 1 an input could not be read (the others were still
processed); 2 usage error; 3 newsprobe itself failed (an analyzer, a model, a bug).
Errors print as one line on stderr; `--debug` shows the traceback instead.

Each command lives in its own module of this package and is registered here, in one
place. `--version`, `schema` and `analyzers` never import spaCy or load a model, so they
answer at once.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from newsprobe._version import __version__
from newsprobe.cli import analyze, batch, corpus, info, rank, serve
from newsprobe.cli.common import state
from newsprobe.errors import NewsprobeError

__all__ = ["app", "main"]

app = typer.Typer(
    name="newsprobe",
    help="Read news articles critically: claims, sources, speculation and spin, "
    "each pinned to the exact text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    state["debug"] = debug


app.command()(analyze.analyze)
app.command()(batch.batch)
app.command()(rank.rank)
app.command()(info.analyzers)
app.command()(info.schema)
app.command()(serve.serve)
app.add_typer(corpus.app)


def main() -> None:
    """Console-script entry point; turns any unexpected error into one line and status 3."""
    try:
        app()
    except NewsprobeError as exc:
        if state["debug"]:
            raise
        typer.echo(f"newsprobe: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:
        if state["debug"]:
            raise
        typer.echo(
            f"newsprobe: internal error: {type(exc).__name__}: {exc} "
            "(run with --debug for the traceback, and please report it)",
            err=True,
        )
        sys.exit(3)
