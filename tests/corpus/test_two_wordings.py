"""Two outlets, one day, one event told with different details: the cross-check must say
which detail differs without taking either outlet as the measure of the other.

A composed crane collapse (invented port, outlets and people): both outlets give nine
injured, then differ on how many were seriously hurt (three against "two of them") and on
one word of a dock worker's quote.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from rich.console import Console

import newsprobe
from newsprobe.corpus.crosscheck import crosscheck
from newsprobe.coverage import CrossCheck
from newsprobe.document import Article
from newsprobe.report.corpus import render_crosscheck

_DAY = datetime(2026, 3, 14, 12, tzinfo=UTC)
TRIBUNE = Article.create(
    headline="Harbour crane collapse in Kessport injures nine workers",
    body=(
        "A container crane collapsed at the Kessport North Terminal on Friday morning, "
        "injuring nine dock workers, two of them seriously, the port authority said.\n\n"
        '"We heard a crack like thunder and then the whole arm came down," said dock '
        "worker Tomas Berg."
    ),
    outlet="The Kessport Tribune",
    published=_DAY,
    language="en",
)
COASTLINE = Article.create(
    headline="Nine hurt as giant crane topples at Kessport docks",
    body=(
        "Nine workers were injured when a crane crashed down at Kessport's North Terminal "
        'on Friday, officials said. "We heard a crack like thunder and then the whole boom '
        'came down," dock worker Tomas Berg told Coastline Daily.\n\n'
        "Port authority spokesman Henrik Vale said three workers were seriously hurt."
    ),
    outlet="Coastline Daily",
    published=_DAY,
    language="en",
)


@pytest.fixture(scope="module")
def check() -> CrossCheck:
    tribune, coastline = newsprobe.Pipeline().analyze_many([TRIBUNE, COASTLINE])
    return crosscheck(coastline, [tribune, coastline])


def test_the_seriously_injured_are_a_figure_of_their_own(check: CrossCheck) -> None:
    by_id = {f.id: f for f in check.figures}
    injured = by_id["casualties/injured"]
    assert injured.target_verdict == "consistent"
    assert {v.value for v in injured.values} == {9}
    serious = by_id["casualties/seriously injured"]
    assert sorted((v.outlet, v.value) for v in serious.values) == [
        ("Coastline Daily", 3),
        ("The Kessport Tribune", 2),
    ]
    assert serious.target_verdict != "consistent"


def test_on_a_tie_the_checked_article_is_not_its_own_reference(check: CrossCheck) -> None:
    (quote,) = check.quotes
    assert quote.fidelity == "altered"
    assert [(c.reference, c.version) for c in quote.changes] == [("arm", "boom")]
    assert quote.reference is not None and quote.reference.outlet == "The Kessport Tribune"


def test_an_outlet_giving_a_figure_twice_is_one_row(check: CrossCheck) -> None:
    out = io.StringIO()
    render_crosscheck(check, Console(file=out, width=120, color_system=None))
    text = out.getvalue()
    assert "Nine (2×)" in text  # headline and body of the checked article
    assert text.count("Coastline Daily (this article)") == 2  # one row per figure


INQUIRY = Article.create(
    headline="Snapped cable caused Kessport crane collapse, inquiry finds",
    body=(
        "A snapped hoist cable caused the crane collapse at the Kessport North Terminal "
        "that injured nine workers on Friday, the port authority's inquiry found."
    ),
    outlet="The Kessport Tribune",
    published=datetime(2026, 3, 15, 12, tzinfo=UTC),
    language="en",
)
GULL = Article.create(
    headline="Kessport crane horror: was it sabotage?",
    body=(
        "Nine workers were injured when a giant crane collapsed at Kessport docks, the "
        "Kessport Tribune reports.\n\nWhat caused the collapse? The port has refused to say."
    ),
    outlet="The Daily Gull",
    published=datetime(2026, 3, 15, 18, tzinfo=UTC),
    language="en",
)


def test_a_labelled_question_is_answered_only_about_what_it_asks() -> None:
    """ "Kessport crane horror: was it sabotage?" shares "Kessport" and "crane" with every
    report of the collapse; none of them says anything of sabotage."""
    analyses = list(newsprobe.Pipeline().analyze_many([TRIBUNE, COASTLINE, INQUIRY, GULL]))
    check = crosscheck(analyses[-1], analyses)
    answered = {s.text: s for s in check.speculation}
    assert "Kessport crane horror: was it sabotage?" not in answered
    cause = answered["What caused the collapse?"]
    assert {a.outlet for a in cause.answers} == {"The Kessport Tribune"}
    assert all("cable" in a.text for a in cause.answers)


def test_a_negative_finding_answers_speculation_and_a_refusal_does_not() -> None:
    """Reports that settle a guess the other way answer it; a refusal to say does not."""

    def article(outlet: str, body: str) -> Article:
        return Article.create(
            headline="Kessport crane collapse",
            body=body,
            outlet=outlet,
            published=datetime(2026, 3, 15, 12, tzinfo=UTC),
            language="en",
        )

    guess = article(
        "The Daily Gull",
        "A crane collapsed at Kessport docks on Friday. Some dockers suspect the crane "
        "may have been tampered with overnight.",
    )
    finding = article(
        "The Kessport Tribune",
        "A crane collapsed at Kessport docks on Friday. Inspectors found no sign that the "
        "crane had been tampered with.",
    )
    refusal = article(
        "Coastline Daily",
        "A crane collapsed at Kessport docks on Friday. The port authority would not say "
        "whether the crane had been tampered with.",
    )
    analyses = list(newsprobe.Pipeline().analyze_many([finding, refusal, guess]))
    check = crosscheck(analyses[-1], analyses)
    (answered,) = [s for s in check.speculation if "tampered" in s.text]
    assert [a.outlet for a in answered.answers] == ["The Kessport Tribune"]
