"""Which mentions name the same entity: the merge of mentions into entities.

`cluster` is the third pass of `entities.py` (the analyzer): mentions with the same name,
names in one alias group ("U.S." = "United States"), a surname or first name with the one
full name it completes, and an acronym with the one longer name whose initials it spells
become one entity. A short name that completes two full names is merged with neither and
comes back flagged with both candidates.

    >>> clusters, ambiguous = cluster(p, mentions, pairs)
"""

from __future__ import annotations

import re
from collections import Counter

from newsprobe.analyzers.entities.mentions import Mention, Parsed, mention_text
from newsprobe.analyzers.entities.name_forms import alias_key, fold, initials, is_acronym
from newsprobe.analyzers.entities.words import (
    CONDITIONAL_ALIASES,
    CORPORATE_SUFFIXES,
    INSTITUTION_HEADS,
    MISLABELLED_PERSON,
    ORG_WORDS,
    PLACE_LABELS,
)

__all__ = ["cluster"]

_LOWER_HYPHEN = re.compile(r"(?<=\w)-(?=[a-z])")
_OF_WORDS = frozenset({"of", "for", "on"})


def _key(p: Parsed, m: Mention) -> str:
    """The form a mention is merged by: its alias group, or its folded name."""
    text = mention_text(p, m)
    aliased = alias_key(text) if m.label != "PERSON" else None
    if aliased:
        return "=" + aliased
    if m.label == "PERSON":  # "Kim Jong-un" is "Kim Jong Un"; "Ngata-Ruiz" stays one word
        text = _LOWER_HYPHEN.sub(" ", text)
    words = fold(text).split()
    if m.label == "ORG":
        while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
            words.pop()
    return " ".join(words)


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
    keys = [_key(p, m) if m.source != "absorbed" else "" for m in mentions]
    present = set(keys)
    for index, m in enumerate(mentions):  # "IS" only beside another name of Islamic State
        target = (
            CONDITIONAL_ALIASES.get(fold(mention_text(p, m)))
            if mention_text(p, m).isupper()
            else None
        )
        if target is not None:
            keys[index] = "=" + target if "=" + target in present else ""
    parent = {key: key for key in keys if key}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for a, b in pairs:
        if keys[a] and keys[b]:
            union(keys[a], keys[b])
    labels: dict[str, Counter[str]] = {}
    surfaces: dict[str, set[str]] = {}
    for key, m in zip(keys, mentions, strict=True):
        if key:
            labels.setdefault(key, Counter())[m.label] += 2 if m.titled else 1
            surfaces.setdefault(key, set()).add(mention_text(p, m))
    for key in labels:  # "Elena Sorin" (ORG) ... "Sorin": later called by the last name only
        words = key.split()
        if (
            2 <= len(words) <= 3
            and labels[key].most_common(1)[0][0] in MISLABELLED_PERSON
            and words[-1] in labels
            and words[0] not in labels
            and not set(words) & ORG_WORDS
            and words[-1] not in INSTITUTION_HEADS  # "Central Command" ... "Command"
            and not key.startswith("=")
        ):
            for name in (key, words[-1]):
                labels[name] = Counter({"PERSON": 1})
                for index in (i for i, k in enumerate(keys) if k == name):
                    mentions[index].label = "PERSON"
    people = [k for k in labels if labels[k].most_common(1)[0][0] == "PERSON" and " " in k]
    organizations = [
        k for k in labels if labels[k].most_common(1)[0][0] == "ORG" and " " in k and "=" not in k
    ]
    org_words = {k: _short_words(k) for k in organizations}
    ambiguous: dict[str, list[str]] = {}
    # Longer short forms first: "Paler Lin" joins "Josh Paler Lin" before "Lin" is weighed.
    for key in sorted(labels, key=lambda k: -k.count(" ")):
        if key.startswith("=") or is_acronym(min(surfaces[key])):
            continue
        words = key.split()
        person = labels[key].most_common(1)[0][0] == "PERSON"
        fuller = [p for p in people if p != key and _completes(words, p.split(), person)]
        if not fuller and len(words) == 1 and labels[key].most_common(1)[0][0] == "PERSON":
            fuller = [p for p in people if p.split()[0] == words[0]]
        if len({find(p) for p in fuller}) == 1:
            union(key, fuller[0])
        elif len(fuller) > 1:
            ambiguous[key] = sorted(max(surfaces[p], key=len) for p in fuller)
        elif len(words) == 1 and labels[key].most_common(1)[0][0] not in PLACE_LABELS:
            # "Halvorsen" or "Gazette" for "Halvorsen Foods" or "Harbour Gazette"
            # ... or "the Observatory" for "Syrian Observatory for Human Rights"
            longer = {find(k) for k, short in org_words.items() if words[0] in short}
            if len(longer) == 1:
                union(key, longer.pop())
        elif len(words) > 1 and labels[key].most_common(1)[0][0] == "ORG":
            # "Central Command" for "U.S. Central Command", "Daily Mail" for "London Daily Mail"
            longer = {find(k) for k in organizations if k.endswith(" " + key)}
            if len(longer) == 1:
                union(key, longer.pop())
    for key in labels:  # an acronym joins the one longer name whose initials it spells
        acronym = next((s for s in surfaces[key] if is_acronym(s)), None)
        if acronym is None or labels[key].most_common(1)[0][0] == "PERSON":
            continue
        place = labels[key].most_common(1)[0][0] in PLACE_LABELS
        spelled = {
            find(k)
            for k in labels
            if k != key
            and _spells(acronym, surfaces[k])
            # "D.C." (a place) is not the Daily Caller: a place spells only a place.
            and (labels[k].most_common(1)[0][0] in PLACE_LABELS) == place
        }
        if len(spelled) == 1:
            union(key, spelled.pop())
    clusters: dict[str, list[Mention]] = {}
    for key, m in zip(keys, mentions, strict=True):
        if key:
            clusters.setdefault(find(key), []).append(m)
    flagged = {id(m): ambiguous[k] for k, m in zip(keys, mentions, strict=True) if k in ambiguous}
    return list(clusters.values()), flagged


def _completes(short: list[str], full: list[str], person: bool) -> bool:
    """'Merkel', 'Angela Merkel' or 'Dorothea Merkel' is a shorter form of 'Angela Dorothea
    Merkel'. The last only when `short` is itself a person's name ("Paler Lin" for "Josh
    Paler Lin": a two-word surname), not a place inside a name ("Las Vegas")."""
    if len(short) >= len(full) or short[-1] != full[-1]:
        return False
    return (
        len(short) == 1
        or (short[0] == full[0] and set(short) <= set(full))
        or (person and full[-len(short) :] == short)
    )


def _short_words(name: str) -> tuple[str, str, str]:
    """The words one word can stand for `name` by: its first, its last, and its head noun,
    the word before "of"/"for" ("Observatory" in "Syrian Observatory for Human Rights")."""
    words = name.split()
    head = next((words[i - 1] for i in range(1, len(words)) if words[i] in _OF_WORDS), words[-1])
    return words[0], words[-1], head


def _spells(acronym: str, surfaces: set[str]) -> bool:
    """`acronym` spells the initials of one of the multi-word `surfaces`."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    return any(letters in initials(s) for s in surfaces if len(s.split()) >= 2)
