"""Phrase lists compiled to one regex, matched with exact character spans.

Pattern analyzers (sensational wording, hedging, ...) are lists of phrases. This module
turns labelled phrase lists into a single trie-shaped regular expression, so matching is
one linear pass over the text however long the lists are, and every match carries the
exact `[start, end)` offsets into the text it was run on.

    >>> matcher = PhraseMatcher({"loaded_verb": expand_all(["slam", "rip into"], "verb")})
    >>> [(m.start, m.end, m.label, m.phrase) for m in matcher.finditer("She slammed it.")]
    [(4, 11, 'loaded_verb', 'slammed')]

Matching rules, chosen for news text:

- case-insensitive; a match never starts or ends inside a word (``slam`` does not match
  inside ``Islamabad``);
- a space or hyphen in a phrase matches any run of whitespace or one hyphen
  (``worst ever`` matches ``worst-ever`` and ``worst\\never``);
- an apostrophe matches the straight and the curly one;
- leftmost-longest: at each position the longest phrase wins (``rip into`` over ``rip``),
  and matches never overlap.

Lexicon files live with the family that uses them, in ``<family>/lexicons/NAME.txt``
(asked for as ``load_lexicon("<family>/NAME")``), and hold one phrase per line; ``#``
starts a comment, and the header says where the list comes from. A header line
``# @inflect: verb`` (or ``noun``) asks `load_lexicon` to add inflected forms of each
phrase's first word (``slam`` -> ``slams``, ``slammed``, ``slamming``). Forms are
over-generated on purpose (``target`` -> ``targetted`` and ``targeted``): a form that is
not a word never occurs in text, so a superset costs nothing and misses nothing. A line
``a | b | c`` lists explicit forms taken as they are (irregular verbs: ``tear into |
tore into | torn into``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from newsprobe.analyzers.shared.lexicon_files import lexicon_lines

__all__ = [
    "PhraseMatch",
    "PhraseMatcher",
    "SpanSet",
    "expand_all",
    "fold_case",
    "inflect",
    "load_lexicon",
    "normalize_phrase",
    "quoted_regions",
    "sentence_spans",
]

_VOWELS = set("aeiou")
_SEPARATOR = re.compile(r"[\s\-–]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# The only characters outside ASCII that re.IGNORECASE equates with an ASCII letter
# (besides the Kelvin sign, which str.lower() already maps to "k").
_IGNORECASE_SPECIAL = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """One match: offsets into the searched text, its label and the canonical phrase."""

    start: int
    end: int
    label: str
    phrase: str


@lru_cache(maxsize=8)  # the analyzers of one article fold the same text
def fold_case(text: str) -> str:
    """`text` lower-cased the way ``re.IGNORECASE`` compares it with ASCII letters.

    One character for one, so offsets are kept, and ``\\w``, ``\\s`` and ``\\d`` hold of
    the same characters (checked over all of Unicode when this was written). So a pattern
    whose letters are lower-case ASCII finds the same spans in the folded text, without
    IGNORECASE (about twice as fast), as with IGNORECASE in `text`; and an ASCII string
    it matches (a gate) occurs in the folded text. Analyzers test gates with ``in``
    (fast) before running a case-insensitive pattern (slow).
    """
    return text.translate(_IGNORECASE_SPECIAL).lower()


def normalize_phrase(text: str) -> str:
    """The lookup key of a phrase or a matched surface: lowercase, single spaces."""
    return _SEPARATOR.sub(" ", text.translate(_APOSTROPHES).lower()).strip()


def _verb_forms(word: str) -> set[str]:
    forms = {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
        if word.endswith(("ee", "ye", "oe")):
            forms.add(word + "ing")
    elif len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        # Consonant-vowel-consonant ending: English doubles the consonant in stressed
        # syllables only (slammed, but targeted); emit both and let the text decide.
        if (
            len(word) >= 3
            and word[-1] not in _VOWELS | {"w", "x", "y"}
            and word[-2] in _VOWELS
            and word[-3] not in _VOWELS
        ):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _noun_forms(word: str) -> set[str]:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es"}
    if len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        return {word, word[:-1] + "ies"}
    return {word, word + "s"}


def inflect(phrase: str, how: str) -> set[str]:
    """Forms of `phrase` with its first word inflected as a ``verb`` or ``noun``.

    Args:
        phrase: a phrase in its base form, e.g. ``"rip into"``.
        how: ``"verb"``, ``"noun"`` or ``"none"``.
    """
    phrase = normalize_phrase(phrase)
    if how == "none" or not phrase:
        return {phrase} if phrase else set()
    first, _, rest = phrase.partition(" ")
    heads = _verb_forms(first) if how == "verb" else _noun_forms(first)
    return {f"{head} {rest}".strip() for head in heads}


def expand_all(lines: Iterable[str], how: str = "none") -> set[str]:
    """Every form of every lexicon line (``a | b`` lines are explicit, not inflected)."""
    forms: set[str] = set()
    for line in lines:
        if "|" in line:
            forms |= {normalize_phrase(p) for p in line.split("|") if p.strip()}
        else:
            forms |= inflect(line, how)
    return forms


@cache
def load_lexicon(name: str) -> frozenset[str]:
    """Every form listed in the shipped lexicon ``FAMILY/NAME``, inflected as asked.

    ``load_lexicon("rhetoric/loaded_verbs")`` reads
    ``newsprobe/analyzers/rhetoric/lexicons/loaded_verbs.txt`` (files are found and read
    by `~newsprobe.analyzers.shared.lexicon_files`).

    Raises:
        FileNotFoundError: no lexicon has that name; the message lists the family's.
    """
    how = "none"
    lines: list[str] = []
    for line, comment in lexicon_lines(name):
        if comment.startswith("@inflect:"):
            how = comment.split(":", 1)[1].strip()
        if line:
            lines.append(line)
    return frozenset(expand_all(lines, how))


def _pattern(phrase: str) -> str:
    """Regex source for one phrase's characters (separators and apostrophes relaxed)."""
    out = []
    for char in phrase:
        if char == " ":
            out.append(r"(?:\s+|\s*[-–]\s*)")
        elif char == "'":
            out.append("['’]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _trie_regex(phrases: Iterable[str]) -> str:
    """One regex matching any phrase, longest first, shaped as a trie for speed."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [_pattern(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy optional: the longer continuation is tried before stopping here.
        return f"(?:{body})?" if ends else body

    return build(trie)


class PhraseMatcher:
    """Labelled phrase lists matched in one pass, leftmost-longest, without overlaps.

    Args:
        lexicons: label -> phrases. A phrase listed under two labels keeps the first
            label in mapping order, so put the most specific lists first.

    Build it once (in `Analyzer.warm_up`) and reuse it: compiling is the costly part.
    """

    def __init__(self, lexicons: Mapping[str, Iterable[str]]) -> None:
        self._labels: dict[str, str] = {}
        for label, phrases in lexicons.items():
            for phrase in phrases:
                key = normalize_phrase(phrase)
                if key:
                    self._labels.setdefault(key, label)
        source = rf"(?<!\w)(?<!\w['’])(?:{_trie_regex(sorted(self._labels))})(?!\w)"
        # Run on the `fold_case` text, the pattern without IGNORECASE finds the same spans
        # twice as fast. That holds for ASCII phrases only: `fold_case` does not cover the
        # case pairs of other letters. Only the variant in use is compiled (compiling a
        # large lexicon is most of an analyzer's start-up).
        self._folds = all(key.isascii() for key in self._labels)
        self._regex = re.compile(source, 0 if self._folds else re.IGNORECASE)

    def __len__(self) -> int:
        return len(self._labels)

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and normalize_phrase(phrase) in self._labels

    def label_of(self, phrase: str) -> str | None:
        """The label a phrase (in any case or spacing) is listed under, if any."""
        return self._labels.get(normalize_phrase(phrase))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        """Matches in ``text[start:end]``, with offsets into `text` itself."""
        stop = len(text) if end is None else end
        searched = fold_case(text) if self._folds else text
        matches = self._regex.finditer(searched, start, stop)
        for match in matches:
            a, b = match.span()
            key = normalize_phrase(text[a:b])  # the text's own characters, not folded ones
            label = self._labels.get(key)
            if label is not None and b > a:
                yield PhraseMatch(a, b, label, key)


# A sentence ends at . ! ? (with closing quotes or brackets) before whitespace, or at a
# paragraph break. Cheap and good enough for scoping a cue to "its sentence" without a parse.
# This is `[.!?…]+["'”’)\]]*(?=\s)|\n\s*\n|\n` written to open with a character class:
# the regex engine then skips to the next candidate character at C speed instead of
# trying the alternation at every character (three times faster).
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)(?:\s*\n)?|(?<=[.!?…])[.!?…]*[\"'”’)\]]*(?=\s))")
# Quotations within one paragraph: curly pairs, straight pairs, guillemets.
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Jr|Sr|No|vs|Inc|Ltd|Co|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$"
)
_ABBREVIATION_REACH = 8  # > len(" Sept.\n"), the longest text `_ABBREVIATION` matches
_QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|«[^«»\n]*»")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """`(start, end)` of each sentence in ``text[start:end]``, stripped of outer spaces."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, stop):
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, stop))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        # "Dr. Smith" and "Jan. 5" do not end a sentence; a paragraph break always does.
        if (
            merged
            and _ends_with_abbreviation(text, *merged[-1])
            and ("\n" not in text[merged[-1][1] : a + 1])
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    out = []
    for a, b in merged:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    # A match is at most 7 characters ending at `end` (or before a final newline): search
    # only that tail, not the whole sentence.
    return _ABBREVIATION.search(text, max(start, end - _ABBREVIATION_REACH), end) is not None


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each quotation (marks included) in `text`, in order.

    Pairs are looked for within one paragraph, so a stray mark cannot swallow the rest
    of the article. Multi-paragraph quotes (an opening mark with no closing one until
    the next paragraph opens again) are not recovered: a known, rare miss.
    """
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


class SpanSet:
    """A union of `(start, end)` ranges with logarithmic membership tests.

    For questions like "is this match inside a quotation?" asked once per match: a linear
    scan would make a long article with many quotes quadratic.

        >>> quotes = SpanSet([(10, 20), (15, 30)])
        >>> quotes.covers(12, 28), quotes.touches(30, 35), quotes.index_of(16)
        (True, False, 0)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def __len__(self) -> int:
        return len(self._starts)

    def index_of(self, position: int) -> int | None:
        """Index of the merged range holding `position`, if any."""
        i = bisect_right(self._starts, position) - 1
        return i if i >= 0 and position < self._ends[i] else None

    def range(self, index: int) -> tuple[int, int]:
        """The merged range at `index`."""
        return self._starts[index], self._ends[index]

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one merged range."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._ends[i]

    def touches(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps any range."""
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and start < self._ends[i]:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end
