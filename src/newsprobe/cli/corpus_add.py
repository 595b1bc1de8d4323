"""`newsprobe corpus add`: analyse articles once and store them in the corpus.

A few articles per transaction (`Corpus.add_iter`: up to `COMMIT_ARTICLES`, 8, or
`COMMIT_SECONDS`, half a second, whichever comes first), committed as soon as they are
analysed, so a run that is interrupted (Ctrl-C, ``kill -9``, a power cut on PostgreSQL)
keeps every transaction it had committed, and the same command run again skips those
articles without analysing them again; it analyses the rest, those of the lost
transaction included. Eight per transaction saves about 4 ms of the store's CPU per
article against one (a commit's own cost, and the leads encoded together), loses at most
eight analyses (the analysis works in batches of 32 anyway), and keeps each write lock
short enough for two `corpus add` processes to share a database. Ctrl-C commits what is
analysed, then stops: the summary printed counts every stored article.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsprobe.cli.common import (
    AllowPrivateOption,
    FieldOption,
    HeadlineOption,
    InputFormatOption,
    OutputFormat,
    articles,
    fail,
    reading_options,
    state,
)
from newsprobe.cli.corpus import DbOption, open_corpus
from newsprobe.cli.interrupts import StopRequest
from newsprobe.cli.progress import estimate_records, progress_bar
from newsprobe.errors import NewsprobeError
from newsprobe.ingest.files import expand_folders

if TYPE_CHECKING:
    from newsprobe.corpus import Corpus, Indexer

__all__ = ["add"]

# SQLite's own files beside a corpus: never read them as articles.
_DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def _database_files(corpus: Corpus) -> set[Path]:
    if corpus.url.get_backend_name() != "sqlite":
        return set()
    base = str(Path(str(corpus.url.database)).resolve())
    return {Path(base + suffix) for suffix in _DATABASE_SUFFIXES}


def _indexer() -> Indexer:
    """Cross-checking's profile and story placement, run as each article is stored."""
    from newsprobe.corpus.story_indexer import StoryIndexer

    return StoryIndexer()


def _interrupted(line: str) -> typer.Exit:
    typer.echo(line, err=True)
    typer.echo(
        "newsprobe: interrupted; every article counted above is stored. "
        "Run the same command again to add the rest.",
        err=True,
    )
    return typer.Exit(130)


def add(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, URLs, or - for stdin: text, Markdown, HTML, JSONL, CSV, "
            "WARC, feeds.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    input_format: InputFormatOption = None,
    field: FieldOption = None,
    headline: HeadlineOption = None,
    allow_private: AllowPrivateOption = False,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Summary format.")
    ] = OutputFormat.text,
) -> None:
    """Analyse articles and store them in the corpus, each once (re-runs add nothing twice)."""
    debug = state["debug"]
    from newsprobe.corpus import SummaryBuilder

    builder = SummaryBuilder()
    failures: list[str] = []
    try:
        from newsprobe.analyzers.pipeline import Pipeline

        options = reading_options(
            input_format=input_format, field=field, allow_private=allow_private, headline=headline
        )
        pipeline = Pipeline(on_error="raise" if debug else "record", memory_zones=True)
        with open_corpus(db) as corpus:
            inputs = expand_folders(sources, skip=_database_files(corpus))
            total = estimate_records(inputs) if sys.stderr.isatty() else None
            stream = articles(inputs, options, failures)
            with progress_bar("adding", total=total) as bar, StopRequest() as stop:
                seen_failures = 0
                for outcome in corpus.add_iter(
                    stream,
                    pipeline=pipeline,
                    indexer=_indexer(),
                    stop=lambda: stop.requested,
                ):
                    builder.count(outcome)
                    # Inputs that could not be read move the bar too.
                    bar.advance(1 + len(failures) - seen_failures)
                    seen_failures = len(failures)
                # Ctrl-C ends `add_iter` once what was analysed is committed and counted.
                stop.check()
        summary = builder.summary().model_copy(update={"failed": list(failures)})
    except KeyboardInterrupt:
        done = builder.summary().model_copy(update={"failed": list(failures)})
        raise _interrupted(done.line()) from None
    except NewsprobeError as exc:
        if debug:
            raise
        raise fail(str(exc), exc.exit_code) from None
    except OSError as exc:
        if debug:
            raise
        raise fail(f"{exc.filename or ''}: {exc.strerror or exc}", 1) from None
    if output_format is OutputFormat.json:
        typer.echo(summary.model_dump_json())
    else:
        typer.echo(summary.line())
    if summary.analyzer_errors:
        raise fail(
            f"{summary.analyzer_errors} article(s) had analyzer failures; they are stored "
            "with their errors",
            3,
        )
    if summary.failed:
        raise typer.Exit(1)
