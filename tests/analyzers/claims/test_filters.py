"""What the claims analyzer must not take for a claim, as seen in real news copy.

Each pattern was seen in real FNC-1 bodies; the sentences here are composed (invented
outlets, people and places) to reproduce it.
"""

from __future__ import annotations

import pytest

from newsprobe.analyzers.claims.claims import ClaimsAnalyzer
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import ClaimFinding
from tests.analyzers.claims.test_claims import HELPERS
from tests.conftest import make_article

ANCHOR = (
    "The Varn council voted 7-2 on Tuesday to spend 3.2 million crowns on the pier, "
    "clerk Anna Moy said."
)


def claims(body: str) -> list[ClaimFinding]:
    """Every asserting sentence of the body, scored (threshold 0), headline left out."""
    pipeline = Pipeline([*HELPERS, ClaimsAnalyzer(threshold=0.0)], on_error="record")
    analysis = pipeline.analyze(make_article(body, headline="Varn council backs pier"))
    return [
        f
        for f in analysis.findings
        if isinstance(f, ClaimFinding) and f.text != "Varn council backs pier"
    ]


def scored(body: str) -> dict[str, float]:
    """The text of every scored sentence of the body, with its score."""
    return {f.text: f.checkworthiness for f in claims(body)}


@pytest.mark.parametrize(
    "furniture",
    [
        "(Reporting by Ana Pell; Additional reporting by Tom Reyes in Ostby; Editing by Li Vance)",
        "Also read: Harbour Chief Confirms Ferry Cuts: 'We Had No Choice'",
        "Ostby Mayor's New Car Looks a Lot Like a Tractor, According to Critics (Video)",
        "Follow us on Twitter for the latest from the Varn Courier.",
        "Click here to sign up for our morning briefing.",
        "Watch the full council debate below.",
        "9 strange creatures spotted in Tessel Bay",
        "The premise being two fishermen hired by the council to guard the pier.",
        "Pell Ruiz who sings under the name Harbour Boy.",
        "In a Facebook post last month, the harbour master wrote:",
        "(L) Fishermen carry nets along the Varn quay on Monday.",
    ],
)
def test_page_furniture_is_not_scored(furniture: str) -> None:
    found = scored(f"{ANCHOR}\n\n{furniture}\n\nWork on the pier starts in May.")
    assert ANCHOR in found
    assert not any(furniture.startswith(text) or text in furniture for text in found), found


def test_a_sentence_repeated_in_a_standfirst_is_scored_once() -> None:
    lead = "Crews have cleared 40 boats from the Varn harbour since Friday."
    texts = [c.text for c in claims(f"{lead}\n\n{ANCHOR}\n\n{lead}")]
    assert texts.count(lead) == 1 and ANCHOR in texts


def test_reporting_by_a_named_outlet_is_still_a_claim() -> None:
    sentence = "Reporting by the Ostby Herald showed that 300 boats were lost in 2019."
    assert sentence in scored(f"{ANCHOR} {sentence}")


@pytest.mark.parametrize(
    "judgement",
    [
        # The model alone rated these four above 0.85: a date, a number or a name is not
        # enough to make a hypothesis or a feeling checkable.
        "If the Varn council had approved the plan in 2019, the harbour would have reopened "
        "by now.",
        "Six hundred berths, if they were ever built, sounds like a big deal for a town of "
        "Varn's size.",
        "A retired captain said: \"It's madness.",
        '"We are delighted," said Pell Ruiz, the harbour master.',
    ],
)
def test_opinions_and_hypotheses_rank_below_the_facts(judgement: str) -> None:
    found = scored(f"{ANCHOR} {judgement}")
    assert found[judgement] <= 0.3 < found[ANCHOR]


@pytest.mark.parametrize(
    "judgement",
    [
        "If boats are not moving, there is no trade and no work.",
        "It is a shame that the ferry stopped running.",
        "This is the best harbour on the whole coast.",
        "The bad news is that nobody in Varn noticed.",
    ],
)
def test_plain_opinions_stay_below_the_threshold(judgement: str) -> None:
    assert scored(f"{ANCHOR} {judgement}")[judgement] < 0.5


@pytest.mark.parametrize(
    "fact",
    [
        "The Ostby Fishermen's Cooperative said last week that it would sue if the plans "
        "were approved.",
        "If convicted, Moy faces up to 10 years in prison.",
        "Varn is the largest port on the coast, with 1,200 berths.",
    ],
)
def test_reported_conditions_and_measurable_superlatives_stay_claims(fact: str) -> None:
    assert scored(f"{ANCHOR} {fact}")[fact] >= 0.5


def test_a_question_ending_in_an_exclamation_mark_is_a_question() -> None:
    question = "Has it really been 19 years since the Varn pier closed?!"
    assert scored(f"{ANCHOR} {question}")[question] <= 0.25


def test_a_sourced_dated_number_outranks_a_vague_sentence() -> None:
    vague = "Since then, people in the town have been talking about little else."
    found = scored(f"{ANCHOR} {vague}")
    assert found[ANCHOR] > found[vague]
