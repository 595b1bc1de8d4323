"""Names spaCy did not tag: the second pass of the entities analyzer.

Two kinds of mention are added. A run of capitalized proper nouns is kept as a person when
the parse says so (a title before it, an appositive role, the subject of "said"). And
"Name (ACR)" pairs the acronym with the name it follows, adding whichever of the two spaCy
missed; the pairs are merged into one entity later, by `aliases.cluster`.

    >>> mentions += recover_people(p, taken, headline_end)
    >>> pairs += parenthesized_acronyms(p, mentions, taken)
"""

from __future__ import annotations

from newsprobe.analyzers.entities.mentions import Mention, Parsed, person_cue, take, text_range
from newsprobe.analyzers.entities.name_forms import fold, initials, is_acronym
from newsprobe.analyzers.entities.words import (
    FUNCTION_WORDS,
    HONORIFICS,
    INSTITUTION_HEADS,
    NOT_NAME_WORDS,
    PAGE_WORDS,
    POSSESSIVE_TAILS,
    PREFIX_TITLES,
    ROLE_HEADS,
)
from newsprobe.analyzers.shared.lexicon_files import load_words

__all__ = ["parenthesized_acronyms", "recover_organizations", "recover_people"]

#: The last word of an organization's name, when capitalized after capitalized words:
#: "the Strait Mariners' Union", "Harbour Pilots Association", "Velden Chamber of Trade".
_ORG_HEADS = INSTITUTION_HEADS | load_words("entities/org_heads")


def recover_people(p: Parsed, taken: bytearray, headline_end: int) -> list[Mention]:
    """Runs of capitalized proper nouns spaCy skipped that the parse says are people."""
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


def recover_organizations(p: Parsed, taken: bytearray, headline_end: int) -> list[Mention]:
    """Capitalized runs spaCy skipped that end in an institution's head noun.

    spaCy's small model misses names like "the Strait Mariners' Union" (a possessive
    inside, a rare word in front): a quote's speaker then speaks for nobody. A run counts
    when a capitalized institution noun ("Union", "Association", "Chamber") follows at
    least one other capitalized word, possessives included, and may go on with "of" or
    "for" and capitalized words ("Chamber of Trade").
    """
    cols = p.cols
    words, lower, n = cols.text, cols.lower, len(p)
    found: list[Mention] = []
    for i in range(1, n):
        if (
            lower[i] not in _ORG_HEADS  # first: most tokens fail here
            or not words[i].istitle()
            or taken[cols.idx[i]]
            or cols.idx[i] < headline_end
        ):
            continue
        start = i
        while start > 0:
            k = start - 1
            if lower[k] in POSSESSIVE_TAILS and k > 0 and _capitalized(p, k - 1, taken):
                start = k - 1  # "Mariners' Union"
            elif _capitalized(p, k, taken):
                start = k
            else:
                break
        if start == i:
            continue  # "Union leaders said": a bare noun at the start of a sentence
        end = i + 1
        while end + 1 < n and lower[end] in ("of", "for") and _capitalized(p, end + 1, taken):
            end += 2
            while end < n and _capitalized(p, end, taken):
                end += 1
        mention = Mention(start, end, "ORG", "recovered")
        found.append(mention)
        take(p, mention, taken)
    return found


def _capitalized(p: Parsed, i: int, taken: bytearray) -> bool:
    cols = p.cols
    return (
        cols.tag[i] in ("NNP", "NNPS")
        and cols.text[i][:1].isupper()
        and cols.is_alpha[i]
        and not taken[cols.idx[i]]
    )


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
    word = p.cols.text[start - 1] if start > 0 else ""
    before = fold(word)
    # A capitalized role noun is a title before one word only if it is a form of address:
    # "Coach Ruiz", but "Star Wars" is no star called Wars.
    titled = before in HONORIFICS or (
        before in ROLE_HEADS and (word.islower() or before in PREFIX_TITLES or end - start >= 2)
    )
    if titled or (end - start >= 2 and person_cue(p, start, end)):
        return Mention(start, end, "PERSON", "recovered", titled=titled)
    return None


def parenthesized_acronyms(
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
        if lower[i + 1] in PAGE_WORDS:  # "Scar Found In Spider Bite (VIDEO)"
            continue
        name_end = i - 1 if lower[i - 1] in POSSESSIVE_TAILS else i
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
