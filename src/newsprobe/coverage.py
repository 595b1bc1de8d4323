"""The data model of cross-checking: stories, aligned figures, claims, quotes, provenance.

What `newsprobe corpus ...` prints as JSON, what the REST API will serve and what the
terminal report renders all come from these pydantic definitions, as `document.py` and
`findings.py` are the one model of a single article's analysis. Spans index the text of
the article named beside them (`article` is an article id), never the target's text
unless the article is the target.

    >>> edge = ProvenanceEdge.model_validate(
    ...     {"from": "a1", "to": None, "to_outlet": "Coastline Wire", "kind": "cites",
    ...      "evidence": {"start": 0, "end": 27}, "evidence_text": "according to Coastline Wire"})
    >>> edge.model_dump()["from"]
    'a1'
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from newsprobe.findings import Span

__all__ = [
    "COVERAGE_SCHEMA_VERSION",
    "AlignedFigure",
    "ArticleRef",
    "ClaimCheck",
    "ClaimEvidence",
    "Consensus",
    "CrossCheck",
    "EdgeKind",
    "FigureBound",
    "FigureValue",
    "FigureVerdict",
    "ProvenanceEdge",
    "ProvenanceGraph",
    "ProvenanceNode",
    "QuoteCheck",
    "QuoteFidelity",
    "QuoteVersion",
    "SpeculationAnswer",
    "SpeculationCheck",
    "Story",
    "WordChange",
]

#: Bumped on any change to the meaning or shape of these models' JSON.
COVERAGE_SCHEMA_VERSION = "1.0"

FigureBound = Literal["exact", "approximate", "lower", "upper", "range"]
FigureVerdict = Literal["consistent", "minor_discrepancy", "minority", "contradiction"]
ClaimVerdict = Literal["corroborated", "disputed", "only_here"]
QuoteFidelity = Literal["identical", "altered", "truncated", "only_here"]
EdgeKind = Literal["cites", "wire", "copies", "shares_passage"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class ArticleRef(BaseModel):
    """One article of a story, as a listing shows it."""

    model_config = _FROZEN

    id: str
    url: str | None = None
    outlet: str | None = None
    published: AwareDatetime | None = None
    language: str | None = None
    headline: str = ""


class Story(BaseModel):
    """Articles about one event, grouped incrementally as they were stored.

    The one definition of a story: the store hands it back (`Corpus.story`, without
    `articles`), `corpus story ID` and a cross-check list it with its articles.
    """

    model_config = _FROZEN

    id: int = Field(description="The store's story id.")
    title: str = Field(description="The headline of the article that started the story.")
    first_published: AwareDatetime | None = None
    last_published: AwareDatetime | None = None
    outlets: list[str] = Field(default_factory=list, description="Sorted, each once.")
    article_count: int = 0
    undated_count: int = Field(default=0, description="Member articles without a date.")
    articles: list[ArticleRef] = Field(
        default_factory=list, description="Its articles, oldest first, undated last (when listed)."
    )


# --- aligned figures ----------------------------------------------------------------------


class FigureValue(BaseModel):
    """What one article says about an aligned figure, and how that compares."""

    model_config = _FROZEN

    article: str
    outlet: str | None = None
    span: Span = Field(description="Where the figure is written, in that article's text.")
    text: str
    value: float | None = Field(description="The figure in the aligned unit; None for a bound.")
    lower: float | None = None
    upper: float | None = None
    bound: FigureBound
    verdict: FigureVerdict | None = Field(
        default=None, description="Against the consensus; None when there is no consensus."
    )
    voice: str = Field(
        description="Who this figure really comes from: the outlet, or the wire or outlet "
        "it was copied or cited from. Consensus counts each voice once."
    )
    note: str = ""


class Consensus(BaseModel):
    """What most independent voices say."""

    model_config = _FROZEN

    value: float
    approximate: bool = False
    support: int = Field(description="Independent voices consistent with the value.")
    voices: int = Field(description="Independent voices that give this figure at all.")
    outlets: list[str] = Field(default_factory=list, description="Outlets that support it.")
    basis: Literal["majority", "latest"] = Field(
        default="majority",
        description="'majority': the value most independent voices give; 'latest': a count "
        "that grew from report to report (a death toll), read at the latest report.",
    )


class AlignedFigure(BaseModel):
    """One quantity about the same thing, lined up across the story's articles."""

    model_config = _FROZEN

    id: str = Field(description="Stable within the cross-check, e.g. 'duration/meeting'.")
    description: str = Field(description="What is measured: 'duration of the meeting'.")
    dimension: str
    unit: str | None = None
    event: str = Field(
        default="main", description="'main' for the story's event, else the other event."
    )
    event_story: int | str | None = Field(
        default=None,
        description="For another event's figure: the stored story about that event, whose "
        "articles' figures are lined up too.",
    )
    consensus: Consensus | None = None
    values: list[FigureValue] = Field(default_factory=list)
    target_verdict: FigureVerdict | None = Field(
        default=None, description="The cross-checked article's verdict, when it gives one."
    )


# --- claims -------------------------------------------------------------------------------


class ClaimEvidence(BaseModel):
    """A sentence of another article that bears on a claim."""

    model_config = _FROZEN

    article: str
    outlet: str | None = None
    span: Span
    text: str
    stance: Literal["agree", "disagree", "discuss"]
    probability: float = Field(ge=0.0, le=1.0)
    independent: bool = Field(
        default=True, description="False for a copy of the target or of its source."
    )
    reason: str = Field(default="", description="What decided: 'stance model', 'figure'.")


class ClaimCheck(BaseModel):
    """One check-worthy claim of the target against the rest of the story."""

    model_config = _FROZEN

    span: Span
    text: str
    checkworthiness: float = Field(ge=0.0, le=1.0)
    verdict: ClaimVerdict
    corroborated_by: list[ClaimEvidence] = Field(default_factory=list)
    disputed_by: list[ClaimEvidence] = Field(default_factory=list)
    discussed_by: list[ClaimEvidence] = Field(default_factory=list)


# --- quotes -------------------------------------------------------------------------------


class WordChange(BaseModel):
    """One word-level difference between a quote and its reference version."""

    model_config = _FROZEN

    op: Literal["replace", "insert", "delete"]
    reference: str = Field(description="The reference's words ('' for an insertion).")
    version: str = Field(description="This version's words ('' for a deletion).")


class QuoteVersion(BaseModel):
    """How one article carries a speaker's quote."""

    model_config = _FROZEN

    article: str
    outlet: str | None = None
    span: Span
    text: str
    fidelity: QuoteFidelity
    changes: list[WordChange] = Field(default_factory=list)


class QuoteCheck(BaseModel):
    """One quote of the target, against the same speaker's quotes elsewhere in the story."""

    model_config = _FROZEN

    speaker: str
    span: Span
    text: str
    fidelity: QuoteFidelity
    changes: list[WordChange] = Field(
        default_factory=list, description="The target's words against the reference."
    )
    reference: QuoteVersion | None = Field(
        default=None,
        description="The version most outlets carry (on a tie: the earliest, then another"
        " article's than the checked one's).",
    )
    versions: list[QuoteVersion] = Field(default_factory=list)


# --- speculation --------------------------------------------------------------------------


class SpeculationAnswer(BaseModel):
    """Another outlet's statement of fact about what the target speculates on."""

    model_config = _FROZEN

    article: str
    outlet: str | None = None
    span: Span
    text: str
    source: str | None = Field(default=None, description="Who that outlet sources it to.")
    source_type: str | None = None
    similarity: float = Field(ge=0.0, le=1.0)


class SpeculationCheck(BaseModel):
    """A hedge or a question of the target, and the reports that answer it."""

    model_config = _FROZEN

    span: Span
    text: str
    form: Literal["hedge", "question"]
    cue: str = ""
    answers: list[SpeculationAnswer] = Field(default_factory=list)


# --- provenance ---------------------------------------------------------------------------


class ProvenanceNode(BaseModel):
    """An article of the story, or an outlet it cites that has no article stored."""

    model_config = _FROZEN

    id: str = Field(description="The article id, or 'outlet:<name>' for a cited outlet.")
    label: str
    outlet: str | None = None
    article: str | None = None
    published: AwareDatetime | None = None


class ProvenanceEdge(BaseModel):
    """Who retells whom: `from` takes from `to` (or from the outlet `to_outlet`)."""

    # JSON says "from" (a Python keyword, hence the alias); Python code says `source`.
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        serialize_by_alias=True,
        validate_by_name=True,
        validate_by_alias=True,
    )

    source: str = Field(alias="from", description="The article that cites, copies or shares.")
    to: str | None = Field(
        default=None, description="The article taken from, when it is in the story."
    )
    to_outlet: str | None = Field(default=None, description="The outlet taken from.")
    kind: EdgeKind
    evidence: Span = Field(description="Where `from`'s text shows it.")
    evidence_text: str
    directed: bool = Field(
        default=True, description="False when no dates say which of the two came first."
    )
    score: float | None = Field(
        default=None, description="Shingle overlap for copies and shared passages."
    )


class ProvenanceGraph(BaseModel):
    """The provenance of one story's articles."""

    model_config = _FROZEN

    story: int | str | None = Field(
        default=None, description="The store's story id (or a caller's own label)."
    )
    nodes: list[ProvenanceNode] = Field(default_factory=list)
    edges: list[ProvenanceEdge] = Field(default_factory=list)


# --- the cross-check ----------------------------------------------------------------------


class CrossCheck(BaseModel):
    """One article against the other coverage of its story."""

    model_config = _FROZEN

    schema_version: str = COVERAGE_SCHEMA_VERSION
    target: ArticleRef
    story: Story | None = None
    stored: bool | None = Field(
        default=None, description="Whether the target was (or is now) stored in the corpus."
    )
    figures: list[AlignedFigure] = Field(default_factory=list)
    claims: list[ClaimCheck] = Field(default_factory=list)
    quotes: list[QuoteCheck] = Field(default_factory=list)
    speculation: list[SpeculationCheck] = Field(default_factory=list)
    provenance: list[ProvenanceEdge] = Field(default_factory=list)
    notices: list[str] = Field(
        default_factory=list, description="What could not be compared, and why."
    )
