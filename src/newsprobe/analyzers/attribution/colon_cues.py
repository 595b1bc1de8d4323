"""Attributions cued by a colon after a name at the start of a line.

News gives words to a source with a bare colon in two places: headlines ("Kerr: The levy
will pass by spring") and transcripts or interviews ("HOLLAND: We never saw the memo.",
"Q: When did you learn of it?"). No verb is there to parse, so these are read off the
lines of the text: a short name-like label, a colon, then what the source says, to the
end of the line (a transcript turn is one paragraph). The label must pass every rule of
`COLON_RULES`, each with the line that motivated it; page furniture ("Photo: Jane Roe",
"Update: ...", "Related: ...") and datelines are no sources.

PolNeAR train marks 145 such colon cues (source: the label; content: the rest of the
line); they were all missed before this module.

    >>> [c.label for c in colon_cues("Kerr: The levy will pass\\n\\nIt did.", None)]
    ['Kerr']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["COLON_RULES", "ColonCue", "colon_cues"]

# A label at the start of a line: at most 60 characters without sentence punctuation,
# then a colon and the words said. Lines are read from the text, not from the parse.
_LINE_LABEL = re.compile(r"(?m)^(?P<label>[^\W\d_][^:\n!?\"“”]{0,59}?)[ \t]*:[ \t]+(?=\S)")
# Words of page furniture and of the writer's own apparatus, never a source: credits,
# updates, links, notes, bylines (lower-cased, the whole label or its first word).
_FURNITURE = frozenset(
    """photo photos image images credit credits caption video videos watch listen read
    related update updated updates note editor editors correction corrections
    clarification source sources via share follow email tags tag topics posted published
    by and or but also see more advertisement sponsored disclosure warning spoiler
    subscribe click download here today yesterday now live breaking exclusive analysis
    opinion commentary editorial review reviews ps p.s. example examples first second
    third next last step bottom line why what how who when where contributing byline
    latest name age city twitter facebook instagram revealed bombshell boom wow so just
    pledged delegate delegates superdelegates q a""".split()
)
#: The fewest words a content must have: "Pledged: 781", "Contributing: Todd Spangler"
#: are tallies and credits. Set on PolNeAR train, where labels with shorter contents were
#: almost all furniture.
MIN_CONTENT_WORDS = 3
# Connecting words allowed inside a name-like label ("Secretary of State").
_CONNECTORS = frozenset({"of", "the", "de", "van", "von", "for", "and", "&", "at"})
#: The most words a label may have: the longest gold labels in PolNeAR train ("McCain
#: Challenger Kelli Ward", "Democrats' new warning") have 3-4.
MAX_LABEL_WORDS = 5


class ColonCue(NamedTuple):
    """One colon cue: character ranges of the label (the source), the colon and the
    content (the rest of the line)."""

    label: str
    source: tuple[int, int]
    colon: tuple[int, int]
    content: tuple[int, int]


class _Label(NamedTuple):
    """A candidate label with what the rules read of it."""

    text: str
    words: list[str]
    start: int
    end: int
    doc: Doc | None


def short_label(label: _Label) -> bool:
    """'Kerr: The levy will pass' is a label; 'In the end the council met again and the
    mayor: ...' is a sentence that happens to hold a colon."""
    return 0 < len(label.words) <= MAX_LABEL_WORDS


def not_furniture(label: _Label) -> bool:
    """'Photo: Jane Roe/Agency', 'Update: the vote was moved', 'Editor's note: ...': page
    furniture and the writer's apparatus are no sources. Nor are an interview's "Q:" and
    "A:": on PolNeAR train only 16 of 65 were marked as sources."""
    first = label.words[0].lower().strip("'’").removesuffix("’s").removesuffix("'s")
    return first not in _FURNITURE and label.text.lower() not in _FURNITURE


def name_like(label: _Label) -> bool:
    """'Senator Kerr: ...', 'HOLLAND: ...', 'Q: ...': every word capitalized (or a
    connecting word); 'The plan in short: ...' is the writer's lead-in, not a source.
    A possessive phrase ("Democrats' new warning") passes when its first word is a name."""
    words = [w for w in label.words if w.lower() not in _CONNECTORS]
    if not words or not label.words[0][0].isupper():
        return False
    if words[0].endswith(("'", "’", "'s", "’s")):
        return True  # "Democrats' new warning", "Kerr's answer"
    return all(w[0].isupper() or not w[0].isalpha() for w in words)


def not_place_or_time(label: _Label) -> bool:
    """'WASHINGTON: The vote ...' is a dateline and 'Monday: ...' a date: the parse's
    entity says so when the label is a place or a date and nothing else."""
    doc = label.doc
    if doc is None:
        return True
    span = doc.char_span(label.start, label.end, alignment_mode="expand")
    if span is None:
        return True
    ents = [e for e in span.ents if e.start_char <= label.start and e.end_char >= label.end]
    return not any(e.label_ in {"GPE", "LOC", "DATE", "TIME", "CARDINAL"} for e in ents)


#: Every check a line label must pass to be read as a source, in order.
COLON_RULES: tuple[Callable[[_Label], bool], ...] = (
    short_label,
    not_furniture,
    name_like,
    not_place_or_time,
)


def colon_cues(text: str, doc: Doc | None) -> Iterator[ColonCue]:
    """The colon cues of `text` (with its parse `doc`, if any, to tell datelines)."""
    for match in _LINE_LABEL.finditer(text):
        label_text = match.group("label")
        start = match.start("label")
        # "Rep. Trey Gowdy (R-S.C.)": the words in brackets are read as no words.
        words = re.sub(r"\([^)]*\)", " ", label_text).split()
        label = _Label(label_text, words, start, start + len(label_text), doc)
        if not words or not all(rule(label) for rule in COLON_RULES):
            continue
        colon_at = text.index(":", match.end("label"))
        line_end = text.find("\n", colon_at)
        line_end = len(text) if line_end < 0 else line_end
        content_start = match.end()
        content_end = line_end
        while content_end > content_start and text[content_end - 1].isspace():
            content_end -= 1
        said = text[content_start:content_end]
        if len(re.findall(r"[^\W\d_]\w*", said)) < MIN_CONTENT_WORDS:
            continue  # "Pledged: 781", "Contributing: Todd Spangler"
        yield ColonCue(
            label_text,
            (label.start, label.end),
            (colon_at, colon_at + 1),
            (content_start, content_end),
        )
