"""Senses of trigger words that report no event: figurative, intended, medical, verbal.

A trigger word is a candidate; these tests of the parse around it say when its sense is
not the event's. Each one was written after reading real news copy where the word was
taken for an event it did not report:

- "experts agreed that the video was fake" states an opinion; "agreed to cut tariffs",
  "agreed a ceasefire" and "agreed on a deal" commit to something (`agrees_to_something`).
- "met his maker", "met with criticism", "whom he met in heaven", "meet the demand": no
  one met anyone (`figurative_meeting`).
- "a heart attack" is an illness, not an assault (`MEDICAL`).
- "launched an airstrike" is an attack, "launched an investigation" no launch at all
  (`launch_type`).
- "wants to meet", "refused to sign", "plans to launch", "a reward for information
  leading to his arrest", "called for an election", "the summit was cancelled": intended,
  demanded, refused or called off, not reported as having happened (`intended`,
  `unreal_noun`). Scheduled events ("is due to meet", "are expected to vote") stay: the
  analyzer reports them with their date resolved forward.

    >>> intended(verb) or unreal_noun(noun)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.analyzers.shared.lexicon_files import load_words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ARMED",
    "MEDICAL",
    "agrees_to_something",
    "figurative_disaster",
    "figurative_meeting",
    "intended",
    "launch_type",
    "unreal_noun",
]

# "meet demand", "meet the deadline": meeting a target is no meeting.
_MET_TARGETS = load_words("events/met_targets")
# "met his maker", "met with fierce criticism", "more than meets the eye", "make ends meet".
_MET_NON_PARTIES = load_words("events/met_non_parties")
# "whom he met in heaven", "met her in a dream": no meeting took place in the world.
_UNWORLDLY = load_words("events/unworldly_places")
# "opened fire", "came under fire", "drew fire from critics": shots or blame, not a blaze.
_FIRE_GOVERNORS = load_words("events/fire_governors")
# "a media storm", "the perfect storm", "a political firestorm".
_FIGURATIVE_STORMS = load_words("events/figurative_storms")
#: Words that make an attack an illness: "a heart attack", "an asthma attack".
MEDICAL = load_words("events/medical_attacks")
#: Words of armed violence in a sentence: an explosion among them is an attack, without
#: them an accident or a natural blast (a gas main, a meteorite).
ARMED = load_words("events/armed_violence")
# "launched an airstrike / an offensive": the launch is the attack.
_ARMED_LAUNCHES = load_words("events/armed_launches")
_COUNTS = load_words("events/launch_counts")
# "launched an investigation / an appeal / a bid": no product, facility or service.
_NO_LAUNCH = load_words("events/no_launch")
# Verbs whose complement was wanted, tried, refused or denied, not done: "wants to meet",
# "refused to sign", "threatened to attack", "denied meeting him".
_INTENT_VERBS = load_words("events/intent_verbs")
# Nouns of the same: "plans to launch", "a bid to sign", "his refusal to resign".
_INTENT_NOUNS = load_words("events/intent_nouns")
# Nouns that make an event noun under them unreal: "the risk of floods", "a reward for
# information leading to his arrest", "calls for an election", "rumours of a meeting".
_UNREAL_NOUNS = load_words("events/unreal_nouns")
# Verbs that make their object unreal: "demanded the resignation", "prevent an attack",
# "the summit was cancelled", "postponed the vote".
_UNREAL_GOVERNORS = load_words("events/unreal_governors")
# Adjectives that make an event noun hypothetical: "a possible strike", "potential attacks".
_UNREAL_MODIFIERS = load_words("events/unreal_modifiers")
_GOVERNED = frozenset({"dobj", "nsubjpass", "prep", "dative", "oprd"})
#: Ancestors walked up from an event noun: enough for "reward for information leading to
#: his arrest" (five steps), short enough to stay inside the noun's own clause.
_MAX_STEPS = 6


def agrees_to_something(verb: Token) -> bool:
    """ "agreed to cut", "agreed a ceasefire", "agreed on a deal", "the deal agreed last week".

    Without such a complement ("agreed that ...", "agreed with him", "I agree") the verb
    states an opinion, which is what it does most often in news copy.
    """
    for child in verb.children:
        if child.dep_ in ("xcomp", "dobj"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to"):
            return any(g.dep_ in ("pobj", "pcomp") for g in child.children)
    return verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN" and verb.tag_ == "VBN"


def figurative_meeting(verb: Token) -> bool:
    """Met a target, a fate, a reaction or a being: "meet the demand", "met his maker"."""
    for child in verb.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("dobj", "nsubjpass") and lemma in _MET_TARGETS:
            return True
        if child.dep_ in ("dobj", "nsubj", "nsubjpass") and lemma in _MET_NON_PARTIES:
            return True
        if child.dep_ == "prep":
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                word = obj.lemma_.lower()
                if (child.lower_ == "with" and word in _MET_NON_PARTIES) or word in _UNWORLDLY:
                    return True
    return False


def figurative_disaster(noun: Token, mods: set[str]) -> bool:
    """ "a flood of complaints", "a storm of protest", "under fire", "took the city by storm"."""
    lemma = noun.lemma_.lower()
    head = noun.head.lower_ if noun.dep_ == "pobj" else noun.head.lemma_.lower()
    if lemma == "fire" and head in _FIRE_GOVERNORS:
        return True
    if lemma == "storm" and (head == "by" or mods & _FIGURATIVE_STORMS):
        return True
    # "The eruption of Mount Sella", "the floods of 2021" name a real one.
    return any(
        g.dep_ == "pobj" and not g.ent_type_ and not g.like_num
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def launch_type(verb: Token) -> str | None:
    """ "launched an airstrike" is an attack; "launched an inquiry" no event of ours."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return "launch"
    if obj.like_num or obj.lemma_.lower() in _COUNTS:  # "launched dozens of airstrikes"
        obj = next(
            (g for c in obj.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            obj,
        )
    lemma = obj.lemma_.lower()
    if lemma in _ARMED_LAUNCHES:
        return "attack"
    return None if lemma in _NO_LAUNCH else "launch"


def intended(verb: Token) -> bool:
    """Wanted, tried, refused or denied rather than done: "wants to meet", "plans to launch"."""
    current = verb
    for _ in range(3):
        head = current.head
        if head is current:
            return False
        lemma = head.lemma_.lower()
        if head.pos_ in ("NOUN", "PROPN"):  # the parser hangs "plans to launch" either way
            return current.dep_ in ("acl", "xcomp") and lemma in _INTENT_NOUNS
        if current.dep_ in ("xcomp", "pcomp") and lemma in _INTENT_VERBS:
            return True
        if current.dep_ == "ccomp" and lemma == "deny":  # "denied that they had met"
            return True
        if current.dep_ not in ("xcomp", "conj"):
            return False
        current = head
    return False


def unreal_noun(noun: Token) -> bool:
    """An event noun that was feared, demanded, offered for or called off, not reported."""
    if any(
        c.dep_ == "amod" and c.lower_ in _UNREAL_MODIFIERS for c in noun.children
    ):  # "a possible strike"
        return True
    current = noun
    for _ in range(_MAX_STEPS):
        head = current.head
        if head is current:
            return False
        lemma = head.lemma_.lower()
        # "fears of", "a reward for", "calls for"; not "a phone call after the meeting".
        linked = current.lower_ in ("of", "for", "about") or current.dep_ == "compound"
        if linked and head.pos_ in ("NOUN", "PROPN") and lemma in _UNREAL_NOUNS:
            return True
        if head.pos_ in ("VERB", "AUX"):
            # Only what the verb acts on: "the storm delayed flights" delays no storm.
            governed = current.dep_ in _GOVERNED
            if governed and lemma in _UNREAL_GOVERNORS and (lemma != "rule" or _ruled_out(head)):
                return True
            if lemma == "call" and current.lower_ == "for":  # "called for an election"
                return True
            if governed and lemma in _INTENT_VERBS:
                return True  # "sought talks with", "hoping for a deal"
            if head.dep_ not in ("acl", "xcomp", "pcomp"):
                return False  # the noun's own clause ends here
        current = head
    return False


def _ruled_out(verb: Token) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
