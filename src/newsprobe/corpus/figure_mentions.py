"""What each figure of an article measures, and of which event: the keys figures align by.

A figure lines up with another outlet's only when both measure the same thing of the
same event: the duration of the meeting ("met for 45 minutes", "the talks lasted about an
hour", "a 45-minute meeting", "pendant trois quarts d'heure"), the number injured, the
number of firefighters. A `FigureMention` carries, for one quantity:

- `measure`: for a duration, the kind of event it lasts (the event words nearest to it
  in its sentence, in the article's language: "meeting", "fire"...; else the event the
  `events` analyzer links it to; else "unknown"); for casualties, who (dead, injured,
  missing); for a count, what is counted ("firefighters"); for money, the currency;
- `scope`: "main" for the story's event, or "other:<year or marker>:<kind>" when its
  sentence points at another event: "last month's attack", "l'an dernier", "In 2024 a
  blaze ...", an event the analyzer dates a month or more away from the article's own.

Quantities inside quotation marks are the speaker's words, not the outlet's report; they
are left out. Counts of two or fewer ("the two leaders") say nothing to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsprobe.corpus.i18n.dates import years_named
from newsprobe.corpus.i18n.lexicon import LANGUAGES, lexicon, phrase_pattern
from newsprobe.corpus.view import ArticleView
from newsprobe.findings import EventFinding, QuantityFinding, Span

__all__ = ["ALIGNED_DIMENSIONS", "FigureMention", "figure_mentions"]

#: Dimensions whose figures are aligned across outlets. Percentages, distances and
#: ratios in news are mostly background ("200 kilometres away"), rarely the disputed
#: figure of an event.
ALIGNED_DIMENSIONS = frozenset({"duration", "casualties", "count", "money"})
# A count this small is a fact of the sentence's grammar ("the two leaders").
_MIN_COUNT = 3
# An event the analyzer dates this many days or more from the article's own event day
# is another event (same month or next: the same one, re-reported).
_OTHER_EVENT_DAYS = 45

# From a day on, a duration after "in" or "since" is an interval ("in two years").
_LONG_INTERVAL = 1440.0

# English event types of the `events` analyzer -> the event kinds of the word tables.
_EVENT_TYPES = {
    "meeting": "meeting",
    "attack": "attack",
    "death_toll": "attack",
    "disaster": "fire",
    "strike": "strike",
    "election": "election",
    "protest": "protest",
    "accident": "accident",
}


@dataclass(frozen=True, slots=True)
class FigureMention:
    """One figure of one article, with what it measures."""

    view: ArticleView
    quantity: QuantityFinding
    dimension: str
    measure: str
    scope: str
    sentence: tuple[int, int]
    in_headline: bool
    cited_outlet: str | None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.dimension, self.measure, self.scope)

    @property
    def span(self) -> Span:
        return self.quantity.span


@lru_cache(maxsize=8)
def _event_words(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    lex = lexicon(language)
    return phrase_pattern(list(lex.event_words)), lex.event_words


@lru_cache(maxsize=8)
def _intervals(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    lex = lexicon(language)
    before = phrase_pattern(list(lex.interval_before))
    after = phrase_pattern(list(lex.interval_after))
    return (
        re.compile(rf"(?:{before.pattern})\s*$", re.IGNORECASE) if before else None,
        re.compile(rf"^\s*(?:{after.pattern})", re.IGNORECASE) if after else None,
    )


def _is_interval(view: ArticleView, q: QuantityFinding, sentence: tuple[int, int]) -> bool:
    """ "two years ago", "the second fire in two years": a time span, not how long
    something lasted. A preposition like "in" marks one only for a day or more: "under
    control in 45 minutes" is how long the fire burned."""
    language = view.language if view.language in LANGUAGES else "en"
    before, after = _intervals(language)
    text = view.article.text
    left = text[sentence[0] : q.span.start]
    right = text[q.span.end : sentence[1]]
    amount = q.value or q.lower or q.upper or 0.0
    if after is not None and after.search(right):
        return True
    return before is not None and amount >= _LONG_INTERVAL and bool(before.search(left))


@lru_cache(maxsize=8)
def _other_event(language: str) -> re.Pattern[str] | None:
    return phrase_pattern(list(lexicon(language).other_event))


def _nearest_event_kind(sentence: str, at: int, language: str) -> str | None:
    """The event kind whose word is nearest to offset `at` of `sentence`."""
    pattern, kinds = _event_words(language)
    if pattern is None:
        return None
    best: tuple[int, str] | None = None
    for match in pattern.finditer(sentence):
        word = re.sub(r"\s+", " ", match.group().lower())
        distance = min(abs(match.start() - at), abs(match.end() - at))
        if word in kinds and (best is None or distance < best[0]):
            best = (distance, kinds[word])
    return best[1] if best else None


def _linked_event(view: ArticleView, q: QuantityFinding) -> EventFinding | None:
    for event in view.events:
        if event.duration == q.id or event.span.contains(q.span):
            return event
    return None


def _measure(view: ArticleView, q: QuantityFinding, sentence: tuple[int, int]) -> str | None:
    text = view.text(sentence)
    language = view.language if view.language in LANGUAGES else "en"
    if q.dimension == "duration":
        if _is_interval(view, q, sentence):
            return None
        kind = _nearest_event_kind(text, q.span.start - sentence[0], language)
        if kind is None and (event := _linked_event(view, q)) is not None:
            kind = _EVENT_TYPES.get(event.event_type)
        return kind or "unknown"
    if q.dimension == "casualties":
        about = (q.about or "").lower()
        return lexicon("en").casualty_words.get(about, about or "unknown")
    if q.dimension == "count":
        amount = next((v for v in (q.value, q.lower, q.upper) if v is not None), 0.0)
        if not q.about or amount < _MIN_COUNT:
            return None
        return q.about.lower()
    if q.dimension == "money":
        return q.unit or "money"
    return None


def _scope(
    view: ArticleView, q: QuantityFinding, sentence: tuple[int, int], event_day: date | None
) -> str:
    text = view.text(sentence)
    language = view.language if view.language in LANGUAGES else "en"
    kind = _nearest_event_kind(text, q.span.start - sentence[0], language) or "event"
    published = view.article.published
    home_year = event_day.year if event_day else published.year if published else None
    other_years = [y for y in years_named(text) if home_year is not None and y != home_year]
    if other_years:
        return f"other:{other_years[0]}:{kind}"
    marker = _other_event(language)
    found = marker.search(text) if marker else None
    if found:
        return f"other:{found.group().lower()}:{kind}"
    event = _linked_event(view, q)
    if event is not None and event.time and event_day is not None:
        when = _start_of(event.time)
        if when is not None and abs((when - event_day).days) >= _OTHER_EVENT_DAYS:
            return f"other:{event.time}:{kind}"
    return "main"


def _start_of(iso: str) -> date | None:
    """The first day of an ISO date, month or year ("2024" -> 2024-01-01); None for weeks."""
    for pattern, fill in (
        (r"\d{4}-\d{2}-\d{2}", ""),
        (r"\d{4}-\d{2}", "-01"),
        (r"\d{4}", "-01-01"),
    ):
        if re.fullmatch(pattern, iso):
            return date.fromisoformat(iso + fill)
    return None


def figure_mentions(view: ArticleView, *, event_day: date | None) -> list[FigureMention]:
    """The figures of one article that can be aligned, with their keys.

    Args:
        view: the article.
        event_day: the day of the article's main event, when known (from its profile);
            an event the analyzer dates far from it is another event.
    """
    found: list[FigureMention] = []
    for q in view.figures:
        if q.dimension not in ALIGNED_DIMENSIONS or view.inside_quote(q.span):
            continue
        sentence = view.sentence_at(q.span.start) or (q.span.start, q.span.end)
        measure = _measure(view, q, sentence)
        if measure is None:
            continue
        found.append(
            FigureMention(
                view=view,
                quantity=q,
                dimension=q.dimension,
                measure=measure,
                scope=_scope(view, q, sentence, event_day),
                sentence=sentence,
                in_headline=q.span.end <= view.article.headline.end,
                cited_outlet=view.cited_outlet(q.span),
            )
        )
    return found
