"""Every kind of finding, defined once.

A finding is one observation pinned to a span of `Article.text`. Analyzers build findings
with `span`, `confidence`, `note` and the fields of their kind; the pipeline fills in `id`,
`text` (the spanned text) and `analyzer` (name@version) and checks every span, so an
analyzer cannot produce a finding that points outside the article.

Kinds reference each other by finding id (an entity's `id`, a quantity's `id`), never by
position in a list. A finding of a kind this module does not know (from a third-party
analyzer) is kept as a `GenericFinding` with its extra fields intact.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

__all__ = [
    "FINDING_KINDS",
    "AttributionFinding",
    "ClaimFinding",
    "ClickbaitFinding",
    "CueType",
    "EngagementBaitFinding",
    "EntityFinding",
    "EventFinding",
    "Finding",
    "FindingBase",
    "GenericFinding",
    "HeadlineBodyFinding",
    "HedgeFinding",
    "QuantityFinding",
    "QuoteFinding",
    "ScareQuoteFinding",
    "SensationalFinding",
    "SignalFinding",
    "SourcingFinding",
    "Span",
]


class Span(BaseModel):
    """Half-open character range `[start, end)` into `Article.text` (code points)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    def __len__(self) -> int:
        return self.end - self.start

    def __str__(self) -> str:
        return f"[{self.start}, {self.end})"

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class FindingBase(BaseModel):
    """Fields every finding has. Subclasses add the fields of their kind."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    id: str = Field(default="", description="Unique within the analysis, e.g. 'entity-3'.")
    span: Span
    text: str = Field(default="", description="The spanned text (set by the pipeline).")
    analyzer: str = Field(default="", description="name@version (set by the pipeline).")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    note: str = Field(default="", description="One plain sentence a reader understands.")

    def all_spans(self) -> Iterator[Span]:
        """Every span this finding carries, its main span first (for bounds checks)."""
        yield self.span
        for name in type(self).model_fields:
            if name == "span":
                continue
            value = getattr(self, name)
            if isinstance(value, Span):
                yield value
            elif isinstance(value, list):
                yield from (v for v in value if isinstance(v, Span))


# --- what it claims -----------------------------------------------------------------------


class EntityFinding(FindingBase):
    """A person, organization, place or event, with every mention merged into one."""

    kind: Literal["entity"] = "entity"
    canonical: str = Field(description="The fullest name the article uses.")
    label: str = Field(description="PERSON, ORG, GPE, LOC, NORP, EVENT, FAC, ...")
    mentions: list[Span] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list, description="Other names used.")
    role: str | None = Field(default=None, description="e.g. 'national security adviser'.")
    role_span: Span | None = None


class QuantityFinding(FindingBase):
    """A number with what it measures, normalized to a base unit of its dimension."""

    kind: Literal["quantity"] = "quantity"
    value: float | None = Field(description="Normalized value; None for a pure bound/range.")
    unit: str | None = Field(description="Base unit: 'min', 'km', 'USD', '%', 'people'...")
    dimension: str = Field(description="duration, count, casualties, money, percent, ...")
    approximate: bool = False
    lower: float | None = Field(default=None, description="Lower bound, when stated.")
    upper: float | None = Field(default=None, description="Upper bound, when stated.")
    about: str | None = Field(default=None, description="What is counted: 'dead', 'injured'.")
    relative: str | None = Field(
        default=None, description="For ratios and comparisons: '3 in 10', 'twice as many'."
    )


class ClaimFinding(FindingBase):
    """A checkable statement with slots used to line it up against other outlets."""

    kind: Literal["claim"] = "claim"
    checkworthiness: float = Field(ge=0.0, le=1.0)
    subjects: list[str] = Field(default_factory=list, description="Entity ids.")
    predicate: str | None = None
    object: str | None = None
    value: str | None = Field(default=None, description="Id of a linked quantity finding.")
    time: str | None = Field(default=None, description="ISO 8601 date or datetime.")
    place: str | None = Field(default=None, description="Entity id of the place.")


class EventFinding(FindingBase):
    """Who met, attacked, said or agreed what, where, when and for how long."""

    kind: Literal["event"] = "event"
    event_type: str = Field(description="meeting, statement, attack, death_toll, ...")
    trigger: Span | None = None
    participants: list[str] = Field(default_factory=list, description="Entity ids.")
    participant_spans: list[Span] = Field(default_factory=list)
    place: str | None = Field(default=None, description="Place entity id or name.")
    place_span: Span | None = None
    time: str | None = Field(default=None, description="Resolved ISO 8601 date, if any.")
    time_span: Span | None = None
    duration: str | None = Field(default=None, description="Id of a quantity finding.")


# --- who says so --------------------------------------------------------------------------


class QuoteFinding(FindingBase):
    """Reported speech: the quoted words and who said them."""

    kind: Literal["quote"] = "quote"
    parts: list[Span] = Field(
        default_factory=list, description="The quoted words, without marks, in order."
    )
    speaker: str | None = Field(default=None, description="Speaker's canonical name.")
    speaker_entity: str | None = Field(default=None, description="Speaker's entity id.")
    speaker_span: Span | None = None
    cue: str | None = Field(default=None, description="said, told, wrote...")
    cue_span: Span | None = None
    direct: bool = True


class ScareQuoteFinding(FindingBase):
    """A short quoted phrase that frames rather than reports speech."""

    kind: Literal["scare_quote"] = "scare_quote"


SourceType = Literal[
    "person", "official", "institution", "anonymous", "outlet", "document", "unattributed"
]


CueType = Literal["speech", "thought", "evidence", "intention", "stance", "refusal", "other"]


class AttributionFinding(FindingBase):
    """Who a reported statement is sourced to, and how.

    `source` is the source's name, resolved ("he" -> "Dana Whitfield"); `source_span` the
    whole phrase the article gives ("Dana Whitfield, chief market strategist at Harrow
    Capital") and `name_span` the words naming it within that phrase.
    """

    kind: Literal["attribution"] = "attribution"
    source: str | None = Field(description="The source's name, resolved from pronouns.")
    source_span: Span | None = Field(
        default=None, description="The whole phrase describing the source."
    )
    name_span: Span | None = Field(
        default=None, description="The words naming the source (within or = source_span)."
    )
    source_type: SourceType
    entity: str | None = Field(default=None, description="Entity id of the source.")
    role: str | None = None
    cue: str | None = Field(default=None, description="said, according to, reports...")
    cue_span: Span | None = None
    cue_type: CueType = Field(
        default="speech",
        description="speech (said), thought (fear), evidence (polls show), intention "
        "(want), stance (supports), refusal (declined to comment) or other (a cue the "
        "learned reader found: mocked, touted).",
    )
    content_span: Span | None = Field(
        default=None, description="What is attributed: the reported clause or object."
    )

    @property
    def sources_statement(self) -> bool:
        """Whether the cue gives the statement as someone's word, view, evidence or
        refusal. An `other` cue (what the learned reader took from PolNeAR, where actions
        are attributions: "the ministry raised its rate") reports what someone did, and
        sources nothing for a reader weighing the sentence."""
        return self.cue_type != "other"


class SourcingFinding(FindingBase):
    """Article level: original reporting, a retelling of other outlets, or aggregation."""

    kind: Literal["sourcing"] = "sourcing"
    verdict: Literal["original", "retelling", "aggregation", "unclear"]
    outlets: list[str] = Field(default_factory=list, description="Outlets retold.")
    shares: dict[str, float] = Field(
        default_factory=dict, description="Share of reported sentences per source type."
    )
    unattributed_share: float = Field(default=0.0, ge=0.0, le=1.0)


# --- what is not fact ---------------------------------------------------------------------


class HedgeFinding(FindingBase):
    """Speculation or hedging; `span` is the cue, `scope` the statement it governs."""

    kind: Literal["hedge"] = "hedge"
    hedge_type: str = Field(
        description="modal, epistemic_verb, adverb, qualifier, framing, inference, weasel"
    )
    scope: Span | None = None
    speaker: str | None = Field(default=None, description="Set when the hedge is quoted.")


class ClickbaitFinding(FindingBase):
    """The headline is built to bait clicks; `features` say which devices fired."""

    kind: Literal["clickbait"] = "clickbait"
    probability: float = Field(ge=0.0, le=1.0)
    features: list[str] = Field(default_factory=list)


class HeadlineBodyFinding(FindingBase):
    """The headline against its body: model stance, or one concrete mismatch."""

    kind: Literal["headline_body"] = "headline_body"
    check: Literal["stance", "number", "entity", "certainty", "question"]
    stance: Literal["agree", "disagree", "discuss", "unrelated"] | None = None
    probabilities: dict[str, float] = Field(default_factory=dict)
    body_spans: list[Span] = Field(default_factory=list)


class SensationalFinding(FindingBase):
    """Loaded, emotional or intensifying wording."""

    kind: Literal["sensational"] = "sensational"
    category: str = Field(description="loaded_verb, intensifier, superlative, absolute, ...")
    lexicon: str | None = Field(default=None, description="Which list matched.")
    quoted: bool = Field(
        default=False,
        description="Inside a quotation: the speaker's words, not the outlet's.",
    )


class EngagementBaitFinding(FindingBase):
    """A question or call addressed to the reader instead of informing them."""

    kind: Literal["engagement_bait"] = "engagement_bait"
    form: str = Field(description="question_to_reader, call_to_comment, share_request, ...")


class SignalFinding(FindingBase):
    """An article-level measurement, such as sensational words per 100 words."""

    kind: Literal["signal"] = "signal"
    name: str
    value: float
    details: dict[str, float] = Field(default_factory=dict)


class GenericFinding(FindingBase):
    """A finding of a kind defined outside newsprobe; its extra fields are kept."""

    model_config = ConfigDict(frozen=True, extra="allow")


def _tag(cls: type[FindingBase]) -> Tag:
    """The union's tag for a finding class: its `kind`, written once, on the class."""
    return Tag(cls.model_fields["kind"].default)


def _kind_tag(value: Any) -> str:
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    return kind if kind in _KINDS else "generic"


# The one list of finding kinds: the union below. `FINDING_KINDS` and the decoder's table
# are read from it, so adding a kind is adding one line here.
Finding = Annotated[
    Annotated[EntityFinding, _tag(EntityFinding)]
    | Annotated[QuantityFinding, _tag(QuantityFinding)]
    | Annotated[ClaimFinding, _tag(ClaimFinding)]
    | Annotated[EventFinding, _tag(EventFinding)]
    | Annotated[QuoteFinding, _tag(QuoteFinding)]
    | Annotated[ScareQuoteFinding, _tag(ScareQuoteFinding)]
    | Annotated[AttributionFinding, _tag(AttributionFinding)]
    | Annotated[SourcingFinding, _tag(SourcingFinding)]
    | Annotated[HedgeFinding, _tag(HedgeFinding)]
    | Annotated[ClickbaitFinding, _tag(ClickbaitFinding)]
    | Annotated[HeadlineBodyFinding, _tag(HeadlineBodyFinding)]
    | Annotated[SensationalFinding, _tag(SensationalFinding)]
    | Annotated[EngagementBaitFinding, _tag(EngagementBaitFinding)]
    | Annotated[SignalFinding, _tag(SignalFinding)]
    | Annotated[GenericFinding, Tag("generic")],
    Discriminator(_kind_tag),
]
"""Any finding; JSON is decoded to the class of its `kind` (unknown kinds: generic)."""

_KINDS: dict[str, type[FindingBase]] = {
    cls.model_fields["kind"].default: cls
    for cls in (get_args(member)[0] for member in get_args(get_args(Finding)[0]))
    if cls is not GenericFinding
}

#: Every finding kind newsprobe defines, in the order of the data model; a kind from a
#: third-party analyzer decodes as `GenericFinding`.
FINDING_KINDS: tuple[str, ...] = tuple(_KINDS)
