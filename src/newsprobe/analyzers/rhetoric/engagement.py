"""Engagement bait: questions and calls addressed to the reader instead of informing them.

    >>> findings = list(EngagementBaitAnalyzer().analyze(Context(article=article)))

Regex only, over `ctx.article.text`. Each finding has a `form`:

- ``call_to_comment`` ("Let us know in the comments", "Have your say", "Sound off below"),
  ``share_request`` ("Share if you agree", "Tag a friend"), ``poll`` ("Vote in our poll"),
  ``other`` ("Follow us for more"): fixed calls, found by pattern.
- ``question_to_reader``: a question in the outlet's voice addressed to "you" ("Would you
  pay more for greener power?"), a bare social-media prompt ("Thoughts?"), or any question
  right next to a call ("Should the town ban cars? Have your say below").

What is not bait: a question inside a quotation (the speaker's, even when rhetorical), a
journalist's question to a source ("Asked whether she would resign, ..." or a "Q:" line of
an interview), and a question headline (a clickbait device, scored by that analyzer).

Confidence reflects form and position: bait sits at the end of a piece, so a question in
the last two paragraphs scores higher and one in the opening paragraph of a longer piece
lower (there a "you" question is usually a rhetorical lede: "How do you rebuild a town?").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.rhetoric import confidence as CONFIDENCE
from newsprobe.analyzers.shared.lexicon import SpanSet, fold_case, quoted_regions, sentence_spans
from newsprobe.findings import EngagementBaitFinding, FindingBase, QuoteFinding, Span

__all__ = ["MAX_FINDINGS", "EngagementBaitAnalyzer"]

_CALLS: tuple[tuple[str, str], ...] = (
    ("poll", r"vote in (?:our|the|this) (?:poll|survey)|take (?:our|the|this) (?:poll|survey)"
     r"|cast your vote|(?:our|the) poll below|vote (?:below|now)|answer (?:our|the) poll"),
    ("share_request", r"share (?:this|it) (?:with|if|on)|share if you|like and share"
     r"|please share|tag (?:a|your) (?:friend|mate|buddy|pal)|tag someone|spread the word"
     r"|pass (?:this|it) on|share with (?:your )?(?:friends|family|everyone)"
     r"|smash (?:that|the) like|hit (?:that|the) like|\bretweet\b|\brepost\b"),
    ("call_to_comment", r"let us know[^.!?\n]{0,60}?(?:think|thoughts|views|comments?|below"
     r"|opinion|repl(?:y|ies))\b|let us know[.!]|tell us (?:what you think|your (?:thoughts|"
     r"views|story|stories|opinion)|in the comments|below)|(?:leave|drop|post|add|share) "
     r"(?:a |your )(?:comment|thoughts|views|opinion)s?|comment below|sound off"
     r"|have your say|join the (?:conversation|debate|discussion)|we want to hear from you"
     r"|we(?:'d| would) love to hear (?:from you|your)|in the comments(?: section)? below"
     r"|weigh in (?:below|in the comments)|reply (?:below|in the comments)"),
    ("other", r"follow us (?:on|for)|like our (?:page|facebook)|subscribe for more"
     r"|like and subscribe|turn on notifications"),
)  # fmt: skip
_CALL = re.compile(
    "|".join(f"(?P<{form}>{pattern})" for form, pattern in _CALLS),
    re.IGNORECASE,
)
# Every call above contains one of these (in `fold_case` form). Trying the forty-odd
# alternatives of `_CALL` at every character costs ~0.6 us a character; a sentence holding
# none of these strings cannot match, and `in` finds that out at memory speed. Keep in
# step with `_CALLS`: each alternative there must contain one of them.
_CALL_HINTS = (
    # poll
    "vote", "poll", "survey",
    # share_request
    "share", "tag ", "spread the word", "pass ", "smash", "hit th", "retweet", "repost",
    # call_to_comment
    "let us know", "tell us ", "comment", "thoughts", "views", "opinion", "sound off",
    "have your say", "join the ", "to hear ", "weigh in ", "reply ",
    # other
    "follow us ", "like our ", "subscribe", "turn on notifications",
)  # fmt: skip
_YOU = re.compile(r"\b(?:you|your|yours|yourself|you're|you'd|you've|you'll)\b", re.I)
_STRONG_OPENER = re.compile(
    r"^(?:so,? )?(?:what do you (?:think|make|reckon)|do you (?:agree|think|support|believe)"
    r"|would you|have you ever|what would you|are you|how would you|which (?:side|one) are you"
    r"|where do you stand|should you)\b",
    re.IGNORECASE,
)
_SOCIAL_PROMPT = re.compile(
    r"^(?:thoughts|agree|agree or disagree|who(?:'s| is) with me|am i wrong|am i the only one"
    r"\b.*|(?:has |is |does |did )?anyone else\b.*|yay or nay|right)\?$",
    re.IGNORECASE,
)
# Interview transcripts: a "Q:" line, or a speaker label, is a question to a source.
_TRANSCRIPT = re.compile(
    r"^(?:Q\.|(?:Q|Question|Interviewer|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)\s*:)\s"
)
_ANSWER = re.compile(r"\s*(?:A[:.]|Answer:)\s")
_NOTES = {
    "question_to_reader": "This question is put to the reader rather than answered by the article.",
    "call_to_comment": "This asks readers to comment instead of informing them.",
    "share_request": "This asks readers to share or tag others, a device to spread the post.",
    "poll": "This asks readers to vote in a poll rather than reporting evidence.",
    "other": "This asks readers to follow or subscribe, which is promotion, not news.",
}
#: Findings reported per article: real bait is a line or two; more is junk or a template.
MAX_FINDINGS = 100


class EngagementBaitAnalyzer(Analyzer):
    """Questions and calls addressed to the reader ("What do you think? Let us know")."""

    name = "engagement_bait"
    version = "1"
    provides = frozenset({"engagement_bait"})
    uses = frozenset({"quote"})

    def analyze(self, ctx: Context) -> Iterator[FindingBase]:
        for number, finding in enumerate(self._find(ctx)):
            if number >= MAX_FINDINGS:
                return
            yield finding

    def _find(self, ctx: Context) -> Iterator[EngagementBaitFinding]:
        article = ctx.article
        text = article.text
        quotes = SpanSet(
            quoted_regions(text)
            + [
                (part.start, part.end)
                for quote in ctx.of_kind("quote", QuoteFinding)
                for part in (quote.parts or [quote.span])
            ]
        )
        paragraphs = SpanSet(_paragraphs(text, article.body))
        sentences = sentence_spans(text)
        calls: dict[int, list[tuple[str, int, int]]] = {}
        folded = fold_case(text)
        hints = [hint for hint in _CALL_HINTS if hint in folded]
        for index, (start, end) in enumerate(sentences):
            if not hints or not any(hint in folded[start:end] for hint in hints):
                continue  # no call can match here
            for m in _CALL.finditer(text, start, end):
                form = m.lastgroup or "other"
                if quotes.covers(m.start(), m.end()):
                    continue
                found = calls.setdefault(index, [])
                # "Tell us what you think | in the comments below" is one call, not two.
                if found and found[-1][0] == form and m.start() - found[-1][2] <= 2:
                    found[-1] = (form, found[-1][1], m.end())
                else:
                    found.append((form, m.start(), m.end()))
        headline = article.headline
        for index, (start, end) in enumerate(sentences):
            found = calls.get(index, [])
            # A question outside the headline may be put to the reader; most sentences are
            # neither that nor a call, and are passed over here.
            question = (
                not found
                and not (headline.start <= start and end <= headline.end)
                and text.endswith("?", start, end)
            )
            if not (found or question):
                continue
            closing, opening = _position(start, paragraphs)
            for form, a, b in found:
                c = CONFIDENCE  # the values and how they were set: `confidence.py`
                bonus = c.BAIT_CLOSING_BONUS if closing else 0.0
                confidence = min(c.BAIT_CEILING, c.BAIT_FORM[form] + bonus)
                yield EngagementBaitFinding(
                    span=Span(start=a, end=b), confidence=confidence, note=_NOTES[form], form=form
                )
            if not question or quotes.covers(start, end) or _interview(text, start):
                continue
            sentence = text[start:end]
            near_call = any(
                index + step in calls
                and paragraphs.index_of(sentences[index + step][0]) == paragraphs.index_of(start)
                for step in (-1, 1)
            )
            confidence = _question_confidence(sentence, closing, opening, near_call)
            if confidence >= CONFIDENCE.MIN_QUESTION:
                yield EngagementBaitFinding(
                    span=Span(start=start, end=end),
                    confidence=round(confidence, 3),
                    note=_NOTES["question_to_reader"],
                    form="question_to_reader",
                )


def _question_confidence(sentence: str, closing: bool, opening: bool, near_call: bool) -> float:
    """How surely a question in the outlet's voice is put to the reader (0 when it is not)."""
    c = CONFIDENCE
    if _SOCIAL_PROMPT.match(sentence):
        return c.SOCIAL_PROMPT + (c.SOCIAL_PROMPT_CLOSING_BONUS if closing else 0.0)
    addressed = bool(_YOU.search(sentence))
    if not (addressed or near_call):
        return 0.0  # a rhetorical question about the story, not to the reader
    q = c.QUESTION
    score = q["start"] + (q["closing"] if closing else 0.0) + (q["near_call"] if near_call else 0.0)
    score += q["strong_opener"] if _STRONG_OPENER.match(sentence) else 0.0
    score += q["opening"] if opening else 0.0
    return min(score, c.BAIT_CEILING)


def _paragraphs(text: str, body: Span) -> list[tuple[int, int]]:
    spans, start = [], body.start
    for m in re.finditer(r"\n\s*\n", text[body.start : body.end]):
        spans.append((start, body.start + m.start()))
        start = body.start + m.end()
    spans.append((start, body.end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _position(at: int, paragraphs: SpanSet) -> tuple[bool, bool]:
    """(in the closing paragraphs, in the opening paragraph of a piece of 3+ paragraphs)."""
    index, count = paragraphs.index_of(at), len(paragraphs)
    if index is None:
        return False, False
    closing = index >= count - 2 if count > 2 else index > 0
    return closing or count == 1, index == 0 and count >= 3


def _interview(text: str, start: int) -> bool:
    """The sentence opens a transcript line ("Q: ...", "SMITH: ...") or is answered by one."""
    line_start = text.rfind("\n", 0, start) + 1
    if _TRANSCRIPT.match(text, line_start):
        return True
    line_end = text.find("\n", start)
    return line_end >= 0 and _ANSWER.match(text, line_end) is not None
