"""Aligned figures: the same quantity lined up across a story's articles, with a verdict.

Figures align when they measure the same thing of the same event (`figure_mentions`): the
same dimension and unit, the same event (the story's, or the same earlier one), the same
kind of thing (the meeting's duration, the injured, the firefighters). When one article
gives two different figures of one kind (85 firefighters sent, 3 treated), the kind is
split by the words around each figure, and every other article's figure joins the split
whose words it shares (or, in another language, whose value it is closest to).

For each aligned figure every article's value is listed with its span; the consensus is
the value stated by the most independent voices (an outlet is one voice, and so are all
copies of one wire story: `provenance.voices`), bounds and approximations breaking ties;
and each value gets a verdict against it:

- ``consistent``: the same figure (to the precision it is written in: "1.2 billion" for
  1.24 billion), or a bound or approximation that admits it ("over 30 minutes" against
  45; "about 45" against 45);
- ``minor_discrepancy``: close but not the same ("about half an hour" against 45);
- ``minority``: a different figure that two or more voices share, against a larger
  majority;
- ``contradiction``: clearly different (20 against 45).

Tolerances are relative to the consensus value; each constant below says how it was set
(on the development part of the composed corpus, whose annotators graded 59 values). A
figure from another event the article mentions (an earlier fire's toll) aligns with that
event's figures, never with the main story's.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newsprobe.analyzers.quantities.rules import ESTIMATE
from newsprobe.corpus.content import stem, surface_word
from newsprobe.corpus.figure_mentions import TARGET, FigureMention, figure_mentions
from newsprobe.corpus.i18n.lexicon import lexicon
from newsprobe.corpus.names import fold
from newsprobe.corpus.running_counts import RunningCount, level_of, running_count
from newsprobe.corpus.view import ArticleView, outlet_key
from newsprobe.coverage import AlignedFigure, Consensus, FigureBound, FigureValue, FigureVerdict

__all__ = [
    "APPROXIMATE_MINOR",
    "APPROXIMATE_SAME",
    "EXACT_MINOR",
    "EXACT_SAME",
    "SHARE_MINOR",
    "Statement",
    "align_figures",
    "compare",
    "precision_of",
]

#: Relative gap within which an exact figure is the same as the consensus, beyond the
#: precision it is written in: none. 53 against 52.3 per cent is a minor discrepancy in
#: the annotation (gap 0.013), 1.2 against 1.24 billion consistent (rounding).
EXACT_SAME = 0.005
#: Relative gap up to which an exact figure is a minor discrepancy rather than a
#: contradiction. Annotated minor: 0.05 (43 against 41), 0.09 (38,000 against 41,800),
#: 0.11 (4 against 4.5 per cent); contradictions: 0.196 (1.48 against 1.84 billion),
#: 0.21, 0.25 (45 against 60 minutes). 0.15 lies between.
EXACT_MINOR = 0.15
#: Points up to which an exact share in per cent is a minor discrepancy at most: a
#: relative gap hides large differences in large shares (42 against 38.4 per cent of the
#: vote is 0.09 relative, 3.6 points: an election misreported). Annotated minor: 0.5
#: points (4 against 4.5 per cent), 0.7 (53 against 52.3). Small shares stay graded
#: relatively (1.5 against 0.5 per cent inflation is a contradiction at one point).
SHARE_MINOR = 2.0
#: An approximate figure ("about an hour", "rund 45 Minuten") admits this relative gap.
#: Annotated consistent: 0.04 ("about 2,500" for 2,600), 0.06 ("una novantina" for 85);
#: minor: 0.167 ("about 250" for 300), 0.176 ("around 100" for 85).
APPROXIMATE_SAME = 0.12
#: Up to this gap an approximate figure is a minor discrepancy: "about half an hour"
#: against 45 (0.33) is, as the issue says; "about 20 minutes" against 45 (0.56) is not.
APPROXIMATE_MINOR = 0.4
# Dimensions whose figures of unknown kind may join the story's dominant kind.
_RESOLVED = frozenset({"duration", "count"})
# An "unknown" duration ("spent about an hour together") or count joins the story's dominant kind
# of event only when it is within this factor of that kind's median: "waited four
# months" is not the length of a 45-minute meeting.
_UNKNOWN_JOIN_FACTOR = 4.0
# Kinds no figure joins unnamed: a prison term is said with its words ("jailed",
# "sentence", "condannato"), and a court story's other periods are not it ("who ran
# Keldor for more than a decade", "had worked there for 15 years").
_NAMED_ONLY = frozenset({"sentence"})
#: Share of the smaller context (content words of the clause) two figures must share to be
#: taken for the same quantity when one article gives two of the kind.
CONTEXT_SAME = 0.25
# Even with shared words, a figure ten times another is another quantity ("more than a
# decade" since the last strike, against a 48-hour strike).
_CONTEXT_JOIN_GAP = 9.0
# Units whose figures only align with figures of the same unit (a count has none).
_UNIT_DIMENSIONS = frozenset(
    {
        "money",
        "percent",
        "speed",
        "distance",
        "weight",
        "area",
        "temperature",
        "volume",
        "pressure",
        "magnitude",
    }
)

_WORDS = {
    "duration": "duration of the {m}",
    "casualties": "number {m}",
    "count": "number of {m}",
    "money": "amount in {m}",
    "percent": "percentage",
    "distance": "distance or length",
    "weight": "weight",
    "area": "area",
    "speed": "speed",
    "temperature": "temperature",
    "volume": "volume",
    "pressure": "pressure",
    "magnitude": "magnitude",
}
# Shares by what they measure: a level, a change in points, a target or limit.
_PERCENT_WORDS = {"%": "percentage", "pp": "change in percentage points", TARGET: "target or limit"}
#: ... and of a figure of no known kind (`_said_alike`), named by its clause's words.
_UNKNOWN_WORDS = {"duration": "duration", "count": "number"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Statement:
    """What one value says: a point, a bound, or a range, exact or approximate."""

    value: float | None
    lower: float | None
    upper: float | None
    approximate: bool
    precision: float = 0.0
    """Half a unit of the last digit written ("1.2 billion": 0.05 billion)."""
    share: bool = False
    """A share in per cent, whose gap is read in points as well (see `compare`)."""

    @property
    def bound(self) -> FigureBound:
        if self.value is None:
            if self.lower is not None and self.upper is not None:
                return "range"
            return "lower" if self.lower is not None else "upper"
        return "approximate" if self.approximate else "exact"


# Just under half a unit of a whole number's last digit (see `precision_of`).
_WHOLE_PRECISION = 0.49


def precision_of(text: str, value: float | None, language: str) -> float:
    """Half a unit of the last digit written, scaled: "1.2 billion" -> 0.05e9, "52%" -> 0.5.

    A whole number is rounded to its last digit: "52%" says 52.3 as well, which is then
    no discrepancy. Strictly less than half a unit: "4%" against an offer of 4.5 per cent
    is annotated a discrepancy (4.5 rounds up). Trailing zeros are taken as exact:
    "1,200 jobs" may be rounded to the hundred or not.
    """
    number = _NUMBER.search(text)
    if number is None or value is None:
        return 0.0
    digits = number.group()
    decimal = "," if language != "en" else "."
    if decimal not in digits:
        written = float(re.sub(r"\D", "", digits) or 0)
        if not written or digits.endswith("0"):
            return 0.0
        return float(_WHOLE_PRECISION * abs(value / written))
    whole, _, fraction = digits.rpartition(decimal)
    if not fraction.isdigit() or (decimal == "," and len(fraction) == 3 and "." not in whole):
        return 0.0  # "2,600" in French reads as a decimal; "1.840" in Spanish does not
    written = float(whole.replace(",", "").replace(".", "") + "." + fraction)
    if written == 0:
        return 0.0
    return float(0.5 * 10 ** (-len(fraction)) * abs(value / written))


# A unit other than the metric one every table is kept in: the figure is, most often, an
# outlet's conversion, rounded ("winds of 90 mph" for 140 km/h, "11,000 acres" for 4,500
# hectares, "10,000 feet" for 3,000 metres).
_CUSTOMARY = re.compile(
    r"\b(?:miles?|mph|feet|foot|ft|inch(?:es)?|yards?|acres?|square\s+(?:miles?|feet)|"
    r"pounds?|lbs?|ounces?|gallons?|fahrenheit|knots?)\b|°F",
    re.IGNORECASE,
)
#: How far a round figure in such a unit may be from the metric one and still be it: a
#: conversion rounded to two figures is off by up to 5 % ("90 mph" for 140 km/h is 3.4 %,
#: "11,000 acres" for 45 km² 1.1 %). Set on composed air-incident and wildfire stories.
CONVERTED_PRECISION = 0.05


def _statement(m: FigureMention) -> Statement:
    q = m.quantity
    precision = precision_of(q.text, q.value, m.view.language)
    number = _NUMBER.search(q.text)
    if (
        q.value is not None
        and number
        and number.group().endswith("0")
        and _CUSTOMARY.search(q.text)
    ):
        precision = max(precision, CONVERTED_PRECISION * abs(q.value))
    return Statement(q.value, q.lower, q.upper, q.approximate, precision, q.unit == "%")


def _gap(value: float, reference: float) -> float:
    return abs(value - reference) / max(abs(reference), 1e-9)


def _graded(gap: float, same: float, minor: float) -> FigureVerdict:
    if gap <= same:
        return "consistent"
    return "minor_discrepancy" if gap <= minor else "contradiction"


def compare(statement: Statement, reference: float, *, approximate: bool = False) -> FigureVerdict:
    """The verdict of `statement` against the value `reference`.

    Args:
        statement: what an article says.
        reference: the consensus value.
        approximate: whether the consensus itself is approximate (the wider tolerance of
            the two applies).
    """
    loose = statement.approximate or approximate
    same, minor = (APPROXIMATE_SAME, APPROXIMATE_MINOR) if loose else (EXACT_SAME, EXACT_MINOR)
    if statement.value is not None:
        if abs(statement.value - reference) <= statement.precision:
            return "consistent"
        verdict = _graded(_gap(statement.value, reference), same, minor)
        points = abs(statement.value - reference)
        if (
            statement.share
            and not loose
            and verdict == "minor_discrepancy"
            and points > SHARE_MINOR
        ):
            return "contradiction"  # 42 against 38.4 per cent of the vote: 3.6 points
        return verdict
    # Bounds: inside is consistent; outside, graded by how far outside.
    low, high = statement.lower, statement.upper
    if low is not None and reference < low * (1 - EXACT_SAME):
        return _graded(_gap(reference, low), EXACT_SAME, EXACT_MINOR)
    if high is not None and reference > high * (1 + EXACT_SAME):
        return _graded(_gap(reference, high), EXACT_SAME, EXACT_MINOR)
    return "consistent"


# --- grouping ----------------------------------------------------------------------------


def _resolve_unknown(mentions: list[FigureMention]) -> list[FigureMention]:
    """Durations and counts of unknown kind join the story's dominant kind of their
    dimension when the value fits: "spent about an hour together" the meeting's length,
    "Police put the figure at 32,000" the count of marchers."""
    kinds: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for m in mentions:
        if m.dimension in _RESOLVED and m.measure != "unknown" and m.amount:
            kinds[(m.dimension, m.scope, m.measure)].append(m.amount)
    resolved: list[FigureMention] = []
    for m in mentions:
        if m.dimension in _RESOLVED and m.measure == "unknown" and m.amount:
            options = [
                (len(v), k[2], v)
                for k, v in kinds.items()
                if k[:2] == (m.dimension, m.scope) and k[2] not in _NAMED_ONLY
            ]
            if options:
                _, kind, values = max(options)
                median = statistics.median(values)
                if median / _UNKNOWN_JOIN_FACTOR <= m.amount <= median * _UNKNOWN_JOIN_FACTOR:
                    m = m.with_measure(kind)
        resolved.append(m)
    return resolved


def _base_key(m: FigureMention) -> tuple[str, str, str]:
    unit = (m.unit or "") if m.dimension in _UNIT_DIMENSIONS else ""
    measure = m.measure if m.dimension in ("duration", "casualties", "percent") else ""
    return (m.dimension, unit, m.scope + "|" + measure)


def _count_groups(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """Counts of things that share a noun ("drivers" and "bus and tram drivers") group;
    not two counts the lexicons already class apart ("four people were arrested" and
    "85,000 people marched": the arrested and the people)."""
    classes = frozenset(lexicon("en").count_nouns.values())
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    counted = [_counted(m) for m in mentions]
    for i, a in enumerate(mentions):
        for j in range(i):
            b = mentions[j]
            classed_apart = a.measure in classes and b.measure in classes
            # What one counts said near the other ("drivers", "bus and tram drivers"):
            # any shared word chained unrelated counts ("suspected members", "suspected
            # gunmen"; "kidnapped girls", "kidnapped hostages") into one group.
            named = (
                counted[i] in b.nouns
                or counted[j] in a.nouns
                or _compound_of(counted[i], counted[j])
            )
            if a.measure == b.measure or (named and not classed_apart):
                parent[find(i)] = find(j)
    groups: dict[int, list[FigureMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[find(i)].append(m)
    return list(groups.values())


def _counted(m: FigureMention) -> str | None:
    """The stemmed word of what a count counts, when the analyzer read one."""
    about = m.quantity.about
    return stem(fold(about)) if about and about != ESTIMATE else None


#: The shortest stem a compound's part may be: "girl" in "schoolgirl".
_COMPOUND_PART = 4


def _compound_of(a: str | None, b: str | None) -> bool:
    """Whether one counted word is a compound of the other: "schoolgirls" and "girls",
    "dockworkers" and "dockers" (the agent "dock-er" heads "dock-worker")."""
    if not a or not b or a == b:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) < _COMPOUND_PART:
        return False
    if long_.endswith(short):
        return True
    agents = short.endswith("er") and long_.endswith("er")
    return agents and len(short) - 2 >= _COMPOUND_PART and long_.startswith(short[:-2])


def _context_overlap(a: FigureMention, b: FigureMention, common: frozenset[str]) -> float:
    """Shared words near the two figures, the group's common words left out."""
    wa, wb = (a.context | a.nouns) - common, (b.context | b.nouns) - common
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _distinct(a: FigureMention, b: FigureMention) -> bool:
    """Two figures of one article that cannot be the same quantity: an article does not
    contradict itself, so two different exact figures (78 and 90 km/h) are two things."""
    if a.amount == b.amount:
        return False
    sa, sb = _statement(a), _statement(b)
    for vague, other in ((sa, b), (sb, a)):
        # "hundreds" (200 to 999) and "some 280" are one figure told twice, not two. An
        # open bound is left alone: "more than 30" beside "45" may well be two figures.
        ranged = vague.value is None and vague.lower is not None and vague.upper is not None
        if ranged and compare(vague, other.amount) == "consistent":
            return False
    loose = sa.approximate or sb.approximate or sa.value is None or sb.value is None
    tolerance = APPROXIMATE_SAME if loose else max(EXACT_SAME, sa.precision / b.amount)
    return _gap(a.amount, b.amount) > tolerance and _gap(b.amount, a.amount) > tolerance


def _word_pull(m: FigureMention, cluster: list[FigureMention], common: frozenset[str]) -> float:
    """How strongly the words near `m` draw it into `cluster`: its best overlap with a
    member; a member with another giver ("police" against "organisers") draws nothing."""
    return max(
        (_context_overlap(m, o, common) for o in cluster if not (m.claimant and o.claimant)),
        default=0.0,
    )


def _shared_words(m: FigureMention, cluster: list[FigureMention], common: frozenset[str]) -> int:
    """The most words near `m` that one member of `cluster` shares, common ones left out."""
    mine = (m.context | m.nouns) - common
    return max((len(mine & ((o.context | o.nouns) - common)) for o in cluster), default=0)


def _same_figure(a: FigureMention, b: FigureMention) -> bool:
    """Two exact figures of the same value in different articles."""
    sa, sb = _statement(a), _statement(b)
    exact = sa.bound == sb.bound == "exact"
    return exact and a.view.id != b.view.id and sa.value is not None and sa.value == sb.value


def _elsewhere(m: FigureMention, cluster: list[FigureMention]) -> bool:
    """Whether `m` and every member of `cluster` that names places name different ones:
    for casualties, which a story of many incidents counts place by place (a meeting's
    sentences name the capital, the venue, the pipeline it is about)."""
    if m.dimension != "casualties":
        return False
    placed = [o for o in cluster if o.places]
    return bool(m.places and placed) and all(not (m.places & o.places) for o in placed)


def _far_apart(value: float, cluster: list[FigureMention]) -> bool:
    """Whether `value` and the cluster's median are more than `_CONTEXT_JOIN_GAP` apart,
    as a ratio either way: 48 hours is as far from a decade as a decade from 48 hours (a
    relative gap to the larger one is under 1 whatever the two are)."""
    median = statistics.median(o.amount for o in cluster)
    low, high = sorted((abs(value), abs(median)))
    return low == 0 or high / low - 1 > _CONTEXT_JOIN_GAP


def _log_gap(value: float, cluster: list[FigureMention]) -> float:
    median = statistics.median(o.amount for o in cluster)
    return _gap(value, median) if median else math.inf


def _split_by_size(group: list[FigureMention]) -> list[list[FigureMention]]:
    """A group no article splits, cut where one figure is more than `_CONTEXT_JOIN_GAP`
    times the next smaller: "three journalists" held and "at least 66 journalists"
    killed in the war are two figures, not a contradiction (real FNC-1 coverage)."""
    ordered = sorted(group, key=lambda m: abs(m.amount))
    parts: list[list[FigureMention]] = [[ordered[0]]]
    for m in ordered[1:]:
        if _far_apart(m.amount, parts[-1][-1:]):
            parts.append([])
        parts[-1].append(m)
    if len(parts) == 1:
        return [group]
    return [[m for m in group if any(m is o for o in part)] for part in parts]


def _split_by_context(group: list[FigureMention]) -> list[list[FigureMention]]:
    """One group per quantity when some article gives two different figures of the kind.

    Each figure joins the split whose clause words it shares; else the one whose value it
    matches; else, for an article that gives only this one figure of the kind, the split
    it is closest to (a contradiction is still the same quantity).
    """
    by_article: dict[str, list[FigureMention]] = defaultdict(list)
    for m in group:
        by_article[m.view.id].append(m)
    seeded = [ms for ms in by_article.values() if any(_distinct(a, b) for a in ms for b in ms)]
    if not seeded:
        return _split_by_size(group)
    # Words in most of the group's clauses say what kind of figure it is ("firefighters",
    # "strike"), not which one: they do not count as shared.
    frequency = Counter(w for m in group for w in m.context | m.nouns)
    # But a word that tells one article's two figures apart is never common: in a small
    # group ("cut bus routes by a third", "fares rise by 20 per cent", three outlets) the
    # words of the cut were in most clauses and the outlet saying "by half" lost them.
    telling = {
        w
        for ms in seeded
        for a in ms
        for b in ms
        if _distinct(a, b)
        for w in (a.context | a.nouns) ^ (b.context | b.nouns)
    }
    common = frozenset(w for w, n in frequency.items() if n * 2 > len(group)) - telling
    # Whose figure it is: the names before it that not most of the group share ("Dunmore").
    named = Counter(w for m in group for w in m.holders)
    shared_names = {w for w, n in named.items() if n * 2 > len(group)}
    holders = {id(m): m.holders - shared_names for m in group}
    clusters: list[list[FigureMention]] = []

    def conflicts(m: FigureMention, cluster: list[FigureMention]) -> bool:
        return any(o.view.id == m.view.id and _distinct(o, m) for o in cluster)

    def place(m: FigureMention, *, seed: bool) -> None:
        open_ = [i for i, c in enumerate(clusters) if not conflicts(m, c)]
        # Who gives the figure decides first: the police's count joins the police's
        # count, whatever words of the story the clauses share ("march", "Veloria").
        by_giver = max(
            ((sum(bool(m.claimant & o.claimant) for o in clusters[i]), i) for i in open_),
            default=(0, -1),
        )
        if by_giver[0] and not _far_apart(m.amount, clusters[by_giver[1]]):
            clusters[by_giver[1]].append(m)
            return
        # Then whose figure it is: the Greens' seats join the Greens' seats, the Civic
        # Union's the Civic Union's, whatever the words of the clauses.
        by_holder = max(
            ((sum(bool(holders[id(m)] & holders[id(o)]) for o in clusters[i]), i) for i in open_),
            default=(0, -1),
        )
        if by_holder[0] and not _far_apart(m.amount, clusters[by_holder[1]]):
            clusters[by_holder[1]].append(m)
            return
        # Words and values only among clusters told of the same places, or of none: "five
        # were killed in Gava" is no discrepancy with "eight were killed in Shaffa".
        nearby = [i for i in open_ if not _elsewhere(m, clusters[i])]
        by_words = max(((_word_pull(m, clusters[i], common), i) for i in nearby), default=(0.0, -1))
        if by_words[0] >= CONTEXT_SAME and not _far_apart(m.amount, clusters[by_words[1]]):
            chosen = by_words[1]
            # One shared word is weak against the same figure: "31 per cent above the
            # closing price" shares only "shares" with "shares jumped 27%", and states the
            # "premium of 31%" of the others.
            same = [i for i in open_ if any(_same_figure(m, o) for o in clusters[i])]
            weak = _shared_words(m, clusters[chosen], common) <= 1
            if weak and same and chosen not in same:
                chosen = same[0]
            clusters[chosen].append(m)
            return
        by_value = min(
            ((_log_gap(m.amount, clusters[i]), i) for i in nearby), default=(math.inf, -1)
        )
        # A seed is one of two figures an article tells apart: it joins another's split
        # only on the same value, unless it is itself approximate ("près de 100 000"
        # beside 85,000: the same quantity, told loosely).
        loose = _statement(m).bound != "exact"
        limit = APPROXIMATE_SAME if seed and not loose else APPROXIMATE_MINOR
        if by_value[0] <= limit:
            clusters[by_value[1]].append(m)
            return
        clusters.append([m])

    # Only the figures an article tells apart seed the splits: a vague range beside them
    # ("tens of thousands" beside the organisers' 85,000 and the police's 32,000) admits
    # either, and seeding with it drew the others' figures into its own split.
    seeds = [[m for m in ms if any(_distinct(m, o) for o in ms)] for ms in seeded]
    for mentions in seeds:
        for m in mentions:
            place(m, seed=True)
    placed = {id(m) for ms in seeds for m in ms}
    # Figures with a value before vague ranges: "tens of thousands" shares its few words
    # ("march") with every split, and placed first it drew the next figures by them.
    rest = [m for m in group if id(m) not in placed]
    for m in sorted(rest, key=lambda m: _statement(m).bound == "range"):
        place(m, seed=False)
    return clusters


def _groups(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    base: dict[tuple[str, str, str], list[FigureMention]] = defaultdict(list)
    for m in mentions:
        base[_base_key(m)].append(m)
    groups: list[list[FigureMention]] = []
    for key, members in base.items():
        parts = _count_groups(members) if key[0] == "count" else [members]
        for part in parts:
            groups += _split_by_context(part)
    return groups


# --- consensus and verdicts --------------------------------------------------------------


def _voice(m: FigureMention, voices: Mapping[str, str], by_outlet: Mapping[str, str]) -> str:
    """Who a figure comes from: the outlet it is cited from, else its article's voice."""
    if m.cited_outlet:
        return by_outlet.get(outlet_key(m.cited_outlet), m.cited_outlet)
    return voices.get(m.view.id, m.view.voice_name)


def _representatives(
    mentions: list[FigureMention], voice_of: dict[int, str]
) -> dict[str, FigureMention]:
    """One statement per voice: its earliest article's first body mention."""
    chosen: dict[str, FigureMention] = {}

    def order(m: FigureMention) -> tuple[bool, str, bool, int]:
        published = m.view.article.published
        return (published is None, published.isoformat() if published else "", m.in_headline,
                m.span.start)  # fmt: skip

    for m in sorted(mentions, key=order):
        chosen.setdefault(voice_of[id(m)], m)
    return chosen


@dataclass(frozen=True, slots=True)
class _Consensus:
    value: float
    approximate: bool
    support: list[str]  # voices consistent with it


def _consensus(statements: Mapping[str, Statement]) -> _Consensus | None:
    """The value stated by the most voices; bounds that admit it break ties.

    None when rival values tie (no majority), or when nobody states a value at all.
    """
    candidates: list[tuple[float, bool]] = []
    for s in statements.values():
        if s.value is not None and (s.value, s.approximate) not in candidates:
            candidates.append((s.value, s.approximate))
    if not candidates:
        return None
    scored = []
    for value, approximate in candidates:
        votes = [
            v
            for v, s in statements.items()
            if s.value is not None
            and (_gap(s.value, value) <= EXACT_SAME or abs(s.value - value) <= s.precision)
        ]
        support = [
            v
            for v, s in statements.items()
            if compare(s, value, approximate=approximate) == "consistent"
        ]
        exact = sum(not statements[v].approximate for v in votes)
        scored.append((len(votes), len(support), exact, value, approximate, support))
    scored.sort(key=lambda t: (-t[0], -t[1], -t[2]))
    best = scored[0]
    rivals = [
        t
        for t in scored[1:]
        if t[0] == best[0]
        and t[1] == best[1]
        and compare(Statement(t[3], None, None, t[4]), best[3], approximate=best[4]) != "consistent"
    ]
    if rivals:
        return None
    return _Consensus(best[3], best[4], best[5])


def _misquoted(members: Sequence[FigureMention], voice_of: Mapping[int, str]) -> dict[int, str]:
    """id(mention) -> what the cited outlet itself says, for each figure an article cites
    from an outlet whose own stored report gives another figure: "Northwind Press reports
    a 50 percent rise" when Northwind Press's article says 40 percent is the citing
    article's figure, not a second one of Northwind's."""
    found: dict[int, str] = {}
    for m in members:
        if not m.cited_outlet:
            continue
        own = [o for o in members if not o.cited_outlet and voice_of[id(o)] == voice_of[id(m)]]
        said = _statement(m)
        if own and all(compare(said, o.amount) != "consistent" for o in own):
            found[id(m)] = own[0].quantity.text
    return found


def _citation_note(m: FigureMention, misquoted: Mapping[int, str]) -> str:
    """Whose figure a cited one is, and what the cited outlet's own report says when the
    citing article gives it otherwise; "" for the outlet's own figure."""
    if id(m) in misquoted:
        return f"cited from {m.cited_outlet}, whose own report says {misquoted[id(m)]}"
    return f"cited from {m.cited_outlet}" if m.cited_outlet else ""


def _latest(running: RunningCount, statements: Mapping[str, Statement]) -> _Consensus:
    """A running count's consensus: where the latest report puts it, supported by the
    voices consistent with it (an earlier "at least 12" is)."""
    support = [
        v
        for v, s in statements.items()
        if compare(s, running.value, approximate=False) == "consistent"
    ]
    return _Consensus(running.value, False, support)


def _verdict(
    statement: Statement,
    consensus: _Consensus | None,
    statements: Mapping[str, Statement],
    own_voice: str,
) -> FigureVerdict:
    if consensus is None:
        verdicts = [
            compare(statement, s.value, approximate=s.approximate)
            for v, s in statements.items()
            if v != own_voice and s.value is not None
        ]
        if not verdicts or all(v == "consistent" for v in verdicts):
            return "consistent"
        return "contradiction" if "contradiction" in verdicts else "minor_discrepancy"
    verdict = compare(statement, consensus.value, approximate=consensus.approximate)
    if verdict != "consistent" and statement.value is not None:
        sharing = [
            v
            for v, s in statements.items()
            if s.value is not None and _gap(s.value, statement.value) <= EXACT_SAME
        ]
        if len(sharing) >= 2 and len(sharing) < len(consensus.support):
            return "minority"
    return verdict


# --- output ------------------------------------------------------------------------------


def _participants(mentions: Sequence[FigureMention]) -> list[str]:
    for m in mentions:
        for event in m.view.events:
            if event.duration == m.quantity.id and event.participants:
                names = [m.view.canonical_name(p) for p in event.participants]
                return [n for n in names if n]
    return []


def _surface(members: Sequence[FigureMention], stemmed: str) -> str:
    """A context word as one of the outlets wrote it ("routes", not the stem "rout")."""
    for m in members:
        if m.view.english:
            start, end = m.sentence
            if (word := surface_word(m.view.article.text[start:end], stemmed)) is not None:
                return word
    return stemmed


#: Content words two outlets' figures of no known kind must share to be shown as one
#: figure: "the airport in Serevo closed for six hours" and "Serevo airport was closed
#: for six hours" share three; "in 12 hours" of rain and "for six hours" share none.
_ALIKE_WORDS = 2


def _said_alike(members: Sequence[FigureMention]) -> bool:
    """Whether every figure of no known kind shares `_ALIKE_WORDS` clause words with one
    from another article: then it is one quantity said alike, worth a table."""
    return all(
        any(o.view.id != m.view.id and len(o.context & m.context) >= _ALIKE_WORDS for o in members)
        for m in members
    )


def _description(members: Sequence[FigureMention], siblings: int) -> str:
    first = members[0]
    if first.measure == "unknown":  # "duration (airport, closed, Serevo)": its words name it
        words = _UNKNOWN_WORDS.get(first.dimension, "figure")
    elif first.dimension == "percent":
        words = _PERCENT_WORDS.get(first.measure, "percentage")
    else:
        words = _WORDS.get(first.dimension, "{m}").format(m=first.measure)
    if first.dimension == "duration" and (people := _participants(members)):
        words += " of " + " and ".join(people[:3])
    if siblings > 1 or first.measure == "unknown":  # name this one by its words
        # Sorted: ties keep their first-seen order, and a set's order changes with each
        # process's string hashing (the same cross-check named its figure differently).
        common = Counter(w for m in members if m.view.english for w in sorted(m.context))
        top = [w for w, n in common.most_common(3) if n > 1] or [
            w for w, _ in common.most_common(2)
        ]
        # Who gives it first, when they agree: "number of people (police, ...)".
        givers = Counter(w for m in members if m.view.english for w in sorted(m.claimant))
        if givers and (giver := givers.most_common(1)[0])[1] > 1:
            top = [giver[0], *(w for w in top if w != giver[0])][:3]
        if top:
            words += f" ({', '.join(_surface(members, w) for w in top)})"
    if first.scope != "main":
        words += f" (another event: {first.scope.removeprefix('other:')})"
    return words


def align_figures(
    views: Sequence[ArticleView],
    *,
    voices: Mapping[str, str],
    event_days: Mapping[str, date | None] | None = None,
) -> list[AlignedFigure]:
    """Every figure that two or more of the story's articles give, aligned.

    Args:
        views: the story's articles (the cross-checked one among them).
        voices: article id -> independent voice (`provenance.voices`).
        event_days: article id -> the day of its main event (from the profiles), which
            tells an earlier event's figures from the story's.

    Returns:
        Aligned figures, the main event's first, then by how many articles give them.
    """
    days = event_days or {}
    mentions = [m for v in views for m in figure_mentions(v, event_day=days.get(v.id))]
    mentions = _resolve_unknown(mentions)
    by_outlet = {outlet_key(v.voice_name): voices.get(v.id, v.voice_name) for v in views}
    groups = _groups(mentions)
    kinds = Counter((g[0].dimension, g[0].measure, g[0].scope) for g in groups)
    aligned: list[AlignedFigure] = []
    used_ids: Counter[str] = Counter()
    for members in groups:
        first = members[0]
        if len({m.view.id for m in members}) < 2 or (
            first.measure == "unknown" and not _said_alike(members)
        ):
            continue
        voice_of = {id(m): _voice(m, voices, by_outlet) for m in members}
        misquoted = _misquoted(members, voice_of)
        for m in members:
            if id(m) in misquoted:  # the citing article's own figure, not the cited one's
                voice_of[id(m)] = voices.get(m.view.id, m.view.voice_name)
        chosen = _representatives(members, voice_of)
        statements = {voice: _statement(m) for voice, m in chosen.items()}
        running = running_count(first.measure, chosen)
        consensus = _consensus(statements) if running is None else _latest(running, statements)
        values = []
        for m in sorted(members, key=lambda m: (m.view.id, m.span.start)):
            voice = voice_of[id(m)]
            verdict = _verdict(_statement(m), consensus, statements, voice)
            notes = [_citation_note(m, misquoted)]
            if running is not None and running.earlier(voice, level_of(m)):
                verdict = "consistent"
                notes.append(f"an earlier count: the latest report gives {running.value:,.0f}")
            values.append(
                FigureValue(
                    article=m.view.id,
                    outlet=m.view.article.outlet,
                    span=m.span,
                    text=m.quantity.text,
                    value=m.quantity.value,
                    lower=m.quantity.lower,
                    upper=m.quantity.upper,
                    bound=_statement(m).bound,
                    verdict=verdict,
                    voice=voice,
                    note="; ".join(n for n in notes if n),
                )
            )
        scope = first.scope
        figure_id = f"{first.dimension}/{first.measure}" + (
            "" if scope == "main" else f"@{scope.removeprefix('other:')}"
        )
        used_ids[figure_id] += 1
        if used_ids[figure_id] > 1:
            figure_id += f"#{used_ids[figure_id]}"
        aligned.append(
            AlignedFigure(
                id=figure_id,
                description=_description(
                    members, kinds[(first.dimension, first.measure, first.scope)]
                ),
                dimension=first.dimension,
                unit=first.unit,
                event="main" if scope == "main" else scope.removeprefix("other:"),
                consensus=None
                if consensus is None
                else Consensus(
                    value=consensus.value,
                    approximate=consensus.approximate,
                    support=len(consensus.support),
                    voices=len(statements),
                    outlets=sorted(consensus.support),
                    basis="majority" if running is None else "latest",
                ),
                values=values,
            )
        )
    aligned.sort(key=lambda f: (f.event != "main", -len({v.article for v in f.values}), f.id))
    return aligned
