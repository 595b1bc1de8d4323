"""The office or job the text gives a person: the last pass of the entities analyzer.

"national security adviser Jane Doe", "Jane Doe, the national security adviser,", "the
company's chief executive, Ana Ruiz": the role phrase is read from the parse around a
person's mention, with its span, so a report can show who the article says someone is.

    >>> role, span = role_for(p, start, end)  # "Jane Doe" in "Security adviser Jane Doe said"
    >>> role
    'security adviser'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.analyzers.entities.mentions import Parsed, text_range
from newsprobe.analyzers.entities.name_forms import fold
from newsprobe.analyzers.entities.words import HONORIFICS, ROLE_HEADS
from newsprobe.findings import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["role_for"]

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def role_for(p: Parsed, start: int, end: int) -> tuple[str, Span] | None:
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
    # A hyphen left first: the walk stopped inside a compound ("editor-in-chief",
    # "four-star general"). Take the compound whole: every token glued to the next.
    if words[first] == "-":
        while (
            first > 0
            and not tokens[first - 1].whitespace_
            and (alpha[first - 1] or words[first - 1] == "-")
        ):
            first -= 1
        if words[first] == "-":
            first += 1
    return first


def _of_end(p: Parsed, head: int) -> int:
    """Keep 'of state' in 'secretary of state' but not 'of Acme Holdings'."""
    cols = p.cols
    if head + 2 < len(p) and cols.lower[head + 1] == "of":
        nxt = head + 2
        if cols.is_alpha[nxt] and not _in_name(p, nxt) and cols.pos[nxt] in ("NOUN", "PROPN"):
            return head + 2
    return head
