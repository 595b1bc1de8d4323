"""The document model: spans, article construction, analysis round trip and validation."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from newsprobe.document import Analysis, Article
from newsprobe.findings import (
    AttributionFinding,
    ClaimFinding,
    EntityFinding,
    GenericFinding,
    HedgeFinding,
    QuantityFinding,
    QuoteFinding,
    Span,
)


def test_span_rejects_reversed_and_negative_offsets() -> None:
    with pytest.raises(ValidationError):
        Span(start=5, end=2)
    with pytest.raises(ValidationError):
        Span(start=-1, end=2)
    assert len(Span(start=3, end=10)) == 7
    assert Span(start=0, end=10).contains(Span(start=2, end=3))
    assert not Span(start=0, end=2).overlaps(Span(start=2, end=4))


def test_article_text_is_headline_blank_line_body() -> None:
    article = Article.create(
        headline="  Storm\tcloses   port ",
        body="The port shut on Monday.\r\n\r\n\r\nShips waited offshore.",
        url="https://news.example/storm",
    )
    assert article.text == "Storm closes port\n\nThe port shut on Monday.\n\nShips waited offshore."
    assert article.headline_text == "Storm closes port"
    assert article.body_text.startswith("The port shut")
    assert article.body.end == len(article.text)


def test_article_without_headline_starts_body_at_zero() -> None:
    article = Article.create(headline=None, body="Just a body.")
    assert article.headline == Span(start=0, end=0)
    assert article.body_text == "Just a body."


def test_article_id_is_stable_and_prefers_canonical_url() -> None:
    a = Article.create(
        headline="H",
        body="B",
        url="https://x.example/a?utm=1",
        meta={"canonical_url": "https://x.example/a"},
    )
    b = Article.create(
        headline="Other",
        body="Text",
        url="https://x.example/a?utm=2",
        meta={"canonical_url": "https://x.example/a"},
    )
    c = Article.create(headline="H", body="B")
    assert a.id == b.id
    assert c.id == Article.create(headline="H", body="B").id != a.id


def test_published_must_be_timezone_aware() -> None:
    with pytest.raises(ValidationError):
        Article.create(headline="H", body="B", published=datetime(2025, 3, 9, 8, 0))
    ok = Article.create(headline="H", body="B", published=datetime(2025, 3, 9, tzinfo=UTC))
    assert ok.published is not None


def _analysis() -> Analysis:
    article = Article.create(
        headline="Leaders meet for 45 minutes",
        body='President Ana Ruiz met Tomas Brenn. "It went well," Ruiz said. It may rain.',
        published=datetime(2025, 3, 9, 8, 30, tzinfo=UTC),
        language="en",
        meta={"photo_credits": ["Photo: J. Doe"], "tags": ["politics"]},
    )
    t = article.text

    def span(s: str) -> Span:
        start = t.index(s)
        return Span(start=start, end=start + len(s))

    findings = [
        EntityFinding(
            id="entity-1",
            span=span("Ana Ruiz"),
            text="Ana Ruiz",
            canonical="Ana Ruiz",
            label="PERSON",
            mentions=[span("Ana Ruiz"), span("Ruiz said")],
            role="president",
            role_span=span("President"),
            analyzer="entities@1",
        ),
        QuantityFinding(
            id="quantity-1",
            span=span("45 minutes"),
            text="45 minutes",
            value=45.0,
            unit="min",
            dimension="duration",
            analyzer="quantities@1",
        ),
        QuoteFinding(
            id="quote-1",
            span=span('"It went well,"'),
            text='"It went well,"',
            parts=[span("It went well")],
            speaker="Ana Ruiz",
            cue="said",
        ),
        HedgeFinding(
            id="hedge-1",
            span=span("may"),
            text="may",
            hedge_type="modal",
            scope=span("It may rain."),
        ),
        AttributionFinding(
            id="attribution-1",
            span=span("Ruiz said"),
            text="Ruiz said",
            source="Ruiz",
            source_type="person",
        ),
        ClaimFinding(
            id="claim-1",
            span=span("President Ana Ruiz met Tomas Brenn."),
            text="President Ana Ruiz met Tomas Brenn.",
            checkworthiness=0.8,
            subjects=["entity-1"],
            predicate="meet",
            time="2025-03-09",
        ),
        GenericFinding(
            id="x-1", kind="plugin_kind", span=span("rain"), text="rain", score=3, labels=["a"]
        ),  # type: ignore[call-arg]
    ]
    return Analysis(models={"spacy": "en_core_web_sm-3.8.0"}, article=article, findings=findings)


def test_analysis_round_trips_through_json_exactly() -> None:
    analysis = _analysis()
    again = Analysis.from_json(analysis.to_json())
    assert again == analysis
    assert again.to_json() == analysis.to_json()
    assert isinstance(again.findings[0], EntityFinding)
    assert isinstance(again.findings[-1], GenericFinding)
    assert again.findings[-1].model_extra == {"score": 3, "labels": ["a"]}


def test_json_has_the_documented_shape() -> None:
    data = json.loads(_analysis().to_json())
    assert {
        "schema_version",
        "newsprobe_version",
        "models",
        "article",
        "findings",
        "errors",
        "notices",
    } <= data.keys()
    assert {
        "id",
        "text",
        "headline",
        "body",
        "url",
        "outlet",
        "authors",
        "published",
        "language",
        "meta",
    } <= data["article"].keys()
    finding = data["findings"][0]
    assert {"kind", "span", "text", "analyzer", "confidence", "note"} <= finding.keys()
    assert finding["span"] == {"start": finding["span"]["start"], "end": finding["span"]["end"]}
    assert data["article"]["published"] == "2025-03-09T08:30:00Z"


def test_analysis_rejects_spans_outside_the_text_and_wrong_text() -> None:
    analysis = _analysis()
    data = json.loads(analysis.to_json())
    data["findings"][1]["span"]["end"] = len(analysis.article.text) + 5
    with pytest.raises(ValidationError, match="outside"):
        Analysis.model_validate(data)
    data = json.loads(analysis.to_json())
    data["findings"][1]["text"] = "something else"
    with pytest.raises(ValidationError, match="does not match"):
        Analysis.model_validate(data)
    data = json.loads(analysis.to_json())
    data["findings"][0]["mentions"][1]["end"] = 10_000
    with pytest.raises(ValidationError, match="outside"):
        Analysis.model_validate(data)


def test_schema_describes_every_finding_kind() -> None:
    schema = json.dumps(Analysis.model_json_schema())
    for kind in (
        "EntityFinding",
        "QuantityFinding",
        "QuoteFinding",
        "ClaimFinding",
        "HedgeFinding",
        "GenericFinding",
    ):
        assert kind in schema


def test_every_finding_class_is_a_kind_and_decodes_to_itself() -> None:
    """The union in `findings` is the one list of kinds: a class missing from it would
    silently decode as generic; a kind listed twice would not be one entry per class."""
    import newsprobe.findings as module
    from newsprobe.findings import FINDING_KINDS, FindingBase

    classes = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, FindingBase)
        and value not in (FindingBase, GenericFinding)
    ]
    assert sorted(FINDING_KINDS) == sorted(c.model_fields["kind"].default for c in classes)
    for cls in classes:
        kind = cls.model_fields["kind"].default
        decoded = module._KINDS[kind]
        assert decoded is cls
