"""Direct quotes and who said them; scare quotes that frame rather than report.

Quotation marks are paired by one left-to-right scan (linear in the text, no regular
expression that can backtrack), paragraph by paragraph:

- Double marks: straight ``"``, curly “…”, „…“, «…» (and the Nordic ”…”, »…«). A mark
  opens when it can (start of a word) and closes what is open when it can (end of a word).
  An opening mark met while a quote is open means the earlier mark was never closed: the
  scan restarts there rather than pairing across garbage.
- Multi-paragraph quotes follow the newsroom convention: a paragraph that ends inside a
  quote continues it only when the next paragraph starts with an opening mark; the parts
  become one finding. Otherwise the unclosed mark is dropped (unbalanced text).
- Single marks (‘…’ or '…') outside double-quoted text are British-style quotes. A mark
  between two letters (it's, Reyes's), before a digit ('90s) or in 'n' is an apostrophe;
  a mark after "s" before a space (the players' union) closes a quote only when nothing
  better does. Single marks inside a double-quoted quote are part of it, never separate.

Two quoted stretches in one paragraph are one interrupted quote ("The killing," he said,
"must stop.") when the first opens its sentence, ends on a comma or dash, and the words
between them hold no sentence end. The finding's `span` runs from the first opening mark
to the last closing mark, so it includes the attribution; `parts` are the quoted words.

A quote becomes a `quote` finding when a speech cue attaches to it (see `speakers`), or
when it is long or sentence-like enough to be speech (then its speaker is carried over
from the previous quote or left unknown). A short quoted phrase (at most five words) with
no cue is a `scare_quote`: framing, a label, a title or a nickname. Words a named source
"described ... as" or "called" are attributed: a partial quote, not a scare quote.

    >>> Pipeline(["entities", "quotes"]).analyze(article).of_kind("quote")
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, ClassVar

from newsprobe.analyze.base import Analyzer, Context
from newsprobe.analyze.speakers import CUE_FORMS, Attribution, SpeakerResolver
from newsprobe.findings import EntityFinding, FindingBase, QuoteFinding, ScareQuoteFinding, Span

__all__ = ["QuoteUnit", "QuotesAnalyzer", "Segment", "find_quotes"]

#: Longest quoted phrase (in words) that can be a scare quote; chosen from newsroom usage
#: ("frosty standoff", "double down", "a marketing slogan" are 1-3 words, a quoted clause
#: is rarely under six). On the gold set, 4 to 6 give the same result.
SCARE_MAX_WORDS = 5
#: Longest attribution between the two halves of an interrupted quote, in characters
#: (", said Detective Chief Inspector Samuel Oyelaran, addressing the crowd," is 67).
MAX_INTERRUPTION = 120

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_OPENERS_BEFORE = frozenset("([{<—–-/:;")
_TERMINAL = frozenset(".!?")
_SINGLE = frozenset("'‘’‚‹›")
_DOUBLE = frozenset('"“”„«»')
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


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _at_word_start(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    return prev.isspace() or prev in _OPENERS_BEFORE or prev in _DOUBLE or prev in _SINGLE


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
    while j >= lo and (text[j].isspace() or text[j] in _DOUBLE or text[j] in _SINGLE):
        j -= 1
    return j < lo or text[j] in _TERMINAL or text[j] == ":"


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
        and not any(c in _TERMINAL for c in gap)
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
    units: list[QuoteUnit] = []
    chain: list[Segment] = []  # a multi-paragraph quote still open
    for lo, hi in _paragraphs(text):
        doubles, open_at = _scan_double(text, lo, hi)
        first = lo
        while first < hi and text[first].isspace():
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


# --- from quotation marks to findings -----------------------------------------------------

_NAMING = ("so-called ", "so called ", "nicknamed ", "dubbed ", "known as ", "titled ", "entitled ")
_DETERMINERS = frozenset("the a an this that these those its their his her our your my".split())
#: How far (characters) to look either side of a quote for its attribution sentence.
_REACH = 400


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _attribution_end(text: str, start: int, hi: int) -> int:
    """End of a short attribution after a sentence-final quote, else `start`."""
    words = text[start:hi].split(None, 4)[:4]
    for n, word in enumerate(words[:3]):
        bare = word.strip(".,;:!?").lower()
        if bare in ("have", "has", "had", "will", "would", "could", "may", "can", "is", "was"):
            return start
        if bare in CUE_FORMS and n <= 2:
            return hi
    return start


class _Unit:
    """A quote unit with what classification needs: parts, regions, paragraph."""

    def __init__(self, unit: QuoteUnit, text: str, para: tuple[int, int], inside: Any) -> None:
        self.unit = unit
        self.para = para
        self.parts = [
            (a + len(seg) - len(seg.lstrip()), b - (len(seg) - len(seg.rstrip())))
            for a, b in (s.inner for s in unit.segments)
            if (seg := text[a:b]).strip()
        ]
        self.quoted = " ".join(text[a:b] for a, b in self.parts)
        lo = max(para[0], unit.start - _REACH)
        j = unit.start - 1
        while j >= lo and not (text[j] in _TERMINAL and not inside(j)):
            j -= 1
        self.before = (j + 1, unit.start)
        hi = min(para[1], unit.end + _REACH)
        if (
            self.quoted[-1:] in ("", ".", "!", "?")
            and text[unit.end : unit.end + 2].strip()[:1].isupper()
        ):
            # '"Stop." Police have ...' is a new sentence; '"Stop." Ruiz said' is not.
            hi = min(hi, _attribution_end(text, unit.end, hi))
        k = unit.end
        while k < hi and not (text[k] in _TERMINAL and not inside(k)) and text[k] not in _DOUBLE:
            k += 1
        self.after = (unit.end, k)
        segs = unit.segments
        self.gaps = [(a.end, b.open) for a, b in pairwise(segs) if a.closed]
        self.embedded = any(c.isalnum() for c in text[self.before[0] : self.before[1]])


class QuotesAnalyzer(Analyzer):
    """Direct quotes with their speakers, and scare quotes."""

    name: ClassVar[str] = "quotes"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "doc:ents", "doc:parse"})
    uses: ClassVar[frozenset[str]] = frozenset({"entity"})
    provides: ClassVar[frozenset[str]] = frozenset({"quote", "scare_quote"})

    def analyze(self, ctx: Context) -> list[FindingBase]:
        text = ctx.text
        units = find_quotes(text)
        if not units:
            return []
        quoted = sorted((s.open, s.end) for u in units for s in u.segments)
        starts = [q[0] for q in quoted]

        def inside(pos: int) -> bool:
            k = bisect_right(starts, pos) - 1
            return k >= 0 and pos < quoted[k][1]

        resolver = None
        if ctx.doc is not None:
            entities = ctx.of_kind("entity", EntityFinding)
            resolver = SpeakerResolver(ctx.doc, text, entities, quoted)
        paragraphs = list(_paragraphs(text))
        para_starts = [p[0] for p in paragraphs]
        findings: list[FindingBase] = []
        last: tuple[int, Attribution] | None = None  # paragraph index, attribution
        for unit in units:
            p = bisect_right(para_starts, unit.start) - 1
            info = _Unit(unit, text, paragraphs[p], inside)
            if not info.parts:
                continue
            span = Span(start=unit.start, end=unit.end)
            attribution = self._cue(info, text, resolver)
            scare = self._scare(info, text, attribution, resolver)
            if scare is not None:
                findings.append(ScareQuoteFinding(span=span, confidence=0.6, note=scare))
                continue
            if attribution is None or attribution.speaker is None:
                attribution = self._fallback(info, text, resolver, attribution, last, p)
            if attribution.speaker is not None:
                last = (p, attribution)
            findings.append(_quote(span, info, attribution, text))
        return findings

    def _cue(self, info: _Unit, text: str, resolver: SpeakerResolver | None) -> Attribution | None:
        if resolver is None:
            return None
        cues: list[Any] = []
        for a, b in info.gaps:
            cues += [t for t in resolver.tokens_between(a, b) if resolver.is_cue(t)]
        before = [t for t in resolver.tokens_between(*info.before) if resolver.is_cue(t)]
        after = [t for t in resolver.tokens_between(*info.after) if resolver.is_cue(t)]
        if info.embedded:
            cues += _governing(resolver, info.parts[0][0]) + before[::-1] + after
        else:
            cues += after + before[::-1]
        found = [resolver.attribute(cue) for cue in cues[:4]]
        for kinds in (("person", "org", "desc"), ("thing",)):
            for att in found:
                if att.speaker is not None and att.speaker.kind in kinds:
                    return att
        return found[0] if found else None

    def _scare(
        self, info: _Unit, text: str, attribution: Attribution | None, resolver: Any
    ) -> str | None:
        """The note of a scare quote, or None when the quote reports speech."""
        words = _words(info.quoted)
        lead = text[max(0, info.unit.start - 12) : info.unit.start].lower()
        phrase = info.quoted if len(info.quoted) <= 80 else info.quoted[:77] + "..."
        if words <= SCARE_MAX_WORDS and lead.endswith(_NAMING):
            return f"Quoted name or label, not reported speech: '{phrase}'."
        if len(info.parts) > 1 or words > SCARE_MAX_WORDS or info.quoted[-1] in _TERMINAL:
            return None
        follow = text[info.unit.end : info.unit.end + 2]
        lead_word = lead.rstrip().rsplit(" ", 1)[-1]
        if words <= 2 and lead_word in _DETERMINERS and follow[:1] == " " and follow[1:].islower():
            # the "all-day" claim: a quoted modifier between a determiner and its noun
            return f"Quoted word used as a label, not as reported speech: '{phrase}'."
        cue = attribution.cue if attribution is not None else None
        if (
            cue is not None
            and cue.lower() in ("call", "calls")
            and "what " in text[max(0, info.unit.start - 25) : info.unit.start].lower()
        ):
            return f"Quoted phrase used as framing ('what ... calls'), not as speech: '{phrase}'."
        if cue is not None or not info.embedded:
            return None
        if words >= 2 and all(w[:1].isupper() for w in info.quoted.split()):
            return f"Quoted title or name, not reported speech: '{phrase}'."
        return f"Quoted phrase used as framing, not as reported speech: '{phrase}'."

    def _fallback(
        self,
        info: _Unit,
        text: str,
        resolver: SpeakerResolver | None,
        found: Attribution | None,
        last: tuple[int, Attribution] | None,
        paragraph: int,
    ) -> Attribution:
        """No cue with a speaker: "Name: '...'", "'...' - Name", or the previous speaker."""
        if resolver is not None:
            lead = text[info.before[0] : info.unit.start].rstrip()
            if lead.endswith(":"):
                tokens = resolver.tokens_between(info.before[0], info.unit.start)
                for tok in reversed(tokens):
                    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                    ref = resolver.referent(subjects[0]) if subjects else None
                    if ref is not None:
                        cue = (tok.idx, tok.idx + len(tok.text))
                        return Attribution(ref, ref.span, tok.text, cue, 0.7, "colon")
                ref = resolver.person_between(info.before[0], info.unit.start)
                if ref is not None:
                    return Attribution(ref, ref.span, None, None, 0.7, "colon")
            tail = text[info.unit.end : info.unit.end + 3].lstrip(" ,.")
            if tail[:1] in (":", "-", "—", "–"):
                ref = resolver.person_between(info.unit.end, min(info.para[1], info.unit.end + 80))
                if ref is not None:
                    return Attribution(ref, ref.span, None, None, 0.7, "colon")
        starts_paragraph = not text[info.para[0] : info.unit.start].strip()
        if last is not None and (
            last[0] == paragraph or (last[0] == paragraph - 1 and starts_paragraph)
        ):
            prev = last[1]
            return Attribution(prev.speaker, prev.speaker_span, None, None, 0.6, "continued")
        return found or Attribution(None, None, None, None, 0.45, "none")


def _governing(resolver: SpeakerResolver, pos: int) -> list[Any]:
    """A cue that governs the quote in the parse ("said the talks had been '...'")."""
    tok = resolver.token_at(pos)
    for _ in range(8):
        if tok is None or tok.head == tok:
            return []
        tok = tok.head
        if not resolver.in_quote(tok.idx) and resolver.is_cue(tok):
            return [tok]
    return []


def _quote(span: Span, info: _Unit, att: Attribution, text: str) -> QuoteFinding:
    speaker = att.speaker
    who = speaker.name if speaker is not None else None
    if who is None:
        note = "Quoted words whose speaker the text does not make clear."
    elif att.how == "continued":
        note = f"Quoted words with no attribution of their own, taken to continue {who}'s quote."
    elif att.how == "pronoun":
        note = f"Quoted words attributed by a pronoun to {who}" + (
            f" ('{att.cue}')." if att.cue else "."
        )
    else:
        note = f"Quoted words attributed to {who}" + (f" ('{att.cue}')." if att.cue else ".")
    return QuoteFinding(
        span=span,
        confidence=att.confidence,
        note=note,
        parts=[Span(start=a, end=b) for a, b in info.parts],
        speaker=who,
        speaker_entity=speaker.entity if speaker is not None else None,
        speaker_span=Span(start=att.speaker_span[0], end=att.speaker_span[1])
        if att.speaker_span
        else None,
        cue=att.cue,
        cue_span=Span(start=att.cue_span[0], end=att.cue_span[1]) if att.cue_span else None,
        direct=True,
    )
