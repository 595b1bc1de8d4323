"""Word lists shipped as files: found by name, read once, handed out as frozen data.

Vocabulary is data, not code: every list of words an analyzer tests tokens against lives
in a text file beside the family that uses it, ``analyzers/<family>/lexicons/NAME.txt``,
and is asked for as ``"<family>/NAME"``. Lists two families share live in
``analyzers/shared/lexicons/`` (asked for as ``"shared/NAME"``).

Every file opens with ``#`` comment lines that say what the list is, what a match makes
of a token, and where the words come from. ``#`` starts a comment anywhere on a line;
blank lines are ignored. Three readers, one per shape of list:

- `load_words`: one entry per line, taken exactly as written (case, hyphens and
  apostrophes kept), for tests like ``token.lower_ in WORDS``. An entry may hold spaces
  ("no one").
- `load_table`: one row per line, columns separated by ``|``, for lists whose entries
  carry more than their spelling (the uses a verb has, its irregular forms). The file's
  header names the columns. `load_mapping` reads a two-column table as a dict
  (``meet | meeting``: a trigger word and the event type it reports).
- `load_tagged`: a table whose second column lists the uses each entry has, for one
  list that several analyzers draw different subsets from (``say | saying claim_frame``):
  each asks for the entries of its use, so the words are written once and each analyzer
  keeps exactly its own list.
- `~newsprobe.analyzers.shared.lexicon.load_lexicon`: phrases to match in running text,
  normalized and optionally inflected (see that module).

Reading is cached: each file is read once per process, at first use.

    >>> "lord" in load_words("entities/honorifics")
    True
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

__all__ = ["lexicon_lines", "load_mapping", "load_table", "load_tagged", "load_words", "tagged"]

_PACKAGE = "newsprobe.analyzers"


def _resource(name: str) -> Traversable:
    """The file of lexicon ``FAMILY/NAME``; the error lists the family's lexicons."""
    family, _, stem = name.rpartition("/")
    folder = resources.files(_PACKAGE).joinpath(family, "lexicons")
    resource = folder.joinpath(f"{stem}.txt")
    if family and stem and resource.is_file():
        return resource
    known = (
        sorted(f"{family}/{p.name[:-4]}" for p in folder.iterdir() if p.name.endswith(".txt"))
        if family and folder.is_dir()
        else []
    )
    raise FileNotFoundError(
        f"no lexicon named {name!r} (names are 'family/name'); shipped lexicons: {known}"
    )


@cache
def lexicon_lines(name: str) -> tuple[tuple[str, str], ...]:
    """``(entry, comment)`` of each line of lexicon `name` that holds either.

    `entry` is the text before ``#`` (stripped), `comment` the text after it (stripped);
    lines that hold neither are left out. Readers use the comments for directives such
    as ``# @inflect: verb``.

    Raises:
        FileNotFoundError: no lexicon has that name; the message lists the family's.
    """
    lines: list[tuple[str, str]] = []
    for raw in _resource(name).read_text(encoding="utf-8").splitlines():
        entry, _, comment = raw.partition("#")
        if entry.strip() or comment.strip():
            lines.append((entry.strip(), comment.strip()))
    return tuple(lines)


@cache
def load_words(name: str) -> frozenset[str]:
    """The entries of lexicon `name`, one per line, exactly as written.

    Raises:
        FileNotFoundError: no lexicon has that name; the message lists the family's.
    """
    return frozenset(entry for entry, _ in lexicon_lines(name) if entry)


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicon `name`: each line's ``|``-separated columns, stripped.

    A row has as many columns as its line has; trailing columns may be left off.

    Raises:
        FileNotFoundError: no lexicon has that name; the message lists the family's.
    """
    rows = (entry.split("|") for entry, _ in lexicon_lines(name) if entry)
    return tuple(tuple(column.strip() for column in row) for row in rows)


def load_mapping(name: str) -> dict[str, str]:
    """Lexicon `name`, a two-column table, as ``{first column: second column}`` in file order.

    A new dict on each call (the rows are cached), so a caller may change its own.

    Raises:
        FileNotFoundError: no lexicon has that name; the message lists the family's.
        ValueError: a row does not have exactly two columns.
    """
    mapping: dict[str, str] = {}
    for row in load_table(name):
        if len(row) != 2:
            raise ValueError(f"lexicon {name!r}: row {' | '.join(row)!r} needs two columns")
        mapping[row[0]] = row[1]
    return mapping


@cache
def load_tagged(name: str) -> dict[str, frozenset[str]]:
    """Use -> entries of lexicon `name`, a table of ``entry | use use ...`` rows.

    A use written ``use=a,b`` gives the listed strings instead of the entry (for a use
    that matches some forms of an entry rather than the entry itself). Further columns
    are the caller's (read them with `load_table`). Callers must not change the dict:
    it is cached and shared.

    Raises:
        FileNotFoundError: no lexicon has that name; the message lists the family's.
    """
    uses: dict[str, set[str]] = {}
    for entry, tags, *_ in load_table(name):
        for tag in tags.split():
            use, _, listed = tag.partition("=")
            uses.setdefault(use, set()).update(listed.split(",") if listed else [entry])
    return {use: frozenset(entries) for use, entries in uses.items()}


def tagged(name: str, *uses: str) -> frozenset[str]:
    """The entries of lexicon `name` (see `load_tagged`) that have any of `uses`.

    Raises:
        KeyError: an entry of `uses` is no use of that lexicon; the message lists them.
    """
    table = load_tagged(name)
    unknown = [use for use in uses if use not in table]
    if unknown:
        raise KeyError(f"lexicon {name!r} has no use {unknown[0]!r}; its uses: {sorted(table)}")
    return frozenset().union(*(table[use] for use in uses))
