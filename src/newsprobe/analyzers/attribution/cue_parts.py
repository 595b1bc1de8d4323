"""The pieces an attribution cue is read from, shared by the analyzer and its rules.

A cue's subject is its own, one it shares with the verb it hangs on ("rose and said"),
or one it climbs to ("began by saying": `climbed_subject`); the word sets here say which
words may be cues, which negations silence them, and which marks open a quotation. The
rules that decide whether a word is a cue are in `cue_rules`, the analyzer that reads a
whole article in `attribution`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from newsprobe.analyzers.attribution import cues
from newsprobe.analyzers.attribution.learned import CueModel
from newsprobe.analyzers.attribution.source_kinds import source_phrase
from newsprobe.analyzers.shared.speech_verbs import REPORTING_VERBS
from newsprobe.analyzers.shared.tokens import Columns
from newsprobe.findings import CueType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "QUOTE_MARKS",
    "SHARED_SUBJECT",
    "VIEW_CLIMBING",
    "Cue",
    "climbed_subject",
    "cue_candidates",
    "named_antecedent",
    "non_speech_verb_cue",
    "subject_of",
]

_RELATIVES = frozenset({"which", "who", "that"})


# Verbs that take their subject from the verb they hang on (see `subject_of`).
SHARED_SUBJECT = frozenset({"conj", "advcl", "xcomp"})


QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", ":", "''"})


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
    lemma = cols.lemma[i].lower()
    if subject is None and (
        lemma in REPORTING_VERBS or (lemma in cues.CUE_TYPES and dep in VIEW_CLIMBING)
    ):
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


#: Where a cue of the lexicon climbs too: "won praise *for supporting* the levy" (under a
#: preposition), "rose and *backed* the plan" (a conjunct); not "is due *to consider*",
#: "is likely *to back*" (the xcomp of an adjective: a plan or a chance, no view). On
#: PolNeAR train (840, 5-fold CV, reader v7 retrained): 18 sources more found, 9 false
#: (source F1 .7600 -> .7604, content .8107 -> .8110, relation .6767 -> .6773); every
#: shape of `_CLIMBS` found about as many more, but read "is due to consider" as a view.
VIEW_CLIMBING = frozenset({"pcomp", "prep", "conj"})


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


class Cue(NamedTuple):
    """What one cue word attributes: the source's name phrase (None: anonymous), the cue
    words, the whole description of the source (None: the name phrase) and the cue type."""

    source: SpacySpan | None
    words: SpacySpan
    description: SpacySpan | None = None
    cue_type: CueType = "speech"


@cache
def cue_candidates() -> frozenset[str]:
    """The verbs of `_CUE_WORDS` and those the learned reader weighs ("mocked", "touted");
    read at first use, not at import (the model is a package file)."""
    return _CUE_WORDS | CueModel.shipped().lemmas | _SILENT_WHEN_NEGATED


def non_speech_verb_cue(token: Token, subject: Token | None, lemma: str) -> Cue | None:
    """A cue of thought, evidence, intention, stance or refusal ("critics fear that",
    "polls show", "a super PAC, which supports Kerr,"), under the rules of `cues`."""
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
        return Cue(
            source_phrase(holder),
            doc[token.i : token.i + 1],
            doc[subject.i : subject.i + 1],
            kind,
        )
    return Cue(source_phrase(subject), doc[token.i : token.i + 1], cues.description(subject), kind)
