"""Highlights of an article: which finding marks which text, split into flat segments.

Findings overlap and nest freely (a loaded word inside a quote inside a check-worthy
claim, a claim that starts inside one quote and ends after it). HTML elements cannot
cross, so the text is cut at every mark boundary into segments, and each segment carries
every mark that covers it, outermost first; the report opens one element per mark around
each segment. Offsets stay Python code points into `Article.text` throughout and the text
is sliced here, on the server, so an emoji or any character outside the Basic
Multilingual Plane (two UTF-16 units in a browser) never shifts a highlight.

    >>> [s.text for s in segments("abcdef", 0, 6, [mark(1, 4, "a"), mark(2, 6, "b")])]
    ['a', 'b', 'cd', 'ef']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsprobe.document import Analysis
from newsprobe.findings import (
    AttributionFinding,
    ClaimFinding,
    EngagementBaitFinding,
    FindingBase,
    HedgeFinding,
    QuoteFinding,
    ScareQuoteFinding,
    SensationalFinding,
    Span,
)

__all__ = [
    "KINDS",
    "Kind",
    "Mark",
    "Segment",
    "kinds_present",
    "mark",
    "marks_of",
    "paragraphs",
    "segments",
]


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of highlight, as the legend shows it."""

    key: str  # CSS class suffix: "m-claim-high"
    label: str  # legend text
    description: str  # what it means, for the legend
    layer: int  # nesting order: lower is outer


#: Every kind of highlight, outermost first. Claims are whole sentences (a background);
#: the others are words inside them (text style and underlines at different depths).
KINDS: tuple[Kind, ...] = (
    Kind("claim-high", "claim, check first", "a checkable claim, check-worthiness 0.8 or more", 0),
    Kind("claim-mid", "claim", "a checkable claim, check-worthiness 0.6 to 0.8", 0),
    Kind("claim-low", "claim, minor", "a checkable claim, check-worthiness under 0.6", 0),
    Kind("quote", "quote", "quoted words, in italics", 1),
    Kind("speaker", "speaker", "who is quoted, in bold", 2),
    Kind("source", "named source", "who a statement is sourced to, solid underline", 3),
    Kind("source-unnamed", "unnamed source", "an unnamed source, dashed underline", 3),
    Kind("hedge", "speculation", "hedging or speculation, dotted underline", 4),
    Kind("loaded", "loaded wording", "loaded or sensational wording, wavy underline", 5),
    Kind("loaded-quoted", "loaded, quoted", "loaded words inside a quotation, thin wavy", 5),
    Kind("bait", "reader bait", "a question or call to the reader, double underline", 6),
)
_LAYER = {kind.key: kind.layer for kind in KINDS}
# Check-worthiness tiers of claims (the claims analyzer reports from 0.5 up).
_CLAIM_TIERS = ((0.8, "claim-high"), (0.6, "claim-mid"), (0.0, "claim-low"))


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: a span of the text, the finding behind it and its kind."""

    start: int
    end: int
    kind: str
    finding: str  # finding id
    title: str  # one line shown on hover
    label: str = ""  # a short tag shown in the text at the mark's start ("0.92")
    anchor: str = ""  # element id of the mark's first segment, unique in the article


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same marks, outermost first."""

    start: int
    end: int
    text: str
    marks: tuple[Mark, ...]
    opens: frozenset[str]  # anchors of the marks that start here (their first segment)


def _claim_tier(score: float) -> str:
    return next(kind for floor, kind in _CLAIM_TIERS if score >= floor)


def _title(kind: str, finding: FindingBase) -> str:
    label = next(k.label for k in KINDS if k.key == kind)
    return f"{label}: {finding.note}" if finding.note else label


def _marks(finding: FindingBase) -> Iterator[tuple[Span, str, str]]:
    """(span, kind, label) of each highlight one finding makes."""
    if isinstance(finding, ClaimFinding):
        score = finding.checkworthiness
        yield finding.span, _claim_tier(score), f"{score:.2f}"
    elif isinstance(finding, QuoteFinding):
        for part in finding.parts or [finding.span]:
            yield part, "quote", ""
        if finding.speaker_span is not None:
            yield finding.speaker_span, "speaker", ""
    elif isinstance(finding, AttributionFinding):
        if finding.source_span is not None and finding.source_type != "unattributed":
            kind = "source-unnamed" if finding.source_type == "anonymous" else "source"
            yield finding.source_span, kind, ""
    elif isinstance(finding, HedgeFinding):
        yield finding.span, "hedge", ""
    elif isinstance(finding, SensationalFinding):
        yield finding.span, "loaded-quoted" if finding.quoted else "loaded", ""
    elif isinstance(finding, ScareQuoteFinding):
        yield finding.span, "loaded", ""
    elif isinstance(finding, EngagementBaitFinding):
        yield finding.span, "bait", ""


def marks_of(analysis: Analysis) -> list[Mark]:
    """Every highlight of an analysis (empty spans and duplicates left out)."""
    found: dict[tuple[int, int, str, str], Mark] = {}
    for finding in analysis.findings:
        seen: dict[str, int] = {}
        for span, kind, label in _marks(finding):
            key = (span.start, span.end, kind, finding.id)
            if span.end > span.start and key not in found:
                # A quote in two parts has two "quote" marks: the second anchor is numbered.
                number = seen[kind] = seen.get(kind, -1) + 1
                anchor = f"m-{finding.id}-{kind}" + (f"-{number}" if number else "")
                title = _title(kind, finding)
                found[key] = Mark(span.start, span.end, kind, finding.id, title, label, anchor)
    return list(found.values())


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of ``text[start:end]`` (the article's
    paragraphs: normalized text separates them by newlines)."""
    found: list[tuple[int, int]] = []
    cursor = start
    while cursor < end:
        stop = text.find("\n", cursor, end)
        stop = end if stop == -1 else stop
        if text[cursor:stop].strip():
            found.append((cursor, stop))
        cursor = stop + 1
    return found


def segments(text: str, start: int, end: int, marks: Sequence[Mark]) -> list[Segment]:
    """``text[start:end]`` cut at every boundary of the marks that touch it.

    Marks are clipped to the range; each segment lists the marks covering it, ordered by
    layer, then longest first (so a mark that spans another is opened outside it).
    """
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)}
    )
    by_start: dict[int, list[Mark]] = {}
    for each in inside:
        by_start.setdefault(max(each.start, start), []).append(each)
    active: list[Mark] = []
    out: list[Segment] = []
    for left, right in pairwise(cuts):
        active = [m for m in active if m.end > left] + by_start.get(left, [])
        active.sort(key=lambda m: (_LAYER.get(m.kind, 99), -(m.end - m.start), m.finding))
        # A mark that began in an earlier paragraph continues here; it opened there.
        opens = frozenset(m.anchor for m in active if m.start == left)
        out.append(Segment(left, right, text[left:right], tuple(active), opens))
    return out


def mark(start: int, end: int, kind: str, finding: str = "f-1") -> Mark:
    """A bare mark, for examples and tests."""
    return Mark(start, end, kind, finding, kind, anchor=f"m-{finding}-{kind}")


def kinds_present(marks: Iterable[Mark]) -> list[Kind]:
    """The kinds among `marks`, in legend order."""
    present = {m.kind for m in marks}
    return [kind for kind in KINDS if kind.key in present]
