"""The token attributes of one parse as plain Python lists, built once and shared.

spaCy creates a new `Token` object on every ``doc[i]`` and on every pass over a `Span`,
and each string attribute (``lower_``, ``tag_``...) is a lookup in the string store.
Twelve analyzers walking the same sentences pay that again and again; on the composed
benchmark corpus it was about a sixth of all analyzer time. `columns(doc)` reads every
attribute once per document into lists indexed by token position, and caches them on the
document, so every analyzer of the article shares one copy:

    >>> cols = columns(doc)
    >>> [cols.lower[i] for i in range(sent.start, sent.end) if cols.tag[i] == "MD"]
    ['may']

Layers the pipeline did not run come out empty ("" for tags, 0 for heads' offsets), just
as spaCy reports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Columns", "columns"]

_KEY = "newsprobe.columns"


@dataclass(frozen=True, slots=True)
class Columns:
    """Per-token attributes of one document; index ``i`` is the token ``doc[i]``."""

    doc_text: str  # ``doc.text`` joins every token on each call
    tokens: list[Token]
    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    idx: list[int]
    ent_iob: list[str]
    ent_type: list[str]
    is_alpha: list[bool]
    is_space: list[bool]

    def end_char(self, i: int) -> int:
        """Character offset just after token `i`."""
        return self.idx[i] + len(self.text[i])

    def span_text(self, span: SpacySpan) -> str:
        """``span.text`` without walking its tokens."""
        return self.doc_text[span.start_char : span.end_char]


def columns(doc: Doc) -> Columns:
    """The shared columns of `doc`, built on first use and cached in ``doc.user_data``."""
    cached = doc.user_data.get(_KEY)
    if isinstance(cached, Columns) and len(cached.tokens) == len(doc):
        return cached
    tokens = list(doc)
    built = Columns(
        doc_text=doc.text,
        tokens=tokens,
        text=[t.text for t in tokens],
        lower=[t.lower_ for t in tokens],
        lemma=[t.lemma_ for t in tokens],
        pos=[t.pos_ for t in tokens],
        tag=[t.tag_ for t in tokens],
        dep=[t.dep_ for t in tokens],
        head=[t.head.i for t in tokens],
        idx=[t.idx for t in tokens],
        ent_iob=[t.ent_iob_ for t in tokens],
        ent_type=[t.ent_type_ for t in tokens],
        is_alpha=[t.is_alpha for t in tokens],
        is_space=[t.is_space for t in tokens],
    )
    doc.user_data[_KEY] = built
    return built
