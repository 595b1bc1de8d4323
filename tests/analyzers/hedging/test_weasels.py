"""Vague sources and weasel words: the composed sentence set, and each rule on its own."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.hedging import weasels
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.evaluation.hedging import evaluate_sentences
from newsprobe.findings import HedgeFinding
from newsprobe.nlp.parse import load_english
from tests.conftest import make_article
from tests.gates import gate


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["hedging"])


def _hedges(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    article = make_article(text)
    found = [f for f in pipeline.analyze(article).findings if isinstance(f, HedgeFinding)]
    return [(article.text[f.span.start : f.span.end], f.hedge_type) for f in found]


def test_composed_sentence_set_gate(pipeline: Pipeline) -> None:
    gate("hedge_sentences").check(evaluate_sentences(pipeline))


def test_one_probe_is_scored_alone_with_its_errors_listed(pipeline: Pipeline) -> None:
    scored = evaluate_sentences(pipeline, "probe 8")
    assert scored["n"] == 302
    assert len(scored["missed"]) == scored["fn"]
    assert len(scored["false_alarms"]) == scored["fp"]
    # first run, before the rules it prompted: F1 0.941; the floor leaves room
    assert scored["f1"] >= 0.95


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Many experts believe the Tarsk bridge will need to be rebuilt.", "Many experts"),
        ("Some have argued that the levy hurts small bakeries.", "Some"),
        ("It is widely believed that the harbour authority knew.", "It is widely believed that"),
        ("The Orlen sonata is generally regarded as his finest work.", "generally regarded"),
        ("Critics say the new timetable leaves night workers stranded.", "Critics"),
        ("Vessa Lake is one of the most polluted lakes in the region.", "one of the most polluted"),
        ("Numerous reports have linked the factory to the fish deaths.", "Numerous reports"),
        ("Various sources give different dates for the Orlen fire.", "Various sources"),
        (
            "A growing number of economists now doubt the recovery.",
            "A growing number of economists",
        ),
        ("Most historians now accept that the abbey burned twice.", "Most historians"),
        ("The reform was, in the eyes of many, a betrayal.", "in the eyes of many"),
        ("Some accounts claim that the mill burned in 1820.", "Some accounts"),
        ("Popular belief holds that the well cures fevers.", "Popular belief"),
    ],
)
def test_weasels_are_found_with_the_words_that_fired(
    pipeline: Pipeline, sentence: str, cue: str
) -> None:
    assert (cue, "weasel") in _hedges(pipeline, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Many of the 300 passengers were rescued by fishing boats.",
        "Some 2,000 people attended the concert.",
        "Several buildings on Mill Street were damaged by the flood.",
        "Experts from the Delmore Trust inspected the bridge on Thursday.",
        "Critics of the plan, including the Tarvel Residents' Association, filed an objection.",
        "The film is one of 12 titles shortlisted for the Verlaine award.",
        "In five years, people will wonder how they ever lived without it.",
        "What others say",
        "She began to realize how many people saw the world the way she did.",
        "The museum will allow people to see the progress the city has made.",
        '"We live in a storm," my father often said.',
        "The video was widely seen on social media.",
        # works already cited; a group's deed rather than its view
        "Previous studies have shown that the enzyme needs zinc.",
        "Many residents accepted the council's offer of a new flat.",
        "Several accounts were frozen by the bank in May.",
    ],
)
def test_counts_and_named_groups_are_not_weasels(pipeline: Pipeline, sentence: str) -> None:
    assert not [h for h in _hedges(pipeline, sentence) if h[1] == "weasel"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The condition may also be called Harlan's syndrome.",
        "Visitors may enter the gardens free of charge on Sundays.",
        "Pupils may bring a packed lunch on the trip.",
        "What do you think about the new parking charges?",
    ],
)
def test_naming_permission_and_reader_questions_do_not_hedge(
    pipeline: Pipeline, sentence: str
) -> None:
    assert _hedges(pipeline, sentence) == []


def test_a_weasel_in_a_quote_is_the_speakers(pipeline: Pipeline) -> None:
    article = make_article('"Critics say the dam is unsafe," the engineer Lio Barsk said.')
    found = [f for f in pipeline.analyze(article).findings if isinstance(f, HedgeFinding)]
    assert [f.hedge_type for f in found] == ["weasel"]
    assert "inside a quotation" in found[0].note


@pytest.mark.parametrize(
    ("rule", "sentence", "cue"),
    [
        (
            weasels.vague_group,
            "Several analysts expect the merger to collapse.",
            "Several analysts",
        ),
        (weasels.standing_quantifier, "Others claim the vote was rigged.", "Others"),
        (
            weasels.unranked_superlative,
            "It is among the biggest rivalries in sport.",
            "among the biggest",
        ),
        (weasels.vague_agent, "The novel was hailed by critics as a masterpiece.", "by critics"),
    ],
)
def test_each_rule_is_needed(rule: object, sentence: str, cue: str) -> None:
    """Every rule finds its example, and the other rules alone do not."""
    sent = next(iter(load_english()(sentence).sents))
    text = sent.doc.text
    assert cue in [text[a:b] for a, b in weasels.weasel_cues(sent)]
    others = [r for r in weasels.WEASEL_RULES if r is not rule]
    found = [text[a.idx : b.idx + len(b.text)] for r in others for a, b in r(sent)]
    assert cue not in found
