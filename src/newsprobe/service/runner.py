"""The analysis thread: one per worker process, a bounded line, a time limit per request.

The pipeline (spaCy and every analyzer) is loaded once, when the worker starts
(`AnalysisRunner.start`), and then used by a single thread: the analysis is CPU-bound
Python, so more threads in one process would only take turns on the interpreter lock,
and one thread keeps the pipeline's caches free of races. More throughput comes from
more worker processes (``--workers``).

A request waits for the thread at most `Settings.analysis_timeout` seconds, running time
included; when more than `Settings.queue` analyses already wait it is turned away at once
(503 ``busy``) rather than queued into a certain timeout. An analysis whose client gave up
still finishes (a thread cannot be stopped safely) unless it had not started yet, in which
case it is dropped.

`RecentAnalyses` keeps the latest analyses for ``GET /v1/analyses/{id}`` when the service
runs without a corpus.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from newsprobe.document import Analysis, Article
from newsprobe.service.errors import ApiError

if TYPE_CHECKING:
    from newsprobe.analyzers.pipeline import Pipeline

__all__ = ["AnalysisRunner", "RecentAnalyses"]

T = TypeVar("T")

# What the pipeline reads at start so that spaCy and every lexicon and model are loaded
# before the first request (an invented sentence with a name, a figure and a quote).
_WARM_UP = Article.create(
    headline="Harbour board approves new pier",
    body="The Lindqvist harbour board approved 12 new berths on Monday, its chair Mara Ode "
    'said. "We expect the first ferries in May," she told the Coastline Gazette.',
    language="en",
)


class AnalysisRunner:
    """Runs work on the one analysis thread, with a line limit and a time limit.

    Args:
        pipeline: the analyzers, with failures recorded (``on_error="record"``).
        timeout: seconds a call may take, waiting in line included.
        queue: calls allowed to wait; more are refused with 503 ``busy``.
    """

    def __init__(self, pipeline: Pipeline, *, timeout: float, queue: int) -> None:
        self.pipeline = pipeline
        self.timeout = timeout
        self.queue = queue
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprobe-analysis")
        self._pending = 0
        self._lock = threading.Lock()
        self.ready = False

    async def start(self) -> None:
        """Load everything the analysis needs, on the analysis thread, by analysing one
        small article (a few seconds: spaCy's model, lexicons, the shipped models)."""
        await asyncio.wrap_future(self._executor.submit(self.pipeline.analyze, _WARM_UP))
        self.ready = True

    def close(self) -> None:
        """Stop taking work; analyses not yet started are dropped."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def run(self, work: Callable[[], T]) -> T:
        """`work()` on the analysis thread, within the line and time limits.

        Raises:
            ApiError: ``busy`` when the line is full, ``timeout`` when the time is up.
        """
        with self._lock:
            if self._pending >= self.queue + 1:
                raise ApiError(
                    "busy",
                    f"{self._pending} analyses are already waiting; try again in a few seconds",
                )
            self._pending += 1
        future = self._executor.submit(work)
        future.add_done_callback(lambda _: self._done())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            future.cancel()
            raise ApiError(
                "timeout",
                f"the analysis took longer than {self.timeout:g} s; send a shorter article "
                "or try again when the server is less busy",
            ) from None

    def _done(self) -> None:
        with self._lock:
            self._pending -= 1

    async def analyze(self, article: Article) -> Analysis:
        """The analysis of one article (see `run`)."""
        return await self.run(lambda: self.pipeline.analyze(article))


class RecentAnalyses:
    """The latest analyses by article id, the oldest dropped beyond `size` (thread-safe)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, Analysis] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, analysis: Analysis) -> None:
        with self._lock:
            self._items[analysis.article.id] = analysis
            self._items.move_to_end(analysis.article.id)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def get(self, article_id: str) -> Analysis | None:
        with self._lock:
            return self._items.get(article_id)

    def __len__(self) -> int:
        return len(self._items)
