"""Word shingles, their MinHash signature, LSH band keys and shared passages.

Wire copies and retellings share runs of words. An article's body is read as folded words
(lower case, no accents, no punctuation); every run of `SHINGLE_WORDS` consecutive words
is a shingle; the MinHash signature (`datasketch`) estimates the Jaccard overlap of two
articles' shingle sets from 128 numbers, and its LSH band keys let the store find the
articles that share a band without comparing with every article.

    >>> a = signature(shingles(words("The talks lasted roughly three quarters of an hour.")))
    >>> round(estimated_jaccard(a, a), 2)
    1.0
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np
from datasketch import MinHash

from newsprobe.corpus.names import fold

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "SHINGLE_WORDS",
    "Passage",
    "Word",
    "band_keys",
    "estimated_jaccard",
    "shared_passages",
    "shingles",
    "signature",
    "words",
]

#: Words per shingle. Four keeps a near-copy with a few words changed per paragraph above
#: 0.6 Jaccard on our composed wire copies, while two unrelated articles on the same event
#: share almost no four-word run that is not a name or a stock phrase.
SHINGLE_WORDS = 4
#: MinHash permutations; the Jaccard estimate's standard error is about 1/sqrt(128) = 0.09.
NUM_PERM = 128
#: LSH banding: 32 bands of 4 rows makes two articles with Jaccard 0.5 share a band with
#: probability 0.87, 0.3 with 0.23, 0.7 with 0.9999 (datasketch's `_optimal_param` for a
#: threshold of 0.4 with equal false positive and negative weights gives 32 x 4 as well).
BANDS, ROWS = 32, 4
_SEED = 1  # fixed: signatures stored today must compare with those computed tomorrow
# datasketch 2's default scheme: 32-bit values, a bijective permutation step. Named here
# because the scheme decides the values: stored signatures are only comparable within one.
_SCHEME = "affine32"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Word(NamedTuple):
    """A folded word and where it is in the text it was read from.

    A named tuple rather than a frozen dataclass: a cross-check reads every word of every
    article of the story, and building a frozen dataclass (three `object.__setattr__`
    calls) was half the cost of `words`.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of words two texts share: spans in each, and its length in words."""

    first: tuple[int, int]
    second: tuple[int, int]
    words: int


def words(text: str, *, offset: int = 0) -> list[Word]:
    """The words of `text`, folded for matching, with spans (plus `offset`)."""
    found: list[Word] = []
    for match in _WORD.finditer(text):
        word = match.group()
        # `fold` of a word of ASCII letters is its lower case (nothing to decompose, no
        # apostrophe or hyphen to split at); the shortcut skips its cache and two copies.
        if word.isascii() and word.isalpha():
            folded = word.lower()
        else:
            folded = fold(word).replace(" ", "").replace("'", "")
        if folded:
            found.append(Word(folded, offset + match.start(), offset + match.end()))
    return found


def shingles(seq: Sequence[Word], size: int = SHINGLE_WORDS) -> set[str]:
    """Every run of `size` consecutive words, as one string (one shingle for short text)."""
    texts = [w.text for w in seq]
    if len(texts) < size:
        return {" ".join(texts)} if texts else set()
    return {" ".join(texts[i : i + size]) for i in range(len(texts) - size + 1)}


@cache
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)


def signature(shingle_set: Iterable[str]) -> np.ndarray:
    """The MinHash signature of a set of shingles: `NUM_PERM` unsigned 32-bit values."""
    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM, seed=_SEED, permutations=template.permutations, scheme=_SCHEME
    )
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])
    values: np.ndarray = np.asarray(minhash.hashvalues, dtype=np.uint32)
    return values


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The share of equal signature positions: an estimate of the shingle sets' Jaccard.

    An empty text's signature is all maxima; two of them are not "the same text".
    """
    empty = np.iinfo(np.uint32).max
    if bool(np.all(a == empty)) or bool(np.all(b == empty)):
        return 0.0
    return float(np.count_nonzero(a == b)) / float(a.size)


def band_keys(sig: np.ndarray) -> list[str]:
    """One key per LSH band ("b07:1f2e3d4c5b6a7988"): equal keys, likely near-copies."""
    if bool(np.all(sig == np.iinfo(np.uint32).max)):
        return []
    keys = []
    for band in range(BANDS):
        chunk = np.ascontiguousarray(sig[band * ROWS : (band + 1) * ROWS]).tobytes()
        keys.append(f"b{band:02d}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def shared_passages(
    first: Sequence[Word], second: Sequence[Word], *, min_words: int
) -> list[Passage]:
    """Runs of at least `min_words` words that both texts contain, longest first.

    Each run is reported once, at its first place in `first` and in `second`.
    """
    size = min(SHINGLE_WORDS, min_words)
    # The folded words alone, as lists: slicing a list of strings into a tuple is one C
    # call, where a generator over `Word`s was most of this function's time.
    a, b = [w.text for w in first], [w.text for w in second]
    where: dict[tuple[str, ...], int] = {}
    for j in range(len(b) - size + 1):
        where.setdefault(tuple(b[j : j + size]), j)
    found: list[Passage] = []
    i = 0
    while i <= len(a) - size:
        at = where.get(tuple(a[i : i + size]))
        if at is None:
            i += 1
            continue
        j = at
        length = size
        while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
            length += 1
        if length >= min_words:
            found.append(
                Passage(
                    (first[i].start, first[i + length - 1].end),
                    (second[j].start, second[j + length - 1].end),
                    length,
                )
            )
        i += length
    found.sort(key=lambda p: -p.words)
    return found
