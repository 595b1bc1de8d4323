"""Sensational wording: loaded verbs and terms, hype, shouting and emotional words.

    >>> findings = list(SensationalAnalyzer().analyze(Context(article=article)))

Regex only (no parse needed), over `ctx.article.text`. Each finding has a `category`:

- ``loaded_verb`` / ``loaded_term`` / ``intensifier`` / ``superlative`` / ``absolute``:
  the curated lists in ``lexicons/`` (each file's header says where it comes from);
  "X-est ever" and "most X ever" are also matched by pattern. Bare absolutes ("never",
  "everyone") count only in the headline: in body copy they are mostly plain fact.
- ``emotional``: VADER's lexicon (a declared dependency, read from the installed package)
  restricted to words with |valence| >= 2.5, minus ``news_neutral.txt``: VADER was built
  for social media, where "killed" or "war" is emotional, while in news they name events.
  A straight "three people were killed" is not reported; "horrific massacre" is.
- ``exclamation``: a run of "!"; ``all_caps``: a shouted ordinary word ("NEVER",
  "HUGE"), not an acronym, a dateline ("WASHINGTON —"), a byline or an all-caps line.

Verbs with a literal sense ("fire destroys homes", "volcano erupts") are not reported when
their sentence has a physical-event word (``literal_context.txt``).

Words inside a quotation belong to the speaker, not the outlet: they are still reported
(readers see what the article chose to quote) but at half confidence, with a note saying
so, and they are left out of the article-level ``sensational_rate`` signal (sensational
findings in the outlet's own voice per 100 words, scare quotes included when the quotes
analyzer ran; `details` has the count per category).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.rhetoric import confidence as CONFIDENCE
from newsprobe.analyzers.shared.dateline import dateline_openings
from newsprobe.analyzers.shared.lexicon import (
    PhraseMatcher,
    SpanSet,
    fold_case,
    load_lexicon,
    normalize_phrase,
    quoted_regions,
    sentence_spans,
)
from newsprobe.analyzers.shared.lexicon_files import load_words, tagged
from newsprobe.findings import FindingBase, QuoteFinding, SensationalFinding, SignalFinding, Span

__all__ = ["MAX_FINDINGS", "VADER_THRESHOLD", "SensationalAnalyzer", "vader_emotional_words"]

#: |valence| cut on VADER's -4..4 scale. Swept 2.0-3.0 on tests/gold/spin_articles.json
#: (sensational, overlap match): 2.0 gave P 0.77 / R 0.88, 2.3 P 0.89 / R 0.88 (mild words
#: like "fear", "attack" that sober copy uses), 2.5 and 2.8 P 0.99 / R 0.88, 3.0 R 0.87.
#: 2.5 is the lowest cut that keeps precision: it keeps "furious", "pathetic", "chaos".
VADER_THRESHOLD = 2.5

# Curated lists in priority order: a phrase listed twice keeps the first category.
_LISTS = (
    ("ignore", "ignore"),
    ("superlative", "superlatives"),
    ("absolute", "absolutes"),
    ("intensifier", "intensifiers"),
    ("loaded_term", "loaded_terms"),
    ("loaded_verb", "loaded_verbs"),
)
# Confidences and how they were set: `confidence.py`.
_CONFIDENCE = CONFIDENCE.SENSATIONAL
_QUOTED_FACTOR = CONFIDENCE.SENSATIONAL_QUOTED_FACTOR
#: Findings reported per article; the rate signal still counts every hit. A genuine
#: article has tens; thousands only come from junk (a page of "SLAMS SLAMS ..."), where
#: more highlights help no reader and each finding costs the pipeline validation time.
MAX_FINDINGS = 1000
# Words that open the phrase naming what a loaded verb is about: "slams the minister
# over ferry delays", "erupts in fury about fire safety". A physical-event word after one
# of these is the topic, not the thing acted on, so it does not make the verb literal.
# "into", "through", "onto" are left out on purpose: "slammed into a wall" is literal.
_TOPIC_PREPOSITIONS = frozenset("over about amid for as after regarding concerning".split())
# A verb followed by one of these has no direct object ("exploded over the city", "slammed
# into a wall", "rage about"), so none of what follows is a topic phrase.
_PREPOSITIONS = frozenset(
    "over about amid for as after into onto on in at with through across near above below "
    "under off out up down around along against".split()
)
_NOT_SUPERLATIVE = load_words("rhetoric/not_superlatives")
# "biggest ever", "most reckless budget ever", "best home battery ever", "biggest discovery in
# decades": a superlative, up to two words, then an unbounded comparison. "The biggest fall
# in three years" is not matched: a stated period is a checkable comparison, not hype.
# Case-insensitive by being run on the `fold_case` text (twice as fast as IGNORECASE).
_COMPARISON = r"(?:ever|in (?:decades|history|a generation|living memory))(?!\w)"
_SUPERLATIVE = re.compile(
    rf"(?<!\w)(?<!\w['’])(?:(\w+est|worst)|most\s+\w+)(?:[\s-]+\w+){{0,2}}?[\s-]+{_COMPARISON}"
)
# Every `_SUPERLATIVE` match ends in a comparison, which most articles lack. Led by plain
# letters, this is searched for at C speed; `_SUPERLATIVE` is tried at every character.
_HAS_COMPARISON = re.compile(_COMPARISON)
_EXCLAMATION = re.compile(r"(?<![<!])!+")
_CAPS = re.compile(r"(?<!\w)(?<!\w['’])[A-Z][A-Z'’]*[A-Z](?![\w'’])")
# Where a `_CAPS` match can start: a capital before a capital or an apostrophe. Led by a
# character class, it is scanned for at C speed, unlike `_CAPS` with its lookbehinds.
_CAPS_START = re.compile(r"[A-Z](?=[A-Z'’])")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_NOTES = {
    "loaded_verb": "{w} is a loaded verb that dramatizes what was said or done.",
    "loaded_term": "{w} is loaded wording that judges or dramatizes rather than describes.",
    "intensifier": "{w} is an intensifier that amplifies without adding information.",
    "superlative": "{w} is a hyped superlative.",
    "absolute": "{w} is a sweeping absolute claim.",
    "emotional": "{w} is emotionally charged wording.",
    "exclamation": "An exclamation mark signals excitement rather than information.",
    "all_caps": "{w} is written in capitals, which reads as shouting.",
}


@cache
def vader_emotional_words(threshold: float = VADER_THRESHOLD) -> dict[str, float]:
    """VADER words with |valence| >= `threshold`, minus the news-neutral ones.

    Read from the installed ``vaderSentiment`` package (``vader_lexicon.txt``: word, mean
    valence, deviation, raw ratings). Emoticons and tokens with digits are skipped.
    """
    raw = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    neutral = load_lexicon("rhetoric/news_neutral")
    words: dict[str, float] = {}
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z][a-z'-]*[a-z]", parts[0]):
            continue
        valence = float(parts[1])
        if abs(valence) >= threshold and parts[0] not in neutral:
            words[parts[0]] = valence
    return words


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    category: str
    lexicon: str
    confidence: float


class SensationalAnalyzer(Analyzer):
    """Loaded, emotional or intensifying wording, and the sensational rate of the article."""

    name = "sensational"
    version = "1"
    provides = frozenset({"sensational", "signal"})
    uses = frozenset({"quote", "scare_quote"})

    def __init__(self) -> None:
        self._matcher: PhraseMatcher | None = None
        self._headline_matcher: PhraseMatcher | None = None
        self._lexicon_of: dict[str, str] = {}
        self._guarded: frozenset[str] = frozenset()
        self._literal: frozenset[str] = frozenset()
        self._caps_words: frozenset[str] = frozenset()
        self._acronyms: frozenset[str] = frozenset()
        self._vader: dict[str, float] = {}

    def warm_up(self) -> None:
        if self._matcher is not None:
            return
        self._vader = vader_emotional_words(VADER_THRESHOLD)
        lists = {label: load_lexicon(f"rhetoric/{file}") for label, file in _LISTS}
        self._lexicon_of = {label: file for label, file in _LISTS} | {"emotional": "vader"}
        self._matcher = PhraseMatcher({**lists, "emotional": self._vader})
        self._headline_matcher = PhraseMatcher(
            {"ignore": lists["ignore"], "absolute": load_lexicon("rhetoric/absolutes_bare")}
        )
        self._guarded = load_lexicon("rhetoric/guarded_verbs")
        self._literal = load_lexicon("rhetoric/literal_context")
        # Shared with the headline form check; each keeps its own subset ("body").
        self._acronyms = frozenset(normalize_phrase(a) for a in tagged("shared/acronyms", "body"))
        known = set(load_lexicon("rhetoric/caps_words4")) | set(self._vader)
        for phrases in lists.values():
            known |= {p for p in phrases if " " not in p}
        self._caps_words = frozenset(known)

    def analyze(self, ctx: Context) -> Iterator[FindingBase]:
        self.warm_up()
        text = ctx.article.text
        quotes = SpanSet(
            quoted_regions(text)
            + [
                (part.start, part.end)
                for quote in ctx.of_kind("quote", QuoteFinding)
                for part in (quote.parts or [quote.span])
            ]
        )
        hits = sorted(
            [*self._lexical(text, ctx.article.headline), *self._shouting(text)],
            key=lambda h: (h.start, h.end, h.category),
        )
        counts: Counter[str] = Counter()
        for number, hit in enumerate(hits):
            quoted = quotes.covers(hit.start, hit.end)
            words = f'"{text[hit.start : hit.end]}"'
            note = _NOTES[hit.category].format(w=words)
            if quoted:
                note = note[:-1] + ", in a quotation: the speaker's words, not the outlet's."
                counts["quoted"] += 1
            else:
                counts[hit.category] += 1
            if number >= MAX_FINDINGS:
                counts["not_reported"] += 1
                continue
            yield SensationalFinding(
                span=Span(start=hit.start, end=hit.end),
                confidence=round(hit.confidence * (_QUOTED_FACTOR if quoted else 1.0), 3),
                note=note,
                category=hit.category,
                lexicon=hit.lexicon,
                quoted=quoted,
            )
        # Scare quotes (from the quotes analyzer) frame in the outlet's own voice too.
        scare = len(ctx.of_kind("scare_quote"))
        if scare:
            counts["scare_quote"] += scare
        n_words = len(_WORD.findall(text))
        if n_words:
            own = sum(n for key, n in counts.items() if key not in ("quoted", "not_reported"))
            rate = round(100.0 * own / n_words, 3)
            scope = ctx.article.body if len(ctx.article.body) else ctx.article.headline
            framing = f", {scare} of them scare-quoted phrases" if scare else ""
            yield SignalFinding(
                span=scope,
                confidence=CONFIDENCE.SIGNAL,
                note=f"{own} sensational words or marks in the outlet's own voice{framing}, "
                f"{rate:g} per 100 words.",
                name="sensational_rate",
                value=rate,
                details={**{k: float(v) for k, v in sorted(counts.items())}, "words": n_words},
            )

    def _lexical(self, text: str, headline: Span) -> Iterator[_Hit]:
        assert self._matcher is not None and self._headline_matcher is not None
        matches = list(self._matcher.finditer(text))
        taken = SpanSet((m.start, m.end) for m in matches if m.label != "ignore")
        sentences: SpanSet | None = None  # split on the first guarded verb, if any
        for m in matches:
            if m.label == "ignore":
                continue
            if m.phrase.split(" ")[0] in self._guarded:
                if sentences is None:
                    sentences = SpanSet(sentence_spans(text))
                if self._literal_sense(text, sentences, m.start, m.end):
                    continue
            confidence = _CONFIDENCE.get(m.label, 0.0)
            if m.label == "emotional":
                # Rising with strength from the cut; never above a curated list.
                strength = abs(self._vader.get(m.phrase, VADER_THRESHOLD)) - VADER_THRESHOLD
                floor, step, cap = CONFIDENCE.SENSATIONAL_EMOTIONAL
                confidence = min(cap, floor + step * strength)
            yield _Hit(m.start, m.end, m.label, self._lexicon_of[m.label], confidence)
        folded = fold_case(text)
        superlatives = _SUPERLATIVE.finditer(folded) if _HAS_COMPARISON.search(folded) else ()
        for s in superlatives:
            head = text[s.start(1) : s.end(1)].lower() if s.start(1) >= 0 else ""
            if head not in _NOT_SUPERLATIVE and not taken.touches(s.start(), s.end()):
                yield _Hit(s.start(), s.end(), "superlative", "pattern", 0.7)
        for m in self._headline_matcher.finditer(text, headline.start, headline.end):
            if m.label != "ignore" and not taken.touches(m.start, m.end):
                yield _Hit(m.start, m.end, "absolute", "absolutes_bare", 0.45)

    def _literal_sense(self, text: str, sentences: SpanSet, start: int, end: int) -> bool:
        """Whether the verb at `[start, end)` acts on something physical ("fire destroys
        homes", "volcano erupts", "car slammed into a wall").

        True when its sentence has a physical-event word, except in the phrase that names
        what the verb is about ("slams critics over ferry contract": the ferry is the
        topic of the criticism, not what was slammed). That phrase starts at the first
        `_TOPIC_PREPOSITIONS` word after the verb's direct object.
        """
        index = sentences.index_of(start)
        if index is None:
            return False
        first, last = sentences.range(index)
        words = [w.lower() for w in _WORD.findall(text, first, start)]
        after = [w.lower() for w in _WORD.findall(text, end, last)]
        # Only a verb with a direct object has a topic phrase: "exploded over the city
        # with the force of bombs" opens with a preposition, and all of it is the event.
        if after and after[0] not in _PREPOSITIONS:
            cut = next((i for i, w in enumerate(after) if w in _TOPIC_PREPOSITIONS), None)
            after = after[:cut]
        return not self._literal.isdisjoint(words + after)

    def _shouting(self, text: str) -> Iterator[_Hit]:
        # The pattern opens with a lookbehind, tried at every character: skip it when
        # there is no "!" at all, as in most news copy.
        for m in _EXCLAMATION.finditer(text) if "!" in text else ():
            yield _Hit(m.start(), m.end(), "exclamation", "pattern", _CONFIDENCE["exclamation"])
        house_style: SpanSet | None = None  # built on the first shouted word, if any
        styled_lines: dict[int, bool] = {}
        for m in _capitals(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if line_start not in styled_lines:
                styled_lines[line_start] = _mostly_capitals(text, line_start)
            if styled_lines[line_start] or not self._shouted(m.group()):
                continue
            if _label_or_name(text, line_start, m.start(), m.end()):
                continue
            if house_style is None:
                # A line opening with a place in capitals ("WASHINGTON —", "LONDON, May 3
                # (AP)") or a byline ("By JANE DOE"): house style, not shouting.
                house_style = SpanSet(dateline_openings(text))
            if not house_style.touches(m.start(), m.end()):
                yield _Hit(m.start(), m.end(), "all_caps", "pattern", _CONFIDENCE["all_caps"])

    def _shouted(self, token: str) -> bool:
        """An ordinary word in capitals, not an acronym or a numeral."""
        word = token.lower().replace("’", "'")
        letters = sum(c.isalpha() for c in word)
        if letters < 4 or word in self._acronyms or _ROMAN.match(token):
            return False
        if not any(c in "aeiouy" for c in word):
            return False  # "HMRC", "PSNI": no vowel, an initialism
        base = word.removesuffix("'s")
        if len(base) <= 4:
            return base in self._caps_words
        return True


def _capitals(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_CAPS.finditer(text)``, tried only where one can start."""
    cursor = 0
    for start in _CAPS_START.finditer(text):
        if start.start() < cursor:
            continue
        match = _CAPS.match(text, start.start())
        if match is not None:
            yield match
            cursor = match.end()


def _label_or_name(text: str, line_start: int, start: int, end: int) -> bool:
    """Capitals that are a label or part of a name, not emphasis.

    Seen on real copy (FNC-1 bodies 500-524: 10 of 11 all-caps findings were these): a
    kicker opening a line ("WATCH: ...", "PHOTO: ..."), a tag in brackets ("(UPDATED)"),
    a credit joined by a slash ("REUTERS/Stringer", "AFP PHOTO/JORDANIAN TV") and an
    acronym leading a name ("the MERIA Journal").
    """
    before = text[line_start:start].strip(" \t\"'“‘")
    after = text[end : end + 2]
    if not before and after[:1] == ":":
        return True
    if text[start - 1 : start] in ("(", "[") and after[:1] in (")", "]"):
        return True
    if text[start - 1 : start] == "/" or after[:1] == "/":
        return True
    # An acronym before a capitalized word, not itself after one (a Title Case run).
    nxt = re.match(r" ([A-Z][a-z]+)", text[end : end + 40])
    prev = re.search(r"(?:^|\s)(\S+) $", text[max(line_start, start - 40) : start])
    return nxt is not None and (prev is None or not prev.group(1)[:1].isupper())


def _mostly_capitals(text: str, line_start: int) -> bool:
    """Whether the line is mostly in capitals (or has no words): wire slugs, some feeds'
    headlines. There capitals are a style, not emphasis on particular words."""
    line_end = text.find("\n", line_start)
    words = _WORD.findall(text, line_start, len(text) if line_end < 0 else line_end)
    caps = sum(1 for w in words if len(w) > 1 and w.isupper())
    return not words or caps * 2 > len(words)
