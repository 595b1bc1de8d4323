"""`newsprobe corpus crosscheck SOURCE`: one article against the other coverage of its story.

SOURCE is first looked up in the corpus, as an article id or any URL an article was added
under: a stored article is read from the store (never fetched again) and checked against
its story. Anything else is read as an ingest source (a file, a URL, JSONL, a feed...),
analysed and checked against the story it would join, without being stored unless
``--add`` is given. With ``--format json``, one cross-check per line (JSON Lines), as
``newsprobe analyze`` prints analyses.
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
    articles,
    fail,
    reading_options,
    state,
)
from newsprobe.cli.corpus import CorpusFormat, DbOption, FormatOption, open_corpus
from newsprobe.errors import NewsprobeError, NotInCorpusError

if TYPE_CHECKING:
    from newsprobe.corpus import Corpus
    from newsprobe.coverage import CrossCheck
    from newsprobe.ingest import IngestOptions

__all__ = ["crosscheck", "crosschecks"]


def _readable(source: str) -> bool:
    """Whether SOURCE can be an ingest source rather than an id that is not stored."""
    return source == "-" or "://" in source or Path(source).exists()


def crosschecks(
    corpus: Corpus,
    source: str,
    options: IngestOptions,
    *,
    add: bool = False,
    failures: list[str] | None = None,
) -> list[CrossCheck]:
    """The cross-checks of SOURCE's articles (see the module docstring).

    Raises:
        NotInCorpusError: SOURCE is neither a stored article nor something to read.
    """
    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.corpus.checking import crosscheck_new, crosscheck_stored
    from newsprobe.corpus.story_indexer import StoryIndexer

    try:
        return [crosscheck_stored(corpus, source)]
    except NotInCorpusError:
        if not _readable(source):
            raise NotInCorpusError(
                f"no stored article has the id or URL {source!r}, and it is no file or URL "
                "to read: list stored articles with `newsprobe corpus search` or "
                "`newsprobe corpus story ID`"
            ) from None
    failures = [] if failures is None else failures
    indexer = StoryIndexer()
    pipeline = Pipeline(on_error="raise" if state["debug"] else "record")
    analyses = list(pipeline.analyze_many(articles([source], options, failures)))
    if not add:
        return [crosscheck_new(corpus, a, indexer=indexer) for a in analyses]
    checks = []
    for outcome in corpus.add_iter(analyses, indexer=indexer):
        if outcome.article_id is not None:
            check = crosscheck_stored(corpus, outcome.article_id)
            if outcome.status == "duplicate":
                note = f"already stored as {outcome.article_id}: nothing was added"
                check = check.model_copy(update={"notices": [note, *check.notices]})
            checks.append(check)
    return checks


def crosscheck(
    source: Annotated[
        str,
        typer.Argument(
            help="A stored article's id or URL, or a new article: a file, URL, or - for stdin.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    add: Annotated[
        bool, typer.Option("--add", help="Also store a new article (and file it in its story).")
    ] = False,
    input_format: InputFormatOption = None,
    field: FieldOption = None,
    headline: HeadlineOption = None,
    allow_private: AllowPrivateOption = False,
    output_format: FormatOption = CorpusFormat.text,
) -> None:
    """Cross-check an article against its story: figures, claims, quotes, speculation."""

    failures: list[str] = []
    try:
        options = reading_options(
            input_format=input_format, field=field, allow_private=allow_private, headline=headline
        )
        with open_corpus(db) as corpus:
            checks = crosschecks(corpus, source, options, add=add, failures=failures)
    except NewsprobeError as exc:
        if state["debug"]:
            raise
        raise fail(str(exc), exc.exit_code) from None
    if not checks:
        raise fail(f"{source}: no article could be read to cross-check", 1)
    if output_format is CorpusFormat.json:
        for check in checks:
            sys.stdout.write(check.model_dump_json() + "\n")
    else:
        from rich.console import Console
        from rich.rule import Rule

        from newsprobe.report.corpus import render_crosscheck

        console = Console(highlight=False)
        for number, check in enumerate(checks):
            if number:
                console.print(Rule())
            render_crosscheck(check, console)
    if failures:
        raise typer.Exit(1)
