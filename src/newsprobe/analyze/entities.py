"""People, organizations, places and events, with every mention merged into one entity.

spaCy's small English model finds names but treats each mention alone, and makes
predictable mistakes. This analyzer cleans its spans, adds the mentions it missed, and
merges mentions that name the same thing:

1. Clean: drop a leading "the", titles ("Mrs Merkel" -> "Merkel"), trailing punctuation and
   possessives; split "World Health Organization (WHO" into name and acronym. A name after
   a courtesy or office title is a person whatever label spaCy gave it.
2. Recover: a run of proper nouns spaCy skipped is kept as a person when the parse says
   so (a title before it, an appositive role, the subject of "said").
3. Merge: same name; names in the alias table ("U.S." = "United States"); a bare surname or
   first name with the one full name it completes; an acronym with the name whose initials
   it spells, or that it follows in parentheses.
4. Repeat: later occurrences of a known name (or surname) spaCy did not tag are added.
5. Role: the office or job the text gives a person ("national security adviser Jane Doe",
   "Jane Doe, the national security adviser,").

A bare surname shared by two people in the article ("Ruiz" with "Ana Ruiz" and "Luis Ruiz")
is not merged with either: attributing words to the wrong person is worse than leaving a
mention unresolved. It becomes its own entity whose note names both candidates. Pronouns
and descriptions ("the chancellor") are not resolved here.

Headlines in Title Case or capitals make spaCy tag most words as names, so a name found
only there is kept only when it joins an entity of the body.

    >>> Pipeline(["entities"]).analyze(article).of_kind("entity")
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from newsprobe.analyze.aliases import (
    FUNCTION_WORDS,
    HONORIFICS,
    MISLABELLED_PERSON,
    ORG_WORDS,
    ROLE_HEADS,
    SPEECH_VERBS,
    STRONG_TITLES,
    Mention,
    bare_name_token,
    cluster,
    fold,
    initials,
    is_acronym,
    mention_text,
    preferred_name,
    repeat_names,
    take,
    taken_by,
    text_range,
)
from newsprobe.analyze.base import Analyzer, Context
from newsprobe.findings import EntityFinding, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["EntitiesAnalyzer"]

#: spaCy labels kept; DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL and ORDINAL belong to
#: the quantities analyzer.
KEPT_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
)
_READABLE = {
    "PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
    "NORP": "Group", "FAC": "Facility", "EVENT": "Event", "LAW": "Law",
    "PRODUCT": "Product", "WORK_OF_ART": "Work",
}  # fmt: skip
_LOCATIVE = frozenset({"in", "near", "outside", "across", "throughout", "at"})
_STRIP_TAIL = frozenset({"'s", "’s", "'", "’", "s"})


class EntitiesAnalyzer(Analyzer):
    """People, organizations, places and events, each with all its mentions."""

    name: ClassVar[str] = "entities"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc:ents", "doc:parse", "doc:tags"})
    provides: ClassVar[frozenset[str]] = frozenset({"entity"})

    def analyze(self, ctx: Context) -> Iterable[EntityFinding]:
        doc = ctx.doc
        if doc is None or len(doc) == 0:
            return []
        head = ctx.article.headline
        shouty = _shouting_headline(ctx.article.headline_text)
        headline_end = head.end if shouty else -1
        mentions, pairs = _from_ner(doc, headline_end)
        taken = taken_by(doc, mentions)
        mentions += _recover_people(doc, taken, headline_end)
        pairs += _parenthesized_acronyms(doc, mentions, taken)
        clusters, ambiguous = cluster(doc, mentions, pairs)
        repeat_names(doc, clusters, taken, ambiguous)
        findings = []
        for members in clusters:
            if all(m.weak for m in members):  # also the empty ones
                continue
            findings.append(_finding(doc, sorted(members, key=lambda m: m.start), ambiguous))
        findings.sort(key=lambda f: (f.span.start, f.span.end))
        return findings


# --- 1. clean what spaCy found ------------------------------------------------------------


def _from_ner(doc: Doc, headline_end: int) -> tuple[list[Mention], list[tuple[int, int]]]:
    mentions: list[Mention] = []
    pairs: list[tuple[int, int]] = []  # (name index, acronym index) from "Name (ACR)"
    person_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
    full_names = {
        t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
    }
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS or _inside_title(doc, ent.start, ent.end):
            continue
        label, end = ent.label_, ent.end
        if (
            end - ent.start == 1
            and end < len(doc)
            and label in ("PERSON", "GPE", "NORP")
            and bare_name_token(doc[end])
            and fold(doc[end].text) not in ORG_WORDS
            and (label == "PERSON" or doc[ent.start].head.i == end)
        ):
            end += 1  # "Jelena" + "Petrović": spaCy stops at letters it rarely saw
        if label == "NORP":  # "Islamic" + "State": an adjective opening an organization name
            while end < len(doc) and bare_name_token(doc[end]):
                end += 1
            if end < len(doc) and fold(doc[end].text) in ROLE_HEADS:  # "Egyptian Foreign Minister"
                end = ent.end
            label = "ORG" if end > ent.end else label
        before = len(mentions)
        people = (
            label == "PERSON"
            or all(  # "Kelly and Ryan", both named before
                t.text in person_words for t in doc[ent.start : end] if t.pos_ != "CCONJ"
            )
        )
        label = "PERSON" if people else label
        for index, (start, stop) in enumerate(_pieces(doc, ent.start, end, people)):
            for mention in _clean(doc, start, stop, label, headline_end):
                if _place_not_person(doc, mention, full_names):
                    mention.label = "GPE"
                if index > 0 and len(mentions) > before and is_acronym(mention_text(doc, mention)):
                    pairs.append((len(mentions) - 1, len(mentions)))
                mentions.append(mention)
    return mentions, pairs


def _place_not_person(doc: Doc, m: Mention, full_names: set[str]) -> bool:
    """'in Valencia' tagged PERSON: one word after a preposition of place, no namesake."""
    return (
        m.label == "PERSON"
        and m.end - m.start == 1
        and m.start > 0
        and doc[m.start - 1].lower_ in _LOCATIVE
        and doc[m.start].text not in full_names
    )


def _inside_title(doc: Doc, start: int, end: int) -> bool:
    """'State' in 'Secretary of State Mark Dole' is part of a title, not a name."""
    return (
        end - start == 1
        and start >= 2
        and end < len(doc)
        and doc[start - 1].lower_ == "of"
        and fold(doc[start - 2].text) in ROLE_HEADS
        and doc[end].is_title
        and doc[end].tag_ == "NNP"
    )


def _pieces(doc: Doc, start: int, end: int, people: bool) -> list[tuple[int, int]]:
    """Split a span at line breaks and brackets ("Organization (WHO"), and people at "and"."""
    pieces, piece_start = [], start
    for i in range(start, end):
        if doc[i].is_space or doc[i].text in "()[]" or (people and doc[i].pos_ == "CCONJ"):
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return [(s, e) for s, e in pieces if e > s]


def _clean(doc: Doc, start: int, end: int, label: str, headline_end: int) -> list[Mention]:
    """The name inside a span: no article, title, possessive, trailing common noun."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in _STRIP_TAIL or doc[end - 1].is_lower
    ):
        end -= 1  # "Lanza province" -> "Lanza"
    found: list[Mention] = []
    titled = False
    for k in range(end - 2, start - 1, -1):  # the last title inside the span, if any
        word = fold(doc[k].text)
        strong = word in STRONG_TITLES or (
            word in ROLE_HEADS and (label == "PERSON" or doc[k].is_lower)
        )
        if strong and all(t.is_title or t.text == "-" for t in doc[k + 1 : end]):
            # "Love Island star Jade": what precedes the title names something else.
            prefix = _role_prefix_end(doc, start, k)
            if prefix > start:
                found += _clean(doc, start, prefix, "ORG", headline_end)
            start, titled = k + 1, True
            label = "PERSON"
            break
    if start >= end or not any(c.isalpha() for c in text_range(doc, start, end)):
        return found
    if doc[start].is_lower and not is_acronym(doc[start].text):
        return found
    if start > 0 and fold(doc[start - 1].text) in STRONG_TITLES | HONORIFICS:
        titled = True
    words = {fold(t.text) for t in doc[start:end]}
    # A title before it, or the parse ("Zoë Ngata-Ruiz and Łukasz Wróbel" came out as ORG).
    if (
        label in MISLABELLED_PERSON
        and end - start <= 3
        and not words & ORG_WORDS
        and (titled or (end - start >= 2 and _person_cue(doc, start, end)))
    ):
        label = "PERSON"
    weak = doc[start].idx < headline_end
    return [*found, Mention(start, end, label, "ner", weak=weak, titled=titled)]


def _role_prefix_end(doc: Doc, start: int, title: int) -> int:
    """Where the name before a title's modifiers ends: 'Love Island' in 'Love Island star'."""
    end = title
    while end > start and doc[end - 1].is_lower:
        end -= 1
    while end > start and fold(doc[end - 1].text) in HONORIFICS | ROLE_HEADS:
        end -= 1
    return end if end > start and doc[end - 1].is_title else start


def _shouting_headline(headline: str) -> bool:
    """Title Case or ALL CAPS: spaCy then tags every capitalized word as a name."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", headline)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# --- 2. recover people spaCy missed ---------------------------------------------------------


def _recover_people(doc: Doc, taken: bytearray, headline_end: int) -> list[Mention]:
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        start = i
        while i < len(doc) and _name_token(doc, i, taken):
            i += 1
            if i + 1 < len(doc) and doc[i].text == "-" and _name_token(doc, i + 1, taken):
                i += 1
        end = max(i, start + 1)
        if i > start and doc[start].idx >= headline_end and end - start <= 5:
            mention = _person_if_cued(doc, start, end)
            if mention is not None:
                found.append(mention)
                take(doc, mention, taken)
        i = end
    return found


def _name_token(doc: Doc, i: int, taken: bytearray) -> bool:
    token = doc[i]
    return (
        token.tag_ == "NNP"
        and token.is_title
        and token.is_alpha
        and not taken[token.idx]
        and fold(token.text) not in ORG_WORDS | HONORIFICS | ROLE_HEADS
    )


def _person_if_cued(doc: Doc, start: int, end: int) -> Mention | None:
    before = fold(doc[start - 1].text) if start > 0 else ""
    titled = before in HONORIFICS or before in ROLE_HEADS
    if titled or (end - start >= 2 and _person_cue(doc, start, end)):
        return Mention(start, end, "PERSON", "recovered", titled=titled)
    return None


def _person_cue(doc: Doc, start: int, end: int) -> bool:
    """The parse says a name is a person: a role beside it, "said" after it, a person in
    coordination with it."""
    root = doc[start:end].root
    conjuncts = [root.head] if root.dep_ == "conj" else []
    conjuncts += [c for c in root.children if c.dep_ == "conj"]
    return (
        (root.dep_ == "appos" and fold(root.head.text) in ROLE_HEADS)
        or any(c.dep_ == "appos" and fold(c.text) in ROLE_HEADS for c in root.children)
        or (root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS)
        or any(c.ent_type_ == "PERSON" for c in conjuncts)
    )


def _parenthesized_acronyms(
    doc: Doc, mentions: list[Mention], taken: bytearray
) -> list[tuple[int, int]]:
    """'Name (ACR)': the acronym names the same thing, whatever its letters.

    The name is the shortest capitalized run before the bracket whose initials spell the
    acronym, even across pieces spaCy tagged apart ("Transport" + "Maritime Union (TMU)");
    failing that, the entity right before the bracket, or the capitalized words there
    when spaCy tagged nothing ("Doctors Without Borders (MSF)").
    """
    pairs = []
    by_start = {m.start: index for index, m in enumerate(mentions)}
    by_end = {m.end: index for index, m in enumerate(mentions)}
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not is_acronym(doc[i + 1].text):
            continue
        name_end = i - 1 if doc[i - 1].lower_ in _STRIP_TAIL else i
        index = by_end.get(name_end)
        start = _spelled_start(doc, name_end, doc[i + 1].text)
        if start is None and index is None:
            start = name_end
            while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in ("of", "and")):
                start -= 1
            while start < name_end and (not doc[start].is_title or doc[start].is_stop):
                start += 1
            start = start if name_end - start >= 2 else None
        if start is not None and (index is None or mentions[index].start != start):
            inside = [m for m in mentions if m.start < name_end and m.end > start]
            if any(m.start < start for m in inside):
                continue
            for m in inside:
                m.source = "absorbed"  # replaced by the longer name
            label = max(inside, key=lambda m: m.end - m.start).label if inside else "ORG"
            mentions.append(Mention(start, name_end, label, "acronym"))
            take(doc, mentions[-1], taken)
            index = len(mentions) - 1
        if index is None or mentions[index].end - mentions[index].start < 2:
            continue
        if i + 1 in by_start:
            pairs.append((index, by_start[i + 1]))
        elif not taken[doc[i + 1].idx]:
            mentions.append(Mention(i + 1, i + 2, mentions[index].label, "acronym"))
            mentions[-1].weak = mentions[index].weak
            take(doc, mentions[-1], taken)
            pairs.append((index, len(mentions) - 1))
    return pairs


def _spelled_start(doc: Doc, end: int, acronym: str) -> int | None:
    """The nearest start of a capitalized run ending at `end` whose initials spell `acronym`."""
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    start = end
    while start > 0 and end - start < 12:
        start -= 1
        token = doc[start]
        if not (token.is_title or token.is_upper or token.lower_ in FUNCTION_WORDS):
            return None
        if token.is_title and letters in initials(text_range(doc, start, end)):
            return start
    return None


# --- 5. roles ----------------------------------------------------------------------------------

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def _role_for(doc: Doc, start: int, end: int) -> tuple[str, Span] | None:
    """The role the text gives the person named by tokens `[start, end)`, with its span.

    Looks at a title right before the name ("Prime Minister Tomas Brenn", "national security
    adviser Jane Doe") and at appositions on either side ("Jane Doe, the national security
    adviser," and "the company's chief executive, Ana Ruiz").
    """
    # An apposition says more than a title ("Gen. Farid Haddad, the army chief of staff").
    found = None
    root = doc[start:end].root
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= end]
    if root.dep_ == "appos" and root.head.i < start:
        heads.append(root.head)
    for head in heads:
        if fold(head.text) in ROLE_HEADS and head.pos_ in ("NOUN", "PROPN"):
            found = (_modifiers_start(doc, head.i), _of_end(doc, head.i))
            break
    found = found or _title_before(doc, start)
    if found is None:
        return None
    first, last = found
    span = Span(start=doc[first].idx, end=doc[last].idx + len(doc[last]))
    return doc[first : last + 1].text.lower(), span


def _title_before(doc: Doc, start: int) -> tuple[int, int] | None:
    j = start - 1
    while j >= 0 and fold(doc[j].text) in HONORIFICS:
        j -= 1
    if j < 0:
        return None
    if fold(doc[j].text) in ROLE_HEADS and not _in_name(doc[j]):
        return _modifiers_start(doc, j), j
    # "Secretary of State Mark Dole", "Minister of Finance Ana Ruiz"
    if (
        j >= 2
        and doc[j - 1].lower_ == "of"
        and fold(doc[j - 2].text) in ROLE_HEADS
        and doc[j].is_title
        and doc[j].is_alpha
    ):
        return _modifiers_start(doc, j - 2), j
    return None


def _in_name(token: Token) -> bool:
    return token.ent_type_ not in ("", "PERSON")


def _modifiers_start(doc: Doc, head: int) -> int:
    """Walk left over the words that qualify a role noun ("national security" adviser)."""
    first = head
    k = head - 1
    while k >= 0 and head - k <= 4:
        token = doc[k]
        hyphen = token.text == "-" and k > 0 and doc[k - 1].is_alpha
        starts_word = k == 0 or bool(doc[k - 1].whitespace_) or not doc[k - 1].is_alpha
        whole = starts_word and (bool(token.whitespace_) or doc[k + 1].text == "-")  # "we|d"
        if not hyphen and not (
            whole
            and token.is_alpha
            and token.pos_ in ("NOUN", "ADJ", "PROPN")
            and token.dep_ != "poss"
            and not _in_name(token)
            and not token.is_upper  # "WHO epidemiologist", "TMU general secretary"
            and (token.dep_ in _MODIFIER_DEPS or token.head.i >= first)
            and fold(token.text) not in HONORIFICS
        ):
            break
        first = k
        k -= 1
    return first


def _of_end(doc: Doc, head: int) -> int:
    """Keep 'of state' in 'secretary of state' but not 'of Acme Holdings'."""
    if head + 2 < len(doc) and doc[head + 1].lower_ == "of":
        nxt = doc[head + 2]
        if nxt.is_alpha and not _in_name(nxt) and nxt.pos_ in ("NOUN", "PROPN"):
            return head + 2
    return head


# --- 6. one finding per entity ---------------------------------------------------------------


def _finding(doc: Doc, members: list[Mention], ambiguous: dict[int, list[str]]) -> EntityFinding:
    votes: Counter[str] = Counter()
    for m in members:
        votes[m.label] += (2 if m.titled else 1) + (m.end - m.start > 1)
    label, top = votes.most_common(1)[0]
    texts = [mention_text(doc, m) for m in members]
    canonical = preferred_name(texts)
    spans = [
        Span(start=doc[m.start].idx, end=doc[m.end - 1].idx + len(doc[m.end - 1])) for m in members
    ]
    role = None
    if label == "PERSON":
        role = next((r for m in members if (r := _role_for(doc, m.start, m.end))), None)
    aliases = sorted(set(texts) - {canonical}, key=texts.index)
    # Hand-set: one mention 0.55, each further mention +0.1 up to three, scaled by how many
    # of the label votes agree; checked by eye against the gold set, not fitted.
    confidence = (0.55 + 0.1 * min(len(members) - 1, 3)) * (0.6 + 0.4 * top / sum(votes.values()))
    if all(m.source == "recovered" for m in members):
        confidence = min(confidence, 0.5)
    times = "once" if len(members) == 1 else f"{len(members)} times"
    shown = ", ".join(f"'{t}'" for t in [canonical, *aliases][:5])
    note = f"{_READABLE.get(label, label.title())} mentioned {times}, as {shown}."
    if role is not None:
        note = note[:-1] + f"; described as {role[0]}."
    candidates = next((ambiguous[id(m)] for m in members if id(m) in ambiguous), None)
    if candidates:
        confidence = min(confidence, 0.4)
        note += f" The name alone may refer to {' or '.join(candidates)}."
    return EntityFinding(
        span=spans[0],
        confidence=round(min(confidence, 0.95), 3),
        note=note,
        canonical=canonical,
        label=label,
        mentions=spans,
        aliases=aliases,
        role=role[0] if role else None,
        role_span=role[1] if role else None,
    )
