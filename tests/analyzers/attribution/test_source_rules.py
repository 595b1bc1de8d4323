"""`SOURCE_RULES`: each rule decides who the source is in its docstring's example."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprobe.analyzers.attribution import resolution
from newsprobe.analyzers.attribution.resolution import SOURCE_RULES
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import AttributionFinding
from tests.conftest import make_article

# (rule, text, the cue, the source and its type the rule gives, or None: no finding)
EXAMPLES = [
    (
        "writer_voice",
        "I wrote last year that the pier was failing.",
        "wrote",
        ("the writer", "unattributed"),
    ),
    (
        "person_pronoun",
        "Dana Ruiz, the harbour master, runs the port. She said fares would rise.",
        "said",
        ("Dana Ruiz", "person"),
    ),
    (
        "org_pronoun",
        "The Port Authority closed the pier. It said repairs would take a month.",
        "said",
        ("The Port Authority", "official"),
    ),
    (
        "outlet_anaphor",
        "The Harbour Courier reported the closure on Monday. The paper said the pier "
        "would stay shut.",
        "said",
        ("The Harbour Courier", "outlet"),
    ),
    (
        "named_source",
        "Harbour master Velko told reporters the pier would reopen.",
        "told",
        ("Harbour master Velko", "person"),
    ),
]


def _deciding(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> tuple[dict[str, str], list[AttributionFinding]]:
    """Which rule decided each cue of `text` (by the cue's sentence start), and findings."""
    decided: dict[str, str] = {}

    def watch(rule: Callable[[resolution._Phrase], resolution.Outcome]) -> object:
        def watched(p: resolution._Phrase) -> resolution.Outcome:
            outcome = rule(p)
            if outcome is not resolution._NEXT:
                decided[p.verb_sentence.text] = rule.__name__
            return outcome

        return watched

    monkeypatch.setattr(resolution, "SOURCE_RULES", tuple(watch(r) for r in SOURCE_RULES))
    article = make_article(text, headline="Harbour news")
    analysis = Pipeline(["entities", "quotes", "attribution"]).analyze(article)
    found = [f for f in analysis.findings if isinstance(f, AttributionFinding)]
    return decided, found


@pytest.mark.parametrize(("rule", "text", "cue", "source"), EXAMPLES)
def test_each_rule_decides_its_example(
    monkeypatch: pytest.MonkeyPatch,
    rule: str,
    text: str,
    cue: str,
    source: tuple[str, str] | None,
) -> None:
    decided, found = _deciding(monkeypatch, text)
    last = next(s for s in reversed(decided) if cue in s)
    assert decided[last] == rule
    mine = [f for f in found if f.cue == cue]
    if source is None:
        assert not mine
    else:
        assert [(f.source, f.source_type) for f in mine] == [source]


def test_every_rule_has_an_example_in_its_docstring_and_here() -> None:
    assert [rule.__name__ for rule in SOURCE_RULES] == [rule for rule, *_ in EXAMPLES]
    for rule in SOURCE_RULES:
        assert rule.__doc__ and "'" in rule.__doc__, rule.__name__


def test_an_unresolved_they_is_an_unnamed_source_and_an_unresolved_it_is_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, found = _deciding(monkeypatch, "It rained at dawn. They say the rota is unsafe.")
    they = [f for f in found if f.cue == "say"]
    assert [(f.source, f.source_type) for f in they] == [("They", "anonymous")]
    _, found = _deciding(monkeypatch, "It rained at dawn. It said repairs would take a month.")
    assert not [f for f in found if f.cue == "said"]
