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


#: A final double consonant that a suffix doubled ("cutting", "planned", "stopped"): undone
#: so that they meet "cut", "plan", "stop". Not l, s, z: "falling", "passed", "buzzing"
#: keep the double of "fall", "pass", "buzz".
_UNDOUBLED = frozenset("bdfgkmnprt")
#: Endings where a final "s" is no plural: "bus", "crisis", "process", "status".
_NOT_PLURAL = ("ss", "us", "is")
_SIBILANTS = ("ss", "x", "z", "ch", "sh")


@lru_cache(maxsize=1 << 14)
def stem(word: str) -> str:
    """A light suffix stripper: "agreed", "agrees", "agreeing" and "agree" are "agre";
    "cuts", "cutting" and "cut" are "cut"."""
    for suffix, repl, least in (
        ("ies", "y", 3),
        ("ied", "y", 3),
        ("ing", "", 4),
        ("ed", "", 4),
        ("es", "", 4),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            word = word[: len(word) - len(suffix)] + repl
            if suffix in ("ing", "ed") and word[-1] == word[-2] and word[-1] in _UNDOUBLED:
                word = word[:-1]
            break
    else:
        if word.endswith("es") and word[:-2].endswith(_SIBILANTS):
            word = word[:-2]  # "passes", "taxes", "crashes"
        elif word.endswith("s") and len(word) >= 4 and not word.endswith(_NOT_PLURAL):
            word = word[:-1] if word != "news" else word
    return word[:-1] if word.endswith("e") and len(word) > 4 else word
