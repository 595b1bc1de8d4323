"""The shared gold articles under `tests/gold/articles/`, and surface-to-span lookup.

Gold annotations for the "read like an editor" analyzers (quotes, attribution, sourcing,
hedges, events, claims) are written by hand as surface strings, not offsets: offsets are
easy to get wrong by one and silently break when a headline changes. `find_span` turns a
surface string back into a `Span` of `Article.text`, after applying the same normalization
`Article.create` applies, so an annotator's typed-in non-breaking space or CRLF still
matches.

    >>> gold = load_articles()[0]
    >>> article = article_of(gold)
    >>> article.body_text == gold.body
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newsprobe.document import Article
from newsprobe.evaluation.paths import GOLD_DIR
from newsprobe.findings import Span
from newsprobe.normalize import normalize_body, normalize_line

__all__ = [
    "ARTICLES_DIR",
    "GoldArticle",
    "article_of",
    "find_span",
    "gold_article",
    "load_articles",
    "spans_of",
]

ARTICLES_DIR = GOLD_DIR / "articles"

_FIELDS = ("slug", "kind", "outlet", "published", "url", "headline", "body", "notes")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One shared evaluation article as stored in `tests/gold/articles/NN-slug.json`.

    Attributes:
        slug: Stable key that annotation files use to refer to the article.
        kind: What sort of piece it is (wire, tabloid, fact-check...).
        headline: The headline, already normalized.
        body: Paragraphs separated by one blank line, already normalized.
        published: ISO 8601 timestamp with a time zone; relative dates resolve against it.
        outlet: Invented publishing outlet.
        url: Invented URL on an example domain.
        notes: One line saying which phenomena the article was written to contain.
        number: The NN prefix of the file name (reading order).
    """

    slug: str
    kind: str
    headline: str
    body: str
    published: str
    outlet: str
    url: str
    notes: str = ""
    number: int = 0

    @property
    def published_at(self) -> datetime:
        """`published` as an aware datetime."""
        return datetime.fromisoformat(self.published)


def _parse(path: Path) -> GoldArticle:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path.name}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected a JSON object, got {type(data).__name__}")
    missing = [f for f in _FIELDS if f not in data]
    extra = sorted(set(data) - set(_FIELDS))
    if missing or extra:
        raise ValueError(f"{path.name}: missing fields {missing}, unknown fields {extra}")
    bad = [f for f in _FIELDS if not isinstance(data[f], str) or not data[f].strip()]
    if bad:
        raise ValueError(f"{path.name}: fields {bad} must be non-empty strings")
    number, _, rest = path.stem.partition("-")
    if not number.isdigit() or rest != data["slug"]:
        raise ValueError(f"{path.name}: file must be named NN-{data['slug']}.json")
    try:
        published = datetime.fromisoformat(data["published"])
    except ValueError as exc:
        raise ValueError(f"{path.name}: published is not ISO 8601: {exc}") from exc
    if published.tzinfo is None:
        raise ValueError(f"{path.name}: published {data['published']!r} has no time zone")
    return GoldArticle(
        slug=data["slug"],
        kind=data["kind"],
        headline=data["headline"],
        body=data["body"],
        published=data["published"],
        outlet=data["outlet"],
        url=data["url"],
        notes=data["notes"],
        number=int(number),
    )


def load_articles(directory: Path = ARTICLES_DIR) -> list[GoldArticle]:
    """Every gold article, in file-name order.

    Raises:
        ValueError: A file is malformed, or two files share a slug.
    """
    articles = [_parse(path) for path in sorted(directory.glob("*.json"))]
    slugs = [a.slug for a in articles]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        raise ValueError(f"duplicate gold article slugs: {duplicates}")
    return articles


def gold_article(slug: str, directory: Path = ARTICLES_DIR) -> GoldArticle:
    """The gold article with this slug.

    Raises:
        KeyError: No article has that slug; the message lists the ones that exist.
    """
    articles = load_articles(directory)
    for gold in articles:
        if gold.slug == slug:
            return gold
    raise KeyError(f"no gold article {slug!r}; known slugs: {[a.slug for a in articles]}")


def article_of(gold: GoldArticle) -> Article:
    """The newsprobe `Article` for a gold article (English, with outlet, URL and date)."""
    return Article.create(
        headline=gold.headline,
        body=gold.body,
        url=gold.url,
        outlet=gold.outlet,
        published=gold.published_at,
        language="en",
    )


def _normalized_surface(surface: str) -> str:
    # Surfaces may cross paragraphs (a multi-paragraph quote), so use the body normalizer;
    # a one-line surface comes out the same as with normalize_line.
    return normalize_body(surface) if "\n" in surface.strip() else normalize_line(surface)


def spans_of(article: Article, surface: str) -> list[Span]:
    """Every (possibly overlapping) occurrence of `surface` in `article.text`, in order."""
    needle = _normalized_surface(surface)
    if not needle:
        return []
    spans: list[Span] = []
    start = article.text.find(needle)
    while start != -1:
        spans.append(Span(start=start, end=start + len(needle)))
        start = article.text.find(needle, start + 1)
    return spans


def find_span(article: Article, surface: str, occurrence: int = 1) -> Span:
    """The span of the `occurrence`-th (1-based) appearance of `surface` in `article.text`.

    The surface is normalized the way `Article.create` normalizes text (NFC, any run of
    spaces or non-breaking spaces becomes one space, CRLF becomes a newline), so it matches
    what the article actually contains. Matching is otherwise exact: curly and straight
    quotation marks are different characters.

    Raises:
        ValueError: The surface is empty, absent, or appears fewer than `occurrence` times.
    """
    if occurrence < 1:
        raise ValueError(f"occurrence counts from 1, got {occurrence}")
    needle = _normalized_surface(surface)
    if not needle:
        raise ValueError("cannot look up an empty surface string")
    found = spans_of(article, needle)
    where = f"article {article.headline_text[:60]!r}"
    if not found:
        hint = ""
        if article.text.casefold().find(needle.casefold()) != -1:
            hint = " (it does occur with different capitalization)"
        raise ValueError(f"surface {needle!r} not found in {where}{hint}")
    if occurrence > len(found):
        raise ValueError(
            f"surface {needle!r} occurs {len(found)} time(s) in {where}; "
            f"occurrence {occurrence} was asked for"
        )
    return found[occurrence - 1]
