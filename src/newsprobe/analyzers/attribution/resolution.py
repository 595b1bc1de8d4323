"""From a cue's source phrase to an attribution finding, with what the article named so far.

The attribution analyzer finds the words that cue an attribution; this module turns the
source phrase they point at into a finding. That takes memory of the article: "he said"
resolves to the quotation's speaker, the subject of the sentence before, or the last
person named; "it" and "the paper" to the last organisation or outlet cited; a bare
surname to the full name the article gave first; "told the Harbour Courier" makes the
statement secondhand, as do "wrote to X" and "said in an interview with X". One
`SourceResolver` per article, fed cue by cue in text order; `from_quote` gives a sentence
with no cue of its own the speaker of the quotation it lies in.

    >>> resolver = SourceResolver(doc, entities, quotes, outlet="Valemont Times", text=text)
    >>> resolver.finding(sentence_span, source_phrase(subject), "said", cue_span, verb, ...)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from newsprobe.analyzers.attribution import confidence
from newsprobe.analyzers.attribution.cues import description
from newsprobe.analyzers.attribution.source_kinds import (
    OUTLET_ANAPHORS,
    SELF_REFERENCES,
    SOURCE_TYPE_WORDS,
    classify_source,
    looks_like_outlet,
    source_phrase,
)
from newsprobe.analyzers.base import Context
from newsprobe.analyzers.shared.span_index import SpanIndex
from newsprobe.analyzers.shared.speech_verbs import verbs_for
from newsprobe.analyzers.shared.tokens import Columns, columns
from newsprobe.findings import (
    AttributionFinding,
    CueType,
    EntityFinding,
    QuoteFinding,
    SourceType,
    Span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["SOURCE_RULES", "SourceResolver", "from_quote"]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Verbs whose "to X" names who heard it: "said to", "wrote to Gawker", "speaking to the BBC".
_TO_RECIPIENT = verbs_for("takes_recipient")
# "said in an interview with Coastline Wire": the outlet that carried the words first.
# Added after FNC-1 bodies 1100-1124, where two of these were missed.
_INTERVIEWS = frozenset({"interview", "statement", "conversation", "podcast", "op-ed"})
_ORG_PRONOUNS = frozenset({"it", "they"})
# Quotation spans when the quotes analyzer did not run: a lazy pair of marks, at most
# 3,000 characters apart, so an unbalanced mark cannot swallow the rest of the article.
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]{1,3000}?[\"”»]")


def _char_span(phrase: SpacySpan) -> Span:
    return Span(start=phrase.start_char, end=phrase.end_char)


class SourceResolver:
    """What the article has named so far, for pronouns and "the paper"; builds the findings.

    Args:
        doc: The shared spaCy parse of `text`.
        entities: Entity findings from the entities analyzer (may be empty).
        quotes: Quote findings from the quotes analyzer (may be empty).
        outlet: The publishing outlet, whose naming of itself is no source.
        text: The article text.
    """

    def __init__(
        self,
        doc: Doc,
        entities: list[EntityFinding],
        quotes: list[QuoteFinding],
        *,
        outlet: str | None,
        text: str,
        cols: Columns | None = None,
    ) -> None:
        self.doc = doc
        self.text = text
        # The pipeline's shared columns (`Context.columns`); built here only when the
        # resolver is used outside a pipeline.
        self.cols = cols if cols is not None else columns(doc)
        self.quotes = SpanIndex((q.span, q) for q in quotes)
        regions = [p for q in quotes for p in q.parts] or [
            Span(start=m.start(), end=m.end()) for m in _QUOTED.finditer(text)
        ]
        self.quoted_regions = SpanIndex((r, r) for r in regions)
        named_people = [e for e in doc.ents if e.label_ == "PERSON"]  # built once: both uses
        # Bare surnames the small model misses as PERSON: "Weiss said" after "Karolina Weiss".
        self.surnames = {e[-1].text: e.text for e in named_people if len(e) > 1}
        self.own_outlet = (outlet or "").strip().lower()
        people: list[tuple[Span, tuple[str, str | None]]] = [
            (m, (entity.canonical, entity.id))
            for entity in entities
            if entity.label == "PERSON"
            for m in entity.mentions
        ]
        if not entities:
            people = [
                (Span(start=e.start_char, end=e.end_char), (e.text, None)) for e in named_people
            ]
        self.people: SpanIndex[tuple[str, str | None]] = SpanIndex(people)
        self.mentions = SpanIndex((m, entity) for entity in entities for m in entity.mentions)
        self.last_org: tuple[str, str] | None = None  # (name, source type)
        # The last outlet cited, kept apart: "the paper" means it even after another
        # body was cited in between ("The Courier reported that the city refused ...
        # The paper quoted ...").
        self.last_outlet: str | None = None
        self.last_person: tuple[str, str | None, int] | None = None  # name, id, sentence
        # An unnamed person who was the source of a sentence ("the resident said"), and
        # that sentence's start: the "he" of the next one (`described_before`).
        self.last_described: tuple[str, int] | None = None
        # The gender each person was first called by ("she" -> "f"), so that a "he" in
        # the same story is someone else.
        self.genders: dict[str, str] = {}

    def quoted(self, offset: int) -> bool:
        """Whether `offset` lies inside a quotation (its verbs are the speaker's)."""
        return bool(self.quoted_regions.at(offset))

    def described_before(self, pronoun: Token) -> str | None:
        """The unnamed person the sentence before was sourced to, when no named one was:
        "His friend was killed, the resident said. Many had fled, he added." """
        start = pronoun.sent.start
        if start == 0 or self.last_described is None:
            return None
        previous = self.doc[start - 1].sent.start
        name, sentence_start = self.last_described
        named = self.last_person is not None and self.last_person[2] == previous
        return name if sentence_start == previous and not named else None

    def _resolve_pronoun(self, pronoun: Token) -> tuple[str, str | None] | None:
        """he/she: the quotation's speaker, else the person who was the subject of the
        sentence before, else the last person named; the first of them the pronoun can
        stand for. A person once called "she" is not "he": in "She said he intends to
        appeal", after "Ashby's lawyer, Priya Desai, had argued ...", "he" is not Desai."""
        gender = _PRONOUN_GENDER.get(pronoun.lower_)
        for name, entity_id in self._pronoun_candidates(pronoun):
            if gender is None or self.genders.setdefault(name, gender) == gender:
                return name, entity_id
        return None

    def _pronoun_candidates(self, pronoun: Token) -> Iterator[tuple[str, str | None]]:
        """Who a he/she may be, the likeliest first (see `_resolve_pronoun`)."""
        own = pronoun.sent  # spaCy finds a token's sentence by walking the doc: once
        sentence = Span(start=own.start_char, end=own.end_char)
        for quote in self.quotes.overlapping(sentence):
            if quote.speaker:
                yield quote.speaker, quote.speaker_entity
        start = own.start
        if start > 0:
            previous = self.doc[start - 1].sent
            if self.last_person is not None:
                name, entity_id, sentence_start = self.last_person
                if sentence_start == previous.start:
                    yield name, entity_id  # the speaker of the sentence before goes on
            cols = self.cols
            for i in range(previous.start, previous.end):
                if cols.dep[i] == "nsubj" and (
                    cols.ent_type[i] == "PERSON" or cols.text[i] in self.surnames
                ):
                    yield self.people.last_before(cols.end_char(i)) or (cols.text[i], None)
        yield from self.people.all_before(pronoun.idx)

    def _entity_at(self, span: Span) -> EntityFinding | None:
        found = self.mentions.overlapping(span)
        return found[0] if found else None

    def finding(
        self,
        sentence: Span,
        phrase: SpacySpan | None,
        cue: str,
        cue_span: Span,
        verb: Token,
        verb_sentence: SpacySpan,
        verb_sentence_text: str,
        *,
        description: SpacySpan | None = None,
        content: tuple[int, int] | None = None,
        cue_type: CueType = "speech",
    ) -> AttributionFinding | None:
        """The finding for one cue, or None when it names no usable source.

        `verb_sentence` is the cue's spaCy sentence and `verb_sentence_text` its text,
        read once by the caller (``verb.sent`` rebuilds the sentence on every call).
        `phrase` names the source; `description` is the whole phrase the article gives
        it (the finding's `source_span`), `content` the range of what is attributed.
        """
        content_span = Span(start=content[0], end=content[1]) if content else None
        if phrase is None or not len(phrase):
            return AttributionFinding(
                span=sentence,
                source=None,
                source_type="anonymous",
                cue=cue,
                cue_span=cue_span,
                cue_type=cue_type,
                content_span=content_span,
                confidence=confidence.ANONYMOUS_CUE,
                note=f"Sourced to no one in particular ('{cue}'): an anonymous attribution.",
            )
        name_span = _char_span(phrase)
        source_span = _char_span(description) if description is not None else name_span
        root = phrase.root
        reading = _Phrase(self, phrase, root, root.lower_, phrase.text, name_span, verb_sentence)
        source = _resolve(reading)
        if source is None:
            return None
        name, source_type, entity_id, role = source
        if name.strip().lower().removeprefix("the ") == self.own_outlet.removeprefix("the "):
            return None  # the outlet naming itself
        note_extra = ""
        if source_type != "unattributed":
            name, source_type, note_extra = self._told_to(
                verb, verb_sentence_text, name, source_type
            )
        if source_type in {"outlet", "official", "institution"}:
            self.last_org = (name, source_type)
            if source_type == "outlet":
                self.last_outlet = name
        elif source_type == "person":
            self.last_person = (name, entity_id, verb_sentence.start)
        elif source_type == "anonymous" and root.tag_ == "NN":
            self.last_described = (name, verb_sentence.start)
        described = SOURCE_TYPE_WORDS.get(source_type, "")
        note = f"Sourced to {described}, {name} ('{cue}'){note_extra}."
        if source_type == "unattributed":
            note = f"The writer's own voice ('{cue}'): sourced to no one."
        elif source_type == "outlet" and not note_extra:
            note = f"Sourced to {described}, {name} ('{cue}'): secondhand reporting."
        return AttributionFinding(
            span=sentence,
            source=name,
            source_span=source_span,
            name_span=name_span,
            source_type=source_type,
            entity=entity_id,
            role=role,
            cue=cue,
            cue_span=cue_span,
            cue_type=cue_type,
            content_span=content_span,
            confidence=(
                confidence.NAMED
                if source_type in {"person", "outlet", "official"}
                else confidence.DESCRIBED
            ),
            note=note,
        )

    def _told_to(
        self, verb: Token, verb_sentence_text: str, name: str, source_type: str
    ) -> tuple[str, str, str]:
        """The source's name and type after its recipient, and the note's extra words.

        "Varga told the Harbour Courier" (or "told the paper", the outlet named before)
        makes the statement secondhand: the outlet becomes the source. "told this
        newspaper" is the outlet's own reporting, said in the note.
        """
        recipient = self._recipient(verb)
        if recipient is not None and source_type != "outlet":
            if self.last_outlet is not None and (recipient.lower().split()[-1] in OUTLET_ANAPHORS):
                recipient = self.last_outlet  # "told the paper": the paper named before
            extra = f" as told to {recipient}, so the article retells another outlet"
            return recipient, "outlet", extra
        if SELF_REFERENCES.search(verb_sentence_text) and source_type != "outlet":
            return name, source_type, ", speaking to this outlet (its own reporting)"
        return name, source_type, ""

    def _previous_subject(
        self, sentence: SpacySpan, *, people: bool = False
    ) -> tuple[str, SourceType] | None:
        """For "it"/"they": the organisation that was the subject of the sentence before;
        for "they" (`people`) also unnamed people ("Doctors tried... they said")."""
        start = sentence.start
        if start == 0:
            return None
        previous = self.doc[start - 1].sent
        subject = next((c for c in previous.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        phrase = source_phrase(subject)
        kind, _ = classify_source(phrase)
        wanted = {"outlet", "official", "institution"} | ({"anonymous"} if people else set())
        return (phrase.text, kind) if kind in wanted else None

    def _recipient(self, verb: Token) -> str | None:
        """The outlet a statement was given to: "told the Harbour Courier", "told the paper",
        "wrote to the Courier", "said in an interview with Coastline Wire"."""
        lemma = self.cols.lemma[verb.i].lower()
        for child in verb.children:
            target = child
            dep = child.dep_
            if dep == "prep" and child.lower_ in {"to", "in"}:
                target = next((c for c in child.children if c.dep_ == "pobj"), child)
                if child.lower_ == "in":
                    # "in an interview with X", "in a statement to X"
                    if target.lemma_.lower() not in _INTERVIEWS:
                        continue
                    prep = next((c for c in target.children if c.lower_ in {"with", "to"}), None)
                    pobj = (
                        next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
                    )
                    if pobj is None:
                        continue
                    target = pobj
                elif lemma not in _TO_RECIPIENT:
                    continue
            elif dep not in {"dobj", "dative"} or lemma != "tell":
                continue
            phrase = source_phrase(target)
            kind, _ = classify_source(phrase)
            if kind == "outlet" and not SELF_REFERENCES.search(f"told {phrase.text}"):
                is_anaphor = phrase.root.lemma_.lower() in OUTLET_ANAPHORS
                if is_anaphor and self.last_outlet is not None:
                    return self.last_outlet
                return phrase.text
        return None


def _described(ctx: Context, name: Span | None) -> Span | None:
    """The whole phrase the article gives a quotation's speaker, from the name the quotes
    analyzer found: "Suzanne Ferriss, an English professor at Nova Southeastern, said"."""
    if name is None:
        return None
    phrase = ctx.char_span(name)
    if phrase is None or not len(phrase):
        return name
    token = phrase.root
    if token.dep_ == "appos":  # "The spokesman, Idris Calder, said": the whole subject
        token = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return name
    whole = description(token)
    if not (whole.start_char <= name.start and name.end <= whole.end_char):
        return name
    return Span(start=whole.start_char, end=whole.end_char)


# How many quotations back a quotation that goes on may find the cue that opened it (a
# bound, not tuned: the walk stops at the first quotation of another speaker anyway).
# Sourcing a quotation's later sentences to the cue that opened it took PolNeAR train
# (840) relation F1 .639 -> .663 (P .681 -> .742): one statement, one prediction.
_CONTINUED = 4


def _cued(quote: QuoteFinding, quotes: SpanIndex[QuoteFinding]) -> QuoteFinding:
    """The quotation whose cue introduced `quote`: itself when it has one, else the one
    it goes on from ('"We should scrap the levy," Kerr said. "Traders feel it is
    unfair."': one statement, one cue, and PolNeAR's content holds both sentences), else
    itself."""
    earlier = quote
    for _ in range(_CONTINUED):
        if earlier.cue_span is not None:
            return earlier
        before = quotes.last_before(earlier.span.start)
        if before is None or before.speaker != quote.speaker:
            break
        earlier = before
    return earlier if earlier.cue_span is not None else quote


def from_quote(
    ctx: Context, span: Span, quotes: SpanIndex[QuoteFinding]
) -> Iterator[AttributionFinding]:
    """The attribution of a sentence with no cue of its own that lies in a quotation: the
    quotation's speaker ("Ruiz said" two sentences on)."""
    text = ctx.text
    # A quotation that only touches the sentence by its opening mark ("... on Monday. ''"
    # where the parser kept a two-apostrophe mark with the sentence before) is not in it.
    quote = next(
        (
            q
            for q in quotes.overlapping(span)
            if q.speaker
            and any(
                c.isalnum() for c in text[max(q.span.start, span.start) : min(q.span.end, span.end)]
            )
        ),
        None,
    )
    if quote is None:
        return
    cue = _cued(quote, quotes)
    source_type: SourceType = "person"
    entity = ctx.by_id(quote.speaker_entity) if quote.speaker_entity else None
    if looks_like_outlet(quote.speaker):
        source_type = "outlet"  # "Bloomberg termed it ...": the small model says GPE
    elif isinstance(entity, EntityFinding):
        if entity.label != "PERSON":
            source_type = "official" if entity.label in {"GPE", "NORP"} else "institution"
    elif quote.speaker_span is not None:
        phrase = ctx.char_span(quote.speaker_span)
        if phrase is not None and len(phrase):
            source_type, _ = classify_source(phrase)
    yield AttributionFinding(
        span=span,
        source=quote.speaker,
        source_span=_described(ctx, quote.speaker_span),
        name_span=quote.speaker_span,
        source_type=source_type,
        entity=quote.speaker_entity,
        cue=cue.cue,
        cue_span=cue.cue_span,
        content_span=span,
        confidence=confidence.QUOTED_SPEAKER,
        note=(
            f"Sourced to {SOURCE_TYPE_WORDS[source_type]}, {quote.speaker}, through a quotation."
        ),
    )


# --- who a source phrase names: `SOURCE_RULES` -----------------------------------------------


class _Next(Enum):
    """What a rule returns when it does not decide: the next rule is asked."""

    RULE = "next"


_NEXT = _Next.RULE


class _Source(NamedTuple):
    """Who a source phrase names: the name, its type, its entity id and role if known."""

    name: str
    source_type: str
    entity: str | None = None
    role: str | None = None


#: What a rule of `SOURCE_RULES` returns: the source, None (no source: no finding), `_NEXT`.
Outcome = _Source | None | _Next


class _Phrase(NamedTuple):
    """A cue's source phrase with what every rule reads of it, read once."""

    resolver: SourceResolver
    phrase: SpacySpan
    root: Token  # spaCy finds a span's root by walking it: once
    head: str  # the root, lower-cased
    text: str
    name_span: Span
    verb_sentence: SpacySpan

    @property
    def single(self) -> bool:
        return len(self.phrase) == 1


#: Who "I" and "we" outside a quotation are (`writer_voice`).
WRITER = "the writer"


def writer_voice(p: _Phrase) -> Outcome:
    """'I wrote last year that the pier was failing', 'I think the levy will pass': "I"
    or "we" outside a quotation is the writer's own voice. It attributes the view to
    the writer, as PolNeAR marks it, but to no source: the type is "unattributed", so
    sourcing still counts the sentence as the writer's own (v12). On PolNeAR train
    (840, 5-fold CV) 94 sources more found, 57 false (source F1 .7605 -> .7629, content
    .8161 -> .8193, relation .6791 -> .6809)."""
    if p.single and p.head in {"i", "we"} and not p.resolver.quoted(p.root.idx):
        return _Source(WRITER, "unattributed")
    return _NEXT


def person_pronoun(p: _Phrase) -> Outcome:
    """'Dana Ruiz, the harbour master, runs the port. She said
    fares would rise': he/she (and a quoted I/we)
    is the person the article means (`SourceResolver._resolve_pronoun`)."""
    if not (p.single and p.head in _PERSON_PRONOUNS | {"i", "we"}):
        return _NEXT
    if p.head in _PERSON_PRONOUNS and (described := p.resolver.described_before(p.root)):
        return _Source(described, "anonymous")
    person = p.resolver._resolve_pronoun(p.root)
    if person is None:
        return _Source(p.text, "person")
    return _Source(person[0], "person", person[1])


def org_pronoun(p: _Phrase) -> Outcome:
    """'The port authority closed the pier. It said repairs would take a month': "it" and
    "they" are the organisation (or, for "they", the people) of the sentence before, else
    the last organisation cited. "They" with neither is still someone ('It rained at dawn.
    They say the rota is unsafe'): an unnamed source, as PolNeAR marks it (on
    train, 5-fold CV: 17 sources more found, 13 false); "it" with neither names no
    source."""
    if not (p.single and p.head in _ORG_PRONOUNS):
        return _NEXT
    resolver = p.resolver
    previous = resolver._previous_subject(p.verb_sentence, people=p.head == "they")
    found = previous or resolver.last_org
    if found is None:
        return _Source(p.text, "anonymous") if p.head == "they" else None
    return _Source(*found)


def outlet_anaphor(p: _Phrase) -> Outcome:
    """'The Harbour Courier reported the closure. The paper said ...': "the paper" is the
    last outlet cited."""
    last = p.resolver.last_outlet
    if (
        p.root.lemma_.lower() in OUTLET_ANAPHORS
        and p.resolver.cols.lower[p.phrase.start] == "the"
        and last is not None
    ):
        return _Source(last, "outlet")
    return _NEXT


def named_source(p: _Phrase) -> Outcome:
    """'Velko told reporters', 'the Meridian Red Cross said': any other phrase is
    classified (`classify_source`) and, when it is a mention of an entity, named as the
    article named that entity in full; a bare surname the model missed ("Weiss said"
    after "Karolina Weiss") is that person."""
    resolver, phrase_text, root = p.resolver, p.text, p.root
    name, entity_id = phrase_text, None
    source_type, role = classify_source(p.phrase)
    entity = resolver._entity_at(p.name_span)
    if entity is not None:
        entity_id = entity.id
        # The entity's label speaks for the phrase only when it names the phrase's head
        # ("the *city* of Serevo" is the city), and spaCy does not call that head an
        # organisation ("the Meridian Red *Cross*").
        # A bare surname of a person the article named in full is that person, whatever
        # the small model calls the single word ("Velko told reporters").
        surname = len(entity.canonical.split()) > 1 and (
            phrase_text == entity.canonical.split()[-1]
        )
        head_named = any(m.start <= root.idx < m.end for m in entity.mentions)
        covers_head = head_named and (
            surname or root.ent_type_ not in {"ORG", "GPE", "FAC", "NORP"}
        )
        if (
            entity.label == "PERSON"
            and source_type in {"person", "institution"}
            and (source_type == "person" or covers_head)
        ):
            source_type, name, role = "person", entity.canonical, role or entity.role
        elif (
            entity.label != "PERSON"
            and (source_type == "outlet" or head_named)
            and looks_like_outlet(entity.canonical)
        ):
            # "a report by the Meridian Herald", later "the Herald": one outlet, named as
            # the article first named it in full ("The Daily Courier" keeps its capital
            # article).
            source_type = "outlet"
            if phrase_text not in (entity.canonical, f"The {entity.canonical}"):
                name = entity.canonical
    elif phrase_text in resolver.surnames:
        source_type, name = "person", resolver.surnames[phrase_text]
    return _Source(name, source_type, entity_id, role)


def _resolve(reading: _Phrase) -> _Source | None:
    """Who `reading` names under `SOURCE_RULES`; None: no source, so no finding."""
    for rule in SOURCE_RULES:
        outcome = rule(reading)
        if outcome is not _NEXT:
            return outcome
    return None


#: The rules that say who a source phrase names, in order: the first that returns a
#: source or None decides (`named_source`, last, always decides).
SOURCE_RULES: tuple[Callable[[_Phrase], Outcome], ...] = (
    writer_voice,
    person_pronoun,
    org_pronoun,
    outlet_anaphor,
    named_source,
)
