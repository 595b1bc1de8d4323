"""The one place where article text is rewritten.

Every span newsprobe reports indexes the normalized text, so normalization happens once,
before any offset exists, and is idempotent: normalizing normalized text changes nothing.

    >>> normalize_body("Line one\\r\\n\\r\\n\\r\\n  Line\\u00a0two ")
    'Line one\\n\\nLine two'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_body", "normalize_line"]

# Characters that carry no text and only shift offsets: BOM, zero-width space, soft hyphen,
# word joiner. Zero-width (non-)joiners stay: emoji sequences and Persian/Indic text need them.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u00ad\u2060"), None)
# C0/C1 controls other than tab and newline (which are folded below) are debris from bad
# encodings or binary junk; they are dropped rather than shown.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Every Unicode space separator (NBSP, thin space, ideographic space...) and the tab.
_SPACES = re.compile(r"[^\S\n]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Lone UTF-16 surrogates (from JSON escapes such as "\\ud800") are not text: they cannot
# even be encoded as UTF-8. They become U+FFFD, as a decoder would have made them.
_SURROGATES = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    # Controls go before NFC: dropping one could otherwise leave a composable pair behind.
    text = _SURROGATES.sub("\ufffd", _CONTROL.sub("", text.translate(_INVISIBLE)))
    return unicodedata.normalize("NFC", text)


def normalize_body(text: str) -> str:
    """Normalize article body text: NFC, ``\\n`` newlines, single spaces, paragraphs.

    Paragraphs stay separated by exactly one blank line; runs of horizontal whitespace
    become one space; lines are stripped.
    """
    lines = (_SPACES.sub(" ", line).strip() for line in _clean(text).split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def normalize_line(text: str) -> str:
    """Normalize a one-line field (a headline, a name): like the body, on a single line."""
    return _SPACES.sub(" ", _clean(text).replace("\n", " ")).strip()
