"""Aligned figures: the same quantity lined up across a story's articles, with a verdict.

Figures align when they measure the same thing of the same event (`figure_mentions`):
the duration of the meeting, the number injured, the number of firefighters. For each
aligned figure every article's value is listed with its span; the consensus is the value
most independent voices are consistent with (an outlet is one voice, and so are all the
copies of one wire story: `provenance.voices`); and each value gets a verdict against it:

- ``consistent``: the same figure, or a bound or approximation that admits it ("over 30
  minutes" against 45; "about 45" against 45);
- ``minor_discrepancy``: close but not the same ("about half an hour" against 45);
- ``minority``: a different figure that two or more voices share, against a larger
  majority;
- ``contradiction``: clearly different (20 against 45).

Tolerances are relative to the consensus value; each is a constant below with how it was
set. A figure from another event the article mentions (an earlier fire's toll) aligns with
that event's figures, never with the main story's.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newsprobe.corpus.figure_mentions import FigureMention, figure_mentions
from newsprobe.corpus.view import ArticleView, outlet_key
from newsprobe.coverage import AlignedFigure, Consensus, FigureBound, FigureValue, FigureVerdict

__all__ = [
    "APPROXIMATE_MINOR",
    "APPROXIMATE_SAME",
    "EXACT_MINOR",
    "EXACT_SAME",
    "Statement",
    "align_figures",
    "compare",
]

#: Relative gap within which an exact figure is the same as the consensus: rounding
#: ("45" for 44.5), nothing more. 12 against 13 injured is a different figure.
EXACT_SAME = 0.02
#: Relative gap up to which an exact figure is a minor discrepancy rather than a
#: contradiction. The corpus README's example makes 45 against a consensus of 60 (a gap
#: of 0.25) a contradiction; 40 against 45 (0.11) reads as close.
EXACT_MINOR = 0.2
#: An approximate figure ("about an hour", "rund 45 Minuten") admits this relative gap:
#: "about an hour" for 55 minutes is fair, for 45 it is not.
APPROXIMATE_SAME = 0.15
#: Up to this gap an approximate figure is a minor discrepancy: "about half an hour"
#: against 45 (0.33) is, as the issue says; "about 20 minutes" against 45 (0.56) is not.
APPROXIMATE_MINOR = 0.4
# An "unknown" duration ("spent about an hour together") joins the story's dominant kind
# of event only when it is within this factor of that kind's median: "waited four
# months" is not the length of a 45-minute meeting.
_UNKNOWN_JOIN_FACTOR = 4.0

_WORDS = {
    "duration": "duration of the {m}",
    "casualties": "number {m}",
    "count": "number of {m}",
    "money": "amount in {m}",
}


@dataclass(frozen=True, slots=True)
class Statement:
    """What one value says: a point, a bound, or a range, exact or approximate."""

    value: float | None
    lower: float | None
    upper: float | None
    approximate: bool

    @property
    def bound(self) -> FigureBound:
        if self.value is None:
            if self.lower is not None and self.upper is not None:
                return "range"
            return "lower" if self.lower is not None else "upper"
        return "approximate" if self.approximate else "exact"

    @property
    def point(self) -> float | None:
        return self.value


def _statement(m: FigureMention) -> Statement:
    q = m.quantity
    return Statement(q.value, q.lower, q.upper, q.approximate)


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
        return _graded(_gap(statement.value, reference), same, minor)
    # Bounds: inside is consistent; outside, graded by how far outside.
    low, high = statement.lower, statement.upper
    if low is not None and reference < low * (1 - EXACT_SAME):
        return _graded(_gap(reference, low), EXACT_SAME, EXACT_MINOR)
    if high is not None and reference > high * (1 + EXACT_SAME):
        return _graded(_gap(reference, high), EXACT_SAME, EXACT_MINOR)
    return "consistent"


def _group_label(dimension: str, measure: str, scope: str, participants: list[str]) -> str:
    words = _WORDS.get(dimension, "{m}").format(m=measure)
    if dimension == "duration" and participants:
        words += " of " + " and ".join(participants[:3])
    if scope != "main":
        _, when, kind = scope.split(":", 2)
        words += f" (another event: {kind}, {when})"
    return words


def _resolve_unknown(mentions: list[FigureMention]) -> list[FigureMention]:
    """Durations of unknown kind join the story's dominant kind when the value fits."""
    kinds: dict[tuple[str, str], list[float]] = defaultdict(list)
    for m in mentions:
        amount = m.quantity.value or m.quantity.lower or m.quantity.upper
        if m.dimension == "duration" and m.measure != "unknown" and amount:
            kinds[(m.scope, m.measure)].append(amount)
    resolved: list[FigureMention] = []
    for m in mentions:
        if m.dimension == "duration" and m.measure == "unknown":
            options = [(len(v), k[1], v) for k, v in kinds.items() if k[0] == m.scope]
            amount = m.quantity.value or m.quantity.lower or m.quantity.upper or 0.0
            if options and amount:
                _, kind, values = max(options)
                median = statistics.median(values)
                if median / _UNKNOWN_JOIN_FACTOR <= amount <= median * _UNKNOWN_JOIN_FACTOR:
                    m = FigureMention(
                        view=m.view,
                        quantity=m.quantity,
                        dimension=m.dimension,
                        measure=kind,
                        scope=m.scope,
                        sentence=m.sentence,
                        in_headline=m.in_headline,
                        cited_outlet=m.cited_outlet,
                    )
        resolved.append(m)
    return resolved


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
    for m in sorted(
        mentions,
        key=lambda m: (
            m.view.article.published is None,
            m.view.article.published.isoformat() if m.view.article.published else "",
            m.in_headline,
            m.span.start,
        ),
    ):
        chosen.setdefault(voice_of[id(m)], m)
    return chosen


@dataclass(frozen=True, slots=True)
class _Consensus:
    value: float
    approximate: bool
    support: list[str]  # voices


def _consensus(statements: Mapping[str, Statement]) -> _Consensus | None:
    """The point value most voices are consistent with; None on a tie between rivals."""
    candidates: list[tuple[float, bool]] = []
    for s in statements.values():
        if s.value is not None and (s.value, s.approximate) not in candidates:
            candidates.append((s.value, s.approximate))
    if not candidates:
        return None
    scored = []
    for value, approximate in candidates:
        support = [
            v
            for v, s in statements.items()
            if compare(s, value, approximate=approximate) == "consistent"
        ]
        exact_points = sum(
            1
            for s in statements.values()
            if s.value is not None and _gap(s.value, value) <= EXACT_SAME
        )
        scored.append((len(support), exact_points, not approximate, value, approximate, support))
    scored.sort(key=lambda t: (-t[0], -t[1], -t[2]))
    best = scored[0]
    rivals = [
        t
        for t in scored[1:]
        if t[0] == best[0]
        and compare(Statement(t[3], None, None, t[4]), best[3], approximate=best[4]) != "consistent"
    ]
    if rivals and best[0] < len(statements):
        return None
    return _Consensus(best[3], best[4], best[5])


def _verdict(
    statement: Statement,
    consensus: _Consensus | None,
    statements: Mapping[str, Statement],
    own_voice: str,
) -> FigureVerdict:
    if consensus is None:
        others = [s for v, s in statements.items() if v != own_voice and s.value is not None]
        verdicts = [
            compare(statement, s.value, approximate=s.approximate)
            for s in others
            if s.value is not None
        ]
        if not verdicts or all(v == "consistent" for v in verdicts):
            return "consistent"
        return "contradiction" if "contradiction" in verdicts else "minor_discrepancy"
    verdict = compare(statement, consensus.value, approximate=consensus.approximate)
    if verdict != "consistent" and statement.value is not None:
        sharing = [
            v
            for v, s in statements.items()
            if s.value is not None and _gap(s.value, statement.value) <= APPROXIMATE_SAME
        ]
        if len(sharing) >= 2 and len(sharing) < len(consensus.support):
            return "minority"
    return verdict


def _participants(mentions: Sequence[FigureMention]) -> list[str]:
    for m in mentions:
        for event in m.view.events:
            if event.duration == m.quantity.id and event.participants:
                names = [m.view.canonical_name(p) for p in event.participants]
                return [n for n in names if n]
    return []


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
    groups: dict[tuple[str, str, str], list[FigureMention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    aligned: list[AlignedFigure] = []
    for (dimension, measure, scope), members in groups.items():
        if len({m.view.id for m in members}) < 2 or measure == "unknown":
            continue
        voice_of = {id(m): _voice(m, voices, by_outlet) for m in members}
        chosen = _representatives(members, voice_of)
        statements = {voice: _statement(m) for voice, m in chosen.items()}
        consensus = _consensus(statements)
        values: list[FigureValue] = []
        for m in sorted(members, key=lambda m: (m.view.id, m.span.start)):
            statement = _statement(m)
            values.append(
                FigureValue(
                    article=m.view.id,
                    outlet=m.view.article.outlet,
                    span=m.span,
                    text=m.quantity.text,
                    value=statement.value,
                    lower=statement.lower,
                    upper=statement.upper,
                    bound=statement.bound,
                    verdict=_verdict(statement, consensus, statements, voice_of[id(m)]),
                    voice=voice_of[id(m)],
                    note=f"cited from {m.cited_outlet}" if m.cited_outlet else "",
                )
            )
        figure_id = f"{dimension}/{measure}" + ("" if scope == "main" else f"@{scope[6:]}")
        aligned.append(
            AlignedFigure(
                id=figure_id,
                description=_group_label(dimension, measure, scope, _participants(members)),
                dimension=dimension,
                unit=members[0].quantity.unit,
                event="main" if scope == "main" else scope[6:],
                consensus=None
                if consensus is None
                else Consensus(
                    value=consensus.value,
                    approximate=consensus.approximate,
                    support=len(consensus.support),
                    voices=len(statements),
                    outlets=sorted(consensus.support),
                ),
                values=values,
            )
        )
    aligned.sort(key=lambda f: (f.event != "main", -len({v.article for v in f.values}), f.id))
    return aligned
