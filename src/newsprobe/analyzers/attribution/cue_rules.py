"""When a word is an attribution cue: `CUE_RULES`, tried in order, and the learned
reader's second reading of the words the rules turn away.

Each rule reads one candidate word (`_Reading`: the word, its parse, whether it is
quoted) and says it is a cue (with its subject and cue type), it is not, or the next rule
decides. `read_cue` runs them; `second_reading` asks the learned reader
(`learned.CueModel`) about the words a rule rejected for want of a listed verb.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from newsprobe.analyzers.attribution import cues, nested_cues, outlet_cues, set_phrases
from newsprobe.analyzers.attribution.cue_parts import (
    _CLAUSE_SUBJECTS,
    _INFERENCE_MODALS,
    _RELATIVES,
    _REQUESTS,
    _SILENT_WHEN_NEGATED,
    QUOTE_MARKS,
    Cue,
    cue_candidates,
    named_antecedent,
    non_speech_verb_cue,
    subject_of,
)
from newsprobe.analyzers.attribution.learned import CueModel
from newsprobe.analyzers.attribution.source_kinds import (
    classify_source,
    is_plausible_source,
    source_phrase,
)
from newsprobe.analyzers.shared.lexicon_files import load_mapping, load_table, load_words
from newsprobe.analyzers.shared.speech_verbs import REPORTING_VERBS, reports_status
from newsprobe.analyzers.shared.tokens import Columns

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "CUE_RULES",
    "NOUN_CUES",
    "NOUN_CUE_PREPOSITIONS",
    "read_cue",
    "ruled",
    "second_reading",
    "second_subject",
]


class _Next(Enum):
    """What a rule returns when it does not decide: the next rule is asked."""

    RULE = "next"


_NEXT = _Next.RULE


#: What a rule of `CUE_RULES` returns: the cue, None (no cue: stop), or `_NEXT`.
Outcome = Cue | None | _Next


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
    return Cue(phrase, doc[i : to.i + 1], cues.description(obj))


def outlet_preposition(r: _Reading) -> Outcome:
    """'Per The Harbour Courier, the pier will close in May': "per" or "via" an outlet
    cites it ("per cent", "via Twitter" do not; rules in `outlet_cues`)."""
    if r.cols.lower[r.i] not in outlet_cues.OUTLET_PREPOSITIONS:
        return _NEXT
    found = outlet_cues.outlet_preposition_cue(r.token)
    return Cue(*found) if found else None


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


NOUN_CUE_PREPOSITIONS = frozenset(p for cue in NOUN_CUES.values() for p in cue.prepositions)


def preposition_cue(r: _Reading) -> Outcome:
    """'In a Harbour Courier poll released Monday, 41 percent backed the levy', 'by the
    union's tally', 'in Varn's view, the pier is finished': a preposition whose object is
    a noun of `NOUN_CUES` cites the poll or tally, or the one whose view it is; "in the
    harbour", "by a storm" cite no one, nor does the writer's "in my view". On PolNeAR
    train (840, reader v6): 34 sources more found, 23 false (source F1 .7786 -> .7793),
    content-token F1 .8203 -> .8208, relation .6892 -> .6897."""
    if r.cols.lower[r.i] not in NOUN_CUE_PREPOSITIONS or r.cols.pos[r.i] != "ADP":
        return _NEXT
    obj = next((c for c in r.children if c.dep_ == "pobj"), None)
    cue = NOUN_CUES.get(obj.lemma_.lower()) if obj is not None else None
    if obj is None or cue is None or r.cols.lower[r.i] not in cue.prepositions:
        return None
    if not cue.owner:
        if not _named(obj):
            return None
        return Cue(source_phrase(obj), r.doc[r.i : r.i + 1], cues.description(obj))
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in _WRITER_OWNS:
        return None
    # The cue is the whole phrase, "In Varn's view": what follows it is attributed.
    return Cue(source_phrase(owner), r.doc[r.i : obj.i + 1], cues.description(owner))


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
    if r.cols.pos[r.i] not in {"VERB", "AUX"} or r.lemma not in cue_candidates():
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
    return Cue(source_phrase(subject), r.doc[r.i : r.i + 1], cues.description(subject), "evidence")


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
    return Cue(None, r.doc[min(auxiliaries) : r.i + 1])


def discourse_marker(r: _Reading) -> Outcome:
    """'That said, the pier may yet reopen': a set phrase of the writer's, no one's saying
    (`set_phrases`)."""
    return None if set_phrases.is_discourse_marker(r.token) else _NEXT


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
    return Cue(phrase, r.doc[r.i : r.i + 1], cues.description(pobj), cues.cue_type(r.lemma))


def nested_view(r: _Reading) -> Outcome:
    """'Kerr said residents fear the levy will pass': a verb of thought, intention, stance
    or evidence inside what another cue reports is part of that report, no cue of its
    own (rules in `nested_cues`)."""
    return None if nested_cues.is_nested_view(r.token, r.lemma) else _NEXT


def told_by_another(r: _Reading) -> Outcome:
    """'"We will appeal," Kerr said, according to a council transcript': a saying that
    "according to" qualifies is the transcript's account of it; the attribution is the
    account's (`according_to`), and Kerr's words are its content, as PolNeAR marks it.
    Only where "according to" hangs on the cue itself: "reported that, according to port
    records, ..." keeps both. On PolNeAR train (840, 5-fold CV, reader v8): 4 sources
    fewer found, 40 false fewer (source F1 .7666 -> .7674, content .8198 either way,
    relation .6838 -> .6845); any "according to" later in the sentence dropped 21 right
    sources with 73 false (counted, not run): about the same F1, less plainly a rule."""
    if any(c.dep_ == "prep" and c.lower_ == "according" for c in r.children):
        return None
    return _NEXT


def defining_clause(r: _Reading) -> Outcome:
    """'Voters favour laws that require a photo ID', 'a poll that shows Kerr ahead': a
    relative clause opened by "that" with no comma before it defines which thing or
    people the noun means; it reports no one's statement or view ("Coastline First,
    which backs the levy," still does). On PolNeAR train (840, 5-fold CV, reader v8):
    16 sources fewer found, 58 false fewer (source F1 .7658 -> .7666, content .8201 ->
    .8198, relation .6831 -> .6838); the same for "who" would drop 119 right sources with
    181 false ("voters who say", "those who want"): no better (counted, not run)."""
    subject = r.subject
    if (
        subject is None
        or subject.lower_ != "that"
        or r.dep != "relcl"
        or subject.i == 0
        or r.doc[subject.i - 1].is_punct
    ):
        return _NEXT
    return None


def non_speech(r: _Reading) -> Outcome:
    """'Critics fear the levy will pass', 'polls show', 'officials want to delay the vote':
    a verb that is no verb of saying is settled by the rules of `cues` (or the learned
    reader for the long tail: "Trump mocked")."""
    if r.lemma in REPORTING_VERBS or r.lemma in _SILENT_WHEN_NEGATED:
        return _NEXT
    return non_speech_verb_cue(r.token, r.subject, r.lemma)


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
    return Cue(source_phrase(subject), doc[start : r.i + 1], cues.description(subject), "refusal")


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
            or not QUOTE_MARKS.intersection(cols.text[i + 1 : r.token.right_edge.i + 1])
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
        return Cue(
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
    return Cue(name, cue, cues.description(subject))


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


def _subject_cue(r: _Reading, subject: Token) -> Cue:
    """The word itself as the cue and its subject as the source; a relative pronoun's
    named antecedent instead ("the institute, which declined to comment")."""
    doc = r.doc
    cue = doc[r.i : r.i + 1]
    if subject.lower_ in _RELATIVES and r.dep == "relcl":
        return Cue(
            source_phrase(named_antecedent(r.token.head)), cue, doc[subject.i : subject.i + 1]
        )
    return Cue(source_phrase(subject), cue, cues.description(subject))


def _agent(r: _Reading) -> Token | None:
    return next((c for c in r.children if c.dep_ == "agent"), None)


def outlet_verb(r: _Reading) -> Outcome:
    """'The Harbour Courier first reported the resignation': an outlet's own report, with
    or without a clause (rules in `outlet_cues`)."""
    if r.lemma in outlet_cues.OUTLET_VERBS and (
        found := outlet_cues.outlet_cue(r.token, subject=r.subject, agent=_agent(r))
    ):
        return Cue(*found)
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
        return Cue(None, doc[start : token.i + 1])
    return Cue(source_phrase(pobj), doc[start : token.i + 1], cues.description(pobj))


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


def as_reported(r: _Reading) -> Outcome:
    """'As the Harbour Courier reported last week, the pier will close': any verb of
    saying in a clause opened by "as" attributes the sentence it qualifies, with no
    clause or object of its own ("as Kerr has acknowledged", "as the survey predicted").
    On PolNeAR train (840, 5-fold CV, reader v8): 8 sources more found, 5 false (source
    F1 .7674 -> .7675, content .8198 -> .8199, relation .6845 -> .6847). A verb of saying
    in a relative clause whose object is the noun it hangs on ("a point she conceded")
    found 6 more for 11 false and was not kept."""
    subject = r.subject
    if (
        subject is None
        or r.dep != "advcl"
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in r.children)
    ):
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
    discourse_marker,
    status_report,
    hearsay_passive,
    inference_modal,
    agent_passive,
    nested_view,
    told_by_another,
    defining_clause,
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
    as_reported,
)


#: Subjects a second reading never takes: outside quotations (where verbs are read) "I" and
#: "we" are the writer, whose own voice the rules source to no one (`resolution.writer_voice`).
_WRITER = frozenset({"i", "we"})


#: Rules whose "no" a second reading never overturns: they tell a shape that attributes
#: nothing ("two people confirmed dead", "the reveal back in September was big", "has
#: added 40 minutes", "residents told to leave", a view within another's report).
_FINAL_RULES: tuple[Callable[[_Reading], Outcome], ...] = (
    discourse_marker,
    status_report,
    nested_view,
    told_by_another,
    defining_clause,
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
    if about == ["dobj"] and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in token.children):
        # "Varn did not say it", "would never claim that": a pronoun is all that is
        # said, so nothing is attributed (v7 reader; on PolNeAR train, 5-fold CV, no
        # figure moved at three places).
        return None
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


def second_reading(cols: Columns, token: Token, quoted: bool) -> Cue | None:
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


def read_cue(cols: Columns, token: Token, quoted: bool) -> Cue | None:
    """The cue `token` makes under `CUE_RULES`, if it attributes (see `Cue`).

    `quoted`: whether the token's sentence holds a quotation mark or colon.
    """
    reading = _Reading(cols, token, quoted)
    for rule in CUE_RULES:
        outcome = rule(reading)
        if outcome is not _NEXT:
            return outcome
    return None
