"""Each merge rule of the entities analyzer, on the sentence that motivated it.

Every rule of `aliases.MERGE_RULES` and `short_forms.SHORT_FORM_RULES` has one case here:
the example from its docstring merges as the rule says, and with that rule taken out of
its tuple the same text does not. So a case fails when the rule stops working, and also
when another rule starts doing its job unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import ModuleType

import pytest

from newsprobe.analyzers.entities import aliases, short_forms
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import EntityFinding
from tests.conftest import make_article


@cache
def _pipeline() -> Pipeline:
    return Pipeline(["entities"])


def _entities(body: str) -> dict[str, tuple[str, list[str]]]:
    """Canonical name -> (label, mention texts) of every entity found in `body`."""
    analysis = _pipeline().analyze(make_article(body))
    found = [f for f in analysis.findings if isinstance(f, EntityFinding)]
    return {f.canonical: (f.label, [analysis.article.slice(s) for s in f.mentions]) for f in found}


@dataclass(frozen=True)
class Case:
    rule: str
    body: str
    canonical: str  # the entity the short form joins
    joined: str  # the mention that joins it only by this rule
    label: str = ""  # the entity's label, when the rule sets it


CASES = (
    Case(
        "known_pairs",
        "The Kestrel Maritime Authority (KAMAR) closed the port on Monday. KAMAR said the "
        "closure would last a week.",
        "Kestrel Maritime Authority",
        "KAMAR",
    ),
    Case(
        "surname_reveals_person",
        "Residents welcomed Marta Sorin. Sorin said the fees would rise.",
        "Marta Sorin",
        "Sorin",
        label="PERSON",
    ),
    Case(
        "shorter_name_of_person",
        "Prime Minister Tomas Brenn resigned on Friday. Brenn said the vote had been lost.",
        "Tomas Brenn",
        "Brenn",
    ),
    Case(
        "first_name_alone",
        "Elena Sorin opened the hearing on Monday. Elena said the fees would rise.",
        "Elena Sorin",
        "Elena",
    ),
    Case(
        "word_of_one_organization",
        "The Syrian Observatory for Human Rights counted 40 dead. The Observatory said the "
        "toll would rise.",
        "Syrian Observatory for Human Rights",
        "Observatory",
    ),
    Case(
        "suffix_of_one_organization",
        "Northern Valley Command said the strikes hit three depots. Valley Command added "
        "that no civilians were hurt.",
        "Northern Valley Command",
        "Valley Command",
    ),
    Case(
        "acronym_spells_name",
        "The European Central Bank held rates on Thursday; the ECB meets again in June.",
        "European Central Bank",
        "ECB",
    ),
)


def _home(rule: str) -> tuple[ModuleType, str]:
    """The module and the tuple attribute that hold the rule named `rule`."""
    if rule in {r.__name__ for r in short_forms.SHORT_FORM_RULES}:
        return short_forms, "SHORT_FORM_RULES"
    return aliases, "MERGE_RULES"


def test_every_rule_has_a_case() -> None:
    named = {r.__name__ for r in (*aliases.MERGE_RULES, *short_forms.SHORT_FORM_RULES)}
    # `short_forms` itself only runs SHORT_FORM_RULES; its cases are theirs.
    assert {case.rule for case in CASES} == named - {"short_forms"}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_the_rule_merges_its_example(case: Case) -> None:
    module, attribute = _home(case.rule)
    rule = next(r for r in getattr(module, attribute) if r.__name__ == case.rule)
    assert case.body in (rule.__doc__ or "").replace("\n    ", " "), "the docstring's example"
    label, mentions = _entities(case.body)[case.canonical]
    assert case.joined in mentions
    if case.label:
        assert label == case.label


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_without_the_rule_its_example_stays_apart(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    module, attribute = _home(case.rule)
    kept = tuple(r for r in getattr(module, attribute) if r.__name__ != case.rule)
    monkeypatch.setattr(module, attribute, kept)
    entities = _entities(case.body)
    assert case.joined not in entities.get(case.canonical, ("", []))[1]


def test_a_short_name_of_two_people_is_flagged_not_merged() -> None:
    entities = _entities(
        "Senator Mark Hale and his wife, Deborah Hale, attended the dinner in Riverton. "
        "Hale said the evening had raised more than expected."
    )
    assert entities["Mark Hale"][1] == ["Mark Hale"]
    assert entities["Deborah Hale"][1] == ["Deborah Hale"]
    assert entities["Hale"][1] == ["Hale"]
