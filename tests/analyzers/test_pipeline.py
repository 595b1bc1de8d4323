"""The pipeline: ordering, span checks, failure isolation, language gating, one parse."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pytest

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Article
from newsprobe.errors import AnalyzerError, ConfigError
from newsprobe.findings import FindingBase, GenericFinding, SensationalFinding, Span
from tests.conftest import make_article

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Shouting(Analyzer):
    """All-caps words."""

    name = "shouting"
    provides = frozenset({"sensational"})
    languages = None

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        for m in re.finditer(r"\b[A-Z]{4,}\b", ctx.text):
            yield SensationalFinding(
                span=Span(start=m.start(), end=m.end()),
                category="all_caps",
                note="Shouted in capitals.",
            )


class CountsShouting(Analyzer):
    """Reads the findings of `shouting`."""

    name = "counts_shouting"
    requires = frozenset({"sensational"})
    provides = frozenset({"shout_count"})
    languages = None

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        found = ctx.of_kind("sensational")
        if found:
            yield GenericFinding(
                kind="shout_count",
                span=found[0].span,
                note=f"{len(found)} shouted words; first is {found[0].id}.",
            )


class Broken(Analyzer):
    """Always fails."""

    name = "broken"
    languages = None

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        raise RuntimeError("boom")


class OutOfBounds(Analyzer):
    """Returns a span past the end of the text."""

    name = "out_of_bounds"
    languages = None

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        yield GenericFinding(kind="x", span=Span(start=0, end=len(ctx.text) + 1))


class EnglishOnly(Analyzer):
    """Needs English."""

    name = "english_only"

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        yield GenericFinding(kind="x", span=Span(start=0, end=1), note="ran")


class NeedsParse(Analyzer):
    """Counts sentences from the shared parse."""

    name = "needs_parse"
    requires = frozenset({"doc"})
    languages = None

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        assert ctx.doc is not None and ctx.doc.text == ctx.text
        for sent in ctx.doc.sents:
            if sent.text.strip():
                yield GenericFinding(
                    kind="sentence", span=Span(start=sent.start_char, end=sent.end_char)
                )


ARTICLE = make_article("The minister was FURIOUS. Then she LEFT the room.", headline="Row")


def test_dependents_run_after_providers_and_see_stamped_findings() -> None:
    pipeline = Pipeline([CountsShouting(), Shouting()])
    assert [a.name for a in pipeline.analyzers] == ["shouting", "counts_shouting"]
    analysis = pipeline.analyze(ARTICLE)
    shouts = analysis.of_kind("sensational")
    assert [f.text for f in shouts] == ["FURIOUS", "LEFT"]
    assert [f.id for f in shouts] == ["sensational-1", "sensational-2"]
    assert shouts[0].analyzer == "shouting@1"
    (count,) = analysis.of_kind("shout_count")
    assert count.note == "2 shouted words; first is sensational-1."


class NeedsNothingThatExists(Analyzer):
    """Requires a kind nobody provides."""

    name = "needs_ghosts"
    requires = frozenset({"ghost"})
    provides = frozenset({"x"})

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        return []


def test_missing_requirement_is_a_config_error_naming_it() -> None:
    with pytest.raises(ConfigError, match="requires ghost"):
        Pipeline([NeedsNothingThatExists()])


def test_required_providers_are_added_from_the_built_ins() -> None:
    assert [a.name for a in Pipeline(["sourcing"]).analyzers] == ["attribution", "sourcing"]
    # A toy that reads "sensational" gets the built-in sensational analyzer.
    assert "sensational" in [a.name for a in Pipeline([CountsShouting()]).analyzers]


class FailsToLoad(Analyzer):
    """Its model file is missing."""

    name = "fails_to_load"
    provides = frozenset({"x"})
    languages = None

    def warm_up(self) -> None:
        raise FileNotFoundError("model.json is missing")

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        return []


def test_an_analyzer_that_cannot_load_is_isolated_when_recording() -> None:
    with pytest.raises(AnalyzerError, match="could not load"):
        Pipeline([FailsToLoad(), Shouting()]).analyze(ARTICLE)
    analysis = Pipeline([FailsToLoad(), Shouting()], on_error="record").analyze(ARTICLE)
    assert [(e.analyzer, e.error) for e in analysis.errors] == [
        ("fails_to_load@1", "FileNotFoundError")
    ]
    assert len(analysis.of_kind("sensational")) == 2


def test_unknown_analyzer_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"available analyzers: .*entities"):
        Pipeline(["no_such_analyzer"])


def test_duplicate_analyzer_is_rejected() -> None:
    with pytest.raises(ConfigError, match="twice"):
        Pipeline([Shouting(), Shouting()])


def test_failure_raises_by_default_and_is_recorded_on_request() -> None:
    with pytest.raises(AnalyzerError, match="'broken' failed: RuntimeError: boom"):
        Pipeline([Broken(), Shouting()]).analyze(ARTICLE)
    analysis = Pipeline([Broken(), Shouting()], on_error="record").analyze(ARTICLE)
    assert [(e.analyzer, e.error, e.message) for e in analysis.errors] == [
        ("broken@1", "RuntimeError", "boom")
    ]
    assert len(analysis.of_kind("sensational")) == 2


def test_spans_outside_the_text_are_caught_in_one_place() -> None:
    with pytest.raises(AnalyzerError, match="outside the article text"):
        Pipeline([OutOfBounds()]).analyze(ARTICLE)
    recorded = Pipeline([OutOfBounds()], on_error="record").analyze(ARTICLE)
    assert recorded.findings == [] and recorded.errors[0].analyzer == "out_of_bounds@1"


def test_english_only_analyzers_skip_other_languages_and_say_so() -> None:
    german = make_article("Die Regierung hat am Montag neue Zahlen vorgelegt.", language="de")
    analysis = Pipeline([EnglishOnly()]).analyze(german)
    assert analysis.findings == []
    assert analysis.notices[0].analyzer == "english_only@1"
    assert "German" in analysis.notices[0].message
    assert Pipeline([EnglishOnly()]).analyze(ARTICLE).findings[0].note == "ran"


def test_no_parse_happens_when_no_analyzer_needs_one() -> None:
    analysis = Pipeline([Shouting()]).analyze(ARTICLE)
    assert "spacy" not in analysis.models


def test_batches_keep_input_order_and_share_one_parse_per_article() -> None:
    articles = [
        make_article(f"Sentence {i}. Another one here.", headline=f"H{i}") for i in range(7)
    ]
    pipeline = Pipeline([NeedsParse()], batch_size=3)
    analyses = list(pipeline.analyze_many(articles))
    assert [a.article.id for a in analyses] == [a.id for a in articles]
    assert all(a.of_kind("sentence") for a in analyses)
    assert analyses[0].models["spacy"].startswith("en_core_web_sm")


def test_a_stream_gives_what_one_at_a_time_gives() -> None:
    articles = [
        make_article(f"Ferry {i} was LATE. The crew said it waited {i} hours.", headline=f"H{i}")
        for i in range(9)
    ]
    pipeline = Pipeline([NeedsParse(), Shouting()], batch_size=2)
    streamed = [a.to_json() for a in pipeline.analyze_many(iter(articles))]
    single = [pipeline.analyze(article).to_json() for article in articles]
    assert streamed == single


def test_a_parse_failure_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = Pipeline([NeedsParse()], batch_size=2)
    calls = 0
    parse = pipeline.parse

    def failing(batch: list[Article]) -> list[Doc | None]:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise MemoryError("parser ran out of memory")
        return parse(batch)

    monkeypatch.setattr(pipeline, "parse", failing)
    results = pipeline.analyze_many(make_article(f"Text {i}.") for i in range(6))
    assert next(results).article.text.endswith("Text 0.")
    with pytest.raises(MemoryError, match="out of memory"):
        list(results)


def test_every_analysis_carries_its_assessment_and_what_ran() -> None:
    analysis = Pipeline([Shouting(), Broken()], on_error="record").analyze(ARTICLE)
    assert analysis.analyzers == ["shouting@1"]  # the broken one is in errors, not here
    assert analysis.assessment is not None
    # No built-in analyzer the criteria read ran: nothing could be judged.
    assert analysis.assessment.rating.score is None
    assert "restrained_wording" in analysis.assessment.not_judged


def test_a_failing_assessment_is_recorded_without_losing_the_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsprobe.analyzers.pipeline as pipeline_module

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("criterion bug")

    monkeypatch.setattr(pipeline_module, "assess", broken)
    with pytest.raises(ValueError, match="criterion bug"):
        Pipeline([Shouting()]).analyze(ARTICLE)
    analysis = Pipeline([Shouting()], on_error="record").analyze(ARTICLE)
    assert analysis.assessment is None and len(analysis.of_kind("sensational")) == 2
    assert [(e.analyzer, e.error) for e in analysis.errors] == [("assessment", "ValueError")]
