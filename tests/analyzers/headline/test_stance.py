"""The stance API: a well-formed, deterministic distribution, and sensible on clear cases."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from newsprobe.analyzers.headline.stance import (
    MODEL_VERSION,
    STANCES,
    decide,
    sentence_similarities,
    split_sentences,
    stance,
    stance_many,
)
from newsprobe.evaluation.stance import fnc_score, load_split, report
from tests.gates import gate

CLAIM = "Harbour authority closes Port Elwin after oil spill"
AGREEING = (
    "The harbour authority closed Port Elwin on Monday after an oil spill spread across "
    "the inner basin, officials said. A tanker leaked oil while unloading at the terminal. "
    "The authority confirmed that Port Elwin will stay closed until the oil spill is "
    "cleaned up. Fishing boats were told to stay at sea."
)
DENYING = (
    "The harbour authority has denied reports that Port Elwin was closed after an oil "
    "spill, calling them false. A spokesman said there was no oil spill and that the port "
    "was operating normally. The fake report was shared thousands of times online. "
    "Officials said the photos showed a hoax from another country."
)
ELSEWHERE = (
    "The city orchestra opened its winter season with a programme of folk songs and a new "
    "symphony. The concert hall was full and the audience gave the musicians a standing "
    "ovation. Tickets for the next three concerts are sold out."
)
GARBAGE = [
    "",
    " ",
    "word",
    "🙂🙃 \U0001f600 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "שלום עולם مرحبا بالعالم",
    "<div><script>var x = 1;</script></div>&nbsp;&amp;",
    "1 2 3 4.5 6,000 7",
    "x " * 150_000,
]


def _is_distribution(probs: dict[str, float]) -> bool:
    return (
        tuple(probs) == STANCES
        and all(0.0 <= p <= 1.0 for p in probs.values())
        and math.isclose(sum(probs.values()), 1.0, abs_tol=1e-9)
    )


def test_probabilities_cover_the_four_stances_and_sum_to_one() -> None:
    assert _is_distribution(stance(CLAIM, AGREEING))


def test_same_input_same_output() -> None:
    assert stance(CLAIM, DENYING) == stance(CLAIM, DENYING)


def test_features_do_not_depend_on_the_hash_seed() -> None:
    """Set iteration order changes with PYTHONHASHSEED; the features must not.

    The idf share was once summed over sets in their iteration order, so a claim whose
    words all appear in the body scored 1 - 1e-16 under some seeds (2 and 12 among them)
    instead of 1.0, and that crossed a tree threshold: "agree" moved from 0.93 to 0.90.
    """
    claim = (
        "Harbour authority closes Port Elwin terminal after tanker oil spill reaches "
        "inner basin fishing moorings"
    )
    body = f"Officials said: {claim}, with boats told to stay at sea for now."
    code = (
        "import sys; from newsprobe.analyzers.headline import stance as s; "
        "f = s._features(s._loaded().vocab, sys.argv[1], sys.argv[2]); "
        "print(repr(f[s.FEATURES.index('overlap_idf')]))"
    )
    for seed in (2, 12):
        out = subprocess.run(
            [sys.executable, "-c", code, claim, body],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert out.strip() == "1.0", f"PYTHONHASHSEED={seed}"


def test_empty_or_wordless_texts_are_unrelated() -> None:
    for claim, body in [("", AGREEING), (CLAIM, ""), ("", ""), ("!!!", "..."), (CLAIM, "  \n")]:
        assert stance(claim, body) == {
            "agree": 0.0,
            "disagree": 0.0,
            "discuss": 0.0,
            "unrelated": 1.0,
        }


@pytest.mark.parametrize("text", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_gives_a_distribution(text: str) -> None:
    assert _is_distribution(stance(text, text))
    assert _is_distribution(stance(CLAIM, text))


def test_batch_equals_one_at_a_time_in_order() -> None:
    pairs = [(CLAIM, AGREEING), (CLAIM, ""), (CLAIM, DENYING), (CLAIM, ELSEWHERE)]
    assert stance_many(pairs) == [stance(c, b) for c, b in pairs]
    assert stance_many([]) == []


def test_threads_share_one_model_and_agree() -> None:
    expected = stance(CLAIM, DENYING)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: stance(CLAIM, DENYING), range(16)))
    assert all(r == expected for r in results)


def test_clear_cases() -> None:
    agree, deny, other = stance_many([(CLAIM, AGREEING), (CLAIM, DENYING), (CLAIM, ELSEWHERE)])
    assert max(other, key=other.__getitem__) == "unrelated"
    assert agree["unrelated"] < 0.5
    assert deny["unrelated"] < 0.5
    assert deny["disagree"] > agree["disagree"]
    assert deny["disagree"] > deny["agree"]


def test_decide_prefers_disagree_past_its_threshold() -> None:
    assert decide({"agree": 0.45, "disagree": 0.4, "discuss": 0.15, "unrelated": 0.0}) == (
        "disagree"
    )
    assert decide({"agree": 0.9, "disagree": 0.05, "discuss": 0.05, "unrelated": 0.0}) == "agree"
    assert decide(stance("", "")) == "unrelated"


def test_model_version_is_a_string() -> None:
    assert isinstance(MODEL_VERSION, str) and MODEL_VERSION


def test_split_sentences_gives_trimmed_offsets() -> None:
    text = 'Officials said it "was false." The port reopened.\n\nA second paragraph! Done?'
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        'Officials said it "was false."',
        "The port reopened.",
        "A second paragraph!",
        "Done?",
    ]


def test_sentence_similarities_rank_the_matching_sentence_first() -> None:
    sentences = [text for text in (AGREEING.split(". "))]
    scores = sentence_similarities(CLAIM, sentences)
    assert len(scores) == len(sentences)
    assert scores.index(max(scores)) in (0, 2)
    assert all(0.0 <= s <= 1.0 + 1e-9 for s in scores)


def test_fnc_score_rule() -> None:
    gold = ["agree", "unrelated", "discuss", "disagree"]
    assert fnc_score(gold, gold) == 1.0
    # related pair with the wrong related stance: 0.25 of 1.0; unrelated right: 0.25 of 0.25
    assert fnc_score(["agree", "unrelated"], ["discuss", "unrelated"]) == 0.5 / 1.25
    assert fnc_score(["agree"], ["unrelated"]) == 0.0


@pytest.mark.shared_data
@pytest.mark.slow
def test_holdout_score_of_the_shipped_model(shared_data: Path) -> None:
    _, test = load_split(shared_data / "fnc1")
    assert len({p.body_id for p in test}) == 337
    probs = stance_many((p.headline, p.body) for p in test)
    result = report([p.stance for p in test], [decide(p) for p in probs])
    gate("stance_public").check(
        {
            "fnc_score": result["fnc_score"],
            "unrelated_f1": result["per_class"]["unrelated"]["f1"],
            "disagree_f1": result["per_class"]["disagree"]["f1"],
        }
    )
