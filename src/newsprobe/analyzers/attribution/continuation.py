"""A quotation that goes on after its cue, when the quotes analyzer named no speaker.

'"I am fine with talks," Mr. Okafor said. "But how can you leave two behind?"': the
second sentence has no cue of its own and lies in a quotation; `resolution.from_quote`
sources it to the quotation's speaker, but only when the quotes analyzer found one. Where
it did not (a name the entity model missed, "he" with no person before), the sentence
before still told who was speaking: its cue attributed the quotation just before this
one. News style reads an uncued quotation that follows as the same speaker's, and so does
PolNeAR, whose content holds both sentences under the one cue.

`QuoteCarry` remembers the last finding whose content lay in a quotation and hands its
source and cue on to the sentences of the next quotation, as long as nothing but that
quotation comes between.

    carry = QuoteCarry(quotes)
    carry.note(found, sentence_span)        # after each sentence's own cues
    carry.follow(sentence_span)             # a sentence with none: its carried findings
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.analyzers.attribution import confidence

if TYPE_CHECKING:
    from newsprobe.analyzers.shared.span_index import SpanIndex
    from newsprobe.findings import AttributionFinding, QuoteFinding, Span

__all__ = ["QuoteCarry"]


class QuoteCarry:
    """The source and cue a quotation carries on to the one after it (module docstring)."""

    def __init__(self, quotes: SpanIndex[QuoteFinding]) -> None:
        self._quotes = quotes
        self._finding: AttributionFinding | None = None
        self._quote: QuoteFinding | None = None  # the last quotation it attributed

    def note(self, found: list[AttributionFinding], span: Span) -> None:
        """After a sentence read its own cues: the finding whose content lies in a
        quotation of the sentence is carried on; any other sentence ends the carry."""
        self._finding = self._quote = None
        for finding in found:
            content = finding.content_span
            if content is None or finding.source_span is None:
                continue
            quote = next(
                (q for q in self._quotes.overlapping(span) if q.span.overlaps(content)), None
            )
            if quote is not None:
                self._finding, self._quote = finding, quote

    def follow(self, span: Span) -> list[AttributionFinding]:
        """The findings of a sentence with no cue of its own, lying in the quotation that
        follows the one the carried cue attributed (or in that quotation still)."""
        finding, last = self._finding, self._quote
        self._finding = self._quote = None
        if finding is None or last is None:
            return []
        quote = next(iter(self._quotes.overlapping(span)), None)
        if quote is None or quote.speaker is not None:
            return []
        if quote is not last and self._quotes.last_before(quote.span.start) is not last:
            return []
        self._finding, self._quote = finding, quote
        return [
            finding.model_copy(
                update={
                    "span": span,
                    "content_span": span,
                    "confidence": min(finding.confidence, confidence.QUOTED_SPEAKER),
                }
            )
        ]
