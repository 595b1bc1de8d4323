"""`newsprobe rank`: every sentence of an article, most check-worthy first."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from newsprobe.cli.common import AllowPrivateOption, HeadlineOption, fail, state
from newsprobe.errors import NewsprobeError

__all__ = ["rank"]


class RankFormat(StrEnum):
    text = "text"
    json = "json"


def rank(
    source: Annotated[
        str,
        typer.Argument(help="A file, URL, or - for stdin (one article).", show_default=False),
    ],
    top: Annotated[
        int | None, typer.Option("--top", "-n", min=1, help="Show only the first N sentences.")
    ] = None,
    output_format: Annotated[
        RankFormat,
        typer.Option("--format", "-f", help="text (a table) or json (one object per sentence)."),
    ] = RankFormat.text,
    headline: HeadlineOption = None,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Rank every sentence of one article by check-worthiness, as a fact-checker would.

    Sentences marked * are those an analysis reports as claims.
    """
    try:
        from newsprobe.ingest import IngestOptions
        from newsprobe.ranking import rank as rank_sentences

        options = IngestOptions(headline=headline, allow_private=allow_private)
        ranked = rank_sentences(source, top=top, options=options)
    except NewsprobeError as exc:
        if state["debug"]:
            raise
        raise fail(str(exc), exc.exit_code) from None
    except OSError as exc:
        if state["debug"]:
            raise
        raise fail(f"{exc.filename or source}: {exc.strerror or exc}", 1) from None
    if output_format is RankFormat.json:
        for sentence in ranked:
            typer.echo(json.dumps(sentence.to_dict(), ensure_ascii=False))
        return
    for sentence in ranked:
        mark = "*" if sentence.checkworthy else " "
        text = " ".join(sentence.text.split())
        typer.echo(f"{sentence.rank:>4}  {sentence.score:.3f} {mark} {text}")
