"""What an attribution's content holds around its cue (composed text): a source and cue
set off by commas inside the statement (`parenthetical`), a quotation that goes on from
a paraphrase (`continuation`), clauses after the complement (`cues.content`) and words
after a colon (`content_tail`)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsprobe.analyzers.attribution.content_tail import past_colon
from newsprobe.analyzers.attribution.continuation import QuoteCarry
from newsprobe.analyzers.attribution.cues import content
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.shared.span_index import SpanIndex
from newsprobe.findings import AttributionFinding, QuoteFinding, Span
from newsprobe.nlp.parse import load_english
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


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        (
            "Councillor Edvin Strand said he was not sure the pier could reopen, but would "
            "put the question to the board again.",
            "put the question to the board again",
        ),
        (
            "Mayor Ilse Varn thanked the ferry crews before she left the harbour.",
            "before she left the harbour",
        ),
    ],
)
def test_a_clause_going_on_after_the_complement_is_content(text: str, tail: str) -> None:
    assert any(c.endswith(tail) for c in _contents(text))


def test_a_participle_after_a_comma_is_a_cue_of_its_own() -> None:
    contents = _contents(
        "Mayor Ilse Varn praised the ferry crews, saying they kept the island connected."
    )
    assert "the ferry crews" in contents


def test_a_verb_after_but_goes_on_with_the_reported_clause() -> None:
    # The parse as the parser sometimes gives it: "ask" a conjunct of "said", not of
    # the reported clause. Built by hand, so the test does not hang on the model.
    words = ["Varn", "said", "she", "was", "unsure", ",", "but", "would", "try", "again"]
    heads = [1, 1, 3, 1, 3, 1, 1, 8, 1, 8]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct", "cc", "aux", "conj", "advmod"]
    lemmas = ["Varn", "say", "she", "be", "unsure", ",", "but", "would", "try", "again"]
    doc = Doc(load_english().vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    span = content(doc[1], doc[0:10], [(0, 9)], doc.text)
    assert (
        span is not None and doc.text[span[0] : span[1]] == "she was unsure , but would try again"
    )


def test_the_words_after_a_colon_spell_out_the_statement() -> None:
    contents = _contents(
        "Mayor Ilse Varn argued that the levy was not a tax: it was a fee for a service."
    )
    assert any(c.endswith("it was a fee for a service") for c in contents)


def test_a_colon_before_a_new_line_leaves_the_content_alone() -> None:
    doc = load_english()("Varn said the plan has two parts:\n\nFirst, the pier.")
    sentence = next(iter(doc.sents))
    assert past_colon(sentence, (10, 32), doc.text) == (10, 32)
