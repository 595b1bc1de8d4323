"""Precision per confidence band: what a finding's `confidence` means on a gold set.

A confidence is only worth showing a reader if findings given 0.9 are right more often
than findings given 0.6. Each analyzer's scorer records, for every finding it judged,
the finding's confidence and whether the gold set bore it out (`Judged`); `bands` turns
those into the precision of each band, which `benchmarks/accuracy.py` prints beside the
analyzer's headline figures.

    >>> judged = [Judged(0.95, True), Judged(0.9, True), Judged(0.55, False), Judged(0.6, True)]
    >>> [(b.label, b.findings, b.precision) for b in bands(judged)]
    [('< 0.5', 0, None), ('0.5-0.7', 2, 0.5), ('0.7-0.9', 0, None), ('>= 0.9', 2, 1.0)]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["EDGES", "Band", "Judged", "bands", "is_monotone"]

#: Band edges. Hand-set confidences cluster at 0.5, 0.6-0.7, 0.75-0.85 and 0.9-0.95
#: (read off the analyzers' tables), so these edges put each cluster in one band.
EDGES: tuple[float, ...] = (0.5, 0.7, 0.9)


@dataclass(frozen=True, slots=True)
class Judged:
    """One finding's confidence and whether the gold set agrees with it."""

    confidence: float
    correct: bool


@dataclass(frozen=True, slots=True)
class Band:
    """The findings whose confidence lies in ``[low, high)``, and how many were right."""

    low: float
    high: float
    findings: int
    correct: int

    @property
    def label(self) -> str:
        if self.low <= 0.0:
            return f"< {self.high:g}"
        if self.high > 1.0:
            return f">= {self.low:g}"
        return f"{self.low:g}-{self.high:g}"

    @property
    def precision(self) -> float | None:
        """Share of the band's findings the gold set bears out; None for an empty band."""
        return self.correct / self.findings if self.findings else None


def bands(judged: Iterable[Judged], edges: Sequence[float] = EDGES) -> list[Band]:
    """Precision per band, lowest band first (empty bands included, so tables line up)."""
    bounds = [0.0, *edges, 1.0 + 1e-9]
    counts = [[0, 0] for _ in range(len(bounds) - 1)]
    for item in judged:
        index = bisect_right(edges, item.confidence)
        counts[index][0] += 1
        counts[index][1] += item.correct
    return [
        Band(low=bounds[i], high=bounds[i + 1], findings=n, correct=right)
        for i, (n, right) in enumerate(counts)
    ]


def is_monotone(result: Sequence[Band], *, slack: float = 0.0) -> bool:
    """Whether precision never falls from one non-empty band to the next higher one by
    more than `slack`: the least a confidence must do to mean something."""
    shown = [b.precision for b in result if b.precision is not None]
    return all(high >= low - slack for low, high in pairwise(shown))
