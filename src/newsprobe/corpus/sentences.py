"""Sentences of an article in any language, as spans of `Article.text`.

Cross-checking compares sentences of articles the English parse never saw (French,
German...), so it splits by punctuation: a sentence ends at ".", "!" or "?" (and the
closing quote after it) followed by a space and a capital letter, a digit or an opening
quote, or at a line break. The headline is always a sentence of its own. Abbreviated
titles ("M.", "Dr.", "Mme.") and initials ("J. Smith") do not end one.

    >>> from newsprobe.document import Article
    >>> a = Article.create(headline="Talks end", body="They met. « C'est fini », dit-il.")
    >>> [a.text[s:e] for s, e in sentence_spans(a)]
    ['Talks end', 'They met.', "« C'est fini », dit-il."]
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from newsprobe.document import Article

__all__ = ["SentenceIndex", "sentence_spans"]

_END = re.compile(
    r"(?<=[.!?])[\"'”’»)]?(?=\s+[\"'“‘«(„]?[^\W\d_a-zß-ÿ0-9]|\s+[0-9\"'“‘«(„])"
    r"|(?<=[.!?][\"'”’»)])(?=\s+\S)"
)
# A full stop after these does not end a sentence ("M. Veles", "Dr. Ruiz", "J. Smith").
_NOT_AN_END = re.compile(
    r"(?:\b(?:M|Mme|Mlle|Dr|Sr|Sra|Srta|Hr|Fr|Prof|St|Mr|Mrs|Ms|Gen|Col|Lt|No|Nr|ca|etc|"
    r"vs|z\.B|bzw|Jr)|\b[A-Z])\.$"
)


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        cursor = line_start
        for match in _END.finditer(text, line_start, start + line.end()):
            if _NOT_AN_END.search(text[max(cursor, match.start() - 6) : match.start()]):
                continue
            spans.append((cursor, match.end()))
            cursor = match.end()
        spans.append((cursor, start + line.end()))
    trimmed = []
    for s, e in spans:
        piece = text[s:e]
        left = s + len(piece) - len(piece.lstrip())
        right = e - (len(piece) - len(piece.rstrip()))
        if right > left:
            trimmed.append((left, right))
    return trimmed


@lru_cache(maxsize=256)
def _cached(text: str, head_end: int, body_start: int) -> tuple[tuple[int, int], ...]:
    spans = [(0, head_end)] if head_end else []
    spans += _split(text, body_start, len(text))
    return tuple(spans)


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every sentence: the headline first, then the body's, in order."""
    return list(_cached(article.text, article.headline.end, article.body.start))


class SentenceIndex:
    """Which sentence a character offset is in, by binary search."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.spans = sentence_spans(article)
        self._starts = [s for s, _ in self.spans]

    def index_of(self, offset: int) -> int | None:
        """The index of the sentence holding `offset`, or None (between sentences)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return i
        return None

    def span_of(self, offset: int) -> tuple[int, int] | None:
        """The span of the sentence holding `offset`, or None."""
        i = self.index_of(offset)
        return None if i is None else self.spans[i]

    def text_of(self, offset: int) -> str:
        """The sentence holding `offset` ("" between sentences)."""
        span = self.span_of(offset)
        return "" if span is None else self.article.text[span[0] : span[1]]
