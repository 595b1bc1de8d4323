"""Which sense a modal has: the cases where "may", "might" and "could" do not guess.

Split out of `hedging` so that the analyzer reads as a list of cue types. Each test takes
the modal (or its verb) from the shared parse and says True when the modal is not a hedge:
permission ("Either country may suspend the cuts"), past ability ("That night she could
see the coast"), concession ("wherever they may be") or advice ("you might want to").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.analyzers.shared.lexicon_files import load_words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "is_access",
    "is_advice",
    "is_concessive",
    "is_naming",
    "is_past_ability",
    "is_permission",
    "is_restricted",
]

# "Either country may suspend the cuts": with an agent as subject and an object, "may" gives
# permission, not possibility. Agents: people, organizations, places acting as states.
_AGENT_NOUNS = load_words("hedging/agent_nouns")
_AGENT_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she"})
# "could" looking back: "That night only the harbour master could open the gates", "As a
# child she could swim the strait". Read off the modal's own verb, never the sentence: in
# "Officials said yesterday the dam could fail" the past time belongs to "said".
_PAST_TIME_WORDS = frozenset({"yesterday", "then", "ago", "once", "formerly", "previously"})
_PAST_TIME_DETS = frozenset({"that", "last", "those"})
_PAST_CLAUSE_MARKS = frozenset({"when", "while", "as", "until", "before", "after", "once"})
_ADVICE_VERBS = load_words("hedging/advice_verbs")
_NAMING_VERBS = load_words("hedging/naming_verbs")
_ACCESS_VERBS = load_words("hedging/access_verbs")
# How a place or service is reached or used: "by ferry", "at the gate", "online". Only
# these: "a deal may be reached on Tuesday", "the bridge may be reached by floodwater"
# are guesses.
_MEANS = frozenset(
    "ferry boat bus coach train rail tram road car taxi foot bicycle bike plane air "
    "helicopter appointment phone telephone email post mail".split()
)
_COUNTERS = frozenset("gate door entrance desk counter office booth".split())
# "could vote only after ten years", "may be inherited only by male heirs", "may be
# opened only with a key": the condition under which something is allowed or possible is a
# rule, not a guess (an eighth composed probe, encyclopaedia, 2026-12-07: both false
# alarms). Only these words after "only": "could only guess" and "may only delay the
# vote" stay hedges.
_RESTRICTIONS = frozenset("after by with until once if when through via within from".split())
_WH_EVER = frozenset({"wherever", "whatever", "whoever", "whichever", "however", "whenever"})


def is_past_ability(modal: Token, verb: Token) -> bool:
    """ "could" as the past of "can": what someone was able to do at a past time.

    Told by what the modal's own verb carries: a past time ("that night", "yesterday",
    "two years ago"), a past clause ("when she was twenty") or "as a child". "Only X
    could ..." stays a hedge: in quotes it is as often a wish ("only a pump could save it").
    """
    for child in verb.children:
        dep, lower = child.dep_, child.lower_
        if dep == "advmod" and lower in _PAST_TIME_WORDS and child.i < modal.i + 4:
            return True
        if dep in {"npadvmod", "advmod", "prep"}:
            words = {t.lower_ for t in child.subtree}
            if words & {"ago", "yesterday"} or (
                dep == "npadvmod" and any(w.lower_ in _PAST_TIME_DETS for w in child.children)
            ):
                return True
            if dep == "prep" and lower == "as" and words & {"child", "boy", "girl", "teenager"}:
                return True
        if dep == "advcl" and _past_clause(child):
            return True
    # The modal's own clause is the past time: "When he could finally speak, he thanked ..."
    return (
        verb.dep_ == "advcl"
        and verb.head.tag_ == "VBD"
        and any(c.lower_ in _PAST_CLAUSE_MARKS for c in verb.children if c.i < modal.i)
    )


def is_restricted(modal: Token, verb: Token) -> bool:
    """ "could vote only after ten years", "may be inherited only by male heirs": "only"
    with the condition, after the modal, in the modal's own clause."""
    for word in verb.doc[modal.i + 1 : verb.i + 4]:
        if word.lower_ != "only" or word.i + 1 >= len(word.doc):
            continue
        nxt = word.nbor(1)
        inside = nxt.head.i == verb.i or nxt.head.head.i == verb.i or word.head.i == verb.i
        if nxt.lower_ in _RESTRICTIONS and inside:
            return True
    return False


def is_advice(verb: Token) -> bool:
    """ "You might want to ...", "you may wish to ...": advice, not possibility."""
    return verb.lemma_.lower() in _ADVICE_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children
    )


def _past_clause(clause: Token) -> bool:
    """ "when she was twenty", "after the storm had passed": a clause set in the past."""
    past = clause.tag_ == "VBD" or any(
        a.tag_ == "VBD" for a in clause.children if a.dep_ in {"aux", "auxpass"}
    )
    return past and any(
        m.lower_ in _PAST_CLAUSE_MARKS for m in clause.children if m.dep_ in {"mark", "advmod"}
    )


def is_concessive(modal: Token) -> bool:
    """ "wherever they may be", "whatever it might cost": any place or amount, not a guess.

    Read off the words before the modal, up to a punctuation mark: 2 of 65 hedges in 25
    real articles were this.
    """
    for word in reversed(modal.doc[max(0, modal.i - 5) : modal.i]):
        if word.is_punct:
            return False
        if word.lower_ in _WH_EVER:
            # "however much it may cost" concedes; "However the talks may fail" hedges.
            return word.lower_ != "however" or word.nbor(1).pos_ in {"ADJ", "ADV"}
    return False


def is_permission(verb: Token) -> bool:
    """Deontic "may": an agent subject doing something to an object."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    has_object = any(c.dep_ in {"dobj", "prep"} for c in verb.children)
    return has_object and any(
        s.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or s.lemma_.lower() in _AGENT_NOUNS
        or s.lower_ in _AGENT_PRONOUNS
        for s in subjects
    )


def is_access(verb: Token) -> bool:
    """ "The island may be reached by ferry", "tickets may be bought at the gate" or
    "online": a passive verb of reaching or using, with the means, says what can be
    done."""
    if verb.lemma_.lower() not in _ACCESS_VERBS:
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    for child in verb.children:
        if child.lower_ in ("online", "via"):
            return True
        wanted = _MEANS if child.lower_ == "by" else _COUNTERS if child.lower_ == "at" else None
        if wanted and any(o.lemma_.lower() in wanted for o in child.children if o.dep_ == "pobj"):
            return True
    return False


def is_naming(verb: Token) -> bool:
    """ "The condition may also be called Harlan's syndrome": a passive verb of naming
    after the modal offers another name for something, not a guess about it."""
    return verb.lemma_.lower() in _NAMING_VERBS and any(c.dep_ == "auxpass" for c in verb.children)
