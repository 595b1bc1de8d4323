"""Read one quantity expression from tokens: bound words, currency, number, range, unit.

This is the surface grammar of the quantities analyzer, kept free of spaCy so that it can
be tested on its own. `read_measure` returns the longest expression at a token; the
analyzer decides with the parse what a bare number counts ("87 dead", "3,400 people").

    >>> tokens = tokenize("talks lasted roughly three quarters of an hour")
    >>> m = read_measure(tokens, 2)
    >>> (m.value, m.unit, m.approximate)
    (45.0, 'min', True)

Bounds: "more than 200" has `value=None`, `lower=200`; "nearly 50" keeps `value=50` with
`upper=50`; "about 45" keeps the value. All three are `approximate`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsprobe.analyze.numbers import FIRST_WORDS, ONES, SCALES, NumberRead, Token, read_number
from newsprobe.analyze.units import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    MONEY_SCALES,
    UNIT_ABBREVIATIONS,
    UNITS,
    Unit,
    unit_phrases,
)

__all__ = ["Measure", "read_measure"]


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


def _by_first_word(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases grouped by first word, order kept: `read_measure` runs at every token, and
    scanning every phrase there was most of the analyzer's time."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return index


_MODIFIER_PHRASES = _by_first_word(sorted(_MODIFIERS, key=len, reverse=True))
_PHRASES = _by_first_word(unit_phrases())
_CURRENCY_PHRASES = _by_first_word(sorted(CURRENCY_WORDS, key=len, reverse=True))
_CURRENCY_FIRST = frozenset(prefix[0] for prefix in CURRENCY_PREFIXES)
#: Words before "a"/"an" + unit that make it a duration or distance ("for an hour").
_ONE_TRIGGERS = frozenset(
    [
        "for", "lasted", "lasting", "took", "last", "spent", "than", "nearly", "almost", "about",
        "around", "roughly", "over", "under", "within", "after", "half", "just",
    ]
)  # fmt: skip
_COMPARATIVES = frozenset(
    [
        "more", "less", "fewer", "higher", "lower", "larger", "bigger", "greater", "faster",
        "smaller", "longer", "shorter", "the", "that", "as",
    ]
)  # fmt: skip
_TIMES = {"twice": 2.0, "thrice": 3.0}
_FOLD = {f"{w}fold": float(v) for w, v in ONES.items() if v > 1} | {"hundredfold": 100.0}
_DECADE_WORDS = {w: TENS for w, TENS in zip(
    ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"],
    range(20, 100, 10), strict=True)}  # fmt: skip
#: Every word a quantity expression can start with, besides digits and currency signs:
#: `read_measure` runs at every token, and this turns most of them away at once.
_LEADS = frozenset({*FIRST_WORDS, *_TIMES, *_FOLD, *_MODIFIER_PHRASES, "in", "aged", "a", "an"})


def _low(tokens: list[Token], i: int) -> str:
    return tokens[i].low if 0 <= i < len(tokens) else ""


def _glued(tokens: list[Token], i: int) -> bool:
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


def _match(
    tokens: list[Token], i: int, phrases: dict[str, list[tuple[str, ...]]]
) -> tuple[str, ...]:
    for phrase in phrases.get(_low(tokens, i), ()):
        if all(_low(tokens, i + k) == w for k, w in enumerate(phrase)):
            return phrase
    return ()


def _abbreviation(tokens: list[Token], k: int) -> tuple[Unit, int] | None:
    """A case-sensitive unit abbreviation at k ("km", "°C", "km/h"), as (unit, end)."""
    for n in (3, 2, 1):
        if k + n > len(tokens) or any(not _glued(tokens, k + m) for m in range(1, n)):
            continue
        text = "".join(t.text for t in tokens[k : k + n])
        unit = UNIT_ABBREVIATIONS.get(text)
        if unit is None:
            continue
        if len(text) == 1 and text != "%" and not _glued(tokens, k):
            continue  # "5 m", "40 C": single letters count only glued ("40C", "5m")
        if k + n < len(tokens) and _glued(tokens, k + n) and tokens[k + n].text.isalnum():
            continue  # "5G", "4km2x": part of a longer code
        return unit, k + n
    return None


def _unit(tokens: list[Token], k: int) -> tuple[Unit, int] | None:
    """A unit at k, written out ("square miles", "Minutes") or abbreviated."""
    phrase = _match(tokens, k, _PHRASES)
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


def _comparison(tokens: list[Token], i: int) -> Measure | None:
    """ "twice as many", "three times higher", "tenfold", "10-fold"."""
    w = _low(tokens, i)
    times, k = _TIMES.get(w), i + 1
    if times is None and w in _FOLD:
        times, k = _FOLD[w], i + 1
    if times is None:
        number = read_number(tokens, i)
        if number is None or number.value is None or number.fraction or number.vague:
            return None
        k = number.end
        if _low(tokens, k) == "times":
            k += 1
        elif _low(tokens, k) == "-" and _low(tokens, k + 1) == "fold" and _glued(tokens, k):
            return _ratio_measure(tokens, i, k + 2, number.value, number)
        else:
            return None
        times = number.value
    if w not in _FOLD:
        nxt = _low(tokens, k)
        if nxt not in _COMPARATIVES:
            return None  # "visited three times": a frequency, not a comparison
        k += 2 if nxt == "as" and k + 1 < len(tokens) else 1
    return _ratio_measure(tokens, i, k, times, NumberRead(i, i + 1, times, spelled=True))


def _ratio_measure(
    tokens: list[Token], i: int, end: int, value: float, number: NumberRead
) -> Measure:
    surface = _surface(tokens, i, end)
    return Measure(i, end, number, value, dimension="ratio", unit="x", relative=surface)


def _surface(tokens: list[Token], i: int, end: int) -> str:
    parts = [tokens[i].text]
    for k in range(i + 1, end):
        parts.append(("" if _glued(tokens, k) else " ") + tokens[k].text)
    return "".join(parts)


def _age_decade(tokens: list[Token], i: int) -> Measure | None:
    """ "in his 50s", "in their twenties" -> age range."""
    if _low(tokens, i) != "in" or _low(tokens, i + 1) not in ("his", "her", "their"):
        return None
    k = i + 2
    low: float | None = None
    if _low(tokens, k) in _DECADE_WORDS:
        low, end = float(_DECADE_WORDS[_low(tokens, k)]), k + 1
    elif (
        tokens[k : k + 1]
        and tokens[k].text.isdigit()
        and len(tokens[k].text) == 2
        and tokens[k].text.endswith("0")
        and _low(tokens, k + 1) == "s"
        and _glued(tokens, k + 1)
    ):
        low, end = float(tokens[k].text), k + 2
    if low is None:
        return None
    number = NumberRead(k, end, None, low, low + 9, True)
    return Measure(k, end, number, None, low, low + 9, True, "age", "years")


def read_measure(tokens: list[Token], i: int) -> Measure | None:
    """The longest quantity expression starting at token `i`, or None."""
    if i >= len(tokens):
        return None
    lead = tokens[i]
    if (
        lead.low not in _LEADS
        and not lead.low[:1].isdigit()
        and lead.text[:1] not in _CURRENCY_FIRST
    ):
        return None
    if (found := _comparison(tokens, i)) is not None:
        return found
    if (found := _age_decade(tokens, i)) is not None:
        return found
    age = _low(tokens, i) == "aged"
    k = i + 1 if age else i
    phrase = _match(tokens, k, _MODIFIER_PHRASES)
    kind = _MODIFIERS[phrase] if phrase else None
    if phrase == ("or", "so"):
        return None
    k += len(phrase)
    currency, k = _currency_prefix(tokens, k)
    number = read_number(tokens, k)
    if number is None:
        number = _implicit_one(tokens, k, i, phrase)
        if number is None:
            return None
    qualifier = " ".join(phrase) if phrase else None
    m = _bounded(number, kind if kind != "between" else "approx", i, qualifier)
    m = _money_scale(tokens, m, currency)
    m = _range(tokens, m, kind)
    m = _suffix(tokens, m)
    if currency:
        m = replace(m, dimension="money", unit=currency)
        return _money_word_skip(tokens, m)
    measured = _after_number(tokens, m)
    if measured is not None and age and measured.dimension is None:
        measured = replace(measured, dimension="age", unit="years")
    return measured


def _currency_prefix(tokens: list[Token], k: int) -> tuple[str | None, int]:
    if k >= len(tokens) or tokens[k].text[:1] not in _CURRENCY_FIRST:
        return None, k
    for n in (2, 1):
        if k + n > len(tokens) or (n == 2 and not _glued(tokens, k + 1)):
            continue
        text = "".join(t.text for t in tokens[k : k + n])
        if text in CURRENCY_PREFIXES:
            end = k + n
            if _low(tokens, end) == "." and tokens[end - 1].text == "Rs":
                end += 1
            return CURRENCY_PREFIXES[text], end
    return None, k


def _implicit_one(
    tokens: list[Token], k: int, i: int, phrase: tuple[str, ...]
) -> NumberRead | None:
    """ "for an hour", "about a mile": "a"/"an" before a unit after a trigger word."""
    if _low(tokens, k) not in ("a", "an"):
        return None
    unit = _unit(tokens, k + 1)
    if unit is None or unit[0].dimension not in ("duration", "distance"):
        return None
    trigger = bool(phrase) or _low(tokens, i - 1) in _ONE_TRIGGERS
    if not trigger and _low(tokens, unit[1]) != "and":
        return None
    return NumberRead(k, k + 1, 1.0, spelled=True)


def _money_scale(tokens: list[Token], m: Measure, currency: str | None) -> Measure:
    k = m.end
    if currency is None or m.number.scaled or _low(tokens, k) not in MONEY_SCALES:
        return m
    if k + 1 < len(tokens) and _glued(tokens, k + 1) and tokens[k + 1].text.isalnum():
        return m
    mult = MONEY_SCALES[_low(tokens, k)]
    return replace(
        m,
        end=k + 1,
        value=None if m.value is None else m.value * mult,
        lower=None if m.lower is None else m.lower * mult,
        upper=None if m.upper is None else m.upper * mult,
    )


def _range(tokens: list[Token], m: Measure, kind: str | None) -> Measure:
    """ "between 10 and 20", "10 to 15", "10-15", "two or three"."""
    k = m.end
    joiner = _low(tokens, k)
    if m.number.vague or m.number.fraction or m.value is None:
        return m
    if kind == "between":
        if joiner != "and":
            return m
    elif joiner not in ("to", "-", "–", "or") or kind not in (None, "approx"):
        return m
    if joiner in ("-", "–") and not (_glued(tokens, k) and _glued(tokens, k + 1)):
        return m
    if _low(tokens, m.start - 1) == "from":
        return m  # "rose from 10 to 20": two figures, not a range
    _, j = _currency_prefix(tokens, k + 1)
    second = read_number(tokens, j)
    if second is None or second.value is None or second.vague or second.fraction:
        return m
    high = _money_scale(tokens, Measure(j, second.end, second, second.value), "USD")
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
    w = _low(tokens, k)
    if (w == "+" and _glued(tokens, k)) or (w in ("-",) and _low(tokens, k + 1) == "plus"):
        end = k + 1 if w == "+" else k + 2
        return replace(m, end=end, value=None, lower=m.value, approximate=True)
    if w == "-" and _low(tokens, k + 1) == "odd" and _glued(tokens, k):
        return replace(m, end=k + 2, approximate=True)
    if w == "or" and _low(tokens, k + 1) in ("more", "so", "fewer", "less"):
        after = _low(tokens, k + 1)
        if after == "so":
            return replace(m, end=k + 2, approximate=True)
        if after == "more":
            return replace(m, end=k + 2, value=None, approximate=True, lower=m.value)
        return replace(m, end=k + 2, value=None, approximate=True, upper=m.value)
    return m


def _money_word_skip(tokens: list[Token], m: Measure) -> Measure:
    """ "$5 million dollars" sometimes repeats the currency; take it into the span."""
    phrase = _match(tokens, m.end, _CURRENCY_PHRASES)
    return replace(m, end=m.end + len(phrase)) if phrase and len(phrase) == 1 else m


def _after_number(tokens: list[Token], m: Measure) -> Measure | None:
    """Unit, currency word, age or ratio after the number; None if a fraction finds none."""
    k = m.end
    if m.number.fraction:
        if _low(tokens, k) == "of":
            k += 1
        if _low(tokens, k) in ("a", "an"):
            k += 1
        unit = _unit(tokens, k)
        if unit is None or unit[0].dimension in ("percent", "temperature"):
            return None
        return _with_unit(m, *unit)
    if _low(tokens, k) == "-" and _glued(tokens, k) and _glued(tokens, k + 1):
        unit = _unit(tokens, k + 1)
        if unit is not None and tokens[k + 1].low.endswith("s") and unit[0].dimension != "percent":
            unit = None  # "30-days" is not how a unit adjective is written; be strict
        if unit is not None:
            end = unit[1]
            if (
                tokens[k + 1].low == "year"
                and _low(tokens, end) == "-"
                and _low(tokens, end + 1) == "old"
            ):
                return replace(m, end=end + 2, dimension="age", unit="years")
            if _low(tokens, end) == "-" and _low(tokens, end + 1) == "long":
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
    scaled = m.number.scaled or _low(tokens, k) in MONEY_SCALES
    if _low(tokens, k) in ("pounds", "pound") and scaled:
        return replace(m, end=k + 1, dimension="money", unit="GBP")
    if scaled and _low(tokens, k) in ("crown", "mark", "franc", "peso", "dinar"):
        return replace(
            m, end=k + 1, dimension="money", unit=_low(tokens, k)
        )  # "a 90 million crown rise"
    phrase = _match(tokens, k, _CURRENCY_PHRASES)
    if phrase and (phrase != ("p",) or _glued(tokens, k)):
        code, factor = CURRENCY_WORDS[phrase]
        scaled_m = _with_unit(m, Unit("money", code, factor), k + len(phrase))
        return scaled_m
    unit = _unit(tokens, k)
    if unit is not None:
        m = _with_unit(m, *unit)
        if m.unit == "min" and m.number.value is not None:
            m = _duration_tail(tokens, m, unit[0])
        elif m.dimension == "duration" and _low(tokens, m.end) == "old":
            return replace(m, end=m.end + 1, dimension="age", unit="years",
                           value=m.number.value, lower=None, upper=None)  # fmt: skip
        return m
    return _ratio(tokens, m)


#: Words after "100m" that say metres ("the 100m final", "a 30m drop"), not millions.
_METRE_CONTEXT = frozenset(
    [
        "tall", "high", "long", "wide", "deep", "away", "above", "below", "from", "of", "in", "on",
        "at", "and", "or", "to", "final", "race", "sprint", "hurdles", "freestyle", "relay", "run",
        "dash", "drop", "fall", "swim", "underground", "offshore",
    ]
)  # fmt: skip


def _million_glued(tokens: list[Token], k: int) -> bool:
    if not (_glued(tokens, k) and tokens[k - 1].text[-1:].isdigit()):
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
    if _low(tokens, k) == "and" and _low(tokens, k + 1) == "a" and _low(tokens, k + 2) == "half":
        add = 0.5 * unit.factor
        return replace(
            m,
            end=k + 3,
            value=None if m.value is None else m.value + add,
            lower=None if m.lower is None else m.lower + add,
            upper=None if m.upper is None else m.upper + add,
        )
    j = k + 1 if _low(tokens, k) == "and" else k
    extra = read_number(tokens, j)
    if extra is None or extra.value is None or extra.vague or extra.fraction:
        return m
    small = _unit(tokens, extra.end)
    if small is None or small[0].dimension != "duration" or small[0].factor >= unit.factor:
        return m
    add = extra.value * small[0].factor
    if m.value is None:
        return m
    return replace(m, end=small[1], value=m.value + add)


def _ratio(tokens: list[Token], m: Measure) -> Measure:
    """ "3 in 10", "one in five", "1 out of 4" -> a percentage with `relative`."""
    k = m.end
    if _low(tokens, k) == "in":
        j = k + 1
    elif _low(tokens, k) == "out" and _low(tokens, k + 1) == "of":
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
    if _unit(tokens, b.end) is not None:
        return m  # "5 in 10 minutes"
    relative = _surface(tokens, m.start if m.qualifier is None else a.start, b.end)
    value = 100.0 * a.value / b.value
    return replace(m, end=b.end, value=value, dimension="percent", unit="%", relative=relative)
