"""Correction notices: the paragraphs in which an outlet records its own error.

"Correction: An earlier version of this article said 3,000 homes had been evacuated. The
council says the figure is more than 2,000." The notice repeats the wrong figure on
purpose. Read as reporting, it made "3,000 homes" a check-worthy claim of the article and,
in cross-checking, a second figure of the outlet's that disagreed with every other outlet
and with the article's own corrected one. Claims leave these paragraphs unscored and
cross-checking leaves their figures out; the notice itself stays in the text, where the
reader can see it.

A notice is a paragraph that opens with a label ("Correction:", "Clarification -",
"Editor's note:", "Update:") or with the words that say the article was changed ("An
earlier version of this article...", "This story has been corrected..."). It runs to the
end of its paragraph.

    >>> text = "Homes were evacuated.\\n\\nCorrection: An earlier version said 3,000 homes."
    >>> [text[s:e] for s, e in correction_notices(text)]
    ['Correction: An earlier version said 3,000 homes.']
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["correction_notices", "in_correction_notice"]

_ARTICLE = r"(?:article|story|report|piece|post|headline|caption)"
_ERRED = r"(?:said|stated|misstated|reported|gave|wrongly|incorrectly|misspelled|misidentified)"
_OPENING = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:"
    # a label, maybe with a date: "Correction:", "Update, 14:00:", "Correction (5 May) -"
    r"(?:corrections?|clarifications?|editor['’]?s['’]? note|update[d]?|amendment)"
    r"\s*(?:[,(][^:\n]{1,40})?\s*[:—–-]"
    # "An earlier version of this article...", "A previous story said", "An earlier version
    # gave"; not "the original story of the town"
    r"|(?:an?|the)\s+(?:earlier|previous|original)\s+(?:version\s+of\s+(?:this|the|our)\s+"
    + _ARTICLE
    + r"|(?:version|"
    + _ARTICLE
    + r")\s+"
    + _ERRED
    + r")\b"
    # "This story has been corrected"
    r"|this\s+" + _ARTICLE + r"\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:amended|corrected|updated|changed)\b"
    r")",
    re.IGNORECASE,
)
# A notice ends at its paragraph's end: a blank line, or the end of the text.
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
# "Update:" opens live-blog entries that report news; only an update that says what was
# changed about the article is a notice.
_UPDATE = re.compile(r"[ \t]*update[d]?\s*[:—–-]", re.IGNORECASE)
_SAYS_CHANGED = re.compile(
    r"\b(?:amended|corrected|correct(?:s|ing)?\s+an?\b|earlier\s+version|previously\s+"
    r"(?:said|stated|reported)|misstated|incorrectly)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def correction_notices(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each correction notice of `text`, in order."""
    found: list[tuple[int, int]] = []
    for match in _OPENING.finditer(text):
        start = match.start()
        if found and start < found[-1][1]:
            continue
        stop = _PARAGRAPH_END.search(text, match.end())
        end = stop.start() if stop else len(text.rstrip())
        notice = text[start:end]
        if _UPDATE.match(notice) and not _SAYS_CHANGED.search(notice):
            continue
        found.append((start + len(notice) - len(notice.lstrip()), end))
    return tuple(found)


def in_correction_notice(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a correction notice of `text`."""
    return any(s <= start and end <= e for s, e in correction_notices(text))
