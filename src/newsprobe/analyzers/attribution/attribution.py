"""Who each reported statement is sourced to, and how.

For every sentence that attributes what it reports, one finding per source: `span` is the
sentence, `source_span` the whole phrase describing the source ("Dana Whitfield, chief
market strategist at Harrow Capital") and `name_span` the name within it, `cue_span` the
attributing words with their `cue_type`, `content_span` what is attributed. Cues read off
the shared parse:

- a reporting verb and its subject: "police said", "said Hana Brodsky", "she added",
  "The Valemont Times reports that", "the study found that", "figures show";
- a verb of saying with an object or a listed preposition and no clause: "police
  announced the closure", "the union called on the council to act"
  (`lexicons/cue_prepositions.txt`); "did not respond to a request for comment" (a refusal);
- "according to X"; a passive with an agent ("was reported by X") or none ("it was
  observed that": an anonymous source);
- an outlet as the recipient: "Varga told the paper" / "police told the Harbour Courier"
  make the statement secondhand (``source_type="outlet"``); "told this newspaper" is the
  outlet's own reporting;
- a quotation's speaker, for sentences inside a quote that carry no cue of their own
  (with no speaker found, the cue of the quotation it goes on from: `continuation`);
- a label and a colon at the start of a line: "Kerr: The levy will pass" in a headline,
  "HOLLAND: We never saw it" in a transcript (rules in `colon_cues`).
- cues of thought, evidence, intention, stance and refusal that are no verbs of saying:
  "critics fear that", "polls show", "officials want to", "a group, which supports Kerr,",
  "the ministry declined to comment" (rules and word list in `cues`).

Pronoun sources ("he said") resolve to the last person named before the sentence; "it"
and "the paper" to the last organisation or outlet cited (see `source_resolution`; the
verbs are in `speech_verbs`). Sentences without any cue are
not findings here: the `sourcing` analyzer counts them as unattributed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsprobe.analyzers.attribution import colon_cues, confidence, cues, outlet_cues
from newsprobe.analyzers.attribution.continuation import QuoteCarry
from newsprobe.analyzers.attribution.cue_parts import (
    QUOTE_MARKS,
    SHARED_SUBJECT,
    VIEW_CLIMBING,
    Cue,
    cue_candidates,
)
from newsprobe.analyzers.attribution.cue_rules import (
    CUE_RULES,
    NOUN_CUE_PREPOSITIONS,
    NOUN_CUES,
    read_cue,
    second_reading,
)
from newsprobe.analyzers.attribution.resolution import SourceResolver, from_quote
from newsprobe.analyzers.attribution.source_kinds import (
    SOURCE_TYPE_WORDS,
    classify_source,
)
from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.shared.speech_verbs import REPORTING_VERBS
from newsprobe.analyzers.shared.tokens import Columns
from newsprobe.findings import (
    AttributionFinding,
    EntityFinding,
    FindingBase,
    QuoteFinding,
    SourceType,
    Span,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["CUE_RULES", "AttributionAnalyzer", "read_cue"]


def _is_bare_tail(cols: Columns, sentence: SpacySpan, previous_text: str) -> bool:
    """True for a short "Ruiz said." split off from the quotation just before it."""
    # The string test first: most sentences do not follow a closing quotation mark.
    if not previous_text.rstrip().endswith(('"', "”", "’", "'")):
        return False
    words = [
        i
        for i in range(sentence.start, sentence.end)
        if not cols.tokens[i].is_punct and not cols.is_space[i]
    ]
    return 0 < len(words) <= 8 and any(cols.lemma[i].lower() in REPORTING_VERBS for i in words)


def _sentence_bounds(sentence_text: str, start: int) -> tuple[int, int] | None:
    """Offsets of a sentence starting at `start` without its surrounding whitespace; None
    if blank. Offsets rather than a `Span`: most sentences attribute nothing."""
    stripped = sentence_text.strip()
    if not stripped:
        return None
    lead = len(sentence_text) - len(sentence_text.lstrip())
    return start + lead, start + lead + len(stripped)


def _second_cue(
    earlier: AttributionFinding | None, finding: AttributionFinding, text: str
) -> AttributionFinding | None:
    """`earlier` as it stands beside `finding`, a second cue of its source in the same
    sentence with content of its own; None when `finding` adds nothing (no content, or
    the same). A content that holds the second cue ("said *the levy would pass, adding
    that ...*", as the parser nests it) stops before it."""
    if earlier is None or finding.content_span is None or earlier.content_span is None:
        return None
    before, after = earlier.content_span, finding.content_span
    if after == before or after.contains(before):
        return None
    if not before.overlaps(after):
        return earlier
    cue = finding.cue_span
    if not (cue is not None and before.start < cue.start < before.end):
        return None
    end = cue.start
    while end > before.start and not text[end - 1].isalnum():
        end -= 1
    return earlier.model_copy(update={"content_span": Span(start=before.start, end=end)})


class AttributionAnalyzer(Analyzer):
    """Who each reported statement is sourced to: person, official, anonymous, outlet..."""

    name = "attribution"
    # 2: `source_span` is the whole description (the name is `name_span`); cue types,
    # content spans and the learned reader were added. 3: the description stops before
    # a relative clause, colon cues ("Kerr: ..."), the reader retrained (0.45). 4: the
    # description keeps relative clauses; verbs of saying with an object or a listed
    # preposition, bodies holding views, refusals ("did not respond to a request"). 5: a
    # second cue of one source is a finding of its own; a quotation's later sentences
    # keep the cue that opened it; "confirmed dead" is no cue; "the court heard" is
    # evidence; "X is said to be" names no source; a "she" is not the next "he". 6:
    # "say" and "note" attribute without a clause ("as Varn noted, ..."). 7: a quotation
    # with no speaker that goes on from one a cue attributed keeps that cue (`continuation`).
    # 8: a cue word the rules turn away gets a second reading (`second_reading`). 9: a
    # verb of saying without a subject takes the one of the verb it hangs on ("began by
    # saying"; `climbed_subject`); a passive cue's agent is its source (`agent_passive`);
    # the reader (v6) reads at 0.35, and not a verb completing a refusal; a named poll,
    # a tally or someone's view after a preposition is a source (`preposition_cue`).
    # 10: a view inside another cue's report is no cue of its own (`nested_cues`); "That
    # said," is no saying (`set_phrases`); the reader (v7) knows a verb's nesting. 11:
    # content runs on around a source set off by commas (`parenthetical`), into an uncued
    # quotation after a paraphrase (`continuation`), over a verb after "but" and a clause
    # after an object, and past a colon (`content_tail`). 12: the writer's "I think",
    # "we believe" outside a quotation is a finding of the writer's own voice, type
    # "unattributed" (`writer_voice`), no longer nothing; the reader (v8) reads what an
    # adjective or object takes, the verb a "to" clause completes with, a subject's word;
    # a defining "that" clause ("a poll that shows") is no cue (`defining_clause`), nor a
    # saying "according to" recounts ("Kerr said, according to a transcript"); any verb
    # of saying in an "as" clause is a cue ("as Kerr acknowledged, ...": `as_reported`);
    # "rivals", "donors" are people and "polling" a document (`source_kinds`).
    version = "12"
    requires = frozenset({"doc:parse", "doc:ents", "doc:lemmas", "doc:tags"})
    uses = frozenset({"entity", "quote"})
    provides = frozenset({"attribution"})

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        doc = ctx.doc
        if doc is None:
            return
        entities = ctx.of_kind("entity", EntityFinding)
        quotes = ctx.of_kind("quote", QuoteFinding)
        cols = ctx.columns
        # The parse of exactly this text (`nlp.parse_many` keeps it whole); `doc.text`
        # would rebuild it from every token.
        text = ctx.text
        state = SourceResolver(
            doc, entities, quotes, outlet=ctx.article.outlet, text=text, cols=cols
        )
        quote_index = state.quotes
        carry = QuoteCarry(quote_index)
        previous: tuple[int, str] | None = None  # the last sentence's start and text
        sources: list[Span] = []  # the source spans found, for the colon cues
        # The tokens `_cue` can accept, found in one pass over the columns: most words are
        # neither "according" nor a reporting verb and are never looked at again.
        cue_lemmas = cue_candidates()
        # A cue that is no verb of saying needs a subject of its own or one it shares,
        # or an agent ("was criticized by the union": `agent_passive`): the verbs without
        # are dropped here, before any token is built.
        with_subject = {
            h for h, d in zip(cols.head, cols.dep, strict=True) if d in {"nsubj", "agent"}
        }
        # A preposition is asked only with a noun of `NOUN_CUES` as its object ("in a
        # poll"): "in" and "by" are too common to read each.
        with_noun_cue = {
            h
            for h, d, lemma in zip(cols.head, cols.dep, cols.lemma, strict=True)
            if d == "pobj" and lemma.lower() in NOUN_CUES
        }
        cue_words = [
            i
            for i, (lower, pos, lemma, dep) in enumerate(
                zip(cols.lower, cols.pos, cols.lemma, cols.dep, strict=True)
            )
            if lower == "according"
            or (
                pos in {"VERB", "AUX"}
                and (low := lemma.lower()) in cue_lemmas
                and (
                    low in REPORTING_VERBS
                    or i in with_subject
                    or dep in SHARED_SUBJECT
                    or (low in cues.CUE_TYPES and dep in VIEW_CLIMBING)
                )
            )
            or (lower in outlet_cues.OUTLET_PREPOSITIONS and pos == "ADP")
            or (i in with_noun_cue and lower in NOUN_CUE_PREPOSITIONS)
        ]
        for sentence in doc.sents:
            start_char = sentence.start_char
            sentence_text = text[start_char : sentence.end_char]  # what `sentence.text` builds
            bounds = _sentence_bounds(sentence_text, start_char)
            if bounds is None or not any(cols.is_alpha[sentence.start : sentence.end]):
                continue
            start, end = bounds
            if previous is not None and _is_bare_tail(cols, sentence, previous[1]):
                # '"We made progress," | Ruiz said.': the parser split the quote from its
                # attribution; the attributed statement is the quoted sentence before.
                start = previous[0]
            previous = (bounds[0], sentence_text)
            # Only words that can cue an attribution are looked at further; a sentence
            # with none of them and no quotation in the article yields nothing.
            candidates = cue_words[
                bisect_left(cue_words, sentence.start) : bisect_left(cue_words, sentence.end)
            ]
            if not candidates and not len(quote_index):
                continue
            span = Span(start=start, end=end)
            found = list(self._cues(cols, sentence, sentence_text, candidates, span, state))
            if found:
                carry.note(found, span)
            elif found := list(from_quote(ctx, span, quote_index)):
                carry.note([], span)
            else:
                # A quotation with no speaker that goes on from one a cue attributed.
                found = carry.follow(span)
            sources.extend(f.source_span for f in found if f.source_span is not None)
            yield from found
        yield from self._colon_cues(ctx, sources)

    @staticmethod
    def _colon_cues(ctx: Context, sources: list[Span]) -> Iterator[AttributionFinding]:
        """'Kerr: The levy will pass' in a headline, 'HOLLAND: We never saw it' in a
        transcript (rules in `colon_cues`), where no cue already named that label."""
        text = ctx.text
        if ":" not in text:
            return
        for found in colon_cues.colon_cues(text, ctx.doc):
            source = Span(start=found.source[0], end=found.source[1])
            if any(source.overlaps(s) for s in sources):
                continue  # the quotes analyzer read the label already
            phrase = ctx.char_span(source)
            source_type: SourceType = "person"
            if phrase is not None and len(phrase):
                source_type, _ = classify_source(phrase)
            words = SOURCE_TYPE_WORDS[source_type]
            yield AttributionFinding(
                span=Span(start=found.source[0], end=found.content[1]),
                source=found.label,
                source_span=source,
                name_span=source,
                source_type=source_type,
                cue=":",
                cue_span=Span(start=found.colon[0], end=found.colon[1]),
                content_span=Span(start=found.content[0], end=found.content[1]),
                confidence=confidence.COLON_LABEL,
                note=f"Sourced to {words}, {found.label} (a label and a colon).",
            )

    def _cues(
        self,
        cols: Columns,
        sentence: SpacySpan,
        sentence_text: str,
        candidates: list[int],
        span: Span,
        state: SourceResolver,
    ) -> Iterator[AttributionFinding]:
        anchors: dict[int, int] = {}  # one finding per source, however many cues name it
        kept: list[AttributionFinding] = []
        # Quotation marks anywhere in the sentence let a reporting verb stand without a
        # clause ('"We will appeal," she said'); read once per sentence, not per verb.
        quoted = not QUOTE_MARKS.isdisjoint(cols.text[sentence.start : sentence.end])
        for i in candidates:
            if state.quoted(cols.idx[i]):
                continue  # a reporting verb inside a quotation is the speaker's, not ours
            token = cols.tokens[i]
            cue = self._cue(cols, token, quoted)
            if cue is None:
                continue
            source, cue_tokens, described, cue_type = cue
            cue_span = Span(start=cue_tokens.start_char, end=cue_tokens.end_char)
            whole = described if described is not None else source
            parts = [(cue_span.start, cue_span.end)]
            if whole is not None:
                parts.append((whole.start_char, whole.end_char))
            content = cues.content(token, sentence, parts, state.text)
            finding = state.finding(
                span,
                source,
                cue_tokens.text,
                cue_span,
                token,
                sentence,
                sentence_text,
                description=whole,
                content=content,
                cue_type=cue_type,
            )
            if finding is None:
                continue
            anchor = (finding.source_span or cue_span).start
            earlier = kept[anchors[anchor]] if anchor in anchors else None
            second = _second_cue(earlier, finding, state.text)
            if second is not None:
                # "Kerr said the levy would pass, adding that fares would rise": one
                # source, two cues, each with its own content (PolNeAR counts both).
                kept[anchors[anchor]] = second
                kept.append(finding)
            elif anchor not in anchors:
                anchors[anchor] = len(kept)
                kept.append(finding)
            elif cue_type == "speech" and kept[anchors[anchor]].cue_type != "speech":
                # "Doctors welcomed the decision and said vaccination could begin": the
                # verb of saying is the cue, whatever came first.
                kept[anchors[anchor]] = finding
        yield from kept

    @staticmethod
    def _cue(cols: Columns, token: Token, quoted: bool) -> Cue | None:
        """The cue `token` makes, if it attributes (the rules are `CUE_RULES`; a cue word
        they turn away gets a second reading from the learned reader)."""
        return read_cue(cols, token, quoted) or second_reading(cols, token, quoted)
