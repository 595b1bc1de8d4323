"""`newsprobe corpus story ID`: one story with its articles."""

from __future__ import annotations

from typing import Annotated

import typer

from newsprobe.cli.common import fail, state
from newsprobe.cli.corpus import CorpusFormat, DbOption, FormatOption, open_corpus, parse_story_id
from newsprobe.errors import NewsprobeError

__all__ = ["story"]


def story(
    story_id: Annotated[
        str, typer.Argument(metavar="ID", help="A story id, as `corpus stories` lists it.")
    ],
    db: DbOption = None,
    output_format: FormatOption = CorpusFormat.text,
) -> None:
    """Show one story with its articles: id, url, outlet, published, language."""
    from newsprobe.corpus.checking import story_with_articles

    try:
        number = parse_story_id(story_id)
        with open_corpus(db) as corpus:
            found = story_with_articles(corpus, number)
    except NewsprobeError as exc:
        if state["debug"]:
            raise
        raise fail(str(exc), exc.exit_code) from None
    if output_format is CorpusFormat.json:
        typer.echo(found.model_dump_json())
        return
    from rich.console import Console

    from newsprobe.report.corpus import render_story

    console = Console(highlight=False)
    render_story(found, console)
    missing = []
    if found.undated_count:
        missing.append(f"{found.undated_count} undated (placed by their text alone)")
    without_outlet = sum(1 for a in found.articles if not a.outlet)
    if without_outlet:
        missing.append(f"{without_outlet} without an outlet (each counts as its own voice)")
    if missing:
        console.print("note: " + "; ".join(missing))
