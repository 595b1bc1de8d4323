"""Durations, counts and casualty figures in French, German, Italian and Spanish.

The English `quantities` analyzer steps aside on other languages; cross-checking still
needs their figures to line them up with the English outlets' ones. This reader finds the
figures that matter for that, well enough to align them, with their exact spans:

- durations: "45 minutes", "trois quarts d'heure", "eine Dreiviertelstunde", "un'ora e
  mezza", "media hora", "une heure" (in minutes, like English durations);
- counts of people and things: "3.000 manifestants", "zwölf Festnahmen";
- casualties: "30 morts", "mehr als 30 Tote", "oltre 30 morti", "12 personas resultaron
  heridas" (dead, injured, missing).

Number words are read by `text2num` (`text2num(words, lang)`); what it does not know
comes from the language's table: "une vingtaine", "una ventina", "una veintena" (about
20), "ein Dutzend" (12), the qualifiers "rund", "environ", "unos" (approximate), "plus
de", "mehr als", "oltre", "más de" (lower bound), "moins de", "bis zu" (upper bound).
The result has the same shape as the English analyzer's `QuantityFinding`, so the rest of
cross-checking reads both alike: "more than 30" has ``value=None, lower=30``; "nearly 30"
has ``value=30, upper=30, approximate=True``.

    >>> [(q.text, q.value, q.approximate) for q in read_figures("unos veinte minutos", "es")]
    [('unos veinte minutos', 20.0, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from newsprobe.corpus.i18n.lexicon import Lexicon, fold_apostrophes, lexicon, phrase_pattern
from newsprobe.findings import QuantityFinding, Span

__all__ = ["ANALYZER", "FOREIGN_LANGUAGES", "read_figures"]

#: Written in `QuantityFinding.analyzer` of what this module reads.
ANALYZER = "figures_i18n@1"
#: Languages this reader knows (English has the `quantities` analyzer).
FOREIGN_LANGUAGES: frozenset[str] = frozenset({"de", "es", "fr", "it"})

# A digit number ("1.500", "3 000", "2,5") or a word (hyphenated words stay one token:
# "quarante-cinq", "demi-heure").
_TOKEN = re.compile(r"\d+(?:[.\u202f\u00a0 ]\d{3})*(?:,\d+)?(?:\.\d+)?|[^\W\d_]+(?:-[^\W\d_]+)*")
# How many words after a number a casualty word may come: "30 personnes ont été tuées".
_CASUALTY_REACH = 4
# Words to skip between a number and its counted noun ("20 weitere Verletzte").
_FILLERS = frozenset(
    "autres weitere altri altre otros otras más further other additional personnes "
    "personen persone personas menschen gens personne persona person mensch".split()
)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Number:
    """A number read at tokens [first, last] (inclusive) of the sentence's token list."""

    first: int
    last: int
    value: float | None
    approximate: bool
    start: int
    end: int


def _lowered(text: str) -> str:
    """Lower case and ASCII apostrophes, keeping every offset (one character each)."""
    return "".join(c if len(low := c.lower()) != 1 else low for c in fold_apostrophes(text))


@lru_cache(maxsize=8192)
def _word_value(words: str, language: str) -> float | None:
    try:
        return float(text2num(words, language))
    except (ValueError, TypeError):
        return None


def _digit_value(token: str) -> float | None:
    """ "1.500" -> 1500, "2,5" -> 2.5, "3 000" -> 3000 (continental separators)."""
    compact = re.sub(r"[\u202f\u00a0 ]", "", token)
    if "," in compact:
        compact = compact.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
        compact = compact.replace(".", "")
    try:
        return float(compact)
    except ValueError:
        return None


def _read_number(tokens: list[_Token], i: int, lex: Lexicon) -> _Number | None:
    """The longest number at token `i`: digits, or number words joined by connectors."""
    token = tokens[i]
    if token.text[0].isdigit():
        value = _digit_value(token.text)
        return None if value is None else _Number(i, i, value, False, token.start, token.end)
    if _word_value(token.text, lex.language) is None and token.text not in lex.articles:
        return None
    best: _Number | None = None
    j = i
    words: list[str] = []
    while j < len(tokens):
        words.append(tokens[j].text)
        value = _word_value(" ".join(words), lex.language)
        if value is None and words == [token.text] and token.text in lex.articles:
            value = 1.0  # "eine Stunde": text2num reads "ein" but not "eine"
        if value is not None:
            best = _Number(i, j, value, False, token.start, tokens[j].end)
        elif tokens[j].text not in lex.connectors:
            break
        j += 1
    return best


@dataclass(frozen=True, slots=True)
class _Tables:
    """Regexes built once per language from its `Lexicon`."""

    durations: re.Pattern[str] | None
    shares: re.Pattern[str] | None
    approximate_numbers: re.Pattern[str] | None
    qualifiers: re.Pattern[str] | None
    scales: re.Pattern[str] | None
    links: re.Pattern[str] | None
    units: re.Pattern[str] | None
    units_before: re.Pattern[str] | None
    currencies: re.Pattern[str] | None


@lru_cache(maxsize=8)
def _tables(language: str) -> _Tables:
    lex = lexicon(language)
    return _Tables(
        durations=phrase_pattern(list(lex.duration_phrases)),
        shares=phrase_pattern(list(lex.share_phrases)),
        approximate_numbers=phrase_pattern(list(lex.approximate_numbers)),
        qualifiers=phrase_pattern(list(lex.qualifiers)),
        scales=phrase_pattern(list(lex.scales)),
        links=phrase_pattern(list(lex.number_links)),
        units=_unit_pattern(list(lex.units)),
        units_before=_unit_before_pattern(list(lex.units_before)),
        currencies=phrase_pattern(list(lex.currencies)),
    )


def _alternatives(units: list[str]) -> str:
    """A regex alternation of `units`, longest first, spaces matching any run of them."""
    return "|".join(
        re.escape(u).replace(r"\ ", r"\s+") for u in sorted(units, key=len, reverse=True)
    )


def _unit_pattern(units: list[str]) -> re.Pattern[str] | None:
    """Units, longest first; symbols ("%", "km/h") need no word boundary before them."""
    if not units:
        return None
    return re.compile(rf"(?:{_alternatives(units)})(?![\w])", re.IGNORECASE)


def _unit_before_pattern(units: list[str]) -> re.Pattern[str] | None:
    """Units named before their number, matched where they end right before it."""
    if not units:
        return None
    return re.compile(rf"(?<![\w])(?:{_alternatives(units)})[\s\u00a0]+$", re.IGNORECASE)


def _unit_before(
    low: str, number: _Number, lex: Lexicon, tables: _Tables
) -> tuple[_Measure, int] | None:
    """A unit named right before the number ("magnitude 6,1", "der Stärke 6,1"), with
    where it starts: the figure's span runs from there to the number's end."""
    if tables.units_before is None:
        return None
    found = tables.units_before.search(low, max(0, number.start - 30), number.start)
    if found is None:
        return None
    dimension, base, factor = lex.units_before[re.sub(r"\s+", " ", found.group().strip())]
    return _Measure(dimension, None, factor, number.end, base), found.start()


def _qualifier_before(low: str, start: int, lex: Lexicon, tables: _Tables) -> tuple[str, int]:
    """("lower" | "upper" | "approximate" | "", where the qualifier starts) before `start`."""
    if tables.qualifiers is None:
        return "", start
    window_start = max(0, start - 40)
    found = ("", start)
    for match in tables.qualifiers.finditer(low, window_start, start):
        if not low[match.end() : start].strip():
            phrase = re.sub(r"\s+", " ", match.group())
            found = (lex.qualifiers.get(phrase, ""), match.start())
            kind = found[0]
            if phrase in lex.just_under or phrase in lex.just_over:
                kind = "just_under" if phrase in lex.just_under else "just_over"
            found = (kind, match.start())
    return found


@dataclass(frozen=True, slots=True)
class _Measure:
    """What a number measures, read from the words after it."""

    dimension: str
    about: str | None
    factor: float  # to the base unit: minutes for durations, 1e9 for "milliard"...
    end: int  # where the figure's span ends when its unit belongs to it
    unit: str | None = None
    # The casualty word follows at once, or after a word for people ("un morto", "une
    # personne a été tuée"): an article before it is the number one.
    near: bool = False


def _skip_spaces(low: str, pos: int) -> int:
    while pos < len(low) and low[pos] in " \u00a0\u202f":
        pos += 1
    return pos


# "34 de los 80", "34 des 80", "34 der 80", "34 dei 80", "34 degli 80": a part of a whole.
_OF_THE = re.compile(r"\s*(?:de\s+los|de\s+las|des|der|dei|degli|delle|sur\s+les|von)\s+$")


def _of_the_whole(tokens: list[_Token], number: _Number, lex: Lexicon, low: str) -> _Number | None:
    """The whole a number is a part of, when "of the" and another number follow it."""
    k = number.last + 1
    for j in range(k + 1, min(k + 3, len(tokens))):
        if _OF_THE.fullmatch(low[number.end : tokens[j].start]):
            return _read_number(tokens, j, lex)
    return None


def _numeric(token: _Token, lex: Lexicon) -> bool:
    """Whether a word is a number or part of one ("unos", "240", "vingtaine")."""
    return _read_number([token], 0, lex) is not None


def _measure_after(
    tokens: list[_Token], number: _Number, lex: Lexicon, low: str, tables: _Tables
) -> _Measure | None:
    """The unit or counted noun after a number: "Minuten", "milliard de marks", "km/h",
    "morts", "personnes ont été tuées"."""
    pos = _skip_spaces(low, number.end)
    scale = 1.0
    if tables.scales is not None and (found := tables.scales.match(low, pos)):
        scale = lex.scales[re.sub(r"\s+", " ", found.group())]
        pos = _skip_spaces(low, found.end())
    linked = pos
    if tables.links is not None and (found := tables.links.match(low, pos)):
        linked = _skip_spaces(low, found.end())  # "une vingtaine de minutes", "di marchi"
    for at in (pos, linked):
        if tables.units is not None and (found := tables.units.match(low, at)):
            dimension, base, factor = lex.units[re.sub(r"\s+", " ", found.group())]
            return _Measure(dimension, None, factor * scale, found.end(), base)
        if tables.currencies is not None and (found := tables.currencies.match(low, at)):
            return _Measure("money", None, scale, found.end(), lex.currencies[found.group()])
    k = next((i for i, t in enumerate(tokens) if t.start >= linked), len(tokens))
    if k >= len(tokens):
        return None
    if tokens[k].text in lex.duration_units and scale == 1.0:
        return _Measure("duration", None, lex.duration_units[tokens[k].text], tokens[k].end)
    j = k
    while j < len(tokens) and tokens[j].text in _FILLERS and j - k < 2:
        j += 1
    # The sentence ends the search: "2.600 personas. Más de 30 muertos" counts no dead.
    stop = low.find(".", number.end)
    stop = len(low) if stop < 0 else stop
    reach_end = min(len(tokens), k + _CASUALTY_REACH + 1)
    reach_end = next((i for i in range(k, reach_end) if tokens[i].start > stop), reach_end)
    for reach in range(j, reach_end):
        for size in (3, 2, 1):
            words = tokens[reach : reach + size]
            phrase = " ".join(t.text for t in words)
            if phrase in lex.casualty_words:
                adjacent = reach == k  # "30 morts": the noun belongs to the figure
                end = words[-1].end if adjacent else number.end
                near = adjacent or (j > k and reach - j <= 2)
                return _Measure("casualties", lex.casualty_words[phrase], scale, end, near=near)
    # The noun right after the number, else after one adjective ("zwei frühere Beamte",
    # "tres antiguos funcionarios") within the sentence.
    adjective = k < len(tokens) and tokens[k].text.isalpha() and not _numeric(tokens[k], lex)
    for index in (j, k, k + 1) if adjective else (j, k):
        if index < len(tokens) and tokens[index].start > stop:
            continue  # past the sentence's end
        for size in (3, 2, 1):
            phrase = " ".join(t.text for t in tokens[index : index + size])
            if phrase in lex.count_nouns:
                last = tokens[min(index + size, len(tokens)) - 1]
                return _Measure("count", lex.count_nouns[phrase], scale, last.end)
    return None


def _finding(
    text: str,
    start: int,
    end: int,
    *,
    value: float | None,
    qualifier: str,
    approximate: bool,
    dimension: str,
    about: str | None,
    unit: str | None,
    offset: int,
) -> QuantityFinding:
    lower = upper = None
    if qualifier == "lower":
        value, lower, approximate = None, value, True
    elif qualifier == "upper":
        value, upper, approximate = None, value, True
    elif qualifier == "just_under":
        upper, approximate = value, True
    elif qualifier == "just_over":
        lower, approximate = value, True
    elif qualifier == "approximate":
        approximate = True
    if unit is None:
        unit = {"duration": "min", "casualties": "people"}.get(dimension)
    amount = value if value is not None else lower if lower is not None else upper
    shown = "" if amount is None else f"{amount:g}"
    words = {"lower": "more than ", "upper": "up to ", "approximate": "about "}
    note = f"{words.get(qualifier, 'about ' if approximate else '')}{shown} {unit or ''}".strip()
    return QuantityFinding(
        span=Span(start=offset + start, end=offset + end),
        text=text[start:end],
        analyzer=ANALYZER,
        confidence=0.8,
        note=f"{note[0].upper()}{note[1:]} ({dimension}{', ' + about if about else ''}).",
        value=value,
        unit=unit,
        dimension=dimension,
        approximate=approximate,
        lower=lower,
        upper=upper,
        about=about,
    )


def read_figures(text: str, language: str, *, offset: int = 0) -> list[QuantityFinding]:
    """Durations, counts and casualty figures in `text`, written in `language`.

    Args:
        text: a headline, a sentence or a whole article.
        language: "fr", "de", "it" or "es" (any other returns no figures).
        offset: added to every span, for text cut out of a longer one.

    Returns:
        Quantity findings in text order, spans into `text` (plus `offset`); their `id` is
        empty and their `analyzer` is `ANALYZER`.
    """
    if language not in FOREIGN_LANGUAGES or not text:
        return []
    lex, tables = lexicon(language), _tables(language)
    low = _lowered(text)
    found: list[QuantityFinding] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def keep(start: int, end: int, **fields: object) -> None:
        qualifier, q_start = _qualifier_before(low, start, lex, tables)
        start = q_start if qualifier else start
        if free(start, end):
            taken.append((start, end))
            found.append(_finding(text, start, end, qualifier=qualifier, offset=offset, **fields))  # type: ignore[arg-type]

    if tables.durations is not None:
        for match in tables.durations.finditer(low):
            minutes = lex.duration_phrases[re.sub(r"\s+", " ", match.group())]
            keep(
                match.start(),
                match.end(),
                value=minutes,
                approximate=False,
                dimension="duration",
                about=None,
                unit="min",
            )
    if tables.shares is not None:  # after durations: "un quart d'heure" is 15 minutes
        for match in tables.shares.finditer(low):
            percent = lex.share_phrases[re.sub(r"\s+", " ", match.group())]
            keep(
                match.start(),
                match.end(),
                value=percent,
                approximate=False,
                dimension="percent",
                about=None,
                unit="%",
            )
    tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(low)]
    if tables.approximate_numbers is not None:
        for match in tables.approximate_numbers.finditer(low):
            amount = lex.approximate_numbers[re.sub(r"\s+", " ", match.group())]
            after = _Number(0, 0, amount, True, match.start(), match.end())
            measure = _measure_after(tokens, after, lex, low, tables)
            if measure is None:
                continue
            value = None if amount is None else amount * measure.factor
            keep(
                match.start(),
                measure.end,
                value=value,
                approximate=True,
                dimension=measure.dimension,
                about=measure.about,
                unit=measure.unit,
            )
    i = 0
    while i < len(tokens):
        number = _read_number(tokens, i, lex)
        if number is None or not free(number.start, number.end):
            i += 1
            continue
        whole = _of_the_whole(tokens, number, lex, low)
        if whole is not None:  # "34 de los 80 escaños": 34 seats, of a whole of 80
            measure = _measure_after(tokens, whole, lex, low, tables)
            if measure is not None and measure.dimension == "count":
                assert number.value is not None
                keep(
                    number.start,
                    measure.end,
                    value=number.value,
                    approximate=number.approximate,
                    dimension="count",
                    about=measure.about,
                    unit=measure.unit,
                )
                i = whole.last + 1
                continue
        measure = _measure_after(tokens, number, lex, low, tables)
        start = number.start
        if measure is None and (named_before := _unit_before(low, number, lex, tables)):
            measure, start = named_before
        is_article = tokens[i].text in lex.articles and number.first == number.last
        if measure is None or (is_article and measure.dimension != "duration" and not measure.near):
            i = number.last + 1
            continue  # "un attentat", "une personne": an article, not a count
        assert number.value is not None
        keep(
            start,
            measure.end,
            value=number.value * measure.factor,
            approximate=number.approximate,
            dimension=measure.dimension,
            about=measure.about,
            unit=measure.unit,
        )
        i = number.last + 1
    found.sort(key=lambda q: q.span.start)
    return found
