"""The checklist as a whole: corpus criteria from a cross-check, criteria not judged, the
rating's arithmetic, JSON, and the table the criteria come from."""

from __future__ import annotations

import json
import re

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.assess import assess, criteria_table
from newsprobe.assessment import OUTCOME_POINTS, Assessment
from newsprobe.document import SCHEMA_VERSION, Analysis, Article
from newsprobe.errors import ConfigError
from tests.assess.conftest import (
    Agreement,
    Analyze,
    ClaimResult,
    CrossCheck,
    Evidence,
    Figure,
    QuoteResult,
    Ref,
    StoryInfo,
    Value,
    Version,
    span_of,
)
from tests.paths import REPO

BODY = (
    "President Anton Veles of Kestrava and President Mirela Sandor of Ordania met on Sunday "
    "at the Lakeside Palace in Varn. The talks lasted 45 minutes, the Kestravan presidency "
    "said.\n\n"
    '"The door is open," Sandor told reporters after the meeting. Veles said the border '
    "crossings would reopen before the end of April.\n\n"
    "The foreign ministers will meet again next week, a spokesperson said."
)
HEADLINE = "Kestravan and Ordanian presidents meet in Varn"


@pytest.fixture(scope="module")
def analysis(analyze: Analyze) -> Analysis:
    return analyze(BODY, headline=HEADLINE, outlet="Coastline Wire")


def _crosscheck(analysis: Analysis, *, bad: bool) -> CrossCheck:
    article = analysis.article
    claim_text = "Veles said the border crossings would reopen before the end of April."
    times = Evidence("art-2", "Valemont Times", "Veles promised the crossings would reopen.")
    return CrossCheck(
        target=Ref(article.id, "Coastline Wire"),
        story=StoryInfo(articles=(Ref("art-2", "Valemont Times"),)),
        figures=[
            Figure(
                description="duration of the meeting of Anton Veles and Mirela Sandor",
                unit="min",
                consensus=Agreement(60.0, approximate=True, support=4, voices=5),
                values=[
                    Value(
                        article.id,
                        "Coastline Wire",
                        span_of(article, "45 minutes"),
                        "45 minutes",
                        "contradiction" if bad else "consistent",
                    ),
                    Value(
                        "art-2",
                        "Valemont Times",
                        span_of(article, "Sunday"),
                        "an hour",
                        "consistent",
                    ),
                ],
            )
        ],
        claims=[
            ClaimResult(
                span_of(article, claim_text),
                claim_text,
                "disputed" if bad else "corroborated",
                corroborated_by=() if bad else (times,),
                disputed_by=(times,) if bad else (),
            )
        ],
        quotes=[
            QuoteResult(
                "Mirela Sandor",
                span_of(article, "The door is open"),
                "The door is open",
                "altered" if bad else "identical",
                reference=Version(
                    "art-2", None, "The door is wide open" if bad else "The door is open"
                ),
            )
        ],
    )


@pytest.mark.parametrize("criterion_id", ["corroborated", "figures_consistent", "quotes_faithful"])
def test_corpus_criteria_pass_and_fail_from_a_crosscheck(
    analysis: Analysis, criterion_id: str
) -> None:
    alone = analysis.assessment
    assert alone is not None and alone.corpus is None
    assert alone.criterion(criterion_id).outcome == "not_applicable"
    assert "Not cross-checked" in alone.criterion(criterion_id).explanation

    good = assess(analysis, _crosscheck(analysis, bad=False))
    assert good.criterion(criterion_id).outcome == "pass", good.criterion(criterion_id)
    bad = assess(analysis, _crosscheck(analysis, bad=True))
    found = bad.criterion(criterion_id)
    assert found.outcome == "fail", found.explanation
    assert found.check and found.figure is not None
    assert [analysis.article.slice(s) for s in found.spans]
    assert bad.corpus is not None and bad.corpus.outlets == [
        "Coastline Wire",
        "Valemont Times",
        "The Daily Blaze",
    ]
    # The corpus criteria count: failing all three lowers the rating.
    assert bad.rating.score is not None and good.rating.score is not None
    assert bad.rating.score < good.rating.score


def test_corpus_explanations_name_the_disagreement(analysis: Analysis) -> None:
    bad = assess(analysis, _crosscheck(analysis, bad=True))
    assert "about 60 min (4 of 5 voices)" in bad.criterion("figures_consistent").explanation
    assert "The door is wide open" in bad.criterion("quotes_faithful").explanation
    assert "Valemont Times" in bad.criterion("corroborated").explanation


def test_a_crosscheck_of_another_article_is_refused(analysis: Analysis) -> None:
    other = CrossCheck(target=Ref("not-this-one"))
    with pytest.raises(ConfigError, match="not-this-one"):
        assess(analysis, other)


def test_criteria_whose_analyzers_did_not_run_are_named_not_judged() -> None:
    article = Article.create(headline=HEADLINE, body=BODY, language="en")
    analysis = Pipeline(["sensational", "clickbait"]).analyze(article)
    assessment = analysis.assessment
    assert assessment is not None
    assert "sources_named" in assessment.not_judged
    assert "restrained_wording" not in assessment.not_judged
    skipped = assessment.criterion("sources_named")
    assert skipped.outcome == "not_applicable"
    assert skipped.missing == ["attribution"]
    assert skipped.explanation == "Not judged: attribution was not selected."
    judged = {c.id for c in assessment.criteria if c.judged}
    assert judged == {"no_clickbait", "restrained_wording"}
    assert assessment.rating.weight == sum(assessment.criterion(i).weight for i in judged)


def test_an_article_in_another_language_is_not_rated() -> None:
    article = Article.create(
        headline="Die Gespräche dauerten eine Stunde",
        body="Die beiden Präsidenten trafen sich am Sonntag im Palast am See.",
        language="de",
    )
    assessment = Pipeline().analyze(article).assessment
    assert assessment is not None
    assert assessment.rating.score is None and assessment.rating.word == "not rated"
    assert "skipped for the article's language" in assessment.criterion("sources_named").explanation
    assert assessment.summary.startswith("Not rated")


def test_rating_arithmetic_is_shown_and_adds_up(analyze: Analyze) -> None:
    analysis = analyze(
        BODY + "\n\nWhat do you think? Tell us in the comments below.", headline=HEADLINE
    )
    assessment = analysis.assessment
    assert assessment is not None
    judged = [c for c in assessment.criteria if c.judged]
    points = sum(c.weight * OUTCOME_POINTS[c.outcome] for c in judged)
    weight = sum(c.weight for c in judged)
    rating = assessment.rating
    assert rating.score == round(100 * points / weight)
    assert rating.arithmetic.endswith(f"= {rating.score}")
    for criterion in judged:
        assert f"({criterion.name.lower()})" in rating.arithmetic
    assert rating.word == criteria_table().word(rating.score)
    assert "not a verdict on whether the article is true" in assessment.summary
    # The failed engagement criterion is what the summary tells the reader to check.
    assert assessment.criterion("no_engagement_bait").outcome == "fail"


def test_the_assessment_never_calls_an_article_true_or_false(analyze: Analyze) -> None:
    assessment = analyze(BODY, headline=HEADLINE).assessment
    assert assessment is not None
    texts = [assessment.summary] + [
        t for c in assessment.criteria for t in (c.explanation, c.check or "", c.reason)
    ]
    disclaimer = "This is not a verdict on whether the article is true"
    assert disclaimer in assessment.summary
    verdict = re.compile(r"\b(is|are) (true|false|fake|accurate|misinformation)\b", re.I)
    assert not [t for t in texts if verdict.search(t.replace(disclaimer, ""))]


def test_assessment_round_trips_through_json_and_the_schema_describes_it(
    analysis: Analysis,
) -> None:
    data = json.loads(analysis.to_json())
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["assessment"]["rating"]["word"]
    assert {c["id"] for c in data["assessment"]["criteria"]} == {
        s.id for s in criteria_table().criteria
    }
    assert "models" in data["assessment"] and data["assessment"]["models"]["clickbait"]
    assert data["analyzers"] and all("@" in name for name in data["analyzers"])
    again = Analysis.from_json(analysis.to_json())
    assert again == analysis
    schema = json.dumps(Analysis.model_json_schema())
    for name in ("Assessment", "Criterion", "Rating", "Figure"):
        assert f'"{name}"' in schema


def test_criterion_spans_are_checked_against_the_text(analysis: Analysis) -> None:
    data = json.loads(analysis.to_json())
    data["assessment"]["criteria"][0]["spans"] = [{"start": 0, "end": 10_000}]
    with pytest.raises(ValueError, match="outside"):
        Analysis.model_validate(data)


def test_every_weight_has_a_reason_and_the_readme_table_matches() -> None:
    table = criteria_table()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for spec in table.criteria:
        assert spec.weight > 0 and len(spec.reason) > 40, spec.id
        row = f"| `{spec.id}` | {spec.name} | {spec.scope} | {spec.weight:g} | {spec.reason} |"
        assert row in readme, f"README's Assessment table is out of step for {spec.id}"


def test_unknown_criterion_lists_the_known_ones(analysis: Analysis) -> None:
    assert isinstance(analysis.assessment, Assessment)
    with pytest.raises(KeyError, match="sources_named"):
        analysis.assessment.criterion("nope")
    with pytest.raises(ConfigError, match="sources_named"):
        criteria_table().criterion("nope")


def test_a_claim_most_outlets_corroborate_is_not_failed_by_one_dissenter(
    analysis: Analysis,
) -> None:
    """The cross-check says "disputed" as soon as one outlet disputes; the criterion weighs
    the outlets on each side."""
    article = analysis.article
    text = "Veles said the border crossings would reopen before the end of April."
    backers = tuple(Evidence(f"art-{i}", f"Outlet {i}", "They will reopen.") for i in range(3))
    dissent = (Evidence("art-9", "The Daily Blaze", "Nobody believes him."),)
    claim = ClaimResult(span_of(article, text), text, "disputed", backers, dissent)
    found = assess(analysis, CrossCheck(target=Ref(article.id), claims=[claim]))
    assert found.criterion("corroborated").outcome == "pass"
    assert "disputed by fewer outlets" in found.criterion("corroborated").explanation
    two = (*dissent, Evidence("art-8", "Harbour Courier", "The crossings stay shut."))
    lonely = ClaimResult(span_of(article, text), text, "disputed", backers[:1], two)
    found = assess(analysis, CrossCheck(target=Ref(article.id), claims=[lonely]))
    assert found.criterion("corroborated").outcome == "fail"
    assert "The Daily Blaze" in found.criterion("corroborated").explanation
