"""The token attributes of one parse as plain Python lists, built once and shared.

spaCy creates a new `Token` object on every ``doc[i]`` and on every pass over a `Span`,
and each string attribute (``lower_``, ``tag_``...) is a lookup in the string store.
Twelve analyzers walking the same sentences pay that again and again; on the composed
benchmark corpus it was about a sixth of all analyzer time. `build_columns(doc)` reads
every attribute once into lists indexed by token position. The pipeline builds them once
per document and hands them to every analyzer as `Context.columns`
(`analyzers/shared/views.py`):

    >>> cols = ctx.columns
    >>> [cols.lower[i] for i in range(sent.start, sent.end) if cols.tag[i] == "MD"]
    ['may']

`columns(doc)` is the fallback for code that holds a bare `Doc` (a helper called outside
the pipeline, a training script, a test): it returns the copy cached in ``doc.user_data``
(the pipeline's, when the document went through one) or builds and caches one.

Layers the pipeline did not run come out empty ("" for tags, 0 for heads' offsets), just
as spaCy reports them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast, overload

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Columns", "TokenList", "build_columns", "columns"]

_KEY = "newsprobe.columns"


class TokenList(Sequence["Token"]):
    """``doc[i]`` for each position, each Token created on first use and kept.

    Most analyzers read the string columns; the few that need a Token (``like_num``,
    ``is_stop``, ``whitespace_``) ask for a handful, so creating all of them up front
    was wasted work (about a fifth of building the columns).
    """

    __slots__ = ("_doc", "_made")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._made: list[Token | None] = [None] * len(doc)

    def __len__(self) -> int:
        return len(self._made)

    def __iter__(self) -> Iterator[Token]:
        made = self._made
        if None in made:
            for i, token in enumerate(self._doc):
                if made[i] is None:
                    made[i] = token
        return iter(cast("list[Token]", made))

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._made)))]
        token = self._made[i]
        if token is None:
            token = self._made[i] = self._doc[i]
        return token


@dataclass(frozen=True, slots=True)
class Columns:
    """Per-token attributes of one document; index ``i`` is the token ``doc[i]``."""

    doc_text: str  # ``doc.text`` joins every token on each call
    tokens: TokenList
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


_IOB = ("", "I", "O", "B")  # spaCy's ENT_IOB codes
# The string attributes first (columns 0-6), then head offset, offset, IOB and three flags.
_ATTRS: list[int | str] = ["ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE"]
_ATTRS += ["HEAD", "IDX", "ENT_IOB", "IS_ALPHA", "IS_SPACE", "SPACY"]


def columns(doc: Doc) -> Columns:
    """The columns of `doc` for code outside the pipeline (analyzers read `ctx.columns`):
    the copy cached in ``doc.user_data``, built and cached on first use."""
    cached = doc.user_data.get(_KEY)
    if isinstance(cached, Columns) and len(cached.text) == len(doc):
        return cached
    built = build_columns(doc)
    doc.user_data[_KEY] = built
    return built


def build_columns(doc: Doc) -> Columns:
    """Every token attribute of `doc`, read once (uncached: see `columns`)."""
    # One array call instead of a Token and a property call per attribute per token.
    table = doc.to_array(_ATTRS)
    strings = doc.vocab.strings
    names = [[strings[h] for h in col] for col in table[:, :7].T.tolist()]
    text, lower, lemma, pos, tag, dep, ent_type = names
    position = range(len(text))
    heads = table[:, 7].astype("int64").tolist()  # offsets to the head, as two's complement
    built = Columns(
        # doc.text makes a Token per token; the same text, from the columns:
        doc_text="".join(
            word + " " if spaced else word
            for word, spaced in zip(text, table[:, 12].tolist(), strict=True)
        ),
        tokens=TokenList(doc),
        text=text,
        lower=lower,
        lemma=lemma,
        pos=pos,
        tag=tag,
        dep=dep,
        head=[i + offset for i, offset in zip(position, heads, strict=True)],
        idx=table[:, 8].tolist(),
        ent_iob=[_IOB[code] for code in table[:, 9].tolist()],
        ent_type=ent_type,
        is_alpha=[bool(flag) for flag in table[:, 10].tolist()],
        is_space=[bool(flag) for flag in table[:, 11].tolist()],
    )
    return built
