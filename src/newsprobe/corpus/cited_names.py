"""The names of cited outlets as a provenance graph shows them: one node per outlet.

Real coverage names one outlet many ways: "CBC", "The CBC" and "CBC News"; "the
Canadian Press", "Canadian Press", "the Canadian Press news agency" and (a weekday run
on) "The Canadian Press Thursday"; "Canada's Globe And Mail" and "the Globe and Mail".
`node_key` reads them as one outlet and `display_names` picks the spelling a node shows.
`cited_name` turns away what is no outlet's name although the attribution analyzer's
source reads like one, each seen on real coverage of one shooting (30 FNC-1 bodies):

- a photo caption run into the next paragraph ("Picture from the Twitter account of CBC
  Ottawa\\nCanadian Prime Minister ...": the name ends at its line);
- a post quoted from social media ("RT @storyfulpro:"): a handle, not an outlet;
- a person with a title ("White House Press Secretary Josh Earnest");
- an outlet word alone ("local TV reported", "Mail" cut from "The Globe and Mail",
  which is read whole again from the words before it).

    >>> node_key("the Canadian Press news agency") == node_key("The Canadian Press Thursday")
    True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsprobe.analyzers.attribution.source_kinds import looks_like_outlet
from newsprobe.corpus.view import outlet_key

__all__ = ["cited_name", "display_names", "node_key"]

# Words after an outlet's name that name no other outlet: its kind ("CBC News", "the
# Canadian Press news agency") or a weekday the sentence ran on with ("told the Canadian
# Press Thursday"). "Fox" and "Fox News", "NBC" and "NBC News" are one outlet each.
_TRAILING = re.compile(
    r"(?:\s+(?:news\s+agency|news\s+service|news\s+channel|news|newspaper|agency|network|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday))+$"
)
# A country or city owning the name: "Canada's Globe and Mail", "Britain's Daily Mail".
_OWNER = re.compile(r"^[a-z]+(?:\s+[a-z]+)?['’]s\s+")
# Titles and roles of people, whose names may hold an outlet word ("Press Secretary").
_PERSON_TITLES = frozenset(
    """secretary spokesman spokeswoman spokesperson reporter correspondent editor
    columnist anchor presenter minister president senator governor mayor chief director
    officer sergeant constable""".split()
)
# Outlet words that name no outlet alone, after "the", "local", "state"...
_BARE = frozenset("tv radio television press media news mail paper newspaper wire".split())
_LEADS = frozenset("the a local state national regional".split())
#: An outlet's name has at most this many words ("the Canadian Press news agency": five);
#: a longer "name" is a caption or a sentence the source ran into.
MAX_NAME_WORDS = 6
# Capitalised words and "and" right before a name: "The Globe and " before "Mail".
_JOINED_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+)+(?:and|&)\s+)$")


# Agencies cited by their initials as often as by name.
_INITIALS = {
    "ap": "associated press",
    "afp": "agence france-presse",
    "agence france presse": "agence france-presse",
    "pa": "press association",
    "dpa": "deutsche presse-agentur",
    "upi": "united press international",
}


def node_key(name: str) -> str:
    """The key one outlet's spellings share: `outlet_key`, without an owner before the
    name or a kind or weekday after it, agencies' initials spelled out."""
    key = _OWNER.sub("", outlet_key(name))
    key = _TRAILING.sub("", key).removeprefix("the ").strip() or outlet_key(name)
    return _INITIALS.get(key, key)


def display_names(names: Iterable[str]) -> dict[str, str]:
    """Each name -> the spelling its outlet's node shows: the one written most often
    without "the", owner or weekday ("CBC News" over "The CBC"), the longest on a tie."""
    names = list(names)
    shown: dict[str, Counter[str]] = {}
    for name in names:
        bare = re.sub(r"^the\s+", "", _OWNER.sub("", name.strip()), flags=re.IGNORECASE)
        bare = re.sub(r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", "", bare)
        shown.setdefault(node_key(name), Counter())[bare] += 1
    best = {
        key: max(counts.items(), key=lambda item: (item[1], len(item[0])))[0]
        for key, counts in shown.items()
    }
    return {name: best[node_key(name)] for name in names}


def cited_name(name: str, text: str, start: int) -> str | None:
    """The outlet named by an attribution's source `name` found at offset `start` of
    `text`, or None when it names none (see the module docstring)."""
    name = name.split("\n", 1)[0].strip()
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or "@" in name:
        return None
    lowered = [w.lower().strip(".,") for w in words]
    if any(w in _PERSON_TITLES for w in lowered):
        return None
    if all(w in _BARE or w in _LEADS for w in lowered):
        joined = _JOINED_BEFORE.search(text[max(0, start - 60) : start])
        whole = (joined.group(1) + name) if joined else ""
        return whole if whole and looks_like_outlet(whole) else None
    return name
