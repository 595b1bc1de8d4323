"""The sentences the claims analyzer scores: spaCy's sentences, cleaned of page furniture.

Real news pages put things around a sentence that are not part of what it claims: a
caption label ("Innocent victim: ..."), an embedded tweet's signature ("— Name (@handle)
May 6, 2014"), or a closing quote the parser left to a sentence of its own. The claim's
span is the sentence without them, so that it reads as the claim and can be compared
across outlets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsprobe.analyzers.base import Context
from newsprobe.findings import Span

__all__ = ["CLOSING_QUOTES", "segments"]

_MAX_SENTENCE = 1000  # longer "sentences" are run-on debris (tables, lists), not claims
_CAPTION_LABEL = re.compile(r"([A-Z][^\s:\"“”]*(?: [^\s:\"“”]+){0,3}):[ \t]+(?=[\"“‘']?[A-Z0-9])")
_TWEET_SIGNATURE = re.compile(
    r"\s*[—–-]{1,2}\s*[^\n()—–]{1,60}\(@\w{1,15}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Closing quotation marks and the mark that opens each; straight single quotes are left
#: out (they are apostrophes too often to count).
CLOSING_QUOTES = {'"': '"', "”": "“", "’": "‘", "»": "«"}


def segments(ctx: Context) -> Iterator[tuple[Span, bool]]:
    """Sentence spans cut at the headline/body boundary and at line breaks, trimmed.

    Yields (span, in_headline). Body sentences lose caption labels and tweet signatures
    (`_without_furniture`) and keep closing quotes the parser split off.
    """
    assert ctx.doc is not None
    text = ctx.text
    head = ctx.article.headline
    taken = 0  # closing quotes already given to the sentence before
    for sent in ctx.doc.sents:
        sent_start = max(sent.start_char, taken)
        sent_end = taken = _past_closing_quotes(text, sent_start, sent.end_char)
        for part in (head, ctx.article.body):
            start, end = max(sent_start, part.start), min(sent_end, part.end)
            if start >= end:
                continue
            for piece in re.finditer(r"[^\n]+", text[start:end]):
                raw = piece.group()
                left = start + piece.start() + len(raw) - len(raw.lstrip())
                right = start + piece.end() - (len(raw) - len(raw.rstrip()))
                if part is not head:
                    left, right = _without_furniture(ctx, left, right)
                if left < right and right - left <= _MAX_SENTENCE:
                    yield Span(start=left, end=right), part is head


def _without_furniture(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """A body sentence without a caption label ("Heroic: ...") or a tweet's signature.

    Picture captions on news sites open with a short label ("In control: Vickers, who
    ...", "Innocent victim: ...") and embedded tweets end "— Name (@handle) May 6, 2014";
    neither is part of what is claimed (12 of 285 claims in 25 real articles carried one).
    A label is a few words with no finite verb, so "Police said: ..." keeps its frame.
    """
    text = ctx.text
    line_start = start == 0 or text[start - 1] == "\n"
    label = _CAPTION_LABEL.match(text, start, end) if line_start else None
    if label is not None:
        words = ctx.char_span(Span(start=start, end=label.end(1)))
        if words is not None and not any(t.tag_ in _FINITE for t in words):
            start = label.end()
    signature = _TWEET_SIGNATURE.search(text, start, end)
    if signature is not None and signature.end() == end:
        end = signature.start()
    while end > start and text[end - 1] in "—– ":
        end -= 1  # a signature the parser cut off into a sentence of its own
    return start, end


def _past_closing_quotes(text: str, start: int, end: int) -> int:
    """`end` moved past the closing quotes of a quotation the sentence opened.

    At a paragraph end the parser leaves the closing mark of `... as "The Beatles."` to a
    sentence of its own, so the claim lost it (2 of 285 claims in 25 real articles).
    """
    while end < len(text) and text[end] in CLOSING_QUOTES:
        sentence, mark = text[start:end], text[end]
        opener = CLOSING_QUOTES[mark]
        unbalanced = (
            sentence.count(mark) % 2 == 1
            if opener == mark
            else sentence.count(opener) > sentence.count(mark)
        )
        if not unbalanced:
            break
        end += 1
    return end
