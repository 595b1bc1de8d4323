"""What the assessment and the reports need from a cross-check against other coverage.

The corpus compares an article with the other articles of its story and returns a
`CrossCheck` (``newsprobe.coverage``). The assessment reads only a part of it, named here
as structural types (`typing.Protocol`, read-only attributes with the corpus model's
names): the corpus's own result is passed in as it is, with no adapter and no second model
of it, and these packages do not import the corpus.

    >>> assessment = assess(analysis, crosscheck(analysis, story_analyses))

The vocabulary is the corpus's (``tests/gold/corpus/README.md``):

- figure verdicts: ``consistent``, ``minor_discrepancy``, ``minority``, ``contradiction``;
- claim verdicts: ``corroborated``, ``disputed``, ``only_here``;
- quote fidelity: ``identical``, ``altered``, ``truncated``, ``only_here``;
- provenance kinds: ``cites``, ``wire``, ``copies``, ``shares_passage``.

Spans index the text of the article named beside them (`article` is an article id); the
checked article's own spans index its `Article.text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from newsprobe.findings import Span

if TYPE_CHECKING:
    from newsprobe.coverage import CrossCheck

__all__ = [
    "AlignedFigure",
    "ArticleRef",
    "ClaimCheck",
    "ClaimEvidence",
    "Consensus",
    "CrossCheckEvidence",
    "FigureValue",
    "ProvenanceEdge",
    "QuoteCheck",
    "QuoteVersion",
    "StoryRef",
    "consensus_text",
    "coverage_of",
    "outlet_of",
]


class ArticleRef(Protocol):
    """The checked article, or one of its story."""

    @property
    def id(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...


class StoryRef(Protocol):
    """The story the article belongs to."""

    @property
    def id(self) -> int | str:
        """The store's story id (`coverage.Story.id`), or a caller's own label (as
        `coverage.ProvenanceGraph.story` allows)."""
        ...

    @property
    def title(self) -> str: ...
    @property
    def outlets(self) -> Sequence[str]: ...
    @property
    def article_count(self) -> int: ...
    @property
    def articles(self) -> Sequence[ArticleRef]: ...


class Consensus(Protocol):
    """What most independent voices say about a figure."""

    @property
    def value(self) -> float: ...
    @property
    def approximate(self) -> bool: ...
    @property
    def support(self) -> int:
        """Independent voices consistent with the value."""
        ...

    @property
    def voices(self) -> int:
        """Independent voices that give the figure at all."""
        ...

    @property
    def basis(self) -> str:
        """ "majority", or "latest" for a count read at its latest report (a toll)."""
        ...


class FigureValue(Protocol):
    """One article's value of an aligned figure."""

    @property
    def article(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def span(self) -> Span: ...
    @property
    def text(self) -> str:
        """The value as written: "roughly three quarters of an hour"."""
        ...

    @property
    def verdict(self) -> str | None:
        """Against the consensus; None when there is none."""
        ...


class AlignedFigure(Protocol):
    """A figure several articles give, lined up: "duration of the meeting of A and B"."""

    @property
    def description(self) -> str: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def consensus(self) -> Consensus | None: ...
    @property
    def values(self) -> Sequence[FigureValue]: ...


class ClaimEvidence(Protocol):
    """A sentence of another article that bears on a claim."""

    @property
    def article(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def text(self) -> str: ...


class ClaimCheck(Protocol):
    """One of the checked article's claims against the rest of its story."""

    @property
    def span(self) -> Span: ...
    @property
    def text(self) -> str: ...
    @property
    def verdict(self) -> str:
        """corroborated, disputed or only_here."""
        ...

    @property
    def corroborated_by(self) -> Sequence[ClaimEvidence]: ...
    @property
    def disputed_by(self) -> Sequence[ClaimEvidence]: ...


class QuoteVersion(Protocol):
    """How another article carries a quote."""

    @property
    def article(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def text(self) -> str: ...


class QuoteCheck(Protocol):
    """One of the checked article's quotes against the same speaker's quotes elsewhere."""

    @property
    def speaker(self) -> str: ...
    @property
    def span(self) -> Span: ...
    @property
    def text(self) -> str: ...
    @property
    def fidelity(self) -> str:
        """identical, altered, truncated or only_here."""
        ...

    @property
    def reference(self) -> QuoteVersion | None:
        """The version most outlets carry (None when only here)."""
        ...


class ProvenanceEdge(Protocol):
    """Who retells whom: article `source` takes from article `to` or outlet `to_outlet`."""

    @property
    def source(self) -> str: ...
    @property
    def to(self) -> str | None: ...
    @property
    def to_outlet(self) -> str | None: ...
    @property
    def kind(self) -> str:
        """cites, wire, copies or shares_passage."""
        ...

    @property
    def evidence_text(self) -> str:
        """The words that show it: "according to Coastline Wire"."""
        ...


class CrossCheckEvidence(Protocol):
    """A cross-check of one article against the other coverage of its story."""

    @property
    def target(self) -> ArticleRef:
        """The checked article: its `id` is `Article.id`, its spans index its text."""
        ...

    @property
    def story(self) -> StoryRef | None: ...
    @property
    def figures(self) -> Sequence[AlignedFigure]: ...
    @property
    def claims(self) -> Sequence[ClaimCheck]: ...
    @property
    def quotes(self) -> Sequence[QuoteCheck]: ...
    @property
    def provenance(self) -> Sequence[ProvenanceEdge]: ...
    @property
    def notices(self) -> Sequence[str]:
        """What could not be compared, and why."""
        ...


if TYPE_CHECKING:

    def _coverage_conforms(check: CrossCheck) -> CrossCheckEvidence:
        """The corpus's model satisfies these protocols as it is: mypy fails here, at
        the protocol, when the two drift apart (not at some caller far away)."""
        return check


def consensus_text(figure: AlignedFigure) -> str:
    """The consensus as a reader reads it: "about 60 min (4 of 5 voices)"."""
    consensus = figure.consensus
    if consensus is None:
        return "no consensus"
    number = consensus.value
    shown = f"{number:,.0f}" if float(number).is_integer() else f"{number:,.6g}"
    value = shown + (f" {figure.unit}" if figure.unit else "")
    about = "about " if consensus.approximate else ""
    if consensus.basis == "latest":
        return f"{value}, the latest count ({consensus.support} of {consensus.voices} voices)"
    return f"{about}{value} ({consensus.support} of {consensus.voices} voices)"


def coverage_of(crosscheck: CrossCheckEvidence) -> tuple[int, list[str]]:
    """How many articles, and which outlets, a cross-check compared: from its story when
    it names one, else from the articles its figures, claims and quotes cite."""
    story = crosscheck.story
    if story is not None:
        return story.article_count, list(story.outlets)
    seen: dict[str, str | None] = {crosscheck.target.id: crosscheck.target.outlet}
    for figure in crosscheck.figures:
        for value in figure.values:
            seen.setdefault(value.article, value.outlet)
    for claim in crosscheck.claims:
        for evidence in (*claim.corroborated_by, *claim.disputed_by):
            seen.setdefault(evidence.article, evidence.outlet)
    for quote in crosscheck.quotes:
        if quote.reference is not None:
            seen.setdefault(quote.reference.article, quote.reference.outlet)
    outlets = [o for o in dict.fromkeys(seen.values()) if o]
    return len(seen), outlets


def outlet_of(crosscheck: CrossCheckEvidence, article: str | None) -> str | None:
    """The outlet of an article of the story, by its id."""
    if article is None:
        return None
    if article == crosscheck.target.id:
        return crosscheck.target.outlet
    for ref in crosscheck.story.articles if crosscheck.story else ():
        if ref.id == article:
            return ref.outlet
    return None
