"""Plain text and Markdown articles.

The first line is taken as the headline when it looks like one (short, no closing full
stop, more text after it); a Markdown ``# heading`` always is, and so is an input of one
line that looks like a headline ("Storm closes port": a headline pasted alone is a
headline, not a one-sentence body). Byline and date lines right after the headline ("By
Ana Ruiz | Harbour Courier | 14 March 2026") become the authors, outlet and date
(`newsprobe.ingest.bylines`). Photo credit lines ("(Photo: Jane Roe/Agency via Wire)",
"Image: Getty", "Credit: ...") are page furniture: they go to ``meta["photo_credits"]``
(as HTML credits do) and never reach the body, where an agency's name would read as a
source.

    >>> article = article_from_text("Storm closes port\\n\\nThe port shut on Monday.")
    >>> article.headline_text
    'Storm closes port'
"""

from __future__ import annotations

import re
from typing import Any

from newsprobe.document import Article
from newsprobe.errors import ExtractionError
from newsprobe.ingest.bylines import read_header
from newsprobe.ingest.fields import with_published
from newsprobe.normalize import normalize_body

__all__ = ["article_from_text", "lift_credits", "split_headline"]

# Headlines in our composed and collected samples are at most ~20 words; 30 leaves room
# for long wire headlines while rejecting an opening paragraph without line breaks.
_MAX_HEADLINE_WORDS = 30
_MAX_HEADLINE_CHARS = 250
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A headline alone: one sentence at most (no ". Next" inside), at most this many words.
# Composed and collected headlines run to ~20 words; a one-line input longer than that
# is far more often a sentence of body text pasted alone.
_MAX_ALONE_WORDS = 20
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]")
# What opens a credit: "Photo:", "Photograph:", "Image:", "Picture:", "Credit:", "Photo
# credit:", "Photo by", "Pictures:" (case as printed or shouted).
_CREDIT_HEAD = (
    r"(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|graphics?|video)"
    r"(?:\s+credits?)?\s*(?::|\bby\b)|credits?\s*:"
)
# A credit is short: a name, an agency, "via" a wire (15 words covers "Jane Roe for The
# Harbour Courier/Agency via Wire"); a longer line is prose that starts with "Image:".
_CREDIT_WORDS = 15
_CREDIT_LINE = re.compile(rf"^[(\[]?\s*(?:{_CREDIT_HEAD})\s*(?P<who>[^\n]+?)\s*[)\]]?$", re.I)
_CREDIT_INLINE = re.compile(
    rf"\s*[(\[]\s*(?:{_CREDIT_HEAD})\s*(?P<who>[^()\[\]\n]{{1,150}}?)\s*[)\]]", re.I
)


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 0 < len(words) <= _MAX_HEADLINE_WORDS or len(line) > _MAX_HEADLINE_CHARS:
        return False
    return not line.endswith((".", ",", ";", ":")) or line.endswith("...")


def _headline_alone(line: str) -> bool:
    """A one-line input that reads as a headline: short, one sentence, no closing stop."""
    return (
        _looks_like_headline(line)
        and len(line.split()) <= _MAX_ALONE_WORDS
        and not line.endswith("...")
        and _INNER_SENTENCE_END.search(line) is None
        and any(ch.isupper() for ch in line[:1])
    )


def split_headline(text: str) -> tuple[str | None, str]:
    """Split normalized text into (headline or None, body)."""
    first, _, rest = text.partition("\n")
    if _MARKDOWN_HEADING.match(first):
        return _MARKDOWN_HEADING.sub("", first).strip("# ").strip(), rest.strip()
    if rest.strip() and _looks_like_headline(first):
        return first, rest.strip()
    if not rest.strip() and _headline_alone(first.strip()):
        return first.strip(), ""
    return None, text


def lift_credits(text: str) -> tuple[str, list[str]]:
    """(text without photo credit lines, the credits), for normalized text.

    A line that is only a credit ("Image: Getty", "(Photo: Jane Roe/Agency via Wire)") is
    removed whole; a bracketed credit inside a line ("... on Monday. (Photo: Getty)") is
    cut out of it. The credits keep the words after the label ("Getty").
    """
    credits: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        whole = _CREDIT_LINE.match(line.strip())
        if whole and len(whole["who"].split()) <= _CREDIT_WORDS:
            credits.append(whole["who"].strip(" ()[]"))
            continue

        def cut(match: re.Match[str]) -> str:
            credits.append(match["who"].strip())
            return ""

        lines.append(_CREDIT_INLINE.sub(cut, line))
    if not credits:
        return text, []
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip(), credits


def article_from_text(
    text: str, *, headline: str | None = None, source: str | None = None, **fields: Any
) -> Article:
    """Build an article from plain text or Markdown.

    Args:
        text: the decoded text.
        headline: use this headline and treat all of `text` as the body.
        source: name of the input, for error messages.
        **fields: passed to `Article.create` (url, outlet, published, language, meta...).

    Raises:
        ExtractionError: there is no text.
    """
    normalized, credits = lift_credits(normalize_body(text))
    if credits:
        fields["meta"] = {**(fields.get("meta") or {}), "photo_credits": credits}
    if not normalized and not headline:
        raise ExtractionError("the input has no text", source=source)
    if headline is None:
        found, body = split_headline(normalized)
    else:
        found, body = headline, normalized
    header, body = read_header(body)
    if header.authors and not fields.get("authors"):
        fields["authors"] = header.authors
    if header.outlet and not fields.get("outlet"):
        fields["outlet"] = header.outlet
    if header.published and not fields.get("published"):
        with_published(fields, header.published)
    return Article.create(headline=found, body=body, **fields)
