"""Incremental story assignment: a new article joins the story it belongs to, or starts one.

A story is the coverage of one event. When an article is stored, the store hands this
module the article's profile and the profiles of candidate articles (stored articles
published within `time_window` of it, or sharing a name key or an LSH band with it), each
with its story; `assign_story` decides:

1. **Vetoes.** Two articles whose event days are more than `EVENT_DAY_SLACK` apart are
   about different events, however alike they read: the same leaders at another summit
   two years earlier, the same square a week later. So are two dated articles published
   more than `MAX_PUBLISHED_GAP` apart.
2. **Near-copies** (MinHash Jaccard at least `NEAR_COPY`) join their original's story.
3. **Evidence.** Otherwise a score adds the cosine of the lead vectors (multilingual:
   French, German, Italian and Spanish leads land near their English counterparts), the
   overlap of the salient names (which travel across languages unchanged), a bonus for
   the same event day and one for shared figures ("45 minutes", "12 injured").

The article joins the story of its best-scoring candidate when that score reaches
`JOIN_SCORE`; a story's score is its best member's (single link), since coverage of one
event spreads: the wire report, the retelling, the French summary of the retelling.

Every weight and threshold below says how it was set; `benchmarks/story_similarity.py`
sweeps them on the composed corpus's development part.

    >>> decision = assign_story(profile, candidates)  # doctest: +SKIP
    >>> decision.story or "new story"
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from newsprobe.corpus.embedding import cosine
from newsprobe.corpus.profile import ArticleProfile
from newsprobe.corpus.shingles import estimated_jaccard
from newsprobe.document import Article

__all__ = [
    "EVENT_DAY_SLACK",
    "JOIN_SCORE",
    "MAX_PUBLISHED_GAP",
    "NEAR_COPY",
    "Assignment",
    "Candidate",
    "PairEvidence",
    "StorySettings",
    "assign_story",
    "compare_profiles",
    "story_range_veto",
    "story_title",
    "time_window",
]

#: Days two event days may differ and still be one event: the day itself, the late-night
#: report dated the next day, a time-zone shift.
EVENT_DAY_SLACK = 1
#: Two dated articles published further apart than this are different stories whatever
#: they say (a follow-up a week later reports a new event: a reopening, a verdict).
MAX_PUBLISHED_GAP = timedelta(days=5)
#: Shingle Jaccard from which an article is a copy of another (wire copies, reprints):
#: it joins the original's story without further evidence. Below `provenance.COPY_JACCARD`
#: on purpose: a heavily edited copy is still the same story.
NEAR_COPY = 0.4
#: Score from which an article joins a candidate's story (tuned on the development part of
#: the composed corpus; see `benchmarks/story_similarity.py`).
JOIN_SCORE = 0.75
#: Weights of the evidence (see the module docstring). The lead cosine of two articles on
#: one event is 0.5-0.9 across languages and 0.1-0.45 for unrelated ones (set with leads of
#: 300 characters; over 1,200, 0.57-0.87 and 0.22-0.53, the 5th to
#: 95th percentiles on the composed dev part, where both still group every story); names
#: add up to `NAME_WEIGHT` when the smaller article's salient names are all in the other.
COSINE_WEIGHT = 1.0
NAME_WEIGHT = 0.45
SAME_DAY_BONUS = 0.1
FIGURE_BONUS = 0.05  # per shared figure, at most two
# Names compared per article: the most salient ones (headline names, repeated names).
_TOP_NAMES = 8


@dataclass(frozen=True, slots=True)
class StorySettings:
    """How far in time candidates are looked for (the store reads these)."""

    window: timedelta = timedelta(days=3)
    """Dated articles: candidates published this long before or after ("a few days":
    coverage of one event is mostly published within three days of it)."""
    undated_window: timedelta = timedelta(days=7)
    """Undated articles that name their event's day ("on 14 April 2026"): candidates
    published this long around that day. Undated articles that name no day have no time
    bound at all: their candidates are those sharing a name key or an LSH band."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored article that the new one may belong with, and its story."""

    profile: ArticleProfile
    story: str


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """Why two articles are, or are not, about one event."""

    score: float
    cosine: float
    jaccard: float
    shared_names: tuple[str, ...]
    day_gap: int | None
    veto: str | None = None

    @property
    def near_copy(self) -> bool:
        return self.jaccard >= NEAR_COPY


@dataclass(frozen=True, slots=True)
class Assignment:
    """The decision for one new article."""

    story: str | None
    """The story to join; None to start a new one."""
    score: float = 0.0
    matched: str | None = None
    """The candidate article that decided it."""
    evidence: PairEvidence | None = None
    rejected: dict[str, str] = field(default_factory=dict)
    """Story id -> why it was not joined (vetoes and low scores), for `--explain`."""


def time_window(
    profile: ArticleProfile, settings: StorySettings | None = None
) -> tuple[datetime | None, datetime | None]:
    """Publication times between which candidates are looked for; (None, None) for no
    time bound (an undated article that names no day)."""
    settings = settings or StorySettings()
    if profile.published is not None:
        return profile.published - settings.window, profile.published + settings.window
    if profile.event_day is None:
        return None, None
    day = datetime.combine(profile.event_day, time(12), tzinfo=UTC)
    return day - settings.undated_window, day + settings.undated_window


def _salient(profile: ArticleProfile) -> list[str]:
    return list(profile.names)[:_TOP_NAMES]


def _name_overlap(a: ArticleProfile, b: ArticleProfile) -> tuple[float, tuple[str, ...]]:
    """Share of the smaller side's salient names found among the other's names."""
    top_a, top_b = _salient(a), _salient(b)
    if not top_a or not top_b:
        return 0.0, ()
    smaller, other = (top_a, b.names) if len(top_a) <= len(top_b) else (top_b, a.names)
    shared = tuple(k for k in smaller if k in other)
    return len(shared) / len(smaller), shared


def _follows(a: ArticleProfile, b: ArticleProfile) -> bool:
    """Whether one says it comes a few days after the other's event ("two days after
    winning the election", `ArticleProfile.follows`): a follow-up of that story."""
    return any(
        original.event_day is not None
        and any(abs((day - original.event_day).days) <= EVENT_DAY_SLACK for day in follower.follows)
        for follower, original in ((a, b), (b, a))
    )


def _veto(a: ArticleProfile, b: ArticleProfile) -> str | None:
    if (
        a.event_day
        and b.event_day
        and abs((a.event_day - b.event_day).days) > EVENT_DAY_SLACK
        and not _follows(a, b)
    ):
        return f"event days differ: {a.event_day} and {b.event_day}"
    if a.published and b.published and abs(a.published - b.published) > MAX_PUBLISHED_GAP:
        return "published too far apart"
    return None


def compare_profiles(a: ArticleProfile, b: ArticleProfile) -> PairEvidence:
    """The evidence that `a` and `b` cover one event, and its score."""
    jaccard = estimated_jaccard(a.signature(), b.signature())
    va, vb = a.embedding(), b.embedding()
    cos = cosine(va, vb) if va.size and va.size == vb.size else 0.0
    overlap, shared = _name_overlap(a, b)
    gap = abs((a.event_day - b.event_day).days) if a.event_day and b.event_day else None
    figures = len(set(a.figures) & set(b.figures))
    score = (
        COSINE_WEIGHT * cos
        + NAME_WEIGHT * overlap
        + (SAME_DAY_BONUS if gap is not None and gap <= EVENT_DAY_SLACK else 0.0)
        + FIGURE_BONUS * min(figures, 2)
    )
    veto = None if jaccard >= NEAR_COPY else _veto(a, b)
    return PairEvidence(
        score=round(score, 4),
        cosine=round(cos, 4),
        jaccard=round(jaccard, 4),
        shared_names=shared,
        day_gap=gap,
        veto=veto,
    )


def assign_story(
    profile: ArticleProfile,
    candidates: Sequence[Candidate],
    *,
    join_score: float = JOIN_SCORE,
) -> Assignment:
    """Join the best story among `candidates`' stories, or start a new one.

    Args:
        profile: the new article's profile.
        candidates: stored articles it may belong with (`time_window`, shared keys and
            bands), each with its story; the article itself, if present, is ignored.
        join_score: the score from which it joins (see `JOIN_SCORE`).

    Returns:
        The decision; `story` is None for a new story. Deterministic for the same input,
        whatever the candidates' order.
    """
    best: tuple[float, str, str, PairEvidence] | None = None
    rejected: dict[str, str] = {}
    by_story: dict[str, list[ArticleProfile]] = {}
    for candidate in sorted(candidates, key=lambda c: (c.story, c.profile.article)):
        if candidate.profile.article != profile.article:
            by_story.setdefault(candidate.story, []).append(candidate.profile)
    for story, members in by_story.items():
        veto = _story_veto(profile, members)
        if veto:
            rejected[story] = veto
            continue
        for member in members:
            evidence = compare_profiles(profile, member)
            if evidence.veto:
                rejected.setdefault(story, evidence.veto)
                continue
            score = math.inf if evidence.near_copy else evidence.score
            if best is None or score > best[0]:
                best = (score, story, member.article, evidence)
    if best is None or best[0] < join_score:
        if best is not None:
            rejected.setdefault(best[1], f"best score {best[3].score:.2f} < {join_score:.2f}")
        return Assignment(story=None, rejected=rejected)
    score, story, matched, evidence = best
    rejected.pop(story, None)
    return Assignment(
        story=story,
        score=evidence.score if math.isinf(score) else score,
        matched=matched,
        evidence=evidence,
        rejected=rejected,
    )


def story_range_veto(
    profile: ArticleProfile, first: datetime | None, last: datetime | None
) -> str | None:
    """Whether a story whose dated articles span [first, last] is of another time.

    The store hands over candidates from the article's time window, and undated ones from
    anywhere; a story may then be seen through its undated members only (the undated
    German summary of the 2026 summit, when a 2024 report about the same two leaders is
    placed). Its dated range still says when it happened: an article published (or,
    undated, whose event day falls) more than `MAX_PUBLISHED_GAP` outside it belongs
    elsewhere.
    """
    if first is None or last is None:
        return None
    if profile.published is not None:
        when = profile.published
    elif profile.event_day is not None:
        when = datetime.combine(profile.event_day, time(12), tzinfo=UTC)
    else:
        return None
    if when < first - MAX_PUBLISHED_GAP or when > last + MAX_PUBLISHED_GAP:
        return f"the story's dated articles are of {first.date()} to {last.date()}"
    return None


def _story_veto(profile: ArticleProfile, members: Sequence[ArticleProfile]) -> str | None:
    """Whether most of a story's dated members are of another day than `profile`.

    Without it a story chains through an undated member: an undated explainer joins the
    2026 summit's story, and then the 2024 summit's reports join through it.
    """
    if profile.event_day is None:
        return None
    days = [m.event_day for m in members if m.event_day is not None]
    far = [
        m.event_day
        for m in members
        if m.event_day is not None
        and abs((m.event_day - profile.event_day).days) > EVENT_DAY_SLACK
        and not _follows(profile, m)
    ]
    if days and len(far) * 2 > len(days):
        return f"the story's event day is {max(set(far), key=far.count)}, not {profile.event_day}"
    return None


#: How much of a headline-less article's first sentence titles its story: what a story
#: listing shows of a title (`report.corpus` cuts there too).
TITLE_CHARACTERS = 90

_FIRST_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s)|$)", re.MULTILINE)


def story_title(article: Article) -> str:
    """The title of a story this article starts: its headline, else its first sentence
    (cut at a word, within `TITLE_CHARACTERS`), else its id. Text without a headline
    (dumps, archives) is common, and a hash says nothing to a reader of `corpus stories`.
    """
    if article.headline_text.strip():
        return article.headline_text
    found = _FIRST_SENTENCE.search(article.body_text)
    if found is None:
        return article.id
    sentence = " ".join(found.group().split())
    if len(sentence) <= TITLE_CHARACTERS:
        return sentence
    return sentence[:TITLE_CHARACTERS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
