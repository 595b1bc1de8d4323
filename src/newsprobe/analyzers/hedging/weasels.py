"""Vague sources and weasel words: a claim made to sound sourced when no one is named.

"Many experts believe", "Critics say", "Some have argued", "Numerous reports have linked",
"is widely regarded as", "one of the most ...". Each rule below is a small function over
one sentence of the shared parse that returns the (first, last) tokens of each cue; the
hedging analyzer reports them as hedges of type ``weasel`` with the words that fired.

What is *not* a weasel, and why each rule checks for it:

- a count: "many of the 300 passengers", "some 2,000 people", "several buildings were
  damaged" (a vague quantifier is only vague sourcing before a noun of people or documents
  that speak, believe or show: `vague_sources`);
- a named or specified group: "Experts from the Delmore Trust", "critics of the plan,
  including the residents' association", "reports filed by the inspectors in 2021";
- a ranked fact with its figure: "one of 12 titles shortlisted", "one of the two pilots".

Word lists live in ``hedging/lexicons/`` (`vague_sources`, `vague_quantifiers`,
`vague_source_verbs`, `vague_source_clause_verbs`, `narrowing_modifiers`,
`weasel_phrases`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from newsprobe.analyzers.shared.lexicon import PhraseMatcher, load_lexicon
from newsprobe.analyzers.shared.lexicon_files import load_words, tagged

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["WEASEL_RULES", "weasel_cues", "weasel_phrases"]

_BARE = tagged("hedging/vague_sources", "bare")
_QUANTIFIED = tagged("hedging/vague_sources", "quantified")
_DOCUMENTS = tagged("hedging/vague_sources", "document")
_QUANTIFIERS = load_words("hedging/vague_quantifiers")
_ONE_WORD_QUANTIFIERS = frozenset(q for q in _QUANTIFIERS if " " not in q)
_MULTI_WORD_QUANTIFIERS = tuple(sorted((q for q in _QUANTIFIERS if " " in q), key=len))
_CLAUSE_VERBS = load_words("hedging/vague_source_clause_verbs")
_VERBS = load_words("hedging/vague_source_verbs") | _CLAUSE_VERBS
# "Previous studies have shown": works already cited, as "the studies" are.
_BACK_REFERENCES = load_words("hedging/narrowing_modifiers")
# Pronoun-like quantifiers that stand as the vague source themselves: "Some say", "Many
# believe", "Others claim", "Few doubt".
_STANDING = frozenset({"some", "many", "others", "most", "few"})
# A group narrowed down to someone who could be asked: "Experts from the Delmore Trust",
# "Scientists at the observatory", "critics, including the association", "such as".
_NARROWING_PREPS = frozenset({"from", "at", "with", "including", "like", "in", "on", "for"})
_WHERE_PREPS = frozenset({"in", "on"})
_NARROWING_DEPS = frozenset({"appos", "acl", "relcl", "poss", "nummod", "compound"})
# Verbs that give a view only with "as": "saw the reshuffle as a sign of weakness".
_AS_VERBS = frozenset({"see", "view", "regard"})
# "how many people", "so many experts", "too many reports": a degree, not a source.
_DEGREE_WORDS = frozenset({"how", "so", "too", "as"})
# Plural nouns of people not in `vague_sources` ("Some linguists believe", "Many writers
# have compared"): by ending, vague only with a vague quantifier and a verb of saying or
# belief, as the `quantified` words are. Endings of people's roles only: not "-ant",
# "-ent" or "-ee" of `person_suffixes` ("plants", "events", "trees"). Added 2026-12-07
# after an eighth composed probe.
_PEOPLE_ENDINGS = ("ist", "ian", "er", "or", "eer")
_PEOPLE_PROPER_ENDINGS = ("ans", "ers", "ists", "ites", "ons")
# "criticised by a number of scholars": the agent is the group after "of".
_GROUP_HEADS = frozenset({"number", "host", "lot", "majority", "handful"})
_DETERMINERS = frozenset(
    {"the", "these", "those", "this", "that", "our", "their", "its", "his", "her"}
)


def _verb_of(noun: Token) -> Token | None:
    """The verb of saying, belief or evidence `noun` is the subject of, if any.

    "Critics have long argued", "Many analysts have questioned": spaCy makes the content
    verb the head, with "have" as its auxiliary.
    """
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "a growing number of economists doubt": the subject is "number"
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = noun.head
    lemma = verb.lemma_.lower()
    if lemma not in _VERBS:
        return None
    if lemma in _AS_VERBS and not any(c.lower_ == "as" for c in verb.children):
        return None  # "allowing people to see the progress": sight, not a view
    if lemma in _CLAUSE_VERBS and not any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "many residents accepted the offer": a deed, not a view
    for child in verb.children:
        if child.tag_ == "TO":
            return None  # "allowing people to see ...": no one is quoted as saying anything
        if child.tag_ == "MD" and child.lower_ not in {"may", "might"}:
            return None  # "people will wonder how...": a prediction about them, not a source
        if child.tag_ in {"WP", "WDT"} and child.i < verb.i and verb.lemma_.lower() != "call":
            return None  # "What others say": a heading or a question, no claim made
            # ("what many call the best cheese" names no one who calls it so: kept)
    return verb


def _narrowed(noun: Token) -> bool:
    """The group is specified: someone could look up who they are."""
    for child in noun.children:
        if child.dep_ in _NARROWING_DEPS:
            return True
        if child.dep_ == "det" and child.lower_ in _DETERMINERS:
            return True
        if child.dep_ == "amod" and child.lower_ in _BACK_REFERENCES:
            return True  # "previous studies have shown": the works already cited
        if child.dep_ == "prep" and child.lower_ in _NARROWING_PREPS:
            # "people in the region", "experts in the field": a place or a domain is no
            # one to ask; "scientists at the observatory", "experts in Delmore" are.
            if child.lower_ in _WHERE_PREPS and not any(
                o.pos_ == "PROPN" or o.ent_type_ for o in child.children if o.dep_ == "pobj"
            ):
                continue
            return True
        if child.ent_type_ in {"ORG", "GPE", "PERSON", "NORP", "FAC"} and child.i < noun.i:
            return True  # "Kelmstone scientists", "Veltran officials"
        if child.dep_ == "punct" and child.i == noun.i + 1 and child.text == ",":
            # "Critics, including ..." / "Critics of the plan, led by ...": an appositive
            # the parser hung on the comma
            return True
    return False


def _is_count(quantifier: Token) -> bool:
    """ "many of the 300 passengers", "some 2,000 people", "most of the money"."""
    if quantifier.like_num or any(c.like_num for c in quantifier.children):
        return True
    if quantifier.i > 0 and quantifier.nbor(-1).lower_ in _DEGREE_WORDS:
        return True
    nxt = quantifier.nbor(1) if quantifier.i + 1 < len(quantifier.doc) else None
    if nxt is not None and (nxt.like_num or nxt.tag_ == "CD"):
        return True
    # "many of the injured": a part of a known group
    return any(child.dep_ == "prep" and child.lower_ == "of" for child in quantifier.children)


def _quantifier_before(noun: Token, first: Token) -> Token | None:
    """The vague quantifier among the words before `noun` ("many", "a growing number of")."""
    doc = noun.doc
    for child in noun.children:
        if (
            child.i < noun.i
            and child.lower_ in _ONE_WORD_QUANTIFIERS
            and child.dep_
            in {
                "amod",
                "det",
                "nummod",
                "quantmod",
            }
        ):
            return child
    # "a growing number of economists": the quantifier phrase heads the noun via "of".
    start = first.i
    before = doc[max(start - 5, 0) : start].text.lower()
    for phrase in reversed(_MULTI_WORD_QUANTIFIERS):
        if before.endswith(phrase):
            back = len(phrase.split())
            return doc[start - back]
    return None


def _people_plural(noun: Token) -> bool:
    """ "linguists", "writers", "biographers": a plural of people by its ending."""
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS":
        # "Many Americans consider", "Some Republicans believe": peoples and parties by
        # their ending (the entity type is not there when hedging runs alone)
        return noun.ent_type_ == "NORP" or noun.lower_.endswith(_PEOPLE_PROPER_ENDINGS)
    return noun.tag_ == "NNS" and len(lemma) > 5 and lemma.endswith(_PEOPLE_ENDINGS)


def vague_group(sentence: SpacySpan) -> Iterator[tuple[Token, Token]]:
    """ "Many experts believe", "Critics say", "Numerous reports have linked", "Some officials
    privately admit": a plural group of people or documents standing in for a source."""
    for noun in sentence:
        lower = noun.lower_
        if noun.tag_ not in {"NNS", "NNPS", "NN"}:
            continue
        if lower not in _QUANTIFIED and not _people_plural(noun):
            continue
        if _narrowed(noun) and not any(
            c.lower_ in _ONE_WORD_QUANTIFIERS for c in noun.children if c.i < noun.i
        ):
            continue
        first = min(
            (c for c in noun.children if c.i < noun.i and c.dep_ == "amod"),
            default=noun,
            key=lambda t: t.i,
        )
        quantifier = _quantifier_before(noun, first)
        verb = _verb_of(noun)
        if quantifier is not None:
            if _is_count(quantifier) or (verb is None and lower not in _DOCUMENTS):
                continue
            if _narrowed(noun):
                continue
            yield quantifier, noun
        elif lower in _BARE and verb is not None and not _narrowed(noun):
            if any(c.dep_ == "det" for c in noun.children):
                continue  # "the experts", "all scientists"
            yield noun, noun


def standing_quantifier(sentence: SpacySpan) -> Iterator[tuple[Token, Token]]:
    """ "Some have argued", "Many believe", "Others claim": a quantifier as the source."""
    for token in sentence:
        if token.lower_ not in _STANDING or token.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verb = _verb_of(token)
        if _is_count(token) or verb is None or verb.tag_ == "VBZ":
            continue  # "some calls into the hotline": "calls" was a noun, misparsed
        yield token, token


def unranked_superlative(sentence: SpacySpan) -> Iterator[tuple[Token, Token]]:
    """ "one of the most polluted lakes", "among the biggest rivalries": a ranking without
    the list or the measure it was ranked by."""
    doc = sentence.doc
    for token in sentence:
        if token.lower_ not in {"one", "among"} or token.i + 3 >= sentence.end:
            continue
        if token.lower_ == "one" and token.nbor(1).lower_ != "of":
            continue
        the = token.nbor(2) if token.lower_ == "one" else token.nbor(1)
        if the.lower_ != "the":
            continue
        degree = doc[the.i + 1]
        if degree.lower_ == "most" or degree.tag_ in {"JJS", "RBS"}:
            last = degree
            if degree.lower_ == "most" and degree.i + 1 < sentence.end:
                last = doc[degree.i + 1]
            elif degree.i + 2 < sentence.end and doc[degree.i + 1].text == "-":
                last = doc[degree.i + 2]  # "best-known"
            yield token, last


def vague_agent(sentence: SpacySpan) -> Iterator[tuple[Token, Token]]:
    """ "described as an eyesore by some", "hailed by critics as a masterpiece", "is
    questioned by many historians": a passive whose agent is a vague group."""
    passive = any(t.dep_ == "auxpass" for t in sentence)
    for by in sentence:
        # The parser hangs a late "by" on the nearest noun now and then ("described as an
        # eyesore by some"): in a passive sentence that "by" is still the agent.
        if by.dep_ != "agent" and not (passive and by.lower_ == "by" and by.dep_ == "prep"):
            continue
        for noun in by.children:
            if noun.dep_ == "pobj" and noun.lower_ in _GROUP_HEADS:
                noun = next(  # "by a number of scholars"
                    (o for p in noun.children if p.lower_ == "of" for o in p.children), noun
                )
                if noun.dep_ == "pobj" and noun.head.lower_ == "of":
                    if _narrowed(noun) or not (noun.lower_ in _QUANTIFIED or _people_plural(noun)):
                        continue
                    yield by, noun
                    continue
            if noun.dep_ != "pobj" or _narrowed(noun) or noun.text[:1].isupper():
                continue  # "by Supporters of the Religion Front": a name, capitalized
            lower = noun.lower_
            if lower in _STANDING and not _is_count(noun):
                yield by, noun  # "by some", "by many"
            elif lower in _QUANTIFIED:
                quantifier = _quantifier_before(noun, noun)
                bare = lower in _BARE and not any(c.dep_ == "det" for c in noun.children)
                if (quantifier is not None and not _is_count(quantifier)) or (
                    quantifier is None and bare
                ):
                    yield by, noun  # "by many historians", "by critics"


#: The rules, in order; each yields (first, last) tokens of a cue.
WEASEL_RULES: tuple[Callable[[SpacySpan], Iterator[tuple[Token, Token]]], ...] = (
    vague_group,
    standing_quantifier,
    unranked_superlative,
    vague_agent,
)


def weasel_cues(sentence: SpacySpan) -> list[tuple[int, int]]:
    """Character spans of the weasel cues of one parsed sentence, from every rule."""
    found: list[tuple[int, int]] = []
    for rule in WEASEL_RULES:
        for first, last in rule(sentence):
            found.append((first.idx, last.idx + len(last.text)))
    return found


@cache
def weasel_phrases() -> PhraseMatcher:
    """The set phrases of `weasel_phrases.txt`, compiled once, at first use."""
    return PhraseMatcher({"weasel": load_lexicon("hedging/weasel_phrases")})
