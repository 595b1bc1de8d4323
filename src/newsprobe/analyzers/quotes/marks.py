"""Pairing quotation marks: where every quotation in a text starts and ends.

The quotes analyzer needs the quotations before it can ask who said them; pairing marks is
pure string work (no parse), testable on its own and reused for "is this offset quoted?".

Quotation marks are paired by one left-to-right scan (linear in the text, no regular
expression that can backtrack), paragraph by paragraph:

- Double marks: straight ``"``, curly “…”, „…“, «…» (and the Nordic ”…”, »…«). A mark
  opens when it can (start of a word) and closes what is open when it can (end of a word).
  An opening mark met while a quote is open means the earlier mark was never closed: the
  scan restarts there rather than pairing across garbage.
- Multi-paragraph quotes follow the newsroom convention: a paragraph that ends inside a
  quote continues it only when the next paragraph starts with an opening mark; the parts
  become one unit. Otherwise the unclosed mark is dropped (unbalanced text).
- Single marks (‘…’ or '…') outside double-quoted text are British-style quotes. A mark
  between two letters (it's, Reyes's), before a digit ('90s) or in 'n' is an apostrophe;
  a mark after "s" before a space (the players' union) closes a quote only when nothing
  better does. Single marks inside a double-quoted quote are part of it, never separate.

Two quoted stretches in one paragraph are one interrupted quote ("The killing," he said,
"must stop.") when the first opens its sentence, ends on a comma or dash, and the words
between them hold no sentence end.

    >>> [(u.start, u.end) for u in find_quotes('She said "no" twice.')]
    [(9, 13)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = [
    "DOUBLE_MARKS",
    "SENTENCE_ENDS",
    "QuoteUnit",
    "QuotedRanges",
    "Segment",
    "find_quotes",
    "paragraphs",
]

#: Longest attribution between the two halves of an interrupted quote, in characters
#: (", said Detective Chief Inspector Samuel Oyelaran, addressing the crowd," is 67).
MAX_INTERRUPTION = 120

#: Marks that end a sentence; a quote ending on one is sentence-like speech.
SENTENCE_ENDS = frozenset(".!?")
#: Every double quotation mark the scan pairs.
DOUBLE_MARKS = frozenset('"“”„«»')
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_OPENERS_BEFORE = frozenset("([{<—–-/:;")
_SINGLE = frozenset("'‘’‚‹›")
# What stands for the second apostrophe of a '' mark while marks are paired: no space, no
# mark, no letter (U+2060 WORD JOINER).
_NEUTRAL = "\u2060"
_TWO_APOSTROPHES = re.compile("''")
# The scans visit only the marks: a Python loop over every character of the text cost more.
_DOUBLE_MARK = re.compile('["“”„«»]')
_SINGLE_MARK = re.compile("['‘’‚‹›]")


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch between an opening mark and its closing mark (or paragraph end)."""

    open: int  # offset of the opening mark
    end: int  # offset just past the closing mark, or the paragraph end when unclosed
    closed: bool
    single: bool

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words: inside the marks, without surrounding spaces."""
        return self.open + 1, self.end - 1 if self.closed else self.end


@dataclass(frozen=True, slots=True)
class QuoteUnit:
    """One quotation: its segments in order (several for multi-paragraph or interrupted)."""

    segments: tuple[Segment, ...]

    @property
    def start(self) -> int:
        return self.segments[0].open

    @property
    def end(self) -> int:
        return self.segments[-1].end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: quotes never pair across a blank line."""
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _at_word_start(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    return (
        prev.isspace()
        or prev in _OPENERS_BEFORE
        or prev in DOUBLE_MARKS
        or prev in _SINGLE
        or prev == _NEUTRAL
    )


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    nxt = text[i + 1] if i + 1 < hi else " "
    return not nxt.isspace() and _at_word_start(text, i, lo)


def _can_close(text: str, i: int, lo: int) -> bool:
    return i > lo and not text[i - 1].isspace()


def _closes(ch: str, open_char: str) -> bool:
    """Whether mark `ch` can close a quote opened by `open_char`.

    Curly marks say which way they face, except in German „…“ and Danish »…«; a straight
    mark closes anything (sloppy mixed typing is common).
    """
    if ch in '"”':
        return True
    if ch == "»":
        return open_char != "»"
    return (ch == "“" and open_char == "„") or (ch == "«" and open_char == "»")


def _scan_double(text: str, lo: int, hi: int) -> tuple[list[Segment], int | None]:
    """Closed double-mark segments of one paragraph, and a still-open mark if any."""
    found: list[Segment] = []
    open_at: int | None = None
    open_char = ""
    for mark in _DOUBLE_MARK.finditer(text, lo, hi):
        i, ch = mark.start(), mark.group()
        if open_at is not None and _can_close(text, i, lo) and _closes(ch, open_char):
            found.append(Segment(open_at, i + 1, True, False))
            open_at = None
        elif _can_open(text, i, lo, hi):
            open_at, open_char = i, ch  # a new opening abandons an unclosed earlier one
    return found, open_at


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalpha():
        return True  # it's, Reyes's, O'Neill
    if nxt.isdigit() and not prev.isalnum():
        return True  # the '90s
    return text[i + 1 : i + 3].lower() in ("n'", "em") and not text[i + 3 : i + 4].isalpha()


def _scan_single(text: str, lo: int, hi: int, skip: list[Segment]) -> list[Segment]:
    """Single-mark quotes of one paragraph outside the double-quoted segments `skip`."""
    opens: list[int] = []
    strong: list[int] = []
    weak: list[int] = []
    blocked = iter(skip)
    block = next(blocked, None)
    for mark in _SINGLE_MARK.finditer(text, lo, hi):
        i = mark.start()
        while block is not None and block.end <= i:
            block = next(blocked, None)
        if block is not None and block.open <= i < block.end:
            continue
        if _is_apostrophe(text, i, lo, hi):
            continue
        if _can_open(text, i, lo, hi) and text[i] not in "’›":
            opens.append(i)
        elif _can_close(text, i, lo):
            nxt = text[i + 1] if i + 1 < hi else " "
            plural_possessive = text[i - 1] in "sS" and nxt.isspace()
            (weak if plural_possessive else strong).append(i)
    found: list[Segment] = []
    s = w = 0
    after = lo
    for o in opens:
        if o < after:
            continue
        while s < len(strong) and strong[s] < o:
            s += 1
        while w < len(weak) and weak[w] < o:
            w += 1
        close = strong[s] if s < len(strong) else weak[w] if w < len(weak) else None
        if close is None:
            continue
        found.append(Segment(o, close + 1, True, True))
        after = close + 1
    return found


def _sentence_start(text: str, lo: int, i: int) -> bool:
    """Nothing but marks and spaces between the last sentence end (or `lo`) and `i`."""
    j = i - 1
    while j >= lo and (text[j].isspace() or text[j] in DOUBLE_MARKS or text[j] in _SINGLE):
        j -= 1
    return j < lo or text[j] in SENTENCE_ENDS or text[j] == ":"


def _interrupted(text: str, lo: int, first: QuoteUnit, second: QuoteUnit) -> bool:
    last = first.segments[-1]
    gap = text[last.end : second.start]
    inner_end = last.inner[1]
    tail = text[first.start + 1 : inner_end].rstrip()
    return (
        last.closed
        and last.single == second.segments[0].single
        and len(gap) <= MAX_INTERRUPTION
        and any(c.isalpha() for c in gap)
        and not any(c in SENTENCE_ENDS for c in gap)
        and bool(tail)
        and tail[-1] in ",—–-"
        and _sentence_start(text, lo, first.start)
    )


def find_quotes(text: str) -> list[QuoteUnit]:
    """Every quotation in `text`, in order, with interrupted quotes merged.

    Args:
        text: The article text (any length; the scan is linear).

    Returns:
        Quote units whose segments point into `text`.
    """
    if "''" in text:
        # Two apostrophes for a double mark (''like this'', the typewriter style of some
        # wires and archives): read as one double mark beside a neutral character (the
        # apostrophe nearer the words is the mark), so every offset stays where it was.
        text = _TWO_APOSTROPHES.sub(
            lambda m: _NEUTRAL + '"' if _at_word_start(m.string, m.start(), 0) else '"' + _NEUTRAL,
            text,
        )
    units: list[QuoteUnit] = []
    chain: list[Segment] = []  # a multi-paragraph quote still open
    for lo, hi in paragraphs(text):
        doubles, open_at = _scan_double(text, lo, hi)
        first = lo
        while first < hi and (text[first].isspace() or text[first] == _NEUTRAL):
            first += 1
        if chain:
            if doubles and doubles[0].open == first:
                units.append(QuoteUnit((*chain, doubles.pop(0))))
                chain = []
            elif not doubles and open_at == first:
                chain.append(Segment(first, hi, False, False))
                open_at = None
            else:
                chain = []  # the quote never closed: unbalanced marks, dropped
        if open_at is not None:
            chain = [Segment(open_at, hi, False, False)]
        singles = _scan_single(text, lo, hi, doubles + chain)
        # British style: double marks inside a single-quoted quote belong to it.
        doubles = [d for d in doubles if not any(s.open < d.open < s.end for s in singles)]
        para = sorted((QuoteUnit((seg,)) for seg in doubles + singles), key=lambda u: u.start)
        merged: list[QuoteUnit] = []
        for unit in para:
            if merged and _interrupted(text, lo, merged[-1], unit):
                merged[-1] = QuoteUnit(merged[-1].segments + unit.segments)
            else:
                merged.append(unit)
        units.extend(merged)
    return sorted(units, key=lambda u: u.start)


class QuotedRanges:
    """Sorted (start, end) ranges inside quotation marks, asked "is this offset quoted?".

    A position is quoted when the last range starting at or before it has not ended yet;
    the quotes analyzer and its speaker resolver ask this for every candidate word.

    Args:
        ranges: Non-overlapping (start, end) character ranges, in any order.
    """

    __slots__ = ("ranges", "starts")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [r[0] for r in self.ranges]

    def __len__(self) -> int:
        return len(self.ranges)

    def covers(self, pos: int) -> bool:
        """Whether character `pos` lies inside quotation marks."""
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ranges[k][1]
