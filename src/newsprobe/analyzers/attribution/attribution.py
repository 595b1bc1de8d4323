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
  "critics fear that", "polls show", "officials want to", "a group that supports Kerr",
  "the ministry declined to comment" (rules and word list in `cues`).

Pronoun sources ("he said") resolve to the last person named before the sentence; "it"
and "the paper" to the last organisation or outlet cited (see `source_resolution`; the
verbs are in `speech_verbs`). Sentences without any cue are
not findings here: the `sourcing` analyzer counts them as unattributed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from functools import cache, cached_property
from typing import TYPE_CHECKING, NamedTuple

from newsprobe.analyzers.attribution import colon_cues, confidence, cues, outlet_cues
from newsprobe.analyzers.attribution.continuation import QuoteCarry
from newsprobe.analyzers.attribution.learned import CueModel
from newsprobe.analyzers.attribution.resolution import SourceResolver, from_quote
from newsprobe.analyzers.attribution.source_kinds import (
    SOURCE_TYPE_WORDS,
    classify_source,
    is_plausible_source,
    source_phrase,
)
from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.shared.lexicon_files import load_mapping, load_table, load_words
from newsprobe.analyzers.shared.speech_verbs import REPORTING_VERBS, reports_status
from newsprobe.analyzers.shared.tokens import Columns
from newsprobe.findings import (
    AttributionFinding,
    CueType,
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

_RELATIVES = frozenset({"which", "who", "that"})
# Verbs that take their subject from the verb they hang on (see `subject_of`).
_SHARED_SUBJECT = frozenset({"conj", "advcl", "xcomp"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", ":", "''"})
# Verbs of saying, and the cues of thought, evidence, intention, stance and refusal that
# `cues` admits under its rules ("critics fear", "polls show", "declined to comment").
_CUE_WORDS = REPORTING_VERBS | frozenset(cues.CUE_TYPES)


# Verbs that, negated, refuse to speak: "did not respond to a request for comment", "did
# not return calls", "has not replied". PolNeAR marks them as attributions (refusals),
# as it marks "declined to comment".
_SILENT_WHEN_NEGATED = frozenset({"respond", "reply", "return"})
# What they must answer to be a refusal: on PolNeAR train (280 articles) reading every
# negated "respond" as one found 7 sources more and 13 false ("did not respond to the
# attack" is no refusal to speak).
_REQUESTS = frozenset(
    {"request", "call", "email", "message", "inquiry", "query", "question", "comment"}
)


@cache
def _candidates() -> frozenset[str]:
    """The verbs of `_CUE_WORDS` and those the learned reader weighs ("mocked", "touted");
    read at first use, not at import (the model is a package file)."""
    return _CUE_WORDS | CueModel.shipped().lemmas | _SILENT_WHEN_NEGATED


# Modals of inference: "this would explain how", "he could claim that" say what the writer
# supposes, not what anyone said. "will" stays: "the minister will say in a speech".
_INFERENCE_MODALS = frozenset({"would", "could", "might", "may", "must", "should", "can"})
# Subjects of their own make a complement a reported clause; "The Apple Watch reveal back
# in September was big" parses "was" as the complement of a verb "reveal".
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def subject_of(cols: Columns, token: Token) -> Token | None:
    """The subject a cue verb attributes to: its own, or one it shares ("Weiss accepted the
    delay but insisted that ...", "Trump doubled down, saying that ...")."""
    i = token.i
    children = token.children
    # Two subjects are a misparse of "Fake news site The Weekly Marlin wrote": the one
    # nearest the verb is the name.
    subjects = [c for c in children if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < i]
    subject = before[-1] if before else next(iter(subjects), None)
    dep = cols.dep[i]
    if subject is None and (dep == "conj" or (dep == "advcl" and cols.tag[i] == "VBG")):
        # "Weiss accepted the delay but insisted that...": the subject is shared; "Trump
        # doubled down on Monday, saying that ...": the participle's speaker is the
        # subject of the clause it hangs on.
        shared = token.head
        if (
            cols.dep[shared.i] == "ccomp"
            and cols.lemma[shared.i].lower() not in _CUE_WORDS
            and cols.lemma[shared.head.i].lower() in _CUE_WORDS
        ):
            # "Dorn said the government had given away too much and warned that...",
            # "Kerr said the levy would pass, adding that ...": the parser hangs the
            # second cue on the reported verb; the one who said it did the warning.
            shared = shared.head
        subject = next((c for c in shared.children if c.dep_ == "nsubj"), None)
    elif subject is None and dep == "xcomp":
        # "Sanders is continuing to insist that ...", "polls continue to show": the verb
        # it completes has the subject; not "asked him to say" (him would be the speaker).
        head = list(token.head.children)
        if not any(c.dep_ in {"dobj", "dative"} for c in head):
            subject = next((c for c in head if c.dep_ == "nsubj"), None)
    if subject is None and cols.lemma[i].lower() in REPORTING_VERBS:
        subject = climbed_subject(token)
    return subject


#: How a verb of saying with no subject of its own reaches the verb whose subject says it:
#: (its dependency label, its head's part of speech, its head's dependency label or None
#: for any). "began *by saying* that" (pcomp under a preposition), "are more likely *to
#: say*" (xcomp of an adjective), "furrowed his brow and *said*" (a conjunct of a
#: conjunct). On PolNeAR train (840): 51 sources more, 44 false (source F1 .7704 ->
#: .7713, content F1 .816 -> .817).
_CLIMBS: frozenset[tuple[str, str, str | None]] = frozenset(
    {
        ("pcomp", "ADP", "prep"),
        ("prep", "VERB", None),
        ("prep", "AUX", None),
        ("xcomp", "ADJ", "acomp"),
        ("acomp", "AUX", None),
        ("acomp", "VERB", None),
        ("conj", "VERB", None),
        ("conj", "AUX", None),
    }
)
# Not adverbial clauses: "when it is all said and done, the dam will hold" is no one's
# saying. On PolNeAR train (840) climbing them too found 24 sources more, 37 false.
#: Prepositions whose object, not the subject, is the one saying: "the paper quoted an
#: official *as* saying", "cited the mayor as saying".
_OBJECT_SPEAKS = frozenset({"as"})
#: At most this many steps up: the shapes above take one or two.
_MAX_CLIMB = 4
#: What a verb climbed to may share: its active or (for a conjunct) passive subject ("Mr.
#: Trump was forced into damage control and said").
_SHARED_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _climbs(token: Token) -> bool:
    """Whether the subject of `token`'s head may be `token`'s (a shape of `_CLIMBS`)."""
    head = token.head
    if head is token or (token.dep_ == "prep" and token.lower_ in _OBJECT_SPEAKS):
        return False
    dep, pos = token.dep_, head.pos_
    return (dep, pos, None) in _CLIMBS or (dep, pos, head.dep_) in _CLIMBS


def climbed_subject(token: Token) -> Token | None:
    """The subject a verb of saying shares with a verb it hangs on through `_CLIMBS`, if
    any; None when the way up leaves those shapes (a noun's "a statement saying" is the
    statement's, not a person's)."""
    current = token
    for _ in range(_MAX_CLIMB):
        if not _climbs(current):
            return None
        current = current.head
        found = next((c for c in current.children if c.dep_ in _SHARED_SUBJECTS), None)
        if found is not None:
            return found
    return None


def named_antecedent(head: Token) -> Token:
    """What a relative clause's source is: its antecedent, or the name that antecedent is
    in apposition with. In "said Vellmark Coffee Institute, an industry body, which
    declined to comment", "which" hangs on "an industry body": the refusal is the
    Institute's; in "an industry body, the Vellmark Coffee Institute, which declined" it
    hangs on the name already. "a group, which" without a name stays "a group"."""
    if head.dep_ == "appos" and _is_name(head.head) and not _is_name(head):
        return head.head
    if not _is_name(head):
        named = next((c for c in head.children if c.dep_ == "appos" and _is_name(c)), None)
        if named is not None:
            return named
    return head


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}


class _Cue(NamedTuple):
    """What one cue word attributes: the source's name phrase (None: anonymous), the cue
    words, the whole description of the source (None: the name phrase) and the cue type."""

    source: SpacySpan | None
    words: SpacySpan
    description: SpacySpan | None = None
    cue_type: CueType = "speech"


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
    version = "9"
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
        cue_lemmas = _candidates()
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
                and (low in REPORTING_VERBS or i in with_subject or dep in _SHARED_SUBJECT)
            )
            or (lower in outlet_cues.OUTLET_PREPOSITIONS and pos == "ADP")
            or (i in with_noun_cue and lower in _PREPOSITIONS)
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
        quoted = not _QUOTE_MARKS.isdisjoint(cols.text[sentence.start : sentence.end])
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
    def _cue(cols: Columns, token: Token, quoted: bool) -> _Cue | None:
        """The cue `token` makes, if it attributes (the rules are `CUE_RULES`; a cue word
        they turn away gets a second reading from the learned reader)."""
        return read_cue(cols, token, quoted) or second_reading(cols, token, quoted)

    @staticmethod
    def _non_speech(token: Token, subject: Token | None, lemma: str) -> _Cue | None:
        """A cue of thought, evidence, intention, stance or refusal ("critics fear that",
        "polls show", "a super PAC that supports Kerr"), under the rules of `cues`."""
        if subject is None:
            return None
        if any(c.dep_ == "aux" and c.lower_ in _INFERENCE_MODALS for c in token.children):
            return None  # "voters would support": a supposition, not a held view
        relative = subject.lower_ in _RELATIVES and token.dep_ == "relcl"
        holder = named_antecedent(token.head) if relative else subject
        kind: CueType | None
        if lemma in cues.CUE_TYPES:
            kind = cues.non_speech_cue(token, holder, lemma)
        else:  # the long tail: "Trump mocked", "the group championed"
            kind = "other" if CueModel.shipped().accepts(token, subject) else None
        if kind is None:
            return None
        doc = token.doc
        if relative:
            return _Cue(
                source_phrase(holder),
                doc[token.i : token.i + 1],
                doc[subject.i : subject.i + 1],
                kind,
            )
        return _Cue(
            source_phrase(subject), doc[token.i : token.i + 1], cues.description(subject), kind
        )


# --- when a word is a cue: `CUE_RULES` -------------------------------------------------------


class _Next(Enum):
    """What a rule returns when it does not decide: the next rule is asked."""

    RULE = "next"


_NEXT = _Next.RULE
#: What a rule of `CUE_RULES` returns: the cue, None (no cue: stop), or `_NEXT`.
Outcome = _Cue | None | _Next


class _Reading:
    """One word read as a possible cue, with what the rules ask of it computed once, when
    a rule first asks: most words are settled by the first few rules."""

    def __init__(self, cols: Columns, token: Token, quoted: bool) -> None:
        self.cols = cols
        self.token = token
        self.i = token.i
        self.doc = token.doc
        #: Whether the token's sentence holds a quotation mark or colon.
        self.quoted = quoted
        self.lemma = cols.lemma[token.i].lower()
        self.dep = cols.dep[token.i]

    @cached_property
    def children(self) -> list[Token]:
        return list(self.token.children)

    @cached_property
    def subject(self) -> Token | None:
        return subject_of(self.cols, self.token)

    @cached_property
    def complements(self) -> list[Token]:
        return [c for c in self.children if c.dep_ == "ccomp"]


def according_to(r: _Reading) -> Outcome:
    """'Fares will rise in May, according to the Harbour Transit Authority': the object of
    "according to" is the source; "according to the tonnage" ("in proportion to") is not."""
    cols, i, doc = r.cols, r.i, r.doc
    if not (cols.lower[i] == "according" and i + 1 < len(doc) and cols.lower[i + 1] == "to"):
        return _NEXT
    to = cols.tokens[i + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:  # the parser hung the phrase elsewhere: take the next noun chunk
        chunk = next((c for c in doc.noun_chunks if c.start == to.i + 1), None)
        obj = chunk.root if chunk is not None else None
    if obj is None:
        return None
    phrase = source_phrase(obj)
    if not is_plausible_source(phrase):
        return None
    return _Cue(phrase, doc[i : to.i + 1], cues.description(obj))


def outlet_preposition(r: _Reading) -> Outcome:
    """'Per The Harbour Courier, the pier will close in May': "per" or "via" an outlet
    cites it ("per cent", "via Twitter" do not; rules in `outlet_cues`)."""
    if r.cols.lower[r.i] not in outlet_cues.OUTLET_PREPOSITIONS:
        return _NEXT
    found = outlet_cues.outlet_preposition_cue(r.token)
    return _Cue(*found) if found else None


class _NounCue(NamedTuple):
    """A noun that makes a preposition a cue (lexicon `attribution/preposition_cues`)."""

    prepositions: frozenset[str]
    owner: bool  # the possessor is the source ("in Varn's view"), not the phrase ("a poll")


#: Noun lemma -> what it makes of a preposition: "in a poll", "by the union's tally", "in
#: Varn's view" (lexicon `attribution/preposition_cues`).
NOUN_CUES: dict[str, _NounCue] = {
    row[0]: _NounCue(frozenset(row[1].split()), row[2] == "owner")
    for row in load_table("attribution/preposition_cues")
}
_PREPOSITIONS = frozenset(p for cue in NOUN_CUES.values() for p in cue.prepositions)


def preposition_cue(r: _Reading) -> Outcome:
    """'In a Harbour Courier poll released Monday, 41 percent backed the levy', 'by the
    union's tally', 'in Varn's view, the pier is finished': a preposition whose object is
    a noun of `NOUN_CUES` cites the poll or tally, or the one whose view it is; "in the
    harbour", "by a storm" cite no one, nor does the writer's "in my view". On PolNeAR
    train (840, reader v6): 34 sources more found, 23 false (source F1 .7786 -> .7793),
    content-token F1 .8203 -> .8208, relation .6892 -> .6897."""
    if r.cols.lower[r.i] not in _PREPOSITIONS or r.cols.pos[r.i] != "ADP":
        return _NEXT
    obj = next((c for c in r.children if c.dep_ == "pobj"), None)
    cue = NOUN_CUES.get(obj.lemma_.lower()) if obj is not None else None
    if obj is None or cue is None or r.cols.lower[r.i] not in cue.prepositions:
        return None
    if not cue.owner:
        if not _named(obj):
            return None
        return _Cue(source_phrase(obj), r.doc[r.i : r.i + 1], cues.description(obj))
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in _WRITER_OWNS:
        return None
    # The cue is the whole phrase, "In Varn's view": what follows it is attributed.
    return _Cue(source_phrase(owner), r.doc[r.i : obj.i + 1], cues.description(owner))


def _named(noun: Token) -> bool:
    """'a CNN/ORC poll', 'the 50-state poll': one poll named by who ran it or what it
    covered. "Leads in the polls", "in the poll", "in a similar survey" cite no one: on
    PolNeAR train (840) every poll and survey found 60 sources, 125 false."""
    return noun.tag_ == "NN" and any(
        c.dep_ in {"compound", "nmod", "nummod"} or c.pos_ == "PROPN" for c in noun.children
    )


#: Possessors that are the writer's: "in my view" is no attribution (as `_WRITER`).
_WRITER_OWNS = frozenset({"my", "our"})


def candidate_verb(r: _Reading) -> Outcome:
    """'The ferry docked at the pier at noon': only a verb whose lemma is a cue word (or one
    the learned reader weighs) goes on to the rules after this one."""
    if r.cols.pos[r.i] not in {"VERB", "AUX"} or r.lemma not in _candidates():
        return None
    return _NEXT


# Where evidence is heard: "The court heard that ...", "the inquest heard how ...".
_HEARINGS = frozenset(
    "court jury tribunal inquiry inquest hearing committee panel trial magistrates".split()
)


def court_heard(r: _Reading) -> Outcome:
    """'The court heard that Ashby approved payments to two firms': what a court or an
    inquiry heard is evidence given before it, and court reports source it so; "heard"
    is no verb of saying anywhere else ("residents heard a bang")."""
    if r.lemma != "hear" or not r.complements:
        return _NEXT
    subject = r.subject
    if subject is None or r.cols.lemma[subject.i].lower() not in _HEARINGS:
        return _NEXT
    return _Cue(source_phrase(subject), r.doc[r.i : r.i + 1], cues.description(subject), "evidence")


def hearsay_passive(r: _Reading) -> Outcome:
    """'Venn is said to be keen on a move', 'the hotel is reported to have been sold': a
    passive verb of saying with a "to" clause reports what unnamed people say of its
    subject, who said nothing; the source is no one named (as "it is said that")."""
    children = r.children
    subject = next((c for c in children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    # Its own subject, or the one it shares: "Venn scored 31 goals and is said to be keen".
    shared = subject is None and r.dep == "conj"
    if (subject is None and not shared) or _agent(r) is not None:
        return _NEXT
    if subject is not None and (subject.dep_ != "nsubjpass" or subject.lower_ == "it"):
        return _NEXT
    infinitive = any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in children
    )
    auxiliaries = [c.i for c in children if c.dep_ == "auxpass"]
    if not (infinitive and auxiliaries):
        return _NEXT
    return _Cue(None, r.doc[min(auxiliaries) : r.i + 1])


def status_report(r: _Reading) -> Outcome:
    """'Two people were confirmed dead', 'Two people confirmed dead as "the worst storm in
    decades" hits': a predicate of status after "confirmed", "reported", "feared" gives
    the subject's state; the subject said nothing (`speech_verbs.reports_status`)."""
    return None if reports_status(r.token) else _NEXT


def inference_modal(r: _Reading) -> Outcome:
    """'This would explain why the pier closed', 'he could claim that': a modal of
    inference says what the writer supposes, not what anyone said."""
    if any(c.dep_ == "aux" and c.lower_ in _INFERENCE_MODALS for c in r.children):
        return None
    return _NEXT


def agent_passive(r: _Reading) -> Outcome:
    """'The plan was criticized by union leaders for its cost', 'Kerr has been endorsed by
    the Harbour Times': a cue verb in the passive names its source in the agent ("by
    union leaders"); the subject is what the view is about. "It was reported by X that"
    is `impersonal_passive`'s; an agent that names no one ("hit by a storm") is no
    source (`is_plausible_source`). Only verbs of saying and of the cue lexicon
    (`ruled`): on PolNeAR train (840) the reader's lemmas too made 68 cues right and 156
    false ("was led by", "were represented by"); these alone, 39 and 31."""
    if not ruled(r.lemma):
        return _NEXT
    agent = _agent(r)
    if agent is None or not any(c.dep_ in {"auxpass", "nsubjpass"} for c in r.children):
        return _NEXT
    if any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in r.children):
        return _NEXT
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lower_ in _EMPTY:
        return _NEXT
    phrase = source_phrase(pobj)
    if not is_plausible_source(phrase):
        return _NEXT
    return _Cue(phrase, r.doc[r.i : r.i + 1], cues.description(pobj), cues.cue_type(r.lemma))


def non_speech(r: _Reading) -> Outcome:
    """'Critics fear the levy will pass', 'polls show', 'officials want to delay the vote':
    a verb that is no verb of saying is settled by the rules of `cues` (or the learned
    reader for the long tail: "Trump mocked")."""
    if r.lemma in REPORTING_VERBS or r.lemma in _SILENT_WHEN_NEGATED:
        return _NEXT
    return AttributionAnalyzer._non_speech(r.token, r.subject, r.lemma)


def negated(r: _Reading) -> Outcome:
    """'The mayor did not say when the pier would reopen', 'has not commented': nothing is
    attributed; 'Varn did not respond to a request for comment' is a refusal."""
    neg = next((c for c in r.children if c.dep_ == "neg"), None)
    if neg is None:
        # "returned home": "return" is a cue only negated.
        return _NEXT if r.lemma in REPORTING_VERBS else None
    subject = r.subject
    if r.lemma not in _SILENT_WHEN_NEGATED or subject is None:
        return None
    asked = [
        g
        for c in r.children
        if c.dep_ in {"dobj", "prep"}
        for g in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"])
    ]
    if not any(r.cols.lemma[g.i].lower() in _REQUESTS for g in asked):
        return None  # "has not returned home", "did not respond to the attack"
    doc = r.doc
    start = min([c.i for c in r.children if c.dep_ == "aux" and c.i < r.i] + [neg.i])
    return _Cue(source_phrase(subject), doc[start : r.i + 1], cues.description(subject), "refusal")


def bare_clause(r: _Reading) -> Outcome:
    """'The Apple Watch reveal back in September was big', 'The deal announced October 17
    followed ...': a noun or a participle parsed as a reporting verb whose "clause" is the
    sentence's own verb, bare of subject and auxiliary ("officials warn planes could be
    used" hangs the subject on the verb)."""
    complements = r.complements
    subjectless = [
        c for c in complements if not any(g.dep_ in _CLAUSE_SUBJECTS for g in c.children)
    ]
    if (
        subjectless
        and len(subjectless) == len(complements)
        and not r.quoted
        and not any(c.dep_ == "dobj" for c in r.children)
        and not any(g.dep_ in {"aux", "auxpass"} for c in subjectless for g in c.children)
    ):
        return None
    return _NEXT


def naming_call(r: _Reading) -> Outcome:
    """'What many call Bigfoot', 'called into question', 'what she called a pay cut':
    naming, not saying; 'called the strike "a needless escalation"' quotes a verdict and
    'called on the council to act', 'called for a strike' ask (`CUE_PREPOSITIONS`)."""
    cols, i = r.cols, r.i
    if (
        r.lemma == "call"
        and _cue_preposition(r) is None
        and (
            not r.quoted
            or not _QUOTE_MARKS.intersection(cols.text[i + 1 : r.token.right_edge.i + 1])
        )
    ):
        return None
    return _NEXT


def adding(r: _Reading) -> Outcome:
    """'The dispute has added 40 minutes to every crossing': adding, not speaking."""
    if r.lemma == "add" and any(c.dep_ == "dobj" for c in r.children):
        return None
    return _NEXT


# Verbs that take an addressee when active ("told them to", "ordered troops to"): with a
# "to" clause and no addressee they can only be a passive. Not "ask": "He asked to see the
# files" is active.
_INSTRUCTION_VERBS = frozenset({"tell", "order", "urge", "advise", "instruct"})


def instructed(r: _Reading) -> Outcome:
    """'Residents told to prepare to leave', '1,200 asked to boil water': headline-ese for
    "were told to"; the subject is the one instructed, not a speaker, and no one is named
    who said it ("told me to leave", with its addressee, is someone speaking)."""
    passive_ask = r.lemma == "ask" and (
        r.cols.tag[r.i] == "VBN" or (r.subject is not None and r.subject.like_num)
    )
    if (
        (r.lemma in _INSTRUCTION_VERBS or passive_ask)
        and any(c.dep_ == "xcomp" for c in r.children)
        and not any(c.dep_ in {"dobj", "dative", "ccomp"} for c in r.children)
    ):
        return None
    return _NEXT


def subject_with_clause(r: _Reading) -> Outcome:
    """'Police said the pier was closed', 'The opposition spokesman, Idris Calder, said',
    'a letter ..., which said': a verb with a subject and a clause (or a quotation) names
    its source; an apposition with a person's name is the name ("said Hassan Tukur, an
    aide to President Ilse Varn" keeps the subject, itself a name)."""
    children, subject = r.children, r.subject
    clause = (
        bool(r.complements)
        or any(c.dep_ in {"xcomp", "parataxis"} for c in children)
        or r.dep in {"parataxis", "ccomp"}
        or r.quoted
    )
    if subject is None or not clause:
        return _NEXT
    doc, i = r.doc, r.i
    cue = doc[i : i + 1]
    if subject.lower_ in _RELATIVES and r.dep == "relcl":
        return _Cue(
            source_phrase(named_antecedent(r.token.head)), cue, doc[subject.i : subject.i + 1]
        )
    appositions = [] if r.cols.pos[subject.i] == "PROPN" else subject.children
    named = next(
        (
            c
            for c in appositions
            if c.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in c.subtree)
        ),
        None,
    )
    name = source_phrase(named if named is not None else subject)
    return _Cue(name, cue, cues.description(subject))


#: Verbs of saying whose content a preposition introduces ("called on", "responded to",
#: "warned against"), and those prepositions (lexicon `attribution/cue_prepositions`).
CUE_PREPOSITIONS: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split())
    for lemma, preps in load_mapping("attribution/cue_prepositions").items()
}
#: Verbs of saying that attribute a plain object ("announced the closure"; not "claimed
#: compensation"): lexicon `attribution/object_cues`.
OBJECT_CUES = frozenset(load_words("attribution/object_cues"))
#: What a verb of saying may take instead of a clause: an object ("announced the deal"),
#: an addressee ("told reporters"). Measured on PolNeAR train (280 articles, every third):
#: with these, source F1 0.715 -> 0.728 (138 sources more found, 54 false).
_OBJECTS = frozenset({"dobj", "dative"})


def _cue_preposition(r: _Reading) -> Token | None:
    """The preposition of `CUE_PREPOSITIONS` that introduces the verb's content, if any."""
    preps = CUE_PREPOSITIONS.get(r.lemma)
    if not preps:
        return None
    return next((c for c in r.children if c.dep_ in {"prep", "prt"} and c.lower_ in preps), None)


def subject_with_object(r: _Reading) -> Outcome:
    """'Police announced the closure', 'Weiss accused the council of delay', 'the union
    called for a strike': a verb of saying with a subject and an object (or a preposition
    of `CUE_PREPOSITIONS`) attributes that object, though no clause follows; PolNeAR
    marks these as attributions ("cited a poll", "denied the report"). 'Declined to
    comment on the closure' stays the refusal it completes; the verbs of an outlet's
    report ("reported a loss") take a plain object only from an outlet (`outlet_verb`),
    and only the verbs of `OBJECT_CUES` a plain object at all ("14 drivers claimed
    compensation" attributes nothing)."""
    subject = r.subject
    if subject is None or r.lemma not in REPORTING_VERBS or r.lemma in outlet_cues.OUTLET_VERBS:
        return _NEXT
    if r.dep == "xcomp" and cues.CUE_TYPES.get(r.cols.lemma[r.token.head.i].lower()) == "refusal":
        return _NEXT
    with_object = r.lemma in OBJECT_CUES and any(c.dep_ in _OBJECTS for c in r.children)
    if not (with_object or _cue_preposition(r) is not None):
        return _NEXT
    return _subject_cue(r, subject)


def _subject_cue(r: _Reading, subject: Token) -> _Cue:
    """The word itself as the cue and its subject as the source; a relative pronoun's
    named antecedent instead ("the institute, which declined to comment")."""
    doc = r.doc
    cue = doc[r.i : r.i + 1]
    if subject.lower_ in _RELATIVES and r.dep == "relcl":
        return _Cue(
            source_phrase(named_antecedent(r.token.head)), cue, doc[subject.i : subject.i + 1]
        )
    return _Cue(source_phrase(subject), cue, cues.description(subject))


def _agent(r: _Reading) -> Token | None:
    return next((c for c in r.children if c.dep_ == "agent"), None)


def outlet_verb(r: _Reading) -> Outcome:
    """'The Harbour Courier first reported the resignation': an outlet's own report, with
    or without a clause (rules in `outlet_cues`)."""
    if r.lemma in outlet_cues.OUTLET_VERBS and (
        found := outlet_cues.outlet_cue(r.token, subject=r.subject, agent=_agent(r))
    ):
        return _Cue(*found)
    return _NEXT


def impersonal_passive(r: _Reading) -> Outcome:
    """'It was reported that the pier would close', 'it was claimed by the union that':
    a clause or an agent makes "it" + passive an attribution (anonymous without an agent);
    "it is called Teren", "when it's all said and done" have neither."""
    children, doc, token = r.children, r.doc, r.token
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if not (
        passive is not None
        and passive.lower_ == "it"
        and any(c.dep_ in {"ccomp", "agent"} for c in children)
    ):
        return _NEXT
    agent = _agent(r)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    start = (
        min(c.i for c in children if c.dep_ == "auxpass")
        if any(c.dep_ == "auxpass" for c in children)
        else token.i
    )
    if pobj is None:
        return _Cue(None, doc[start : token.i + 1])
    return _Cue(source_phrase(pobj), doc[start : token.i + 1], cues.description(pobj))


#: Verbs of saying that attribute with neither clause nor object: "Kirby also said for the
#: first time that ..." (the parser hangs the clause on "time"), "as Clyburn noted, ...".
#: On PolNeAR train (840) "say" alone found 38 sources more, 8 false (source F1 .743 ->
#: .744); every verb of saying found 193 more, 184 false ("maintained", "added",
#: "responded" mostly false), so only "say" and "note" (7 more, none false) are read so.
PLAIN_CUES = frozenset({"say", "note"})


def plain_saying(r: _Reading) -> Outcome:
    """'Kirby also said for the first time that emails were found', 'as Clyburn noted,
    voters will look again': "say" and "note" (`PLAIN_CUES`) with a subject attribute
    even where the parse gives them no clause (the content is then the larger side of
    the sentence); the rules before have already turned away what is no saying ("did
    not say", "would say")."""
    subject = r.subject
    if subject is None or r.lemma not in PLAIN_CUES:
        return _NEXT
    return _subject_cue(r, subject)


#: The rules that decide whether a word cues an attribution, in order: the first that
#: returns a cue or None decides; a word no rule decides is no cue.
CUE_RULES: tuple[Callable[[_Reading], Outcome], ...] = (
    according_to,
    outlet_preposition,
    preposition_cue,
    court_heard,
    candidate_verb,
    status_report,
    hearsay_passive,
    inference_modal,
    agent_passive,
    non_speech,
    negated,
    bare_clause,
    naming_call,
    adding,
    instructed,
    subject_with_clause,
    outlet_verb,
    subject_with_object,
    impersonal_passive,
    plain_saying,
)


#: Subjects a second reading never takes: outside quotations (where verbs are read) "I" and
#: "we" are the writer, whose voice is no source ("I think the levy will pass").
_WRITER = frozenset({"i", "we"})
#: Rules whose "no" a second reading never overturns: they tell a shape that attributes
#: nothing ("two people confirmed dead", "the reveal back in September was big", "has
#: added 40 minutes", "residents told to leave").
_FINAL_RULES: tuple[Callable[[_Reading], Outcome], ...] = (
    status_report,
    bare_clause,
    adding,
    instructed,
)


#: What a verb turned away must take for a second reading: something its view is about, a
#: clause, an object, a complement ("called the deal a disgrace", "was critical"), or one
#: of `_ABOUT_PREPOSITIONS` ("spoke about", "voted against"); "Pia Lund still believes",
#: "Varn called at the port office" attribute nothing. `cues.wants_complement` asks for
#: a clause or an object only: as a gate here it turned away 590 verbs on PolNeAR train,
#: 221 of them cues.
_ABOUT = frozenset({"ccomp", "xcomp", "dobj", "dative", "attr", "acomp", "oprd"})
_ABOUT_PREPOSITIONS = frozenset({"about", "for", "against", "on", "over", "to", "with", "of", "as"})


def _about_preposition(child: Token) -> bool:
    return child.dep_ in {"prep", "prt"} and child.lower_ in _ABOUT_PREPOSITIONS


# Subjects that hold no view: "it shows", "this suggests", "there seems".
_EMPTY = frozenset({"it", "this", "there", "what"})


#: Verbs whose plain object is as often an action's as a statement's: an outlet's
#: ("reported a loss", `outlet_cues.OUTLET_VERBS`) and "claimed compensation".
_ACTS_ON_OBJECTS = outlet_cues.OUTLET_VERBS | {"claim"}


def _is_person(subject: Token) -> bool:
    return subject.ent_type_ == "PERSON" or subject.lower_ in {"he", "she", "they", "who"}


def _holds_views(subject: Token) -> bool:
    """Whether `subject` can be a source: not "it" or "this", and no one thing that names
    no body ("the move suggests", "the old ferry wants"), as `cues.wants_holder` says.
    Plural nouns may ("millennials see", "union leaders want"): `classify_source` reads
    many groups of people as institutions. On PolNeAR train, `cues.wants_holder` turned
    away 633 of these verbs, 168 of them cues; this check on every common noun, 429 and
    146. On singular nouns only, with the plain-object check of `second_subject`, the
    second reading's examples hold 400 cues, against 515 with neither."""
    if subject.lower_ in _EMPTY:
        return False
    if subject.tag_ != "NN" or subject.ent_type_:
        return True
    phrase = source_phrase(subject)
    kind, _ = classify_source(phrase)
    return kind != "institution" or is_plausible_source(phrase)


def ruled(lemma: str) -> bool:
    """Whether `CUE_RULES` decide about verbs of `lemma` (verbs of saying, the cue lexicon)."""
    return lemma in REPORTING_VERBS or lemma in cues.CUE_TYPES


def second_subject(cols: Columns, token: Token, quoted: bool) -> Token | None:
    """The subject of a verb that `CUE_RULES` turned away, if the second reading may ask
    the learned reader about it: a verb of saying or of the cue lexicon with a subject
    that can hold a view ("Trump", "opinion polls"; not "the move", not the writer's
    "I"), something it is about, no modal of inference, and no shape that attributes
    nothing (`_FINAL_RULES`). Shared with the reader's training script."""
    lemma = cols.lemma[token.i].lower()
    if cols.pos[token.i] not in {"VERB", "AUX"} or not ruled(lemma):
        return None
    subject = subject_of(cols, token)
    if subject is None or subject.lower_ in _WRITER:
        return None
    if any(c.dep_ == "aux" and c.lower_ in _INFERENCE_MODALS for c in token.children):
        return None
    kind = cues.cue_type(lemma)
    about = [c.dep_ for c in token.children if c.dep_ in _ABOUT or _about_preposition(c)]
    if not about or not _holds_views(subject):
        return None
    if about == ["dobj"] and lemma in _ACTS_ON_OBJECTS and not _is_person(subject):
        # "A review reported a loss", "14 drivers claimed compensation": an action on a
        # thing, unless a person does it ("she wrote a lashing dissent"). As a gate on
        # every verb of saying outside `OBJECT_CUES`, this kept 90 of 196 cues on
        # PolNeAR train from the reader.
        return None
    if lemma in _SILENT_WHEN_NEGATED:
        return None  # "did not respond to the attack" (`negated`)
    if cols.dep[token.i] == "xcomp" and cues.cue_type(cols.lemma[token.head.i].lower()) == (
        "refusal"
    ):
        # "declined to comment on the closure": the refusal is the cue; the v6 reader
        # (0.35) read "comment" as a second one, a source counted twice.
        return None
    if not (
        cues.wants_refusal_to_speak_or_act(token, subject, kind)
        and cues.wants_a_finding_not_a_discovery(token, subject, kind)
    ):
        return None  # "declined the offer", "the company showed a profit"
    if lemma == "call" and not {"oprd", "ccomp", "xcomp"} & set(about):
        return None  # "called the lift"; "called the deal a disgrace" names a verdict
    reading = _Reading(cols, token, quoted)
    if any(rule(reading) is None for rule in _FINAL_RULES):
        return None
    return subject


def second_reading(cols: Columns, token: Token, quoted: bool) -> _Cue | None:
    """'Senator Quill did not rule out a run', 'opinion polls see Verdane winning',
    'Petrakis called the contract a disgrace': a verb of saying or of the cue lexicon
    that `CUE_RULES` turned away is asked of the learned reader (`learned`), where
    `second_subject` allows; what it accepts is a cue of type "other". On PolNeAR
    train, 5-fold cross-validated: see the model card `attribution_cues.md` (v5)."""
    if cols.lemma[token.i].lower() not in CueModel.shipped().ruled_lemmas:
        return None
    subject = second_subject(cols, token, quoted)
    if subject is None or not CueModel.shipped().accepts(token, subject):
        return None
    reading = _Reading(cols, token, quoted)
    return _subject_cue(reading, subject)._replace(cue_type="other")


def read_cue(cols: Columns, token: Token, quoted: bool) -> _Cue | None:
    """The cue `token` makes under `CUE_RULES`, if it attributes (see `_Cue`).

    `quoted`: whether the token's sentence holds a quotation mark or colon.
    """
    reading = _Reading(cols, token, quoted)
    for rule in CUE_RULES:
        outcome = rule(reading)
        if outcome is not _NEXT:
            return outcome
    return None
