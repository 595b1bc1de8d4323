"""HTML pages to articles: main text and metadata through trafilatura.

Photo captions and credits are lifted out of the page *before* extraction, so that "A
delegate waves (Photo: J. Keane/Harbour Wire)" never becomes a sentence of the body; they
are kept in ``meta["photo_captions"]`` and ``meta["photo_credits"]``. Comments,
navigation, cookie banners and ads are left behind by trafilatura.

    >>> article = article_from_html(page_bytes, url="https://example.org/news/talks")
    >>> article.outlet, article.language
    ('Harbour Wire', 'en')
"""

from __future__ import annotations

import configparser
import functools
import json
import re
from typing import Any

import lxml.html
from lxml import etree

from newsprobe.document import Article
from newsprobe.errors import ExtractionError, UnsupportedInputError
from newsprobe.ingest.decode import decode_bytes
from newsprobe.ingest.fields import language_code, split_authors, with_published
from newsprobe.ingest.text import lift_credits
from newsprobe.normalize import normalize_body, normalize_line

__all__ = ["article_from_html", "declared_charset", "html_to_text"]

_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE | re.DOTALL
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]])")
_CAPTIONISH = re.compile(r"caption|credit", re.IGNORECASE)
_CREDITISH = re.compile(r"credit|copyright|photographer", re.IGNORECASE)
# A caption or credit is short; an element marked "caption" holding more text than this
# is a layout wrapper around the article (seen on sites with class="has-captions"), and is
# left in place. Captions in our composed and collected pages stay under 400 characters.
_MAX_CAPTION_CHARS = 800
# Trafilatura gives up on trees larger than this many elements (pathological pages can
# hold millions of empty divs); 200k is an order above the largest news pages we saw.
_MAX_TREE_SIZE = 200_000
# "Read more:", "Lesen Sie auch:", "Also on our site:": labels of in-article link teasers
# in the pages we composed and saw run to four words; a body sentence ending in a colon
# and followed only by a link is rarer than that and the price is one lost paragraph.
_MAX_TEASER_LABEL_WORDS = 4
_MAX_TEASER_CHILDREN = 4
# Four words is the shortest sentence we expect to carry news ("Talks end without deal");
# menus and buttons are mostly one to three words, and longer link texts are excluded
# by name (`_control_texts`).
_MIN_PROSE_WORDS = 4
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "publishdate",
    "pubdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "date",
    "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_TAG_META = ("article:tag", "keywords", "news_keywords")
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "li", "blockquote", "pre", "tr", "br", "table", "ul"}
    | {"ol", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_SKIP = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button")


@functools.cache
def _trafilatura_config() -> configparser.ConfigParser:
    """Trafilatura settings, built once on first use (never at import time)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "max_tree_size", str(_MAX_TREE_SIZE))
    # Size limits are ours (`IngestOptions.max_bytes`); trafilatura's 20 MB cap would
    # silently return nothing for a larger page instead of saying why.
    config.set("DEFAULT", "max_file_size", str(2**62))
    return config


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in ``<meta charset>`` or http-equiv, if any."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _clean_markup(html: str) -> str:
    """Drop the XML declaration and the control characters lxml refuses to hold.

    The normalizer would drop those characters from the text anyway; left in, lxml raises
    on the first tree edit that touches them.
    """
    return _XML_UNSAFE.sub("", _XML_DECLARATION.sub("", html, count=1))


def _parse(html: str | bytes, source: str | None) -> lxml.html.HtmlElement:
    if isinstance(html, bytes):
        html = decode_bytes(html, source=source, declared=declared_charset(html))
    html = _clean_markup(html)
    if not html.strip():
        raise ExtractionError("the page is empty", source=source)
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise UnsupportedInputError(f"cannot parse as HTML: {exc}", source=source) from exc
    return tree


def _text(element: etree._Element) -> str:
    # Pieces are joined with spaces so that sibling blocks do not run together; the space
    # this leaves before punctuation after an inline element ("<em>Bay</em>.") is removed.
    return _SPACE_BEFORE_PUNCT.sub(r"\1", normalize_line(" ".join(element.itertext())))


def _lift_captions(tree: lxml.html.HtmlElement) -> tuple[list[str], list[str]]:
    """Remove captions, credits and figures from the tree; return their texts."""
    captions: list[str] = []
    credits: list[str] = []

    def keep(bucket: list[str], text: str) -> None:
        if text and text not in bucket:
            bucket.append(text)

    marked = [
        el
        for el in tree.iter("*")
        if isinstance(el.tag, str)
        and el.tag not in ("html", "body")
        and _CAPTIONISH.search(f"{el.get('class', '')} {el.get('id', '')}")
    ]
    root = tree.getroottree().getroot()

    def attached(el: etree._Element) -> bool:
        # An element inside a subtree dropped earlier still has a parent; it is gone only
        # when the document root is no longer among its ancestors.
        return any(a is root for a in el.iterancestors())

    for el in marked:
        if not attached(el) or len(_text(el)) > _MAX_CAPTION_CHARS:
            continue
        # Credits nested inside a caption are taken first, then the caption without them.
        for inner in list(el.iterdescendants("*")):
            if _CREDITISH.search(f"{inner.get('class', '')} {inner.get('id', '')}"):
                keep(credits, _text(inner))
                inner.drop_tree()
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        keep(credits if _CREDITISH.search(attrs) else captions, _text(el))
        el.drop_tree()
    for el in list(tree.iter("figcaption", "figure")):
        if not attached(el) or len(_text(el)) > _MAX_CAPTION_CHARS:
            continue
        if el.tag == "figure" and next(el.iter("table"), None) is not None:
            continue  # a data table wrapped in <figure> (WordPress blocks) is content
        keep(captions, _text(el))
        el.drop_tree()
    return captions, credits


def _drop_link_teasers(tree: lxml.html.HtmlElement) -> None:
    """Remove in-article "Read more: <link>" paragraphs, which extraction keeps as text.

    A teaser is a short block whose own words are a label ending in a colon
    (`_MAX_TEASER_LABEL_WORDS` words at most, "Lesen Sie auch:", "RELATED:") and whose
    remaining text is all link text.
    """
    for el in list(tree.iter("p", "li", "div", "aside")):
        links = list(el.iter("a"))
        if not links or len(el) > _MAX_TEASER_CHILDREN:
            continue
        link_text = " ".join(_text(a) for a in links)
        label = _text(el)
        for a in links:
            label = label.replace(_text(a), "", 1)
        label = label.strip()
        words = label.split()
        if link_text and label.endswith(":") and 0 < len(words) <= _MAX_TEASER_LABEL_WORDS:
            el.drop_tree()


def _meta_values(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = el.get("content")
        if key and content and content.strip():
            found.setdefault(key, []).append(content.strip())
    return found


def _first(metas: dict[str, list[str]], *keys: str) -> str | None:
    return next((metas[key][0] for key in keys if key in metas), None)


def _json_ld_dates(tree: lxml.html.HtmlElement) -> str | None:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    return str(item["datePublished"])
                stack.extend(v for v in item.values() if isinstance(v, list | dict))
    return None


def _published_raw(tree: lxml.html.HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """The page's own publication time, with its zone: meta tags, JSON-LD, ``<time>``."""
    for key in _DATE_META:
        if key in metas:
            return metas[key][0]
    from_ld = _json_ld_dates(tree)
    if from_ld:
        return from_ld
    times = [el for el in tree.iter("time") if el.get("datetime")]
    marked = [el for el in times if el.get("itemprop") == "datePublished" or el.get("pubdate")]
    return str((marked or times)[0].get("datetime")) if times else None


def _tags(metas: dict[str, list[str]], extracted: Any) -> list[str]:
    tags: list[str] = []
    for key in _TAG_META:
        for value in metas.get(key, []):
            # article:tag holds one tag per meta element; keywords are comma-separated.
            tags.extend([value] if key == "article:tag" else value.split(","))
    for value in (getattr(extracted, "tags", None) or []) + (
        getattr(extracted, "categories", None) or []
    ):
        tags.extend(t.strip() for t in str(value).split(","))
    seen: list[str] = []
    for tag in (normalize_line(t) for t in tags):
        if tag and tag.lower() not in {s.lower() for s in seen}:
            seen.append(tag)
    return seen


def _canonical(tree: lxml.html.HtmlElement, metas: dict[str, list[str]]) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return str(el.get("href")).strip()
    return metas.get("og:url", [None])[0]


def _control_texts(tree: lxml.html.HtmlElement) -> set[str]:
    """Texts of links, buttons, labels and the title: what a page without an article is made of."""
    texts = {_text(el) for el in tree.iter("a", "button", "label", "option", "title", "legend")}
    return {t.casefold() for t in texts if t}


def _has_prose(body: str, controls: set[str]) -> bool:
    """Whether the body holds one real sentence, not only menu entries and buttons.

    Trafilatura's fallback extractors return *something* for any page; on a login or
    index page that is the menu ("Home", "News", "Log in"). A paragraph of at least
    `_MIN_PROSE_WORDS` words that is not the text of a link or control is required.
    """
    return any(
        len(line.split()) >= _MIN_PROSE_WORDS and line.casefold() not in controls
        for line in body.split("\n\n")
    )


def _body_paragraphs(text: str, headline: str | None) -> str:
    """Trafilatura's text has one block per line; we separate paragraphs by a blank line.

    The page's ``<h1>`` often comes back as the first line; it is the headline, not body.
    """
    lines = [line for line in normalize_body(text).split("\n") if line]
    if lines and headline and normalize_line(headline).casefold() == lines[0].casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def article_from_html(
    html: str | bytes, *, url: str | None = None, source: str | None = None
) -> Article:
    """Extract the article in an HTML page.

    Args:
        html: the page; bytes are decoded with the charset the page declares, else sniffed.
        url: where the page came from (kept as `Article.url`; helps trafilatura).
        source: name of the input for error messages (defaults to `url`).

    Raises:
        ExtractionError: the page holds no article text.
        UnsupportedInputError: the input is binary or not HTML at all.
    """
    import trafilatura

    source = source or url
    tree = _parse(html, source)
    metas = _meta_values(tree)
    lang = language_code(tree.get("lang") or tree.get("xml:lang")) or language_code(
        _first(metas, "og:locale", "content-language")
    )
    canonical = _canonical(tree, metas)
    published_raw = _published_raw(tree, metas)
    captions, credits = _lift_captions(tree)
    _drop_link_teasers(tree)
    controls = _control_texts(tree)
    extracted = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        # Never True: trafilatura dedupes against a process-wide cache, so the second
        # copy of a page (another mirror, a re-run) would come back empty.
        deduplicate=False,
        # htmldate's extensive search guesses dates from body text ("the winter of 2024"
        # became 2024-01-01 on a test page); without it only markup and URLs count.
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_trafilatura_config(),
    )
    headline = getattr(extracted, "title", None) or _first(metas, "og:title")
    body = _body_paragraphs(getattr(extracted, "text", None) or "", headline)
    # A credit printed as text rather than marked up ("Image: Getty" as a paragraph).
    body, text_credits = lift_credits(body)
    credits += text_credits
    if not _has_prose(body, controls):
        raise ExtractionError(
            "no article text found in the page (is it an index, login or error page?)",
            source=source,
        )
    fields: dict[str, Any] = {"meta": {}}
    meta = fields["meta"]
    if canonical:
        meta["canonical_url"] = canonical
    description = getattr(extracted, "description", None)
    if description:
        meta["description"] = normalize_line(description)
    tags = _tags(metas, extracted)
    if tags:
        meta["tags"] = tags
    if "article:section" in metas:
        meta["section"] = normalize_line(metas["article:section"][0])
    if captions:
        meta["photo_captions"] = captions
    if credits:
        meta["photo_credits"] = credits
    with_published(fields, published_raw or getattr(extracted, "date", None))
    authors = split_authors(getattr(extracted, "author", None)) or split_authors(
        metas.get("author")
    )
    outlet = getattr(extracted, "sitename", None) or _first(metas, "og:site_name")
    return Article.create(
        headline=headline,
        body=body,
        url=url,
        outlet=outlet,
        authors=authors,
        language=lang,
        **fields,
    )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content), paragraphs kept, captions dropped.

    For a fragment that is known to be the article (RSS ``content:encoded``), where
    trafilatura's boilerplate removal has nothing to remove and may drop short pieces.
    """
    if not fragment.strip():
        return ""
    try:
        # A document parse accepts both fragments and whole pages (feeds carry either);
        # fragment_fromstring asserts on a fragment that holds an <html> element.
        document = lxml.html.document_fromstring(_clean_markup(fragment))
    except (etree.ParserError, ValueError):
        return normalize_body(re.sub(r"<[^>]+>", " ", fragment))
    body = document.find("body")
    root = body if body is not None else document
    for el in list(root.iter(*_SKIP)):
        if el.getparent() is not None:
            el.drop_tree()
    _lift_captions(root)
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        block = isinstance(el.tag, str) and el.tag in _BLOCKS
        if block:
            parts.append("\n\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    walk(root)
    # Newlines inside a paragraph are source formatting; only block edges make paragraphs.
    return normalize_body(re.sub(r"(?<!\n)\n(?!\n)", " ", "".join(parts)))
