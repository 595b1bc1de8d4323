"""Direct quotes and who said them; scare quotes that frame rather than report.

Quotation marks are paired in `quote_marks` (multi-paragraph and interrupted quotes become
one unit); this analyzer decides what each quotation is. The finding's `span` runs from the
first opening mark to the last closing mark, so it includes the attribution of an
interrupted quote; `parts` are the quoted words.

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
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.quotes import confidence
from newsprobe.analyzers.quotes.marks import (
    DOUBLE_MARKS,
    SENTENCE_ENDS,
    QuotedRanges,
    QuoteUnit,
    Segment,
    find_quotes,
    paragraphs,
)
from newsprobe.analyzers.quotes.speakers import Attribution, SpeakerResolver
from newsprobe.analyzers.shared.speech_verbs import CUE_FORMS, is_speech_cue, verbs_for
from newsprobe.findings import EntityFinding, FindingBase, QuoteFinding, ScareQuoteFinding, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

# `find_quotes` and its types stay importable from here, where tests and callers find them.
__all__ = ["QuoteUnit", "QuotesAnalyzer", "Segment", "find_quotes"]

#: Longest quoted phrase (in words) that can be a scare quote; chosen from newsroom usage
#: ("frosty standoff", "double down", "a marketing slogan" are 1-3 words, a quoted clause
#: is rarely under six). On the gold set, 4 to 6 give the same result.
SCARE_MAX_WORDS = 5

#: Words right before a quote that make it a name, not speech ("a law called 'Fair Pay'",
#: "under the name 'Falcon'", "the nickname 'the Professor'").
_NAMING = (
    "so-called ",
    "so called ",
    "nicknamed ",
    "nickname ",
    "dubbed ",
    "known as ",
    "titled ",
    "entitled ",
    "called ",
    "named ",
    "the name ",
    "headlined ",
    "billed as ",
)
#: Longest lead looked at for a naming word: "the nickname " plus a space to spare.
_LEAD = 16
#: Verbs that name rather than report ("called the plan 'a fiasco'"): a cue only for the
#: quote they govern, not for any quote in the sentence ("Mom Calls 911; Boy Charged With
#: 'Self-Harm' Law").
_NAMING_VERBS = verbs_for("naming")
#: Longest quoted title ("Batman v Superman: Dawn of Justice", "The Lord of the Rings")
#: read as a title rather than speech; speech in Title Case is rare outside headlines.
TITLE_MAX_WORDS = 8
#: Longest quoted phrase read as a label between "the"/"a" and a noun ("the 'if it is
#: online it must be true' adage"); a clause that long placed there still names, not quotes.
LABEL_MAX_WORDS = 12
_TITLE_SMALL = frozenset("a an the and or of in on at to for from by with v vs vs. de la".split())
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp", "conj"})
_LABEL_DETERMINERS = frozenset("the a an this these those".split())
#: What may separate the quoted items of a list ('titles like "Dusk," "Ember" and "Tide"').
_LIST_GAP = re.compile(r"[\s,;]*(?:and|or|&)?[\s,]*")
_DETERMINERS = frozenset("the a an this that these those its their his her our your my".split())
#: How far (characters) to look either side of a quote for its attribution sentence.
_REACH = 400
#: Longest stretch between a cue and the colon that opens its quote ('said in a statement
#: on Monday evening:' is 36); longer, and the colon belongs to something else.
_COLON_REACH = 40


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

    def __init__(
        self, unit: QuoteUnit, text: str, para: tuple[int, int], inside: Callable[[int], bool]
    ) -> None:
        self.unit = unit
        self.text = text
        self.para = para
        self.parts = [
            (a + len(seg) - len(seg.lstrip()), b - (len(seg) - len(seg.rstrip())))
            for a, b in (s.inner for s in unit.segments)
            if (seg := text[a:b]).strip()
        ]
        self.quoted = " ".join(text[a:b] for a, b in self.parts)
        lo = max(para[0], unit.start - _REACH)
        j = unit.start - 1
        while j >= lo and not (text[j] in SENTENCE_ENDS and not inside(j)):
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
        while (
            k < hi
            and not (text[k] in SENTENCE_ENDS and not inside(k))
            and text[k] not in DOUBLE_MARKS
        ):
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
        quoted = QuotedRanges((s.open, s.end) for u in units for s in u.segments)
        inside = quoted.covers
        resolver = None
        if ctx.doc is not None:
            entities = ctx.of_kind("entity", EntityFinding)
            resolver = SpeakerResolver(
                ctx.doc, text, entities, quoted, ctx.article.body.start, cols=ctx.columns
            )
        paras = list(paragraphs(text))
        para_starts = [p[0] for p in paras]
        listed = _listed(units, text)
        body_start = ctx.article.body.start
        findings: list[FindingBase] = []
        last: tuple[int, Attribution] | None = None  # paragraph index, attribution
        for n, unit in enumerate(units):
            p = bisect_right(para_starts, unit.start) - 1
            info = _Unit(unit, text, paras[p], inside)
            if not info.parts:
                continue
            span = Span(start=unit.start, end=unit.end)
            attribution = self._cue(info, resolver)
            scare = self._scare(info, text, attribution, n in listed, body_start)
            if scare is not None:
                findings.append(
                    ScareQuoteFinding(span=span, confidence=confidence.SCARE_QUOTE, note=scare)
                )
                continue
            if attribution is None or attribution.speaker is None:
                attribution = self._fallback(info, text, resolver, attribution, last, p)
            if attribution.speaker is None and resolver is not None and p > 0:
                attribution = _lead_in(info, text, resolver, paras[p - 1]) or attribution
            if attribution.speaker is not None:
                last = (p, attribution)
            findings.append(_quote(span, info, attribution))
        return findings

    def _cue(self, info: _Unit, resolver: SpeakerResolver | None) -> Attribution | None:
        if resolver is None:
            return None
        cues: list[Token] = []
        for a, b in info.gaps:
            cues += [t for t in resolver.tokens_between(a, b) if is_speech_cue(t)]
        before = [t for t in resolver.tokens_between(*info.before) if is_speech_cue(t)]
        after = [t for t in resolver.tokens_between(*info.after) if is_speech_cue(t)]
        governing = _governing(resolver, info.parts[0][0])
        if before and info.embedded and self._colon_cue(info, before[-1]):
            # 'One local said: "..." the Beacon reports': the cue before the colon speaks.
            att = resolver.attribute(before[-1])
            if att.speaker is not None:
                return att
        if info.embedded:
            cues += governing + before[::-1] + after
        else:
            cues += after + before[::-1]
        # A naming verb ("calls", "dubbed") frames only the quote it governs.
        cues = [c for c in cues if CUE_FORMS[c.lower_] not in _NAMING_VERBS or c in governing]
        found = [resolver.attribute(cue) for cue in cues[:4]]
        # People first, then things that speak. "According to" names the source of the
        # whole report, so it never beats the verb whose clause holds the quote ('the
        # convent said she "is not a nun", according to a local paper').
        held = found[0] if governing and cues[:1] == governing else None
        for kinds in (("person", "org", "desc"), ("thing",)):
            for att in found:
                if att.speaker is not None and att.speaker.kind in kinds:
                    if att.cue == "according to" and held is not None and held.speaker:
                        return held
                    return att
        return found[0] if found else None

    @staticmethod
    def _colon_cue(info: _Unit, cue: Token) -> bool:
        """Whether `cue` introduces the quote through a colon ("said on Monday: '...'")."""
        lead = info.text[cue.idx + len(cue.text) : info.unit.start].rstrip()
        return lead.endswith(":") and len(lead) <= _COLON_REACH and lead.count(":") == 1

    def _scare(
        self,
        info: _Unit,
        text: str,
        attribution: Attribution | None,
        listed: bool,
        body_start: int,
    ) -> str | None:
        """The note of a scare quote, or None when the quote reports speech."""
        words = _words(info.quoted)
        lead = text[max(0, info.unit.start - _LEAD) : info.unit.start].lower()
        phrase = info.quoted if len(info.quoted) <= 80 else info.quoted[:77] + "..."
        if words <= SCARE_MAX_WORDS and lead.endswith(_NAMING):
            return f"Quoted name or label, not reported speech: '{phrase}'."
        if listed:
            return f"Quoted title or name in a list, not reported speech: '{phrase}'."
        if len(info.parts) > 1:
            return None
        cue = attribution.cue if attribution is not None else None
        follow = text[info.unit.end : info.unit.end + 2]
        lead_word = lead.rstrip().rsplit(" ", 1)[-1]
        label_slot = follow[:1] == " " and follow[1:].islower()
        if cue is None and info.embedded and not lead.rstrip().endswith(":"):
            if info.unit.start >= body_start and _is_title(info.quoted, TITLE_MAX_WORDS):
                # 'a photo from "The Long Night of Orsk."': a title, not a sentence.
                return f"Quoted title or name, not reported speech: '{phrase}'."
            if (
                words <= LABEL_MAX_WORDS
                and lead_word in _LABEL_DETERMINERS
                and label_slot
                and info.quoted[-1] not in SENTENCE_ENDS
            ):
                return f"Quoted words used as a label, not as reported speech: '{phrase}'."
        if words > SCARE_MAX_WORDS or info.quoted[-1] in SENTENCE_ENDS:
            return None
        if words <= 2 and lead_word in _DETERMINERS and label_slot:
            # the "all-day" claim: a quoted modifier between a determiner and its noun
            return f"Quoted word used as a label, not as reported speech: '{phrase}'."
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
                        return Attribution(ref, ref.span, tok.text, cue, confidence.COLON, "colon")
                ref = resolver.person_between(info.before[0], info.unit.start)
                if ref is not None:
                    return Attribution(ref, ref.span, None, None, confidence.COLON, "colon")
            tail = text[info.unit.end : info.unit.end + 3].lstrip(" ,.")
            if tail[:1] in (":", "-", "—", "–"):
                ref = resolver.person_between(info.unit.end, min(info.para[1], info.unit.end + 80))
                if ref is not None:
                    return Attribution(ref, ref.span, None, None, confidence.COLON, "colon")
        starts_paragraph = not text[info.para[0] : info.unit.start].strip()
        if last is not None and (
            last[0] == paragraph or (last[0] == paragraph - 1 and starts_paragraph)
        ):
            prev = last[1]
            return Attribution(
                prev.speaker, prev.speaker_span, None, None, confidence.CONTINUED, "continued"
            )
        return found or Attribution(None, None, None, None, confidence.UNATTRIBUTED, "none")


def _lead_in(
    info: _Unit, text: str, resolver: SpeakerResolver, previous: tuple[int, int]
) -> Attribution | None:
    """A quote standing alone in its paragraph, right after a paragraph that ends in
    "X said that ..." or "X said:", is X's.

    'Mayor Ilse Varn said that the bridge would reopen in spring. || "We owe the valley
    a crossing, and we will build it."': the second paragraph is the mayor's quote.
    """
    lo, hi = info.para
    if text[lo:hi].strip(" \t.,;") != text[info.unit.start : info.unit.end].strip(" .,;"):
        return None  # the paragraph holds more than the quote
    tokens = resolver.tokens_between(*previous)
    cues = [t for t in tokens if is_speech_cue(t) and not resolver.in_quote(t.idx)]
    if not cues:
        return None
    cue = cues[-1]
    tail = text[cue.idx : previous[1]].rstrip()
    # The cue must introduce what follows: a clause of its own ("said that ...") or a
    # colon ending the paragraph ("said:"); "Varn said nothing." leads into nothing.
    if not (tail.endswith(":") or any(c.dep_ == "ccomp" for c in cue.children)):
        return None
    found = resolver.attribute(cue)
    if found.speaker is None:
        return None
    return Attribution(
        found.speaker, found.speaker_span, found.cue, found.cue_span, confidence.LEAD_IN, "lead-in"
    )


def _is_title(quoted: str, longest: int) -> bool:
    """Whether `quoted` reads as a title: 2+ words, every word capitalized but small ones."""
    words = [w.strip(".,;:!?-–—()\"“”‘’'") for w in quoted.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= longest or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)


def _listed(units: list[QuoteUnit], text: str) -> set[int]:
    """Indices of short quotes listed side by side ('songs like "Dusk," "Ember" and "Tide"')."""
    short = [
        len(u.segments) == 1 and _words(text[slice(*u.segments[0].inner)]) <= SCARE_MAX_WORDS
        for u in units
    ]
    found: set[int] = set()
    for k in range(1, len(units)):
        gap = text[units[k - 1].end : units[k].start]
        if (
            short[k - 1]
            and short[k]
            and len(gap) <= 7
            and "\n" not in gap
            and _LIST_GAP.fullmatch(gap)
        ):
            found.update((k - 1, k))
    return found


def _governing(resolver: SpeakerResolver, pos: int) -> list[Token]:
    """A cue that governs the quote in the parse ("said the talks had been '...'").

    The climb passes through clauses reported by a verb (ccomp, xcomp, conj) but stops at
    any other verb outside the quote: in "Mom Calls 911; Boy Charged With 'X' Law" the
    quote belongs to "Charged", not to "Calls" further up.
    """
    tok = resolver.token_at(pos)
    for _ in range(8):
        if tok is None or tok.head == tok:
            return []
        tok = tok.head
        if resolver.in_quote(tok.idx):
            continue
        if is_speech_cue(tok):
            return [tok]
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in _REPORTED_CLAUSES:
            return []
    return []


def _quote(span: Span, info: _Unit, att: Attribution) -> QuoteFinding:
    speaker = att.speaker
    who = speaker.name if speaker is not None else None
    if who is None:
        note = "Quoted words whose speaker the text does not make clear."
    elif att.how == "continued":
        note = f"Quoted words with no attribution of their own, taken to continue {who}'s quote."
    elif att.how == "lead-in":
        note = f"Quoted words standing alone after {who}'s statement in the paragraph before."
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
