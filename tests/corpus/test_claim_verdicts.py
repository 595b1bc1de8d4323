"""Claim verdicts that turn on a detail: where a negation stands, how a figure is rounded."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import newsprobe
from newsprobe.corpus.content import asserts, negates, stem
from newsprobe.corpus.crosscheck import crosscheck
from newsprobe.document import Article

_DAY = datetime(2026, 5, 2, 9, tzinfo=UTC)


def _verdict(claim: str, other: str) -> str | None:
    """The verdict on `claim` (in one article) given `other` (in another)."""
    target = Article.create(
        headline="Fire guts Lakeside pavilion",
        body=f"A fire destroyed the Lakeside pavilion in Orsk overnight. {claim}",
        outlet="Orsk Evening Post",
        published=_DAY,
        language="en",
    )
    rival = Article.create(
        headline="Lakeside pavilion destroyed by fire",
        body=f"The Lakeside pavilion in Orsk burned down overnight. {other}",
        outlet="Kestrava Radio",
        published=_DAY,
        language="en",
    )
    analyses = list(newsprobe.Pipeline().analyze_many([target, rival]))
    check = crosscheck(analyses[0], analyses)
    return next((c.verdict for c in check.claims if c.text == claim), None)


CLAIM = "An electrical fault in the temporary lighting caused the fire, the fire chief said."


@pytest.mark.parametrize(
    ("other", "disputed"),
    [
        # The "no" is about arson, in a clause of its own.
        (
            "The fire service said an electrical fault in the temporary lighting caused the "
            "fire, and there was no sign of arson.",
            False,
        ),
        # The "not" negates the very statement.
        (
            "The fire service said an electrical fault in the temporary lighting did not "
            "cause the fire.",
            True,
        ),
    ],
)
def test_negation_in_another_clause_disputes_nothing(other: str, disputed: bool) -> None:
    assert (_verdict(CLAIM, other) == "disputed") is disputed


def test_passed_and_failed_dispute_each_other() -> None:
    claim = "The Osk Line said the ferry had passed its annual safety inspection in March."
    other = "The Clarion can reveal the ferry had failed its annual safety inspection in March."
    assert _verdict(claim, other) == "disputed"


@pytest.mark.parametrize(
    ("claim", "other", "disputed"),
    [
        # Two denials of one thing agree, however each is worded.
        (
            "Prosecutors say tests have shown that 12 bodies found near Osk are not those of "
            "the missing ferry crew.",
            "None of the 12 bodies found near Osk belongs to the missing ferry crew, prosecutors "
            "said on Tuesday.",
            False,
        ),
        # A wish states nothing: the father's hope is no denial of what prosecutors found.
        (
            "Ilan Dace, whose son Tomas is among the missing ferry crew, said he hoped the "
            "remains found near Osk were not those of the crew.",
            "Prosecutors said the remains found near Osk were those of the missing ferry crew.",
            False,
        ),
    ],
)
def test_a_denial_agrees_with_a_denial_and_a_wish_denies_nothing(
    claim: str, other: str, disputed: bool
) -> None:
    assert (_verdict(claim, other) == "disputed") is disputed


@pytest.mark.parametrize(
    ("claim", "other", "disputed"),
    [
        # "not commented on the fire" negates the commenting, not the fire.
        (
            "The Orsk fire service has confirmed an electrical fault caused the fire.",
            "The Orsk fire service has not commented on the fire or on its cause.",
            False,
        ),
        # A denial bears on what it denies, however far into its clause.
        (
            "The council says the electrical fault was found in the temporary lighting.",
            "The contractor denied claims by the council that the electrical fault was in "
            "the temporary lighting.",
            True,
        ),
    ],
)
def test_a_negation_disputes_only_the_words_it_bears_on(
    claim: str, other: str, disputed: bool
) -> None:
    assert (_verdict(claim, other) == "disputed") is disputed


@pytest.mark.parametrize(
    ("text", "words", "negated"),
    [
        ("Officials denied that the plant would close.", "close", True),
        ("The contractor denied claims by the council that it had been paid.", "paid", True),
        ("The ferry did not immediately resume sailing.", "resume", True),
        ("The trust has not made a public statement.", "statement", False),
        ("The trust has not made a public statement.", "public", True),
        ("It has not commented on the cease-fire.", "fire", False),
        ("Not all pavilion staff were aware of the rules.", "pavilion", False),
        ("Not only the pavilion burned.", "pavilion", False),
        ("There was no sign of arson, and the pavilion was insured.", "insured", False),
        ("The pavilion wasn't insured.", "insured", True),
        # "None of" denies what follows its verb, not the bodies (found they were).
        ("None of the 12 bodies found near Osk belongs to the crew.", "bodies found", False),
        ("None of the 12 bodies found near Osk belongs to the crew.", "crew", True),
        ("None of the crew was hurt, and the ferry sank.", "sank", False),
    ],
)
def test_what_a_negation_bears_on(text: str, words: str, negated: bool) -> None:
    assert negates(text, frozenset(stem(w) for w in words.split())) is negated


def test_a_negated_attribution_is_part_of_the_claim() -> None:
    # "has not made a public statement" reads as an attribution (source, cue "made"); its
    # "not" must stay with the claim, or the same sentence elsewhere disputes it.
    claim = "The Lakeside trust has not made a public statement about the fire."
    assert _verdict(claim, claim) != "disputed"


@pytest.mark.parametrize(
    ("claim", "other", "verdict"),
    [
        # "52%" is 52.3 rounded.
        (
            "The council's offer was accepted by 52% of the firefighters, their union said.",
            "The union said 52.3 percent of firefighters accepted the council's offer.",
            "corroborated",
        ),
        # 4.5 rounds up: "4%" of it is not the same offer.
        (
            "The council's offer of a 4% rise was rejected by the firefighters, the union said.",
            "The union said firefighters rejected the council's offer of a 4.5 percent rise.",
            "disputed",
        ),
    ],
)
def test_a_rounded_figure_is_the_same_figure(claim: str, other: str, verdict: str) -> None:
    assert _verdict(claim, other) == verdict


def _toll_verdicts(later_hours: int) -> dict[str, str]:
    """Claim verdicts of two reports of one toll, the second `later_hours` after."""
    from datetime import timedelta

    first = Article.create(
        headline="Quake kills 12 in Velmoria",
        body="An earthquake in northern Velmoria killed 12 people on Friday, officials said.",
        outlet="Harbourline News",
        published=_DAY,
        language="en",
    )
    second = Article.create(
        headline="Velmoria quake toll rises",
        body="The death toll from Friday's earthquake in northern Velmoria has risen to 27, "
        "officials said.",
        outlet="Morning Courier",
        published=_DAY + timedelta(hours=later_hours),
        language="en",
    )
    analyses = list(newsprobe.Pipeline().analyze_many([first, second]))
    verdicts = {}
    for analysis in analyses:
        check = crosscheck(analysis, analyses)
        verdicts |= {c.text: c.verdict for c in check.claims if any(ch.isdigit() for ch in c.text)}
    return verdicts


def test_two_readings_of_a_growing_toll_dispute_nothing() -> None:
    # Nine hours apart, 12 then 27: the toll grew. At the same time: two outlets disagree.
    assert "disputed" not in set(_toll_verdicts(later_hours=9).values())
    assert "disputed" in set(_toll_verdicts(later_hours=0).values())


@pytest.mark.parametrize(
    ("text", "asserted"),
    [
        ("Inspectors verified the pavilion's wiring on Monday.", True),
        ("If the wiring is verified, the pavilion can reopen.", False),
        ("Doubts remain about whether the wiring was verified.", False),
        ("Unless the wiring is verified, it stays shut; inspectors verified the roof.", True),
    ],
)
def test_what_a_sentence_states(text: str, asserted: bool) -> None:
    assert asserts(text, frozenset({stem("verified")})) is asserted


def test_a_supposition_disputes_no_negated_claim() -> None:
    claim = "The cause of the Lakeside pavilion fire has not been verified by inspectors."
    other = "If the cause of the fire is verified by inspectors, the pavilion could reopen."
    assert _verdict(claim, other) != "disputed"
