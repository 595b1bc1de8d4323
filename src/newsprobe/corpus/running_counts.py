"""Counts that grow while a story unfolds: a death toll read at its latest, not by vote.

"At least 12 dead" at dawn, "27" that evening, "31" the next morning: three outlets, three
figures, and no contradiction among them. A majority vote over such a toll finds none
(or the stalest one, when most outlets wrote early), and marks every later report a
discrepancy. When every outlet giving the figure is dated and their counts never fall
from one report to the next, the figure is a running count: what it stands at is the
latest report's value, and an earlier, lower count is an earlier count, consistent with
the story. A count that falls later (a toll revised down, a rival outlet's smaller
figure published after a larger one) is no running count and is compared as any other
figure.

Only counts that news updates as it learns more are read this way (`RUNNING_MEASURES`):
the dead, injured, missing, displaced (evacuated, homeless), arrested, and the cases of
an outbreak. A meeting's length or an amount of money does not grow between reports; two
values of it disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from newsprobe.corpus.figure_mentions import FigureMention

__all__ = ["RUNNING_MEASURES", "RunningCount", "level_of", "running_count"]

#: Measures (`figure_mentions` classes) whose count grows as a story unfolds.
RUNNING_MEASURES = frozenset(
    {"dead", "injured", "missing", "casualties", "displaced", "arrested", "cases"}
)


@dataclass(frozen=True, slots=True)
class RunningCount:
    """Where a running count stands: the latest report's value, and when each voice gave
    its own count."""

    value: float
    latest: datetime
    reported: Mapping[str, datetime]  # voice -> when its count was published

    def earlier(self, voice: str, level: float | None) -> bool:
        """Whether `voice`'s count is an earlier, lower reading of this one."""
        when = self.reported.get(voice)
        return when is not None and when < self.latest and level is not None and level < self.value


def level_of(mention: FigureMention) -> float | None:
    """The count a mention gives: its value, or the floor of "at least 12" and of
    "dozens" (24); None for a ceiling alone ("up to 30")."""
    q = mention.quantity
    return q.value if q.value is not None else q.lower


def running_count(measure: str, chosen: Mapping[str, FigureMention]) -> RunningCount | None:
    """The running count of one aligned figure (`chosen`: one mention per voice), or None
    when it is not one: not a measure that grows, an undated voice, a single report time
    or a single value, a count that falls, or a latest report that gives only a bound."""
    if measure not in RUNNING_MEASURES or len(chosen) < 2:
        return None
    timed: list[tuple[datetime, float, str]] = []
    for voice, mention in chosen.items():
        published, level = mention.view.article.published, level_of(mention)
        if published is None or level is None:
            return None
        timed.append((published, level, voice))
    timed.sort()
    if len({t for t, _, _ in timed}) < 2 or len({lv for _, lv, _ in timed}) < 2:
        return None
    for earlier, later in pairwise(timed):
        if later[1] < earlier[1] or (later[0] == earlier[0] and later[1] != earlier[1]):
            return None  # a count that falls, or two counts at once: a disagreement
    latest, value, voice = timed[-1]
    if chosen[voice].quantity.value is None:
        return None  # "more than 30" last: where the count stands is not said
    return RunningCount(value=value, latest=latest, reported={v: t for t, _, v in timed})
