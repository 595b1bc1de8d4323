"""Where, when and for how long: the place, time and duration slots of an event frame.

Each slot is read from words the parse attaches to the trigger ("met in Varn on Friday for
an hour"), never from anywhere in the sentence; a wire dateline places the first event of
the body when nothing closer does (`newsprobe.analyzers.shared.dateline` reads it).

    >>> where, wider = place(trigger, names)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from newsprobe.analyzers.events.names import PLACE_LABELS, PLACE_PREPS, Names, Slot
from newsprobe.analyzers.events.triggers import NOUN_EVENT_TYPES, SPEECH_LEMMAS, phrase_head
from newsprobe.analyzers.shared import timex
from newsprobe.analyzers.shared.dateline import dateline_end, dateline_place
from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.analyzers.shared.span_index import entities_in
from newsprobe.document import Article
from newsprobe.findings import QuantityFinding, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "Sentence",
    "dateline",
    "dateline_region",
    "duration",
    "is_future",
    "place",
    "time",
]

#: A sentence of the parse and its text, sliced from the article's text: `Span.text`
#: rebuilds the text token by token on every access.
Sentence = tuple["SpacySpan", str]

#: A time after one of these words bounds the event instead of dating it.
_BOUND = re.compile(r"\b(?:since|until|till|before|after|by|ahead of)\s*$", re.IGNORECASE)
_EARLIER_FIGURE = re.compile(r"\bfrom (?:about |around )?[\d,.]+(?: \w+)?\s*$")
#: Words after a duration that make it a distance in time between two events.
_OFFSETS = load_words("events/time_offsets")
_LASTING = load_words("events/lasting_verbs")
_FUTURE_HEADS = load_words("events/future_heads")
#: Characters of the body searched for a dateline: a place, 40 of qualifier, 60 of outlet.
_DATELINE_WINDOW = 200


def place(token: Token, names: Names) -> tuple[Slot | None, str | None]:
    """The place on the trigger and the wider place it is in ("Lakeside Palace", "Varn")."""
    holders = [token]
    if (
        token.pos_ not in ("VERB", "AUX")
        and token.head.pos_ in ("VERB", "AUX")
        and token.dep_ in ("dobj", "nsubj", "nsubjpass")
    ):
        holders.append(token.head)
    for prep, obj in _prepositional_objects(holders):
        margins = _margins(prep, obj, depth=0)
        if margins is not None:
            return margins, None
        if prep.lower_ in PLACE_PREPS:
            found = _place_in(obj, prep.lower_, names, depth=0)
            if found is not None:
                return found
    if token.pos_ == "NOUN":  # "Meridia's parliamentary election"
        for child in token.children:
            named = names.by_token.get(child.i)
            if child.dep_ in ("poss", "compound") and named and named[1] in PLACE_LABELS:
                return (named[0], named[2]), None
    return None, None


def _prepositional_objects(holders: list[Token]) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs on the holders, then those hung on a non-place
    phrase of theirs: the parser attaches "met for 45 minutes in the customs house" to
    "minutes", not to "met"."""
    pairs = [
        (prep, obj)
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    yield from pairs
    for prep, obj in pairs:
        if prep.lower_ not in PLACE_PREPS:
            for inner in obj.children:
                if inner.dep_ == "prep":
                    for inner_obj in inner.children:
                        if inner_obj.dep_ == "pobj":
                            yield inner, inner_obj


def _margins(prep: Token, obj: Token, depth: int) -> Slot | None:
    """ "on the margins of the conference" (also under "over a table on the margins of")."""
    if prep.lower_ == "on" and obj.lemma_ in ("margin", "sideline", "fringe"):
        inner = [
            g for p in obj.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
        if inner:
            np = inner[0]
            left = next((t for t in np.subtree if t.dep_ != "det"), np)
            return np.doc[left.i : np.i + 1].text, Span(start=left.idx, end=np.idx + len(np.text))
    if depth >= 2:
        return None
    for sub in (c for c in obj.children if c.dep_ == "prep"):
        for inner_obj in (c for c in sub.children if c.dep_ == "pobj"):
            found = _margins(sub, inner_obj, depth + 1)
            if found is not None:
                return found
    return None


def _place_in(token: Token, prep: str, names: Names, depth: int) -> tuple[Slot, str | None] | None:
    if depth > 3:
        return None
    # "in Ordania's capital, Serevo": the apposition names the place itself.
    appos = [c for c in token.children if c.dep_ == "appos"]
    modifiers = sorted(
        (c for c in token.children if c.dep_ in ("compound", "poss")), key=lambda c: c.dep_
    )  # "Meridia's Sallow province": the compound is the nearer place
    for t in [*appos, token, *modifiers]:
        named = names.by_token.get(t.i)
        if named is None:
            continue
        key, label, span = named
        if (
            label in PLACE_LABELS
            or (label == "ORG" and prep in ("in", "at"))
            or (label == "PERSON" and prep == "in" and span.end - span.start == len(t.text))
        ):
            detail = None
            for sub in token.children:
                if sub.dep_ == "prep" and sub.lower_ in ("in", "of"):
                    inner = next(
                        (
                            _place_in(g, "in", names, depth + 1)
                            for g in sub.children
                            if g.dep_ == "pobj"
                        ),
                        None,
                    )
                    if inner is not None and inner[0][0] != key:
                        detail = inner[0][0]
            return (key, span), detail
    for sub in token.children:
        if sub.dep_ == "prep" and sub.lower_ in PLACE_PREPS | {"of"}:
            for g in sub.children:
                if g.dep_ == "pobj":
                    found = _place_in(
                        g, sub.lower_ if sub.lower_ != "of" else prep, names, depth + 1
                    )
                    if found is not None:
                        return found
    return None


def dateline_region(article: Article) -> Span | None:
    """Where a wire dateline ("VARN, Kestrava (Coastline Wire) - ") is, if the body has one."""
    start = article.body.start
    end = dateline_end(article.text[start : start + _DATELINE_WINDOW])
    return Span(start=start, end=start + end) if end else None


def dateline(article: Article, names: Names) -> Slot | None:
    """The place of a wire dateline ("VARN, Kestrava (Coastline Wire) -"), as a place key."""
    start = article.body.start
    written = dateline_place(article.text[start : start + _DATELINE_WINDOW])
    if written is None:
        return None
    wanted = written.casefold()
    key = next(
        (k for k, name in names.canonical_of.items() if name.casefold() == wanted), written.title()
    )
    return key, Span(start=start, end=start + len(written))


def is_future(verb: Token) -> bool:
    """Still to come: "will meet", "is due to sign", "are expected to vote"."""
    current = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in current.children):
            return True
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in _FUTURE_HEADS:
            return True
        if current.dep_ not in ("xcomp", "conj") or current.head is current:
            return False
        current = current.head
    return False


def _governor(token: Token, trigger: Token) -> Token:
    current = token
    for _ in range(10):
        if current.head is current:
            return current
        current = current.head
        if current.i == trigger.i or current.pos_ in ("VERB", "AUX"):
            return current
        if current.pos_ == "NOUN" and current.lemma_.lower() in NOUN_EVENT_TYPES:
            return current  # "the toll from last month's attack": the attack's date
    return current


def _coordinated(governor: Token, trigger: Token) -> bool:
    """Whether a later verb is joined to the trigger by "and": as its conjunct, or (as the
    small model parses "X were killed and four others wounded Thursday, officials said")
    as its sibling, with the trigger's "and" between them."""
    if governor.i <= trigger.i or governor.pos_ not in ("VERB", "AUX"):
        return False
    if governor.dep_ == "conj" and governor.head.i == trigger.i:
        return True
    return (
        governor.head.i == trigger.head.i
        and governor.dep_ == trigger.dep_
        and any(c.dep_ == "cc" and trigger.i < c.i < governor.i for c in trigger.children)
    )


def _when_clause(governor: Token, trigger: Token) -> bool:
    """Whether `governor` heads a "when" clause of the trigger, which happens at the
    trigger's time: its date is the trigger's."""
    return (
        governor.dep_ == "advcl"
        and governor.head.i == trigger.i
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in governor.children)
    )


def _attached(root: Token, trigger: Token) -> bool:
    governor = _governor(root, trigger)
    if governor.i == trigger.i:
        return True
    if governor.dep_ in ("relcl", "acl") and governor.head.i == trigger.i:
        return True  # "a fire that broke out yesterday"
    if _coordinated(governor, trigger):
        return True  # "Two guards were killed and four others wounded Thursday"
    if _when_clause(governor, trigger):
        return True  # "Two workers died when gas exploded at a bakery on Thursday"
    head = phrase_head(trigger)
    return (
        head is not trigger and governor.i == head.i and head.lemma_.lower() not in SPEECH_LEMMAS
    ) or (trigger.dep_ == "xcomp" and governor.i == trigger.head.i)


def time(
    token: Token, where: Sentence, published: datetime | None, *, headline: bool = False
) -> Slot | None:
    """The resolved date of the first time expression attached to the trigger."""
    sentence, text = where
    doc = token.doc
    spans: list[tuple[int, int]] = [
        (e.start_char, e.end_char) for e in entities_in(sentence) if e.label_ in ("DATE", "TIME")
    ]
    for match in timex.TIME_WORDS.finditer(text):
        start, end = sentence.start_char + match.start(), sentence.start_char + match.end()
        if not any(s < end and start < e for s, e in spans):
            spans.append((start, end))
    head = phrase_head(token)
    # A body verb in the present with a date is a schedule: "The council meets on October 14".
    future = is_future(head) or (head is token and token.tag_ in ("VBZ", "VBP") and not headline)
    offset = sentence.start_char
    for start, end in sorted(spans, key=lambda se: abs(se[0] - token.idx)):
        region = doc.char_span(start, end, alignment_mode="expand")
        if region is None or not _attached(region.root, token):
            continue
        before = text[max(0, start - offset - 30) : start - offset]
        if _EARLIER_FIGURE.search(before):
            continue  # "up from 41 on Saturday" dates the old figure, not the event
        if _BOUND.search(before):
            continue  # "the first meeting since 2019": a bound, not when it happened
        value = timex.resolve(text[start - offset : end - offset], published, future=future)
        if value is not None:
            return value, Span(start=start, end=end)
    return None


def duration(
    token: Token, sentence: SpacySpan, durations: Sequence[QuantityFinding]
) -> tuple[str, float, bool] | None:
    """A duration quantity on the trigger: "met for an hour", "the talks lasted 45 minutes".

    Returns its id, its length in minutes and whether that length is approximate.
    """
    doc = token.doc
    for quantity in durations:
        if not (sentence.start_char <= quantity.span.start < sentence.end_char):
            continue
        region = doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
        if region is None or (region.end < len(doc) and doc[region.end].lower_ in _OFFSETS):
            continue  # "a day after police killed ...": how long before, not how long it took
        governor = region.root.head
        if governor.dep_ == "prep" and governor.lower_ in ("for", "over", "during"):
            governor = governor.head  # "met for an hour"
        lasting = (
            token.dep_.startswith("nsubj")
            and governor.i == token.head.i
            and governor.lemma_.lower() in _LASTING
        )  # "the talks lasted 45 minutes"
        if governor.i == token.i or lasting:
            value = (
                quantity.value if quantity.value is not None else quantity.upper or quantity.lower
            )
            if value is not None:
                return quantity.id, value, quantity.approximate or quantity.value is None
    return None
