"""Cues that are not verbs of saying, and the spans an attribution covers.

A cue is a verb of saying ("said", from ``shared/speech_verbs``: type ``speech``) or one
of ``attribution/lexicons/cue_verbs.txt``: thought ("critics fear"), evidence ("polls
show"), intention ("officials want"), stance ("a super PAC, which supports") and refusal
("declined to comment"). Those are read as cues only under the rules of `NON_SPEECH_RULES`,
an ordered tuple of small named checks, each with the sentence that motivated it.

The spans, beside the finding's sentence:

- `description`: the whole phrase the article gives its source, not just the name:
  "Dana Whitfield, chief market strategist at Harrow Capital, said" has the source
  "Dana Whitfield, chief market strategist at Harrow Capital" (the name is resolved
  separately and kept as the finding's entity and `name_span`);
- `content`: what is attributed: the reported clause ("said *the rally would fade*"),
  the "to" clause or object of a non-speech cue ("want *to delay the vote*", "supports
  *Trump*"), else the rest of the sentence on the larger side of source and cue.

    >>> cue_type("fear"), cue_type("say")
    ('thought', 'speech')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, get_args

from newsprobe.analyzers.attribution.content_tail import past_colon
from newsprobe.analyzers.attribution.parenthetical import around_cue
from newsprobe.analyzers.attribution.source_kinds import (
    classify_source,
    is_plausible_source,
    source_phrase,
)
from newsprobe.analyzers.shared.lexicon_files import load_mapping, load_words
from newsprobe.analyzers.shared.speech_verbs import REPORTING_VERBS
from newsprobe.findings import CueType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "ADDRESSEE_VERBS",
    "CUE_TYPES",
    "NON_SPEECH_RULES",
    "content",
    "cue_type",
    "description",
    "non_speech_cue",
]

#: Lemma -> cue type of every cue that is not a shared reporting verb.
CUE_TYPES: dict[str, str] = {
    lemma: kind
    for lemma, kind in load_mapping("attribution/cue_verbs").items()
    if lemma not in REPORTING_VERBS
}
#: Verbs of saying whose object is the one spoken to ("told the Courier"): lexicon
#: `attribution/addressee_verbs`.
ADDRESSEE_VERBS = frozenset(load_words("attribution/addressee_verbs"))
_KNOWN = frozenset(get_args(CueType))
if not set(CUE_TYPES.values()) <= _KNOWN:  # a typo in the lexicon fails at import, loudly
    raise ValueError(f"attribution/cue_verbs: cue types {set(CUE_TYPES.values()) - _KNOWN}?")

# Subjects that hold no view: "it shows", "this suggests", "there seems".
_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "which"})
# Not "you": "What do you think?", "Tell us what you think" address the reader.
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "who"})
# Quantifiers standing for people: "some fear", "few believe", "both want", "each
# recognized" (PolNeAR marks them as sources; the small model tags "few" and "most" as
# adjectives, the rest as pronouns). On PolNeAR train (840) holding them as holders found
# 41 sources more, 15 false (source F1 .744 -> .746, relation .664 -> .665).
_QUANTIFIERS = frozenset("some many few most all both each others those neither several".split())
_COMPLEMENTS = ("ccomp", "xcomp", "dobj")
# What may follow the object and still complete it: "called the plan a needless
# escalation" (oprd), "found the levy unfair" (acomp/ccomp/xcomp).
_RUN_ON = frozenset({"oprd", "ccomp", "xcomp", "acomp", "attr"})
# "calls for", "pushed for", "argued against": a preposition that names what is wanted.
_STANCE_PREPOSITIONS = frozenset({"for", "against", "on"})


def cue_type(lemma: str) -> CueType:
    """The cue type of a verb lemma: "speech" for verbs of saying and unknown verbs."""
    found = CUE_TYPES.get(lemma, "speech")
    return found  # type: ignore[return-value]  # checked against _KNOWN at import


# --- when a non-speech verb is a cue -------------------------------------------------------


def _complement(token: Token) -> Token | None:
    """The clause, "to" clause or object that holds what is attributed, if any; not the
    addressee of a verb of address ("told *the Courier*", `ADDRESSEE_VERBS`)."""
    children = list(token.children)
    addressed = token.lemma_.lower() in ADDRESSEE_VERBS
    for dep in _COMPLEMENTS:
        if addressed and dep == "dobj":
            continue
        found = next((c for c in children if c.dep_ == dep), None)
        if found is not None:
            return found
    for child in children:
        if child.dep_ == "prep" and child.lower_ in _STANCE_PREPOSITIONS:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                return child
    return None


def wants_complement(token: Token, subject: Token | None, kind: str) -> bool:
    """'Officials want to delay the vote': a non-speech cue needs what it is about.
    "Analysts fear." or "Voters back home" attribute nothing."""
    return _complement(token) is not None


def wants_holder(token: Token, subject: Token | None, kind: str) -> bool:
    """'Critics fear the levy will pass': only someone can fear, want or support. "It
    seems", "the rally wants", "this means" have no holder of a view; evidence may also
    come from a document or a figure ("polls show", "the data suggest"). "Some fear",
    "both want": a quantifier stands for people (`_QUANTIFIERS`)."""
    if subject is None or subject.lower_ in _EMPTY_SUBJECTS:
        return False
    if subject.lower_ in _QUANTIFIERS:
        return True
    if subject.pos_ == "PRON":
        return subject.lower_ in _PERSONAL
    if subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or subject.pos_ == "PROPN":
        return True
    phrase = source_phrase(subject)
    source_kind, _ = classify_source(phrase)
    # "The move suggests", "the rally shows": a thing is evidence only as a document
    # ("figures", "a poll", "the report"), as the attribution analyzer always read it.
    # A body holds views too ("the group plans to", "the employer asked for"), when the
    # phrase names one (`is_plausible_source`: a name or a head such as "group"), not a
    # thing ("the move"). On PolNeAR train (280 articles, every third) admitting every
    # institution found 88 sources more, 60 false (source F1 0.729 -> 0.735); admitting
    # only those, 50 more, 27 false (0.733), and "the move suggests" stays no source.
    holders = {"person", "official", "anonymous", "outlet"}
    return (
        source_kind in holders
        or (source_kind == "institution" and is_plausible_source(phrase))
        or (kind == "evidence" and source_kind == "document")
    )


def wants_refusal_to_speak_or_act(token: Token, subject: Token | None, kind: str) -> bool:
    """'The ministry declined to comment': a refusal attributes only with a "to" clause;
    "declined 3 percent" is a fall, "refused entry" a decision about someone else."""
    if kind != "refusal":
        return True
    return any(c.dep_ == "xcomp" for c in token.children)


# Verbs of finding and knowing: with a plain noun object they report a discovery, not a
# view ("Engineers found a crack"); with a clause they attribute one ("found that").
_DISCOVERY = frozenset({"find", "see", "know", "discover", "show", "prove", "demonstrate"})


def wants_a_finding_not_a_discovery(token: Token, subject: Token | None, kind: str) -> bool:
    """'Engineers found a crack in the dam' reports what they came across; 'inspectors
    found that the wall was weak', 'found the levy unfair', 'saw the levy as a tax', 'the
    report found a link' (a document's finding) attribute, and so does an outlet's ("The
    Valemont Times found no record of the meeting"; on PolNeAR train (840) 9 sources
    more, 2 false). A person's plain noun object is no
    content."""
    if token.lemma_.lower() not in _DISCOVERY:
        return True
    if any(c.dep_ in {"ccomp", "xcomp"} for c in token.children):
        return True
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ in _RUN_ON for c in obj.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        # "Developers see golf courses as wasted space": seeing as is a view. On PolNeAR
        # train (840): 28 sources more, 20 false (source F1 .7457 -> .7463).
        return True
    if subject is None:
        return False
    source_kind, _ = classify_source(source_phrase(subject))
    return source_kind in {"document", "outlet"}


Rule = Callable[["Token", "Token | None", str], bool]

#: Every check a non-speech cue must pass, in order.
NON_SPEECH_RULES: tuple[Rule, ...] = (
    wants_refusal_to_speak_or_act,
    wants_complement,
    wants_holder,
    wants_a_finding_not_a_discovery,
)


def non_speech_cue(token: Token, subject: Token | None, lemma: str) -> CueType | None:
    """The cue type of a non-speech cue verb when every rule accepts it, else None."""
    kind = CUE_TYPES.get(lemma)
    if kind is None:
        return None
    if all(rule(token, subject, kind) for rule in NON_SPEECH_RULES):
        return kind  # type: ignore[return-value]
    return None


# --- the spans ------------------------------------------------------------------------------


#: Modifiers that end a source's description: a participle set off by a comma ("Clinton,
#: speaking to reporters on her plane, said"). A relative clause stays in it ("Tester, who
#: is up for reelection, said"): PolNeAR's sources keep it, unless it reports a statement
#: ("Barkley, who said ...": see `_modifier_start`). On train (280 articles, every
#: third), cutting relative clauses too lost 39 sources (source F1 0.715 -> 0.707); the
#: participle cut gains 3.
_DESCRIPTION_ENDS = frozenset({"acl", "advcl"})


def _modifier_start(subject: Token) -> int | None:
    """Where a comma-set participle or reporting relative clause after `subject` begins."""
    doc = subject.doc
    ends = []
    for token in subject.subtree:
        if token.i <= subject.i:
            continue
        dep = token.dep_
        if (
            dep in _DESCRIPTION_ENDS
            and token.tag_ == "VBG"
            and doc[token.left_edge.i - 1].text == ","
        ):
            ends.append(token.left_edge.i)
        elif (
            dep == "relcl"
            and (token.lemma_.lower() in REPORTING_VERBS or token.lemma_.lower() in CUE_TYPES)
            and doc[token.left_edge.i - 1].text == ","
        ):
            # "Barkley, who said he votes Democratic, added ...": a relative clause that
            # reports a statement is an attribution of its own ("who" its source), not
            # part of the description. On PolNeAR train (840) source F1 .741 -> .743;
            # cutting every relative clause of 12 or more tokens as well lost (.742; 7: .740).
            # So does one with a cue of the lexicon ("Elmendorf, who supports Clinton,
            # said": v10, 9 sources more, 9 false fewer, source F1 .756 -> .757); the
            # learned reader's verbs as well lost (.747 -> .745: PolNeAR keeps "who lives
            # in Ohio").
            ends.append(token.left_edge.i)
    return min(ends, default=None)


def description(subject: Token) -> SpacySpan:
    """The whole phrase naming a source: the subject's subtree with its appositions
    ("Dana Whitfield, chief market strategist at Harrow Capital") and its relative
    clauses ("Tester, who is up for reelection"), up to a participle set off by commas
    ("Clinton, speaking to reporters": PolNeAR leaves that out), without edge
    punctuation or a label before a colon or line break."""
    doc = subject.doc
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    cut = _modifier_start(subject)
    if cut is not None and cut > subject.i:
        end = cut
    start = max(
        (i + 1 for i in range(start, subject.i) if doc[i].text == ":" or "\n" in doc[i].text),
        default=start,
    )
    end = next((i for i in range(subject.i + 1, end) if "\n" in doc[i].text), end)
    while start < subject.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > subject.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


#: Subjects that make a conjunct a clause of its own.
_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
#: Conjunctions that go on with what was said: "said the pier would close *because* the
#: piles are rotten", "*although* the gap has narrowed".
_GOES_ON = frozenset({"because", "although", "though", "while", "but", "since", "unless", "if"})


def _goes_on(child: Token) -> bool:
    """Whether `child`, after the reported clause, is said with it: a clause of its own
    that is no cue ("said he would come *but no meeting has been arranged*"; not "and the
    mayor agreed", a statement of its own, nor "and left the room", the speaker's act), a
    verb after "but" ("said he was unsure, *but planned to ask again*": on PolNeAR train
    (840, 5-fold CV) content F1 .8144 -> .8146, relation .6781 -> .6782; any verb without
    a subject of its own gained no content F1) or one of `_GOES_ON` ("*because* the piles
    are rotten")."""
    children = list(child.children)
    if child.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _GOES_ON for c in children)
    lemma = child.lemma_.lower()
    return (
        child.dep_ == "conj"
        and lemma not in REPORTING_VERBS
        and lemma not in CUE_TYPES
        and (
            any(c.dep_ in _OWN_SUBJECTS for c in children)
            or any(c.lower_ == "but" and c.i < child.i for c in child.head.children)
        )
    )


def _joined_clause(token: Token, complement: Token) -> Token | None:
    """The last clause after the reported clause `complement` that the parser hangs on
    the cue `token` and that goes on with what was said (`_goes_on`; PolNeAR's content
    runs on over it). On PolNeAR train (840, reader v6) content-token F1 .819 -> .820
    (1,147 tokens more found, 879 false), relation F1 .689 either way; conjuncts alone
    gave about two thirds of that."""
    found = None
    for child in token.rights:
        if child.i > complement.i and _goes_on(child):
            found = child
    return found


#: Complements after which a clause the parser hangs on the cue is still what is wanted or
#: done: "supports a larger role *to deprive the group of its havens*", "urged the board to
#: act *before the levy passes*". Not after a reported clause ("said the pier is unsafe *as
#: she left*" is the speaker's act): with "ccomp" too content F1 fell .8153 -> .8150.
_TAIL_COMPLEMENTS = frozenset({"dobj", "xcomp"})


def _tail_clause(child: Token) -> bool:
    """Whether `child`, an adverbial clause after a `_TAIL_COMPLEMENTS` complement, goes on
    with it: not set off by a comma ("..., saying", "..., before leaving": the source's
    own act) and no cue of its own. On PolNeAR train (840, 5-fold CV) content F1 .8146 ->
    .8153, relation .6782 -> .6789; taking every right child of the cue instead lost
    relation F1 (.6764), and clauses after a comma lost it too (.6778)."""
    if child.dep_ != "advcl" or child.doc[child.left_edge.i - 1].text == ",":
        return False
    lemma = child.lemma_.lower()
    return lemma not in REPORTING_VERBS and lemma not in CUE_TYPES


def content(
    token: Token, sentence: SpacySpan, parts: list[tuple[int, int]], text: str
) -> tuple[int, int] | None:
    """Character range of what the cue `token` attributes within `sentence`.

    `text` is the parsed text. `parts` are the character ranges of the source and cue
    words: when the cue has no
    clause or object of its own ("'The deal is dead,' she said" with the quote parsed as
    the root), the content is the longer stretch of the sentence on either side of them.
    """
    complement = _complement(token)
    if complement is not None:
        first = complement.left_edge
        last = complement.right_edge
        # "called the plan *a needless escalation*", "described the levy *as a tax on
        # ferries*": what completes the object is attributed with it (PolNeAR's contents
        # run on to the end of the verb's complements), and so is a preposition after a
        # plain object ("congratulated the club *for winning*", "drafted workers *from
        # its staff*"). On PolNeAR train (840) the latter took relation F1 .627 -> .639,
        # content F1 .793 -> .799; after a clause it would take in "said X *in an
        # interview*", which PolNeAR leaves out, so it is not done there.
        for child in token.rights:
            if child.i > complement.i and (
                child.dep_ in _RUN_ON
                or (child.dep_ == "prep" and (child.lower_ == "as" or complement.dep_ == "dobj"))
            ):
                last = max(last, child.right_edge, key=lambda t: t.i)
        if complement.dep_ in _TAIL_COMPLEMENTS:
            for child in token.rights:
                if child.i > complement.i and _tail_clause(child):
                    last = max(last, child.right_edge, key=lambda t: t.i)
        if complement.dep_ == "ccomp":
            joined = _joined_clause(token, complement)
            if joined is not None:
                last = max(last, joined.right_edge, key=lambda t: t.i)
        lo, hi = first.idx, last.idx + len(last.text)
        # "says the board has two choices: raise the levy or close the pier".
        lo, hi = past_colon(sentence, (lo, hi), text)
    else:
        block_lo = min(a for a, _ in parts)
        block_hi = max(b for _, b in parts)
        before = (sentence.start_char, block_lo)
        after = (block_hi, sentence.end_char)
        lo, hi = max(before, after, key=lambda r: r[1] - r[0])
    while lo < hi and not text[lo].isalnum():
        lo += 1
    while hi > lo and not text[hi - 1].isalnum():
        hi -= 1
    if hi <= lo:
        return None
    # "The levy, Kerr said, will pass": the statement runs on both sides of its source.
    block = (min(a for a, _ in parts), max(b for _, b in parts))
    return around_cue(sentence, block, (lo, hi), text)
