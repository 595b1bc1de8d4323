"""Verbs of saying with an object or a preposition instead of a clause (composed text)."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import AttributionFinding
from tests.conftest import make_article


def _found(body: str) -> tuple[str, list[AttributionFinding]]:
    article = make_article(body, headline="Harbour news")
    analysis = Pipeline(["entities", "quotes", "attribution"]).analyze(article)
    return article.text, [f for f in analysis.findings if isinstance(f, AttributionFinding)]


def _at(text: str, span: object) -> str | None:
    return None if span is None else text[span.start : span.end]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "content"),
    [
        (
            "Mayor Ilse Varn announced the closure of the north pier on Monday.",
            "Mayor Ilse Varn",
            "announced",
            "the closure of the north pier",
        ),
        (
            "Tomas Velko accused the port council of hiding the repair bill.",
            "Tomas Velko",
            "accused",
            "the port council",
        ),
        (
            "The ferry union called on the council to reopen the pier.",
            "The ferry union",
            "called",
            "to reopen the pier",
        ),
        (
            "Harbour master Pia Lund called for an inquiry into the collapse.",
            "Harbour master Pia Lund",
            "called",
            "for an inquiry into the collapse",
        ),
        (
            "Councillor Edda Moor warned against a second levy on the ferries.",
            "Councillor Edda Moor",
            "warned",
            "against a second levy on the ferries",
        ),
    ],
)
def test_a_verb_of_saying_attributes_its_object(
    sentence: str, source: str, cue: str, content: str
) -> None:
    text, found = _found(sentence)
    (finding,) = found
    assert _at(text, finding.source_span) == source
    assert _at(text, finding.cue_span) == cue
    assert content in (_at(text, finding.content_span) or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor spoke on Monday at the harbour.",  # when and where, not what
        "Varn called at the port office twice.",  # a visit, not a call for anything
        "A review of the harbour's finances reported a loss of 2 million kroner.",
    ],
)
def test_no_object_no_listed_preposition_no_cue(sentence: str) -> None:
    _, found = _found(sentence)
    assert found == []


def test_declined_to_comment_on_stays_a_refusal() -> None:
    _, found = _found("The harbour authority declined to comment on the closure.")
    (finding,) = found
    assert finding.cue_type == "refusal"


@pytest.mark.parametrize(
    ("sentence", "source", "cue_type"),
    [
        (
            "The ferry operators' group plans to appeal the levy in May.",
            "The ferry operators' group",
            "intention",
        ),
        ("Harrow Marine wants the council to delay the vote.", "Harrow Marine", "intention"),
    ],
)
def test_a_body_holds_views(sentence: str, source: str, cue_type: str) -> None:
    text, found = _found(sentence)
    assert [(_at(text, f.source_span), f.cue_type) for f in found] == [(source, cue_type)]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The port lost money in May, according to data released by the harbour board.",
            "data released by the harbour board",
        ),
        ("Velko joined the crew in 2004, according to his online profile.", "his online profile"),
        ("The levy failed in Ostra, according to unofficial returns.", "unofficial returns"),
    ],
)
def test_according_to_a_document(sentence: str, source: str) -> None:
    text, found = _found(sentence)
    assert [(_at(text, f.source_span), f.source_type) for f in found] == [(source, "document")]


def test_the_paper_is_the_last_outlet_even_after_another_body() -> None:
    text, found = _found(
        "The Harbour Courier reported that the port board refused to cover the repairs. "
        "The paper quoted an unnamed official as saying the pier was finished."
    )
    paper = [f for f in found if _at(text, f.source_span) == "The paper"]
    assert [(f.source, f.source_type) for f in paper] == [("The Harbour Courier", "outlet")]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        (
            "Mayor Ilse Varn did not respond to a request for comment.",
            "Ilse Varn",
            "did not respond",
        ),
        (
            "The harbour board did not return calls on Monday.",
            "The harbour board",
            "did not return",
        ),
        ("Velko didn't reply to emails from the Courier.", "Velko", "didn't reply"),
    ],
)
def test_not_answering_a_request_is_a_refusal(sentence: str, source: str, cue: str) -> None:
    _, found = _found(sentence)
    assert [(f.source, f.cue, f.cue_type) for f in found] == [(source, cue, "refusal")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Varn has not returned home since May.",
        "Velko did not respond to the attack on his record.",
        "Varn returned the boat to the pier on Monday.",
    ],
)
def test_not_returning_home_is_no_refusal(sentence: str) -> None:
    _, found = _found(sentence)
    assert found == []


def test_claiming_compensation_is_no_attribution() -> None:
    _, found = _found("Fourteen drivers claimed compensation for damaged tyres.")
    assert found == []
