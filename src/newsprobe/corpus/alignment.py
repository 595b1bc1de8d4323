"""Aligned figures: the same quantity lined up across a story's articles, with a verdict.

Which figures are one quantity is `figure_groups`' (the same thing of the same event,
split by who gives it, whose it is, its words and places). For each aligned figure every
article's value is listed with its span; the consensus is the value stated by the most
independent voices (an outlet is one voice, and so are all copies of one wire story:
`provenance.voices`), bounds and approximations breaking ties; and each value gets a
verdict against it (`figure_compare` holds the tolerances):

- ``consistent``: the same figure (to the precision it is written in: "1.2 billion" for
  1.24 billion), or a bound or approximation that admits it ("over 30 minutes" against
  45; "about 45" against 45);
- ``minor_discrepancy``: close but not the same ("about half an hour" against 45);
- ``minority``: a different figure that two or more voices share, against a larger
  majority;
- ``contradiction``: clearly different (20 against 45).

A count that grows from report to report (a death toll) is judged against its latest
level (`running_counts`). A figure from another event the article mentions (an earlier
fire's toll) aligns with that event's figures, never with the main story's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsprobe.corpus.cited_names import node_key, outlet_voices
from newsprobe.corpus.content import surface_word
from newsprobe.corpus.figure_compare import (
    APPROXIMATE_MINOR,
    APPROXIMATE_SAME,
    EXACT_MINOR,
    EXACT_SAME,
    SHARE_MINOR,
    Statement,
    compare,
    gap,
    precision_of,
    statement_of,
)
from newsprobe.corpus.figure_groups import group_figures, resolve_unknown
from newsprobe.corpus.figure_mentions import TARGET, FigureMention, figure_mentions
from newsprobe.corpus.other_events import (
    OtherStory,
    borrowed_mentions,
    match_stories,
    wanted_names,
)
from newsprobe.corpus.running_counts import (
    RUNNING_MEASURES,
    RunningCount,
    level_of,
    running_count,
)
from newsprobe.corpus.view import ArticleView
from newsprobe.coverage import AlignedFigure, Consensus, FigureValue, FigureVerdict

__all__ = [
    "APPROXIMATE_MINOR",
    "APPROXIMATE_SAME",
    "EXACT_MINOR",
    "EXACT_SAME",
    "SHARE_MINOR",
    "UNDATED_COUNT_NOTE",
    "Statement",
    "align_figures",
    "compare",
    "precision_of",
]

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


# --- consensus and verdicts --------------------------------------------------------------


def _voice(m: FigureMention, voices: Mapping[str, str], by_outlet: Mapping[str, str]) -> str:
    """Who a figure comes from: the outlet it is cited from, else its article's voice."""
    if m.cited_outlet:
        return by_outlet.get(node_key(m.cited_outlet), m.cited_outlet)
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
            and (gap(s.value, value) <= EXACT_SAME or abs(s.value - value) <= s.precision)
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
        said = statement_of(m)
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
    if verdict != "consistent":
        sharing = [v for v, s in statements.items() if _alike(s, statement)]
        if len(sharing) >= 2 and len(sharing) < len(consensus.support):
            return "minority"
    return verdict


def _alike(a: Statement, b: Statement) -> bool:
    """Whether two statements give one figure: the same value, or a bound and a value
    that each admits the other ("at least 10" and "10"; not "at least 10" and "11" as a
    point). Voices that agree so on a figure the consensus does not give are a minority,
    not each a contradiction (real coverage of one shooting: nine outlets heard "at least
    10" shots on a recording where eight counted the first volley of six)."""
    if a.value is not None and b.value is not None:
        return gap(a.value, b.value) <= EXACT_SAME
    point_a = next((x for x in (a.value, a.lower, a.upper) if x is not None), None)
    point_b = next((x for x in (b.value, b.lower, b.upper) if x is not None), None)
    if point_a is None or point_b is None:
        return False
    return compare(a, point_b) == "consistent" and compare(b, point_a) == "consistent"


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


#: Said of a differing value of a count that grows while a story unfolds when some of its
#: reports are undated: the reader cannot be told which came first, and should know that
#: a lower figure may only be older (real FNC-1 coverage is undated throughout).
UNDATED_COUNT_NOTE = (
    "a count that grows as the story unfolds, and some reports are undated: "
    "this may be an earlier or later count, not a contradiction"
)


def _undated_running(measure: str, chosen: Mapping[str, FigureMention]) -> bool:
    """Whether the figure is a count that grows (`running_counts`) some of whose
    reports are undated, so their order is unknown."""
    return measure in RUNNING_MEASURES and any(
        m.view.article.published is None for m in chosen.values()
    )


#: Days after a recalled event from which the story's articles recall a settled count:
#: "a blast at the Brask pit killed ten miners", eight months on, is no newer toll than
#: the nine reported the morning after. Two weeks: tolls of the composed and FNC-1
#: stories stop growing within days.
_SETTLED_DAYS = 14


def _settled(chosen: Mapping[str, FigureMention], story: OtherStory, home: set[str]) -> bool:
    """Whether every report of a recalled event's figure by the story's own articles came
    `_SETTLED_DAYS` or more after that event's stored story began: a settled count, read
    by vote, not at its latest."""
    first = story.first_day()
    dates = [
        m.view.article.published.date()
        for m in chosen.values()
        if m.view.id in home and m.view.article.published is not None
    ]
    return (
        first is not None
        and bool(dates)
        and all(d >= first + timedelta(days=_SETTLED_DAYS) for d in dates)
    )


def align_figures(
    views: Sequence[ArticleView],
    *,
    voices: Mapping[str, str],
    event_days: Mapping[str, date | None] | None = None,
    others: Sequence[OtherStory] = (),
) -> list[AlignedFigure]:
    """Every figure that two or more of the story's articles give, aligned.

    Args:
        views: the story's articles (the cross-checked one among them).
        voices: article id -> independent voice (`provenance.voices`).
        event_days: article id -> the day of its main event (from the profiles), which
            tells an earlier event's figures from the story's.
        others: stored stories that may be events the story recalls (`other_events`):
            the figures of the one about a recalled event line up with the story's
            figures of that event.

    Returns:
        Aligned figures, the main event's first, then by how many articles give them.
    """
    days = event_days or {}
    elsewhere = wanted_names(views, days)
    mentions = [
        m
        for v in views
        for m in figure_mentions(v, event_day=days.get(v.id), story_names=elsewhere)
    ]
    home = {v.id for v in views}
    recalled = match_stories(elsewhere, views, days, others)
    for scope, story in recalled.items():
        mentions += borrowed_mentions(story, scope)
        voices = {**story.voices, **voices}
    mentions = resolve_unknown(mentions)
    seen = [*views, *(v for story in recalled.values() for v in story.views)]
    by_outlet = outlet_voices(seen, voices, (m.cited_outlet for m in mentions if m.cited_outlet))
    groups = group_figures(mentions)
    kinds = Counter((g[0].dimension, g[0].measure, g[0].scope) for g in groups)
    aligned: list[AlignedFigure] = []
    used_ids: Counter[str] = Counter()
    for members in groups:
        first = members[0]
        if (
            len({m.view.id for m in members}) < 2
            or (first.measure == "unknown" and not _said_alike(members))
            or not any(m.view.id in home for m in members)  # the recalled story's alone
        ):
            continue
        voice_of = {id(m): _voice(m, voices, by_outlet) for m in members}
        misquoted = _misquoted(members, voice_of)
        for m in members:
            if id(m) in misquoted:  # the citing article's own figure, not the cited one's
                voice_of[id(m)] = voices.get(m.view.id, m.view.voice_name)
        chosen = _representatives(members, voice_of)
        statements = {voice: statement_of(m) for voice, m in chosen.items()}
        running = running_count(first.measure, chosen)
        if running is not None and first.scope in recalled:
            running = None if _settled(chosen, recalled[first.scope], home) else running
        consensus = _consensus(statements) if running is None else _latest(running, statements)
        unordered = running is None and _undated_running(first.measure, chosen)
        values = []
        for m in sorted(members, key=lambda m: (m.view.id, m.span.start)):
            voice = voice_of[id(m)]
            verdict = _verdict(statement_of(m), consensus, statements, voice)
            notes = [_citation_note(m, misquoted)]
            if running is not None and running.earlier(voice, level_of(m)):
                verdict = "consistent"
                notes.append(f"an earlier count: the latest report gives {running.value:,.0f}")
            elif unordered and verdict not in (None, "consistent"):
                notes.append(UNDATED_COUNT_NOTE)
            values.append(
                FigureValue(
                    article=m.view.id,
                    outlet=m.view.article.outlet,
                    span=m.span,
                    text=m.quantity.text,
                    value=m.quantity.value,
                    lower=m.quantity.lower,
                    upper=m.quantity.upper,
                    bound=statement_of(m).bound,
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
                event_story=recalled[scope].id if scope in recalled else None,
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
