"""People, organizations, places and events, with every mention merged into one entity.

spaCy's small English model finds names but treats each mention alone, and makes
predictable mistakes. This analyzer cleans its spans, adds the mentions it missed, and
merges mentions that name the same thing:

1. Clean (`tagged_names`): drop a leading "the", titles ("Mrs Merkel" -> "Merkel"),
   trailing punctuation and possessives; split "World Health Organization (WHO" into name
   and acronym. A name after a courtesy or office title is a person whatever label spaCy
   gave it.
2. Recover (`recovery`): a run of proper nouns spaCy skipped is kept as a person
   when the parse says so (a title before it, an appositive role, the subject of "said").
3. Merge (`aliases`): same name; names in the alias table ("U.S." = "United States"); a
   bare surname or first name with the one full name it completes; an acronym with the
   name whose initials it spells, or that it follows in parentheses.
4. Repeat (`repeats`): later occurrences of a known name (or surname) spaCy did not
   tag are added.
5. Role (`roles`): the office or job the text gives a person ("national security
   adviser Jane Doe", "Jane Doe, the national security adviser,").

This module runs the passes in order and turns each entity into one finding; the word
lists they share are in `words` (read from `lexicons/`), the mention record in `mentions`.

A bare surname shared by two people in the article ("Ruiz" with "Ana Ruiz" and "Luis Ruiz")
is not merged with either: attributing words to the wrong person is worse than leaving a
mention unresolved. It becomes its own entity whose note names both candidates. Pronouns
and descriptions ("the chancellor") are not resolved here.

Headlines in Title Case or capitals make spaCy tag most words as names, so a name found
only there is kept only when it joins an entity of the body. The same holds for the
headlines an article quotes or lists ("its piece, “Chain Gets License To Sell Pizza In
Ohio Stores.”", a "Related" line): a name inside one is kept only when the text names it
elsewhere too, or when it is the whole quoted title.

    >>> Pipeline(["entities"]).analyze(article).of_kind("entity")
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import ClassVar

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.entities import confidence as CONFIDENCE
from newsprobe.analyzers.entities.aliases import cluster
from newsprobe.analyzers.entities.labels import DISEASE, relabel
from newsprobe.analyzers.entities.mentions import Mention, Parsed, mention_text, taken_by
from newsprobe.analyzers.entities.name_forms import preferred_name
from newsprobe.analyzers.entities.recovery import (
    parenthesized_acronyms,
    recover_organizations,
    recover_people,
)
from newsprobe.analyzers.entities.repeats import repeat_names
from newsprobe.analyzers.entities.roles import role_for
from newsprobe.analyzers.entities.tagged_names import ner_mentions
from newsprobe.analyzers.shared.lexicon_files import tagged
from newsprobe.findings import EntityFinding, Span

__all__ = ["EntitiesAnalyzer"]

_READABLE = {
    "PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
    "NORP": "Group", "FAC": "Facility", "EVENT": "Event", "LAW": "Law",
    "PRODUCT": "Product", "WORK_OF_ART": "Work",
}  # fmt: skip


class EntitiesAnalyzer(Analyzer):
    """People, organizations, places and events, each with all its mentions."""

    name: ClassVar[str] = "entities"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc:ents", "doc:parse", "doc:tags"})
    provides: ClassVar[frozenset[str]] = frozenset({"entity"})

    def analyze(self, ctx: Context) -> Iterable[EntityFinding]:
        doc = ctx.doc
        if doc is None or len(doc) == 0:
            return []
        p = Parsed.of(doc, ctx.text, ctx.columns)
        head = ctx.article.headline
        shouty = _shouting_headline(ctx.article.headline_text)
        headline_end = head.end if shouty else -1
        mentions, pairs = ner_mentions(p, headline_end)
        taken = taken_by(p, mentions)
        mentions += recover_people(p, taken, headline_end)
        mentions += recover_organizations(p, taken, headline_end)
        pairs += parenthesized_acronyms(p, mentions, taken)
        _weaken_in_titles(p, mentions, head.end)
        if not shouty:
            _weaken_shouted(p, mentions, head.start, head.end)
        relabel(p, mentions)
        clusters, ambiguous = cluster(p, mentions, pairs)
        repeat_names(p, clusters, taken, ambiguous)
        findings = []
        for members in clusters:
            if all(m.weak for m in members) or any(m.label == DISEASE for m in members):
                continue  # also the empty ones
            findings.append(_finding(p, sorted(members, key=lambda m: m.start), ambiguous))
        findings.sort(key=lambda f: (f.span.start, f.span.end))
        return findings


# Acronyms of either use (see the lexicon's header): spelling, not shouting.
_ACRONYMS = tagged("shared/acronyms", "body", "headline")


def _shouting_headline(headline: str) -> bool:
    """Title Case or ALL CAPS: spaCy then tags every capitalized word as a name."""
    words = re.findall(r"[^\W\d_]{4,}", headline)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# A quoted passage: straight or curly double quotes, on one line.
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{8,240})[”\"″]")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
# Short words Title Case capitalizes and prose does not (when not opening the sentence).
_TITLE_SMALL = re.compile(
    r"(?<=\w)[\s:,]+(?:Of|In|On|To|At|For|By|With|From|After|Is|Are|The|A|An)\b"
)
# Not "by": "(Reporting by Ana Ruiz; Editing by Ben Li)" is a credit line, not a headline.
_PREPOSITION = re.compile(r"\s(?:in|on|of|to|at|for|with|from|after|over|into)\s")


def _title_case(segment: str, least: int) -> bool:
    """A headline-style run: at least `least` words of four letters or more, every one
    capitalized, and a small word that says Title Case ("Kill 37 in Colorado On First Day",
    "Photos Of ...") rather than a list of names ("Ana Ruiz, Ben Li and Carla Díaz")."""
    words = _LONG_WORD.findall(segment)
    return (
        len(words) >= least
        and all(w[0].isupper() for w in words)
        and bool(_TITLE_SMALL.search(segment) or _PREPOSITION.search(segment))
    )


def _weaken_shouted(p: Parsed, mentions: list[Mention], start: int, end: int) -> None:
    """Mark one-word names in capitals inside a mixed-case headline weak, in place.

    "Coffee could slash your risk by HALF": spaCy's small model reads a shouted word as an
    organization, and the headline check then reported that the body "never mentions
    HALF". Kept only when it joins a name of the body: an acronym the story spells out
    ("VELCOR fined" over a body about Velcor) is still an entity. Known acronyms (NATO,
    FIFA: `shared/acronyms`) and words without a vowel (initialisms) are never weakened.
    """
    cols, idx = p.cols, p.cols.idx
    for m in mentions:
        word = cols.text[m.start]
        if (
            m.end - m.start == 1
            and start <= idx[m.start] < end
            and word.isupper()
            and len(word) >= 4
            and any(c in "AEIOUY" for c in word)
            and word not in _ACRONYMS
        ):
            m.weak = True


def _weaken_in_titles(p: Parsed, mentions: list[Mention], body_start: int) -> None:
    """Mark the mentions inside quoted or listed headlines weak, in place.

    Quoted headlines of other stories ("its recent piece, “Chain Gets License To Sell
    Pizza In Ohio Stores.”") and headline lines ("Related", link lists) are in Title Case,
    where spaCy's small model tags every few words as a name: on FNC-1 bodies 1200-1224
    one such quote gave seven false entities. A mention that is the whole quoted title
    (a film, a book) is kept.
    """
    text = p.text
    ranges: list[tuple[int, int, bool]] = []  # (start, end, quoted)
    for match in _QUOTED.finditer(text, body_start):
        if _title_case(match.group(1), 3):
            ranges.append((match.start(1), match.end(1), True))
    start = body_start
    for line in text[body_start:].split("\n"):  # a headline line ends with no full stop
        if len(line) <= 240 and not line.rstrip().endswith(".") and _title_case(line, 4):
            ranges.append((start, start + len(line), False))
        start += len(line) + 1
    if not ranges:  # most articles
        return
    idx = p.cols.idx
    for m in mentions:
        first, last = idx[m.start], p.end_char(m.end - 1)
        for begin, end, quoted in ranges:
            if begin <= first and last <= end:
                whole = (
                    quoted
                    and text[begin:first].strip() in ("", "The", "A", "An")
                    and not text[last:end].strip(" .,:;!?'’")
                )
                m.weak = m.weak or not whole
                break


def _finding(p: Parsed, members: list[Mention], ambiguous: dict[int, list[str]]) -> EntityFinding:
    """One entity's finding: the fullest name, every mention, the label most mentions vote for."""
    votes: Counter[str] = Counter()
    for m in members:
        votes[m.label] += (2 if m.titled else 1) + (m.end - m.start > 1)
    label, top = votes.most_common(1)[0]
    texts = [mention_text(p, m) for m in members]
    # A name written out in the body is the name, not a Title Case headline's run of words.
    written = [t for t, m in zip(texts, members, strict=True) if not m.weak]
    canonical = preferred_name(written or texts)
    spans = [Span(start=p.cols.idx[m.start], end=p.end_char(m.end - 1)) for m in members]
    role = None
    if label == "PERSON":
        role = next((r for m in members if (r := role_for(p, m.start, m.end))), None)
    aliases = sorted(set(texts) - {canonical}, key=texts.index)
    # Mentions and label agreement; the values and how they were set: `confidence.py`.
    c = CONFIDENCE
    confidence = (c.ONE_MENTION + c.PER_MENTION * min(len(members) - 1, c.MENTIONS_COUNTED)) * (
        c.AGREEMENT_FLOOR + c.AGREEMENT_WEIGHT * top / sum(votes.values())
    )
    if all(m.source == "recovered" for m in members):
        confidence = min(confidence, c.RECOVERED_CAP)
    times = "once" if len(members) == 1 else f"{len(members)} times"
    shown = ", ".join(f"'{t}'" for t in [canonical, *aliases][:5])
    note = f"{_READABLE.get(label, label.title())} mentioned {times}, as {shown}."
    if role is not None:
        note = note[:-1] + f"; described as {role[0]}."
    candidates = next((ambiguous[id(m)] for m in members if id(m) in ambiguous), None)
    if candidates:
        confidence = min(confidence, c.AMBIGUOUS_CAP)
        note += f" The name alone may refer to {' or '.join(candidates)}."
    return EntityFinding(
        span=spans[0],
        confidence=round(min(confidence, c.CEILING), 3),
        note=note,
        canonical=canonical,
        label=label,
        mentions=spans,
        aliases=aliases,
        role=role[0] if role else None,
        role_span=role[1] if role else None,
    )
