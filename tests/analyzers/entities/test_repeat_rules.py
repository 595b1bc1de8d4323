"""Each rule of the repeated-name pass, on the sentence that motivated it.

`repeats.NAME_FORM_RULES` say which names an entity goes by; `repeats.OCCURRENCE_VETOES`
say when an occurrence of such a name is no mention. Each rule has one case: its
docstring's example, run with every rule and with that rule taken out of its tuple. A
name-form rule adds a mention the text would otherwise lose; a veto keeps out one it
would otherwise add.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest

from newsprobe.analyzers.entities import repeats
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import EntityFinding
from tests.conftest import make_article


@cache
def _pipeline() -> Pipeline:
    return Pipeline(["entities"])


def _mentions(body: str, canonical: str) -> list[str]:
    """The mention texts of the entity named `canonical` in `body`."""
    analysis = _pipeline().analyze(make_article(body))
    entity = next(
        f for f in analysis.findings if isinstance(f, EntityFinding) and f.canonical == canonical
    )
    return [analysis.article.slice(span) for span in entity.mentions]


@dataclass(frozen=True)
class Case:
    rule: str
    body: str
    canonical: str
    mentions: list[str]  # with the rule
    without: list[str]  # with the rule taken out


CASES = (
    Case(
        "surnames_of_person",
        "Idris Calder opened the inquiry on Monday. The next day Calder questioned the "
        "harbour master.",
        "Idris Calder",
        ["Idris Calder", "Calder"],
        ["Idris Calder"],
    ),
    Case(
        "initials_of_organization",
        "The Northern Grain Board met on Monday. Under NGB rules, the vote is binding.",
        "Northern Grain Board",
        ["Northern Grain Board", "NGB"],
        ["Northern Grain Board"],
    ),
    Case(
        "alias_that_is_a_word",
        "Islamic State claimed the attack. Officials blamed IS for the blast.",
        "Islamic State",
        ["Islamic State", "IS"],
        ["Islamic State"],
    ),
    Case(
        "shouted_not_an_acronym",
        "The World Health Organization (WHO) met on Monday. PROTESTERS SHOUTED WHO CARES AT "
        "THE GATES.",
        "World Health Organization",
        ["World Health Organization", "WHO"],
        ["World Health Organization", "WHO", "WHO"],
    ),
    Case(
        "verb_not_the_alias",
        "Islamic State claimed the attack. Officials blamed IS for the blast. It IS true, "
        "one said.",
        "Islamic State",
        ["Islamic State", "IS"],
        ["Islamic State", "IS", "IS"],
    ),
    Case(
        "common_word_opening_a_sentence",
        "Lee Brand chairs the board. Brand loyalty is falling, the survey found, and the "
        "brand has lost ground.",
        "Lee Brand",
        ["Lee Brand"],
        ["Lee Brand", "Brand"],
    ),
    Case(
        "inside_an_untagged_name",
        "Ana Ruiz chaired the hearing; Tomas Ruiz, her cousin, testified.",
        "Tomas Ruiz",
        ["Tomas Ruiz"],
        ["Ruiz", "Tomas Ruiz"],
    ),
)


def _attribute(rule: str) -> str:
    if rule in {r.__name__ for r in repeats.NAME_FORM_RULES}:
        return "NAME_FORM_RULES"
    return "OCCURRENCE_VETOES"


def test_every_rule_has_a_case() -> None:
    named = {r.__name__ for r in (*repeats.NAME_FORM_RULES, *repeats.OCCURRENCE_VETOES)}
    assert {case.rule for case in CASES} == named


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_the_rule_on_its_example(case: Case) -> None:
    rule = next(r for r in getattr(repeats, _attribute(case.rule)) if r.__name__ == case.rule)
    assert case.body in (rule.__doc__ or "").replace("\n    ", " "), "the docstring's example"
    assert _mentions(case.body, case.canonical) == case.mentions


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_without_the_rule(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    attribute = _attribute(case.rule)
    kept = tuple(r for r in getattr(repeats, attribute) if r.__name__ != case.rule)
    monkeypatch.setattr(repeats, attribute, kept)
    assert _mentions(case.body, case.canonical) == case.without


def test_a_surname_two_people_share_is_its_own_entity_naming_both() -> None:
    body = (
        "Senator Mark Hale and his wife, Deborah Hale, attended the dinner in Riverton. "
        "Later that night Hale thanked the donors."
    )
    assert _mentions(body, "Hale") == ["Hale"]
    assert _mentions(body, "Mark Hale") == ["Mark Hale"]
