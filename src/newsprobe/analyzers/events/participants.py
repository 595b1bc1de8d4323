"""Who took part in an event: the parties a trigger's subject, object and phrases name.

"The pair" and "the two leaders" resolve to the two people the article mentions most,
"he"/"she" to the nearest person named before; a nationality describing a noun
("Kestravan and Ordanian presidents") and a place ("its plant in Marrowdale") are no
parties.

    >>> keys_and_spans, inferred = participants(trigger, names)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprobe.analyzers.events.names import PARTY_LABELS, PLACE_LABELS, PLACE_PREPS, Names, Slot
from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.findings import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["participants"]

_LIGHT_VERBS = load_words("events/light_verbs")
_PARTY_PREPS = frozenset({"with", "between", "against", "by", "among", "alongside"})
_PAIR = re.compile(
    r"^(?:the (?:pair|duo|couple|two(?: (?:leaders|men|women|presidents|ministers|rivals|"
    r"politicians))?)|both(?: (?:leaders|men|women))?)$",
    re.I,
)


def participants(
    token: Token, names: Names, *, speaker_only: bool = False
) -> tuple[list[Slot], int]:
    """Entity keys and spans of those who took part; the int is 1 when "the pair" was used.

    With `speaker_only` (statements) only who spoke counts: the object of "announced" and
    the subject of "was announced" are what was said, not who said it.
    """
    found: dict[str, Span] = {}
    pair = 0
    for start in _starts(token, names, speaker_only=speaker_only):
        phrase = " ".join(t.text for t in start.subtree if t.dep_ not in ("relcl", "acl"))
        if _PAIR.match(phrase) and len(names.people) >= 2:
            span = Span(
                start=start.left_edge.idx, end=start.right_edge.idx + len(start.right_edge.text)
            )
            for key in names.people[:2]:
                found.setdefault(key, span)
            pair = 1
            continue
        if start.lower_ in ("he", "she"):
            person = _antecedent(start, names)
            if person is not None:
                found.setdefault(*person)
                pair = 1
            continue
        for key, span in _np_names(start, names, depth=0):
            # "After Terrorist Attack": a name the trigger is part of is no party to it.
            if not span.start <= token.idx < span.end:
                found.setdefault(key, span)
    return list(found.items()), pair


def _antecedent(pronoun: Token, names: Names) -> Slot | None:
    """The nearest person named before "he"/"she" (within about two sentences).

    News names a person and then refers back; the nearest named person is right far more
    often than not, and the mention is marked as inferred.
    """
    for i in range(pronoun.i - 1, max(-1, pronoun.i - 60), -1):
        named = names.by_token.get(i)
        if named is not None and named[1] == "PERSON":
            return named[0], named[2]
    return None


def _np_names(token: Token, names: Names, depth: int, *, modifying: bool = False) -> list[Slot]:
    if depth > 4:
        return []
    named = names.by_token.get(token.i)
    out: list[Slot] = []
    # "Kestravan and Ordanian presidents", "Kestravan Sergeant-at-Arms Ivo Brenn": a
    # nationality describing a noun or a name is no party.
    modifier = modifying or (
        token.dep_ in ("amod", "nmod", "compound")
        and (token.head.pos_ == "NOUN" or (named is not None and named[1] == "NORP"))
    )
    if named is not None and named[1] in PARTY_LABELS:
        # "The mayor of Port Selby, Agnes Holm": the parser hangs the person on the town.
        person_appos = named[1] != "PERSON" and any(
            c.dep_ == "appos" and names.by_token.get(c.i, ("", ""))[1] == "PERSON"
            for c in token.children
        )
        if not modifier and not person_appos:
            out.append((named[0], named[2]))
        follow: tuple[str, ...] = ("conj", "appos")
        if named[1] == "PERSON":
            # "Veles of Kestrava and Sandor of Ordania": the parser often hangs the second
            # person on the first one's country.
            for prep in (c for c in token.children if c.dep_ == "prep"):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    for conj in (c for c in obj.children if c.dep_ == "conj"):
                        other = names.by_token.get(conj.i)
                        if other is not None and other[1] == "PERSON":
                            out += _np_names(conj, names, depth + 1)
    else:
        follow = ("conj", "appos", "compound", "poss", "prep", "pobj", "nmod")
        # "The mayor of Port Selby, Agnes Holm": the person acts, the town describes.
        if any(
            names.label_of.get(names.by_token.get(c.i, ("",))[0]) == "PERSON"
            for c in token.children
            if c.dep_ == "appos"
        ):
            follow = ("conj", "appos", "compound", "poss", "nmod")
    for child in token.children:
        # "the opening of its plant in Marrowdale": where is not who.
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            continue
        if child.dep_ in follow:
            out += _np_names(child, names, depth + 1, modifying=modifier and child.dep_ == "conj")
    return out


def _starts(token: Token, names: Names, *, speaker_only: bool = False) -> list[Token]:
    """Tokens heading the phrases that name who took part."""
    starts: list[Token] = []
    verb = token if token.pos_ in ("VERB", "AUX") else None
    roles = ("nsubj",) if speaker_only else ("nsubj", "nsubjpass", "dobj", "dative")
    for child in token.children:
        if child.dep_ in roles and verb is not None:
            starts.append(child)
        elif child.dep_ in ("poss", "compound") and verb is None:
            named = names.by_token.get(child.i)
            if named is None or named[1] not in PLACE_LABELS:  # "Meridia's election": where
                starts.append(child)
        elif child.dep_ == "agent" or (
            child.dep_ == "prep"
            and child.lower_ in _PARTY_PREPS | ({"of"} if verb is None else set())
        ):
            starts.extend(c for c in child.children if c.dep_ == "pobj")
    if verb is not None:
        # "Holm, who was elected in 2022": the relative pronoun stands for the noun.
        starts = [s for s in starts if s.tag_ not in ("WP", "WDT")]
        # "The prices are expected to be announced": the head's subject is what is said.
        passive_speech = speaker_only and any(c.dep_ == "auxpass" for c in token.children)
        if not any(s.dep_.startswith("nsubj") for s in starts) and not passive_speech:
            if token.dep_ in ("xcomp", "conj") and token.head.pos_ in ("VERB", "AUX"):
                starts.extend(c for c in token.head.children if c.dep_.startswith("nsubj"))
            elif token.dep_ in ("relcl", "acl"):
                starts.append(token.head)
        if token.dep_ in ("advcl", "conj") and any(s.lower_ == "they" for s in starts):
            # "Veles and Sandor barely looked at each other when they sat down"
            starts += [c for c in token.head.children if c.dep_ == "nsubj"]
    else:
        if token.dep_ == "appos":  # "Jamal Reyes, the 19-year-old shot dead ..."
            starts.append(token.head)
        governor = (
            token.head.head if token.dep_ == "pobj" and token.head.lower_ == "in" else token.head
        )
        if token.dep_ in ("dobj", "pobj") and governor.lemma_ in _LIGHT_VERBS | {"be"}:
            starts.extend(c for c in governor.children if c.dep_ == "nsubj")
    return starts
