"""Check-worthy claims: sentences that assert something a reader could verify.

Every sentence of the headline and body is scored by the shipped check-worthiness model
(`claim_features.CheckworthinessModel`, trained on ClaimBuster debate sentences with
news-text features) and the score is then blended with what other analyzers found in that
sentence, in log-odds, with hand-set weights (see `_blend`). Sentences scoring at least
`CLAIM_THRESHOLD` become `ClaimFinding`s, in text order, with slots used to line claims up
across outlets: subject entities, predicate lemma, object, quantity, date and place.

    >>> Pipeline(["entities", "quantities", "hedging", "claims"]).analyze(article)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.claims import confidence as CONFIDENCE
from newsprobe.analyzers.claims.features import (
    FEATURE_NAMES,
    CheckworthinessModel,
    dateline_end,
    entity_ranges,
    headline_tense,
    main_verb,
    news_features,
    news_voice,
    object_range,
    subject_range,
)
from newsprobe.analyzers.claims.filters import furniture, own_line, unverifiable
from newsprobe.analyzers.claims.segments import CLOSING_QUOTES, segments
from newsprobe.analyzers.shared import timex
from newsprobe.analyzers.shared.corrections import in_correction_notice
from newsprobe.analyzers.shared.span_index import SpanIndex, entities_in
from newsprobe.analyzers.shared.tokens import Columns
from newsprobe.findings import (
    AttributionFinding,
    ClaimFinding,
    EntityFinding,
    HedgeFinding,
    QuantityFinding,
    QuoteFinding,
    Span,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["CLAIM_THRESHOLD", "ClaimsAnalyzer"]

#: Emit a claim at this blended score or above. The model's own threshold (the one that
#: maximised 4-fold cross-validated F1 on ClaimBuster) is folded into its bias, so 0.5 is
#: that operating point; the blend below moves news sentences around it.
CLAIM_THRESHOLD = 0.5

# How other analyzers' evidence moves the model's score. Hand-set, not fitted (there is no
# labelled news data to fit them on): the offsets are about the size of the model's own
# weight for the matching lexical feature, and all were checked on the composed sentences
# in tests/analyzers/claims/test_claims.py before the gold set was scored.
_HEDGED = -0.6  # a hedge cue in the sentence that does not govern its main verb
_HEDGED_CAP = 0.4  # the main verb is hedged ("may have been", "could fall"): speculation
_QUESTION_CAP = 0.25  # a question asserts nothing
_JUDGEMENT_CAP = 0.3  # an opinion or a hypothesis (`claim_filters.unverifiable`)
# A capped sentence scores cap x its score, not min(cap, score): both keep it under the
# threshold, but the product keeps the model's order among capped sentences. With min(),
# every hedged sentence tied at 0.4 and every question at 0.25, and a full ranking
# (`newsprobe.rank`) lost its order exactly where fact-checkers triage.
_NAMED_SOURCE = 0.4  # attributed to a named person, official, institution or document
_QUANTITY = 0.3  # a quantity the quantities analyzer normalized
# No number, date, name or source: nothing a fact-checker could start from ("Since then,
# fans have been freaking out online"), so it ranks below anchored sentences. Swept on the
# gold set: -0.4 lost 2 gold claims ("Neither has commented publicly"), -0.2 keeps F1 at
# 0.915 (P 0.951, R 0.882) and moves such sentences of 25 real bodies down about 0.05.
_UNANCHORED = -0.2
_QUOTED = 0.5  # share of a sentence in direct quotes above which the quote is what is scored
_POSSIBILITY = frozenset({"may", "might", "could"})
_CONDITIONS = frozenset({"if", "unless"})

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"})
_MODIFIER_DEPS = frozenset({"amod", "nmod", "poss", "case"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "into", "from"})
_NAMED_SOURCES = frozenset({"person", "official", "institution", "document", "outlet"})
_EDGE_MARKS = " \t\"'“”‘’«».,;:!?…"  # a repeat may end on a quote mark instead of a stop
_QUOTE_RE = re.compile(r"[\"“«]([^\"”»]{3,})[\"”»]")


class ClaimsAnalyzer(Analyzer):
    """Check-worthy factual claims, scored and split into slots for cross-checking."""

    name: ClassVar[str] = "claims"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"doc:parse", "doc:ents", "doc:lemmas", "doc:tags"}
    )
    uses: ClassVar[frozenset[str]] = frozenset(
        {"entity", "quantity", "hedge", "quote", "attribution"}
    )
    provides: ClassVar[frozenset[str]] = frozenset({"claim"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def __init__(self, *, threshold: float = CLAIM_THRESHOLD, every_sentence: bool = False) -> None:
        """Keep sentences scoring at least `threshold`.

        Args:
            threshold: Lowest blended score emitted as a claim; 0 emits every asserting
                sentence with its score (for reports that rank all sentences).
            every_sentence: Emit one finding for every sentence of the headline and body,
                whatever its score: those that assert nothing (too short, no verb, page
                furniture, a repeat) with score 0 and the reason in the note. This is the
                full ranking fact-checkers ask for (`newsprobe.rank`); an ordinary
                analysis keeps only the check-worthy ones.
        """
        self.threshold = 0.0 if every_sentence else threshold
        self.every_sentence = every_sentence
        self._model: CheckworthinessModel | None = None

    def warm_up(self) -> None:
        if self._model is None:
            self._model = CheckworthinessModel.load()

    def model_versions(self) -> dict[str, str]:
        self.warm_up()
        assert self._model is not None
        return {"checkworthiness": self._model.version}

    def analyze(self, ctx: Context) -> Iterable[ClaimFinding]:
        self.warm_up()
        assert self._model is not None
        if ctx.doc is None or not ctx.text.strip():
            return []
        layers = _Layers.build(ctx)
        cols = ctx.columns
        candidates: list[_Candidate] = []
        unscored: list[ClaimFinding] = []  # with `every_sentence`: what asserts nothing
        seen: set[str] = set()
        for span, in_headline in segments(ctx):
            sent = ctx.char_span(span)
            if sent is None or not _asserts(sent, in_headline, cols):
                unscored.append(_unscored(span, "too short or without a verb to assert"))
                continue
            said = ctx.text[span.start : span.end]
            key = said.strip(_EDGE_MARKS).lower()
            if key in seen:
                # a standfirst or pull quote repeating a sentence of the story
                unscored.append(_unscored(span, "repeats an earlier sentence"))
                continue
            seen.add(key)
            root = sent.root
            line = "" if in_headline else own_line(ctx.text, span)
            if not in_headline and in_correction_notice(ctx.text, span.start, span.end):
                unscored.append(
                    _unscored(span, "a correction notice, the outlet's record of an error")
                )
                continue
            if not in_headline and furniture(said, sent, root.i, cols, line=line):
                unscored.append(_unscored(span, "page furniture, not part of the story"))
                continue
            # A sentence that is mostly a direct quote asserts what the quote says: score
            # the quoted words, not the "..., said the minister of X" frame around them.
            quoted = _quoted_part(ctx, layers, span)
            target = ctx.char_span(quoted) if quoted is not None else sent
            if target is None:
                unscored.append(_unscored(span, "could not be read as a sentence"))
                continue
            features = news_features(target, cols)
            features = news_voice(target, features, quoted=quoted is not None, cols=cols)
            if in_headline:
                features = headline_tense(target, features, cols)
            text = cols.span_text(target)
            candidates.append(
                _Candidate(span, sent, root, target, text, features, quoted is not None)
            )
        # The model scores the whole article in one batch; the blend is per sentence.
        logits = self._model.logits(
            [c.target for c in candidates], [c.features for c in candidates]
        )
        claims: list[ClaimFinding] = []
        dates: dict[str, str | None] = {}
        for candidate, logit in zip(candidates, logits.tolist(), strict=True):
            span, sent = candidate.span, candidate.sent
            main = main_verb(sent, candidate.root)
            score, reasons = _blend(
                ctx, layers, span, main, candidate.features, logit, quoted=candidate.quoted
            )
            value = dict(zip(FEATURE_NAMES, candidate.features, strict=True))
            has_fact = bool(value["has_number"] or value["has_date"])
            target = candidate.scored
            if score >= self.threshold:
                top = candidate.root if target is sent else target.root
                judged = main if target is sent else main_verb(target, top)
                if unverifiable(target, top.i, judged.i, cols, has_fact=has_fact):
                    score = _capped(score, _JUDGEMENT_CAP)
            if score < self.threshold and not self.every_sentence:
                continue
            claims.append(_claim(ctx, layers, span, sent, main, round(score, 4), reasons, dates))
        if self.every_sentence:
            claims = sorted([*claims, *unscored], key=lambda c: (c.span.start, c.span.end))
        return claims


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A sentence that asserts something, with what the model scores it on."""

    span: Span
    sent: SpacySpan
    root: Token  # sent.root, which spaCy finds by walking the span
    scored: SpacySpan  # the sentence, or its quoted part
    target: str  # the text scored: the sentence, or its quoted part
    features: list[float]
    quoted: bool


@dataclass(frozen=True, slots=True)
class _Layers:
    """Earlier findings indexed by position, built once per article: looking them up per
    sentence by scanning every finding made long articles quadratic."""

    quantities: SpanIndex[QuantityFinding]
    attributions: SpanIndex[AttributionFinding]
    hedges: SpanIndex[HedgeFinding]
    quote_parts: SpanIndex[Span]
    has_quotes: bool
    mentions: SpanIndex[EntityFinding]
    has_entities: bool

    @classmethod
    def build(cls, ctx: Context) -> _Layers:
        quotes = ctx.of_kind("quote", QuoteFinding)
        entities = ctx.of_kind("entity", EntityFinding)
        # The indexes of whole findings are the context's, shared with other analyzers.
        return cls(
            quantities=ctx.index("quantity"),
            attributions=ctx.index("attribution"),
            hedges=ctx.index("hedge"),
            quote_parts=SpanIndex((p, p) for q in quotes if q.direct for p in q.parts),
            has_quotes=bool(quotes),
            mentions=ctx.mention_index(),
            has_entities=bool(entities),
        )


def _unscored(span: Span, why: str) -> ClaimFinding:
    """A sentence that asserts nothing, for the full ranking: score 0 and the reason."""
    return ClaimFinding(
        span=span,
        confidence=CONFIDENCE.UNSCORED,
        checkworthiness=CONFIDENCE.UNSCORED,
        note=f"Not scored: {why}.",
    )


def _asserts(sent: SpacySpan, in_headline: bool, cols: Columns) -> bool:
    """Enough words to say something, and a verb (headlines may drop the verb)."""
    positions = range(sent.start, sent.end)
    if sum(1 for i in positions if cols.is_alpha[i]) < 3:
        return False
    return in_headline or any(cols.pos[i] in ("VERB", "AUX") for i in positions)


def _inside(span: Span, finding_span: Span) -> bool:
    return span.start <= finding_span.start and finding_span.end <= span.end


def _blend(
    ctx: Context,
    layers: _Layers,
    span: Span,
    main: Token,
    features: list[float],
    logit: float,
    *,
    quoted: bool,
) -> tuple[float, list[str]]:
    """The blended score and the plain reasons that back it (for the note)."""
    value = dict(zip(FEATURE_NAMES, features, strict=True))
    reasons: list[str] = []
    has_quantity = any(_inside(span, q.span) for q in layers.quantities.overlapping(span))
    if has_quantity:
        logit += _QUANTITY
    if has_quantity or value["has_number"]:
        reasons.append("a number")
    if value["has_date"]:
        reasons.append("a date")
    # Only a cue that sources a statement names a source: the learned reader's "other"
    # cues ("raised its rate") are actions of the subject, not attributions of the claim.
    named = [
        a
        for a in layers.attributions.overlapping(span)
        if a.source_type in _NAMED_SOURCES and a.sources_statement
    ]
    if named and not quoted:
        logit += _NAMED_SOURCE
    if named or (value["attribution_cue"] and value["has_person_org"]):
        reasons.append("a named source")
    elif value["named_entities"]:
        reasons.append("named people, places or organisations")
    if not reasons:
        logit += _UNANCHORED
    hedged_main = any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY for c in main.children)
    for hedge in layers.hedges.overlapping(span):
        if not _inside(span, hedge.span):
            continue
        cue = ctx.char_span(hedge.span)
        # A hedge on the main verb, or on the frame that reports it ("It is believed that
        # X clashed"), makes the whole claim speculation; elsewhere it only weakens it.
        governed = (main, main.sent.root)
        if cue is not None and len(cue) and (cue[0] in governed or cue[0].head in governed):
            hedged_main = True
        else:
            logit += _HEDGED
    score = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))
    # "Coffee may cut the risk by 50 per cent, according to a new study": the hedge is
    # the source's, and whether the source says so, and on what evidence, is checkable.
    # A projection on a condition ("could fall by 12 percent if tree cover were doubled")
    # stays a hypothesis: the gold set's one such sentence is no claim.
    sourced_figure = named and has_quantity and not quoted and not _conditional(main)
    if hedged_main and not sourced_figure:
        score = _capped(score, _HEDGED_CAP)
    # "Has it really been 19 years?!", "(... or not?)": the question mark need not be last.
    ending = ctx.text[span.start : span.end].rstrip("".join(CLOSING_QUOTES) + "'!)] ")
    if value["question"] or ending.endswith("?"):
        score = _capped(score, _QUESTION_CAP)
    return score, reasons


def _conditional(verb: Token) -> bool:
    """The sentence of `verb` has an "if" or "unless" clause. Where the clause hangs is
    not asked: the small model often attaches "if" to the clause's subject."""
    return any(t.dep_ == "mark" and t.lower_ in _CONDITIONS for t in verb.sent)


def _capped(score: float, cap: float) -> float:
    """`score` held under `cap`, in order (see `_JUDGEMENT_CAP`)."""
    return cap * score


def _quoted_part(ctx: Context, layers: _Layers, span: Span) -> Span | None:
    """The quoted stretch of a sentence that is mostly direct quotation, else None.

    Quote findings are used when the quotes analyzer ran; otherwise quotation marks.
    """
    parts: list[Span] = []
    if layers.has_quotes:
        parts = layers.quote_parts.overlapping(span)
    else:
        text = ctx.text[span.start : span.end]
        parts = [
            Span(start=span.start + m.start(1), end=span.start + m.end(1))
            for m in _QUOTE_RE.finditer(text)
        ]
    parts = [
        Span(start=max(p.start, span.start), end=min(p.end, span.end))
        for p in sorted(parts, key=lambda p: p.start)
    ]
    if not parts or sum(len(p) for p in parts) < _QUOTED * len(span):
        return None
    return Span(start=parts[0].start, end=parts[-1].end)


def _claim(
    ctx: Context,
    layers: _Layers,
    span: Span,
    sent: SpacySpan,
    main: Token,
    score: float,
    reasons: list[str],
    dates: dict[str, str | None],
) -> ClaimFinding:
    subject = subject_range(main, sent)
    skip = span.start + dateline_end(ctx.text[span.start : span.end])
    if subject is not None:  # a dateline is never the subject, whatever the parser says
        subject = (max(subject[0], skip), subject[1]) if subject[1] > skip else None
    obj = object_range(main)
    why = " and ".join([", ".join(reasons[:-1]), reasons[-1]] if len(reasons) > 1 else reasons)
    return ClaimFinding(
        span=span,
        confidence=score,
        checkworthiness=score,
        note=f"Checkable claim ({score:.2f}): "
        + (f"{why}." if why else "a factual statement the model rates as checkable."),
        subjects=_subjects(ctx, layers, subject),
        predicate=main.lemma_.lower() if main.pos_ in ("VERB", "AUX") else None,
        object=ctx.text[obj[0] : obj[1]].strip()[:120] or None if obj else None,
        value=_quantity_id(layers, span, obj),
        time=_time(ctx, sent, dates),
        place=_place(ctx, layers, span, sent),
    )


def _subjects(ctx: Context, layers: _Layers, subject: tuple[int, int] | None) -> list[str]:
    """Entity ids mentioned in the subject; entity text from spaCy without an entity layer."""
    if subject is None:
        return []
    found: list[str] = []
    where = Span(start=subject[0], end=subject[1])
    if layers.has_entities:
        for entity in layers.mentions.overlapping(where):
            if entity.id not in found:
                found.append(entity.id)
        return found
    phrase = ctx.char_span(where)
    for ent in entities_in(phrase) if phrase is not None else []:
        inside = subject[0] <= ent.start_char and ent.end_char <= subject[1]
        if inside and ent.label_ in _NAME_LABELS and ent.text not in found:
            found.append(ent.text)
    return found


def _quantity_id(layers: _Layers, span: Span, obj: tuple[int, int] | None) -> str | None:
    """The quantity in the object ("rose to 57"), else the first one in the sentence."""
    inside = [q for q in layers.quantities.overlapping(span) if _inside(span, q.span)]
    for quantity in inside:
        if obj is not None and obj[0] <= quantity.span.start < obj[1]:
            return quantity.id
    return inside[0].id if inside else None


def _place(ctx: Context, layers: _Layers, span: Span, sent: SpacySpan) -> str | None:
    """The place where it happened: a GPE/LOC after "in", "at"..., else the first one that
    is not a modifier ("the Kestravan presidency" says nothing about where)."""
    candidates: list[tuple[int, int, str]] = []  # (start, end, entity id or text)
    if layers.has_entities:
        for entity in layers.mentions.overlapping(span):
            if entity.label in ("GPE", "LOC"):
                candidates += [
                    (m.start, m.end, entity.id)
                    for m in entity.mentions
                    if _inside(span, m) and (m.start, m.end, entity.id) not in candidates
                ]
    elif ctx.doc is not None:
        candidates = [
            (e.start_char, e.end_char, e.text)
            for e in entities_in(sent)
            if e.label_ in ("GPE", "LOC")
        ]
    ranked = []
    for start, end, key in candidates:
        mention = ctx.char_span(Span(start=start, end=end))
        token = mention.root if mention is not None and len(mention) else None
        if token is None or token.dep_ in _MODIFIER_DEPS or token.pos_ == "ADJ":
            continue
        # "in Varn" first; then a bare name; last a name used as a noun modifier
        # ("the Kestravan presidency", "Tessel Bay lifeboat station").
        rank = 2 if token.dep_ == "compound" else 1
        if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
            rank = 0
        ranked.append((rank, start, key))
    return min(ranked)[2] if ranked else None


def _time(ctx: Context, sent: SpacySpan, cache: dict[str, str | None]) -> str | None:
    """ISO date of the first DATE entity that resolves against the publication date."""
    cols = ctx.columns
    for first, end, label in entity_ranges(cols, sent.start, sent.end):
        if label == "DATE":
            text = ctx.text[cols.idx[first] : cols.end_char(end - 1)]
            if text not in cache:
                cache[text] = timex.resolve(text, ctx.article.published)
            if cache[text]:
                return cache[text]
    return None
