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
    NOT_NAME_WORDS,
    ORG_WORDS,
    ROLE_HEADS,
    SPEECH_VERBS,
    STRONG_TITLES,
    TITLE_WORDS,
    Mention,
    Parsed,
    bare_name,
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
    from spacy.tokens import Token

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
_STRONG_OR_HONORIFIC = STRONG_TITLES | HONORIFICS

# Token.is_title, is_lower and is_upper are str.istitle(), islower() and isupper() of the
# token text; the passes below call those on `cols.text` rather than build Token objects.


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
        p = Parsed.of(doc, ctx.text)
        head = ctx.article.headline
        shouty = _shouting_headline(ctx.article.headline_text)
        headline_end = head.end if shouty else -1
        mentions, pairs = _from_ner(p, headline_end)
        taken = taken_by(p, mentions)
        mentions += _recover_people(p, taken, headline_end)
        pairs += _parenthesized_acronyms(p, mentions, taken)
        clusters, ambiguous = cluster(p, mentions, pairs)
        repeat_names(p, clusters, taken, ambiguous)
        findings = []
        for members in clusters:
            if all(m.weak for m in members):  # also the empty ones
                continue
            findings.append(_finding(p, sorted(members, key=lambda m: m.start), ambiguous))
        findings.sort(key=lambda f: (f.span.start, f.span.end))
        return findings


# --- 1. clean what spaCy found ------------------------------------------------------------


def _from_ner(p: Parsed, headline_end: int) -> tuple[list[Mention], list[tuple[int, int]]]:
    cols, n = p.cols, len(p)
    words = cols.text
    mentions: list[Mention] = []
    pairs: list[tuple[int, int]] = []  # (name index, acronym index) from "Name (ACR)"
    ents = _entity_runs(p)
    person_words = {words[i] for s, e, lab in ents if lab == "PERSON" for i in range(s, e)}
    full_names = {
        words[i] for s, e, lab in ents if lab == "PERSON" and e - s > 1 for i in range(s, e)
    }
    for ent_start, ent_end, ent_label in ents:
        if ent_label not in KEPT_LABELS or _inside_title(p, ent_start, ent_end):
            continue
        label, end = ent_label, ent_end
        if (
            end - ent_start == 1
            and end < n
            and label in ("PERSON", "GPE", "NORP")
            and bare_name(p, end)
            and fold(words[end]) not in ORG_WORDS
            and (label == "PERSON" or cols.head[ent_start] == end)
        ):
            end += 1  # "Jelena" + "Petrović": spaCy stops at letters it rarely saw
        if label == "NORP":  # "Islamic" + "State": an adjective opening an organization name
            while end < n and bare_name(p, end):
                end += 1
            if end < n and fold(words[end]) in ROLE_HEADS:  # "Egyptian Foreign Minister"
                end = ent_end
            label = "ORG" if end > ent_end else label
        before = len(mentions)
        people = label == "PERSON" or all(  # "Kelly and Ryan", both named before
            words[i] in person_words for i in range(ent_start, end) if cols.pos[i] != "CCONJ"
        )
        label = "PERSON" if people else label
        for index, (start, stop) in enumerate(_pieces(p, ent_start, end, people)):
            for mention in _clean(p, start, stop, label, headline_end):
                if _place_not_person(p, mention, full_names):
                    mention.label = "GPE"
                if index > 0 and len(mentions) > before and is_acronym(mention_text(p, mention)):
                    pairs.append((len(mentions) - 1, len(mentions)))
                mentions.append(mention)
    return mentions, pairs


def _entity_runs(p: Parsed) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of each entity, as ``doc.ents`` reads them from the IOB tags.

    ``doc.ents`` builds a Span per entity (and Tokens for each); the columns hold the same
    tags. An "I" with no entity open is invalid: ``doc.ents`` then says why.
    """
    iob, types = p.cols.ent_iob, p.cols.ent_type
    runs: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(iob):
        if tag == "I":
            if start == -1:
                return [(ent.start, ent.end, ent.label_) for ent in p.doc.ents]
            continue
        if start != -1:
            runs.append((start, i, label))
            start = -1
        if tag == "B" and types[i]:
            start, label = i, types[i]
    if start != -1:
        runs.append((start, len(iob), label))
    return runs


def _place_not_person(p: Parsed, m: Mention, full_names: set[str]) -> bool:
    """'in Valencia' tagged PERSON: one word after a preposition of place, no namesake."""
    return (
        m.label == "PERSON"
        and m.end - m.start == 1
        and m.start > 0
        and p.cols.lower[m.start - 1] in _LOCATIVE
        and p.cols.text[m.start] not in full_names
    )


def _inside_title(p: Parsed, start: int, end: int) -> bool:
    """'State' in 'Secretary of State Mark Dole' is part of a title, not a name."""
    cols = p.cols
    return (
        end - start == 1
        and start >= 2
        and end < len(p)
        and cols.lower[start - 1] == "of"
        and fold(cols.text[start - 2]) in ROLE_HEADS
        and cols.text[end].istitle()
        and cols.tag[end] == "NNP"
    )


def _pieces(p: Parsed, start: int, end: int, people: bool) -> list[tuple[int, int]]:
    """Split a span at line breaks and brackets ("Organization (WHO"), and people at "and"."""
    cols = p.cols
    pieces, piece_start = [], start
    for i in range(start, end):
        if cols.is_space[i] or cols.text[i] in "()[]" or (people and cols.pos[i] == "CCONJ"):
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return [(s, e) for s, e in pieces if e > s]


def _clean(p: Parsed, start: int, end: int, label: str, headline_end: int) -> list[Mention]:
    """The name inside a span: no article, title, possessive, trailing common noun."""
    cols = p.cols
    words, tokens = cols.text, cols.tokens
    while start < end and (cols.lower[start] in ("the", "a", "an") or tokens[start].is_punct):
        start += 1
    while end > start and (
        tokens[end - 1].is_punct or cols.lower[end - 1] in _STRIP_TAIL or words[end - 1].islower()
    ):
        end -= 1  # "Lanza province" -> "Lanza"
    found: list[Mention] = []
    titled = False
    for k in range(end - 2, start - 1, -1):  # the last title inside the span, if any
        word = fold(words[k])
        strong = word in STRONG_TITLES or (
            word in ROLE_HEADS and (label == "PERSON" or words[k].islower())
        )
        if strong and all(words[j].istitle() or words[j] == "-" for j in range(k + 1, end)):
            # "Love Island star Jade": what precedes the title names something else.
            prefix = _role_prefix_end(p, start, k)
            if prefix > start:
                found += _clean(p, start, prefix, "ORG", headline_end)
            start, titled = k + 1, True
            label = "PERSON"
            break
    if start >= end or not any(c.isalpha() for c in text_range(p, start, end)):
        return found
    if words[start].islower() and not is_acronym(words[start]):
        return found
    if start > 0 and fold(words[start - 1]) in _STRONG_OR_HONORIFIC:
        titled = True
    folded = {fold(words[j]) for j in range(start, end)}
    # A title before it, or the parse ("Zoë Ngata-Ruiz and Łukasz Wróbel" came out as ORG).
    if (
        label in MISLABELLED_PERSON
        and end - start <= 3
        and not folded & ORG_WORDS
        and (titled or (end - start >= 2 and _person_cue(p, start, end)))
    ):
        label = "PERSON"
    weak = cols.idx[start] < headline_end
    return [*found, Mention(start, end, label, "ner", weak=weak, titled=titled)]


def _role_prefix_end(p: Parsed, start: int, title: int) -> int:
    """Where the name before a title's modifiers ends: 'Love Island' in 'Love Island star'."""
    words = p.cols.text
    end = title
    while end > start and words[end - 1].islower():
        end -= 1
    while end > start and fold(words[end - 1]) in TITLE_WORDS:
        end -= 1
    return end if end > start and words[end - 1].istitle() else start


def _shouting_headline(headline: str) -> bool:
    """Title Case or ALL CAPS: spaCy then tags every capitalized word as a name."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", headline)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# --- 2. recover people spaCy missed ---------------------------------------------------------


def _recover_people(p: Parsed, taken: bytearray, headline_end: int) -> list[Mention]:
    words, n = p.cols.text, len(p)
    found: list[Mention] = []
    i = 0
    while i < n:
        if not _name_token(p, i, taken):  # most tokens: no name starts here
            i += 1
            continue
        start = i
        while i < n and _name_token(p, i, taken):
            i += 1
            if i + 1 < n and words[i] == "-" and _name_token(p, i + 1, taken):
                i += 1
        end = max(i, start + 1)
        if i > start and p.cols.idx[start] >= headline_end and end - start <= 5:
            mention = _person_if_cued(p, start, end)
            if mention is not None:
                found.append(mention)
                take(p, mention, taken)
        i = end
    return found


def _name_token(p: Parsed, i: int, taken: bytearray) -> bool:
    cols = p.cols
    word = cols.text[i]
    return (
        cols.tag[i] == "NNP"  # first: most tokens fail here, before any string work
        and word.istitle()
        and cols.is_alpha[i]
        and not taken[cols.idx[i]]
        and fold(word) not in NOT_NAME_WORDS
    )


def _person_if_cued(p: Parsed, start: int, end: int) -> Mention | None:
    before = fold(p.cols.text[start - 1]) if start > 0 else ""
    titled = before in HONORIFICS or before in ROLE_HEADS
    if titled or (end - start >= 2 and _person_cue(p, start, end)):
        return Mention(start, end, "PERSON", "recovered", titled=titled)
    return None


def _person_cue(p: Parsed, start: int, end: int) -> bool:
    """The parse says a name is a person: a role beside it, "said" after it, a person in
    coordination with it."""
    root = p.doc[start:end].root
    conjuncts = [root.head] if root.dep_ == "conj" else []
    conjuncts += [c for c in root.children if c.dep_ == "conj"]
    return (
        (root.dep_ == "appos" and fold(root.head.text) in ROLE_HEADS)
        or any(c.dep_ == "appos" and fold(c.text) in ROLE_HEADS for c in root.children)
        or (root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS)
        or any(c.ent_type_ == "PERSON" for c in conjuncts)
    )


def _parenthesized_acronyms(
    p: Parsed, mentions: list[Mention], taken: bytearray
) -> list[tuple[int, int]]:
    """'Name (ACR)': the acronym names the same thing, whatever its letters.

    The name is the shortest capitalized run before the bracket whose initials spell the
    acronym, even across pieces spaCy tagged apart ("Transport" + "Maritime Union (TMU)");
    failing that, the entity right before the bracket, or the capitalized words there
    when spaCy tagged nothing ("Doctors Without Borders (MSF)").
    """
    cols = p.cols
    words, lower = cols.text, cols.lower
    pairs = []
    by_start = {m.start: index for index, m in enumerate(mentions)}
    by_end = {m.end: index for index, m in enumerate(mentions)}
    for i in range(1, len(p) - 2):
        if words[i] != "(" or words[i + 2] != ")" or not is_acronym(words[i + 1]):
            continue
        name_end = i - 1 if lower[i - 1] in _STRIP_TAIL else i
        index = by_end.get(name_end)
        start = _spelled_start(p, name_end, words[i + 1])
        if start is None and index is None:
            start = name_end
            while start > 0 and (words[start - 1].istitle() or lower[start - 1] in ("of", "and")):
                start -= 1
            while start < name_end and (not words[start].istitle() or cols.tokens[start].is_stop):
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
            take(p, mentions[-1], taken)
            index = len(mentions) - 1
        if index is None or mentions[index].end - mentions[index].start < 2:
            continue
        if i + 1 in by_start:
            pairs.append((index, by_start[i + 1]))
        elif not taken[cols.idx[i + 1]]:
            mentions.append(Mention(i + 1, i + 2, mentions[index].label, "acronym"))
            mentions[-1].weak = mentions[index].weak
            take(p, mentions[-1], taken)
            pairs.append((index, len(mentions) - 1))
    return pairs


def _spelled_start(p: Parsed, end: int, acronym: str) -> int | None:
    """The nearest start of a capitalized run ending at `end` whose initials spell `acronym`."""
    words = p.cols.text
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    start = end
    while start > 0 and end - start < 12:
        start -= 1
        word = words[start]
        if not (word.istitle() or word.isupper() or p.cols.lower[start] in FUNCTION_WORDS):
            return None
        if word.istitle() and letters in initials(text_range(p, start, end)):
            return start
    return None


# --- 5. roles ----------------------------------------------------------------------------------

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def _role_for(p: Parsed, start: int, end: int) -> tuple[str, Span] | None:
    """The role the text gives the person named by tokens `[start, end)`, with its span.

    Looks at a title right before the name ("Prime Minister Tomas Brenn", "national security
    adviser Jane Doe") and at appositions on either side ("Jane Doe, the national security
    adviser," and "the company's chief executive, Ana Ruiz").
    """
    # An apposition says more than a title ("Gen. Farid Haddad, the army chief of staff").
    found = None
    root = p.doc[start:end].root
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= end]
    if root.dep_ == "appos" and root.head.i < start:
        heads.append(root.head)
    for head in heads:
        if fold(head.text) in ROLE_HEADS and head.pos_ in ("NOUN", "PROPN"):
            found = (_modifiers_start(p, head.i), _of_end(p, head.i))
            break
    found = found or _title_before(p, start)
    if found is None:
        return None
    first, last = found
    span = Span(start=p.cols.idx[first], end=p.end_char(last))
    return text_range(p, first, last + 1).lower(), span


def _title_before(p: Parsed, start: int) -> tuple[int, int] | None:
    cols = p.cols
    words = cols.text
    j = start - 1
    while j >= 0 and fold(words[j]) in HONORIFICS:
        j -= 1
    if j < 0:
        return None
    if fold(words[j]) in ROLE_HEADS and not _in_name(p, j):
        return _modifiers_start(p, j), j
    # "Secretary of State Mark Dole", "Minister of Finance Ana Ruiz"
    if (
        j >= 2
        and cols.lower[j - 1] == "of"
        and fold(words[j - 2]) in ROLE_HEADS
        and words[j].istitle()
        and cols.is_alpha[j]
    ):
        return _modifiers_start(p, j - 2), j
    return None


def _in_name(p: Parsed, i: int) -> bool:
    return p.cols.ent_type[i] not in ("", "PERSON")


def _modifiers_start(p: Parsed, head: int) -> int:
    """Walk left over the words that qualify a role noun ("national security" adviser)."""
    cols = p.cols
    tokens, words, alpha = cols.tokens, cols.text, cols.is_alpha
    first = head
    k = head - 1
    while k >= 0 and head - k <= 4:
        token: Token = tokens[k]
        hyphen = words[k] == "-" and k > 0 and alpha[k - 1]
        starts_word = k == 0 or bool(tokens[k - 1].whitespace_) or not alpha[k - 1]
        whole = starts_word and (bool(token.whitespace_) or words[k + 1] == "-")  # "we|d"
        if not hyphen and not (
            whole
            and alpha[k]
            and cols.pos[k] in ("NOUN", "ADJ", "PROPN")
            and cols.dep[k] != "poss"
            and not _in_name(p, k)
            and not words[k].isupper()  # "WHO epidemiologist", "TMU general secretary"
            and (cols.dep[k] in _MODIFIER_DEPS or cols.head[k] >= first)
            and fold(words[k]) not in HONORIFICS
        ):
            break
        first = k
        k -= 1
    return first


def _of_end(p: Parsed, head: int) -> int:
    """Keep 'of state' in 'secretary of state' but not 'of Acme Holdings'."""
    cols = p.cols
    if head + 2 < len(p) and cols.lower[head + 1] == "of":
        nxt = head + 2
        if cols.is_alpha[nxt] and not _in_name(p, nxt) and cols.pos[nxt] in ("NOUN", "PROPN"):
            return head + 2
    return head


# --- 6. one finding per entity ---------------------------------------------------------------


def _finding(p: Parsed, members: list[Mention], ambiguous: dict[int, list[str]]) -> EntityFinding:
    votes: Counter[str] = Counter()
    for m in members:
        votes[m.label] += (2 if m.titled else 1) + (m.end - m.start > 1)
    label, top = votes.most_common(1)[0]
    texts = [mention_text(p, m) for m in members]
    canonical = preferred_name(texts)
    spans = [Span(start=p.cols.idx[m.start], end=p.end_char(m.end - 1)) for m in members]
    role = None
    if label == "PERSON":
        role = next((r for m in members if (r := _role_for(p, m.start, m.end))), None)
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
