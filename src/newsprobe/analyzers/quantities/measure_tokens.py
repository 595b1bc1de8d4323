"""The `Measure` record and the token tests every reader of a measure shares.

`read_measure` (in `measures`) reads a quantity expression in steps kept in separate
modules: bound words and ranges (`measures`), units and currencies (`measure_units`),
comparisons (`measure_comparisons`). They all build `Measure` values and ask the same small
questions of the token list: the lowercase word at a position, whether two tokens touch,
which listed phrase starts here. Those live here, below all of them.

    >>> tokens = tokenize("10-fold")
    >>> (word_at(tokens, 1), glued(tokens, 1), word_at(tokens, 9))
    ('-', True, '')
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.analyzers.quantities.numbers import NumberRead, Token

__all__ = ["Measure", "by_first_word", "glued", "match_phrase", "surface_of", "word_at"]


@dataclass(frozen=True, slots=True)
class Measure:
    """A quantity expression over tokens ``[start, end)``; `dimension` None = bare number."""

    start: int
    end: int
    number: NumberRead
    value: float | None
    lower: float | None = None
    upper: float | None = None
    approximate: bool = False
    dimension: str | None = None
    unit: str | None = None
    relative: str | None = None
    qualifier: str | None = None


def by_first_word(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases grouped by first word, order kept: `read_measure` runs at every token, and
    scanning every phrase there was most of the analyzer's time."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return index


def word_at(tokens: list[Token], i: int) -> str:
    """The lowercase word at `i`, or "" outside the token list."""
    return tokens[i].low if 0 <= i < len(tokens) else ""


def glued(tokens: list[Token], i: int) -> bool:
    """Token `i` touches the token before it (no space between)."""
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


def match_phrase(
    tokens: list[Token], i: int, phrases: dict[str, list[tuple[str, ...]]]
) -> tuple[str, ...]:
    """The first of the phrases listed for the word at `i` that the tokens spell, or ()."""
    for phrase in phrases.get(word_at(tokens, i), ()):
        if all(word_at(tokens, i + k) == w for k, w in enumerate(phrase)):
            return phrase
    return ()


def surface_of(tokens: list[Token], i: int, end: int) -> str:
    """Tokens ``[i, end)`` as text: one space between tokens that do not touch."""
    parts = [tokens[i].text]
    for k in range(i + 1, end):
        parts.append(("" if glued(tokens, k) else " ") + tokens[k].text)
    return "".join(parts)
