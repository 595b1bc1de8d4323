"""Metadata values as sources give them, turned into the types `Article` wants.

Every ingest path (HTML meta tags, JSONL/CSV fields, feed entries) meets the same mess:
dates in ISO 8601, RFC 822 or prose, with or without a time zone; language tags such as
``en-US``, ``EN_gb`` or ``eng``; authors as one string ("Ana Ruiz; Tom Bell") or a list.
They are cleaned here, once.

    >>> parse_published("Tue, 24 Nov 2026 09:30:00 +0100")
    (datetime.datetime(2026, 11, 24, 9, 30, tzinfo=...), False)
    >>> language_code("en-GB")
    'en'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["language_code", "parse_published", "split_authors", "with_published"]

# ISO 639-2 codes seen in news metadata (and a few English names) mapped to ISO 639-1.
_THREE_LETTER = {
    "ara": "ar", "ces": "cs", "cze": "cs", "chi": "zh", "zho": "zh", "dan": "da",
    "deu": "de", "ger": "de", "dut": "nl", "nld": "nl", "eng": "en", "fin": "fi",
    "fra": "fr", "fre": "fr", "gre": "el", "ell": "el", "heb": "he", "hin": "hi",
    "hun": "hu", "ind": "id", "ita": "it", "jpn": "ja", "kor": "ko", "nob": "no",
    "nor": "no", "per": "fa", "fas": "fa", "pol": "pl", "por": "pt", "ron": "ro",
    "rum": "ro", "rus": "ru", "spa": "es", "swe": "sv", "tur": "tr", "ukr": "uk",
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
}  # fmt: skip
# Legacy codes still emitted by old CMSs.
_LEGACY = {"iw": "he", "in": "id", "ji": "yi", "nb": "no", "nn": "no"}
_TAG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,|\band\b|&)\s*")
_BY_PREFIX = re.compile(r"^(?:by|von|par|por)\s+", re.IGNORECASE)
# Epoch numbers below this are seconds, above it milliseconds (2001-09-09 in ms is 1e12).
_EPOCH_MS_FROM = 10**11


def language_code(value: Any) -> str | None:
    """ISO 639-1 code for a language tag ("en-US", "EN_gb", "eng", "en"), else None."""
    if not isinstance(value, str):
        return None
    tag = value.strip()
    if not tag or not _TAG.match(tag):
        return None
    primary = re.split(r"[-_]", tag, maxsplit=1)[0].lower()
    if len(primary) == 2:
        return _LEGACY.get(primary, primary)
    return _THREE_LETTER.get(primary)


def split_authors(value: Any) -> list[str]:
    """Author names from a string ("By Ana Ruiz and Tom Bell"), a list, or dicts with "name"."""
    if value is None:
        return []
    items: Iterable[Any] = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if not isinstance(item, str):
            continue
        for name in _AUTHOR_SPLIT.split(_BY_PREFIX.sub("", item.strip())):
            name = name.strip(" .")
            # A "name" of more than six words is a sentence that leaked into the field.
            if name and len(name.split()) <= 6 and name not in names:
                names.append(name)
    return names


def parse_published(value: Any) -> tuple[datetime | None, bool]:
    """A publication time as an aware datetime, and whether UTC was assumed.

    Accepts datetimes, epoch seconds or milliseconds, ISO 8601 (with "Z"), RFC 822
    ("Tue, 24 Nov 2026 09:30:00 +0100") and, last, prose dates through dateparser.
    A time without a zone is taken as UTC and the second value says so.

    Returns:
        ``(None, False)`` when nothing parses.
    """
    parsed = _parse(value)
    if parsed is None:
        return None, False
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return parsed.replace(tzinfo=UTC), True
    return parsed, False


def _parse(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) >= _EPOCH_MS_FROM else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only prose dates need it

    found: datetime | None = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return found


def with_published(fields: dict[str, Any], value: Any) -> None:
    """Set ``fields["published"]`` from a raw value, noting an assumed zone in meta."""
    published, assumed = parse_published(value)
    if published is None:
        return
    fields["published"] = published
    if assumed:
        fields.setdefault("meta", {})["published_tz_assumed"] = True
