"""Who and where an article names, tied to the tokens of the parse.

Every slot of an event frame is an entity key read off a token: `Names` maps tokens to the
entity mentions on them, from the entities analyzer's findings when it ran and from spaCy's
own names otherwise. The label and preposition sets say which names can be a party to an
event and which a place.

    >>> names = Names.build(ctx.doc, ctx.of_kind("entity", EntityFinding))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprobe.findings import EntityFinding, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PARTY_LABELS", "PLACE_LABELS", "PLACE_PREPS", "Names", "Slot"]

#: (key, span): an entity id (or a name without the entities analyzer) and where it is.
Slot = tuple[str, Span]

#: Entity labels of who can take part in an event, and of where it can happen.
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset(
    {"in", "at", "on", "near", "outside", "inside", "across", "throughout", "around"}
)


@dataclass(frozen=True, slots=True)
class Names:
    """Who and where the article names: entity mentions by token, canonical names by id."""

    by_token: dict[int, tuple[str, str, Span]]  # token index -> (key, label, mention span)
    canonical_of: dict[str, str]
    people: tuple[str, ...]  # person keys, most mentioned first
    label_of: dict[str, str]

    @classmethod
    def build(
        cls, doc: Doc, entities: Sequence[EntityFinding], *, skip: Span | None = None
    ) -> Names:
        """From the entities analyzer's findings, else from spaCy's own names.

        Mentions inside `skip` (the dateline) are not tied to tokens: the parser reads a
        dateline as the subject of the first sentence, which it is not.
        """
        found: list[tuple[str, str, str, Span]] = []
        if entities:
            for entity in entities:
                for m in entity.mentions:
                    found.append((entity.id, entity.label, entity.canonical, m))
        else:
            for ent in doc.ents:
                name = re.sub(r"^the\s+", "", ent.text, flags=re.I).strip()
                if name:
                    found.append(
                        (name, ent.label_, name, Span(start=ent.start_char, end=ent.end_char))
                    )
        by_token: dict[int, tuple[str, str, Span]] = {}
        counts: Counter[str] = Counter()
        canonical: dict[str, str] = {}
        for key, label, name, span in found:
            canonical[key] = name
            if skip is not None and skip.start <= span.start < skip.end:
                continue
            if label == "PERSON":
                counts[key] += 1
            tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
            for token in tokens or ():
                by_token.setdefault(token.i, (key, label, span))
        people = tuple(key for key, _ in counts.most_common())  # stable: first seen wins ties
        labels = {key: label for key, label, _, _ in found}
        return cls(by_token=by_token, canonical_of=canonical, people=people, label_of=labels)

    def canonical(self, key: str) -> str:
        """The name `key` stands for (a name without an entity id is its own key)."""
        return self.canonical_of.get(key, key)
