"""Every sentence of an article ranked by check-worthiness, as fact-checkers work.

An ordinary analysis reports only the check-worthy sentences (`claims` findings). A
fact-checker triaging a debate or a long article wants all of them in order, the weakest
too: `rank` runs the claims analyzer with ``every_sentence=True`` (and the analyzers whose
findings its score blends in) and returns each sentence with its score.

    >>> from newsprobe import rank
    >>> for sentence in rank("examples/ferry-strike.txt", top=5):  # doctest: +SKIP
    ...     print(f"{sentence.score:.2f}  {sentence.text}")
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsprobe.analyzers.claims.claims import CLAIM_THRESHOLD, ClaimsAnalyzer
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Article
from newsprobe.findings import ClaimFinding, Span

if TYPE_CHECKING:
    from newsprobe.ingest import IngestOptions

__all__ = ["RankedSentence", "rank"]

# The analyzers whose findings the claims score blends in (quantities, named sources,
# hedges, quotations): the same ones an ordinary analysis gives it.
_HELPERS = ("entities", "quantities", "hedging", "quotes", "attribution")


@dataclass(frozen=True, slots=True)
class RankedSentence:
    """One sentence and its check-worthiness.

    Attributes:
        rank: 1 for the most check-worthy sentence.
        span: Where the sentence is in `Article.text`.
        text: The sentence.
        score: Check-worthiness in [0, 1]; sentences that assert nothing score 0.
        checkworthy: Whether an ordinary analysis reports it as a claim (score at or
            above the claims analyzer's threshold).
        note: Why it scored so (the claim finding's note).
    """

    rank: int
    span: Span
    text: str
    score: float
    checkworthy: bool
    note: str

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (for `newsprobe rank --format json`)."""
        return {
            "rank": self.rank,
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "score": self.score,
            "checkworthy": self.checkworthy,
            "note": self.note,
        }


@cache
def _pipeline() -> Pipeline:
    return Pipeline([*_HELPERS, ClaimsAnalyzer(every_sentence=True)])


def rank(
    source: str | Path | Article,
    *,
    top: int | None = None,
    options: IngestOptions | None = None,
) -> list[RankedSentence]:
    """Every sentence of the headline and body, most check-worthy first.

    Args:
        source: A file, URL, "-" for stdin, or an `Article`.
        top: Keep only the first `top` sentences; None keeps all.
        options: How to read `source` (see `newsprobe.ingest.IngestOptions`).

    Raises:
        IngestError: the source could not be read as one article.
        ValueError: `top` is negative.
    """
    if top is not None and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    if isinstance(source, Article):
        article = source
    else:
        from newsprobe.ingest import load

        article = load(source, options)
    analysis = _pipeline().analyze(article)
    text = analysis.article.text
    scored = sorted(
        (f for f in analysis.findings if isinstance(f, ClaimFinding)),
        key=lambda f: (-f.checkworthiness, f.span.start),
    )
    if top is not None:
        scored = scored[:top]
    return [
        RankedSentence(
            rank=n,
            span=f.span,
            text=text[f.span.start : f.span.end],
            score=f.checkworthiness,
            checkworthy=f.checkworthiness >= CLAIM_THRESHOLD,
            note=f.note,
        )
        for n, f in enumerate(scored, start=1)
    ]
