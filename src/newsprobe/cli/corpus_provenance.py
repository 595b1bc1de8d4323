"""`newsprobe corpus provenance STORY`: who retells whom in a story, as a table, JSON,
Graphviz DOT or SVG (laid out in Python: no Graphviz binary needed)."""

from __future__ import annotations

import io
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsprobe.cli.common import fail, state
from newsprobe.cli.corpus import DbOption, open_corpus, parse_story_id
from newsprobe.errors import NewsprobeError

__all__ = ["GraphFormat", "provenance"]


class GraphFormat(StrEnum):
    text = "text"
    json = "json"
    dot = "dot"
    svg = "svg"


def provenance(
    story_id: Annotated[
        str, typer.Argument(metavar="STORY", help="A story id, as `corpus stories` lists it.")
    ],
    db: DbOption = None,
    output_format: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="text, json, dot or svg.")
    ] = GraphFormat.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """List a story's provenance edges (cites, wire, copies, shares_passage), or draw them."""
    from newsprobe.corpus.checking import story_graph

    try:
        number = parse_story_id(story_id)
        with open_corpus(db) as corpus:
            graph = story_graph(corpus, number)
    except NewsprobeError as exc:
        if state["debug"]:
            raise
        raise fail(str(exc), exc.exit_code) from None
    if output_format is GraphFormat.text:
        from rich.console import Console

        from newsprobe.report.corpus import render_provenance

        names = {n.id: n.outlet or n.label for n in graph.nodes if n.article}
        if out is None:
            render_provenance(graph.edges, Console(highlight=False), names=names)
            return
        buffer = io.StringIO()
        render_provenance(graph.edges, Console(file=buffer, width=120), names=names)
        rendered = buffer.getvalue().rstrip("\n")
    elif output_format is GraphFormat.json:
        rendered = graph.model_dump_json(indent=2)
    else:
        from newsprobe.report.provenance_graph import to_dot, to_svg

        rendered = to_dot(graph) if output_format is GraphFormat.dot else to_svg(graph)
    if out is None:
        typer.echo(rendered)
        return
    try:
        out.write_text(rendered + "\n", encoding="utf-8")
    except OSError as exc:
        raise fail(f"{out}: cannot write: {exc.strerror or exc}", 1) from None
