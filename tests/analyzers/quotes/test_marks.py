"""Pairing quotation marks (`quotes.marks`), composed text."""

from __future__ import annotations

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.quotes.marks import find_quotes
from newsprobe.findings import AttributionFinding
from tests.conftest import make_article


def test_two_apostrophes_are_a_double_mark() -> None:
    text = "''The pier stays shut,'' Varn said. ''We will rebuild it.''\n\nIt's the crew's pier."
    quoted = [[text[s.open : s.end] for s in u.segments] for u in find_quotes(text)]
    assert quoted == [["'The pier stays shut,'"], ["'We will rebuild it.'"]]


def test_a_sentence_touched_only_by_an_opening_mark_is_not_quoted() -> None:
    article = make_article(
        "The pier closed on Monday. ''This was never our plan,'' Mayor Ilse Varn said. "
        "''The plan was to repair it.''\n\nThe council meets on Friday.",
        headline="Harbour news",
    )
    analysis = Pipeline(["entities", "quotes", "attribution"]).analyze(article)
    text = article.text
    contents = [
        text[f.content_span.start : f.content_span.end]
        for f in analysis.findings
        if isinstance(f, AttributionFinding) and f.content_span is not None
    ]
    assert not any("closed on Monday" in c for c in contents), contents
    assert any(c.startswith("The plan was to repair it") for c in contents), contents
