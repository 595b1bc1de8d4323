"""Which mentions name the same entity: the merge of mentions into entities.

`cluster` is the third pass of `entities.py` (the analyzer). Each mention gets a key, the
form it is compared in (`merge.mention_key`): mentions with the same key, or with names
in one alias group ("U.S." = "United States"), are one entity from the start. Then the
rules of `MERGE_RULES` run in order, each one small and named after what it decides, each
docstring giving the sentence that motivated it:

1. `known_pairs`: a name and the acronym in parentheses after it.
2. `surname_reveals_person`: a name spaCy called an organization, later called by its
   last word alone, is a person's.
3. `short_forms.short_forms`: a surname, first name or shorter name joins the one full
   name it completes (its own ordered rules). A short name that completes two full names
   is merged with neither and comes back flagged with both.
4. `acronym_spells_name`: an acronym joins the one longer name whose initials it spells.

    >>> clusters, ambiguous = cluster(p, mentions, pairs)
"""

from __future__ import annotations

import re
from collections import Counter

from newsprobe.analyzers.entities.mentions import Mention, Parsed
from newsprobe.analyzers.entities.merge import Merge, MergeRule
from newsprobe.analyzers.entities.name_forms import initials, is_acronym
from newsprobe.analyzers.entities.short_forms import short_forms
from newsprobe.analyzers.entities.words import (
    INSTITUTION_HEADS,
    MISLABELLED_PERSON,
    ORG_WORDS,
    PLACE_LABELS,
)

__all__ = [
    "MERGE_RULES",
    "acronym_spells_name",
    "cluster",
    "known_pairs",
    "surname_reveals_person",
]


def known_pairs(merge: Merge) -> None:
    """A name and the acronym in parentheses after it are one thing, whatever its letters.

    "The Kestrel Maritime Authority (KAMAR) closed the port on Monday. KAMAR said the
    closure would last a week." (the pairs come from `recovery.parenthesized_acronyms`;
    KAMAR spells no initials, so only the brackets say it is the Authority).
    """
    keys = merge.keys
    for a, b in merge.pairs:
        if keys[a] and keys[b]:
            merge.union(keys[a], keys[b])


def surname_reveals_person(merge: Merge) -> None:
    """A two- or three-word name spaCy called an organization or a place is a person's
    when the article later calls it by its last word alone, never by its first.

    "Residents welcomed Marta Sorin. Sorin said the fees would rise.": spaCy tags "Marta
    Sorin" a place and "Sorin" an organization; both become PERSON, so the surname can
    join the full name. Not when a word of the name is an organization word ("Harbour
    Gazette" ... "Gazette") or the last word heads institutions ("U.S. Central Command"
    ... "Command").
    """
    labels = merge.labels
    for key in labels:
        words = key.split()
        if (
            2 <= len(words) <= 3
            and merge.label(key) in MISLABELLED_PERSON
            and words[-1] in labels
            and words[0] not in labels
            and not set(words) & ORG_WORDS
            and words[-1] not in INSTITUTION_HEADS
            and not key.startswith("=")
        ):
            for name in (key, words[-1]):
                labels[name] = Counter({"PERSON": 1})
                for index in (i for i, k in enumerate(merge.keys) if k == name):
                    merge.mentions[index].label = "PERSON"


def acronym_spells_name(merge: Merge) -> None:
    """An acronym (not a person's) joins the one longer name whose initials it spells.

    "The European Central Bank held rates on Thursday; the ECB meets again in June." A
    place spells
    only a place: "outside Washington, D.C. ... The Dusk Courier" keeps "D.C." apart from
    the Courier.
    """
    for key in merge.labels:
        acronym = next((s for s in merge.surfaces[key] if is_acronym(s)), None)
        if acronym is None or merge.label(key) == "PERSON":
            continue
        place = merge.label(key) in PLACE_LABELS
        spelled = {
            merge.find(k)
            for k in merge.labels
            if k != key
            and _spells(acronym, merge.surfaces[k])
            and (merge.label(k) in PLACE_LABELS) == place
        }
        if len(spelled) == 1:
            merge.union(key, spelled.pop())


#: The merge, in order: each rule sees what the ones before it decided.
MERGE_RULES: tuple[MergeRule, ...] = (
    known_pairs,
    surname_reveals_person,
    short_forms,
    acronym_spells_name,
)


def cluster(
    p: Parsed, mentions: list[Mention], pairs: list[tuple[int, int]]
) -> tuple[list[list[Mention]], dict[int, list[str]]]:
    """Merge `mentions` into entities.

    Args:
        p: The article's parse.
        mentions: Every mention found so far; "absorbed" ones are left out. A mention the
            merge shows to be a person's name gets the label "PERSON".
        pairs: ``(name index, acronym index)`` pairs known to name one thing ("Name (ACR)").

    Returns:
        The entities, each a list of its mentions, and, keyed by ``id()`` of a mention, the
        full names a short name could stand for when it completes more than one.
    """
    merge = Merge.of(p, mentions, pairs)
    for rule in MERGE_RULES:
        rule(merge)
    clusters: dict[str, list[Mention]] = {}
    for key, m in zip(merge.keys, mentions, strict=True):
        if key:
            clusters.setdefault(merge.find(key), []).append(m)
    flagged = {
        id(m): merge.ambiguous[k]
        for k, m in zip(merge.keys, mentions, strict=True)
        if k in merge.ambiguous
    }
    return list(clusters.values()), flagged


def _spells(acronym: str, surfaces: set[str]) -> bool:
    """`acronym` spells the initials of one of the multi-word `surfaces`."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    return any(letters in initials(s) for s in surfaces if len(s.split()) >= 2)
