"""`newsprobe corpus search`: full-text search of the stored articles, with filters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from newsprobe.cli.common import OutputFormat, fail, state
from newsprobe.cli.corpus import DbOption, open_corpus, parse_when
from newsprobe.errors import NewsprobeError

if TYPE_CHECKING:
    from rich.console import Console

    from newsprobe.corpus import SearchResult

__all__ = ["render_search", "search"]


def render_search(result: SearchResult, console: Console) -> None:
    """The hits as a table: date and id, outlet, headline with the matching passage."""
    from rich.table import Table
    from rich.text import Text

    from newsprobe.report.labels import published_label

    if not result.hits:
        console.print(f"No stored article matches {result.query!r}.")
    else:
        table = Table(show_lines=True, expand=True)
        table.add_column("published / id", no_wrap=True)
        table.add_column("outlet", max_width=24)
        table.add_column("article", ratio=1)
        for hit in result.hits:
            stored = hit.article
            passage = Text(hit.snippet)
            for span in hit.matches:
                passage.stylize("bold yellow", span.start, span.end)
            cell = Text(stored.headline, style="bold") + Text("\n") + passage
            when = published_label(stored.published) if stored.published else "undated"
            outlet = stored.outlet or "(no outlet)"
            if stored.language and stored.language != "en":
                outlet += f" [{stored.language}]"
            first = Text(when) + Text("\n") + Text(stored.id, style="dim")
            table.add_row(first, Text(outlet), cell)
        console.print(table)
    if result.undated_left_out:
        console.print(
            f"{result.undated_left_out} matching article(s) without a publication date "
            "were left out by --since/--until."
        )


def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words (all must occur), "a phrase", OR between alternatives, -word to exclude.',
            show_default=False,
        ),
    ],
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet's articles.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Only articles published on or after this date.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only articles published up to this date (inclusive).")
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option(help="Only articles naming this person, organization or place."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Most articles listed.")] = 20,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.text,
) -> None:
    """Search the stored articles, best matches first."""
    debug = state["debug"]
    try:
        start = parse_when(since, option="--since")
        end = parse_when(until, option="--until", end_of_day=True)
        with open_corpus(db) as corpus:
            result = corpus.search(
                query, outlet=outlet, since=start, until=end, entity=entity, limit=limit
            )
    except NewsprobeError as exc:
        if debug:
            raise
        raise fail(str(exc), exc.exit_code) from None
    if output_format is OutputFormat.json:
        typer.echo(result.model_dump_json())
        return
    from rich.console import Console

    render_search(result, Console(highlight=False))
