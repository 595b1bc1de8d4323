"""Which figures of a story's articles are one quantity: the groups `alignment` lines up.

Figures group when they measure the same thing of the same event (`figure_mentions`): the
same dimension and unit, the same event, the same kind of thing (the meeting's duration,
the injured, the firefighters, a share's target). Counts group by what they count. When
one article gives two different figures of one kind (85 firefighters sent, 3 treated),
the kind is split by who gives each figure, whose it is, the words around it and its
places (for casualties), and every other article's figure joins the split it matches
best; a group no article splits is still cut where one figure is ten times the next.
Figures of no known kind join the story's dominant kind when their size allows.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable

from newsprobe.analyzers.quantities.rules import ESTIMATE
from newsprobe.corpus.content import stem
from newsprobe.corpus.figure_compare import (
    APPROXIMATE_MINOR,
    APPROXIMATE_SAME,
    EXACT_SAME,
    compare,
    gap,
    statement_of,
)
from newsprobe.corpus.figure_mentions import PART_MARKERS, FigureMention
from newsprobe.corpus.i18n.lexicon import lexicon
from newsprobe.corpus.names import fold

__all__ = ["CONTEXT_SAME", "group_figures", "resolve_unknown"]

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


def resolve_unknown(mentions: list[FigureMention]) -> list[FigureMention]:
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
    for marker in PART_MARKERS:  # "14 more officers" never joins the 22 first arrested
        if m.measure.endswith(marker):
            measure = measure or marker
    return (m.dimension, unit, m.scope + "|" + measure)


def _linked_groups(
    mentions: list[FigureMention], linked: Callable[[int, int], bool]
) -> list[list[FigureMention]]:
    """The mentions in groups: two join (and so do their groups) when `linked(i, j)`."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(mentions)):
        for j in range(i):
            if linked(i, j):
                parent[find(i)] = find(j)
    groups: dict[int, list[FigureMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[find(i)].append(m)
    return list(groups.values())


def _count_groups(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """Counts of things that share a noun ("drivers" and "bus and tram drivers") group;
    not two counts the lexicons already class apart ("four people were arrested" and
    "85,000 people marched": the arrested and the people)."""
    classes = frozenset(lexicon("en").count_nouns.values())
    counted = [_counted(m) for m in mentions]

    def linked(i: int, j: int) -> bool:
        a, b = mentions[i], mentions[j]
        classed_apart = a.measure in classes and b.measure in classes
        # What one counts said near the other ("drivers", "bus and tram drivers"): any
        # shared word chained unrelated counts ("suspected members", "suspected gunmen";
        # "kidnapped girls", "kidnapped hostages") into one group.
        named = (
            counted[i] in b.nouns or counted[j] in a.nouns or _compound_of(counted[i], counted[j])
        )
        return a.measure == b.measure or (named and not classed_apart)

    return _linked_groups(mentions, linked)


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
    sa, sb = statement_of(a), statement_of(b)
    for vague, other in ((sa, b), (sb, a)):
        # "hundreds" (200 to 999) and "some 280" are one figure told twice, not two. An
        # open bound is left alone: "more than 30" beside "45" may well be two figures.
        ranged = vague.value is None and vague.lower is not None and vague.upper is not None
        if ranged and compare(vague, other.amount) == "consistent":
            return False
    loose = sa.approximate or sb.approximate or sa.value is None or sb.value is None
    tolerance = APPROXIMATE_SAME if loose else max(EXACT_SAME, sa.precision / b.amount)
    return gap(a.amount, b.amount) > tolerance and gap(b.amount, a.amount) > tolerance


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
    sa, sb = statement_of(a), statement_of(b)
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


def _loggap(value: float, cluster: list[FigureMention]) -> float:
    median = statistics.median(o.amount for o in cluster)
    return gap(value, median) if median else math.inf


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
    part_of = {id(m): k for k, part in enumerate(parts) for m in part}
    return [[m for m in group if part_of[id(m)] == k] for k in range(len(parts))]


def _shares_by_words(group: list[FigureMention]) -> list[list[FigureMention]]:
    """Shares that no article tells apart, joined only when their clauses share a word
    or they state the same share. A story holds many shares of different things ("89 % of
    respondents" in a poll, a "100 percent fake story", "18 % price rise" and "31 % lost
    to leaks"), and unlike a count of the dead nothing else says two are one quantity:
    lining up each article's only share made contradictions of them (real FNC-1
    coverage)."""

    def linked(i: int, j: int) -> bool:
        a, b = group[i], group[j]
        words = (a.context | a.nouns) & (b.context | b.nouns)
        return bool(words) or compare(statement_of(a), b.amount) == "consistent"

    return _linked_groups(group, linked)


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
    if not seeded and group[0].dimension == "percent":
        return [p for part in _split_by_size(group) for p in _shares_by_words(part)]
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
            ((_loggap(m.amount, clusters[i]), i) for i in nearby), default=(math.inf, -1)
        )
        # A seed is one of two figures an article tells apart: it joins another's split
        # only on the same value, unless it is itself approximate ("près de 100 000"
        # beside 85,000: the same quantity, told loosely).
        loose = statement_of(m).bound != "exact"
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
    for m in sorted(rest, key=lambda m: statement_of(m).bound == "range"):
        place(m, seed=False)
    return clusters


def group_figures(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """The figures of a story's articles, one list per quantity."""
    base: dict[tuple[str, str, str], list[FigureMention]] = defaultdict(list)
    for m in mentions:
        base[_base_key(m)].append(m)
    groups: list[list[FigureMention]] = []
    for key, members in base.items():
        parts = _count_groups(members) if key[0] == "count" else [members]
        for part in parts:
            groups += _split_by_context(part)
    return groups
