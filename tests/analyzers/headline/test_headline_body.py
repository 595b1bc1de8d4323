"""headline_body: composed articles through the pipeline, and the gold gate."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.registry import available_analyzers
from newsprobe.document import Analysis
from newsprobe.evaluation.headline_body import evaluate
from newsprobe.findings import HeadlineBodyFinding
from tests.conftest import make_article
from tests.gates import gate


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["headline_body"])


def _findings(analysis: Analysis, check: str | None = None) -> list[HeadlineBodyFinding]:
    found = [f for f in analysis.findings if isinstance(f, HeadlineBodyFinding)]
    return [f for f in found if check is None or f.check == check]


def test_no_headline_or_no_body_means_no_findings(pipeline: Pipeline) -> None:
    assert _findings(pipeline.analyze(make_article("The port reopened on Monday."))) == []
    assert _findings(pipeline.analyze(make_article("", headline="Port reopens"))) == []


def test_number_mismatch_points_at_both_figures(pipeline: Pipeline) -> None:
    article = make_article(
        "The leaders met for 20 minutes at the Dunmere summit on Thursday, officials "
        "said. The meeting was cut short by a delayed flight.",
        headline="Leaders meet for 2 hours at Dunmere summit",
    )
    (finding,) = _findings(pipeline.analyze(article), "number")
    assert article.slice(finding.span) == "2"
    assert [article.slice(s) for s in finding.body_spans] == ["20"]


def _with_quantities() -> Pipeline:
    if "quantities" not in available_analyzers():
        pytest.skip("the quantities analyzer is not registered yet")
    return Pipeline(["quantities", "headline_body"])


def test_units_are_compared_with_quantity_findings() -> None:
    pipeline = _with_quantities()
    mismatch = make_article(
        "The two leaders met for 20 minutes at the Dunmere summit on Thursday, officials "
        "said. The meeting was cut short by a delayed flight.",
        headline="Leaders meet for 2 hours at Dunmere summit",
    )
    (finding,) = _findings(pipeline.analyze(mismatch), "number")
    assert "2 hours" in mismatch.slice(finding.span)
    assert [mismatch.slice(s) for s in finding.body_spans] == ["20 minutes"]
    same = make_article(
        "The two ministers met for roughly three quarters of an hour on Wednesday before "
        "the talks collapsed, officials said.",
        headline="Ministers met for 45 minutes before talks collapsed",
    )
    assert _findings(pipeline.analyze(same), "number") == []


def test_close_figures_and_number_words_support_the_headline(pipeline: Pipeline) -> None:
    article = make_article(
        "Around 480 protesters marched through Velden on Saturday, police said. Three "
        "organisers addressed the crowd at the town hall.",
        headline="About 500 protesters and 3 organisers march in Velden",
    )
    assert _findings(pipeline.analyze(article), "number") == []


def test_name_missing_from_body(pipeline: Pipeline) -> None:
    article = make_article(
        "Floods forced hundreds of people from their homes after the river burst its "
        "banks, emergency services said. Boats rescued residents trapped upstairs.",
        headline="Floods force hundreds from homes in Carrowby",
    )
    (finding,) = _findings(pipeline.analyze(article), "entity")
    assert article.slice(finding.span) == "Carrowby"


def test_name_given_by_surname_in_body_is_not_missing(pipeline: Pipeline) -> None:
    article = make_article(
        "Transport minister Karow announced a rail line to the airport on Monday.",
        headline="Minister Ilse Karow announces airport rail line",
    )
    assert _findings(pipeline.analyze(article), "entity") == []


def test_flat_headline_over_hedged_body(pipeline: Pipeline) -> None:
    article = make_article(
        "Contaminated water may have caused the outbreak of stomach illness in Brenmoor, "
        "health officials said. Officials said the outbreak could also be linked to food "
        "served at a festival. Tests are expected next week.",
        headline="Contaminated water caused Brenmoor outbreak",
    )
    (finding,) = _findings(pipeline.analyze(article), "certainty")
    assert finding.span == article.headline
    assert any("may have caused" in article.slice(s) for s in finding.body_spans)


def test_hedged_headline_is_not_overstating(pipeline: Pipeline) -> None:
    article = make_article(
        "Contaminated water may have caused the outbreak in Brenmoor, officials said.",
        headline="Contaminated water may have caused Brenmoor outbreak",
    )
    assert _findings(pipeline.analyze(article), "certainty") == []


def test_stance_finding_carries_probabilities_and_spans(pipeline: Pipeline) -> None:
    article = make_article(
        "Eastmere city council has denied reports that it plans to ban cars from the city "
        "centre. A council spokesman said the story was untrue and that no such ban had "
        "been discussed. The false report appeared on a local blog and was shared "
        "thousands of times. The council said a car ban was not being considered.",
        headline="Eastmere bans cars from city centre",
    )
    (finding,) = _findings(pipeline.analyze(article), "stance")
    assert finding.stance == "disagree"
    assert abs(sum(finding.probabilities.values()) - 1.0) < 1e-3
    assert finding.confidence == finding.probabilities["disagree"]
    assert finding.span == article.headline
    assert finding.body_spans and all(article.body.contains(s) for s in finding.body_spans)
    assert finding.analyzer == "headline_body@1"


@pytest.mark.parametrize(
    "body",
    ["", "word", "🙂 " * 50, "שלום עולם مرحبا", "<p>&amp;</p>" * 40, "1 2 3 4.5", "a b. " * 50_000],
)
def test_garbage_is_survived_deterministically(pipeline: Pipeline, body: str) -> None:
    article = make_article(body, headline="12 dead as 🙂 Zorvak hit by 'storm'")
    first, second = pipeline.analyze(article), pipeline.analyze(article)
    assert first.to_json() == second.to_json()
    Analysis.from_json(first.to_json())


# --- the gold gate --------------------------------------------------------------------------


# The gold was composed while the checks were written, so expect lower figures on
# articles nobody has seen (measured figures and floors: tests/gold/gates.toml).


def test_gold_gate_headline_body_alone(pipeline: Pipeline) -> None:
    gate("headline_body_alone").check(evaluate(pipeline))


def test_gold_gate_with_quantities_entities_and_hedging() -> None:
    wanted = ("quantities", "entities", "hedging")
    missing = [n for n in wanted if n not in available_analyzers()]
    if missing:
        pytest.skip(f"not registered yet: {', '.join(missing)}")
    try:
        pipeline = Pipeline([*wanted, "headline_body"])
    except Exception as exc:  # an analyzer still being written may not import yet
        pytest.skip(f"the full pipeline cannot be built yet: {exc}")
    gate("headline_body_full").check(evaluate(pipeline))


def test_a_question_headline_gets_no_stance_but_its_names_are_still_checked(
    pipeline: Pipeline,
) -> None:
    article = make_article(
        "President Ilse Varn and Chancellor Odo Brandt met for an hour at the Lakeside "
        "Palace on Sunday. Neither side said what was discussed.",
        headline="What did Varn and Rask really discuss behind closed doors?",
    )
    found = _findings(pipeline.analyze(article))
    assert not [f for f in found if f.check == "stance"]
    assert [article.slice(f.span) for f in found if f.check == "entity"] == ["Rask"]


_CRANE = (
    "A crane collapsed at the Kessport North Terminal on Friday, injuring nine workers. "
    "The crane had been inspected in May, the port authority said. "
)


def _question(headline: str, body: str) -> list[tuple[HeadlineBodyFinding, list[str]]]:
    """The question findings, each with the text of its body spans."""
    pipeline = Pipeline(["hedging", "headline_body"])
    analysis = pipeline.analyze(make_article(body, headline=headline))
    return [
        (f, [analysis.article.slice(s) for s in f.body_spans])
        for f in _findings(analysis, "question")
    ]


def test_a_question_about_what_the_body_never_reports() -> None:
    ((finding, _),) = _question("Kessport crane horror: was it sabotage?", _CRANE)
    assert finding.note == 'The headline asks "was it sabotage?" but the body never reports on it.'


def test_a_question_the_body_only_guesses_at() -> None:
    body = _CRANE + "Some workers fear the crane may have been overloaded."
    ((finding, guesses),) = _question("Could the crane have been overloaded?", body)
    assert guesses == ["Some workers fear the crane may have been overloaded."]
    assert "only guesses" in finding.note


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        # The body reports the answer as fact.
        (
            "Was the crane overloaded?",
            _CRANE + "Inspectors found the crane was overloaded by four tonnes.",
        ),
        # A question asking for facts plants none.
        ("What caused the Kessport crane collapse?", _CRANE),
        # Not a question.
        ("Crane collapses at Kessport, injuring nine", _CRANE),
    ],
)
def test_questions_the_body_answers_or_that_suggest_nothing(headline: str, body: str) -> None:
    assert _question(headline, body) == []
