"""What an attribution's content holds around its cue (composed text): a source and cue
set off by commas inside the statement (`parenthetical`), and a quotation that goes on
from a paraphrase (`continuation`)."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.attribution.continuation import QuoteCarry
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.shared.span_index import SpanIndex
from newsprobe.findings import AttributionFinding, QuoteFinding, Span
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


def test_a_quotation_after_a_paraphrase_goes_on_with_it() -> None:
    text = (
        "Harbourmaster Ilse Varn said the ferry would stop running in May.\n\n"
        '"We cannot keep patching a hull that old."\n\n'
        "The council meets on Friday."
    )
    contents = _contents(text)
    assert any("We cannot keep patching" in c for c in contents)
    assert not any("council meets" in c for c in contents)


def _carry_case() -> tuple[QuoteCarry, AttributionFinding, Span, Span]:
    """'Ilse Varn said the ferry would stop in May. | "We cannot patch it." | ...' with
    the quotation's speaker unknown to the quotes analyzer."""
    said = Span(start=0, end=44)
    quoted = Span(start=46, end=67)
    quote = QuoteFinding(span=quoted, parts=[quoted])
    finding = AttributionFinding(
        span=said,
        source="Ilse Varn",
        source_span=Span(start=0, end=9),
        source_type="person",
        cue="said",
        cue_span=Span(start=10, end=14),
        content_span=Span(start=15, end=43),
    )
    return QuoteCarry(SpanIndex([(quoted, quote)])), finding, said, quoted


def test_an_uncued_quotation_after_a_paraphrase_is_its_speakers() -> None:
    carry, finding, said, quoted = _carry_case()
    carry.note([finding], said)
    (carried,) = carry.follow(quoted)
    assert carried.source == "Ilse Varn" and carried.content_span == quoted


def test_a_quotation_after_an_act_is_carried_by_no_one() -> None:
    carry, finding, said, quoted = _carry_case()
    carry.note([finding.model_copy(update={"cue_type": "other"})], said)
    assert carry.follow(quoted) == []
