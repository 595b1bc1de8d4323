"""The header lines of a plain-text article: byline, outlet and date.

Text copied out of a page or a newsroom system usually keeps, between the headline and
the first paragraph, a byline and a date, often on one line: "By Ana Ruiz | Harbour
Courier | 14 March 2026", "By Ana Ruiz, transport correspondent", "Published: 14 March
2026 09:30". Left in the body, those lines are read as a sentence, the article has no
date (so cross-checking cannot tell a copy from its original) and no outlet (so every
outlet that carries it counts as its own voice). They are lifted here into the fields
`Article` has, and only when every part of the line reads as header: a sentence that
opens with "By" ("By Tuesday the river had risen") stays in the body.

    >>> header, body = read_header("By Ana Ruiz | Harbour Courier | 14 March 2026\\n\\nText.")
    >>> header.authors, header.outlet, header.published, body
    (['Ana Ruiz'], 'Harbour Courier', '14 March 2026', 'Text.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprobe.ingest.fields import parse_published
from newsprobe.ingest.outlet_words import OUTLET_WORDS

__all__ = ["Header", "read_header"]

#: Header lines are at the top: a byline and a date line at most, with a spare line for
#: a "Updated ..." line beside "Published ...".
_MAX_HEADER_LINES = 3
#: A byline with names, role, outlet and a date with its time runs to about 20 words in
#: the bylines we composed from common page layouts; a longer line is prose.
_MAX_BYLINE_WORDS = 24
#: A date line ("Published: Saturday 14 March 2026 09.30 GMT") is short.
_MAX_DATE_WORDS = 9
#: An outlet's name is short ("The Northgate Ledger", "Ashby Evening Post").
_MAX_OUTLET_WORDS = 6

#: A role after a name: "transport correspondent", "senior reporter in Geneva".
_MAX_ROLE_WORDS = 4
_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
     "tomorrow", "yesterday", "then", "now", "noon", "midnight", "dawn", "nightfall"}
)  # fmt: skip
# "By", and its French, German, Spanish and Italian words: "Par Claire Morel | Le Courrier
# du Nord | 2 décembre 2026". A line of prose opening with them ("Par ailleurs, ...", "Von
# der Leyen said") names no one in capitals and is not read as a byline (`_names`).
_BY = re.compile(r"^(?:by|written by|par|von|por|di)\s+", re.IGNORECASE)
# Parts of a byline line are set apart by a bar, a bullet, a middle dot or a spaced dash;
# a comma separates names (and a name from its role) inside the first part.
_PARTS = re.compile(r"\s+[|•·]\s+|\s+[—–-]\s+|\s*\|\s*")
_NAMES = re.compile(r"\s*(?:,|\band\b|&)\s*")
# A byline line of an outlet and its date, without "By" ("Le Matin du Nord | 14 mars
# 2026"): only bars, bullets and middle dots set its parts apart, never a dash, so that a
# dateline ("KESSPORT - A crane ...") is not read as one.
_BARS = re.compile(r"\s*[|•·]\s*")
# A byline that names no one: "By staff", "By our correspondent", "By a staff writer".
_UNNAMED = re.compile(
    r"^(?:(?:our|a|an|the)\s+)?(?:staff|(?:staff|special|foreign|political)\s+)?"
    r"(?:reporters?|writers?|correspondents?|staff|news\s*desk|web\s*desk|editors?)$",
    re.IGNORECASE,
)
# "By Ana Ruiz in Geneva": where the reporter filed from is no part of the name.
_FILED_FROM = re.compile(r"\s+(?:in|at)\s+[A-Z][\w .'-]*$")
# Lowercase words that belong inside names ("Ana de la Cruz", "Omar bin Said").
_NAME_PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le",
     "van", "von", "bin", "ibn", "al", "el", "y", "zu", "ter", "ten"}
)  # fmt: skip
_DATE_LABEL = re.compile(
    r"^(?:(?:first\s+)?published|updated|last\s+updated|posted|modified|date)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# What makes a part a date rather than a name: a year, a day with its month, or an ISO date.
_DATE_LIKE = re.compile(
    rf"\b(?:19|20)\d\d\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\b|\b(?:{_MONTH})\.?\s+\d{{1,2}}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Header:
    """What the header lines said; the date is kept as written, for `with_published`."""

    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None


def read_header(body: str) -> tuple[Header, str]:
    """(the header read off the top of `body`, the body without those lines).

    Lines are read from the top while each is a byline or a date line; the first line
    that is neither ends the header. Nothing is lifted from a body that would be left
    empty.
    """
    lines = body.split("\n")
    authors: list[str] = []
    outlet: str | None = None
    published: str | None = None
    used = 0  # lines consumed, blank ones included
    seen = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if seen == _MAX_HEADER_LINES:
            break
        date = _date_line(line)
        byline = None if date is not None else _byline(line) or _outlet_line(line)
        if date is not None:
            published = published or date
        elif byline is not None and not authors:
            names, line_outlet, line_date = byline
            authors, outlet = names, outlet or line_outlet
            published = published or line_date
        else:
            break
        seen += 1
        used = index + 1
    rest = "\n".join(lines[used:]).strip()
    if not used or not rest:
        return Header(), body
    return Header(authors=authors, outlet=outlet, published=published), rest


def _date_line(line: str) -> str | None:
    """The date of a line that is only a date ("Published: 14 March 2026 09:30")."""
    if len(line.split()) > _MAX_DATE_WORDS:
        return None
    text = _DATE_LABEL.sub("", line).strip()
    return text if _is_date(text) else None


def _is_date(text: str) -> bool:
    return bool(_DATE_LIKE.search(text)) and parse_published(text)[0] is not None


def _byline(line: str) -> tuple[list[str], str | None, str | None] | None:
    """(names, outlet, date) of a byline line, or None when a part is not header."""
    if not _BY.match(line) or len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    first, *others = _PARTS.split(_BY.sub("", line).strip())
    first, outlet = _outlet_after_comma(first)
    names: list[str] = [] if _UNNAMED.match(first.strip()) else _names(first)
    if not names and not _UNNAMED.match(first.strip()):
        return None
    date: str | None = None
    for part in (p.strip() for p in others):
        if not part:
            continue
        if date is None and _is_date(_DATE_LABEL.sub("", part)):
            date = _DATE_LABEL.sub("", part).strip()
        elif outlet is None and _is_outlet(part):
            outlet = part
        else:
            return None  # a part that is neither: not a byline after all
    return names, outlet, date


def _outlet_after_comma(part: str) -> tuple[str, str | None]:
    """(the names, the outlet) of a byline's first part that ends in an outlet after a
    comma ("Petra Lind, Harbourline News", "staff, Northgate Daily"); the part unchanged
    and None when its last piece is no outlet ("Ana Ruiz, transport correspondent",
    "Ana Ruiz, Tomas Brenner")."""
    head, comma, tail = part.rpartition(",")
    tail = tail.strip()
    named = any(word.lower() in OUTLET_WORDS for word in tail.split())
    if comma and head.strip() and _is_outlet(tail) and named:
        return head, tail
    return part, None


def _outlet_line(line: str) -> tuple[list[str], str | None, str | None] | None:
    """(no names, outlet, date) of a line that is only an outlet and a date set apart
    by a bar ("Le Matin du Nord | 14 mars 2026", "14.03.2026 · Nordkurier"), else None."""
    parts = [p for p in _BARS.split(line) if p]
    if len(parts) != 2 or len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    for outlet, date in (parts, parts[::-1]):
        text = _DATE_LABEL.sub("", date).strip()
        if _is_date(text) and _is_outlet(outlet) and len(_PARTS.split(outlet)) == 1:
            return [], outlet, text
    return None


def _names(part: str) -> list[str]:
    """Names in the first part of a byline; short pieces of ordinary words are roles
    ("transport correspondent"), anything longer is prose and no byline at all."""
    if part.endswith((".", "!", "?")) and len(part.split()[-1]) > 3:  # not "A.P."
        return []
    names: list[str] = []
    for piece in _NAMES.split(part.strip()):
        piece = _FILED_FROM.sub("", piece.strip())
        words = piece.split()
        if not words:
            continue
        if _DATE_LIKE.search(piece) or words[0].lower() in _DAYS:
            return []  # "By Tuesday, ...", "By 14 March the river had risen"
        if all(w[:1].isupper() or w in _NAME_PARTICLES for w in words) and len(words) <= 5:
            names.append(piece)
        elif not names or len(words) > _MAX_ROLE_WORDS:
            return []  # the first piece must be a name; a long piece is a sentence
    return names


def _is_outlet(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= _MAX_OUTLET_WORDS and part[:1].isupper() and not part.endswith(".")
