"""Units and currencies around a number: "$5m", "3.2 km", "two hours and 15 minutes".

The part of the measure grammar that knows units: a currency sign before the number, a
scale word after a money figure ("$5 million"), and whatever follows a number and gives it
a dimension (a unit, a currency word, "-year-old", "3 in 10"). Values are converted to each
dimension's base unit (`units.UNITS`), so "90 minutes" and "1.5 hours" compare equal.

    >>> tokens = tokenize("1.5 hours")
    >>> m = after_number(tokens, Measure(0, 1, read_number(tokens, 0), 1.5))
    >>> (m.value, m.unit)
    (90.0, 'min')
"""

from __future__ import annotations

from dataclasses import replace

from newsprobe.analyzers.quantities.measure_tokens import (
    Measure,
    by_first_word,
    glued,
    match_phrase,
    surface_of,
    word_at,
)
from newsprobe.analyzers.quantities.numbers import SCALES, Token, read_number
from newsprobe.analyzers.quantities.unit_table import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    MONEY_SCALES,
    UNIT_ABBREVIATIONS,
    UNITS,
    Unit,
    unit_phrases,
)
from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.units import MINUTES_PER_YEAR

__all__ = [
    "CURRENCY_FIRST",
    "after_number",
    "currency_prefix",
    "money_scale",
    "money_word_skip",
    "unit_at",
]

_PHRASES = by_first_word(unit_phrases())
_CURRENCY_PHRASES = by_first_word(sorted(CURRENCY_WORDS, key=len, reverse=True))
CURRENCY_FIRST = frozenset(prefix[0] for prefix in CURRENCY_PREFIXES)


def _abbreviation(tokens: list[Token], k: int) -> tuple[Unit, int] | None:
    """A case-sensitive unit abbreviation at k ("km", "°C", "km/h"), as (unit, end)."""
    for n in (3, 2, 1):
        if k + n > len(tokens) or any(not glued(tokens, k + m) for m in range(1, n)):
            continue
        text = "".join(t.text for t in tokens[k : k + n])
        unit = UNIT_ABBREVIATIONS.get(text)
        if unit is None:
            continue
        if len(text) == 1 and text != "%" and not glued(tokens, k):
            continue  # "5 m", "40 C": single letters count only glued ("40C", "5m")
        if k + n < len(tokens) and glued(tokens, k + n) and tokens[k + n].text.isalnum():
            continue  # "5G", "4km2x": part of a longer code
        return unit, k + n
    return None


def unit_at(tokens: list[Token], k: int) -> tuple[Unit, int] | None:
    """A unit at k, written out ("square miles", "Minutes") or abbreviated."""
    phrase = match_phrase(tokens, k, _PHRASES)
    if phrase:
        return UNITS[phrase], k + len(phrase)
    return _abbreviation(tokens, k)


def _convert(value: float | None, unit: Unit) -> float | None:
    if value is None:
        return None
    if unit.factor < 0:  # Fahrenheit
        return (value - 32.0) * 5.0 / 9.0
    return value * unit.factor


def _with_unit(m: Measure, unit: Unit, end: int) -> Measure:
    return replace(
        m,
        end=end,
        value=_convert(m.value, unit),
        lower=_convert(m.lower, unit),
        upper=_convert(m.upper, unit),
        dimension=unit.dimension,
        unit=unit.base,
    )


def currency_prefix(tokens: list[Token], k: int) -> tuple[str | None, int]:
    """A currency sign or code at `k` ("$", "US$", "Rs."), as (currency, end); else (None, k)."""
    if k >= len(tokens) or tokens[k].text[:1] not in CURRENCY_FIRST:
        return None, k
    for n in (2, 1):
        if k + n > len(tokens) or (n == 2 and not glued(tokens, k + 1)):
            continue
        text = "".join(t.text for t in tokens[k : k + n])
        if text in CURRENCY_PREFIXES:
            end = k + n
            if word_at(tokens, end) == "." and tokens[end - 1].text == "Rs":
                end += 1
            return CURRENCY_PREFIXES[text], end
    return None, k


def money_scale(tokens: list[Token], m: Measure, currency: str | None) -> Measure:
    """ "$5 million": a scale word after a money figure multiplies it."""
    k = m.end
    if currency is not None and not m.number.scaled and (mult := _bracketed_scale(tokens, m)):
        # "$40 (£26) million": each figure keeps its own span and takes the scale.
        return replace(
            m,
            value=None if m.value is None else m.value * mult,
            lower=None if m.lower is None else m.lower * mult,
            upper=None if m.upper is None else m.upper * mult,
        )
    if currency is None or m.number.scaled or word_at(tokens, k) not in MONEY_SCALES:
        return m
    if k + 1 < len(tokens) and glued(tokens, k + 1) and tokens[k + 1].text.isalnum():
        return m
    mult = MONEY_SCALES[word_at(tokens, k)]
    return replace(
        m,
        end=k + 1,
        value=None if m.value is None else m.value * mult,
        lower=None if m.lower is None else m.lower * mult,
        upper=None if m.upper is None else m.upper * mult,
    )


def _bracketed_scale(tokens: list[Token], m: Measure) -> float | None:
    """The scale after a conversion in brackets, for the figure before the brackets
    ("$40 (£26) million") and for the one inside them."""
    k = m.end
    if word_at(tokens, k) == ")" and word_at(tokens, m.start - 1) == "(":
        return _scale_word(word_at(tokens, k + 1))
    if word_at(tokens, k) != "(":
        return None
    close = next((j for j in range(k + 2, min(k + 6, len(tokens))) if tokens[j].text == ")"), None)
    if close is None or tokens[k + 1].text[:1] not in CURRENCY_FIRST:
        return None
    return _scale_word(word_at(tokens, close + 1))


def _scale_word(word: str) -> float | None:
    """ "million" (the number reader's scales) or "m", "bn" (money's short ones)."""
    return SCALES.get(word) or MONEY_SCALES.get(word)


def money_word_skip(tokens: list[Token], m: Measure) -> Measure:
    """ "$5 million dollars" sometimes repeats the currency; take it into the span."""
    phrase = match_phrase(tokens, m.end, _CURRENCY_PHRASES)
    return replace(m, end=m.end + len(phrase)) if phrase and len(phrase) == 1 else m


#: Fraction words that are also ordinals: straight before a unit ("a third day") they
#: count, and only "a third of a day" is a share. "half" and "quarter" are never
#: ordinals ("half a day", "a quarter mile").
_ORDINAL_FRACTIONS = frozenset({"third", "fifth", "tenth"})


def after_number(tokens: list[Token], m: Measure) -> Measure | None:
    """Unit, currency word, age or ratio after the number; None if a fraction finds none."""
    k = m.end
    if m.number.fraction:
        if word_at(tokens, k) == "of":
            k += 1
        elif word_at(tokens, k - 1) in _ORDINAL_FRACTIONS:
            return None  # "for a third day", "a fifth year": an ordinal, not a share
        if word_at(tokens, k) in ("a", "an"):
            k += 1
        unit = unit_at(tokens, k)
        if unit is None or unit[0].dimension == "temperature" or unit[0].base == "%":
            return None  # but "a quarter of a percentage point" is 0.25 points
        return _with_unit(m, *unit)
    if word_at(tokens, k) == "-" and glued(tokens, k) and glued(tokens, k + 1):
        unit = unit_at(tokens, k + 1)
        if unit is not None and tokens[k + 1].low.endswith("s") and unit[0].dimension != "percent":
            unit = None  # "30-days" is not how a unit adjective is written; be strict
        if unit is not None:
            end = unit[1]
            if (
                unit[0].dimension == "duration"
                and word_at(tokens, end) == "-"
                and word_at(tokens, end + 1) == "old"
            ):
                return _as_age(_with_unit(m, unit[0], end), end + 2)  # "a nine-month-old"
            if word_at(tokens, end) == "-" and word_at(tokens, end + 1) == "long":
                end += 2
            return _with_unit(m, unit[0], end)
    if _million_glued(tokens, k):  # "5m people", "3bn viewers": a scale, not metres
        mult = MONEY_SCALES[tokens[k].low]
        value = None if m.value is None else m.value * mult
        number = replace(m.number, end=k + 1, scaled=True)
        m = replace(m, end=k + 1, number=number, value=value,
                    lower=None if m.lower is None else m.lower * mult,
                    upper=None if m.upper is None else m.upper * mult)  # fmt: skip
        k += 1
    scaled = m.number.scaled or word_at(tokens, k) in MONEY_SCALES
    if word_at(tokens, k) in ("pounds", "pound") and scaled:
        return replace(m, end=k + 1, dimension="money", unit="GBP")
    if scaled and word_at(tokens, k) in ("crown", "mark", "franc", "peso", "dinar"):
        return replace(
            m, end=k + 1, dimension="money", unit=word_at(tokens, k)
        )  # "a 90 million crown rise"
    phrase = match_phrase(tokens, k, _CURRENCY_PHRASES)
    if phrase and (phrase != ("p",) or glued(tokens, k)):
        code, factor = CURRENCY_WORDS[phrase]
        return _with_unit(m, Unit("money", code, factor), k + len(phrase))
    unit = unit_at(tokens, k)
    if unit is not None:
        m = _with_unit(m, *unit)
        if m.dimension == "duration" and word_at(tokens, m.end) == "old":
            return _as_age(m, m.end + 1)  # "nine years old", "six months old"
        if m.unit == "min" and m.number.value is not None:
            m = _duration_tail(tokens, m, unit[0])
        return m
    return _ratio(tokens, m)


def _as_age(m: Measure, end: int) -> Measure:
    """A duration followed by "old" is an age, in years ("nine months old" is 0.75).

    The check used to come after the duration branch, which every duration takes, so
    "believed to be nine years old" was reported as a nine-year duration.
    """

    def years(minutes: float | None) -> float | None:
        return None if minutes is None else round(minutes / MINUTES_PER_YEAR, 4)

    return replace(
        m, end=end, dimension="age", unit="years",
        value=years(m.value), lower=years(m.lower), upper=years(m.upper),
    )  # fmt: skip


#: Words after "100m" that say metres ("the 100m final", "a 30m drop"), not millions.
_METRE_CONTEXT = load_words("quantities/metre_context")


def _million_glued(tokens: list[Token], k: int) -> bool:
    if not (glued(tokens, k) and tokens[k - 1].text[-1:].isdigit()):
        return False
    if tokens[k].text in ("bn", "mn", "tn"):
        return True
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        tokens[k].text == "m"
        and nxt is not None
        and nxt.text.isalpha()
        and nxt.text.islower()
        and nxt.low not in _METRE_CONTEXT
    )


def _duration_tail(tokens: list[Token], m: Measure, unit: Unit) -> Measure:
    """ "an hour and a half", "two hours and 15 minutes"."""
    k = m.end
    if (
        word_at(tokens, k) == "and"
        and word_at(tokens, k + 1) == "a"
        and word_at(tokens, k + 2) == "half"
    ):
        add = 0.5 * unit.factor
        return replace(
            m,
            end=k + 3,
            value=None if m.value is None else m.value + add,
            lower=None if m.lower is None else m.lower + add,
            upper=None if m.upper is None else m.upper + add,
        )
    j = k + 1 if word_at(tokens, k) == "and" else k
    extra = read_number(tokens, j)
    if extra is None or extra.value is None or extra.vague or extra.fraction:
        return m
    small = unit_at(tokens, extra.end)
    if small is None or small[0].dimension != "duration" or small[0].factor >= unit.factor:
        return m
    add = extra.value * small[0].factor
    if m.value is None:
        return m
    return replace(m, end=small[1], value=m.value + add)


def _ratio(tokens: list[Token], m: Measure) -> Measure:
    """ "3 in 10", "one in five", "1 out of 4" -> a percentage with `relative`."""
    k = m.end
    if word_at(tokens, k) == "in":
        j = k + 1
    elif word_at(tokens, k) == "out" and word_at(tokens, k + 1) == "of":
        j = k + 2
    else:
        return m
    a, b = m.number, read_number(tokens, j)
    if a.value is None or b is None or b.value is None or b.vague or b.fraction:
        return m
    if not (a.value.is_integer() and b.value.is_integer() and 0 < a.value < b.value <= 1000):
        return m
    if b.scaled or any(tokens[b.end - 1].low == s for s in SCALES):
        return m
    if unit_at(tokens, b.end) is not None:
        return m  # "5 in 10 minutes"
    relative = surface_of(tokens, m.start if m.qualifier is None else a.start, b.end)
    value = 100.0 * a.value / b.value
    return replace(m, end=b.end, value=value, dimension="percent", unit="%", relative=relative)
