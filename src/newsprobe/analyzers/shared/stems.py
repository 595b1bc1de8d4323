"""One light suffix stripper for matching words across sentences and articles.

Cross-checking (`newsprobe.corpus`) compares content words of two outlets' sentences by
it, and the headline check compares a headline question's words with the body's: both
need "tampered" to meet "tampering" and "sabotaged" to meet "sabotage", and nothing as
heavy as a lemmatizer (no parse is at hand in cross-checking, and the stem must be the
same whichever sentence it came from). The stance model has its own stemmer: it is part
of that model's input and changes only with a retrained model.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["stem"]


@lru_cache(maxsize=1 << 14)
def stem(word: str) -> str:
    """A light suffix stripper: "agreed", "agrees", "agreeing" and "agree" are "agre"."""
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: len(word) - len(suffix)] + repl
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word
