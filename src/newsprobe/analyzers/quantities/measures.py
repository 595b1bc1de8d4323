"""Read one quantity expression from tokens: bound words, currency, number, range, unit.

This is the surface grammar of the quantities analyzer, kept free of spaCy so that it can
be tested on its own. `read_measure` returns the longest expression at a token; the
analyzer decides with the parse what a bare number counts ("87 dead", "3,400 people").
This module reads what surrounds the number itself (bound words, ranges, "200-plus",
"in his 50s"); units and currencies are read in `measure_units`, "twice as many" in
`measure_comparisons`, and `Measure` lives in `measure_tokens` (importable from here).

    >>> tokens = tokenize("talks lasted roughly three quarters of an hour")
    >>> m = read_measure(tokens, 2)
    >>> (m.value, m.unit, m.approximate)
    (45.0, 'min', True)

Bounds: "more than 200" has `value=None`, `lower=200`; "nearly 50" keeps `value=50` with
`upper=50`; "about 45" keeps the value. All three are `approximate`.
"""

from __future__ import annotations

from dataclasses import replace

from newsprobe.analyzers.quantities.comparisons import (
    MULTIPLIER_WORDS,
    MULTIPLYING_VERBS,
    comparison,
    fraction_as_percent,
)
from newsprobe.analyzers.quantities.measure_tokens import (
    Measure,
    by_first_word,
    glued,
    match_phrase,
    surface_of,
    word_at,
)
from newsprobe.analyzers.quantities.numbers import (
    FIRST_WORDS,
    SCALES,
    NumberRead,
    Token,
    read_number,
)
from newsprobe.analyzers.quantities.unit_phrases import (
    CURRENCY_FIRST,
    after_number,
    currency_prefix,
    money_scale,
    money_word_skip,
    unit_at,
)
from newsprobe.analyzers.shared.lexicon_files import load_words

__all__ = ["Measure", "read_measure"]

_MODIFIERS: dict[tuple[str, ...], str] = {
    **dict.fromkeys(
        [("about",), ("around",), ("roughly",), ("approximately",), ("some",), ("circa",),
         ("an", "estimated"), ("estimated",), ("or", "so")],
        "approx",
    ),
    **dict.fromkeys(
        [("nearly",), ("almost",), ("close", "to"), ("just", "under"), ("just", "shy", "of"),
         ("just", "below"), ("not", "quite")],
        "near",
    ),
    **dict.fromkeys(
        [("just", "over"), ("just", "above"), ("slightly", "more", "than"),
         ("a", "little", "over"), ("just", "more", "than")],
        "just_over",
    ),
    **dict.fromkeys(
        [("more", "than"), ("over",), ("above",), ("upwards", "of"), ("in", "excess", "of"),
         ("at", "least"), ("no", "fewer", "than"), ("no", "less", "than"), ("well", "over"),
         ("well", "above"), ("exceeding",), ("a", "minimum", "of"), ("far", "more", "than")],
        "lower",
    ),
    **dict.fromkeys(
        [("fewer", "than"), ("less", "than"), ("under",), ("below",), ("up", "to"),
         ("at", "most"), ("no", "more", "than"), ("as", "many", "as"), ("as", "much", "as"),
         ("a", "maximum", "of"), ("as", "few", "as"), ("as", "little", "as")],
        "upper",
    ),
    ("between",): "between",
}  # fmt: skip

_MODIFIER_PHRASES = by_first_word(sorted(_MODIFIERS, key=len, reverse=True))
#: Words before "a"/"an" + unit that make it a duration or distance ("for an hour").
_ONE_TRIGGERS = load_words("quantities/one_triggers")
_DECADE_WORDS = {w: tens for w, tens in zip(
    ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"],
    range(20, 100, 10), strict=True)}  # fmt: skip
#: Every word a quantity expression can start with, besides digits and currency signs:
#: `read_measure` runs at every token, and this turns most of them away at once.
_LEADS = frozenset({*FIRST_WORDS, *MULTIPLIER_WORDS, *_MODIFIER_PHRASES, "in", "aged", "a", "an"})


def read_measure(tokens: list[Token], i: int) -> Measure | None:
    """The longest quantity expression starting at token `i`, or None."""
    if i >= len(tokens):
        return None
    if (found := _unit_long(tokens, i)) is not None:
        return found
    if (found := _magnitude_first(tokens, i)) is not None:
        return found
    lead = tokens[i]
    if (
        lead.low not in _LEADS
        and not lead.low[:1].isdigit()
        and lead.text[:1] not in CURRENCY_FIRST
    ):
        return None
    if (found := comparison(tokens, i)) is not None:
        return found
    if (found := fraction_as_percent(tokens, i)) is not None:
        return found
    if (found := _age_decade(tokens, i)) is not None:
        return found
    age = word_at(tokens, i) == "aged"
    k = i + 1 if age else i
    phrase = match_phrase(tokens, k, _MODIFIER_PHRASES)
    kind = _MODIFIERS[phrase] if phrase else None
    if phrase == ("or", "so"):
        return None
    k += len(phrase)
    if kind in {"lower", "upper", "near", "just_over"} and word_at(tokens, k) in MULTIPLYING_VERBS:
        # "more than doubled", "nearly tripled": a bounded ratio.
        value = MULTIPLYING_VERBS[word_at(tokens, k)]
        ratio = NumberRead(k, k + 1, value, spelled=True)
        bounded = _bounded(ratio, kind, i, " ".join(phrase))
        return replace(bounded, dimension="ratio", unit="x", relative=surface_of(tokens, i, k + 1))
    currency, k = currency_prefix(tokens, k)
    number = read_number(tokens, k)
    if number is None:
        number = _implicit_one(tokens, k, i, phrase)
        if number is None:
            return None
    qualifier = " ".join(phrase) if phrase else None
    m = _bounded(number, kind if kind != "between" else "approx", i, qualifier)
    m = money_scale(tokens, m, currency)
    m = _range(tokens, m, kind)
    m = _suffix(tokens, m)
    if currency:
        m = replace(m, dimension="money", unit=currency)
        return money_word_skip(tokens, m)
    measured = after_number(tokens, m)
    if measured is not None and age and measured.dimension is None:
        measured = replace(measured, dimension="age", unit="years")
    return measured


# Duration units written as an adjective of one unit: "an hour-long meeting".
_LONG_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def _unit_long(tokens: list[Token], i: int) -> Measure | None:
    """ "an hour-long meeting", "in hour-long talks": one unit of time ("two-hour-long" is
    read from its number, by `after_number`)."""
    if tokens[i].low not in _LONG_UNITS or glued(tokens, i):
        return None
    if word_at(tokens, i + 1) != "-" or word_at(tokens, i + 2) != "long":
        return None
    if not (glued(tokens, i + 1) and glued(tokens, i + 2)):
        return None
    unit = unit_at(tokens, i)
    if unit is None:
        return None
    start = i - 1 if word_at(tokens, i - 1) in ("a", "an") else i
    number = NumberRead(start, i, 1.0, spelled=True)
    return Measure(start, i + 3, number, unit[0].factor, dimension=unit[0].dimension,
                   unit=unit[0].base)  # fmt: skip


def _magnitude_first(tokens: list[Token], i: int) -> Measure | None:
    """ "a magnitude 6.1 earthquake", "a magnitude-6.2 quake", "a magnitude of 7": an
    earthquake's size with the scale named first (after the number it is a unit:
    "a 6.1-magnitude quake", "5.8 on the Richter scale"). Read as a count, outlets'
    6.1 and 6.2 were "the number of earthquake"."""
    if tokens[i].low != "magnitude":
        return None
    k = i + 1
    if word_at(tokens, k) in ("-", "of"):
        k += 1
    number = read_number(tokens, k)
    if number is None:
        return None
    measure = _bounded(number, None, i, None)
    return replace(measure, dimension="magnitude", unit="magnitude")


def _bounded(number: NumberRead, kind: str | None, start: int, phrase: str | None) -> Measure:
    """Apply a bound word to a number: "more than 200" -> lower=200, value=None."""
    value, lower, upper = number.value, number.lower, number.upper
    approx = number.approximate or kind is not None
    if kind == "lower":
        value, lower = None, value if value is not None else lower
    elif kind == "upper":
        value, upper = None, value if value is not None else upper
    elif kind == "near":
        upper = value
    elif kind == "just_over":
        lower = value
    return Measure(start, number.end, number, value, lower, upper, approx, qualifier=phrase)


def _age_decade(tokens: list[Token], i: int) -> Measure | None:
    """ "in his 50s", "in their twenties" -> age range."""
    if word_at(tokens, i) != "in" or word_at(tokens, i + 1) not in ("his", "her", "their"):
        return None
    k = i + 2
    low: float | None = None
    if word_at(tokens, k) in _DECADE_WORDS:
        low, end = float(_DECADE_WORDS[word_at(tokens, k)]), k + 1
    elif (
        tokens[k : k + 1]
        and tokens[k].text.isdigit()
        and len(tokens[k].text) == 2
        and tokens[k].text.endswith("0")
        and word_at(tokens, k + 1) == "s"
        and glued(tokens, k + 1)
    ):
        low, end = float(tokens[k].text), k + 2
    if low is None:
        return None
    number = NumberRead(k, end, None, low, low + 9, True)
    return Measure(k, end, number, None, low, low + 9, True, "age", "years")


def _implicit_one(
    tokens: list[Token], k: int, i: int, phrase: tuple[str, ...]
) -> NumberRead | None:
    """ "for an hour", "about a mile": "a"/"an" before a unit after a trigger word."""
    if word_at(tokens, k) not in ("a", "an"):
        return None
    unit = unit_at(tokens, k + 1)
    if unit is None or unit[0].dimension not in ("duration", "distance"):
        return None
    trigger = bool(phrase) or word_at(tokens, i - 1) in _ONE_TRIGGERS
    if not trigger and word_at(tokens, unit[1]) != "and":
        return None
    return NumberRead(k, k + 1, 1.0, spelled=True)


def _range(tokens: list[Token], m: Measure, kind: str | None) -> Measure:
    """ "between 10 and 20", "10 to 15", "10-15", "two or three"."""
    k = m.end
    joiner = word_at(tokens, k)
    if m.number.vague or m.number.fraction or m.value is None:
        return m
    if kind == "between":
        if joiner != "and":
            return m
    elif joiner not in ("to", "-", "–", "or") or kind not in (None, "approx"):
        return m
    if joiner in ("-", "–") and not (glued(tokens, k) and glued(tokens, k + 1)):
        return m
    if word_at(tokens, m.start - 1) == "from":
        return m  # "rose from 10 to 20": two figures, not a range
    _, j = currency_prefix(tokens, k + 1)
    second = read_number(tokens, j)
    if second is None or second.value is None or second.vague or second.fraction:
        return m
    high = money_scale(tokens, Measure(j, second.end, second, second.value), "USD")
    first = m.value
    if (high.end > second.end or second.scaled) and not m.number.scaled and second.value:
        scale = (high.value or 1.0) / second.value * SCALES.get(tokens[second.end - 1].low, 1.0)
        if high.value is not None and first * scale < high.value:
            first *= scale
    if high.value is None or not first < high.value:
        return m
    number = replace(m.number, end=high.end)
    return replace(m, end=high.end, number=number, value=None, lower=first,
                   upper=high.value, approximate=True)  # fmt: skip


def _suffix(tokens: list[Token], m: Measure) -> Measure:
    """ "200-plus", "200+", "40-odd", "200 or more", "20 or so"."""
    k = m.end
    w = word_at(tokens, k)
    if (w == "+" and glued(tokens, k)) or (w == "-" and word_at(tokens, k + 1) == "plus"):
        end = k + 1 if w == "+" else k + 2
        return replace(m, end=end, value=None, lower=m.value, approximate=True)
    if w == "-" and word_at(tokens, k + 1) == "odd" and glued(tokens, k):
        return replace(m, end=k + 2, approximate=True)
    if w == "or" and word_at(tokens, k + 1) in ("more", "so", "fewer", "less"):
        after = word_at(tokens, k + 1)
        if after == "so":
            return replace(m, end=k + 2, approximate=True)
        if after == "more":
            return replace(m, end=k + 2, value=None, approximate=True, lower=m.value)
        return replace(m, end=k + 2, value=None, approximate=True, upper=m.value)
    return m
