"""Quantities: numbers with what they measure, normalized to one base unit per dimension.

    >>> Pipeline(["quantities"]).analyze(make_article("Talks lasted about 45 minutes."))

Durations become minutes, distances km, money its ISO code, ratios "3 in 10" a percentage;
"more than 200 wounded" is a casualty bound (`value=None`, `lower=200`, `about="injured"`).
The surface grammar lives in `measures` (spans, values, units) and `numbers` (number
words); this module decides, with the parse, what a bare number counts, and refuses the
numbers that measure nothing: years, times of day, "G7", "Boeing 737", "No. 10", "9/11",
phone numbers, "one of the", "Three of the richest men".

A finding's span covers the bound words, currency, number and unit ("more than 200",
"$2.5bn", "roughly three quarters of an hour"); the counted noun goes in `about`, not in
the span, so that "87" in "left 87 dead" is the evidence and "dead" what it counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.quantities import confidence as CONFIDENCE
from newsprobe.analyzers.quantities.measures import Measure, read_measure
from newsprobe.analyzers.quantities.numbers import Token, tokenize
from newsprobe.analyzers.quantities.rules import (
    MONTHS,
    about_noun,
    casualty,
    is_vetoed,
    note_for,
)
from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.analyzers.shared.tokens import Columns, TokenList
from newsprobe.findings import QuantityFinding, Span

if TYPE_CHECKING:
    pass

__all__ = ["QuantitiesAnalyzer"]

#: Entity labels under which a bare number is a name or a date, not an amount.
_NAME_LABELS = frozenset(
    {"ORG", "PRODUCT", "LAW", "FAC", "WORK_OF_ART", "EVENT", "PERSON", "GPE", "LOC", "DATE",
     "TIME"}
)  # fmt: skip
_PHONE = re.compile(r"\+?\(?\d{2,5}\)?(?:[ .\-]\d{2,5}){2,}")
_SENTENCE_OPENERS = frozenset(".!?:;\"“‘'(—–-")
_WEEKDAYS = load_words("quantities/weekdays")


class _TokensAt(Mapping[int, Any]):
    """The parse's token starting at a character offset, made when asked for (a few per
    article are; making all of them was a third of this analyzer's time)."""

    def __init__(self, tokens: TokenList, offsets: list[int]) -> None:
        self._tokens = tokens
        self._at = {offset: i for i, offset in enumerate(offsets)}

    def __getitem__(self, offset: int) -> Any:
        return self._tokens[self._at[offset]]

    def __iter__(self) -> Iterator[int]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


class _Hints:
    """What the parse says about a character offset: its token, its entity label."""

    def __init__(self, cols: Columns | None) -> None:
        self.tokens: Mapping[int, Any] = {}
        self.labels: dict[int, str] = {}
        if cols is None:
            return
        self.tokens = _TokensAt(cols.tokens, cols.idx)
        self.labels = {
            offset: label for offset, label in zip(cols.idx, cols.ent_type, strict=True) if label
        }


class QuantitiesAnalyzer(Analyzer):
    """Numbers with what they measure: durations, money, counts, casualties, percentages."""

    name = "quantities"
    version = "2"
    requires = frozenset({"doc", "doc:ents", "doc:tags", "doc:lemmas"})
    provides = frozenset({"quantity"})
    languages = frozenset({"en"})

    def analyze(self, ctx: Context) -> Iterator[QuantityFinding]:
        text = ctx.text
        tokens = tokenize(text)
        hints = _Hints(ctx.columns if ctx.doc is not None else None)
        phones = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
        headline_end = ctx.article.headline.end
        i = 0
        while i < len(tokens):
            m = read_measure(tokens, i)
            if m is None:
                i += 1
                continue
            m = _over_a_dispute(tokens, _during(tokens, m, hints))
            in_phone = any(a <= tokens[m.start].start < b for a, b in phones)
            if not in_phone:
                in_headline = tokens[m.start].start < headline_end
                found = self._finding(text, tokens, m, hints, in_headline)
                if found is not None:
                    yield found
            i = max(m.end, i + 1)

    def _finding(
        self, text: str, tokens: list[Token], m: Measure, hints: _Hints, in_headline: bool
    ) -> QuantityFinding | None:
        if is_vetoed(tokens, m) or _ordinal_second(tokens, m, hints):
            return None
        dimension, unit, about, basis = m.dimension, m.unit, None, "unit"
        if dimension is None and _appositive_age(tokens, m):
            dimension, unit, basis = "age", "years", "age"
        elif dimension is None:
            if _names_something(text, tokens, m, hints, in_headline):
                return None
            dimension, unit, about, basis = self._classify(tokens, m, hints)
            if dimension is None:
                return None
        elif dimension == "age":
            basis = "age"
        # By how the dimension was decided (`confidence.py`: the values and their basis).
        confidence = CONFIDENCE.BY_BASIS[basis] - (
            CONFIDENCE.VAGUE_PENALTY if m.number.vague else 0.0
        )
        start, end = tokens[m.start].start, tokens[m.end - 1].end
        return QuantityFinding(
            span=Span(start=start, end=end),
            confidence=round(confidence, 2),
            note=note_for(m, dimension, unit, about),
            value=m.value,
            unit=unit,
            dimension=dimension,
            approximate=m.approximate,
            lower=m.lower,
            upper=m.upper,
            about=about,
            relative=m.relative,
        )

    def _classify(
        self, tokens: list[Token], m: Measure, hints: _Hints
    ) -> tuple[str | None, str | None, str | None, str]:
        """Dimension, unit, about and basis of a number with no unit of its own."""
        hurt = casualty(tokens, m, hints.tokens)
        if hurt is not None:
            return "casualties", "people", hurt, "casualties"
        number = m.number
        if (number.value == 1 and number.spelled) or (number.approximate and not number.vague):
            return None, None, None, "bare"  # "one", "a couple of": not a count worth noting
        if number.vague and tokens[number.start].low in ("several", "a"):
            return None, None, None, "bare"  # "several reporters", "a few days" handled by units
        noun = about_noun(tokens, m, hints.tokens)
        if noun is not None:
            return "count", None, noun, "count"
        if number.vague or number.scaled:
            return "count", None, None, "bare"
        return None, None, None, "bare"


# Verbs whose "over" measures the time itself ("lasted over an hour", "waited over two
# hours"): there "over" is "more than". After a noun or another verb ("a pay rise over two
# years", "prices rose over the decade") it means "during", and the duration is exact.
_DURATION_VERBS = load_words("quantities/duration_verbs")


def _during(tokens: list[Token], m: Measure, hints: _Hints) -> Measure:
    """The measure without its bound when "over" means "during" (see `_DURATION_VERBS`)."""
    if m.qualifier != "over" or m.dimension != "duration" or m.start == 0:
        return m
    before = hints.tokens.get(tokens[m.start - 1].start)
    if before is None:
        return m
    is_noun = before.pos_ in {"NOUN", "PROPN"}
    other_verb = before.pos_ == "VERB" and before.lemma_.lower() not in _DURATION_VERBS
    if not (is_noun or other_verb):
        return m
    return _without_bound(m)


# Words after which "over" says what a dispute is about ("a strike over 1,800 job cuts"):
# the figure is exact (see the lexicon's notes).
_DISPUTE_WORDS = load_words("quantities/dispute_words")


def _over_a_dispute(tokens: list[Token], m: Measure) -> Measure:
    """The measure without its bound when "over" follows a word of dispute."""
    if m.qualifier != "over" or m.start == 0 or tokens[m.start - 1].low not in _DISPUTE_WORDS:
        return m
    return _without_bound(m)


def _without_bound(m: Measure) -> Measure:
    """The measure read from its number alone, "over" left out of its span."""
    value = m.value if m.value is not None else m.lower
    if m.number.value is None or value is None:
        return m  # a vague amount ("over several years") keeps its range
    return replace(
        m,
        start=m.number.start,
        value=value,
        lower=None,
        upper=None,
        approximate=m.number.approximate,
        qualifier=None,
    )


def _ordinal_second(tokens: list[Token], m: Measure, hints: _Hints) -> bool:
    """ "a second nurse", "for a second term": the ordinal, not one second of time.

    The surface grammar reads "after a second" as a duration; the parse tells the ordinal
    by "second" modifying the noun after it. Common in news ("a second case", "a second
    victim"): 2 of the 116 quantities in 25 real articles were this, none a duration.
    """
    last = tokens[m.end - 1]
    if last.low != "second" or m.number.value != 1 or not m.number.spelled:
        return False
    token = hints.tokens.get(last.start)
    return token is not None and token.dep_ == "amod" and token.head.i > token.i


def _appositive_age(tokens: list[Token], m: Measure) -> bool:
    """ "Jane Okafor, 54, a former ...", "dies at 88"."""
    number = m.number
    if m.start != number.start or number.value is None:
        return False
    if not (number.value.is_integer() and 1 <= number.value <= 115):
        return False
    if (
        m.start >= 2
        and tokens[m.start - 1].low == "at"
        and tokens[m.start - 2].low in ("die", "dies", "died", "dying", "death")
    ):
        return True
    if number.spelled:
        return False
    before = tokens[m.start - 2] if m.start >= 2 else None
    after = tokens[m.end].text if m.end < len(tokens) else ""
    return (
        tokens[m.start - 1].text == ","
        and before is not None
        and before.text[:1].isupper()
        and before.text.isalpha()
        and before.text not in MONTHS
        and after in (",", ")", ";")
    )


def _names_something(
    text: str, tokens: list[Token], m: Measure, hints: _Hints, in_headline: bool
) -> bool:
    """A bare number that is part of a name or a date: "Windows 11", "Formula 1", "May 5"."""
    first = tokens[m.number.start]
    if m.start >= 2 and tokens[m.start - 1].low == "to" and tokens[m.start - 2].text in _WEEKDAYS:
        return False  # "detained since Saturday to 36": a weekday takes no number
    if any(hints.labels.get(tokens[k].start) in _NAME_LABELS for k in range(m.start, m.end)):
        return not in_headline or first.text.isdigit()
    if in_headline or m.start == 0:
        return False
    prev = tokens[m.start - 1]
    if not (prev.text[:1].isupper() and prev.text.isalpha()) or prev.text in _WEEKDAYS:
        return False
    if "\n" in text[prev.end : tokens[m.start].start]:
        return False  # the headline's last word, then the body's first: "... Orlen\n\nSome 85"
    if m.start >= 2:
        before = tokens[m.start - 2]
        gap = "\n" in text[before.end : prev.start]
        if before.text in _SENTENCE_OPENERS or gap:
            return False  # "... said. Three people died": the capital opens a sentence
    else:
        return False
    return True
