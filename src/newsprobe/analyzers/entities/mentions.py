"""The mention record and the parse the entity passes read, with the helpers on both.

Every pass of the entities analyzer (clean spaCy's spans, recover missed names, merge,
repeat, roles) works on the same two things: `Mention`, a token range with a label and
where it came from, and `Parsed`, one article's parse in shared token columns. This module
holds them and the small questions every pass asks of them: the text of a token range,
which characters a mention already covers, whether a token is a bare name, whether the
parse says a name is a person.

    >>> p = Parsed.of(doc, text)
    >>> mention_text(p, Mention(0, 2, "PERSON", "ner"))
    'Ana Ruiz'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprobe.analyzers.entities.name_forms import fold
from newsprobe.analyzers.entities.words import ROLE_HEADS, SPEECH_VERBS, TITLE_WORDS
from newsprobe.analyzers.shared.tokens import Columns, columns

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Mention",
    "Parsed",
    "bare_name",
    "mention_text",
    "person_cue",
    "take",
    "taken_by",
    "text_range",
]


@dataclass(slots=True)
class Mention:
    """A name in the text over tokens ``[start, end)``, as one pass found it."""

    start: int  # first token
    end: int  # one past the last token
    label: str
    source: str  # "ner", "recovered", "acronym", "repeated"; "absorbed" into a longer one
    weak: bool = False  # in a Title Case headline: kept only if it joins a body entity
    titled: bool = False  # a courtesy or office title stands before it


@dataclass(frozen=True, slots=True)
class Parsed:
    """One article's parse as the entity passes read it, built once per article.

    ``doc[i]`` makes a new Token object and ``Doc.text`` joins every token again on each
    call, so the passes index the shared token columns and keep one copy of the text.
    """

    doc: Doc
    cols: Columns
    text: str

    @classmethod
    def of(cls, doc: Doc, text: str, cols: Columns | None = None) -> Parsed:
        """The parse `doc` of `text` (the article text the pipeline parsed), with its
        columns (`ctx.columns`; built from `doc` when not given)."""
        cols = cols if cols is not None else columns(doc)
        if not cols.text or len(text) != cols.idx[-1] + len(cols.tokens[-1].text_with_ws):
            text = doc.text  # not the parse of `text` after all: trust the parse
        return cls(doc, cols, text)

    def __len__(self) -> int:
        return len(self.cols.text)

    def end_char(self, i: int) -> int:
        """Character offset just after token `i`."""
        return self.cols.idx[i] + len(self.cols.text[i])


def bare_name(p: Parsed, i: int) -> bool:
    """Token `i` is a capitalized proper noun outside any entity, and not a title."""
    cols = p.cols
    return (
        cols.ent_iob[i] == "O"
        and cols.tag[i] == "NNP"
        and cols.text[i].istitle()  # what Token.is_title computes
        and fold(cols.text[i]) not in TITLE_WORDS
    )


def text_range(p: Parsed, start: int, end: int) -> str:
    """The text of tokens `[start, end)`, as ``doc[start:end].text`` gives it."""
    if start >= end:
        return ""
    return p.text[p.cols.idx[start] : p.end_char(end - 1)]


def mention_text(p: Parsed, mention: Mention) -> str:
    """The text of `mention`, as the article writes it."""
    return text_range(p, mention.start, mention.end)


def taken_by(p: Parsed, mentions: list[Mention]) -> bytearray:
    """Which characters already belong to a mention (so later passes never overlap)."""
    taken = bytearray(len(p.text) + 1)
    for m in mentions:
        take(p, m, taken)
    return taken


def take(p: Parsed, m: Mention, taken: bytearray) -> None:
    """Mark the characters of `m` in `taken` as belonging to a mention."""
    start, end = p.cols.idx[m.start], p.end_char(m.end - 1)
    taken[start:end] = b"\x01" * (end - start)


def person_cue(p: Parsed, start: int, end: int) -> bool:
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
