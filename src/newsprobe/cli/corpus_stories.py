"""`newsprobe corpus stories`: the stories the corpus holds, latest first."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsprobe.cli.common import fail, state
from newsprobe.cli.corpus import CorpusFormat, DbOption, FormatOption, open_corpus, parse_when
from newsprobe.errors import NewsprobeError

__all__ = ["stories"]


def stories(
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option(help="Only stories with an article published on or after this.")
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Only stories with an article published up to this date (inclusive)."),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Most stories listed.")] = None,
    output_format: FormatOption = CorpusFormat.text,
) -> None:
    """List stories: id, title, date range, outlets, article count."""
    try:
        start = parse_when(since, option="--since")
        end = parse_when(until, option="--until", end_of_day=True)
        with open_corpus(db) as corpus:
            found = corpus.stories(since=start, until=end, limit=limit)
    except NewsprobeError as exc:
        if state["debug"]:
            raise
        raise fail(str(exc), exc.exit_code) from None
    if output_format is CorpusFormat.json:
        typer.echo(json.dumps([s.model_dump(mode="json", exclude={"articles"}) for s in found]))
        return
    from rich.console import Console

    from newsprobe.report.corpus import render_stories

    console = Console(highlight=False)
    if not found:
        ranged = " in that date range" if since or until else ""
        console.print(f"No stories{ranged}: add articles with `newsprobe corpus add`.")
        return
    render_stories(found, console)
    undated = sum(1 for s in found if s.first_published is None)
    if undated:
        console.print(f"{undated} story(ies) have no dated article (undated coverage).")
