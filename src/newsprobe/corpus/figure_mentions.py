"""What each figure of an article measures, and of which event: what figures align by.

A figure lines up with another outlet's only when both measure the same thing of the
same event: the duration of the meeting ("met for 45 minutes", "the talks lasted about an
hour", "a 45-minute meeting", "pendant trois quarts d'heure"), the number injured, the
number of firefighters sent. A `FigureMention` carries, for one quantity:

- `measure`: for a duration, the kind of event it lasts (the event words nearest to it in
  its sentence, in the article's language: "meeting", "fire"...; else the event the
  `events` analyzer links it to; else "unknown"); for casualties, who (dead, injured,
  missing); for a count, what is counted ("firefighters"); otherwise the unit;
- `nouns` and `context`: the words after a count ("4,200 bus and tram drivers") and the
  content words of its clause, which tell two figures of one kind apart (firefighters
  sent, firefighters treated);
- `scope`: "main" for the story's event, or "other:<year>" (or "other:<marker>") when its
  clause points at another event: "last month's attack", "two years ago", "In 2024 a
  blaze ...", or a name the article ties to another event elsewhere ("at Castelmar two
  years ago" ... "the three-hour Castelmar summit").

Durations that are intervals ("two years ago", "the second fire in two years") are left
out, and so are counts of two or fewer ("the two leaders"): they say nothing to check.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

from newsprobe.analyzers.quantities.numbers import parse_number
from newsprobe.analyzers.quantities.rules import ESTIMATE
from newsprobe.analyzers.shared.corrections import in_correction_notice
from newsprobe.corpus.content import content_words, stem
from newsprobe.corpus.figure_sources import ASIDE, PIECE_END, giver, holders
from newsprobe.corpus.i18n.dates import years_named
from newsprobe.corpus.i18n.lexicon import LANGUAGES, Lexicon, lexicon, phrase_pattern
from newsprobe.corpus.names import fold
from newsprobe.corpus.view import ArticleView
from newsprobe.findings import EntityFinding, EventFinding, QuantityFinding, Span

__all__ = [
    "SKIPPED_DIMENSIONS",
    "FigureMention",
    "figure_mentions",
    "other_event_names",
    "own_names",
]

#: Dimensions never aligned: a ratio ("twice as many") compares two figures, an age is a
#: fact about a person, not about the event.
SKIPPED_DIMENSIONS = frozenset({"ratio", "age"})
# A count this small is a fact of the sentence's grammar ("the two leaders").
_MIN_COUNT = 3
# An event the analyzer dates this many days or more from the article's own event day
# is another event (same month or next: the same one, re-reported).
_OTHER_EVENT_DAYS = 45
# From a day on, a duration after "in" or "since" is an interval ("in two years").
_LONG_INTERVAL = 1440.0
# Words read after a count for what it counts ("4,200 bus and tram drivers").
_NOUN_WINDOW = 4
# Clause boundaries; a comma before "which", "who"... does not end the clause: "the Orsk
# horror of 2019, which claimed 43 lives" is one event, and so is "the Orsk derailment in
# 2019, in which 41 people died" (a preposition before the relative pronoun).
_CLAUSE_END = re.compile(r"[;:—–()]|,(?!\s+(?:(?:in|during|at|of|after|for)\s+which|which|who|"
                         r"whose|that|where|when|qui|que|dont|der|die|das|che|cui|que|quien|"
                         r"donde)\b)", re.IGNORECASE)  # fmt: skip

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
    context: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    claimant: frozenset[str] = frozenset()
    """Words of who gives the figure ("police", "federation"), when the article says."""
    holders: frozenset[str] = frozenset()
    """Words of the names nearest before the figure in its sentence: whose figure it is
    ("the Greens took 24 seats", "Aalto's Civic Union ... 19 seats")."""
    places: frozenset[str] = frozenset()
    """The places (towns, regions, sites) named in the figure's sentence, folded, in
    English articles: "eight were killed in Shaffa" and "five were killed in Gava" are
    two incidents."""

    @property
    def span(self) -> Span:
        return self.quantity.span

    @property
    def unit(self) -> str | None:
        return self.quantity.unit

    @property
    def amount(self) -> float:
        """The value, or the bound when there is no value (for comparing magnitudes)."""
        q = self.quantity
        return next((v for v in (q.value, q.lower, q.upper) if v is not None), 0.0)

    def with_measure(self, measure: str) -> FigureMention:
        return replace(self, measure=measure)


def _lexicon(view: ArticleView) -> Lexicon:
    return lexicon(view.language if view.language in LANGUAGES else "en")


@lru_cache(maxsize=8)
def _patterns(language: str) -> dict[str, re.Pattern[str] | None]:
    lex = lexicon(language)
    before = phrase_pattern(list(lex.interval_before))
    after = phrase_pattern(list(lex.interval_after))
    relative = phrase_pattern(list(lex.interval_relative))
    past = phrase_pattern(list(lex.interval_past))
    added_before = phrase_pattern(list(lex.increment_before))
    added_after = phrase_pattern(list(lex.increment_after))
    subset = phrase_pattern(list(lex.subset_before))
    return {
        "subset_before": re.compile(rf"(?:{subset.pattern})\s*$", re.I) if subset else None,
        "increment_before": (
            re.compile(rf"(?:{added_before.pattern})\s*$", re.I) if added_before else None
        ),
        "increment_after": (
            re.compile(rf"^\s*(?:{added_after.pattern})(?!\s+(?:than|que|als|di)\b)", re.I)
            if added_after
            else None
        ),
        "interval_relative": re.compile(rf"^\s*(?:{relative.pattern})", re.I) if relative else None,
        "events": phrase_pattern(list(lex.event_words)),
        "other": phrase_pattern(list(lex.other_event)),
        "interval_before": re.compile(rf"(?:{before.pattern})\s*$", re.I) if before else None,
        "interval_after": re.compile(rf"^\s*(?:{after.pattern})", re.I) if after else None,
        "interval_past": re.compile(rf"^\s*(?:{past.pattern})", re.I) if past else None,
    }


#: The longest an event of a kind lasts, in minutes: a longer duration said near it or
#: of it is something else's (a career, a sentence served). Only kinds that are over
#: within days: a strike, talks or a fire can run for months. A siege is an "operation".
_LONGEST = {"attack": 31 * 1440.0, "accident": 2 * 1440.0}


def _minutes(q: QuantityFinding) -> float:
    return next((v for v in (q.value, q.lower, q.upper) if v is not None), 0.0)


def _nearest_event_kind(text: str, at: int, language: str) -> str | None:
    """The event kind whose word is nearest to offset `at` of `text`."""
    pattern = _patterns(language)["events"]
    if pattern is None:
        return None
    kinds = lexicon(language).event_words
    best: tuple[int, str] | None = None
    for match in pattern.finditer(text):
        word = re.sub(r"\s+", " ", match.group().lower())
        distance = min(abs(match.start() - at), abs(match.end() - at))
        if word in kinds and (best is None or distance < best[0]):
            best = (distance, kinds[word])
    return best[1] if best else None


# How far before a relative clause its event antecedent is looked for: "The trial,
# which lasted" is five characters; "the talks in Geneva, which lasted" fifteen.
_ANTECEDENT_CHARS = 20


def _aside(text: str, span: Span, sentence: tuple[int, int]) -> tuple[int, int]:
    """The relative clause set off by commas that holds `span`, else the sentence: what
    it describes is someone's past, not the event ("Viktor Lasko, who ran Keldor for
    more than a decade, was jailed for nine years": the decade is no prison term)."""
    for found in ASIDE.finditer(text, sentence[0], sentence[1]):
        if found.start() < span.start and span.end <= found.end():
            return found.start(), found.end()
    return sentence


def _clause(view: ArticleView, span: Span, sentence: tuple[int, int]) -> tuple[int, int]:
    """The clause of `sentence` that holds `span`."""
    text = view.article.text
    start, end = sentence
    for match in _CLAUSE_END.finditer(text, sentence[0], sentence[1]):
        if match.end() <= span.start:
            start = match.end()
        elif match.start() >= span.end:
            end = match.start()
            break
    return start, end


# "since 1987", "depuis 1987", "seit 1987", "dal 1987", "desde 1987": the year of a
# comparison ("the strongest since 1987"), which makes what follows it another event ("...,
# when 58 people died") but not the figures before it ("The magnitude 6.1 tremor was the
# strongest to hit the region since 1987").
_SINCE_YEAR = re.compile(
    r"\b(?:since|depuis|seit|dal|dall'|desde)\s*(?:\w+\s+){0,2}(?:1[89]|20)\d\d\b", re.IGNORECASE
)


def _before_since(text: str, clause: tuple[int, int], span: Span) -> int:
    """Where the part of `clause` that can name the figure's event ends: before a "since
    <year>" after the figure, else the clause's end."""
    found = _SINCE_YEAR.search(text, span.end, clause[1])
    return found.start() if found else clause[1]


# Words before a duration that make it how long something lasted ("for an hour after").
_LASTING = re.compile(
    r"\b(?:for|lasted|lasting|lasts|last|pendant|durant|lang|per|durante)\s+"
    r"(?:(?:about|around|nearly|almost|just|over|some|more than|less than)\s+)?$",
    re.IGNORECASE,
)


def _is_interval(view: ArticleView, q: QuantityFinding, sentence: tuple[int, int]) -> bool:
    """ "two years ago", "the second fire in two years": a time span, not how long
    something lasted. A preposition like "in" marks one only for a day or more: "under
    control in 45 minutes" is how long the fire burned."""
    patterns = _patterns(_lexicon(view).language)
    text = view.article.text
    left, right = text[sentence[0] : q.span.start], text[q.span.end : sentence[1]]
    amount = next((v for v in (q.value, q.lower, q.upper) if v is not None), 0.0)
    after, before = patterns["interval_after"], patterns["interval_before"]
    if after is not None and after.search(right):
        return True
    # "comes one day after militants declared", "un jour après": how far apart two things
    # are; not "talked for an hour after lunch", which says how long they talked.
    relative = patterns["interval_relative"]
    if relative is not None and relative.search(right) and not _LASTING.search(left):
        return True
    return before is not None and amount >= _LONG_INTERVAL and bool(before.search(left))


def _linked_event(view: ArticleView, q: QuantityFinding) -> EventFinding | None:
    for event in view.events:
        if event.duration == q.id or event.span.contains(q.span):
            return event
    return None


# How far after a count a phrase of what befell the people counted is read, in words of
# its piece: "Vier Passagiere wurden bei der Evakuierung leicht verletzt" is seven (five
# until the German verb-last clause was met, 2026-12-07 probe of a four-outlet air
# incident; a comma or dash ends the piece, so "..., and 11 people were checked" stays out).
_PHRASE_AFTER_WORDS = 7


# An aside right after a count that says who is among those counted: what befell them is
# said after it ("Thirty people, including 22 police, have been arrested").
_WHO_AMONG = re.compile(
    r",\s*(?:including|among them|mostly|most of them|many of them|all of them|dont|"
    r"darunter|tra cui|tra loro|entre ellos|entre ellas)\b[^,;:()]{0,60},",
    re.IGNORECASE,
)


def _phrase_after(
    view: ArticleView, q: QuantityFinding, sentence: tuple[int, int], table: Mapping[str, str]
) -> str | None:
    """The class of the first phrase of `table` in the words after a count, within its
    piece of the sentence: "Three of them were treated in hospital" (injured), "300
    residents were evacuated", "Four passengers were treated for minor injuries", "Vier
    Passagiere wurden bei der Evakuierung leicht verletzt" (the verb last). The next count
    ends it: in "some 3,000 people marched and 22 were detained" the 3,000 were not."""
    text = view.article.text

    def next_count(start: int) -> int:
        starts = (f.span.start for f in view.figures if start <= f.span.start < sentence[1])
        return min(starts, default=sentence[1])

    stop = next_count(q.span.end)
    end = PIECE_END.search(text, q.span.end, stop)
    after = text[q.span.end : end.start() if end else stop]
    if end is not None and (aside := _WHO_AMONG.match(text, end.start(), sentence[1])):
        stop = next_count(aside.end())  # the aside's own count ("including 22 police")
        rest = PIECE_END.search(text, aside.end(), stop)
        after += " " + text[aside.end() : rest.start() if rest else stop]
    words = re.findall(r"[^\W\d_]+", after.lower())
    for i in range(min(len(words), _PHRASE_AFTER_WORDS)):
        for size in (4, 3, 2, 1):  # "brought to the surface", "seriously hurt", "injured"
            phrase = " ".join(words[i : i + size])
            if phrase in table:
                return table[phrase]
    return None


# What happened to the people a count counts, said after it: "300 residents were
# evacuated" is a count of the displaced, not of residents, and aligns with "280 people
# had to leave their homes", "2,000 people are homeless" and "1,500 were displaced" (the
# `count_nouns` class "displaced" of the lexicons), never with "400 people slept in tents".
_FATES = frozenset({"displaced", "arrested", "rescued"})
# Classes of counted people what befalls them is said of ("Seven trapped miners were
# brought to the surface alive": rescued, not a count of the trapped).
_PERSONS = frozenset(
    {"people", "miners", "police", "soldiers", "officials", "hostages", "children", "crew"}
)


# The longest phrase of `fate_verbs`, in words ("han detenido a").
_FATE_VERB_WORDS = 3


def _fate_before(view: ArticleView, q: QuantityFinding, sentence: tuple[int, int]) -> str | None:
    """What happened to the people counted, said by the verb right before the count:
    "Police detained 14 people" counts the arrested, as "14 people were detained" does
    ("detuvo a 12 personas" too). Only right before: in "two men were arrested after
    300 people gathered" the 300 are not the arrested."""
    words = re.findall(r"[^\W\d_]+", view.article.text[sentence[0] : q.span.start].lower())
    verbs = _lexicon(view).fate_verbs
    phrases = (" ".join(words[-size:]) for size in range(1, _FATE_VERB_WORDS + 1))
    return next((verbs[p] for p in phrases if p in verbs), None)


@lru_cache(maxsize=len(LANGUAGES))
def _fates(language: str) -> dict[str, str]:
    """The phrases of a language's `count_nouns` that say what happened to people."""
    return {p: c for p, c in lexicon(language).count_nouns.items() if c in _FATES}


#: The measure of bodies found: "28 bodies were recovered from the graves" counts what
#: searchers found so far, not the toll of the attack ("six people were killed"), and on
#: real coverage of mass graves each disputed the other. English: the casualty analyzer
#: reads "bodies" as dead there only.
BODIES = "bodies found"
_BODIES = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:bodies|corpses|remains)\b", re.IGNORECASE)


def _measure(view: ArticleView, q: QuantityFinding, sentence: tuple[int, int]) -> str | None:
    language = _lexicon(view).language
    if q.dimension == "duration":
        if _is_interval(view, q, sentence):
            return None
        start, end = _aside(view.article.text, q.span, sentence)
        kind = _nearest_event_kind(view.text((start, end)), q.span.start - start, language)
        if kind is None and (start, end) != sentence:
            # "The trial, which lasted 14 months, ...": the clause tells of the event it
            # follows, when that is an event word.
            before = view.text((max(sentence[0], start - _ANTECEDENT_CHARS), start))
            kind = _nearest_event_kind(before, len(before), language)
        if kind is None and (event := _linked_event(view, q)) is not None:
            kind = _EVENT_TYPES.get(event.event_type)
        if kind in _LONGEST and _minutes(q) > _LONGEST[kind]:
            return "unknown"  # "served the police for 29 years": a career, not the attack
        return kind or "unknown"
    if q.dimension == "casualties":
        about = (q.about or "").lower()
        measure = lexicon("en").casualty_words.get(about, about or "unknown")
        if measure == "dead" and _BODIES.match(view.article.text, q.span.end):
            return BODIES
        return measure
    if q.dimension == "count":
        # "passengers", "workers", "Passagiere" are people as much as "people" is.
        people = q.about is None or _count_class(view, q) in ("people", "person")
        if people and (hurt := _phrase_after(view, q, sentence, _lexicon(view).casualty_words)):
            return f"casualties:{hurt}"
        counted = "people" if people else lexicon("en").count_nouns.get(str(q.about).lower())
        fate = _phrase_after(view, q, sentence, _fates(language)) or _fate_before(view, q, sentence)
        if fate in _FATES and counted in _PERSONS:
            return fate
        amount = next((v for v in (q.value, q.lower, q.upper) if v is not None), 0.0)
        if amount < _MIN_COUNT:
            return None
        if not q.about or q.about == ESTIMATE:
            return "unknown"  # "an estimate of 32,000": of what the story counts (alignment)
        # "residents", "villagers", "passengers" are all counts of people, as the other
        # languages' "habitants" and "Einwohner" are: one class per kind of thing counted.
        about = q.about.lower()
        return lexicon("en").count_nouns.get(about, about)
    if q.dimension == "percent" and _is_reference(view, q):
        return TARGET
    return q.unit or q.dimension


#: The measure of a share that is a target or a limit ("inflation above its 2% target"):
#: it lines up with other targets, never with the inflation measured.
TARGET = "target"
# How far before a share its reference words may end: "a target of 2 per cent".
_REFERENCE_REACH = 40


def _is_reference(view: ArticleView, q: QuantityFinding) -> bool:
    """Whether a share is a target or limit: "its 2% target", "a target of 2%",
    "l'objectif de 2 %", "Inflationsziel von 2 Prozent" (the language's `reference_*`)."""
    patterns = _reference_patterns(_lexicon(view).language)
    text = view.article.text
    before = text[max(0, q.span.start - _REFERENCE_REACH) : q.span.start].lower()
    after = text[q.span.end : q.span.end + _REFERENCE_REACH].lower()
    ends_before = patterns[0] is not None and patterns[0].search(before) is not None
    starts_after = patterns[1] is not None and patterns[1].match(after) is not None
    return ends_before or starts_after


@cache
def _reference_patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(reference words ending right before a share, a reference noun right after it)."""
    lex = lexicon(language)
    before = phrase_pattern(list(lex.reference_before))
    after = phrase_pattern(list(lex.reference_after))
    return (
        None if before is None else re.compile(rf"(?:{before.pattern})\s*$", re.IGNORECASE),
        None if after is None else re.compile(rf"[\s-]*(?:{after.pattern})", re.IGNORECASE),
    )


def _home_year(view: ArticleView, event_day: date | None) -> int | None:
    published = view.article.published
    return event_day.year if event_day else published.year if published else None


def _other_scope(view: ArticleView, clause: str, home: int | None) -> str | None:
    """ "other:2024" when the clause points at another event, else None."""
    # A later year is a plan or a target ("savings of 90 million marks a year by 2029"),
    # said of the story's own event; only an earlier one is another event.
    other_years = [y for y in years_named(clause) if home is not None and y < home]
    if other_years:
        return f"other:{other_years[0]}"
    marker = _patterns(_lexicon(view).language)["other"]
    found = marker.search(clause) if marker else None
    if found is None:
        return None
    phrase = re.sub(r"\s+", " ", found.group().lower())
    back = _lexicon(view).other_event.get(phrase)
    if back is not None and home is not None:
        return f"other:{home + back}"
    return f"other:{phrase}"


# Entity labels that name where or what an event was: "at Castelmar", "the Orsk horror"
# (the small model tags many places as people).
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "EVENT", "ORG", "PERSON"})


# A nationality or group's name: "Ordanian", "Ostrelians", "Kurds", "Dutch".
_DEMONYM = re.compile(r"(?:an|ans|ian|ians|ese|ish|ic|i|is|ch|s)$", re.IGNORECASE)


def _labelled(entity: EntityFinding, labels: frozenset[str]) -> bool:
    """Whether an entity names a place or event by `labels`; the small model tags some
    places as nationalities ("the Brask pit" as NORP), which count unless they read as
    one ("Ordanian grain" is no place of another event)."""
    if entity.label in labels:
        return True
    return entity.label == "NORP" and not _DEMONYM.search(entity.canonical)


# Names a story's articles share as another event's: places and named events. People
# (and the small model's people that are places) are left out: a fire chief quoted in the
# paragraph about last year's blaze still speaks of this one.
_SHARED_LABELS = frozenset({"GPE", "LOC", "FAC", "EVENT"})


# A clause that opens with an English participle goes on with the clause before it:
# "two days after a driver hit two soldiers, killing one".
_PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")

_SINCE = re.compile(r"\s*(?:since|depuis|seit|dal|dall'|desde)\b", re.IGNORECASE)


def _opener_scope(
    view: ArticleView, sentence: tuple[int, int], clause: tuple[int, int], home: int | None
) -> str | None:
    """The other event a sentence's fronted time phrase points at, for the clauses after
    it: in "Two years ago, a blaze at the plant killed 12" the figure's own clause does
    not say when, the comma-ended opener does."""
    text = view.article.text
    opener = _CLAUSE_END.search(text, sentence[0], sentence[1])
    if opener is None or text[opener.start()] != "," or opener.end() > clause[0]:
        return None
    if _SINCE.match(text, sentence[0]):
        return None  # "Since the pipeline was shut in 2025, industry has paid...": until now
    return _other_scope(view, text[sentence[0] : opener.start()], home)


# An interval said without a number ("just months after", "weeks before"), which the
# quantities analyzer reads as no duration.
_VAGUE_INTERVAL = re.compile(
    r"\b(?:(?:just|only|mere|a\s+few|several|some)\s+)?(?:days|weeks|months|years)\b(?=\s+"
    r"(?:after|before|earlier|ago|prior)\b)",
    re.IGNORECASE,
)


def _earlier_from(
    view: ArticleView, sentence: tuple[int, int], clause: tuple[int, int]
) -> int | None:
    """Where an interval makes `clause` speak of an event before the story's, or None:
    "The attack comes two days after a man killed one soldier near Montreal" (from
    "after" on), "Three days earlier, a car hit two soldiers" (a fronted interval: the
    clauses after it), "a man who killed one soldier two days before" (the clause). A later
    interval is the story going on ("Two days later, the toll rose to 12"), and one in
    another clause says nothing of this one ("Two days after the attack, police said 12
    had died")."""
    patterns = _patterns(_lexicon(view).language)
    past, relative = patterns["interval_past"], patterns["interval_relative"]
    before = patterns["interval_before"]
    text = view.article.text
    spans = [f.span for f in view.figures if f.dimension == "duration"]
    if view.english:  # "just months after a blast killed ten miners": no number to read
        spans += [
            Span(start=m.start(), end=m.end())
            for m in _VAGUE_INTERVAL.finditer(text, sentence[0], sentence[1])
        ]
    for span in spans:
        if not (sentence[0] <= span.start and span.end <= sentence[1]):
            continue
        right = text[span.end : sentence[1]]
        left = text[sentence[0] : span.start]
        if _LASTING.search(left):
            continue  # "burned for four hours before it was brought under control"
        own = _clause(view, span, sentence)
        if (past is not None and past.search(right)) or (
            before is not None and before.search(left)
        ):
            if own == clause or (own[0] == sentence[0] and own[1] <= clause[0]):
                return clause[0]
        elif relative is not None and relative.search(right):
            if own == clause:
                return span.end
            next_one = own[1] < clause[0] and text[own[1] : clause[0]].strip() == ","
            if next_one and _PARTICIPLE.match(text, clause[0], clause[1]):
                return clause[0]  # "after a driver hit two soldiers, killing one"
    return None


def _entities_in(view: ArticleView, clause: tuple[int, int]) -> set[str]:
    """Ids of the place-like entities mentioned in a clause."""
    span = Span(start=clause[0], end=clause[1])
    return {
        e.id
        for e in view.entities.values()
        if _labelled(e, _PLACE_LABELS) and any(span.contains(m) for m in e.mentions)
    }


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _places(view: ArticleView, sentence: tuple[int, int]) -> frozenset[str]:
    """Folded names of the places named in a sentence of an English article (the
    entity recognizer reads English only)."""
    if not view.english:
        return frozenset()
    span = Span(start=sentence[0], end=sentence[1])
    return frozenset(
        fold(e.canonical)
        for e in view.entities.values()
        if e.label in _PLACES and any(span.contains(m) for m in e.mentions)
    )


def _own_names(view: ArticleView) -> set[str]:
    """The entities of the headline and the lede: the story's own, never another event's."""
    return {e for start, end in view.sentences.spans[:2] for e in _entities_in(view, (start, end))}


def other_event_names(view: ArticleView, *, event_day: date | None) -> dict[str, str]:
    """Entities the article ties to another event ("at Castelmar two years ago"), with
    that event's scope; never one named in the headline or the lede (the story's own).

    A story's articles share them (`figure_mentions`' `story_names`): one article says
    the ramming near Dovrin came "two days" before, another only "On Tuesday, a driver
    killed one soldier ... near Dovrin", which is the same earlier event."""
    found = _other_event_names(view, _home_year(view, event_day))
    return {
        fold(e.canonical): found[e.id]
        for e in view.entities.values()
        if e.id in found and _labelled(e, _SHARED_LABELS)
    }


def own_names(view: ArticleView) -> set[str]:
    """The names (folded) of the headline and the lede: the story's own event's."""
    return {fold(view.entities[e].canonical) for e in _own_names(view)}


# Each analysis's names by home year, kept while the analysis lives: an alignment reads
# them for the story's shared names (`other_event_names`) and again for each article's
# own figures, and the store reads them first to find the stories a story recalls, each
# time through a new `ArticleView` of the same analysis (a sixth of a stored cross-check).
# Keyed by identity: hashing a frozen analysis would hash all its findings.
_NAMES_READ: dict[int, dict[int | None, dict[str, str]]] = {}


def _other_event_names(view: ArticleView, home: int | None) -> dict[str, str]:
    key = id(view.analysis)
    if key not in _NAMES_READ:
        _NAMES_READ[key] = {}
        weakref.finalize(view.analysis, _NAMES_READ.pop, key, None)
    by_home = _NAMES_READ[key]
    if home not in by_home:
        by_home[home] = _read_other_event_names(view, home)
    return dict(by_home[home])


def _read_other_event_names(view: ArticleView, home: int | None) -> dict[str, str]:
    if not view.english:
        return {}  # capitalization names every German noun: no entities to go by
    text = view.article.text
    own = _own_names(view)
    found: dict[str, str] = {}
    for sentence in view.sentences.spans[2:]:
        for clause in _clauses(text, sentence):
            scope = _other_scope(view, text[clause[0] : clause[1]], home)
            scope = scope or _opener_scope(view, sentence, clause, home)
            if scope is None and (earlier := _earlier_from(view, sentence, clause)) is not None:
                scope, clause = "other:earlier", (earlier, clause[1])
            if scope is not None:
                for entity in _entities_in(view, clause) - own:
                    found.setdefault(entity, scope)
    return found


_WORD = re.compile(r"[^\W_]+")


def _named_in_text(text: str, names: Mapping[str, str]) -> str | None:
    """The scope of the first of `names` (folded) that `text` holds as whole words: how
    an article without entities (another language's) names a recalled event's place."""
    folded = " " + " ".join(_WORD.findall(fold(text))) + " "
    found = [(folded.find(f" {name} "), name) for name in names if f" {name} " in folded]
    return names[min(found)[1]] if found else None


def _clauses(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The clauses of a sentence, each as `_clause` gives it (without the delimiter after
    it), so a clause found here and one found around a figure compare equal."""
    clauses, start = [], sentence[0]
    for match in _CLAUSE_END.finditer(text, sentence[0], sentence[1]):
        clauses.append((start, match.start()))
        start = match.end()
    clauses.append((start, sentence[1]))
    return [(a, b) for a, b in clauses if b > a]


_CONTEXT_BEFORE, _CONTEXT_AFTER = 6, 3  # words around a figure that say what it measures


def _context(text: str, sentence: tuple[int, int], q: QuantityFinding) -> frozenset[str]:
    """Content words near the figure, within its comma-delimited piece of the sentence:
    "travelling at 78 km/h on a section" and "where the limit is 90 km/h" keep apart."""
    start, end = sentence
    for match in PIECE_END.finditer(text, sentence[0], sentence[1]):
        if match.end() <= q.span.start:
            start = match.end()
        elif match.start() >= q.span.end:
            end = match.start()
            break
    before = " ".join(text[start : q.span.start].split()[-_CONTEXT_BEFORE:])
    following = text[q.span.end : end]
    if next_one := _NEXT_HOLDER.search(following):
        following = following[: next_one.start()]  # "21.7 percent and National Renewal ..."
    after = " ".join(following.split()[:_CONTEXT_AFTER])
    return content_words(before) | content_words(after)


# A conjunction before a name after a figure: what follows is the next figure's holder
# ("21.7 percent and National Renewal third with 17.9 percent"), not words of this one.
_NEXT_HOLDER = re.compile(r"\s(?:and|while|but|whereas|with|ahead of|followed by)\s+(?=[A-Z])")


_PREPOSITIONS = frozenset(
    "among amongst of from in at by with for on including "
    "parmi dont unter von aus bei tra fra di da entre".split()
)


def _nouns(view: ArticleView, q: QuantityFinding, clause: tuple[int, int]) -> frozenset[str]:
    """Words just after a count that say what it counts. Names are left out but for the
    first word ("300 Britons"): "dozens of members of Boko Haram" and "200 girls taken by
    Boko Haram" count different things (German capitalises every noun: all are kept)."""
    window = view.article.text[q.span.end : clause[1]].split()[:_NOUN_WINDOW]
    # A preposition after the first word ends what is counted: "four nieces among the
    # hostages" counts nieces, not the 27 hostages freed ("dozens of members" keeps "of").
    cut = next((i for i, w in enumerate(window) if i and w.lower() in _PREPOSITIONS), None)
    window = window[:cut]
    if view.language != "de":
        window = window[:1] + [w for w in window[1:] if not w[:1].isupper()]
    words = content_words(" ".join(window))
    counted = q.about if q.about and q.about != ESTIMATE else None
    return words | ({stem(fold(counted))} if counted else set())


def figure_mentions(
    view: ArticleView, *, event_day: date | None, story_names: Mapping[str, str] | None = None
) -> list[FigureMention]:
    """The figures of one article that can be aligned, with their keys.

    Args:
        view: the article.
        event_day: the day of the article's main event, when known (from its profile);
            an event the analyzer dates far from it is another event.
        story_names: names (folded) the story's other articles tie to another event,
            with its scope (`other_event_names`); the article's own headline and lede names are
            never another event's.
    """
    text = view.article.text
    home = _home_year(view, event_day)
    pending: list[tuple[QuantityFinding, tuple[int, int], tuple[int, int], str, str | None]] = []
    for q in _with_crew_totals(view):
        if q.dimension in SKIPPED_DIMENSIONS:
            continue
        if in_correction_notice(text, q.span.start, q.span.end):
            continue  # "An earlier version said 3,000 homes": the error, not the report
        if _listed_after_another(view, q):
            continue  # "sentenced to six and seven years": one figure per person
        sentence = view.sentence_at(q.span.start) or (q.span.start, q.span.end)
        measure = _measure(view, q, sentence)
        if measure is None:
            continue
        clause = _clause(view, q.span, sentence)
        scope = _other_scope(view, text[clause[0] : _before_since(text, clause, q.span)], home)
        if scope is None:
            scope = _opener_scope(view, sentence, clause, home)
        if scope is None and (earlier := _earlier_from(view, sentence, clause)) is not None:
            scope = "other:earlier" if q.span.start >= earlier else None
        if scope is None and (event := _linked_event(view, q)) is not None:
            scope = _event_scope(event, event_day)
        pending.append((q, sentence, clause, measure, scope))
    other_names = _other_event_names(view, home)
    if story_names:
        own = _own_names(view)
        for entity in view.entities.values():
            scope = story_names.get(fold(entity.canonical))
            if scope is not None and entity.id not in own:
                other_names[entity.id] = scope  # the story's key, for all its articles
    found: list[FigureMention] = []
    for q, sentence, clause, measure, scope in pending:
        if scope is None:  # "the three-hour Castelmar summit", Castelmar being in the past
            named = _entities_in(view, clause) & set(other_names)
            scope = other_names[min(named)] if named else None
        if scope is None and story_names and not view.english:
            scope = _named_in_text(view.text(clause), story_names)  # no entities to go by
        if scope is not None and scope != "main":
            # One recalled event, one key: "In March a gas explosion at the Brask pit, 30
            # kilometres to the east, killed nine" (dated by its event) and "a blast at
            # Brask two years ago" line up; the place may be in another clause.
            named = _entities_in(view, sentence) & set(other_names)
            if named:
                scope = other_names[min(named)]
            elif story_names and not view.english:
                scope = _named_in_text(view.text(sentence), story_names) or scope
        scope = scope or "main"
        dimension = q.dimension
        if measure.startswith("casualties:"):
            dimension, measure = "casualties", measure.partition(":")[2]
        if dimension in ("count", "casualties"):
            if _is_increment(view, q):
                measure += ADDED
            elif _is_subset(view, q):
                measure += SUBSET
            elif _followed_by_increment(view, q, sentence):
                measure += FIRST_PART
        context = _context(text, sentence, q)
        found.append(
            FigureMention(
                view=view,
                quantity=q,
                dimension=dimension,
                measure=measure,
                scope=scope,
                sentence=sentence,
                in_headline=q.span.end <= view.article.headline.end,
                cited_outlet=view.cited_outlet(q.span),
                context=context,
                claimant=giver(view, q, sentence, context),
                holders=holders(view, q, sentence),
                places=_places(view, sentence),
                nouns=_nouns(view, q, clause) if dimension == "count" else frozenset(),
            )
        )
    return found


#: What an addition to a count given before adds to its measure: "14 more police
#: officers were arrested" is no rival of the 22 arrested first; it lines up with other
#: outlets' "an additional 14".
ADDED = " (added)"
#: ... and what a count followed in its sentence by such an addition adds: "six shots, a
#: pause, then four more" gives the first volley, not the ten shots other outlets count.
FIRST_PART = " (first part)"
#: ... and what a count of some of those counted adds: "12 people, including four
#: cartoonists", "a death toll that included four cartoonists" is no rival of the 12.
SUBSET = " (part)"
#: The markers that keep a count apart from the story's totals (`figure_groups`).
PART_MARKERS = (ADDED, FIRST_PART, SUBSET)


def _is_increment(view: ArticleView, q: QuantityFinding) -> bool:
    """Whether a count adds to one given before: "14 more police officers", "another
    three people died", "an additional 14", "weitere drei Verletzte"."""
    patterns = _patterns(_lexicon(view).language)
    before, after = patterns["increment_before"], patterns["increment_after"]
    text = view.article.text
    return bool(
        (before is not None and before.search(text, max(0, q.span.start - 20), q.span.start))
        or (after is not None and after.search(text[q.span.end : q.span.end + 30]))
    )


def _is_subset(view: ArticleView, q: QuantityFinding) -> bool:
    """Whether a count names some of those counted before it: "including four
    cartoonists", "dont trois enfants", "darunter zwei Kinder"."""
    pattern = _patterns(_lexicon(view).language)["subset_before"]
    text = view.article.text
    return pattern is not None and bool(
        pattern.search(text, max(0, q.span.start - 20), q.span.start)
    )


def _followed_by_increment(
    view: ArticleView, q: QuantityFinding, sentence: tuple[int, int]
) -> bool:
    """Whether an addition of the same dimension follows the count in its sentence."""
    return any(
        f.dimension == q.dimension
        and q.span.end <= f.span.start
        and f.span.end <= sentence[1]
        and _is_increment(view, f)
        for f in view.figures
    )


_LISTED = re.compile(r"([\w.,-]+)\s+(?:and|or)\s+$", re.IGNORECASE)


def _listed_after_another(view: ArticleView, q: QuantityFinding) -> bool:
    """Whether the figure closes a list of values ("were sentenced to six and seven
    years", "aged 34 and 41"): each is someone's, not the story's one figure, and
    the list's last value aligned with the main figure as a contradiction."""
    found = _LISTED.search(view.article.text, max(0, q.span.start - 40), q.span.start)
    return found is not None and parse_number(found.group(1)) is not None


def _count_class(view: ArticleView, q: QuantityFinding) -> str | None:
    """The `count_nouns` class of what a count counts, in its language or in English."""
    about = (q.about or "").lower()
    return _lexicon(view).count_nouns.get(about) or lexicon("en").count_nouns.get(about, about)


# Words between two counts read as one phrase: "182 [passengers and] six crew".
_LINK_WORDS = 3


def _linked(between: str, connectors: frozenset[str]) -> bool:
    """ "and", or the first count's noun and "and": the two counts are listed together."""
    words = between.lower().split()
    return 0 < len(words) <= _LINK_WORDS and words[-1] in connectors


def _with_crew_totals(view: ArticleView) -> list[QuantityFinding]:
    """The article's figures, with "182 passengers and six crew" read as the 188 people
    on board that other outlets give (the crew's own count dropped): passengers alone
    and everyone aboard are otherwise one count of people that disagree by the crew."""
    figures = sorted(view.figures, key=lambda q: q.span.start)
    text = view.article.text
    links = _lexicon(view).connectors
    found: list[QuantityFinding] = []
    crew_counts: set[int] = set()
    for at, q in enumerate(figures):
        if at in crew_counts:
            continue
        following = figures[at + 1] if at + 1 < len(figures) else None
        if (
            following is not None
            and q.dimension == following.dimension == "count"
            and q.value is not None
            and following.value is not None
            and _count_class(view, q) == "people"
            and _count_class(view, following) == "crew"
            and _linked(text[q.span.end : following.span.start], links)
        ):
            crew_counts.add(at + 1)
            end = following.span.end
            if noun := re.match(rf"\s+{re.escape(str(following.about))}\b", text[end:], re.I):
                end += noun.end()  # "six crew": the analyzer's span is the number alone
            q = q.model_copy(
                update={
                    "value": q.value + following.value,
                    "span": Span(start=q.span.start, end=end),
                    "text": text[q.span.start : end],
                    "about": "people",
                }
            )
        found.append(q)
    return found


def _event_scope(event: EventFinding, event_day: date | None) -> str | None:
    """ "other:<year>" for an event the analyzer dates far from the article's own day."""
    if not event.time or event_day is None:
        return None
    when = _start_of(event.time)
    if when is not None and abs((when - event_day).days) >= _OTHER_EVENT_DAYS:
        return f"other:{when.year}"
    return None


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
