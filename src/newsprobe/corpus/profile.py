"""What story grouping needs to know about an article, computed once when it is stored.

An `ArticleProfile` is read from an `Analysis`: the names it is about (as keys that match
across languages), the day its event happened, the days and years it names, its figures,
a MinHash signature of its word shingles with LSH band keys, and a multilingual vector of
its lead. The store keeps it as an opaque JSON blob beside two indexed lists taken from
it, `keys` (name and person keys) and `bands` (LSH band keys), which find the candidate
articles a new one is compared with.

Articles the English analyzers stepped aside on (French, German, Italian, Spanish...)
are profiled from their text: names from capitalization, days and figures from the
language's word tables (`newsprobe.corpus.i18n`).

    >>> profile = build_profile(analysis)  # doctest: +SKIP
    >>> ArticleProfile.from_json(profile.to_json()) == profile
    True
"""

from __future__ import annotations

import base64
import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache, lru_cache

import numpy as np
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from newsprobe.corpus import embedding
from newsprobe.corpus.i18n.dates import days_named, years_named
from newsprobe.corpus.i18n.figures import FOREIGN_LANGUAGES, read_figures
from newsprobe.corpus.i18n.lexicon import LANGUAGES, lexicon
from newsprobe.corpus.names import capitalized_names, fold, name_keys, surname_key
from newsprobe.corpus.shingles import band_keys, shingles, signature, words
from newsprobe.document import Analysis, Article
from newsprobe.findings import (
    AttributionFinding,
    EntityFinding,
    EventFinding,
    QuantityFinding,
    SourcingFinding,
)

__all__ = [
    "PROFILE_VERSION",
    "ArticleProfile",
    "build_profile",
    "build_profiles",
    "event_day",
    "figures_of",
]

#: Bumped when a profile's meaning changes; a store re-profiles older ones.
PROFILE_VERSION = 1

# Entity labels whose names say what an article is about (NORP "Ordanian" is an
# adjective that other languages spell differently; dates and numbers have their own).
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"})
#: Name keys given to the store for candidate lookup, most salient first. Twelve covers
#: the people, places and organisations of a news story; more only adds background names.
MAX_LOOKUP_KEYS = 12
# A name in the headline weighs as much as this many more mentions.
_HEADLINE_BONUS = 2.0
# How far into the body the event's day is looked for: the lede and the next sentence.
_LEDE_CHARS = 600
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


#: Decoded signatures and vectors kept, by their base64 text: story assignment compares a
#: new article with up to `session.DEFAULT_CANDIDATES` (50) stored ones, and decoded its
#: own two fields again for every pair, the candidates' again for every new article near
#: them. 1,024 of each hold the candidates of about twenty placements (2.5 MB).
_DECODED = 1024


@lru_cache(maxsize=_DECODED)
def _decoded_signature(minhash: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(minhash), dtype="<u4")  # read-only: a bytes view


@lru_cache(maxsize=_DECODED)
def _decoded_vector(vector: str) -> np.ndarray:
    decoded = embedding.unpack(vector)
    decoded.setflags(write=False)  # shared between callers
    return decoded


class ArticleProfile(BaseModel):
    """What story grouping compares; serialized as the store's profile blob."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = PROFILE_VERSION
    article: str = Field(description="The article id.")
    language: str | None = None
    outlet: str | None = None
    published: AwareDatetime | None = None
    event_day: date | None = Field(
        default=None, description="The day the article's main event happened, when it says."
    )
    days: list[date] = Field(default_factory=list, description="Every day the text names.")
    years: list[int] = Field(default_factory=list, description="Years written in digits.")
    follows: list[date] = Field(
        default_factory=list,
        description="Days of the story's own event the article says it follows ('two days "
        "after winning the election'): a follow-up, not another event.",
    )
    names: dict[str, float] = Field(
        default_factory=dict, description="Name key ('n:sandor') -> salience."
    )
    people: list[str] = Field(default_factory=list, description="Surname keys ('p:sandor').")
    figures: list[str] = Field(
        default_factory=list, description="'dimension/about:value' of each figure."
    )
    minhash: str = Field(description="Base64 of the uint32 MinHash signature.")
    shingle_count: int = 0
    encoder: str = ""
    vector: str = Field(default="", description="Base64 float16 lead embedding.")
    keys: list[str] = Field(default_factory=list, description="Lookup keys for the store.")
    bands: list[str] = Field(default_factory=list, description="LSH band keys.")

    def signature(self) -> np.ndarray:
        """The MinHash signature as an array (read-only, shared: see `_decoded_signature`)."""
        return _decoded_signature(self.minhash)

    def embedding(self) -> np.ndarray:
        """The lead vector (empty when the profile has none; read-only, shared)."""
        return _decoded_vector(self.vector) if self.vector else np.zeros(0, np.float32)

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, data: str | bytes) -> ArticleProfile:
        return cls.model_validate_json(data)


def _outlet_names(analysis: Analysis) -> set[str]:
    """Folded names of outlets: the article's own and those it cites (not what it is about)."""
    names = {fold(analysis.article.outlet)} if analysis.article.outlet else set()
    for finding in analysis.findings:
        if isinstance(finding, AttributionFinding) and finding.source_type == "outlet":
            names.add(fold(finding.source or ""))
        elif isinstance(finding, SourcingFinding):
            names.update(fold(o) for o in finding.outlets)
    return {n.removeprefix("the ") for n in names if n}


def _english_names(analysis: Analysis) -> tuple[dict[str, float], list[str]]:
    """Name key saliences and person keys from the entity findings."""
    outlets = _outlet_names(analysis)
    headline = analysis.article.headline
    salience: dict[str, float] = {}
    people: list[str] = []
    for entity in analysis.findings:
        if not isinstance(entity, EntityFinding) or entity.label not in _NAME_LABELS:
            continue
        if fold(entity.canonical).removeprefix("the ") in outlets:
            continue
        weight = 1.0 + math.log(max(1, len(entity.mentions)))
        if any(headline.contains(m) for m in entity.mentions):
            weight += _HEADLINE_BONUS
        for key in name_keys(" ".join([entity.canonical, *entity.aliases])):
            salience[key] = max(salience.get(key, 0.0), weight)
        surname = surname_key(entity.canonical) if entity.label == "PERSON" else None
        if surname:
            people.append(surname)
    return salience, sorted(set(people))


def _text_names(analysis: Analysis) -> dict[str, float]:
    """Name key saliences read from capitalization (articles without entity findings)."""
    article = analysis.article
    outlets = _outlet_names(analysis)
    counts: Counter[str] = Counter()
    in_headline: set[str] = set()
    for name, (start, _) in capitalized_names(article.text, article.language):
        if fold(name) in outlets:
            continue
        for key in name_keys(name):
            counts[key] += 1
            if start < article.headline.end:
                in_headline.add(key)
    return {
        k: 1.0 + math.log(c) + (_HEADLINE_BONUS if k in in_headline else 0.0)
        for k, c in counts.items()
    }


def _has_entities(analysis: Analysis) -> bool:
    skipped = any(n.analyzer.startswith("entities@") for n in analysis.notices)
    return not skipped and any(f.kind == "entity" for f in analysis.findings)


def figures_of(analysis: Analysis) -> list[QuantityFinding]:
    """The article's quantities: the analyzer's, or read from the text in another language."""
    found = [f for f in analysis.findings if isinstance(f, QuantityFinding)]
    article = analysis.article
    if not found and article.language in FOREIGN_LANGUAGES:
        found = read_figures(article.text, article.language or "")
    return found


def _figure_keys(figures: Sequence[QuantityFinding]) -> list[str]:
    keys = set()
    for q in figures:
        amount = next((v for v in (q.value, q.lower, q.upper) if v is not None), None)
        if amount is not None and q.dimension in ("duration", "casualties", "count", "money"):
            about = f"/{q.about}" if q.about and q.dimension == "casualties" else ""
            keys.add(f"{q.dimension}{about}:{amount:g}")
    return sorted(keys)


def _event_day(analysis: Analysis, named: list[tuple[str, tuple[int, int]]]) -> date | None:
    """The day of the first dated event in the lede, else the first day the lede names
    on or before publication: a day after it is what is planned ("the unions would meet
    on Monday to decide on a strike"), not the day of the event reported."""
    article = analysis.article
    lede_end = article.body.start + _LEDE_CHARS
    last = article.published.date() if article.published else date.max
    for event in sorted(
        (f for f in analysis.findings if isinstance(f, EventFinding)), key=lambda e: e.span.start
    ):
        if event.span.start < lede_end and event.time and _DAY.match(event.time):
            return date.fromisoformat(event.time)
    for day, (start, _) in named:
        if start < lede_end and date.fromisoformat(day) <= last:
            return date.fromisoformat(day)
    return None


#: The longest interval a follow-up names back to its story's event ("two days after the
#: vote"): a longer one is a new event of its own (`stories.MAX_PUBLISHED_GAP`).
_FOLLOW_DAYS = 5
_DAY_MINUTES = 1440.0
_AFTER_WORDS = frozenset({"after", "après", "nach", "después", "dopo"})
# The rest of the clause after "two days after": a capitalised word there names another
# event's place or people ("two days after a driver killed a soldier near Dovrin"), which
# makes it a recalled event, not the story's own.
_CLAUSE_REST = re.compile(r"[^.;:!?\n]*")
_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w'-]+")


@cache
def _after_word(language: str) -> re.Pattern[str] | None:
    """The language's word for "after" right after an interval ("deux jours après")."""
    lex = lexicon(language if language in LANGUAGES else "en")
    after = [w for w in lex.interval_relative if w in _AFTER_WORDS]
    return re.compile(rf"\s*(?:{'|'.join(map(re.escape, after))})\b", re.I) if after else None


def _follows(
    article: Article, figures: Sequence[QuantityFinding], event: date | None
) -> list[date]:
    """Days of the earlier event the article says it comes a few days after, naming no
    other place or person: "dos días después de ganar las elecciones" (a follow-up), not
    "two days after a driver killed one soldier near Dovrin" (another event recalled)."""
    anchor = event or (article.published.date() if article.published else None)
    after = _after_word(article.language or "en")
    if anchor is None or after is None:
        return []
    days: set[date] = set()
    for q in figures:
        if q.dimension != "duration" or q.value is None:
            continue
        count = q.value / _DAY_MINUTES
        found = after.match(article.text, q.span.end)
        if not (count.is_integer() and 1 <= count <= _FOLLOW_DAYS and found):
            continue
        rest = _CLAUSE_REST.match(article.text, found.end())
        if rest is not None and not _CAPITALISED.search(rest.group()):
            days.add(anchor - timedelta(days=int(count)))
    return sorted(days)


def event_day(analysis: Analysis) -> date | None:
    """The day of the article's main event, when its lede says (cheap: no vector)."""
    article = analysis.article
    return _event_day(analysis, days_named(article.text, article.language, article.published))


def build_profile(analysis: Analysis, *, vector: np.ndarray | None = None) -> ArticleProfile:
    """The profile of one analysed article.

    Args:
        analysis: the article and its findings (any language).
        vector: its lead embedding when already computed (`build_profiles` batches them);
            computed here otherwise.
    """
    article = analysis.article
    if _has_entities(analysis):
        salience, people = _english_names(analysis)
    else:
        salience, people = _text_names(analysis), []
    named = days_named(article.text, article.language, article.published)
    body_words = words(article.body_text or article.text)
    shingle_set = shingles(body_words)
    sig = signature(shingle_set)
    if vector is None:
        vector = embedding.encode([embedding.lead_text(article)])[0]
    ranked = sorted(salience, key=lambda k: (-salience[k], k))
    event = _event_day(analysis, named)
    return ArticleProfile(
        article=article.id,
        language=article.language,
        outlet=article.outlet,
        published=article.published,
        event_day=event,
        days=sorted({date.fromisoformat(d) for d, _ in named}),
        years=sorted(set(years_named(article.text))),
        follows=_follows(article, figures_of(analysis), event),
        names={k: round(salience[k], 3) for k in ranked},
        people=people,
        figures=_figure_keys(figures_of(analysis)),
        minhash=base64.b64encode(sig.astype("<u4").tobytes()).decode("ascii"),
        shingle_count=len(shingle_set),
        encoder=embedding.encoder_name(),
        vector=embedding.pack(vector),
        keys=sorted({*ranked[:MAX_LOOKUP_KEYS], *people}),
        bands=band_keys(sig),
    )


def build_profiles(analyses: Sequence[Analysis]) -> list[ArticleProfile]:
    """Profiles of many articles, their lead vectors encoded in one batch (faster)."""
    vectors = embedding.encode([embedding.lead_text(a.article) for a in analyses])
    return [build_profile(a, vector=v) for a, v in zip(analyses, vectors, strict=True)]
