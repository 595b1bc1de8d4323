"""An `AnalyzeRequest` (or the web form) turned into an `Article`, through the ingest layer.

Text goes through the same reader as a text file, HTML through the same extractor as an
HTML file, a URL through the guarded fetcher (`newsprobe.ingest.web`: private, loopback and
link-local addresses refused, size and time capped). The request's headline, outlet and
publication time then override what was found, as the CLI's ``--headline`` does for text.
"""

from __future__ import annotations

from newsprobe.document import Article
from newsprobe.errors import IngestError, UnsupportedInputError
from newsprobe.ingest import IngestOptions, load
from newsprobe.ingest.html import article_from_html
from newsprobe.ingest.text import article_from_text
from newsprobe.nlp.language import detect_language
from newsprobe.service.models import AnalyzeRequest
from newsprobe.service.settings import Settings

__all__ = ["article_of"]

_SOURCE = "request"


def _override(article: Article, request: AnalyzeRequest) -> Article:
    """The article with the request's headline, outlet and date where given."""
    headline = request.headline if request.kind != "text" else None
    if headline is not None or request.outlet is not None or request.published is not None:
        # Built again through `create`: a new headline moves every offset, and the outlet
        # is normalized as ingest normalizes it.
        article = Article.create(
            headline=headline if headline is not None else article.headline_text or None,
            body=article.body_text,
            url=article.url,
            outlet=request.outlet if request.outlet is not None else article.outlet,
            authors=article.authors,
            published=request.published or article.published,
            language=article.language,
            meta=dict(article.meta),
        )
    if article.language is None:
        article = article.model_copy(update={"language": detect_language(article.body_text)})
    return article


def _check_url(url: str) -> None:
    """Refuse what is not a well-formed http(s) address before anything is fetched.

    `load` also reads local files and stdin, so only web addresses may come in here; and a
    malformed address is bad input (400), not a failure of the site it names (502).
    """
    import httpx

    shown = url[:200]
    if not url.strip().lower().startswith(("http://", "https://")):
        raise UnsupportedInputError("only http:// and https:// URLs are fetched", source=shown)
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL as exc:
        raise IngestError(f"not a valid URL: {exc}", source=shown) from None
    if not parsed.host:
        raise IngestError("the URL has no host", source=shown)


def article_of(request: AnalyzeRequest, settings: Settings) -> Article:
    """The article a request describes (blocking: a URL is fetched).

    Raises:
        IngestError: the input holds no article, or the URL cannot be fetched or is refused.
    """
    if request.kind == "url":
        assert request.url is not None
        _check_url(request.url)
        options = IngestOptions(
            format="url",
            allow_private=settings.allow_private,
            max_bytes=settings.max_body,
            timeout=settings.fetch_timeout,
        )
        article = load(request.url, options)
    elif request.kind == "html":
        assert request.html is not None
        article = article_from_html(request.html, source=_SOURCE)
    else:
        assert request.text is not None
        article = article_from_text(request.text, headline=request.headline, source=_SOURCE)
    return _override(article, request)
