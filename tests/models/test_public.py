"""`newsprobe.models.clickbait`, `checkworthiness` and `stance`: batched, typed, labelled."""

from __future__ import annotations

import pytest

from newsprobe import models
from newsprobe.analyzers.claims.features import CheckworthinessModel
from newsprobe.analyzers.headline.clickbait import ClickbaitModel


def test_clickbait_scores_each_headline_in_order() -> None:
    results = models.clickbait(
        ["You won't believe what this cat did next", "Central bank holds rates at 4 percent"]
    )
    assert [r.label for r in results] == ["clickbait", "not_clickbait"]
    assert results[0].probability > 0.9 > 0.1 > results[1].probability
    assert "withheld_information" in results[0].devices
    assert results[1].devices == ()
    assert results[1].headline == "Central bank holds rates at 4 percent"


def test_checkworthiness_scores_each_sentence_in_order() -> None:
    results = models.checkworthiness(
        ["Unemployment in Varn fell to 4.1 percent in March.", "Thank you all for coming."]
    )
    assert [r.label for r in results] == ["checkworthy", "not_checkworthy"]
    assert all(0.0 <= r.probability <= 1.0 for r in results)
    assert models.checkworthiness([]) == []


def test_stance_gives_a_label_and_four_probabilities() -> None:
    results = models.stance(
        [
            ("Tessel mayor opens new harbour", "The mayor of Tessel opened the new harbour."),
            ("Tessel mayor opens new harbour", ""),
        ]
    )
    assert set(results[0].probabilities) == {"agree", "disagree", "discuss", "unrelated"}
    assert sum(results[0].probabilities.values()) == pytest.approx(1.0)
    assert results[1].label == "unrelated"


def test_one_string_instead_of_a_list_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match=r"clickbait\(\) takes a list of headlines"):
        models.clickbait("Rates held at 4 percent")
    with pytest.raises(TypeError, match="sentence 1 is a int"):
        models.checkworthiness(["A sentence.", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="pair 0 must be"):
        models.stance(["just one string"])


def test_the_api_and_the_analyzers_share_one_loaded_model() -> None:
    assert ClickbaitModel.shipped() is ClickbaitModel.shipped()
    assert CheckworthinessModel.load() is CheckworthinessModel.load()
