"""What the assessment and the reports need from a cross-check against other coverage.

The corpus (issue 11) compares an article with the other articles of its story. The
assessment needs only a little of that result, and says so here as structural types
(`typing.Protocol`): any object with these read-only attributes will do, so the corpus's
own result model is passed in as it is, with no adapter and no second copy of it.

The vocabulary is the corpus's (``tests/gold/corpus/README.md``):

- figure verdicts: ``consistent``, ``minor_discrepancy``, ``minority``, ``contradiction``;
- claim verdicts: ``corroborated``, ``disputed``, ``only_here``;
- quote fidelity: ``identical``, ``altered``, ``truncated``, ``only_here``;
- provenance kinds: ``cites``, ``wire``, ``copies``, ``shares_passage``.

Spans of this article's text are `Span`s; other outlets' wording comes as text, since
their offsets point into articles the report does not hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsprobe.findings import Span

__all__ = [
    "ClaimCheck",
    "CrossCheckEvidence",
    "FigureCheck",
    "FigureValue",
    "ProvenanceEdge",
    "QuoteCheck",
]


class FigureValue(Protocol):
    """One outlet's value of an aligned figure."""

    @property
    def outlet(self) -> str | None: ...
    @property
    def surface(self) -> str:
        """The value as that outlet wrote it: "roughly three quarters of an hour"."""
        ...

    @property
    def verdict(self) -> str:
        """Against the consensus: consistent, minor_discrepancy, minority, contradiction."""
        ...

    @property
    def this_article(self) -> bool:
        """Whether the value is the checked article's own."""
        ...

    @property
    def span(self) -> Span | None:
        """Where the value is in the checked article (None for other outlets' values)."""
        ...


class FigureCheck(Protocol):
    """A figure several outlets give, lined up: "duration of the meeting of A and B"."""

    @property
    def about(self) -> str: ...
    @property
    def consensus(self) -> str:
        """The consensus as a reader reads it: "60 min (4 outlets)"."""
        ...

    @property
    def values(self) -> Sequence[FigureValue]: ...


class ClaimCheck(Protocol):
    """One of the checked article's claims against the other articles of its story."""

    @property
    def span(self) -> Span: ...
    @property
    def verdict(self) -> str:
        """corroborated, disputed or only_here."""
        ...

    @property
    def by(self) -> Sequence[str]:
        """The outlets that corroborate or dispute it."""
        ...


class QuoteCheck(Protocol):
    """One of the checked article's quotes against other outlets' versions of it."""

    @property
    def span(self) -> Span: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def fidelity(self) -> str:
        """identical, altered, truncated or only_here."""
        ...

    @property
    def reference(self) -> str | None:
        """Another outlet's version of the words (None when only here)."""
        ...

    @property
    def reference_outlet(self) -> str | None: ...


class ProvenanceEdge(Protocol):
    """Who retells whom: `source` cites, copies or shares a passage with `target`."""

    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def kind(self) -> str:
        """cites, wire, copies or shares_passage."""
        ...

    @property
    def evidence(self) -> str | None:
        """The words that show it: "according to Coastline Wire"."""
        ...


class CrossCheckEvidence(Protocol):
    """A cross-check of one article against the other coverage of its story."""

    @property
    def article_id(self) -> str:
        """`Article.id` of the checked article: its spans index that article's text."""
        ...

    @property
    def story(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def outlets(self) -> Sequence[str]:
        """Every outlet in the story, the checked article's included."""
        ...

    @property
    def article_count(self) -> int: ...
    @property
    def figures(self) -> Sequence[FigureCheck]: ...
    @property
    def claims(self) -> Sequence[ClaimCheck]: ...
    @property
    def quotes(self) -> Sequence[QuoteCheck]: ...
    @property
    def provenance(self) -> Sequence[ProvenanceEdge]: ...
