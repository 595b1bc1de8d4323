"""The dateline of a wire story: "VARN, Kestrava (Coastline Wire) - " before the first words.

Three analyzers need it and once kept three regexes that drifted apart: claims skip it
(a dateline is never a claim's subject), events read the place in it, and sensational
wording does not count its capitals as shouting. This module is the one grammar:

    PLACE [", " qualifier] ["(" outlet ")"] DASH

- PLACE: words in capitals ("VARN", "NEW YORK", "ST. LOUIS", "WINSTON-SALEM", "SÃO PAULO",
  "ΑΘΗΝΑ"), each of two characters or more. Scripts without capitals never make one.
- qualifier: up to 40 characters after a comma, on the same line ("Kestrava", "May 3",
  "Calif.").
- outlet: up to 60 characters in parentheses ("Coastline Wire", "AP").
- DASH: an en or em dash with or without spaces ("BEIRUT—"), or hyphens after a space
  (" - ", " --"); a hyphen inside a word ("US-led", "KLAS-TV") is no separator.

    >>> dateline_end("VARN, Kestrava (Coastline Wire) - Talks resumed.")
    34
    >>> dateline_place("HALVIK, Ostmark (Northern Wire) — The port reopened.")
    'HALVIK'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["dateline_end", "dateline_openings", "dateline_outlet", "dateline_place"]


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class body ("A-ZÀ-Ö...") listing `chars` as ranges."""
    points = sorted(map(ord, chars))
    parts: list[str] = []
    start = prev = points[0]
    for point in [*points[1:], -1]:
        if point != prev + 1:
            parts.append(chr(start) if start == prev else f"{chr(start)}-{chr(prev)}")
            start = point
        prev = point
    return "".join(parts)


# Capitals of the cased scripts below U+2000 (Latin, Greek, Cyrillic, Armenian, Georgian),
# so "SÃO PAULO" and "ΑΘΗΝΑ" are places as "VARN" is. Cherokee (U+13A0-U+13FF) is left
# out: its letters count as capitals, but its text is written in them throughout.
_UPPER = _char_class(
    c for c in map(chr, range(0x2000)) if c.isupper() and not "\u13a0" <= c <= "\u13ff"
)
_WORD = rf"[{_UPPER}][{_UPPER}'’.\-]*[{_UPPER}.]"
_PLACE = rf"{_WORD}(?: {_WORD})*"
_QUALIFIER = r"[^\S\n]*,[^\n()]{1,40}?"  # lazy: up to the first dash that separates
_OUTLET = r"[^\S\n]*\(([^()\n]{1,60})\)"
# A lone hyphen needs space on both sides: "AMZN -1.98%" is a share price, not a dateline.
_DASH = r"(?:[^\S\n]*(?:[–—]+|--+)|[^\S\n]+-(?!\S))\s*"

_DATELINE = re.compile(rf"({_PLACE})(?:{_QUALIFIER})?(?:{_OUTLET})?{_DASH}")
# What may follow a dateline's place: a qualifier's comma, an outlet's parenthesis, a
# dash, or the end of the line (a dateline or a byline on a line of its own).
_OPENING = re.compile(rf"(?m)^(?:By\s+)?{_PLACE}(?=\s*(?:,|\(|[—–-]|$))")


def dateline_end(text: str) -> int:
    """Length of the dateline `text` opens with, dash and following spaces included.

    Args:
        text: A paragraph or sentence, read from its first character.

    Returns:
        Where the story proper starts, or 0 when `text` opens with no dateline.
    """
    found = _DATELINE.match(text)
    return found.end() if found else 0


def dateline_place(text: str) -> str | None:
    """The place, as written, of the dateline `text` opens with ("VARN"), else None."""
    found = _DATELINE.match(text)
    return found.group(1) if found else None


def dateline_outlet(text: str) -> tuple[str, int, int] | None:
    """The outlet credited in the dateline `text` opens with, and its span.

        >>> dateline_outlet("KELLIN (Northgate Wire) - A fire broke out.")
        ('Northgate Wire', 8, 22)

    Wire copies keep the agency's dateline credit, so it tells who the words come from.
    """
    found = _DATELINE.match(text)
    if not found or found.group(2) is None:
        return None
    return found.group(2).strip(), found.start(2), found.end(2)


def dateline_openings(text: str) -> Iterator[tuple[int, int]]:
    """Where a line opens with a dateline's place or a byline ("By JANE DOE"), as (start, end).

    Looser than `dateline_end`: the line need only go on as a dateline does after its place
    (a comma, a parenthesis, a dash) or end there. Sensational wording uses it so that house
    style in capitals is not read as shouting; a false dateline costs one missed shout.
    """
    for found in _OPENING.finditer(text):
        yield found.start(), found.end()
