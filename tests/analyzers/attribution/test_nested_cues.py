"""`nested_cues`: a view inside what someone else is reported to have said (composed text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsprobe.analyzers.attribution.nested_cues import is_nested_view, within_reported_clause
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import AttributionFinding
from newsprobe.nlp.parse import load_english
from tests.conftest import make_article

if TYPE_CHECKING:
    from spacy.tokens import Token


def _token(sentence: str, word: str) -> Token:
    doc = load_english()(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word", "nested"),
    [
        ("Harbour master Teodor Kestrel said the ferry crews fear a strike.", "fear", True),
        ("Councillor Mina Roth says she wants a recount of the ballots.", "wants", True),
        ("The union announced it plans to oppose the levy.", "plans", True),
        ("The ferry crews fear a strike in May.", "fear", False),
        ("Residents of Port Ellery want a recount of the ballots.", "want", False),
    ],
)
def test_a_view_within_a_report_is_nested(sentence: str, word: str, nested: bool) -> None:
    assert within_reported_clause(_token(sentence, word)) is nested


def test_only_views_are_nested_not_verbs_of_saying() -> None:
    """'Kestrel said the mayor told the crews ...': a second statement, still a cue."""
    told = _token("Teodor Kestrel said the mayor told the crews that the pier would close.", "told")
    assert within_reported_clause(told)
    assert not is_nested_view(told, "tell")


def test_the_sentence_is_sourced_to_the_reporter_only() -> None:
    text = (
        "The pier at Port Ellery will close in May.\n\n"
        "Harbour master Teodor Kestrel said the ferry crews fear a strike over the levy."
    )
    analysis = Pipeline(["attribution"]).analyze(make_article(text))
    found = [f for f in analysis.findings if isinstance(f, AttributionFinding)]
    assert [f.cue for f in found] == ["said"]
    assert "Kestrel" in (found[0].source or "")
