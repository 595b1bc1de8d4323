"""Event frames: who met, attacked, signed, ruled or died, where, when and for how long.

Each event is anchored on a trigger word read off the parse, and its slots are filled from
the words the parse attaches to that trigger, never from anywhere in the sentence:

- types (`EVENT_TYPES`): meeting (met, talks, summit, sat down with), statement
  (announcements and written statements, not every "said"), attack, death_toll (deaths
  with a count), death (one person's death), election (elections and vote results),
  agreement (signed, agreed), arrest (arrests, detentions, charges), court_ruling,
  resignation, launch (products unveiled, facilities opened), disaster.
- participants: entity ids (PERSON, ORG, GPE, NORP) in the trigger's subject, object and
  "with"/"between"/"by" phrases; a statement's parties are only who spoke, not what was
  announced. "The pair", "the two leaders", "both" resolve to the two
  people the article mentions most (ties: the first mentioned): a piece about two people
  uses these words for them.
- place: a place in an "in"/"at"/"near" phrase on the trigger, or "on the margins of the
  conference"; the dateline ("VARN, Kestrava (Coastline Wire) -") for the first event of
  the body when nothing closer names one.
- time: a time expression attached to the trigger, resolved by `newsprobe.analyzers.shared.timex`
  against the publication date; future events ("will meet on Friday") resolve forward.
- duration: the id of a duration quantity attached to the trigger ("the talks lasted ...").

Triggers inside quotation marks, negated ("nobody resigned"), hypothetical ("could sign"),
in questions, or in a sense that reports no event ("agreed that ...", "met his maker", "a
heart attack", "wants to meet", "a reward for information leading to his arrest"; see
`event_senses`) are skipped: they are not the reporter saying that something happened.
An event still to come ("will meet on Friday") is reported, and its note says "Expected".

Mentions of one event are merged into one finding: in a sentence by type; across sentences
when a later mention refers back ("the talks", "the fire"), adds nothing new, or shares a
participant or place, and no time or place contradicts; a headline mention joins the first
compatible body mention. The finding's span is the sentence of the mention with the most
slots filled (the first such); its other mentions lend their slots. Without the `entities`
analyzer spaCy's names stand in for entity ids.

    >>> Pipeline(["entities", "quantities", "events"]).analyze(article).of_kind("event")
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.events import confidence as CONFIDENCE
from newsprobe.analyzers.events import slots
from newsprobe.analyzers.events.names import Names, Slot
from newsprobe.analyzers.events.participants import participants
from newsprobe.analyzers.events.triggers import (
    candidate_triggers,
    counted,
    phrase_head,
    quoted_mask,
    trigger_span,
    trigger_type,
)
from newsprobe.findings import EntityFinding, EventFinding, QuantityFinding, Span
from newsprobe.units import readable_duration

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["EVENT_TYPES", "EventsAnalyzer"]

#: Event type -> how the note names it.
EVENT_TYPES: dict[str, str] = {
    "meeting": "Meeting",
    "statement": "Statement",
    "attack": "Attack",
    "death_toll": "Deaths",
    "death": "Death",
    "election": "Vote",
    "agreement": "Agreement",
    "arrest": "Arrest or charge",
    "court_ruling": "Court ruling",
    "resignation": "Resignation",
    "launch": "Launch",
    "disaster": "Disaster",
}

_PARTY_WORD = {"statement": " by ", "launch": " by ", "resignation": " by "} | dict.fromkeys(
    ("attack", "death_toll", "death", "arrest", "court_ruling", "disaster"), " involving "
)
#: Events a new mention is compared with, most recent first. News returns to an event within
#: a few paragraphs; the bound keeps a 300 KB page linear (every gold merge is within 5).
_LOOK_BACK = 12
_ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
# Types whose mentions name many parties (every party in an election, every village in a
# flood): sharing a participant is no test of sameness, so only a contradiction splits them.
_ONE_PER_STORY = frozenset({"election", "disaster", "death_toll"})
_COUNTED = frozenset({"attack", "death_toll", "disaster"})  # their notes say the toll


@dataclass
class _Mention:
    """One trigger with the slots read off the parse around it."""

    event_type: str
    trigger: Span
    sentence: Span
    in_headline: bool = False
    index: int = 0  # sentence number
    lemma: str = ""
    name: str | None = None  # a named event: "Storm Aurel"
    participants: list[Slot] = field(default_factory=list)
    place: Slot | None = None
    place_detail: str | None = None
    time: Slot | None = None
    duration: tuple[str, float, bool] | None = None  # id, minutes, approximate
    anaphoric: bool = False
    expected: bool = False  # still to come: "will meet", "is due to sign"
    inferred: int = 0  # slots filled by inference ("the pair", the dateline), not text
    toll: list[str] = field(default_factory=list)  # "14 dead", for attacks and tolls

    def filled(self) -> int:
        slots = (self.participants or None, self.place, self.time, self.duration)
        return sum(slot is not None for slot in slots)

    def ids(self) -> set[str]:
        return {key for key, _ in self.participants}

    def absorb(self, other: _Mention) -> None:
        """Fill empty slots from another mention of the same event; keep the first body span."""
        # The first body mention states the event (the lead); a headline gives way to it.
        if self.in_headline and not other.in_headline:
            self.trigger, self.sentence, self.in_headline = (
                other.trigger,
                other.sentence,
                other.in_headline,
            )
        known = self.ids()
        # "The two leaders were joined for part of the meeting by their ministers": a
        # mention referring back does not make newcomers parties to a two-sided meeting.
        if not (other.anaphoric and len(known) >= 2):
            self.participants += [p for p in other.participants if p[0] not in known]
        if self.place is None and other.place is not None:
            self.place, self.place_detail = other.place, other.place_detail
        if self.time is None or (other.time and len(other.time[0]) > len(self.time[0])):
            self.time = other.time or self.time  # the more precise of two compatible dates
        self.name = self.name or other.name
        # One mention saying it happened outweighs another announcing it.
        self.expected = self.expected and other.expected
        self.duration = self.duration or other.duration
        self.inferred += other.inferred

    def conflicts(self, other: _Mention) -> bool:
        if self.name and other.name and self.name != other.name:
            return True
        return bool(self.time and other.time and not _same_time(self.time[0], other.time[0]))


class EventsAnalyzer(Analyzer):
    """Events (meetings, attacks, agreements, deaths...) with participants, place and date."""

    name = "events"
    version = "2"
    requires = frozenset({"doc", "doc:parse", "doc:ents", "doc:lemmas", "doc:tags"})
    uses = frozenset({"entity", "quantity"})
    provides = frozenset({"event"})
    #: Longest sentence read, in tokens: no news sentence is longer, and the parse of
    #: run-on debris (tables, lists without punctuation) yields no trustworthy frames.
    MAX_SENTENCE_TOKENS: ClassVar[int] = 120

    def warm_up(self) -> None:
        from newsprobe.analyzers.shared import timex

        timex.warm_up()

    def analyze(self, ctx: Context) -> Iterator[EventFinding]:
        doc = ctx.doc
        if doc is None or not ctx.text.strip():
            return
        names = Names.build(
            doc, ctx.of_kind("entity", EntityFinding), skip=slots.dateline_region(ctx.article)
        )
        durations = [
            q for q in ctx.of_kind("quantity", QuantityFinding) if q.dimension == "duration"
        ]
        quoted = quoted_mask(ctx.text)
        cols = ctx.columns
        # Token indices that may trigger, found in one pass over the columns: the few
        # percent of tokens worth building a spaCy Token for.
        candidates = candidate_triggers(cols, quoted)
        mentions: list[_Mention] = []
        for index, sentence in enumerate(doc.sents):
            # Slice the text rather than read `sentence.text`: spaCy rebuilds it token by token.
            text = ctx.text[sentence.start_char : sentence.end_char]
            if len(sentence) > self.MAX_SENTENCE_TOKENS or text.rstrip().endswith("?"):
                continue
            in_sentence: list[_Mention] = []
            first = bisect_left(candidates, sentence.start)
            for i in candidates[first : bisect_left(candidates, sentence.end, first)]:
                token = cols.tokens[i]
                event_type = trigger_type(token, quoted)
                if event_type is None:
                    continue
                mention = self._read(ctx, token, (sentence, text), event_type, names, durations)
                mention.index = index
                same = next((m for m in in_sentence if m.event_type == event_type), None)
                if same is None:
                    in_sentence.append(mention)
                else:
                    same.absorb(mention)
            mentions.extend(in_sentence)
        events = _merge(mentions)
        dateline = slots.dateline(ctx.article, names)
        body_events = sorted(
            (e for e in events if not e.in_headline), key=lambda e: e.sentence.start
        )
        for event in body_events:
            if dateline is None or event.sentence.start != body_events[0].sentence.start:
                break
            if event.place is None:  # the dateline places what the first sentence reports
                event.place = dateline
                event.inferred += 1
        tolls = [
            q
            for q in ctx.of_kind("quantity", QuantityFinding)
            if q.dimension == "casualties" and q.about
        ]
        places = {e.sentence: e.place for e in events if e.place is not None}
        for event in sorted(events, key=lambda e: e.sentence.start):
            if event.event_type in _COUNTED:
                event.toll = _toll(event.sentence, tolls)
                if event.place is None and event.sentence in places:
                    # "a bomb attack in Dalvik killed 14": the deaths are in Dalvik too
                    event.place = places[event.sentence]
                    event.inferred += 1
            yield _finding(event, names)

    def _read(
        self,
        ctx: Context,
        token: Token,
        sentence: slots.Sentence,
        event_type: str,
        names: Names,
        durations: list[QuantityFinding],
    ) -> _Mention:
        start = sentence[0].start_char
        mention = _Mention(
            event_type=event_type,
            trigger=trigger_span(token),
            sentence=Span(start=start, end=start + len(sentence[1].rstrip())),
            in_headline=start < ctx.article.headline.end,
        )
        mention.participants, pair = participants(
            token, names, speaker_only=event_type == "statement"
        )
        mention.inferred += pair
        mention.place, mention.place_detail = slots.place(token, names)
        mention.time = slots.time(
            token, sentence, ctx.article.published, headline=mention.in_headline
        )
        mention.duration = slots.duration(token, sentence[0], durations)
        mention.lemma = token.lemma_.lower()
        mention.expected = slots.is_future(phrase_head(token))
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            mention.name = ctx.text[mention.trigger.start : mention.trigger.end]
        mention.anaphoric = token.pos_ == "NOUN" and any(
            c.lower_ in _ANAPHORIC_DETS for c in token.children
        )
        if event_type == "death" and counted(token):
            mention.event_type = "death_toll"
        return mention


def _merge(mentions: list[_Mention]) -> list[_Mention]:
    """One record per event: later mentions fold into an earlier one of the same type."""
    events: list[_Mention] = []
    headlines = [m for m in mentions if m.in_headline]
    for mention in (m for m in mentions if not m.in_headline):
        recent = events[-_LOOK_BACK:]
        candidates = [e for e in reversed(recent) if _same_event(e, mention)]
        # "have been charged" again joins the earlier charge, not the arrest in between.
        target = next((e for e in candidates if e.lemma == mention.lemma), None)
        target = target or next(iter(candidates), None)
        if target is None:
            events.append(mention)
        else:
            target.absorb(mention)
    for mention in headlines:
        target = next(
            (
                e
                for e in events
                if e.event_type == mention.event_type
                and not e.conflicts(mention)
                and (e.name == mention.name or mention.name is None)
            ),
            None,
        )
        if target is None:
            events.append(mention)
        else:
            target.absorb(mention)
    return events


def _same_event(earlier: _Mention, later: _Mention) -> bool:
    if earlier.event_type != later.event_type or earlier.conflicts(later):
        return False
    if later.time and len(later.time[0]) == 4 and earlier.time is None:
        # "In 2019 a similar capsizing killed 12 people", after an undated "nine people
        # were killed": a year alone dates a past event, and would lend the story's its year.
        return False
    if later.event_type in _ONE_PER_STORY or later.anaphoric:
        return True
    ids = later.ids()
    if ids & earlier.ids() or _same_place(earlier, later):
        return True
    if (
        later.time
        and earlier.time
        and later.time[0] == earlier.time[0]
        and len(later.time[0]) == 10
    ):
        return True  # same kind of event on the same day
    if not ids and later.place is None and later.time is None:
        return True  # adds nothing new: "the meeting" again
    # The sentence after a lead elaborates it: "X and Y signed an agreement on Thursday."
    # then "Their ministers signed the document at a ceremony in ...".
    return later.index - earlier.index == 1 and later.time is None


def _same_place(one: _Mention, other: _Mention) -> bool:
    """Both name a place, and one's place or wider place is the other's."""
    if one.place is None or other.place is None:
        return False
    return bool({one.place[0], one.place_detail} & {other.place[0], other.place_detail} - {None})


def _same_time(one: str, other: str) -> bool:
    """Two resolved times that can name the same day: "2025" and "2025-04-25" can."""
    if one.startswith(other) or other.startswith(one):
        return True
    week, day = (one, other) if "W" in one else (other, one)
    if "W" in week and len(day) == 10:
        year, number, _ = date.fromisoformat(day).isocalendar()
        return week == f"{year:04d}-W{number:02d}"
    return False


def _finding(event: _Mention, names: Names) -> EventFinding:
    kind = EVENT_TYPES[event.event_type]
    # A reader must not take "will meet on Friday" for a meeting that took place.
    parts = [f"Expected {kind.lower()}" if event.expected else kind]
    if event.participants:
        parts.append(
            _PARTY_WORD.get(event.event_type, " of ")
            + _join([names.canonical(key) for key, _ in event.participants])
        )
    if event.place is not None:
        where = names.canonical(event.place[0])
        if event.place_detail:
            where += ", " + names.canonical(event.place_detail)
        parts.append(f" in {where}")
    if event.time is not None:
        parts.append((", on " if len(event.time[0]) == 10 else ", in ") + event.time[0])
    if event.duration is not None:
        _, minutes, approximate = event.duration
        parts.append(f", lasting {'about ' if approximate else ''}{_how_long(minutes)}")
    if event.toll:
        parts.append(", with " + _join(event.toll))  # "with 14 dead and more than 40 injured"
    filled = event.filled()
    explicit = filled - min(event.inferred, filled)
    # Slots read and inferred; the values and how they were set: `confidence.py`.
    c = CONFIDENCE
    confidence = min(
        c.CEILING,
        c.BARE_TRIGGER + c.EXPLICIT_SLOT * explicit + c.INFERRED_SLOT * (filled - explicit),
    )
    return EventFinding(
        span=event.sentence,
        confidence=round(confidence, 2),
        note="".join(parts) + ".",
        event_type=event.event_type,
        trigger=event.trigger,
        participants=[key for key, _ in event.participants],
        participant_spans=list(dict.fromkeys(span for _, span in event.participants)),
        place=event.place[0] if event.place else None,
        place_span=event.place[1] if event.place else None,
        time=event.time[0] if event.time else None,
        time_span=event.time[1] if event.time else None,
        duration=event.duration[0] if event.duration else None,
    )


def _toll(sentence: Span, tolls: list[QuantityFinding]) -> list[str]:
    """The dead and injured counted in the event's sentence, worded as the text words
    them ("14 dead", "more than 40 injured")."""
    return [
        q.text if q.about.lower() in q.text.lower() else f"{q.text} {q.about}"
        for q in tolls
        if sentence.start <= q.span.start < sentence.end and q.about
    ]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _how_long(minutes: float) -> str:
    amount, unit = readable_duration(minutes)
    return f"{amount:g} {unit}" if unit == "minutes" else f"{amount:.3g} {unit}"
