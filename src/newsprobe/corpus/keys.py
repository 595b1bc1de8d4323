"""Normalized lookup keys: the one spelling under which names are stored and looked up.

    >>> name_key("  Zoë  O'Neill-Brandt ")
    "zoe o'neill-brandt"

Case, accents and runs of spaces do not tell two names apart; everything else does.
Cross-checking builds its profile keys with the same function, so that a key it stores
and a name a reader types meet.
"""

from __future__ import annotations

import unicodedata

__all__ = ["name_key"]


def name_key(name: str) -> str:
    """`name` case-folded, without accents, with single spaces; "" for a blank name."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
