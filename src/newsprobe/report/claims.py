"""The check-worthy claims as schema.org `Claim` objects in JSON-LD.

    >>> document = claims_jsonld(analysis)
    >>> [c["text"] for c in document["@graph"]]

This is the form fact-checkers load into their ClaimReview tooling: each claim with its
`text`, its `appearance` (the article: `url`, headline, publisher, date, authors), its
`author` (the person or organization the article attributes it to, else the article's
authors or outlet), its `datePublished` (the article's), and where it sits in the article
text. schema.org has no property for character offsets, so those use newsprobe's own
terms, under the ``newsprobe:`` prefix (``urn:newsprobe:``): ``newsprobe:start`` and
``newsprobe:end`` (Unicode code points into the article text: headline, blank line,
body), ``newsprobe:checkworthiness`` and ``newsprobe:sourceType``. A consumer that does
not know them can ignore them.

newsprobe never fills a truth rating: there is no `ClaimReview` and no `reviewRating`
here; reviewing the claims is the fact-checker's work.
"""

from __future__ import annotations

from typing import Any

from newsprobe.document import Analysis
from newsprobe.findings import AttributionFinding, ClaimFinding

__all__ = ["CONTEXT", "claims_jsonld"]

#: schema.org as the vocabulary, plus newsprobe's own terms for offsets and scores.
CONTEXT: list[Any] = ["https://schema.org", {"newsprobe": "urn:newsprobe:"}]

# Source types whose source is the claim's author, and the schema.org type they take.
_AUTHOR_TYPES = {
    "person": "Person",
    "official": "Person",
    "institution": "Organization",
    "outlet": "Organization",
}


def _appearance(analysis: Analysis) -> dict[str, Any]:
    article = analysis.article
    work: dict[str, Any] = {"@type": "NewsArticle"}
    if article.url:
        work["@id"] = article.url
        work["url"] = article.url
    if article.headline_text:
        work["headline"] = article.headline_text
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.published:
        work["datePublished"] = article.published.isoformat()
    if article.authors:
        work["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.language:
        work["inLanguage"] = article.language
    return work


def _article_author(analysis: Analysis) -> list[dict[str, Any]] | dict[str, Any] | None:
    article = analysis.article
    if article.authors:
        return [{"@type": "Person", "name": name} for name in article.authors]
    if article.outlet:
        return {"@type": "Organization", "name": article.outlet}
    return None


def _source(claim: ClaimFinding, sources: list[AttributionFinding]) -> AttributionFinding | None:
    """The attributed statement a claim is part of, if any: the one overlapping it most,
    and among equals the one that reports it (a verb of saying) over one that only holds
    a view of it: "Villagers fear the worst, the Courier reports" is the Courier's claim."""
    overlapping = [s for s in sources if s.span.overlaps(claim.span)]
    return max(
        overlapping,
        key=lambda s: (
            min(s.span.end, claim.span.end) - max(s.span.start, claim.span.start),
            s.cue_type == "speech",
            s.sources_statement,
        ),
        default=None,
    )


def _claim(
    claim: ClaimFinding, analysis: Analysis, sources: list[AttributionFinding], base: str
) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Claim",
        "@id": f"{base}#{claim.id}",
        "text": claim.text,
        "appearance": _appearance(analysis),
    }
    source = _source(claim, sources)
    kind = _AUTHOR_TYPES.get(source.source_type) if source is not None else None
    if source is not None and kind and source.source:
        node["author"] = {"@type": kind, "name": source.source}
    elif (author := _article_author(analysis)) is not None:
        node["author"] = author
    if analysis.article.published:
        node["datePublished"] = analysis.article.published.isoformat()
    node["newsprobe:start"] = claim.span.start
    node["newsprobe:end"] = claim.span.end
    node["newsprobe:checkworthiness"] = claim.checkworthiness
    node["newsprobe:sourceType"] = source.source_type if source is not None else "unattributed"
    return node


def claims_jsonld(analysis: Analysis) -> dict[str, Any]:
    """One JSON-LD document: the article's claims, most check-worthy first, in `@graph`."""
    base = analysis.article.url or f"urn:newsprobe:article:{analysis.article.id}"
    sources = [a for a in analysis.findings if isinstance(a, AttributionFinding)]
    claims = sorted(
        (f for f in analysis.findings if isinstance(f, ClaimFinding)),
        key=lambda c: (-c.checkworthiness, c.span.start),
    )
    return {
        "@context": CONTEXT,
        "@graph": [_claim(claim, analysis, sources, base) for claim in claims],
    }
