"""One spelling per article address, so that the same page is stored once.

The same article reaches a corpus under many spellings: with tracking parameters from a
newsletter, with ``www.`` or without, with a fragment, with the host in capitals. The
corpus de-duplicates on the canonical form made here (the page's own ``<link
rel=canonical>`` when ingest found one, else its URL).

    >>> canonical_url("HTTPS://WWW.Coast.example:443/news/a?utm_source=x&id=7#top")
    'https://coast.example/news/a?id=7'
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsprobe.document import Article

__all__ = ["TRACKING_PARAMETERS", "article_canonical_url", "canonical_url"]

#: Query parameters that say how a reader arrived, never which article it is. Prefixes end
#: with "_"; the list is the usual analytics and ad-click parameters.
TRACKING_PARAMETERS = frozenset(
    "utm_ fbclid gclid dclid msclkid mc_cid mc_eid igshid yclid _ga _gl ref_src "
    "cmpid ncid ocid smid partner".split()
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or any(
        lowered.startswith(prefix) for prefix in TRACKING_PARAMETERS if prefix.endswith("_")
    )


def canonical_url(url: str) -> str:
    """The canonical spelling of an http(s) URL; other strings come back stripped.

    Lower-cased scheme and host, no ``www.``, no default port, no fragment, no tracking
    parameters, no trailing slash on a non-root path; the order of the other parameters
    is kept (it can matter to the site).
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # an unbalanced IPv6 bracket or a port that is not a number
        return text
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return text
    host = parts.hostname.lower().removeprefix("www.")
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    ]
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def article_canonical_url(article: Article) -> str | None:
    """The canonical form of the article's own canonical URL, else of its URL, else None."""
    declared = article.meta.get("canonical_url")
    address = declared if isinstance(declared, str) and declared.strip() else article.url
    return canonical_url(address) if address else None
