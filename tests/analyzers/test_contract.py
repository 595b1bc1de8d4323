"""The contract every registered analyzer keeps, on hostile and odd inputs.

Each input is parsed once and every analyzer runs on it (the pipeline raises on the first
failure, naming the analyzer). Checks: no crash, spans in bounds with matching text,
output JSON-safe and identical on a second run over the same parse, no finding of a kind
the analyzer does not declare, and the shared parse is left as it was.
"""

from __future__ import annotations

import json

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.registry import available_analyzers
from newsprobe.document import Analysis, Article
from tests.conftest import make_article

_PARAGRAPH = (
    "President Ana Ruiz of Valemont met Chancellor Tomas Brenn in Port Alder on Sunday for "
    'roughly three quarters of an hour, officials said. "We made progress," Ruiz said. '
    "The attack left 87 dead and more than 200 wounded, police told the Harbour Courier. "
    "It may have been a chance encounter. What do you think? SHOCKING scenes followed!\n\n"
)

HOSTILE: dict[str, Article] = {
    "empty": Article.create(headline=None, body=""),
    "headline_only": Article.create(headline="Only a headline here", body=""),
    "one_word": make_article("Hello"),
    "only_numbers": make_article("1 2 3 4.5 1,000,000 -7 3/4 10% $5 2024 0 00 007 1e9"),
    "emoji_astral": make_article(
        '🚀🔥 Leaders 👩‍👩‍👧 met for 45 minutes 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \U0001f600 "quote 🎉" said 🧑🏽‍🚀.',
        headline="💥 BREAKING 💥",
    ),
    "right_to_left": make_article(
        "قال الرئيس إن المحادثات استمرت 45 دقيقة. שלום עולם 123. Mixed English said Ruiz."
    ),
    "html_debris": make_article(
        "<div class='nav'>Home | World</div><script>var x = \"1\";</script> &nbsp; &amp;"
        " <p>Text said <b>Ruiz</b></p> {{ template }} <!-- comment --> ]]> <br/>"
    ),
    "unbalanced_quotes": make_article('He said "what and " then \u201cnothing \u2019 she "'),
    "long_token": make_article("a" * 10_000 + " " + "9" * 500),
    "combining_marks": make_article("Zoe\u0308 and Łukasz Wróbel met; Z̷̛a̸l̶g̵o text."),
    "lists_and_symbols": make_article("- item one\n- item two\n* € £ ¥ § ¶ † ‡ • … ‰ ™\n\n|a|b|"),
    "huge": make_article(_PARAGRAPH * 1000, headline="A very long article"),
}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(list(available_analyzers()))


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_analyzer_keeps_the_contract(pipeline: Pipeline, name: str) -> None:
    article = HOSTILE[name]
    (doc,) = pipeline.parse([article]) or [None]
    before = None if doc is None else [(t.text, t.ent_type_, t.dep_, t.lemma_) for t in doc]
    first = pipeline.analyze_parsed(article, doc)
    assert first.errors == []
    for finding in first.findings:
        for span in finding.all_spans():
            assert 0 <= span.start <= span.end <= len(article.text), (finding.analyzer, span)
        assert finding.text == article.text[finding.span.start : finding.span.end]
        owner = next(a for a in pipeline.analyzers if a.qualified_name == finding.analyzer)
        assert finding.kind in owner.provides, (finding.analyzer, finding.kind)
    assert len({f.id for f in first.findings}) == len(first.findings)
    # JSON-safe: strict JSON (no NaN), and it validates back into the same analysis.
    payload = first.to_json()
    json.loads(payload, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
    assert Analysis.from_json(payload) == first
    if name != "huge":  # determinism and no mutation; the huge input is covered above
        second = pipeline.analyze_parsed(article, doc)
        assert second.to_json() == payload
        after = None if doc is None else [(t.text, t.ent_type_, t.dep_, t.lemma_) for t in doc]
        assert after == before


def test_every_registered_analyzer_is_well_formed() -> None:
    for name, target in available_analyzers().items():
        from newsprobe.analyzers.registry import analyzer_class

        cls = analyzer_class(name)
        assert cls.name == name, target
        assert cls.provides, f"{name} provides nothing"
        assert cls.description(), f"{name} has no docstring"
        assert cls.version
