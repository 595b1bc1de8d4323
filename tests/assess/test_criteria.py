"""Each criterion of the assessment, on composed articles: every one can pass and fail.

The articles are composed for these tests (invented people, places and outlets). Each
pair differs in what the criterion is about; the test checks the outcome, that the
explanation and the figure are there, and that the spans point at the evidence.
"""

from __future__ import annotations

import pytest

from newsprobe.assessment import Criterion
from newsprobe.document import Analysis
from tests.assess.conftest import Analyze

WIRE = (
    "Lenwick council approved a budget of 84 million crowns on Tuesday, the council said. "
    "The budget raises spending on schools by 6 percent, finance chair Marta Oyelaran told "
    "reporters.\n\n"
    '"This is a budget for the next generation," Oyelaran said. Opposition leader Piet '
    "Sandvik said his party had voted against it because it cut road repairs by 2 million "
    "crowns.\n\n"
    "The council will publish the full budget on its website on Friday, a spokesperson said."
)
WIRE_HEADLINE = "Lenwick council approves 84 million crown budget"


def criterion(analysis: Analysis, criterion_id: str) -> Criterion:
    assert analysis.assessment is not None
    return analysis.assessment.criterion(criterion_id)


def evidence(analysis: Analysis, found: Criterion) -> list[str]:
    return [analysis.article.slice(span) for span in found.spans]


@pytest.fixture(scope="module")
def wire(analyze: Analyze) -> Analysis:
    return analyze(WIRE, headline=WIRE_HEADLINE)


@pytest.mark.parametrize(
    "criterion_id",
    [
        "sources_named",
        "original_reporting",
        "speculation_separated",
        "headline_faithful",
        "no_clickbait",
        "restrained_wording",
        "no_engagement_bait",
        "claims_attributed",
    ],
)
def test_sober_wire_copy_passes_every_article_criterion(wire: Analysis, criterion_id: str) -> None:
    found = criterion(wire, criterion_id)
    assert found.outcome == "pass", found.explanation
    assert found.explanation.endswith(".")
    assert found.check is None


def test_unnamed_sources_fail(analyze: Analyze) -> None:
    body = (
        "The Lenwick council is close to cutting road repairs by 2 million crowns, insiders "
        "say. One person familiar with the talks said the decision had already been made.\n\n"
        "Critics claim the cut will leave the ring road unsafe. A senior official, who asked "
        "not to be named, said the finance committee would meet again next week.\n\n"
        "Sources close to the mayor said she had not been told."
    )
    analysis = analyze(body, headline="Lenwick set to cut road repairs, insiders say")
    found = criterion(analysis, "sources_named")
    assert found.outcome == "fail", found.explanation
    assert found.figure is not None and found.figure.value >= 0.5
    assert "unnamed" in found.explanation and found.check
    assert any("insiders" in text or "Critics" in text for text in evidence(analysis, found))


def test_a_retelling_of_another_outlet_fails(analyze: Analyze) -> None:
    body = (
        "The Valemont Times reports that the Lenwick council will cut road repairs by 2 "
        "million crowns. According to the Valemont Times, the decision was taken at a "
        "closed meeting on Monday.\n\n"
        "The Valemont Times said the mayor, Ines Carvalho, had argued against the cut. The "
        "paper reported that the finance committee overruled her by five votes to two.\n\n"
        "The council is expected to publish its budget on Friday."
    )
    analysis = analyze(body, headline="Lenwick to cut road repairs")
    found = criterion(analysis, "original_reporting")
    assert found.outcome == "fail", found.explanation
    assert "Valemont Times" in found.explanation and found.check
    assert found.figure is not None and found.figure.value >= 0.4
    assert "Valemont Times" in evidence(analysis, found)[0]


def test_speculation_in_the_outlets_own_voice_fails(analyze: Analyze) -> None:
    body = (
        "The Lenwick council approved its budget on Tuesday. It is believed that the mayor "
        "threatened to resign over the road cuts.\n\n"
        "The vote may have been the most bitter in the council's history. Clearly, the "
        "finance committee had made up its mind long before the meeting.\n\n"
        "Councillors are thought to be planning a second vote in the spring."
    )
    analysis = analyze(body, headline="Lenwick approves budget")
    found = criterion(analysis, "speculation_separated")
    assert found.outcome == "fail", found.explanation
    assert "own voice" in found.explanation and found.check
    assert "It is believed that" in evidence(analysis, found)


def test_negated_hedges_are_caution_not_speculation(analyze: Analyze) -> None:
    body = (
        "A fire broke out at a warehouse in Lenwick on Sunday, firefighters said. The fire "
        "is not thought to be suspicious, fire officer Dana Ruiz said.\n\n"
        "It is not yet known how much of the stock was destroyed. The two workers in the "
        "building were not believed to have been hurt, the company said."
    )
    analysis = analyze(body, headline="Fire at Lenwick warehouse")
    assert criterion(analysis, "speculation_separated").outcome == "pass"


def test_a_headline_the_body_does_not_back_fails(analyze: Analyze) -> None:
    analysis = analyze(WIRE, headline="Zoo welcomes twin panda cubs after long wait")
    found = criterion(analysis, "headline_faithful")
    assert found.outcome == "fail", found.explanation
    assert found.figure is not None and found.figure.display.startswith("unrelated")
    assert evidence(analysis, found)[0] == "Zoo welcomes twin panda cubs after long wait"


def test_a_question_headline_is_not_compared(analyze: Analyze) -> None:
    analysis = analyze(WIRE, headline="Will Lenwick's budget fix the roads?")
    assert criterion(analysis, "headline_faithful").outcome == "not_applicable"


def test_clickbait_fails_and_the_score_is_shown_when_it_passes(
    wire: Analysis, analyze: Analyze
) -> None:
    passing = criterion(wire, "no_clickbait")
    assert passing.figure is not None and passing.figure.value < 0.5
    assert f"{passing.figure.value:.2f}" in passing.explanation
    analysis = analyze(WIRE, headline="You Won't Believe What This Council Did To Your Roads")
    found = criterion(analysis, "no_clickbait")
    assert found.outcome == "fail", found.explanation
    assert found.figure is not None and found.figure.value >= 0.8
    assert "clickbait" in found.explanation and "second-person" in found.explanation


def test_loaded_wording_fails(analyze: Analyze) -> None:
    body = (
        "Furious mayor Ines Carvalho has slammed the spineless finance committee in an "
        "astonishing tirade over the botched budget.\n\n"
        "The fuming mayor branded the road cuts a total shambles and stormed out of the "
        "chaotic meeting after just ten minutes.\n\n"
        "It was the worst ever row at the town hall, councillors said."
    )
    analysis = analyze(body, headline="Mayor SLAMS 'spineless' council in budget meltdown")
    found = criterion(analysis, "restrained_wording")
    assert found.outcome == "fail", found.explanation
    assert found.figure is not None and found.figure.value >= 3.0
    words = evidence(analysis, found)
    assert "SLAMS" in words and "meltdown" in words


def test_one_informal_loaded_headline_verb_warns_on_a_sober_body(analyze: Analyze) -> None:
    analysis = analyze(WIRE, headline="Lenwick finance chief cosies up to opposition over budget")
    found = criterion(analysis, "restrained_wording")
    assert found.outcome == "warn", found.explanation
    assert evidence(analysis, found) == ["cosies up to"]
    assert "in the headline" in found.explanation


def test_quoted_loaded_words_are_the_speakers(analyze: Analyze) -> None:
    body = (
        '"This budget is a disgrace, an absolute shambles and a betrayal of every driver in '
        'Lenwick," opposition leader Piet Sandvik said on Tuesday.\n\n'
        "The council approved the budget by 21 votes to 14. It cuts road repairs by 2 million "
        "crowns, finance chair Marta Oyelaran said."
    )
    analysis = analyze(body, headline="Lenwick approves budget despite opposition protest")
    assert criterion(analysis, "restrained_wording").outcome == "pass"


def test_calls_to_comment_fail_and_one_question_warns(analyze: Analyze) -> None:
    bait = WIRE + "\n\nWhat do you think? Tell us in the comments below."
    found = criterion(analyze(bait, headline=WIRE_HEADLINE), "no_engagement_bait")
    assert found.outcome == "fail", found.explanation
    assert found.figure is not None and found.figure.value >= 1
    question = WIRE + "\n\nWould you pay more council tax for better roads?"
    found = criterion(analyze(question, headline=WIRE_HEADLINE), "no_engagement_bait")
    assert found.outcome == "warn", found.explanation


def test_unsourced_checkable_claims_fail(analyze: Analyze) -> None:
    body = (
        "Lenwick's road repair budget has fallen by 40 percent since 2019. The town now "
        "spends 3 million crowns a year on its roads, half what Dunmore spends.\n\n"
        "More than 2,000 potholes were reported last winter, and 14 drivers claimed "
        "compensation for damaged tyres. The ring road has not been resurfaced since 1998."
    )
    analysis = analyze(body, headline="Lenwick road budget down 40 percent since 2019")
    found = criterion(analysis, "claims_attributed")
    assert found.outcome == "fail", found.explanation
    assert found.figure is not None and found.figure.value < 0.15
    assert found.spans and found.check


def test_opinion_without_checkable_claims_warns(analyze: Analyze) -> None:
    body = (
        "I love my town. I love its narrow streets and its noisy market, and I love the way "
        "the light falls on the river in the evening.\n\n"
        "We should be kinder to each other. We should slow down and look around us more."
    )
    found = criterion(analyze(body, headline="In praise of slow towns"), "claims_attributed")
    assert found.outcome == "warn", found.explanation
    assert found.figure is not None and found.figure.value == 0
