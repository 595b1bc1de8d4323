"""Input records in, results out: the per-article function that batch runs map.

A record is one item of an input, as `newsprobe.read` streams it, with its position there:
the input's name and the item's index (from 0) among everything `read` yields for it,
bad records included, so that the same input always gives the same positions.
`process_records` turns each article into a `RecordResult` (its table row, see
`newsprobe.rows`, and its full analysis as JSON); a record that cannot be analysed becomes
a `RecordError` naming the position and the reason.

    >>> pipeline = shared_pipeline(None)
    >>> for result in process_records([(RecordPosition("dump.jsonl", 0), article)], pipeline):
    ...     print(result.row["findings_claim"])

It is pure: the same records give the same results, so a batch run may analyse a record
again after its worker died and write the same output. It needs neither Dask nor Arrow.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Analysis, Article
from newsprobe.errors import IngestError
from newsprobe.rows import analysis_row

__all__ = [
    "RecordError",
    "RecordPosition",
    "RecordResult",
    "process_records",
    "shared_pipeline",
]

# An article small enough to parse in milliseconds that still wakes every analyzer: a
# headline, a quote, a number, a named person and place.
_WARM_UP = Article.create(
    headline="Harbour board approves new ferry timetable",
    body='The board voted 7 to 2 on Monday, chair Lena Ortiz said in Port Alder. "It is a '
    'fair compromise," she told reporters.',
    language="en",
)


@dataclass(frozen=True, slots=True, order=True)
class RecordPosition:
    """Where a record is: the input as the user named it, and its index there (from 0)."""

    input: str
    index: int


@dataclass(frozen=True, slots=True)
class RecordResult:
    """One analysed article: its table row and its full analysis as one line of JSON."""

    position: RecordPosition
    row: dict[str, Any]
    analysis_json: str


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record that gave no analysis, and why.

    Attributes:
        position: where the record is.
        reason: one line a reader can act on.
        where: the reader's own name for the place, when it gave one ("dump.jsonl:14",
            "crawl.warc.gz: record 7 (https://...)").
    """

    position: RecordPosition
    reason: str
    where: str | None = None

    @classmethod
    def from_ingest(cls, position: RecordPosition, error: IngestError) -> RecordError:
        """The error of a record that could not be read."""
        reason = str(error.args[0]) if error.args else type(error).__name__
        return cls(position=position, reason=reason, where=error.source)

    def to_json(self) -> str:
        """One line of ``errors.jsonl``: input, record, where, reason."""
        return json.dumps(
            {
                "input": self.position.input,
                "record": self.position.index,
                "where": self.where,
                "reason": self.reason,
            },
            ensure_ascii=False,
        )


_loading = threading.Lock()


def shared_pipeline(analyzers: tuple[str, ...] | None) -> Pipeline:
    """The pipeline of this process for these analyzers (None: all), loaded once.

    Failures of single analyzers are recorded in the analysis, never raised: a batch job
    goes on. The first call loads spaCy and every analyzer's model (a worker process calls
    it when it starts, so its first task does not wait); a call from another thread
    meanwhile waits for that pipeline rather than loading a second one.
    """
    with _loading:
        return _load_pipeline(analyzers)


@cache
def _load_pipeline(analyzers: tuple[str, ...] | None) -> Pipeline:
    pipeline = Pipeline(list(analyzers) if analyzers is not None else None, on_error="record")
    pipeline.analyze(_WARM_UP)
    return pipeline


def _result(position: RecordPosition, analysis: Analysis) -> RecordResult:
    return RecordResult(
        position=position,
        row=analysis_row(analysis, input=position.input, record=position.index),
        analysis_json=analysis.to_json(indent=None),
    )


def _one_by_one(
    batch: Sequence[tuple[RecordPosition, Article]], pipeline: Pipeline
) -> Iterator[RecordResult | RecordError]:
    for position, article in batch:
        try:
            analysis = pipeline.analyze(article)
        except Exception as exc:  # one article that breaks the parse must not stop the run
            yield RecordError(
                position=position, reason=f"analysis failed: {type(exc).__name__}: {exc}"
            )
        else:
            yield _result(position, analysis)


def process_records(
    records: Iterable[tuple[RecordPosition, Article]], pipeline: Pipeline
) -> Iterator[RecordResult | RecordError]:
    """Analyse each article; yields one result or error per record, in input order.

    Articles are parsed in the pipeline's batches. When a batch fails as a whole (an
    error in the parse rather than in one analyzer, which the pipeline records), its
    articles are analysed again one at a time, so that only the one at fault is lost.
    """
    stream = iter(records)
    while batch := list(islice(stream, pipeline.batch_size)):
        try:
            analyses = list(pipeline.analyze_many(article for _, article in batch))
        except Exception:
            yield from _one_by_one(batch, pipeline)
            continue
        for (position, _), analysis in zip(batch, analyses, strict=True):
            yield _result(position, analysis)
