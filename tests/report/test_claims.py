"""`--format claims`: schema.org Claim objects in JSON-LD, as ClaimReview tooling loads them.

schema.org's Claim (a CreativeWork) has `appearance` (a CreativeWork the claim occurs in),
`firstAppearance` and `claimInterpreter`, and from CreativeWork `text`, `author` and
`datePublished`; offsets and scores are newsprobe's own terms, under its prefix.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Analysis, Article
from newsprobe.evaluation.goldset import article_of, gold_article
from newsprobe.report.claims import claims_jsonld

# Terms a Claim document may use: JSON-LD keywords, schema.org terms, newsprobe's own.
SCHEMA_TERMS = {
    "text",
    "appearance",
    "author",
    "datePublished",
    "url",
    "headline",
    "publisher",
    "name",
    "inLanguage",
}
SCHEMA_TYPES = {"Claim", "NewsArticle", "Person", "Organization"}


@pytest.fixture(scope="module")
def wire() -> Analysis:
    return Pipeline().analyze(article_of(gold_article("summit-wire")))


def _nodes(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        found = [value] if "@type" in value else []
        for key, child in value.items():
            if key != "@context":
                found += _nodes(child)
        return found
    if isinstance(value, list):
        return [n for item in value for n in _nodes(item)]
    return []


def test_every_claim_is_a_schema_org_claim_with_the_required_properties(wire: Analysis) -> None:
    document = json.loads(json.dumps(claims_jsonld(wire)))
    assert document["@context"][0] == "https://schema.org"
    assert document["@context"][1] == {"newsprobe": "urn:newsprobe:"}
    claims = document["@graph"]
    assert len(claims) == len(wire.of_kind("claim")) > 0
    scores = [c["newsprobe:checkworthiness"] for c in claims]
    assert scores == sorted(scores, reverse=True)
    text = wire.article.text
    for claim in claims:
        assert claim["@type"] == "Claim"
        assert claim["@id"].startswith(wire.article.url + "#claim-")
        assert claim["text"] == text[claim["newsprobe:start"] : claim["newsprobe:end"]]
        assert claim["appearance"]["@type"] == "NewsArticle"
        assert claim["appearance"]["url"] == wire.article.url
        assert claim["appearance"]["publisher"] == {
            "@type": "Organization",
            "name": "Coastline Wire",
        }
        assert claim["datePublished"] == "2025-03-10T08:30:00+00:00"
        assert claim["author"]["@type"] in ("Person", "Organization") and claim["author"]["name"]
    for node in _nodes(document):
        assert node["@type"] in SCHEMA_TYPES
        for key in node:
            assert key.startswith("@") or key in SCHEMA_TERMS or key.startswith("newsprobe:"), key


def test_an_attributed_claim_is_authored_by_its_source(wire: Analysis) -> None:
    claims = claims_jsonld(wire)["@graph"]
    sandor = [c for c in claims if c["text"].startswith("Sandor said")]
    assert sandor and sandor[0]["author"] == {"@type": "Person", "name": "Mirela Sandor"}
    assert sandor[0]["newsprobe:sourceType"] == "person"


def test_a_claim_the_article_retells_is_the_reporting_outlets_not_the_fearful() -> None:
    article = Article.create(
        headline="Velmar dam crack",
        body="Terrified villagers fear the worst after a two-metre crack appeared in the "
        "Velmar dam on Thursday, the Eastbrook Courier reports.",
        outlet="Daily Clarion",
        language="en",
    )
    claims = claims_jsonld(Pipeline().analyze(article))["@graph"]
    (claim,) = [c for c in claims if c["text"].startswith("Terrified")]
    assert claim["author"] == {"@type": "Organization", "name": "Eastbrook Courier"}
    assert claim["newsprobe:sourceType"] == "outlet"


def test_newsprobe_never_fills_a_truth_rating(wire: Analysis) -> None:
    raw = json.dumps(claims_jsonld(wire))
    for word in ("ClaimReview", "reviewRating", "ratingValue", "alternateName", "Rating"):
        assert word not in raw


def test_an_article_without_url_date_or_outlet_still_gives_valid_claims() -> None:
    article = Article.create(
        headline="Port reopens",
        body="The port of Lenwick reopened on Monday after 36 hours, the harbour master said.",
        language="en",
    )
    document = claims_jsonld(Pipeline().analyze(article))
    assert document["@graph"], "the sentence is a checkable claim"
    for claim in document["@graph"]:
        assert claim["@id"].startswith(f"urn:newsprobe:article:{article.id}#claim-")
        assert "url" not in claim["appearance"] and "datePublished" not in claim
    dated = Article.create(
        headline="Port reopens",
        body="The port of Lenwick reopened on Monday after 36 hours of closure.",
        authors=["Ana Ruiz"],
        published=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
        language="en",
    )
    claims = claims_jsonld(Pipeline().analyze(dated))["@graph"]
    assert claims
    for claim in claims:
        assert claim["datePublished"] == "2026-01-05T09:00:00+00:00"
        # Unattributed: the article's author makes the claim.
        assert claim["author"] == [{"@type": "Person", "name": "Ana Ruiz"}]
