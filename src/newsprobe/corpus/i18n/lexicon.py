"""The word tables of one language, loaded once from `languages/<code>.json`.

The tables are data so that a reader of French news can correct "une vingtaine" without
reading Python:

- number words that mean "about N" ("une vingtaine", "una ventina"), the words that make
  a number approximate ("rund", "environ", "unos"), a lower bound ("plus de", "mehr
  als", "oltre", "más de") or an upper one;
- duration units and phrases ("trois quarts d'heure" = 45 minutes), shares and changes
  in words, in percent ("d'un tiers" = 33.3, "um die Hälfte" = 50), counted nouns, the
  verbs before a count that say what happened to the people counted ("detained 14
  people", "detuvo a 12 personas": arrested), casualty words, scale words ("milliard",
  "Milliarden", "millones"), currencies (as the English analyzer names them: "marks",
  "Mark", "marchi", "marcos" are "mark"), the words that name a figure's giver after it
  ("según", "selon", "laut": "18.000, según la policía"),
  measurement units ("km/h", "pour cent", "tonnellate"), and those named before their
  number ("magnitude 6,1", "der Stärke 6,1", "magnitudo 6.1");
- the words that name an event's kind; the words that point at an earlier event, with
  how many years back ("il y a deux ans": two; "le mois dernier": this year; "à
  l'époque": unknown); the words that make a duration an interval ("two years ago",
  "vor drei Jahren") rather than how long something lasted, and those that put the
  interval before the story ("two days earlier", "zwei Tage zuvor"): a figure in its
  clause is another event's; the words that make a count an addition to one given
  before ("14 more police officers", "another three people", "weitere drei");
- the words that make a share a target or a limit rather than a measurement ("its 2%
  target", "objectif de 2 %", "Inflationsziel von 2 Prozent");
- the words that put a weekday after publication ("would meet on Monday", "wird am
  Montag", "lundi prochain");
- the capitalized words that are not names.

English has a table too, for the event and casualty words: cross-checking reads every
language's sentences the same way.

    >>> lexicon("fr").approximate_numbers["une vingtaine"]
    20.0
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["LANGUAGES", "Lexicon", "lexicon", "phrase_pattern"]

#: Languages with a table (ISO 639-1).
LANGUAGES: tuple[str, ...] = ("de", "en", "es", "fr", "it")

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def fold_apostrophes(text: str) -> str:
    """Typographic apostrophes as ASCII ones (same length: spans are kept)."""
    return text.translate(_APOSTROPHES)


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of `phrases` as whole words, longest first.

    Returns None for an empty list (nothing can match).
    """
    if not phrases:
        return None
    alternatives = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True)
    )
    # A phrase ending in an apostrophe ("plus d'") is followed by a word at once. A phrase
    # starts after a word boundary, or after an elided article or preposition of French
    # and Italian ("l'intervention", "d'ammoniac", "dell'incendio"), never inside a word.
    return re.compile(rf"{_PHRASE_START}(?:{alternatives})(?:(?<=')|(?![\w]))", re.IGNORECASE)


_PHRASE_START = (
    r"(?:(?<![\w'’])|(?<=\b\w['’])|(?<=\b\w\w['’])|(?<=\b\w\w\w['’])|(?<=\b\w\w\w\w['’]))"
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's tables (see the module docstring); phrases are lower case."""

    language: str
    connectors: frozenset[str]
    articles: frozenset[str]
    number_links: frozenset[str]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    relative_days: dict[str, int]
    future_markers: frozenset[str]
    duration_units: dict[str, float]
    duration_phrases: dict[str, float]
    share_phrases: dict[str, float]
    approximate_numbers: dict[str, float | None]
    approximate: tuple[str, ...]
    just_under: frozenset[str]
    just_over: frozenset[str]
    lower: tuple[str, ...]
    upper: tuple[str, ...]
    count_nouns: dict[str, str]
    fate_verbs: dict[str, str]
    according_to: tuple[str, ...]
    casualty_words: dict[str, str]
    event_words: dict[str, str]
    other_event: dict[str, int | None]
    scales: dict[str, float]
    currencies: dict[str, str]
    units: dict[str, tuple[str, str, float]]
    units_before: dict[str, tuple[str, str, float]]
    interval_before: tuple[str, ...]
    interval_after: tuple[str, ...]
    interval_relative: tuple[str, ...]
    interval_past: tuple[str, ...]
    increment_before: tuple[str, ...]
    increment_after: tuple[str, ...]
    subset_before: tuple[str, ...]
    reference_before: tuple[str, ...]
    reference_after: tuple[str, ...]
    not_names: frozenset[str]

    @property
    def qualifiers(self) -> dict[str, str]:
        """Every qualifier phrase -> "approximate", "lower" or "upper"."""
        return (
            dict.fromkeys(self.approximate, "approximate")
            | dict.fromkeys(self.lower, "lower")
            | dict.fromkeys(self.upper, "upper")
        )


def _inverted(groups: dict[str, list[str]]) -> dict[str, str]:
    """{"dead": ["morts", "tués"]} -> {"morts": "dead", "tués": "dead"}."""
    return {fold_apostrophes(w.lower()): name for name, words in groups.items() for w in words}


def _lower(words: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fold_apostrophes(w.lower()) for w in words))


@cache
def lexicon(language: str) -> Lexicon:
    """The tables of `language` (an ISO 639-1 code in `LANGUAGES`).

    Raises:
        KeyError: there is no table for that language.
    """
    if language not in LANGUAGES:
        raise KeyError(f"no word tables for language {language!r}; known: {LANGUAGES}")
    raw = json.loads(
        resources.files(__package__).joinpath(f"languages/{language}.json").read_text("utf-8")
    )
    return Lexicon(
        language=language,
        connectors=frozenset(_lower(raw["connectors"])),
        articles=frozenset(_lower(raw["articles"])),
        number_links=frozenset(_lower(raw["number_links"])),
        weekdays=_lower(raw["weekdays"]),
        months=_lower(raw["months"]),
        relative_days={fold_apostrophes(k): int(v) for k, v in raw["relative_days"].items()},
        future_markers=frozenset(_lower(raw["future_markers"])),
        duration_units={k.lower(): float(v) for k, v in raw["duration_units"].items()},
        duration_phrases={
            fold_apostrophes(k.lower()): float(v) for k, v in raw["duration_phrases"].items()
        },
        share_phrases={
            fold_apostrophes(k.lower()): float(v) for k, v in raw.get("share_phrases", {}).items()
        },
        approximate_numbers={
            fold_apostrophes(k.lower()): None if v is None else float(v)
            for k, v in raw["approximate_numbers"].items()
        },
        approximate=_lower(raw["approximate"]),
        just_under=frozenset(_lower(raw["just_under"])),
        just_over=frozenset(_lower(raw["just_over"])),
        lower=_lower(raw["lower"]),
        upper=_lower(raw["upper"]),
        count_nouns=_inverted(raw["count_nouns"]),
        fate_verbs=_inverted(raw["fate_verbs"]),
        according_to=_lower(raw["according_to"]),
        casualty_words=_inverted(raw["casualty_words"]),
        event_words=_inverted(raw["event_words"]),
        other_event={
            fold_apostrophes(k.lower()): None if v is None else int(v)
            for k, v in raw["other_event"].items()
        },
        scales={fold_apostrophes(k.lower()): float(v) for k, v in raw["scales"].items()},
        currencies={k.lower(): str(v) for k, v in raw["currencies"].items()},
        units={
            fold_apostrophes(k.lower()): (str(v[0]), str(v[1]), float(v[2]))
            for k, v in raw["units"].items()
        },
        units_before={
            fold_apostrophes(k.lower()): (str(v[0]), str(v[1]), float(v[2]))
            for k, v in raw.get("units_before", {}).items()
        },
        interval_before=_lower(raw["interval_before"]),
        interval_after=_lower(raw["interval_after"]),
        interval_relative=_lower(raw.get("interval_relative", [])),
        interval_past=_lower(raw.get("interval_past", [])),
        increment_before=_lower(raw.get("increment_before", [])),
        increment_after=_lower(raw.get("increment_after", [])),
        subset_before=_lower(raw.get("subset_before", [])),
        reference_before=_lower(raw.get("reference_before", [])),
        reference_after=_lower(raw.get("reference_after", [])),
        not_names=frozenset(raw["not_names"]),
    )
