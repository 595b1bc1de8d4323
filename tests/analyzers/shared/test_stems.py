"""The light stemmer cross-checking and the headline question check match words by."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.shared.stems import stem


@pytest.mark.parametrize(
    "forms",
    [
        ("cut", "cuts", "cutting"),
        ("plan", "plans", "planned", "planning"),
        ("stop", "stopped", "stopping"),
        ("agree", "agreed", "agrees", "agreeing"),
        ("fall", "falls", "falling"),
        ("pass", "passes", "passed"),
        ("city", "cities"),
        ("tax", "taxes"),
        ("rise", "rises"),
        ("tamper", "tampered", "tampering"),
    ],
)
def test_forms_of_one_word_meet(forms: tuple[str, ...]) -> None:
    assert len({stem(w) for w in forms}) == 1, {w: stem(w) for w in forms}


@pytest.mark.parametrize(("word", "other"), [("bus", "bu"), ("news", "new"), ("crisis", "crisi")])
def test_words_ending_in_s_that_are_no_plural_stay_whole(word: str, other: str) -> None:
    assert stem(word) == word
    assert stem(word) != stem(other)
