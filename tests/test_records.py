"""`newsprobe.records`: the per-record function batch runs map, without Dask."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Analysis, Article
from newsprobe.errors import ConfigError, ExtractionError
from newsprobe.records import (
    RecordError,
    RecordPosition,
    RecordResult,
    process_records,
    shared_pipeline,
)
from tests.conftest import make_article

STORIES = [
    make_article(
        f"The Orrin Falls council approved a {n + 2} million crown budget on Tuesday, "
        f"treasurer Ana Ruiz said. About {n * 10 + 30} residents attended.",
        headline=f"Orrin Falls passes budget number {n}",
    )
    for n in range(5)
]


def test_one_result_per_record_in_order_equal_to_analyze() -> None:
    pipeline = shared_pipeline(("quantities", "quotes"))
    assert shared_pipeline(("quantities", "quotes")) is pipeline, "one pipeline per process"
    records = [(RecordPosition("dump.jsonl", i * 2), a) for i, a in enumerate(STORIES)]
    results = list(process_records(records, pipeline))
    assert [r.position for r in results] == [p for p, _ in records]
    for result, article in zip(results, STORIES, strict=True):
        assert isinstance(result, RecordResult)
        analysis = Analysis.from_json(result.analysis_json)
        assert analysis == pipeline.analyze(article)
        assert result.row["record"] == result.position.index
        assert result.row["findings_quantity"] == len(analysis.of_kind("quantity")) >= 2
    again = list(process_records(records, pipeline))
    assert [r.analysis_json for r in again] == [r.analysis_json for r in results]  # type: ignore[union-attr]


class _BrokenParse(Pipeline):
    """A pipeline that fails on one text as a whole, as spaCy may on a pathological input."""

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        batch = list(articles)
        if any("Thessaly" in a.text for a in batch):
            raise RuntimeError("the parser gave up")
        return super().analyze_many(batch)


def test_a_batch_that_fails_whole_is_retried_one_record_at_a_time() -> None:
    pipeline = _BrokenParse(["quantities"], on_error="record", batch_size=8)
    poisoned = make_article("Thessaly Creek flooded on Friday.", headline="Flood")
    articles = [STORIES[0], poisoned, STORIES[1]]
    records = [(RecordPosition("x.jsonl", i), a) for i, a in enumerate(articles)]
    results = list(process_records(records, pipeline))
    assert [type(r).__name__ for r in results] == ["RecordResult", "RecordError", "RecordResult"]
    error = results[1]
    assert isinstance(error, RecordError)
    assert error.reason == "analysis failed: RuntimeError: the parser gave up"


def test_an_ingest_error_becomes_one_line_naming_input_record_and_reason() -> None:
    failure = ExtractionError("the record has no text", source="dump.jsonl:8")
    error = RecordError.from_ingest(RecordPosition("dump.jsonl", 6), failure)
    assert json.loads(error.to_json()) == {
        "input": "dump.jsonl",
        "record": 6,
        "where": "dump.jsonl:8",
        "reason": "the record has no text",
    }


def test_an_unknown_analyzer_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown analyzer"):
        shared_pipeline(("nonexistent",))
