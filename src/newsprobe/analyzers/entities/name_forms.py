"""Name strings put in the form they are compared in: folded, aliased, abbreviated.

The entity passes decide that two mentions name one thing by comparing strings: "Zoë" and
"Zoe", "U.S." and "United States", "FBI" and "Federal Bureau of Investigation". These pure
functions of a name (no parse needed) are that comparison, apart from where it is used.

    >>> alias_key("U.S.")
    'united states'
    >>> fold("Ms. Zoë Ngata-Ruiz's")
    "ms zoe ngata-ruiz's"
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsprobe.analyzers.entities.words import ALIAS_GROUPS, FUNCTION_WORDS

__all__ = ["alias_key", "fold", "initials", "is_acronym", "preferred_name"]

_ALIAS_OF = {alias: key for key, aliases in ALIAS_GROUPS.items() for alias in (key, *aliases)}
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # a pure function of a word, asked for the same words again and again
def fold(text: str) -> str:
    """Casefolded, accent-free, dot-free form of a name, used only to compare names."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Letters NFKD does not decompose but people still type without their stroke.
    plain = plain.translate(str.maketrans("łŁøØđĐßæÆ", "lLoOdDsaA"))
    return _SPACES.sub(" ", plain.replace(".", " ").replace("  ", " ")).strip().casefold()


def alias_key(text: str) -> str | None:
    """The alias group a name belongs to, or None when it is in no group."""
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    return _ALIAS_OF.get(key) or _ALIAS_OF.get(key.replace(" ", ""))


_ACRONYM = re.compile(r"[A-Z](?:[A-Z&]|\.(?=[A-Z]))*\.?")


@lru_cache(maxsize=4096)  # pure, and asked again for every surface of every entity
def is_acronym(text: str) -> bool:
    """'ECB', 'U.S.', 'AT&T': two to eight capitals, nothing else."""
    letters = sum(c.isalpha() for c in text)
    return 2 <= letters <= 8 and _ACRONYM.fullmatch(text) is not None


@lru_cache(maxsize=4096)  # pure; the acronym test asks it of every surface, for every acronym
def initials(name: str) -> frozenset[str]:
    """The acronyms a name can be shortened to, with and without its small words.

    >>> sorted(initials("Federal Bureau of Investigation"))
    ['FBI', 'FBOI']
    """
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()]
    if words and words[0].lower() == "the":
        words = words[1:]
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in FUNCTION_WORDS).upper()
    return frozenset((every, content))


def preferred_name(texts: list[str]) -> str:
    """The fullest form: most words, then longest, avoiding ALL CAPS when another exists."""
    mixed = [t for t in texts if not t.isupper()] or texts
    return max(mixed, key=lambda t: (len(t.split()), len(t), -texts.index(t)))
