"""Plain text and Markdown articles.

The first line is taken as the headline when it looks like one (short, no closing full
stop, more text after it); a Markdown ``# heading`` always is. A byline right after the
headline ("By Ana Ruiz and Tom Bell") becomes the authors.

    >>> article = article_from_text("Storm closes port\\n\\nThe port shut on Monday.")
    >>> article.headline_text
    'Storm closes port'
"""

from __future__ import annotations

import re
from typing import Any

from newsprobe.document import Article
from newsprobe.errors import ExtractionError
from newsprobe.normalize import normalize_body

__all__ = ["article_from_text", "split_headline"]

# Headlines in our composed and collected samples are at most ~20 words; 30 leaves room
# for long wire headlines while rejecting an opening paragraph without line breaks.
_MAX_HEADLINE_WORDS = 30
_MAX_HEADLINE_CHARS = 250
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_BYLINE = re.compile(r"^by\s+(?P<names>[^\n]{2,120})$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 0 < len(words) <= _MAX_HEADLINE_WORDS or len(line) > _MAX_HEADLINE_CHARS:
        return False
    return not line.endswith((".", ",", ";", ":")) or line.endswith("...")


def split_headline(text: str) -> tuple[str | None, str]:
    """Split normalized text into (headline or None, body)."""
    first, _, rest = text.partition("\n")
    if _MARKDOWN_HEADING.match(first):
        return _MARKDOWN_HEADING.sub("", first).strip("# ").strip(), rest.strip()
    if rest.strip() and _looks_like_headline(first):
        return first, rest.strip()
    return None, text


def _split_byline(body: str) -> tuple[list[str], str]:
    first, _, rest = body.partition("\n")
    match = _BYLINE.match(first.strip())
    if not match or not rest.strip() or len(first.split()) > 12:
        return [], body
    names = [n.strip() for n in _NAME_SPLIT.split(match["names"]) if n.strip()]
    return names, rest.strip()


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
    normalized = normalize_body(text)
    if not normalized and not headline:
        raise ExtractionError("the input has no text", source=source)
    if headline is None:
        found, body = split_headline(normalized)
    else:
        found, body = headline, normalized
    authors, body = _split_byline(body)
    if authors and not fields.get("authors"):
        fields["authors"] = authors
    return Article.create(headline=found, body=body, **fields)
