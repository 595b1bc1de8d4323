"""What an attribution's content holds around its cue (composed text): a source and cue
set off by commas inside the statement (`parenthetical`)."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import AttributionFinding
from tests.conftest import make_article

_ANALYZERS = ["entities", "quotes", "attribution"]


def _contents(text: str) -> list[str]:
    article = make_article(text, headline="Report")
    analysis = Pipeline(_ANALYZERS).analyze(article)
    body = analysis.article.text
    return [
        body[f.content_span.start : f.content_span.end]
        for f in analysis.findings
        if isinstance(f, AttributionFinding) and f.content_span is not None
    ]


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("The new levy, Mayor Ilse Varn said, will pay for the pier repairs.", "The new levy"),
        ("For decades, Councillor Edvin Strand noted, the ferry has run at a loss.", "For decades"),
        (
            '"The pier is unsafe," Teodor Kestrel said, "and it must close this winter."',
            "The pier is unsafe",
        ),
    ],
)
def test_a_cue_set_off_by_commas_keeps_the_statement_on_both_sides(text: str, before: str) -> None:
    (content,) = _contents(text)
    assert content.startswith(before)


def test_words_setting_the_scene_before_a_quotation_are_no_content() -> None:
    (content,) = _contents('Asked about the levy, Ilse Varn said, "It will pass in spring."')
    assert content.startswith("It will pass")
