"""spaCy's attribute ruler and lemmatizer, run once per kind of token instead of per token.

In `en_core_web_sm` the attribute ruler (tag -> part of speech and morphology, plus a few
exceptions) and the rule lemmatizer cost a quarter of the whole parse: both are Python
loops over every token of every article. Yet what they write on a token depends only on
that token (its form, tag, dependency label and what was already set), except for a few
two-word exceptions ("gon na", "there is"). So this component runs the model's own two
components on a token the first time its kind is seen, remembers the result, and writes
remembered results back with one array call. Tokens that a multi-word exception can touch
are computed afresh, in a window wide enough to hold every such exception.

The output is the same as the two components' (`tests/test_attribute_cache.py` compares
every token attribute on articles, and `benchmarks/attribute_cache_check.py` on real news).
A model whose rules read more than the token itself (a pattern on a neighbour's entity
type, a repeat operator...) is not memoized: the component then just runs the two
components in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["NAME", "AttributeCache", "install"]

#: Name of the component in the pipeline, in place of `attribute_ruler` and `lemmatizer`.
NAME = "newsprobe_attributes"

#: Pattern keys that depend on nothing but the token's own form, tag and label.
_OWN_KEYS = frozenset(
    {"ORTH", "TEXT", "LOWER", "TAG", "DEP", "IS_SPACE", "IS_ALPHA", "IS_DIGIT",
     "IS_PUNCT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "LIKE_NUM", "LENGTH", "SHAPE",
     "PREFIX", "SUFFIX"}
)  # fmt: skip

#: Distinct kinds of token remembered before the memory is cleared (about 40 MB).
_MAX_KINDS = 200_000


class AttributeCache:
    """Both components as one pipeline step, memoized per (form, tag, label, prior state).

    Args:
        ruler: the model's trained `attribute_ruler`.
        lemmatizer: the model's `lemmatizer` (run after the ruler, as in the model).
    """

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.lemmatizer = lemmatizer
        # The state a token is in before the two components, and what they write.
        self._read = [ORTH, TAG, DEP, POS, MORPH, LEMMA]
        self._write = [TAG, DEP, POS, MORPH, LEMMA]
        self._kinds: dict[tuple[int, ...], list[int]] = {}
        # Kinds learned inside a spaCy memory zone, and those to check once it has ended.
        self._zone_kinds: list[tuple[int, ...]] | None = None
        self._recheck: list[tuple[int, ...]] = []
        patterns = [cast(list[list[dict[str, Any]]], p["patterns"])[0] for p in ruler.patterns]
        self.memoized = _memoizable(patterns) and getattr(lemmatizer, "mode", "") in (
            "rule",
            "lookup",
        )
        # Multi-word exceptions: tokens they match are computed in context, not memoized.
        self._reach = max((len(p) for p in patterns), default=1)
        self._multi = Matcher(ruler.vocab)
        for i, pattern in enumerate(p for p in patterns if len(p) > 1):
            self._multi.add(f"newsprobe_multi_{i}", [pattern])

    def __call__(self, doc: Doc) -> Doc:
        if not self.memoized:
            return self.lemmatizer(self.ruler(doc))
        import numpy as np

        kinds = self._kinds
        if len(kinds) > _MAX_KINDS:
            kinds.clear()
        if self._recheck:
            # A zone opened without `nlp.parse.memory_zone` (which checks right after
            # it): check now, before any remembered kind is written onto a token.
            self.forget_freed(doc.vocab)
        keys = [tuple(row) for row in doc.to_array(self._read).tolist()]
        new = [key for key in dict.fromkeys(keys) if key not in kinds]
        if new:
            self._learn(doc.vocab, new)
        after = [kinds[key] for key in keys]
        for i in self._in_multiword_rules(doc):
            start = max(0, i - self._reach + 1)
            after[i] = self._apply(doc.vocab, keys[start : i + self._reach])[0][i - start]
        if after:
            doc.from_array(self._write, cast(Any, np.array(after, dtype=np.uint64)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _learn(self, vocab: Vocab, keys: list[tuple[int, ...]]) -> None:
        """Remember what the components write on each new kind of token.

        The new kinds are run side by side in one scratch document, as cheap as running
        the components once; the few that a multi-word rule matched there, by accident of
        being neighbours, are run again alone.
        """
        rows, piece = self._apply(vocab, keys)
        for j in self._in_multiword_rules(piece):
            rows[j] = self._apply(vocab, [keys[j]])[0][0]
        self._kinds.update(zip(keys, rows, strict=True))
        if self._zone_kinds is not None:
            self._zone_kinds.extend(keys)

    @contextmanager
    def memory_zone(self, mem: object = None) -> Iterator[None]:
        """Called by spaCy's ``nlp.memory_zone()``: note the kinds learned inside it.

        Their form, lemma or morphology may be a string the zone frees at its end; such
        a kind must be forgotten (`forget_freed`, best called right after the zone),
        while kinds made only of lasting strings stay remembered across zones.
        """
        self._zone_kinds = []
        try:
            yield
        finally:
            self._recheck.extend(self._zone_kinds)
            self._zone_kinds = None

    def forget_freed(self, vocab: Vocab) -> None:
        """Forget the kinds learned in memory zones that name a string no longer stored.

        Exact only outside any zone: inside one, a freed string the new text brings back
        (transiently) would let a stale kind pass.
        """
        strings = vocab.strings
        for key in self._recheck:
            row = self._kinds.get(key)
            # key: ORTH, TAG, DEP, POS, MORPH, LEMMA; row: TAG, DEP, POS, MORPH, LEMMA.
            # Every one is checked: a morphology string first met inside the zone is freed
            # with it too (a stale MORPH hash gave "[E018] Can't retrieve string").
            if row is not None and not all(h == 0 or h in cast(Any, strings) for h in (*key, *row)):
                del self._kinds[key]
        self._recheck = []

    def _apply(self, vocab: Vocab, keys: list[tuple[int, ...]]) -> tuple[list[list[int]], Doc]:
        """The components' output on a run of tokens, each given as its key: form, then
        the prior state (tag, label, part of speech, morphology, lemma)."""
        import numpy as np
        from spacy.tokens import Doc as SpacyDoc

        piece = SpacyDoc(vocab, words=[vocab.strings[key[0]] for key in keys])
        prior = np.array([key[1:] for key in keys], dtype=np.uint64)
        piece.from_array(self._write, cast(Any, prior))
        self.lemmatizer(self.ruler(piece))
        return piece.to_array(self._write).tolist(), piece

    def _in_multiword_rules(self, doc: Doc) -> set[int]:
        touched: set[int] = set()
        if len(self._multi):
            for _, start, end in self._multi(doc, allow_missing=True):
                touched.update(range(start, end))
        return touched


def _memoizable(patterns: list[list[dict[str, Any]]]) -> bool:
    """Whether every pattern reads only its own tokens' attributes, with no operators."""
    return all(
        isinstance(token, dict) and "OP" not in token and set(token) <= _OWN_KEYS
        for pattern in patterns
        for token in pattern
    )


def install(nlp: Language) -> None:
    """Put one `AttributeCache` step where the model's ruler and lemmatizer were."""
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer

    if NAME in nlp.pipe_names or not {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        return
    if not isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler) or not isinstance(
        nlp.get_pipe("lemmatizer"), Lemmatizer
    ):
        return
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_from_pipeline)
    nlp.add_pipe(NAME, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")


def _from_pipeline(nlp: Language, name: str) -> AttributeCache:
    """spaCy factory: wrap the ruler and lemmatizer already in `nlp`."""
    ruler = cast("AttributeRuler", nlp.get_pipe("attribute_ruler"))
    return AttributeCache(ruler, cast("Lemmatizer", nlp.get_pipe("lemmatizer")))
