"""Lookups of findings by position that stay fast on long articles.

Analyzers often ask "which quote covers this sentence?" or "which entity is mentioned
here?" once per token or sentence; scanning every candidate each time makes a 300 KB
article quadratic. `SpanIndex` answers those questions by binary search.

    >>> index = SpanIndex([(Span(start=0, end=5), "a"), (Span(start=10, end=20), "b")])
    >>> index.overlapping(Span(start=12, end=30))
    ['b']
    >>> index.last_before(11)
    'b'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

from newsprobe.analyzers.shared.tokens import columns
from newsprobe.findings import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = ["SpanIndex", "entities_in"]

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items keyed by span, sorted by start; spans may nest or overlap."""

    def __init__(self, items: Iterable[tuple[Span, T]]) -> None:
        ordered = sorted(items, key=lambda item: (item[0].start, item[0].end))
        self._spans = [span for span, _ in ordered]
        self._items = [item for _, item in ordered]
        self._starts = [span.start for span in self._spans]
        # Longest span: how far back an overlapping span can start.
        self._reach = max((len(span) for span in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def overlapping(self, span: Span) -> list[T]:
        """Items whose span overlaps `span` (or contains its position, if it is empty)."""
        return self._between(span.start, span.end if span.end > span.start else span.start + 1)

    def at(self, offset: int) -> list[T]:
        """Items whose span contains the character at `offset`."""
        return self._between(offset, offset + 1)

    def all_before(self, offset: int) -> Iterator[T]:
        """The items whose span starts before `offset`, the last first."""
        i = bisect_right(self._starts, offset - 1) - 1 if offset > 0 else -1
        for k in range(i, -1, -1):
            yield self._items[k]

    def _between(self, start: int, end: int) -> list[T]:
        # Asked once per token by some analyzers: no Span is built for the question.
        hi = bisect_left(self._starts, end)
        lo = bisect_left(self._starts, start - self._reach)
        return [
            self._items[i]
            for i in range(lo, hi)
            if self._spans[i].end > start and self._spans[i].start < end
        ]

    def last_before(self, offset: int) -> T | None:
        """The item whose span starts last before `offset`."""
        i = bisect_right(self._starts, offset - 1) - 1 if offset > 0 else -1
        return self._items[i] if i >= 0 else None


def entities_in(span: SpacySpan) -> list[SpacySpan]:
    """The named entities inside a spaCy span, read off its own tokens.

    spaCy's ``Span.ents`` builds the entity list of the whole document on every call, so
    asking it once per sentence makes a long article quadratic; this costs the span's
    length. Entities crossing the span's edges are cut to it.
    """
    from spacy.tokens import Span as SpacySpanType

    doc = span.doc
    cols = columns(doc)
    iob, label = cols.ent_iob, cols.ent_type
    found: list[SpacySpan] = []
    start: int | None = None
    for i in range(span.start, span.end):
        if start is not None and iob[i] != "I":
            found.append(SpacySpanType(doc, start, i, label=label[start]))
            start = None
        if iob[i] == "B" or (iob[i] == "I" and start is None):
            start = i
    if start is not None:
        found.append(SpacySpanType(doc, start, span.end, label=label[start]))
    return found
