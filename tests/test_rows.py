"""`newsprobe.rows`: one analysis as one table row, from a real analysis of a composed story."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import newsprobe
from newsprobe.document import Analysis
from newsprobe.findings import FINDING_KINDS, ClaimFinding, EntityFinding, Span
from newsprobe.rows import COLUMNS, CRITERION_PREFIX, analysis_row, columns_of
from tests.conftest import make_article

BODY = (
    "The Kessling harbour board voted 6 to 3 on Monday to spend 14 million crowns on a new "
    "sea wall, board chair Tomas Reyl said.\n\n"
    '"The old wall will not survive another winter," Reyl told the Coastline Wire. Engineers '
    "reportedly warned in March that storms could breach it within two years."
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    article = make_article(
        BODY,
        headline="Kessling board backs 14 million crown sea wall",
        url="https://coastline-wire.example/sea-wall",
        outlet="Coastline Wire",
        authors=["Mara Quill"],
        published=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
    )
    return newsprobe.analyze(article)


def test_the_row_has_every_column_and_metadata(analysis: Analysis) -> None:
    row = analysis_row(analysis, input="wire.jsonl", record=41)
    assert [c.name for c in COLUMNS if c.name not in row] == []
    assert row["input"] == "wire.jsonl" and row["record"] == 41
    assert row["article_id"] == analysis.article.id
    assert row["headline"] == "Kessling board backs 14 million crown sea wall"
    assert row["outlet"] == "Coastline Wire" and row["authors"] == ["Mara Quill"]
    assert row["published"] == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    assert row["characters"] == len(analysis.article.text)
    assert row["analyzer_errors"] == 0


def test_counts_per_kind_add_up_to_the_findings(analysis: Analysis) -> None:
    row = analysis_row(analysis, input="wire.jsonl", record=0)
    for kind in FINDING_KINDS:
        assert row[f"findings_{kind}"] == len(analysis.of_kind(kind)), kind
    assert sum(row[f"findings_{k}"] for k in FINDING_KINDS) == len(analysis.findings)
    assert row["findings_quote"] >= 1 and row["findings_quantity"] >= 2


def test_claims_come_most_check_worthy_first_with_their_spans(analysis: Analysis) -> None:
    claims = analysis_row(analysis, input="wire.jsonl", record=0)["claims"]
    assert len(claims) == len(analysis.of_kind("claim")) >= 1
    scores = [c["checkworthiness"] for c in claims]
    assert scores == sorted(scores, reverse=True)
    for claim in claims:
        assert analysis.article.text[claim["start"] : claim["end"]] == claim["text"]


def test_a_third_party_kind_is_counted_as_other() -> None:
    article = make_article("Ferry crews in Port Alder walked out on Monday.", headline="Strike")
    start = article.text.index("Port Alder")
    entity = EntityFinding(
        span=Span(start=start, end=start + 10),
        text="Port Alder",
        canonical="Port Alder",
        label="GPE",
    )
    body = article.body
    claim = ClaimFinding(span=body, text=article.slice(body), checkworthiness=0.7)
    other = {"kind": "tide_level", "span": {"start": 0, "end": 6}, "text": "Strike"}
    analysis = Analysis.model_validate(
        {"article": article, "findings": [entity, claim.model_dump(), other]}
    )
    row = analysis_row(analysis, input="-", record=0)
    assert row["findings_entity"] == 1 and row["findings_claim"] == 1
    assert row["findings_other"] == 1
    assert row["claims"][0]["checkworthiness"] == 0.7


def test_criterion_columns_follow_the_fixed_ones_in_first_seen_order() -> None:
    rows = [
        {"input": "a", f"{CRITERION_PREFIX}sources_named": "pass"},
        {f"{CRITERION_PREFIX}no_clickbait": "warn", f"{CRITERION_PREFIX}sources_named": "fail"},
    ]
    names = [c.name for c in columns_of(rows)]
    assert names[: len(COLUMNS)] == [c.name for c in COLUMNS]
    assert names[len(COLUMNS) :] == ["criterion_sources_named", "criterion_no_clickbait"]


def test_the_assessment_gives_rating_and_one_column_per_criterion(analysis: Analysis) -> None:
    assessment = analysis.assessment
    assert assessment is not None
    row = analysis_row(analysis, input="wire.jsonl", record=0)
    assert row["rating_score"] == assessment.rating.score
    assert row["rating_word"] == assessment.rating.word
    assert row["assessment_version"] == assessment.version
    assert [c["id"] for c in row["criteria"]] == [c.id for c in assessment.criteria]
    for criterion in assessment.criteria:
        assert row[CRITERION_PREFIX + criterion.id] == criterion.outcome
    names = [c.name for c in columns_of([row])]
    assert {"rating_score", "rating_word", "criteria"} <= set(names)
    assert names[-len(assessment.criteria) :] == [
        CRITERION_PREFIX + c.id for c in assessment.criteria
    ]
