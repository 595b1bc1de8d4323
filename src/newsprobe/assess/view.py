"""Typed, indexed access to one analysis's findings, for the criteria to read.

The assessment is a function over findings: it reads what the analyzers wrote into the
`Analysis` and nothing else (no parse, no analyzer code). This view groups the findings
by class and answers the questions several criteria ask: is this span quoted, is it in a
sourced statement, how many sentences does the body have.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property
from typing import TypeVar

from newsprobe.document import Analysis
from newsprobe.findings import (
    AttributionFinding,
    FindingBase,
    QuoteFinding,
    SignalFinding,
    Span,
)

__all__ = ["FindingsView"]

F = TypeVar("F", bound=FindingBase)

# A sentence ends at ".", "!" or "?" (and any closing quote or bracket) before a space and
# a capital, digit or opening quote, or at a paragraph break. Only a denominator for
# rates: off by one on an abbreviation ("Dr. Ruiz") it moves a share by a point or two.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")


class _Intervals:
    """Sorted, merged spans with an O(log n) "does one of them cover or touch this"."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted((s.start, s.end) for s in spans if s.end > s.start):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._starts = [start for start, _ in merged]
        self._ranges = merged

    def covers(self, span: Span) -> bool:
        index = bisect_right(self._starts, span.start) - 1
        return index >= 0 and self._ranges[index][1] >= span.end

    def touches(self, span: Span) -> bool:
        index = bisect_right(self._starts, span.end) - 1
        while index >= 0:
            start, end = self._ranges[index]
            if end <= span.start:
                return False
            if start < span.end:
                return True
            index -= 1
        return False


class FindingsView:
    """The findings of one analysis, as the criteria need them."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.article = analysis.article

    def of(self, cls: type[F]) -> list[F]:
        """Findings of one class, in the order the analyzers wrote them."""
        return [f for f in self.analysis.findings if isinstance(f, cls)]

    def signal(self, name: str) -> SignalFinding | None:
        """The article-level signal with this name, if an analyzer wrote one."""
        return next((s for s in self.of(SignalFinding) if s.name == name), None)

    @cached_property
    def sourced_statements(self) -> list[AttributionFinding]:
        """Attributed statements that name or describe a source (any but "unattributed"),
        by a cue that sources them (not an action the learned reader took for one)."""
        return [
            a
            for a in self.of(AttributionFinding)
            if a.source_type != "unattributed" and a.sources_statement
        ]

    @cached_property
    def _sourced(self) -> _Intervals:
        return _Intervals(a.span for a in self.sourced_statements)

    @cached_property
    def _quoted(self) -> _Intervals:
        return _Intervals(p for q in self.of(QuoteFinding) for p in (q.parts or [q.span]))

    def sourced(self, span: Span) -> bool:
        """Whether the span overlaps a statement sourced to someone."""
        return self._sourced.touches(span)

    def quoted(self, span: Span) -> bool:
        """Whether the span lies inside quoted words (the speaker's, not the outlet's)."""
        return self._quoted.covers(span)

    @cached_property
    def body_sentences(self) -> int:
        """Sentences in the body (at least 1 when there is a body)."""
        body = self.article.body_text.strip()
        return len(_SENTENCE_END.findall(body)) + 1 if body else 0

    @property
    def has_headline(self) -> bool:
        return len(self.article.headline) > 0
