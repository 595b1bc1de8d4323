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
from collections.abc import Iterable, Mapping

from newsprobe.analyzers.attribution.source_kinds import looks_like_outlet
from newsprobe.corpus.view import ArticleView, outlet_key

__all__ = [
    "cited_name",
    "display_names",
    "initials",
    "node_key",
    "outlet_voices",
    "same_outlet",
]

# Words after an outlet's name that name no other outlet: its kind ("CBC News", "the
# Canadian Press news agency") or a weekday the sentence ran on with ("told the Canadian
# Press Thursday"). "Fox" and "Fox News", "NBC" and "NBC News" are one outlet each.
# Not "Sunday" after "on": "The Mail on Sunday" is a paper of its own.
_TRAILING = re.compile(
    r"(?:\s+(?:news\s+agency|news\s+service|news\s+channel|news|newspaper|agency|network)|"
    r"(?<!\bon)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))+$"
)
_WEEKDAY_AFTER = r"(?<!\bon)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
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
# An outlet's name, then one of its people: "CNN's Don Lemon", "CNN’s", "Associated Press
# writer Ana Vell".
_STAFF = re.compile(
    r"^(.+?)(?:['’]s(?:\s+.*)?|\s+(?:writer|reporter|correspondent|editor|columnist|anchor|"
    r"host|presenter|journalist)s?\b.*)$",
    re.IGNORECASE,
)
_INDEFINITE = frozenset("a an one some".split())
#: An outlet's name has at most this many words ("the Canadian Press news agency": five);
#: a longer "name" is a caption or a sentence the source ran into.
MAX_NAME_WORDS = 6
# Capitalised words and "and" right before a name: "The Globe and " before "Mail".
_JOINED_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+)+(?:and|&)\s+)$")


# Agencies cited by their initials as often as by name.
_INITIALS = {
    "nyt": "new york times",
    "wsj": "wall street journal",
    "ft": "financial times",
    "ap": "associated press",
    "afp": "agence france-presse",
    "agence france presse": "agence france-presse",
    "pa": "press association",
    "dpa": "deutsche presse-agentur",
    "upi": "united press international",
}


# Words a paper's name drops as often as it keeps: "the Essendor Ledger" is the Essendor
# Daily Ledger, "the Telegraph" the Daily Telegraph.
_DROPPED = re.compile(r"\b(?:daily|weekly)\s+")


def node_key(name: str) -> str:
    """The key one outlet's spellings share: `outlet_key`, without an owner before the
    name, "Daily" or "Weekly" inside it, or a kind or weekday after it; agencies'
    initials spelled out."""
    key = _OWNER.sub("", outlet_key(name))
    key = _DROPPED.sub("", _TRAILING.sub("", key)).removeprefix("the ").strip()
    key = key or outlet_key(name)
    return _INITIALS.get(key, key)


_NOT_INITIALS = frozenset("the of and for de du des la le les der die das il el".split())


def initials(name: str) -> str | None:
    """The initials an outlet of several words goes by: "Northgate Press Agency" is "npa"
    (its own datelines and other outlets' citations write "(NPA)"); None for one word."""
    words = [w for w in outlet_key(name).split() if w not in _NOT_INITIALS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def same_outlet(a: str, b: str) -> bool:
    """Whether two names are one outlet's: one key, one name in short ("the Lantern",
    "the Daily Lantern"; "The Northgate agency", "Northgate Press Agency"), or one the
    other's initials ("NPA")."""
    ka, kb = node_key(a), node_key(b)
    if not ka or not kb:
        return False
    if ka == kb or outlet_key(a) == initials(b) or outlet_key(b) == initials(a):
        return True
    short, long = sorted((ka, kb), key=len)
    return len(short) >= 4 and (long.endswith(" " + short) or long.startswith(short + " "))


def display_names(names: Iterable[str]) -> dict[str, str]:
    """Each name -> the spelling its outlet's node shows: the one written most often
    without "the", owner or weekday ("CBC News" over "The CBC"), the longest on a tie."""
    names = list(names)
    shown: dict[str, Counter[str]] = {}
    for name in names:
        bare = re.sub(r"^the\s+", "", _OWNER.sub("", name.strip()), flags=re.IGNORECASE)
        bare = re.sub(_WEEKDAY_AFTER, "", bare)
        shown.setdefault(node_key(name), Counter())[bare] += 1
    best = {
        key: max(counts.items(), key=lambda item: (item[1], len(item[0])))[0]
        for key, counts in shown.items()
    }
    return {name: best[node_key(name)] for name in names}


# What kind of outlet it is, said before its name: "state broadcaster TRN", "the news
# agency NPA", "the tabloid Morning Star".
_KIND_BEFORE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:(?:state|public|national|private|local)\s+)?"
    r"(?:broadcaster|news\s+agency|"
    r"agency|newspaper|paper|tabloid|daily|channel|station|network|website|site|"
    r"magazine|radio|television)\s+(?=[A-Z])",
    re.IGNORECASE,
)


def outlet_voices(
    views: Iterable[ArticleView], voices: Mapping[str, str], cited: Iterable[str] = ()
) -> dict[str, str]:
    """`node_key` of an outlet -> the voice it speaks with: a stored article's outlet with
    its article's voice (a wire copy's is the wire's), an outlet only cited with its
    commonest spelling. Figures and claims cited from "The CBC" and "CBC News" are then
    one voice, and the same one as CBC's own stored report."""
    found = {node_key(v.voice_name): voices.get(v.id, v.voice_name) for v in views}
    for name, shown in display_names(cited).items():
        found.setdefault(node_key(name), shown)
    return found


# What follows a person's name, never an outlet's: "Jordan Press, who speaks for the
# union", "Jordan Press, a spokesman for the union".
_WHO_AFTER = re.compile(r",\s+(?:who|whom)\b|,\s+(?:a|an|the)\s+([\w-]+)(?:\s+([\w-]+))?")


def _person_after(text: str, end: int) -> bool:
    found = _WHO_AFTER.match(text, end)
    if found is None:
        return False
    role = {w.lower() for w in found.groups() if w}  # "a spokesman", "a senior spokesman"
    return not role or bool(role & _PERSON_TITLES)


def cited_name(name: str, text: str, start: int) -> str | None:
    """The outlet named by an attribution's source `name` found at offset `start` of
    `text`, or None when it names none (see the module docstring); without the kind of
    outlet said before the name ("state broadcaster TRN" is TRN)."""
    name = name.split("\n", 1)[0].strip()
    if _person_after(text, start + len(name)):
        return None  # "said Jordan Press, who speaks for the union": a person
    if (kind := _KIND_BEFORE.match(name)) and name[kind.end() :].strip():
        name = name[kind.end() :].strip()
    # "CNN's Don Lemon", "Associated Press writer Ana Vell": the outlet they speak for.
    if (
        (staff := _STAFF.match(name))
        and staff.group(1).split()[0].lower() not in _INDEFINITE
        and looks_like_outlet(staff.group(1))
    ):
        name = staff.group(1)
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or "@" in name:
        return None
    lowered = [w.lower().strip(".,") for w in words]
    if lowered[0] in _INDEFINITE or any(w in _PERSON_TITLES for w in lowered):
        return None  # "a CNN viewer", "Palace Press Secretary Ilo Varn"
    if all(w in _BARE or w in _LEADS for w in lowered):
        joined = _JOINED_BEFORE.search(text[max(0, start - 60) : start])
        whole = (joined.group(1) + name) if joined else ""
        return whole if whole and looks_like_outlet(whole) else None
    return name
