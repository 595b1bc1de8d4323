"""`newsprobe corpus ...`: the sub-app, and what its commands share.

Each command lives in its own module (`corpus_add`, `corpus_search`, ...) and is
registered here, in one place. Every command takes ``--db`` (`DbOption`): an SQLite file
(default ``./newsprobe.db``, or ``$NEWSPROBE_DB``) or a ``postgresql://`` URL, and opens
it with `open_corpus`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from newsprobe.errors import ConfigError, NotInCorpusError

if TYPE_CHECKING:
    from newsprobe.corpus import Corpus

__all__ = [
    "CorpusFormat",
    "DbOption",
    "FormatOption",
    "app",
    "open_corpus",
    "parse_story_id",
    "parse_when",
]

app = typer.Typer(
    name="corpus",
    help="Store analysed articles, search them, and cross-check coverage across outlets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="NEWSPROBE_DB",
        help="SQLite file, or postgresql://user:password@host/database. [default: ./newsprobe.db]",
        show_default=False,
    ),
]


class CorpusFormat(StrEnum):
    """What the story and cross-check commands print: rich tables or JSON."""

    text = "text"
    json = "json"


FormatOption = Annotated[
    CorpusFormat, typer.Option("--format", "-f", help="Output format: text or json.")
]


def parse_story_id(value: str) -> int:
    """A STORY argument: the number `corpus stories` lists.

    Raises:
        NotInCorpusError: the value is not a story id (exit status 1, like an unknown one).
    """
    try:
        number = int(value.strip())
    except ValueError:
        number = -1
    if number < 1:
        raise NotInCorpusError(
            f"{value!r} is not a story id: story ids are numbers, as `newsprobe corpus "
            "stories` lists them"
        )
    return number


def open_corpus(db: str | None) -> Corpus:
    """The corpus at ``--db`` (created or upgraded if need be)."""
    from newsprobe.corpus import Corpus

    return Corpus(db)


def parse_when(value: str | None, *, option: str, end_of_day: bool = False) -> datetime | None:
    """A ``--since``/``--until`` value: an ISO date or date-time; UTC when no zone is given.

    With `end_of_day`, a bare date means the end of that day (``--until 2026-03-02``
    includes the 2nd).

    Raises:
        ConfigError: the value is not an ISO date or date-time.
    """
    if value is None:
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(
            f"{option} takes a date like 2026-03-01 or a time like 2026-03-01T09:00+02:00, "
            f"not {value!r}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if end_of_day and len(text) == len("2026-03-01"):
        moment += timedelta(days=1)
    return moment


def _register() -> None:
    from newsprobe.cli import (
        corpus_add,
        corpus_crosscheck,
        corpus_provenance,
        corpus_search,
        corpus_stories,
        corpus_story,
    )

    app.command("add")(corpus_add.add)
    app.command("search")(corpus_search.search)
    app.command("stories")(corpus_stories.stories)
    app.command("story")(corpus_story.story)
    app.command("crosscheck")(corpus_crosscheck.crosscheck)
    app.command("provenance")(corpus_provenance.provenance)


_register()
