"""The views of a document the pipeline builds once and hands to every analyzer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

import pytest

from newsprobe.analyzers import pipeline as pipeline_module
from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.shared import tokens, views
from newsprobe.analyzers.shared.views import ParseViews
from newsprobe.findings import FindingBase, SensationalFinding, Span
from newsprobe.nlp.parse import parse_many, pipes_for
from tests.conftest import make_article

TEXT = "Dara Holm met Oren Balt in Varn on Sunday. Holm said the talks went well."


class _Marks(Analyzer):
    """Marks every word 'Holm' (a finding kind for the others to index)."""

    name = "marks"
    requires: ClassVar[frozenset[str]] = frozenset({"doc"})
    provides: ClassVar[frozenset[str]] = frozenset({"sensational"})

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        cols = ctx.columns
        for i, word in enumerate(cols.text):
            if word == "Holm":
                yield SensationalFinding(
                    span=Span(start=cols.idx[i], end=cols.end_char(i)),
                    confidence=0.5,
                    note="a mark",
                    category="loaded_term",
                )


class _Reader(Analyzer):
    """Records what its context hands it, and finds nothing."""

    requires: ClassVar[frozenset[str]] = frozenset({"doc", "sensational"})
    seen: ClassVar[list[tuple[Any, Any]]] = []

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        type(self).seen.append((ctx.columns, ctx.index("sensational")))
        return []


class _ReaderA(_Reader):
    name = "reader_a"


class _ReaderB(_Reader):
    name = "reader_b"


def test_every_analyzer_of_a_document_reads_one_copy_of_each_view(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[int] = []
    original = tokens.build_columns

    def counting(doc: Any) -> tokens.Columns:
        built.append(len(doc))
        return original(doc)

    monkeypatch.setattr(tokens, "build_columns", counting)
    _Reader.seen.clear()
    pipeline = Pipeline([_Marks(), _ReaderA(), _ReaderB()])
    analysis = pipeline.analyze(make_article(TEXT))
    assert len(built) == 1, "the columns are built once per document"
    (cols_a, index_a), (cols_b, index_b) = _Reader.seen
    assert cols_a is cols_b
    assert index_a is index_b, "an index is shared until its kind changes"
    marks = [f for f in analysis.findings if f.kind == "sensational"]
    assert [f.text for f in marks] == ["Holm", "Holm"]
    assert index_a.overlapping(Span(start=0, end=9)) == [marks[0]]


def test_an_index_is_rebuilt_when_its_kind_grows() -> None:
    views = ParseViews(None)
    first = (SensationalFinding(span=Span(start=0, end=4), note="a", category="loaded_term"),)
    index = views.index("sensational", first)
    assert views.index("sensational", first) is index
    grown = (*first, SensationalFinding(span=Span(start=5, end=9), note="b", category="absolute"))
    again = views.index("sensational", grown)
    assert again is not index and len(again) == 2


def test_a_context_made_by_hand_builds_its_views_on_the_spot() -> None:
    (doc,) = parse_many([TEXT], pipes=pipes_for(["doc"]))
    ctx = Context(article=make_article(TEXT), doc=doc)
    assert ctx.columns.text[:2] == ["Dara", "Holm"]
    assert len(ctx.index("quantity")) == 0
    assert len(ctx.mention_index()) == 0
    with pytest.raises(ValueError, match="no parse"):
        _ = Context(article=make_article(TEXT)).columns


def test_the_pipeline_shares_its_columns_with_helpers_that_hold_only_the_doc() -> None:
    pipeline = Pipeline(["hedging"])
    article = make_article(TEXT)
    (doc,) = pipeline.parse([article])
    assert doc is not None
    pipeline.analyze_parsed(article, doc)
    assert tokens.columns(doc) is views.ParseViews.build(doc).columns
    assert pipeline_module.ParseViews is ParseViews
