"""English numbers with their spans: digits, number words, fractions and vague amounts.

`text2num.alpha2digit` rewrites text ("three quarters" -> "3 quarters"), so its offsets do
not point into the article any more, and it does not know "a dozen", "half", "three
quarters", "dozens" or "a few". This module reads numbers from a token list that keeps
every token's character offsets, so a number's span is exact:

    >>> tokens = tokenize("some twenty-five thousand people")
    >>> read_number(tokens, 1).value
    25000.0
    >>> parse_number("hundreds of thousands").lower
    200000.0

Vague amounts become ranges: a plural scale S ("hundreds", "dozens") means 2S up to 10S-1,
"a few" and "several" with a scale multiply it ("a few hundred" = 200..900), alone they
mean 2..9 and 3..9. These are bounds, wide on purpose, so that "a few hundred" and "400"
from two outlets are seen to agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FIRST_WORDS", "NumberRead", "Token", "parse_number", "read_number", "tokenize"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?|\S")
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or symbol of the text, with its character offsets."""

    text: str
    low: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split `text` into word, digit-run and symbol tokens, keeping offsets."""
    return [Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True, slots=True)
class NumberRead:
    """A number read from tokens ``[start, end)``.

    `value` is None for a vague range ("dozens"), which has `lower` and `upper` instead.
    `fraction` marks "half", "three quarters": only meaningful before a unit.
    """

    start: int
    end: int
    value: float | None
    lower: float | None = None
    upper: float | None = None
    approximate: bool = False
    spelled: bool = False
    vague: bool = False
    fraction: bool = False
    scaled: bool = False


ONES: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS: dict[str, int] = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    # Wire copy's short forms, never anything else: "a loss of 212 mln marks", "3.1 bln".
    "mln": 1e6,
    "bln": 1e9,
    "lakh": 1e5,
    "crore": 1e7,
}
_PLURAL_SCALES: dict[str, float] = {
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}
FRACTIONS: dict[str, float] = {
    "half": 0.5,
    "quarter": 0.25,
    "quarters": 0.25,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "fifth": 0.2,
    "fifths": 0.2,
    "tenth": 0.1,
    "tenths": 0.1,
}
#: Vague words alone: (lower, upper); with a scale after them they multiply it.
_VAGUE: dict[tuple[str, ...], tuple[float, float]] = {
    ("a", "few"): (2, 9),
    ("several",): (3, 9),
    ("a", "handful", "of"): (2, 9),
    ("a", "couple", "of"): (2, 2),
    ("a", "couple"): (2, 2),
}


def _at(tokens: list[Token], i: int) -> str:
    return tokens[i].low if 0 <= i < len(tokens) else ""


def _glued(tokens: list[Token], i: int) -> bool:
    """Token i touches token i-1 (no space between)."""
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


def _digits(token: str) -> float | None:
    if _DIGITS.fullmatch(token):
        return float(token.replace(",", ""))
    return None


def _words(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A spelled-out integer ("two hundred and five thousand"); (value, end) or None."""
    total, current, j, last = 0.0, 0.0, i, ""
    end = i
    while j < len(tokens):
        w = tokens[j].low
        if w in ONES and (
            last in ("", "hundred", "scale", "and", "tens-")
            or (last == "tens" and 0 < ONES[w] < 10)
        ):
            current += ONES[w]
            last = "ones"
        elif w in TENS and last in ("", "hundred", "scale", "and"):
            current += TENS[w]
            last = "tens"
        elif w == "hundred" and last in ("ones", "a", "tens"):
            current = (current or 1) * 100
            last = "hundred"
        elif w in SCALES and last in ("ones", "tens", "hundred", "a"):
            total += (current or 1) * SCALES[w]
            current, last = 0.0, "scale"
        elif w == "a" and last == "" and _at(tokens, j + 1) in ("hundred", *SCALES):
            last = "a"
        elif (
            w == "and"
            and last in ("hundred", "scale")
            and (_at(tokens, j + 1) in ONES or _at(tokens, j + 1) in TENS)
        ):
            last = "and"
        elif w == "-" and last == "tens" and _glued(tokens, j) and _glued(tokens, j + 1):
            if _at(tokens, j + 1) in ONES and 0 < ONES[_at(tokens, j + 1)] < 10:
                last = "tens-"
            else:
                break
        else:
            break
        j += 1
        if last in ("ones", "tens", "hundred", "scale"):
            end = j
    if end == i:
        return None
    return total + current, end


def _half(tokens: list[Token], j: int) -> int:
    """End of "and a half" at j, or j when it is not there."""
    if _at(tokens, j) == "and" and _at(tokens, j + 1) == "a" and _at(tokens, j + 2) == "half":
        return j + 3
    return j


def _scale_after(tokens: list[Token], j: int) -> tuple[float, int]:
    """A scale word at j ("million"), as (multiplier, end); (1, j) when there is none."""
    w = _at(tokens, j)
    if w in SCALES or w.rstrip("s") in SCALES:
        return SCALES[w.rstrip("s")], j + 1
    if w == "hundred":
        return 100.0, j + 1
    return 1.0, j


def _vague_index() -> dict[str, list[tuple[tuple[str, ...], tuple[float, float]]]]:
    """_VAGUE grouped by first word, order kept (this runs at every token)."""
    index: dict[str, list[tuple[tuple[str, ...], tuple[float, float]]]] = {}
    for phrase, bounds in _VAGUE.items():
        index.setdefault(phrase[0], []).append((phrase, bounds))
    return index


def _vague(tokens: list[Token], i: int) -> NumberRead | None:
    w = _at(tokens, i)
    if w in _PLURAL_SCALES and not (_glued(tokens, i) and tokens[i - 1].text.isalnum()):
        unit = _PLURAL_SCALES[w]
        end = i + 1
        # "hundreds of thousands", "tens of millions"
        if _at(tokens, i + 1) == "of" and _at(tokens, i + 2) in (
            "thousands",
            "millions",
            "billions",
        ):
            unit *= _PLURAL_SCALES[_at(tokens, i + 2)]
            end = i + 3
        if w == "tens" and end == i + 1:
            return None  # "tens" alone is rare and mostly not a number
        return NumberRead(i, end, None, 2.0 * unit, 10.0 * unit - 1, True, True, True)
    for phrase, (low, high) in _VAGUE_BY_FIRST.get(w, ()):
        n = len(phrase)
        if tuple(_at(tokens, i + k) for k in range(n)) == phrase:
            scale_word = _at(tokens, i + n)
            if scale_word in ("hundred", "dozen", *SCALES):
                mult = {"hundred": 100.0, "dozen": 12.0}.get(scale_word) or SCALES[scale_word]
                return NumberRead(i, i + n + 1, None, low * mult, high * mult, True, True, True)
            if low == high:  # "a couple": a number, if a loose one
                return NumberRead(i, i + n, float(low), None, None, True, True, False)
            return NumberRead(i, i + n, None, float(low), float(high), True, True, True)
    return None


_VAGUE_BY_FIRST = _vague_index()
#: Every word a number can start with (besides digits): `read_number` runs at every token
#: of an article, and most tokens are not one of these.
FIRST_WORDS = frozenset({*ONES, *TENS, *_PLURAL_SCALES, *_VAGUE_BY_FIRST, "a", "half"})


def _fraction(tokens: list[Token], i: int) -> NumberRead | None:
    """ "half", "a quarter", "three quarters", "two-thirds" (read only before a unit)."""
    w, j, count = _at(tokens, i), i, 1.0
    if w in ("a", "one"):
        j = i + 1
    elif w in ONES and 1 < ONES[w] < 10:
        count, j = float(ONES[w]), i + 1
    if j > i and _at(tokens, j) == "-" and _glued(tokens, j):
        j += 1
    word = _at(tokens, j)
    if word not in FRACTIONS or (j == i and word != "half"):
        return None
    if count > 1 and not word.endswith("s"):
        return None
    return NumberRead(i, j + 1, count * FRACTIONS[word], spelled=True, fraction=True)


def _share_of_scale(tokens: list[Token], i: int) -> NumberRead | None:
    """ "half a million", "a quarter of a billion", "three quarters of a million".

    Without this the reader skipped the fraction and took "a million" for the amount:
    "slash half a million pounds off" became 1,000,000 GBP.
    """
    fraction = _fraction(tokens, i)
    if fraction is None or fraction.value is None:
        return None
    j = fraction.end + 1 if _at(tokens, fraction.end) == "of" else fraction.end
    scale = _at(tokens, j + 1)
    if _at(tokens, j) not in ("a", "an") or scale not in SCALES:
        return None
    value = fraction.value * SCALES[scale]
    return NumberRead(i, j + 2, value, spelled=True, scaled=True)


def read_number(tokens: list[Token], i: int) -> NumberRead | None:
    """The longest number starting at token `i`, or None.

    Reads digits ("3,400", "1.2 million"), words ("twenty-five thousand"), "and a half",
    dozens ("a dozen", "two dozen", "half a dozen"), vague amounts ("dozens", "a few
    hundred", "several") and fractions ("three quarters"). Scale abbreviations such as
    "bn" are left to the caller, which knows whether the context is money.
    """
    if not 0 <= i < len(tokens):
        return None
    first = tokens[i].low
    if first not in FIRST_WORDS and not first[:1].isdigit():
        return None
    if (found := _vague(tokens, i)) is not None:
        return found
    if _at(tokens, i) == "half" and _at(tokens, i + 1) == "a" and _at(tokens, i + 2) == "dozen":
        return NumberRead(i, i + 3, 6.0, spelled=True)
    if _at(tokens, i) == "a" and _at(tokens, i + 1) == "dozen":
        return NumberRead(i, i + 2, 12.0, spelled=True)
    if (share := _share_of_scale(tokens, i)) is not None:
        return share
    value = _digits(tokens[i].text)
    spelled = value is None
    if value is not None:
        end = i + 1
    elif (words := _words(tokens, i)) is not None:
        value, end = words
    else:
        return _fraction(tokens, i)
    if (fraction := _fraction(tokens, i)) is not None and fraction.end > end:
        return fraction
    halved = False
    if (after_half := _half(tokens, end)) > end and _at(tokens, after_half) != "dozen":
        value, end, halved = value + 0.5, after_half, True
    scaled = False
    if not spelled or halved:
        mult, end2 = _scale_after(tokens, end)
        if end2 > end and not _glued(tokens, end):
            value, end, scaled = value * mult, end2, True
    elif spelled and end > i and tokens[end - 1].low in SCALES:
        scaled = True
    if _at(tokens, end) == "dozen":
        value, end = value * 12, end + 1
    return NumberRead(i, end, value, spelled=spelled, scaled=scaled)


def parse_number(text: str) -> NumberRead | None:
    """Read `text` as one whole number ("three hundred and five"); None if it is not one."""
    tokens = tokenize(text)
    found = read_number(tokens, 0)
    if found is None or found.end != len(tokens):
        return None
    return found
