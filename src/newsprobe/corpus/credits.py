"""Credits and citations of other outlets, read from an article's text in any language.

The `attribution` analyzer finds "X reports" and "according to X" in English. What it
does not read: wire credits ("Additional reporting by Northgate Wire", "This story first
appeared in...", "(avec AFP)", "mit Material von dpa", "con información de EFE"), the
dateline credit "KELLIN (Northgate Wire) -" (read by `dateline_outlet`), and citations in
other languages ("selon le Courrier", "laut Morgenblatt", "secondo Il Faro", "según Radio
Meridia"). A name found this way counts as an outlet only when it is the name of an outlet
in the story, or reads like one (a word such as "Wire", "Times", "Zeitung", or a known
agency's short name): "selon la présidence" cites no outlet.

    >>> [c.outlet for c in credits_in("Bus services resumed. (Additional reporting by "
    ...                                  "Northgate Wire)", known=set())]
    ['Northgate Wire']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsprobe.corpus.names import fold
from newsprobe.ingest.outlet_words import OUTLET_WORDS

__all__ = ["Credit", "credits_in", "looks_like_outlet"]

# "the agency Coastline Wire", "l'agence Coastline Wire", "la agencia ...": the kind of
# outlet before its name is not part of the name.
# With what qualifies the kind: "state broadcaster TRN", "die Nachrichtenagentur NPA", "la
# radio publique TRN", "l'emittente pubblica TRN". A name after such a kind is an outlet's
# whatever it looks like ("the agency NPA").
_KIND = (
    r"(?P<k>(?:(?:the|l'|la|le|el|die|der|il|lo)\s*)?(?:(?i:state|public|national|"
    r"staatliche[nr]?|öffentlich-rechtliche[nr]?)\s+)?(?:agency|agence|agencia|agenzia|"
    r"Agentur|Nachrichtenagentur|news\s+agency|newspaper|journal|diario|periódico|"
    r"quotidien|quotidiano|Zeitung|radio|broadcaster|chaîne|emittente|cadena|Sender|"
    r"tabloid|télévision|televisione|televisión)(?:\s+(?:publique|pubblica|pública|"
    r"nationale|nazionale|nacional|d'État|statale|estatal))?\s+)"
)
# A name is on one line, and a full stop inside it is an initial's ("U.S."), never the end
# of its sentence: "she told the Courier.\n\nThe North Quay ..." names "the Courier".
_WORD = r"[^\W\d_a-z](?:[\w'’&-]|\.(?=\w))*"
# A broadcaster's number is part of its name: "Channel 9", "Radio 4", "Rai 3".
_NUMBERED = (
    r"(?:(?:(?<=Channel)|(?<=Radio)|(?<=TV)|(?<=Canal)|(?<=Rai)|(?<=Kanal)|(?<=Antena))"
    r"[ \t]+\d{1,3}(?![\d.,]\d))?"
)
_NAME = (
    rf"(?:{_KIND})?"
    r"(?P<o>(?:[Tt]he\s+|[Ll][ae]\s+|[Dd]ie\s+|[Dd]er\s+|[Ii]l\s+|[Ee]l\s+)?"
    rf"{_WORD}(?:[ \t]+(?:{_WORD}|of|du|de|der|di|del|la|le|des))*{_NUMBERED})"
)

# (kind, pattern). "wire": the article runs or builds on that outlet's copy; "cites":
# it names the outlet as the source of a statement. Each pattern captures the name as
# `o`. English "according to X" / "X reports" are the attribution analyzer's; they are
# here for articles in other languages.
_PATTERNS: tuple[tuple[str, str], ...] = (
    # "(Reporting by Elin Sand for Northwind Press)": the reporter's agency, named last.
    (
        "wire",
        rf"(?i:(?:additional\s+)?(?:reporting|writing)\s+by)\s+[^;()\n]{{1,60}}?\s+"
        rf"(?i:for)\s+{_NAME}",
    ),
    (
        "wire",
        rf"(?i:additional\s+reporting\s+by|reporting\s+by|with\s+(?:reporting|files|"
        rf"material)\s+from|material\s+from)\s+{_NAME}",
    ),
    ("wire", rf"(?i:(?:first|originally)\s+(?:published|appeared|ran)\s+(?:by|in|on))\s+{_NAME}"),
    # "This story was produced by ...", "Written by Ana Vell for ...", "Information from
    # ... was used in this report", "republished from ...".
    (
        "wire",
        rf"(?i:(?:produced|distributed|syndicated)\s+by|republished\s+from|information\s+"
        rf"from|written\s+by\s+[^;()\n]{{1,60}}?\s+for)\s+{_NAME}",
    ),
    # An outlet's name closing the text: "... on Friday.\n\n— AFP". Not at the end of any
    # paragraph: "Rescuers at the scene. (Reuters)" is a photo's caption and credit.
    ("wire", rf"(?:^|\s)(?:[—–]|--?)[ \t]*{_NAME}[ \t]*\.?\s*\Z"),
    ("wire", rf"(?:©|\b(?i:copyright))\s*(?:\d{{4}}\s+)?{_NAME}"),
    ("wire", rf"(?im:^source:)\s*{_NAME}"),
    ("wire", rf"\((?i:avec|with|con|mit)\s+{_NAME}\)"),
    ("wire", rf"(?i:mit\s+material\s+(?:von|der|des))\s+{_NAME}"),
    (
        "wire",
        rf"(?i:con\s+información\s+de|con\s+informaciones\s+de|d'après\s+une\s+dépêche\s+"
        rf"de|secondo\s+un(?:'|a\s+)agenzia)\s+{_NAME}",
    ),
    (
        "cites",
        rf"(?i:selon|d'après|laut|nach\s+angaben\s+(?:von|der|des)|secondo|stando\s+a|"
        rf"según|de\s+acuerdo\s+con|according\s+to|(?:reported|told)\s+(?:by|to))\s+"
        rf"{_NAME}",
    ),
    # The outlet a source spoke to, wrote for, or whose material it cites: "in an
    # interview with Radio Meridia", "speaking to The Valemont Times", "told KBC News",
    # "was quoted by", "in an op-ed for", "remarks broadcast by", "documents seen by".
    (
        "cites",
        rf"(?i:in\s+(?:an?\s+)?(?:interview|op-ed|column|article|statement|comments?)\s+"
        rf"(?:with|to|for|on|in)|speaking\s+(?:to|with|on)|talking\s+to|quoted\s+by|told|"
        rf"confirmed\s+to|writing\s+in|wrote\s+in|(?:obtained|seen|reviewed|carried|"
        rf"broadcast|aired)\s+by)\s+{_NAME}",
    ),
    # "Associated Press writer Ana Vell in London contributed to this report."
    (
        "wire",
        rf"{_NAME}(?:[ \t]+(?i:writers?|reporters?|correspondents?|staff|journalists?)\b"
        rf"[^.\n]{{0,60}}?)?\s+(?i:contributed\s+to\s+this\s+(?:report|story|article))",
    ),
    # "wie die Nachrichtenagentur NPA unter Berufung auf das Innenministerium meldete":
    # "as the agency NPA ..." cites it, whatever comes before the verb.
    ("cites", rf"\b(?:[Ww]ie)\s+{_NAME}"),
    # The verb first, as German, French, Italian and Spanish put it: "berichtete die
    # Nachrichtenagentur NPA", "a rapporté mardi la radio publique TRN".
    (
        "cites",
        rf"(?i:berichtete|berichtet|meldete|meldet|a\s+rapporté|rapporte|a\s+indiqué|"
        rf"a\s+annoncé|ha\s+riferito|riferisce|ha\s+riportato|ha\s+informato|informó|"
        rf"ha\s+informado|publicó)(?:\s+[a-zà-ÿ]+)?\s+{_NAME}",
    ),
    (
        "cites",
        rf"{_NAME}(?P<kind_after>\s+(?:agency|newspaper|broadcaster|paper|tabloid|daily))?"
        rf"\s+(?i:rapporte|a\s+rapporté|révèle|berichtet(?:e)?|meldet(?:e)?|"
        rf"riferisce|riporta|ha\s+riferito|informa|informó|publicó|reports|reported|"
        rf"calls|called|says|said|writes|wrote|quotes|quoted|describes|described|"
        rf"claims|claimed|reveals|revealed|first\s+reported|was\s+the\s+first\s+to\s+"
        rf"report|broke\s+the\s+(?:news|story))\b",
    ),
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _PATTERNS)
# A cheap test per pattern: its fixed words, searched before the pattern itself (most
# articles credit no one, and a name-first pattern is slow to rule out by itself).
_TRIGGERS = tuple(
    re.compile(trigger, re.IGNORECASE)
    for trigger in (
        r"reporting|writing",
        r"reporting|files|material",
        r"published|appeared|ran\b",
        r"produced|distributed|syndicated|republished|information|written",
        r"[—–-]",
        r"©|copyright",
        r"(?m)^source:",
        r"\((?:avec|with|con|mit)\s",
        r"material",
        r"información|informaciones|dépêche|agenzia",
        r"selon|d'après|laut|angaben|secondo|stando|según|acuerdo|according|reported|told",
        r"interview|op-ed|column|article|statement|comment|speaking|talking|quoted|told|"
        r"confirmed|writing|wrote|obtained|seen|reviewed|carried|broadcast|aired",
        r"contributed",
        r"\bwie\b",
        r"berichte|meldet|rapport|indiqué|annoncé|riferi|riportato|informato|inform|publicó",
        r"\s(?:rapporte|rapporté|révèle|bericht|meldet|riferi|riporta|informa|publicó|report|"
        r"call|says|said|wr[io]te|quote|describ|claim|reveal|first|broke)",
    )
)

_AGENCIES = frozenset("ap afp reuters dpa ansa efe upi bloomberg apa sda ats kyodo".split())


@dataclass(frozen=True, slots=True)
class Credit:
    """An outlet named as a source: who, how, and where in the text."""

    outlet: str
    kind: str  # "wire" or "cites"
    start: int
    end: int  # of the whole evidence ("according to X", "(avec AFP)")


def looks_like_outlet(name: str) -> bool:
    """Whether `name` reads like an outlet's name ("Coastline Wire", "Il Faro", "AFP")."""
    words = fold(name).split()
    return bool(words) and (any(w in OUTLET_WORDS for w in words) or fold(name) in _AGENCIES)


def _trimmed(name: str) -> str:
    """The name without punctuation, a possessive, or a sentence's first word before an
    article ("Even The Valemont Times" -> "The Valemont Times")."""
    name = name.strip(" .,;:'’\"").removesuffix("'s").removesuffix("’s")
    _, sep, rest = name.partition(" ")
    if sep and rest.split(" ", 1)[0] in ("The", "Le", "La", "Les", "Die", "Der", "Il", "El"):
        return rest
    return name


# Patterns whose outlet's name comes first ("The Valemont Times reports"): tried only just
# before their trigger words.
_NAME_FIRST = frozenset(i for i, (_, pattern) in enumerate(_PATTERNS) if pattern.startswith(_NAME))
_NAME_REACH = 80  # characters before a citing verb that its outlet's name may take


def _name_first(
    text: str, pattern: re.Pattern[str], trigger: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """Matches of the name-first pattern, tried only just before each citing verb (a
    name-first regex run over a whole article tries a name at every capital)."""
    yielded: set[int] = set()  # "was the first to report": two trigger words, one match
    for verb in trigger.finditer(text):
        window = max(0, verb.start() - _NAME_REACH)
        for start in (
            m.start() for m in re.finditer(r"\b[^\W\d_a-z]", text[window : verb.start()])
        ):
            found = pattern.match(text, window + start, verb.end() + 20)
            if found is not None:
                if found.start() not in yielded:
                    yielded.add(found.start())
                    yield found
                break


def credits_in(text: str, *, known: set[str], start: int = 0) -> Iterator[Credit]:
    """Outlets credited or cited in `text`, in pattern order.

    Args:
        text: the text to read (spans are offsets into it, plus `start`).
        known: folded names of outlets known to the story (`outlet_key` form); a name
            matching one counts whatever it looks like.
        start: added to every span.
    """
    for index, ((kind, pattern), trigger) in enumerate(zip(_COMPILED, _TRIGGERS, strict=True)):
        if trigger.search(text) is None:
            continue
        first = index in _NAME_FIRST
        for match in _name_first(text, pattern, trigger) if first else pattern.finditer(text):
            name = _trimmed(match.group("o"))
            key = fold(name)
            for article in ("the ", "le ", "la ", "die ", "der ", "il ", "el "):
                key = key.removeprefix(article)
            # "the agency NPA", "The Northgate agency reported": a kind names an outlet.
            found = match.groupdict()
            named_kind = found.get("k") is not None or found.get("kind_after") is not None
            if key in known or looks_like_outlet(name) or named_kind:
                yield Credit(name, kind, start + match.start(), start + match.end())
