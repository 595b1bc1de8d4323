"""`set_phrases`: verbs of saying in set phrases of the writer's (composed text)."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.attribution.set_phrases import is_discourse_marker
from newsprobe.nlp.parse import load_english


@pytest.mark.parametrize(
    ("sentence", "word", "marker"),
    [
        ("That said, the pier may yet reopen in May.", "said", True),
        ("That being said, the ferry crews will not strike.", "said", True),
        ("Having said that, the council has no money for repairs.", "said", True),
        ("Needless to say, the levy was unpopular on the island.", "say", True),
        ("That is what Mayor Ilse Varn said on Monday.", "said", False),
        ("Teodor Kestrel said the pier would reopen in May.", "said", False),
    ],
)
def test_set_phrases_are_told_from_saying(sentence: str, word: str, marker: bool) -> None:
    token = next(t for t in load_english()(sentence) if t.text == word)
    assert is_discourse_marker(token) is marker
