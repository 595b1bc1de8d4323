"""One article as cross-checking reads it: its analysis plus what every comparison needs.

Each comparison (figures, claims, quotes, speculation, provenance) reads the same
derived facts of an article: its sentences, its figures (the analyzer's, or read from the
text in French, German, Italian or Spanish), the spans inside direct quotes, the outlet a
sentence is attributed to. `ArticleView` computes them once, lazily, so a cross-check of
one article against twenty costs twenty views, not a hundred re-derivations.

    >>> view = ArticleView(analysis)  # doctest: +SKIP
    >>> view.sentence_at(120)
    (96, 180)
"""

from __future__ import annotations

from functools import cached_property

from newsprobe.corpus.content import anchors, content_words
from newsprobe.corpus.names import fold
from newsprobe.corpus.profile import figures_of
from newsprobe.corpus.sentences import SentenceIndex
from newsprobe.coverage import ArticleRef
from newsprobe.document import Analysis, Article
from newsprobe.findings import (
    AttributionFinding,
    EntityFinding,
    EventFinding,
    HedgeFinding,
    QuantityFinding,
    QuoteFinding,
    Span,
)

__all__ = ["ArticleView"]

#: Which attribution sources a statement when several hold it: who said it, then who
#: showed or found it, then who believes, wants, takes a side, refuses, or did something.
_CUE_RANK = {
    cue: rank
    for rank, cue in enumerate(
        ("speech", "evidence", "thought", "intention", "stance", "refusal", "other")
    )
}


class ArticleView:
    """An analysed article with the facts cross-checking derives from it, cached."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis

    @property
    def article(self) -> Article:
        return self.analysis.article

    @property
    def id(self) -> str:
        return self.analysis.article.id

    @property
    def language(self) -> str:
        """ISO 639-1 code; English when the article does not say."""
        return self.article.language or "en"

    @property
    def english(self) -> bool:
        """Whether the English analyzers read this article (their findings are there)."""
        return self.language == "en" and not any(
            n.message.startswith("skipped: the article is in") for n in self.analysis.notices
        )

    @property
    def voice_name(self) -> str:
        """The outlet, or for an article without one, its host or id."""
        if self.article.outlet:
            return self.article.outlet
        url = self.article.url or ""
        host = url.split("//", 1)[-1].split("/", 1)[0]
        return host or f"article {self.id}"

    def ref(self) -> ArticleRef:
        """The article as a story listing shows it."""
        a = self.article
        return ArticleRef(
            id=a.id,
            url=a.url,
            outlet=a.outlet,
            published=a.published,
            language=a.language,
            headline=a.headline_text,
        )

    @cached_property
    def sentences(self) -> SentenceIndex:
        return SentenceIndex(self.article)

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        """The span of the sentence holding `offset`."""
        return self.sentences.span_of(offset)

    def text(self, span: Span | tuple[int, int]) -> str:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return self.article.text[start:end]

    @cached_property
    def sentence_words(self) -> list[tuple[tuple[int, int], frozenset[str]]]:
        """(span, content words) of every sentence: each claim of a cross-check is matched
        against every sentence of every other article, so they are read once per view."""
        return [(span, content_words(self.text(span))) for span in self.sentences.spans]

    @cached_property
    def sentence_anchors(self) -> list[tuple[tuple[int, int], frozenset[str]]]:
        """(span, names and numbers) of every sentence (see `content.anchors`)."""
        return [(span, anchors(self.text(span))) for span in self.sentences.spans]

    @cached_property
    def figures(self) -> list[QuantityFinding]:
        return figures_of(self.analysis)

    @cached_property
    def quotes(self) -> list[QuoteFinding]:
        return [f for f in self.analysis.findings if isinstance(f, QuoteFinding)]

    @cached_property
    def quoted(self) -> list[Span]:
        """Spans of quoted words (direct quotes' parts)."""
        return [part for q in self.quotes if q.direct for part in q.parts]

    def inside_quote(self, span: Span) -> bool:
        return any(part.contains(span) for part in self.quoted)

    @cached_property
    def hedge_scopes(self) -> list[Span]:
        """What the outlet itself hedges (not what a speaker it quotes hedges)."""
        return [
            f.scope
            for f in self.analysis.findings
            if isinstance(f, HedgeFinding) and f.scope is not None and f.speaker is None
        ]

    def hedged(self, span: Span | tuple[int, int]) -> bool:
        """Whether the outlet hedges what `span` says ("may have", "a possible fault")."""
        if isinstance(span, tuple):
            span = Span(start=span[0], end=span[1])
        return any(scope.overlaps(span) for scope in self.hedge_scopes)

    @cached_property
    def attributions(self) -> list[AttributionFinding]:
        return [f for f in self.analysis.findings if isinstance(f, AttributionFinding)]

    def attribution_at(self, span: Span) -> AttributionFinding | None:
        """The attribution whose statement contains `span`, if any; of several, the one
        of a verb of saying first ("The two leaders discussed quotas, a Dunland official
        said": the official is the source, not the leaders who discussed), then the
        tightest statement."""
        holding = [f for f in self.attributions if f.span.contains(span)]
        if not holding:
            return None
        return min(
            holding,
            key=lambda f: (_CUE_RANK.get(f.cue_type, len(_CUE_RANK)), len(f.span), f.span.start),
        )

    def cited_outlet(self, span: Span) -> str | None:
        """The outlet the statement at `span` is attributed to ("according to X")."""
        found = self.attribution_at(span)
        if found is None or found.source_type != "outlet" or not found.source:
            return None
        # "fire chief Olsen told Northgate Wire", in Northgate Wire: its own reporting.
        return found.source if outlet_key(found.source) != self.outlet_key() else None

    @cached_property
    def entities(self) -> dict[str, EntityFinding]:
        return {f.id: f for f in self.analysis.findings if isinstance(f, EntityFinding)}

    @cached_property
    def events(self) -> list[EventFinding]:
        return [f for f in self.analysis.findings if isinstance(f, EventFinding)]

    def canonical_name(self, entity_id: str | None) -> str | None:
        entity = self.entities.get(entity_id or "")
        return entity.canonical if entity else None

    def outlet_key(self) -> str:
        """The folded outlet name ("the" dropped), which outlets are matched by."""
        return outlet_key(self.voice_name)


def outlet_key(name: str) -> str:
    """ "The Daily Lantern" and "Daily Lantern" are one outlet: folded, "the" dropped;
    numbers kept ("Channel 4" and "Channel 5" are two)."""
    return fold(name, digits=True).removeprefix("the ")
