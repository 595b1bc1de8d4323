"""Comparisons read as a ratio: "twice as many", "three times higher", "tenfold", "doubled".

A multiplier before a comparative says how one figure relates to another, not how many of
something there are, so it becomes a `Measure` with dimension "ratio", unit "x" and the
words themselves in `relative`. "visited three times" has no comparative and is left to
the number grammar as a frequency.

    >>> m = comparison(tokenize("three times higher"), 0)
    >>> (m.value, m.dimension, m.relative)
    (3.0, 'ratio', 'three times higher')
"""

from __future__ import annotations

from newsprobe.analyzers.quantities.measure_tokens import Measure, glued, surface_of, word_at
from newsprobe.analyzers.quantities.numbers import ONES, NumberRead, Token, read_number
from newsprobe.analyzers.shared.lexicon_files import load_words

__all__ = ["MULTIPLIER_WORDS", "MULTIPLYING_VERBS", "comparison", "fraction_as_percent"]

_COMPARATIVES = load_words("quantities/comparatives")
_TIMES = {"twice": 2.0, "thrice": 3.0}
_FOLD = {f"{w}fold": float(v) for w, v in ONES.items() if v > 1} | {"hundredfold": 100.0}
#: Verbs that multiply a figure: "prices have doubled", "rents tripled". Only past and
#: -ing forms: "double" and "triple" are adjectives as often ("a double murder", "a triple
#: jump"). "halved" is read as a cut of 50 per cent (`fraction_as_percent`), so that it lines
#: up with another outlet's "cut by half".
MULTIPLYING_VERBS: dict[str, float] = {
    "doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0,
    "trebling": 3.0, "quadrupled": 4.0, "quadrupling": 4.0,
}  # fmt: skip
_HALVING = frozenset({"halved", "halving"})
#: Words that may follow "by a third" when the fraction is the size of a change: "fell by a
#: third from April", "by half, and". Any other word makes the fraction part of a phrase
#: ("by a third party", "by half the staff") and nothing is read.
_AFTER_CHANGE = frozenset(
    "from since to in on at after over this next last and but or as while compared against "
    "between within during before until when with than year years".split()
)
#: Words after "half", "a third of" that make the fraction a share of a whole: "half its
#: routes", "a third of the staff". Not "a"/"an": "half an hour" is a duration.
_SHARE_DETERMINERS = frozenset(
    "the its their his her our my your all these those this that".split()
)
#: Words that are a multiplier on their own, with no number before them.
MULTIPLIER_WORDS = frozenset({*_TIMES, *_FOLD, *MULTIPLYING_VERBS, *_HALVING})


def comparison(tokens: list[Token], i: int) -> Measure | None:
    """ "twice as many", "three times higher", "tenfold", "10-fold", "doubled"."""
    w = word_at(tokens, i)
    if w in MULTIPLYING_VERBS:
        value = MULTIPLYING_VERBS[w]
        return _ratio_measure(tokens, i, i + 1, value, NumberRead(i, i + 1, value, spelled=True))
    times, k = _TIMES.get(w), i + 1
    if times is None and w in _FOLD:
        times, k = _FOLD[w], i + 1
    if times is None:
        number = read_number(tokens, i)
        if number is None or number.value is None or number.fraction or number.vague:
            return None
        k = number.end
        if word_at(tokens, k) == "times":
            k += 1
        elif word_at(tokens, k) == "-" and word_at(tokens, k + 1) == "fold" and glued(tokens, k):
            return _ratio_measure(tokens, i, k + 2, number.value, number)
        else:
            return None
        times = number.value
    if w not in _FOLD:
        nxt = word_at(tokens, k)
        if nxt not in _COMPARATIVES:
            return None  # "visited three times": a frequency, not a comparison
        k += 2 if nxt == "as" and k + 1 < len(tokens) else 1
    return _ratio_measure(tokens, i, k, times, NumberRead(i, i + 1, times, spelled=True))


def _ratio_measure(
    tokens: list[Token], i: int, end: int, value: float, number: NumberRead
) -> Measure:
    surface = surface_of(tokens, i, end)
    return Measure(i, end, number, value, dimension="ratio", unit="x", relative=surface)


def fraction_as_percent(tokens: list[Token], i: int) -> Measure | None:
    """A fraction that is a share or a change, in percent (33.3, 50, 66.7), so that it
    lines up with another outlet's "33 per cent":

    - a change: "cut by a third", "rose by half", "by two-thirds", "cut in half", "halved";
    - a share: "half its bus routes", "a third of the staff", "two-thirds of voters".

    "by half a million" is a number and "half an hour" a duration, read elsewhere.
    """
    if word_at(tokens, i) in _HALVING:
        half = NumberRead(i, i + 1, 0.5, spelled=True)
        return Measure(i, i + 1, half, 50.0, dimension="percent", unit="%")
    number = read_number(tokens, i)
    if number is None or not number.fraction or number.value is None:
        return None
    before, after = word_at(tokens, i - 1), word_at(tokens, number.end)
    change = before == "by" or (before == "in" and word_at(tokens, i) == "half")
    if change and after[:1].isalnum() and after not in _AFTER_CHANGE:
        change = False  # "by a third party", "by half the council" (a share, below)
    k = number.end + 1 if after == "of" else number.end
    share = word_at(tokens, k) in _SHARE_DETERMINERS
    if not (change or share):
        return None
    percent = round(number.value * 100, 1)
    return Measure(i, number.end, number, percent, dimension="percent", unit="%")
