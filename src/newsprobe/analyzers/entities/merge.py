"""The state the entity merge works on: each mention's key and which keys are one entity.

`aliases.cluster` builds a `Merge` for an article and hands it to its rules in order;
every rule reads and changes this one record (the keys' label votes and surfaces, the
union-find forest over keys, the short forms found ambiguous).

    >>> merge = Merge.of(p, mentions, pairs)
    >>> merge.union("brenn", "tomas brenn"); merge.find("brenn")
    'brenn'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from newsprobe.analyzers.entities.mentions import Mention, Parsed, mention_text
from newsprobe.analyzers.entities.name_forms import alias_key, fold
from newsprobe.analyzers.entities.words import CONDITIONAL_ALIASES, CORPORATE_SUFFIXES

__all__ = ["Merge", "MergeRule", "mention_key"]

_LOWER_HYPHEN = re.compile(r"(?<=\w)-(?=[a-z])")


def mention_key(p: Parsed, m: Mention) -> str:
    """The form a mention is merged by: ``=`` and its alias group, or its folded name.

    "U.S." and "America" are ``=united states``; "Acme Holdings" is ``acme`` (corporate
    suffixes dropped from organizations); "Kim Jong-un" is ``kim jong un`` (a lower-case
    syllable after a hyphen is a word of a person's name), "Ngata-Ruiz" stays one word.
    """
    text = mention_text(p, m)
    aliased = alias_key(text) if m.label != "PERSON" else None
    if aliased:
        return "=" + aliased
    if m.label == "PERSON":
        text = _LOWER_HYPHEN.sub(" ", text)
    words = fold(text).split()
    if m.label == "ORG":
        while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
            words.pop()
    return " ".join(words)


def _keys(p: Parsed, mentions: list[Mention]) -> list[str]:
    """Each mention's key; ``""`` for mentions absorbed into a longer one.

    An alias that is also an ordinary word keys its group only when the group is named
    some other way too: "Officials blamed IS for the blast" beside "Islamic State
    claimed the attack"; "The bridge IS closed" alone names nobody.
    """
    keys = [mention_key(p, m) if m.source != "absorbed" else "" for m in mentions]
    present = set(keys)
    for index, m in enumerate(mentions):
        text = mention_text(p, m)
        target = CONDITIONAL_ALIASES.get(fold(text)) if text.isupper() else None
        if target is not None:
            keys[index] = "=" + target if "=" + target in present else ""
    return keys


@dataclass(slots=True)
class Merge:
    """What the merge rules read and change: one article's keys, and which are one entity.

    Attributes:
        p: The article's parse.
        mentions: Every mention; a rule may relabel one (``Mention.label``).
        pairs: ``(name index, acronym index)`` pairs known to name one thing.
        keys: Each mention's key (see `mention_key`); ``""`` for none.
        labels: Key -> label votes of its mentions (a titled mention counts twice).
        surfaces: Key -> the texts of its mentions.
        parent: The union-find forest over keys; `find` and `union` keep it.
        ambiguous: Key -> the full names a short form could stand for, when several.
    """

    p: Parsed
    mentions: list[Mention]
    pairs: list[tuple[int, int]]
    keys: list[str]
    labels: dict[str, Counter[str]] = field(default_factory=dict)
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, p: Parsed, mentions: list[Mention], pairs: list[tuple[int, int]]) -> Merge:
        """Every mention in its own entity but for those that share a key."""
        merge = cls(p, mentions, pairs, _keys(p, mentions))
        merge.parent = {key: key for key in merge.keys if key}
        for key, m in zip(merge.keys, mentions, strict=True):
            if key:
                merge.labels.setdefault(key, Counter())[m.label] += 2 if m.titled else 1
                merge.surfaces.setdefault(key, set()).add(mention_text(p, m))
        return merge

    def label(self, key: str) -> str:
        """The label most mentions of `key` vote for."""
        return self.labels[key].most_common(1)[0][0]

    def find(self, key: str) -> str:
        """The key that stands for the entity `key` is in (its root)."""
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        """Make `a` and `b` one entity; the smaller root stands for it (deterministic)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def multiword(self, label: str) -> list[str]:
        """Keys of names of two or more words that `label` wins, in key order."""
        return [k for k in self.labels if self.label(k) == label and " " in k]


#: A merge rule reads and changes a `Merge`; `MERGE_RULES` runs them in order.
MergeRule = Callable[[Merge], None]
