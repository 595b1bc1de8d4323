"""The hedging analyzer: gold-set gate and focused cases."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Article
from newsprobe.evaluation.hedging import evaluate, violations
from newsprobe.findings import HedgeFinding
from tests.conftest import make_article
from tests.gates import gate


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["hedging"])


def _hedges(pipeline: Pipeline, article: Article) -> list[HedgeFinding]:
    return [f for f in pipeline.analyze(article).findings if isinstance(f, HedgeFinding)]


def test_gold_set_gate(pipeline: Pipeline) -> None:
    gate("hedging").check(evaluate(pipeline))


def test_must_not_fire(pipeline: Pipeline) -> None:
    found = violations(pipeline)
    # Known: permission "may" with a pronoun subject ("it may not turn every traveller
    # into a suspect") still reads as possibility. Anything beyond that one is a regression.
    assert len(found) <= 1, found


@pytest.mark.parametrize(
    ("sentence", "cue", "hedge_type"),
    [
        ("The fire may have been started deliberately.", "may have", "modal"),
        ("The minister reportedly left early.", "reportedly", "adverb"),
        ("It is understood that the deal collapsed overnight.", "It is understood that", "framing"),
        ("The striker is said to be unhappy at the club.", "is said to", "framing"),
        ("It remains to be seen whether the truce holds.", "It remains to be seen", "framing"),
        (
            "There is growing speculation that the mayor will resign.",
            "There is growing speculation that",
            "framing",
        ),
        ("The data suggest that inflation has peaked.", "suggest", "epistemic_verb"),
        ("The two men seemed tense throughout the hearing.", "seemed", "epistemic_verb"),
        ("The alleged attacker was detained at the airport.", "alleged", "qualifier"),
        ("Hence, the plan was doomed from the start.", "Hence,", "inference"),
        ("He must have known about the payments.", "must have", "modal"),
        ("The striker is more likely to start on the bench.", "likely", "adverb"),
        ("The bridge may be reached by floodwater within hours.", "may", "modal"),
        ("A deal may be reached on Tuesday.", "may", "modal"),
    ],
)
def test_composed_hedges(pipeline: Pipeline, sentence: str, cue: str, hedge_type: str) -> None:
    article = make_article(sentence, headline="Report")
    hedges = _hedges(pipeline, article)
    assert [(h.text, h.hedge_type) for h in hedges] == [(cue, hedge_type)]
    (hedge,) = hedges
    assert hedge.scope is not None
    assert article.slice(hedge.scope) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister appeared in court on Monday.",
        "She suggested a new timetable for the talks.",
        "The company could not be reached for comment.",
        "Voting closes on May 4 in all districts.",
        "There is no evidence that the vote was rigged.",
        "The council approved the budget by 21 votes to 17.",
        "Residents could see the smoke from five miles away.",
        # "may" of what can be done: reaching or using a place or service
        "The island may be reached by ferry from Tarnby in summer.",
        "Tickets may be bought at the gate or online.",
        # measured rates, the finding of a study
        "Night-shift nurses were 22 per cent more likely to report back pain.",
        "Cyclists in the trial were twice as likely to wear a helmet in winter.",
        "Smokers were three times less likely to finish the course than non-smokers.",
    ],
)
def test_composed_non_hedges(pipeline: Pipeline, sentence: str) -> None:
    assert _hedges(pipeline, make_article(sentence, headline="Report")) == []


def test_hedge_inside_quotation_belongs_to_the_speaker(pipeline: Pipeline) -> None:
    article = make_article('"The numbers may rise further," the director said.')
    (hedge,) = _hedges(pipeline, article)
    assert hedge.text == "may"
    assert "inside a quotation" in hedge.note


def test_negated_hedge_is_reported_as_such(pipeline: Pipeline) -> None:
    article = make_article("The driver did not appear to be injured.")
    (hedge,) = _hedges(pipeline, article)
    assert hedge.text == "appear" and "negated" in hedge.note


# --- patterns seen in real news copy (sentences composed for the tests) --------------------


@pytest.mark.parametrize(
    ("sentence", "cue", "hedge_type"),
    [
        ("It's believed the ferry left Ostby before dawn.", "It's believed", "framing"),
        (
            "However, it’s not expected to announce the merger today.",
            "it’s not expected to",
            "framing",
        ),
        ("The harbourmaster's said to be furious.", "'s said to", "framing"),
        ("It's still unknown how the van reached Varn.", "It's still unknown how", "framing"),
        # One framing, not two overlapping ones ("It is believed" + "is believed to").
        ("It is believed to have sunk near Varn.", "It is believed to", "framing"),
        ("It is entirely possible that the dam failed.", "It is entirely possible that", "framing"),
        ("Police named flooding as a possible cause of the collapse.", "possible", "qualifier"),
        (
            "Gout and stress were put forward as possible causes of his absence.",
            "possible",
            "qualifier",
        ),
    ],
)
def test_contracted_and_adjectival_hedges(
    pipeline: Pipeline, sentence: str, cue: str, hedge_type: str
) -> None:
    hedges = _hedges(pipeline, make_article(sentence, headline="Report"))
    assert [(h.text, h.hedge_type) for h in hedges] == [(cue, hedge_type)]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will keep striking their depots, wherever they may be.",
        "However much it might cost, the Varn bridge will be rebuilt.",
        "Crews searched every possible route out of Dorrow.",
        "The board wants the best possible outcome for workers.",
        "Call the Ostby hotline as soon as possible.",
        "It is possible to see the ridge from the harbour.",
    ],
)
def test_concessive_and_ranging_words_do_not_hedge(pipeline: Pipeline, sentence: str) -> None:
    assert _hedges(pipeline, make_article(sentence, headline="Report")) == []


def test_however_opening_a_clause_still_lets_may_hedge(pipeline: Pipeline) -> None:
    (hedge,) = _hedges(pipeline, make_article("However the talks may collapse by Friday."))
    assert hedge.text == "may"


@pytest.mark.parametrize(
    "sentence",
    [
        # "could" as the past of "can", told by a past time on its own verb.
        "That night the Varn harbour master could open only one of the gates.",
        "When she was twenty, Ilse Moy could run a mile in five minutes.",
        "As a child, Oren Balt could swim across Lake Tessel.",
        "When Pell Ruiz could finally speak, he thanked the Ostby lifeboat crew.",
        # Advice to the reader, and "think to" as "remember to".
        "Next time you read such a story, you might think to check who wrote it.",
        "You may want to check the Varn ferry timetable before travelling.",
        # "So far", and a bare answer.
        "Thus far, Varn police have charged 22 officers.",
        "Examples? Of course.",
        # Astonishment, not a guess.
        '"I can\'t believe it happened to our village," said Dara Holm.',
    ],
)
def test_past_ability_and_disbelief_do_not_hedge(pipeline: Pipeline, sentence: str) -> None:
    assert _hedges(pipeline, make_article(sentence, headline="Report")) == []


def test_thought_to_have_been_still_hedges(pipeline: Pipeline) -> None:
    article = make_article(
        "A car bomb thought to have been planted by the Red Hand killed 10 people in Varn."
    )
    assert [h.text for h in _hedges(pipeline, article)] == ["thought"]


def test_a_past_time_elsewhere_leaves_could_a_hedge(pipeline: Pipeline) -> None:
    article = make_article("Engineers said yesterday that the Dorrow dam could fail within days.")
    assert [h.text for h in _hedges(pipeline, article)] == ["could"]


@pytest.mark.parametrize(
    ("sentence", "cue", "hedge_type"),
    [
        ("The new route may seem slow to commuters.", "may seem", "epistemic_verb"),
        ("The tower might appear to lean.", "might appear", "epistemic_verb"),
        (
            "There has long been speculation about the wreck off Ostby.",
            "There has long been speculation",
            "framing",
        ),
    ],
)
def test_one_hedge_per_cue_in_real_copy(
    pipeline: Pipeline, sentence: str, cue: str, hedge_type: str
) -> None:
    hedges = _hedges(pipeline, make_article(sentence, headline="Report"))
    assert [(h.text, h.hedge_type) for h in hedges] == [(cue, hedge_type)]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # research prose: conjecture verbs in the passive with "to", or with a clause
        ("The two loops are predicted to bind copper.", "predicted"),
        ("Varn-2 has been proposed to serve as an anchor for the spindle.", "proposed"),
        ("We propose that the pump runs in reverse during starvation.", "propose"),
        ("Forecasters predict that the river will peak on Sunday.", "predict"),
        ("The herd is estimated to have numbered 400 animals in 1900.", "estimated"),
        # evidence verbs with a thing as subject, or in a participle clause after one
        ("The shape of the shell suggests a burrowing habit.", "suggests"),
        ("The wreck lay upright, suggesting that it sank slowly.", "suggesting"),
        ("These counts imply that the colony is shrinking.", "imply"),
        # a conditional explanation, a relation put forward, an open question
        ("A slow leak would account for the falling pressure.", "would"),
        ("The study examined a potential link between noise and sleep.", "potential"),
        ("A plausible reading is that the map was drawn from memory.", "plausible"),
        ("The colour of the glaze is suggestive of a local clay.", "is suggestive of"),
        ("There is a possibility that the vote will be delayed.", "There is a possibility that"),
        ("The cause of the outage remains unknown.", "remains unknown"),
        # evidence arguing for, a view something agrees with, a possibility left open
        ("The fossil record argues for a single origin of flight.", "argues"),
        ("This is in line with the view that the lake was once salt.", "in line with the view"),
        ("Police have not ruled out foul play.", "not ruled out"),
        ("A second leak cannot be excluded.", "cannot be excluded"),
        ("There were claims that the ballots had been tampered with.", "There were claims that"),
    ],
)
def test_research_prose_hedges(pipeline: Pipeline, sentence: str, cue: str) -> None:
    hedges = _hedges(pipeline, make_article(sentence, headline="Report"))
    assert cue in [h.text for h in hedges]


@pytest.mark.parametrize(
    "sentence",
    [
        "The merger was proposed to shareholders in March.",  # "to" a body, no verb
        "The mayor proposed that the fee be cut by half.",  # what should be done
        "Police estimated the crowd at 2,000.",  # a figure and its source
        "The new system can predict when a pump will fail.",  # a capability
        "She suggested a shorter route through the valley.",  # a person proposing
        "The minister said she would explain the decision on Monday.",  # a promise
        "Potential buyers can view the house on Saturday.",  # a role, not a guess
        "A plausible-looking forgery was sold at auction in 1998.",  # another adjective
        "The lawyer argued that the contract was void.",  # a person contending: speech
        "Inflation was in line with forecasts in March.",  # a measured match
        "Police ruled out foul play on Tuesday.",  # a denial
    ],
)
def test_proposals_figures_and_promises_do_not_hedge(pipeline: Pipeline, sentence: str) -> None:
    assert _hedges(pipeline, make_article(sentence, headline="Report")) == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # an eighth composed probe's misses, as general rules (sentences new here)
        ("We examined the roots to test whether the fungus spreads underground.", "whether"),
        ("Whether the tunnel was ever used is the subject of a new study.", "Whether"),
        ("Whether or not the dye fades in light has never been established.", "Whether"),
        ("Geologists disagree about whether the crater is volcanic.", "whether"),
        ("The origin of the cult was never established.", "was never established"),
        ("The cause of the leak has not been determined.", "has not been determined"),
        ("One explanation is that the birds follow the coast.", "One explanation is that"),
        ("Another possibility is that the seal was added later.", "Another possibility is that"),
        ("We suggest that the pigment protects the larvae from light.", "We suggest that"),
        ("We propose that the valve opens only in spring.", "propose"),
        ("The screen found three candidate resistance genes.", "candidate"),
        ("The loop carries a candidate docking site for the kinase.", "candidate"),
        ("Rumours spread in the village that the mill would close.", "Rumours spread"),
        ("According to local legend, the bell was cast from a single cannon.", "legend"),
        ("Scholars differ on whether the poem is complete.", "Scholars"),
    ],
)
def test_open_questions_candidates_and_told_stories_hedge(
    pipeline: Pipeline, sentence: str, cue: str
) -> None:
    hedges = _hedges(pipeline, make_article(sentence, headline="Report"))
    assert any(cue in h.text for h in hedges), [h.text for h in hedges]


@pytest.mark.parametrize(
    "sentence",
    [
        "The board voted on whether to sell the farm and chose to keep it.",  # a choice
        "All pupils, whether boys or girls, wear the same uniform.",  # no clause
        "The fee is due regardless of whether the hall is used.",  # a concession
        "The minister declined to say whether she would resign.",  # a question put
        "She stood as a candidate for the council in 2018.",  # a role
        "The party published its candidate list on Monday.",  # an election
        "Possible scores on the test range from 1 to 40.",  # a range, listed
        "Pupils could sit the exam only after two years of study.",  # a rule
        "The house may be let only with the council's consent.",  # a rule
        "Voters may register online until the end of the month.",  # permission
        "Rumours spread quickly in small towns.",  # rumours talked about, no claim
        "The victims were not identified by police.",  # a decision, not a guess
        "We suggest a shorter walk for families with young children.",  # a plan
    ],
)
def test_choices_rules_and_ranges_do_not_hedge(pipeline: Pipeline, sentence: str) -> None:
    assert _hedges(pipeline, make_article(sentence, headline="Report")) == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # shared-task cues found missing after the eighth probe (sentences new here)
        ("Some geographers believe the delta is sinking.", "Some geographers"),
        ("Many biographers have compared her letters to a diary.", "Many biographers"),
        ("The tower is regarded as the symbol of the town.", "is regarded as"),
        ("Several theories exist about the purpose of the wall.", "Several theories"),
        ("It has been argued that the map is a forgery.", "It has been argued that"),
        ("The coin is of uncertain date.", "of uncertain date"),
        ("There is some debate over the age of the oak.", "There is some debate"),
        ("The play was criticised by a number of reviewers.", "by a number of reviewers"),
        ("Little is known about the builders of the dam.", "Little is known"),
        ("The pattern is compatible with the idea that the gene is imprinted.", "compatible"),
        ("These results are in agreement with the view that the pore is gated.", "agreement"),
        ("The data led us to hypothesize a second binding site.", "hypothesize"),
        ("The function of the third exon remains elusive.", "remains elusive"),
        ("This result implicates Kor5 in the repair of breaks.", "implicates"),
        ("Genetic evidence points to a role for the kinase in mitosis.", "points"),
        ("A common theory holds that the ditch was a moat.", "A common theory holds"),
        ("Another version says the knight was pardoned.", "Another version says"),
        ("Many Canadians consider the lake a national symbol.", "Many Canadians"),
        ("Others claim that the organ was built in Hamburg.", "Others claim that"),
        ("According to rumour, the duke never slept in the castle.", "According to rumour"),
        ("The author of the hymn is disputed.", "is disputed"),
        ("It was long believed that the cave had no exit.", "It was long believed that"),
        ("The fate of the crew remains a mystery.", "remains a mystery"),
    ],
)
def test_shared_task_weasels_and_speculation(pipeline: Pipeline, sentence: str, cue: str) -> None:
    hedges = _hedges(pipeline, make_article(sentence, headline="Report"))
    assert any(cue in h.text for h in hedges), [h.text for h in hedges]


@pytest.mark.parametrize(
    "sentence",
    [
        "The charger is compatible with the model sold in 2019.",  # a product
        "The signpost points to the harbour.",  # no evidence
        "The launch is supposed to take place in the autumn.",  # an expectation
        "The bill was considered by the committee on Tuesday.",  # a procedure
        "The border remains open to lorries.",  # a fact
        "The theory of evolution states that species change over time.",  # no "one"
        "Many Canadians live near the border.",  # no verb of view
        "The disputed island lies off the coast.",  # an adjective, no verb
        "There is no doubt that the dam was overtopped.",  # a denial of doubt
        "With the new probe we could show that the loop binds zinc.",  # a result
        "The transcript could be detected only in the outer layer.",  # a result
    ],
)
def test_products_procedures_and_plans_do_not_hedge(pipeline: Pipeline, sentence: str) -> None:
    assert _hedges(pipeline, make_article(sentence, headline="Report")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The wreck could be found within days, the coastguard said.",
        "We could find ourselves short of water by August.",
        "A blood test could show whether the drug is working.",
    ],
)
def test_could_of_finding_still_guesses_outside_reported_results(
    pipeline: Pipeline, sentence: str
) -> None:
    hedges = _hedges(pipeline, make_article(sentence, headline="Report"))
    assert [h.text for h in hedges] == ["could"]
