"""The names spaCy found, cleaned: the first pass of the entities analyzer.

spaCy's small English model makes predictable mistakes at the edges of a name. This pass
reads its entities and drops a leading "the", titles ("Mrs Merkel" -> "Merkel"), trailing
punctuation and possessives; splits "World Health Organization (WHO" into name and acronym
and "Kelly and Ryan" into two people; extends a name spaCy cut short ("Jelena" +
"Petrović"); and makes a name after a courtesy or office title a person whatever label
spaCy gave it.

    >>> mentions, pairs = ner_mentions(p, headline_end=-1)
"""

from __future__ import annotations

from newsprobe.analyzers.entities.mentions import (
    Mention,
    Parsed,
    bare_name,
    mention_text,
    person_cue,
    text_range,
)
from newsprobe.analyzers.entities.name_forms import fold, is_acronym
from newsprobe.analyzers.entities.words import (
    COMPOUND_TAILS,
    MISLABELLED_PERSON,
    ORG_WORDS,
    PAGE_WORDS,
    PLATFORMS,
    POSSESSIVE_TAILS,
    PREFIX_TITLES,
    ROLE_HEADS,
    STRONG_TITLES,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from newsprobe.analyzers.shared.lexicon_files import load_words

__all__ = ["KEPT_LABELS", "ner_mentions"]

#: spaCy labels kept; DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL and ORDINAL belong to
#: the quantities analyzer.
KEPT_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
)
_LOCATIVE = frozenset({"in", "near", "outside", "across", "throughout", "at"})
_STANCE_PREFIXES = frozenset({"pro", "anti", "non"})
#: Words that are never a name on their own (see `_no_name`).
_NEVER_ALONE = PAGE_WORDS | TITLE_WORDS | TITLE_MODIFIERS
#: Tags of a capitalized word that opens a sentence before a name: "Citing St. Paul",
#: "Sorry Ana" (spaCy's small model takes the pair for one person).
_NOT_NAME_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "UH", "IN", "WDT"})
#: Lower-case words inside people's names: "Ludwig van Beethoven", "Osama bin Laden".
_PARTICLES = load_words("entities/name_particles")

# Token.is_title, is_lower and is_upper are str.istitle(), islower() and isupper() of the
# token text; the passes below call those on `cols.text` rather than build Token objects.


def ner_mentions(p: Parsed, headline_end: int) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The cleaned mentions of spaCy's entities, and ``(name, acronym)`` index pairs."""
    cols, n = p.cols, len(p)
    words = cols.text
    mentions: list[Mention] = []
    pairs: list[tuple[int, int]] = []  # (name index, acronym index) from "Name (ACR)"
    ents = _entity_runs(p)
    person_words = {words[i] for s, e, lab in ents if lab == "PERSON" for i in range(s, e)}
    full_names = {
        words[i] for s, e, lab in ents if lab == "PERSON" and e - s > 1 for i in range(s, e)
    }
    surnames = {words[e - 1] for s, e, lab in ents if lab == "PERSON" and e - s > 1}
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
            piece_label = label
            if label == "PERSON" and index > 0 and words[start - 1] == "/":
                piece_label = "ORG"  # "Jane Doe/Getty Images": a photographer, an agency
            for mention in _clean(p, start, stop, piece_label, headline_end, full_names):
                if _no_name(p, mention, surnames):
                    continue
                if mention.end - mention.start == 1 and fold(words[mention.start]) in PLATFORMS:
                    mention.label = "ORG"  # "on Twitter": spaCy often calls it a person
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


def _no_name(p: Parsed, m: Mention, surnames: set[str]) -> bool:
    """A mention made only of title and page words: "Pope", "Supreme Leader", the "First"
    of "First Lady", the "Writing" of "(Writing by ...", "Show caption". The last word of
    a person's full name ("King" after "Carla King") is a surname, not a title, and a
    "The" inside a sentence makes a title a name ("the magazine The Diplomat")."""
    words = p.cols.text
    if (
        m.label == "ORG"
        and m.start > 0
        and words[m.start - 1] == "The"
        and not p.cols.tokens[m.start - 1].is_sent_start
    ):
        return False
    return all(
        fold(words[i]) in _NEVER_ALONE and words[i] not in surnames for i in range(m.start, m.end)
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
    """Split a span at line breaks, brackets ("Organization (WHO") and slashes (the photo
    credit "Jane Doe/Getty Images"), and people at "and"."""
    cols = p.cols
    pieces, piece_start = [], start
    for i in range(start, end):
        if cols.is_space[i] or cols.text[i] in "()[]/" or (people and cols.pos[i] == "CCONJ"):
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return [(s, e) for s, e in pieces if e > s]


def _clean(
    p: Parsed, start: int, end: int, label: str, headline_end: int, people: set[str]
) -> list[Mention]:
    """The name inside a span: no article, title, possessive, trailing common noun.

    `people` holds the words of the article's full names of people ("Dex" of "Dex
    Harlan" makes "Rocker Dex" a rocker called Dex)."""
    cols = p.cols
    words, tokens = cols.text, cols.tokens
    while start < end and (cols.lower[start] in ("the", "a", "an") or tokens[start].is_punct):
        start += 1
    if start + 2 < end and cols.lower[start] in _STANCE_PREFIXES and words[start + 1] == "-":
        start += 2  # "Pro-Islamic State accounts" name Islamic State
    if label == "PERSON":
        start = _person_start(p, start, end)
    while end > start and (
        tokens[end - 1].is_punct
        or cols.lower[end - 1] in POSSESSIVE_TAILS
        or (words[end - 1].islower() and not _hyphenated_part(p, start, end - 1))
    ):
        end -= 1  # "Lanza province" -> "Lanza"; but "Kim Yo-jong" keeps "-jong"
    found: list[Mention] = []
    titled = False
    for k in range(end - 2, start - 1, -1):  # the last title inside the span, if any
        word = fold(words[k])
        strong = word in STRONG_TITLES or (
            word in ROLE_HEADS
            and (label == "PERSON" or words[k].islower())
            # "Star Wars" is no star called Wars; "Rapper Big Bank Hank" is a rapper.
            and (
                words[k].islower() or word in PREFIX_TITLES or end - k > 2 or words[k + 1] in people
            )
        )
        if strong and all(words[j].istitle() or words[j] == "-" for j in range(k + 1, end)):
            # "Love Island star Jade": what precedes the title names something else.
            prefix = _role_prefix_end(p, start, k)
            if prefix > start:
                found += _clean(p, start, prefix, "ORG", headline_end, people)
            start, titled = k + 1, True
            label = "PERSON"
            break
    if start >= end or not any(c.isalpha() for c in text_range(p, start, end)):
        return found
    if words[start].islower() and not is_acronym(words[start]):
        return found
    if start > 0 and fold(words[start - 1]) in STRONG_TITLES:
        titled = True
    folded = {fold(words[j]) for j in range(start, end)}
    # A title before it, or the parse ("Zoë Ngata-Ruiz and Łukasz Wróbel" came out as ORG).
    if (
        label in MISLABELLED_PERSON
        and end - start <= 3
        and not folded & ORG_WORDS
        and (titled or (end - start >= 2 and person_cue(p, start, end)))
    ):
        label = "PERSON"
    weak = cols.idx[start] < headline_end
    return [*found, Mention(start, end, label, "ner", weak=weak, titled=titled)]


def _person_start(p: Parsed, start: int, end: int) -> int:
    """Where a person's name begins inside a span spaCy called a person: after a
    capitalized verb or adverb opening the sentence ("Citing St. Paul") and after a
    lower-case word that is no name particle ("Variety that Bale": the name is "Bale")."""
    cols = p.cols
    while start + 1 < end and cols.tag[start] in _NOT_NAME_TAGS and cols.text[start].istitle():
        start += 1
    for j in range(end - 2, start, -1):
        if (
            cols.text[j].islower()
            and cols.is_alpha[j]
            and cols.lower[j] not in _PARTICLES
            and cols.text[j - 1] != "-"
        ):
            return j + 1
    return start


def _hyphenated_part(p: Parsed, start: int, i: int) -> bool:
    """Token `i` is the lower-case end of a hyphenated name ("jong" in "Kim Yo-jong",
    "un" in "Kim Jong-un"), not a compound's head ("Obama-era", "Acme-backed")."""
    cols = p.cols
    return (
        i - 2 >= start
        and cols.text[i - 1] == "-"
        and cols.is_alpha[i]
        and cols.text[i - 2].istitle()
        and not cols.tokens[i - 2].whitespace_
        and not cols.tokens[i - 1].whitespace_
        and not cols.lower[i].endswith("ed")
        and cols.lower[i] not in COMPOUND_TAILS
    )


def _role_prefix_end(p: Parsed, start: int, title: int) -> int:
    """Where the name before a title's modifiers ends: 'Love Island' in 'Love Island star'."""
    words = p.cols.text
    end = title
    while end > start and words[end - 1].islower():
        end -= 1
    while end > start and fold(words[end - 1]) in TITLE_WORDS:
        end -= 1
    return end if end > start and words[end - 1].istitle() else start
