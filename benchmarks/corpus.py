"""The corpus store at scale, on SQLite and PostgreSQL side by side.

    .venv/bin/python benchmarks/corpus.py [--sizes 10000,100000] [--backends sqlite,postgresql]
                                          [--real 120] [--queries 40] [--indexer story]
                                          [--per-article 1000]

Builds a synthetic corpus of composed articles (`newsprobe.evaluation.synthetic_corpus`: invented
events, outlets and people, about 300 words each) up to each size in `--sizes`, storing
each one as `corpus add` does (`COMMIT_ARTICLES` per transaction, with a profile of
lookup keys and LSH bands), but with analyses generated from the templates instead of
parsed, and measures at each size:

- insert rate: articles stored per second, in transactions as `corpus add` stores them
  (`COMMIT_ARTICLES`; one per article before 2026-12-07, as in README's tables), over
  the last thousand articles before that size (the rest of the corpus is loaded 500
  articles per transaction, `Corpus.add(commit_every=500)`, to build it in minutes;
  that rate is printed too);
- search latency: median and 95th percentile of `Corpus.search` over varied queries
  (common and rare words, phrases, OR, outlet, date and entity filters);
- candidate lookup latency: `Corpus.candidates` for stored articles' keys and bands in a
  three-day window (what story assignment asks for each new article);
- `corpus add` against `analyze` alone: `--real` articles (real FNC-1 bodies when
  ``../shared/data`` is there, else composed ones; or a file's, `--real-from`) analysed
  by the same warm pipeline, once alone and once through `Corpus.add` into the corpus of
  that size, in rounds of ten (alone then added, added then alone, in turn) so that
  neither warm caches nor a shared machine's drifting load favour one side; the store's
  cost is the difference (target: under 15 %), in wall time and in this process's
  CPU time, and, measured directly, the time spent inside the store (duplicate checks and
  write transactions) against the rest of `corpus add`;
- the database's size on disk.

PostgreSQL is a throwaway server started here (`newsprobe.corpus.store.pgserver`) with its default
durability (fsync at each commit); SQLite runs in WAL mode with synchronous=NORMAL, as the
store opens it. Timings print; nothing is asserted.

With `--indexer story` the last `--per-article` articles before each size are stored with
the `StoryIndexer` that `corpus add` uses (real profiles with the lead vector, each article
filed in its story; the insert rate then includes both), and the rest of the corpus is
built in bulk (`Corpus.bulk_load`, one multi-row statement per table per batch) as stories
of `STORY_SIZE` composed articles with real story profiles but template-derived lead
vectors (`template_vector`: the encoder would take an hour per 100,000 articles), filed in
the story their template says. Two more latencies are then measured, on new articles
about stored stories (a stored article's event retold by another outlet): story
assignment, and the whole cross-check after the analysis (`checking.crosscheck_new`,
with the real encoder). `MEASURES` lists what runs at each size.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

import numpy as np

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.corpus import Corpus, CorpusSession, Indexer, Profile
from newsprobe.corpus.corpus import COMMIT_ARTICLES
from newsprobe.corpus.embedding import DIMENSIONS
from newsprobe.corpus.keys import name_key
from newsprobe.corpus.profile import build_profile
from newsprobe.corpus.store.bulk import BulkArticle
from newsprobe.corpus.store.pgserver import PostgresServer, PostgresUnavailable
from newsprobe.corpus.story_indexer import to_stored
from newsprobe.document import Analysis, Article
from newsprobe.evaluation.synthetic_corpus import (
    LARGE_PEOPLE,
    LARGE_PLACES,
    iter_composed,
    synthetic_analysis,
)
from newsprobe.findings import EntityFinding

REPO = Path(__file__).resolve().parents[1]

#: Words of background per synthetic article: six paragraphs, about 300 words in all.
BACKGROUND_PARAGRAPHS = 6
#: Articles generated and stored per `Corpus.add` call while building.
CHUNK = 2_000
#: Articles per transaction while building (a bulk load of ready analyses)...
BULK = 500
#: ...except the last ones before each size, stored as `corpus add` stores them
#: (`COMMIT_ARTICLES` per transaction): their rate is the insert rate reported.
PER_ARTICLE = 1_000
#: LSH bands per profile (a 128-permutation MinHash in 16 bands of 8 is a common choice).
BANDS = 16
#: Articles per story in the corpus built for `--indexer story` (the composed corpus's
#: stories have 2 to 13; ten consecutive composed articles report one event, each from
#: another outlet). `BULK` and the sizes are multiples of it, so no story is split.
STORY_SIZE = 10


# --- hooks for cross-checking ---------------------------------------------------------------


class SyntheticProfiles:
    """A stand-in `Indexer`: real-sized profiles (entity keys, 16 bands), no placement.

    Bands are derived from the event, place and week, so that articles about one event
    share them as MinHash bands of near-copies would.
    """

    version = "bench-1"

    def profile(self, analysis: Analysis) -> Profile:
        keys = sorted(
            {
                name_key(f.canonical)
                for f in analysis.of_kind("entity")
                if isinstance(f, EntityFinding)
            }
        )
        article = analysis.article
        week = article.published.isocalendar()[1] if article.published else 0
        story = f"{article.headline_text.split(' ')[0]}|{keys[:1]}|{week}"
        bands = [f"{band}:{zlib.crc32(f'{story}|{band}'.encode()):08x}" for band in range(BANDS)]
        return Profile(version=self.version, keys=keys, bands=bands, data={"keys": keys})

    def place(
        self, session: CorpusSession, article_id: str, profile: Profile, analysis: Analysis
    ) -> None:
        return None


#: `--indexer`: "synthetic" (the stand-in above: store costs alone) or "story" (the
#: `StoryIndexer` that `corpus add` uses: real profiles, each article filed in its story;
#: the insert rate then includes profiling and story assignment, and the cross-check
#: measures run).
INDEXER = "synthetic"


def make_indexer() -> Indexer:
    """The indexer the corpus is built with (see `INDEXER`)."""
    if INDEXER == "story":
        from newsprobe.corpus.story_indexer import StoryIndexer

        return StoryIndexer()
    return SyntheticProfiles()


@dataclass
class Sample:
    """What the measures look things up with: stored articles and their profiles."""

    analyses: list[Analysis]
    profiles: list[Profile]
    news: list[Analysis] = field(default_factory=list)
    """New articles about stored stories (`--indexer story`): what is cross-checked."""


Measure = Callable[[Corpus, Sample], dict[str, list[float]]]


def measure_search(corpus: Corpus, sample: Sample) -> dict[str, list[float]]:
    """Latency of varied searches (seconds each)."""
    people, places = LARGE_PEOPLE, LARGE_PLACES
    middle = sample.analyses[len(sample.analyses) // 2].article.published
    assert middle is not None
    queries: list[dict[str, object]] = []
    for i in range(len(sample.analyses)):
        place, person = places[i % len(places)], people[i % len(people)]
        queries += [
            {"query": "said"},  # in nearly every article
            {"query": place},
            {"query": f'"ferry crews" {place}'},  # a phrase and a rarer word
            {"query": "floods OR bridge", "outlet": "Coastline Wire"},
            {"query": "talks", "entity": person},
            {"query": "results", "since": middle, "until": middle + timedelta(days=7)},
        ]
    times: list[float] = []
    for query in queries[: len(sample.analyses)]:
        start = time.perf_counter()
        corpus.search(**query)  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
    return {"search": times}


def measure_candidates(corpus: Corpus, sample: Sample) -> dict[str, list[float]]:
    """Latency of a candidate lookup for a stored article's profile (seconds each)."""
    times: list[float] = []
    for analysis, profile in zip(sample.analyses, sample.profiles, strict=True):
        start = time.perf_counter()
        corpus.candidates(
            keys=profile.keys,
            bands=profile.bands,
            published=analysis.article.published,
            window=timedelta(days=3),
        )
        times.append(time.perf_counter() - start)
    return {"candidates": times}


def measure_crosscheck(corpus: Corpus, sample: Sample) -> dict[str, list[float]]:
    """With the story indexer: story assignment of a new article (candidate lookup and
    `assign_story`, read only) and its whole cross-check after its analysis (profile,
    assignment, reading the story's analyses, every comparison), seconds each."""
    if INDEXER != "story":
        return {}
    from newsprobe.corpus.checking import crosscheck_new
    from newsprobe.corpus.profile import build_profile
    from newsprobe.corpus.story_indexer import StoryIndexer

    indexer = StoryIndexer()
    assign: list[float] = []
    check: list[float] = []
    members: list[float] = []
    for analysis in sample.news or sample.analyses:
        profile = build_profile(analysis)
        start = time.perf_counter()
        corpus.reading(lambda s, p=profile: indexer.decide(s, p))
        assign.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = crosscheck_new(corpus, analysis, indexer=indexer)
        check.append(time.perf_counter() - start)
        members.append(len(result.story.articles) if result.story else 0)
    print(f"  (cross-checked against stories of {statistics.median(members):.0f} articles, median)")
    return {"story assignment (new article)": assign, "crosscheck (new article)": check}


#: Run at each size.
MEASURES: list[Measure] = [measure_search, measure_candidates, measure_crosscheck]


# --- building and timing ---------------------------------------------------------------------


@dataclass
class Row:
    """Figures of one backend at one size."""

    backend: str
    size: int
    build_rate: float = 0.0
    insert_rate: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    add: AddCost | None = None
    megabytes: float = 0.0


@contextmanager
def _database(backend: str) -> Iterator[tuple[str, Callable[[], float]]]:
    """(the --db value, a function giving its size in MB) of a new, empty database."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="newsprobe-bench-") as folder:
            path = Path(folder) / "corpus.db"

            def sqlite_size() -> float:
                return sum(p.stat().st_size for p in Path(folder).glob("corpus.db*")) / 1e6

            yield str(path), sqlite_size
        return
    with PostgresServer.start(durable=True) as server:
        url = server.create_database("bench")

        def postgres_size() -> float:
            import psycopg

            with psycopg.connect(server.url("bench")) as connection:
                row = connection.execute("SELECT pg_database_size('bench')").fetchone()
            return float(row[0]) / 1e6 if row else 0.0

        yield url, postgres_size


def _grow(corpus: Corpus, start: int, stop: int, indexer: Indexer, *, commit_every: int) -> float:
    """Store synthetic articles `start`..`stop`; seconds spent storing (not generating)."""
    spent = 0.0
    for chunk_start in range(start, stop, CHUNK):
        count = min(CHUNK, stop - chunk_start)
        made = [
            synthetic_analysis(item)
            for item in iter_composed(count, first=chunk_start, background=BACKGROUND_PARAGRAPHS)
        ]
        began = time.perf_counter()
        summary = corpus.add(made, indexer=indexer, commit_every=commit_every, commit_seconds=None)
        spent += time.perf_counter() - began
        assert summary.added == count, summary.line()
    return spent


def template_vector(story: int, index: int) -> np.ndarray:
    """A stand-in lead vector for the bulk build: the story's own random direction plus a
    little noise per article (members at cosine about 0.9, other stories about 0). The
    sentence encoder costs 20-45 ms an article here: an hour for 100,000."""
    direction = np.random.default_rng(story).standard_normal(DIMENSIONS)
    noise = np.random.default_rng(10**9 + index).standard_normal(DIMENSIONS)
    vector = direction / np.linalg.norm(direction) + 0.5 * noise / np.linalg.norm(noise)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def _grow_stories(corpus: Corpus, start: int, stop: int) -> float:
    """The bulk part of a `--indexer story` build: articles `start`..`stop` with real
    story profiles (name keys, days, MinHash and bands) but template vectors, filed in
    the story their template says (`STORY_SIZE` articles each) rather than placed one by
    one, `BULK` per transaction with one multi-row statement per table
    (`Corpus.bulk_load`). Seconds spent storing (profiles and generation apart)."""
    spent = 0.0
    for chunk_start in range(start, stop, BULK):
        count = min(BULK, stop - chunk_start)
        batch = []
        for offset, item in enumerate(
            iter_composed(
                count, first=chunk_start, background=BACKGROUND_PARAGRAPHS, story_size=STORY_SIZE
            )
        ):
            index = chunk_start + offset
            analysis = synthetic_analysis(item)
            vector = template_vector(index // STORY_SIZE, index)
            profile = to_stored(build_profile(analysis, vector=vector))
            batch.append(BulkArticle(analysis, profile, story=str(index // STORY_SIZE)))
        began = time.perf_counter()
        corpus.bulk_load(batch)
        spent += time.perf_counter() - began
    return spent


def _story_sample(size: int, n: int) -> list[Analysis]:
    """New articles about stored stories: a stored article's event retold by another
    outlet with one background paragraph fewer (a near-copy: it joins that story)."""
    step = max(STORY_SIZE, size // n // STORY_SIZE * STORY_SIZE)
    found = []
    for index in range(0, size, step)[:n]:
        (item,) = iter_composed(
            1, first=index, background=BACKGROUND_PARAGRAPHS - 1, story_size=STORY_SIZE
        )
        a = item.article
        article = Article.create(
            headline=a.headline_text,
            body=a.body_text,
            url=f"https://bench-extra.example/{index}",
            outlet="Bench Extra",
            published=a.published,
            language="en",
        )
        shifted = synthetic_analysis(replace(item, article=article))
        found.append(shifted)
    return found


def _sample(size: int, n: int, indexer: Indexer) -> Sample:
    step = max(1, size // n)
    analyses = [
        synthetic_analysis(item)
        for index in range(0, size, step)
        for item in iter_composed(1, first=index, background=BACKGROUND_PARAGRAPHS, cast="large")
    ][:n]
    return Sample(analyses, [indexer.profile(a) for a in analyses])


_real_used = 0


#: `--real-from`: a file of articles (any format `newsprobe.read` takes) to compare
#: `corpus add` with `analyze` on, instead of FNC-1 bodies; None: FNC-1.
REAL_FROM: Path | None = None


def real_articles(n: int, tag: str) -> list[Article]:
    """`n` articles never used before: FNC-1 bodies when at hand, else composed ones;
    with `REAL_FROM`, that file's first `n` (the warm-up's are only analysed, not stored)."""
    global _real_used
    if REAL_FROM is not None:
        import newsprobe

        # The same text under a second URL is a duplicate, stored once: keep the first.
        found = {(a.outlet, a.text): a for a in newsprobe.read(REAL_FROM) if isinstance(a, Article)}
        return list(found.values())[:n]
    from throughput import corpus as real_corpus

    pairs = real_corpus(_real_used + n)[_real_used:]
    _real_used += n
    return [
        Article.create(
            headline=headline,
            body=body,
            url=f"https://bench.example/{tag}/{i}",
            outlet="Bench Wire",
            language="en",
        )
        for i, (headline, body) in enumerate(pairs)
    ]


#: Articles per round of the add-against-analyze comparison. Each round analyses its
#: articles alone, then adds them, so that the load of a shared machine, which drifts over
#: minutes, weighs on both sides alike.
ROUND = 10


@dataclass
class AddCost:
    """Seconds spent analysing alone and adding the same articles, and inside the store."""

    articles: int = 0
    analyze_wall: float = 0.0
    add_wall: float = 0.0
    analyze_cpu: float = 0.0
    add_cpu: float = 0.0
    store_wall: float = 0.0  # inside the store: duplicate checks and write transactions


def _timed(cost: AddCost, method: Callable[..., object]) -> Callable[..., object]:
    def wrapper(*args: object, **kwargs: object) -> object:
        began = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            cost.store_wall += time.perf_counter() - began

    return wrapper


def _alone(corpus: Corpus, pipeline: Pipeline, chunk: list[Article], cost: AddCost) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in pipeline.analyze_many(chunk):
        pass
    cost.analyze_wall += time.perf_counter() - wall
    cost.analyze_cpu += time.process_time() - cpu


def _added(corpus: Corpus, pipeline: Pipeline, chunk: list[Article], cost: AddCost) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    summary = corpus.add(chunk, pipeline=pipeline, indexer=make_indexer())
    cost.add_wall += time.perf_counter() - wall
    cost.add_cpu += time.process_time() - cpu
    assert summary.added == len(chunk), summary.line()


def _analyze_against_add(corpus: Corpus, n: int, tag: str) -> AddCost:
    """`corpus add` against `analyze` alone on the same new articles, in rounds."""
    pipeline = Pipeline(on_error="record")
    list(pipeline.analyze_many(real_articles(8, f"{tag}-warm")))  # load and warm up
    articles = real_articles(n, tag)
    cost = AddCost(articles=n)
    # Instrumentation of this run only: the time spent in the store's two steps.
    corpus._store = _timed(cost, corpus._store)  # type: ignore[method-assign]
    corpus._known = _timed(cost, corpus._known)  # type: ignore[method-assign]
    try:
        for number, start in enumerate(range(0, n, ROUND)):
            chunk = articles[start : start + ROUND]
            # The second analysis of the same texts profits from warm caches (spaCy's
            # vocabulary, newsprobe's memoized attributes): the order alternates.
            steps = (_alone, _added) if number % 2 == 0 else (_added, _alone)
            for step in steps:
                step(corpus, pipeline, chunk, cost)
    finally:
        del corpus._store, corpus._known  # type: ignore[attr-defined]
    return cost


def run_backend(backend: str, sizes: list[int], *, real: int, queries: int) -> list[Row]:
    rows: list[Row] = []
    indexer = make_indexer()
    with _database(backend) as (db, size_of), Corpus(db) as corpus:
        synthetic = 0
        for size in sizes:
            row = Row(backend=backend, size=size)
            bulk_end = max(synthetic, size - PER_ARTICLE)
            if INDEXER == "story":
                seconds = _grow_stories(corpus, synthetic, bulk_end)
            else:
                seconds = _grow(corpus, synthetic, bulk_end, indexer, commit_every=BULK)
            row.build_rate = (bulk_end - synthetic) / seconds if seconds else 0.0
            seconds = _grow(corpus, bulk_end, size, indexer, commit_every=COMMIT_ARTICLES)
            row.insert_rate = (size - bulk_end) / seconds
            synthetic = size
            sample = _sample(size, queries, indexer)
            if INDEXER == "story":
                sample.news = _story_sample(bulk_end, queries)
            for measure in MEASURES:
                row.latencies.update(measure(corpus, sample))
            if real and (REAL_FROM is None or size == sizes[0]):  # a file's once only
                row.add = _analyze_against_add(corpus, real, f"s{size}")
            row.megabytes = size_of()
            rows.append(row)
            _print([row])
    return rows


def _ms(samples: list[float]) -> str:
    if not samples:
        return "-"
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"{statistics.median(ordered) * 1000:.1f} / {p95 * 1000:.1f}"


def _rate(row: Row, name: str) -> str:
    cost = row.add
    return f"{cost.articles / getattr(cost, name):.2f}" if cost else "-"


def _cost(row: Row, add: str, alone: str) -> str:
    cost = row.add
    return f"{(getattr(cost, add) / getattr(cost, alone) - 1) * 100:+.1f} %" if cost else "-"


def _per_article(row: Row) -> str:
    return f"{row.add.store_wall / row.add.articles * 1000:.1f}" if row.add else "-"


def _share(row: Row) -> str:
    cost = row.add
    if cost is None:
        return "-"
    return f"{cost.store_wall / (cost.add_wall - cost.store_wall) * 100:.1f} %"


def _print(rows: list[Row]) -> None:
    header = f"{'':34}" + "".join(f"{r.backend + ' ' + f'{r.size:,}':>22}" for r in rows)
    print(header)
    lines = [
        (f"bulk build ({BULK}/commit, art./s)", lambda r: f"{r.build_rate:,.0f}"),
        ("insert, 1/commit (articles/s)", lambda r: f"{r.insert_rate:,.0f}"),
    ]
    names = sorted({name for r in rows for name in r.latencies})
    lines += [
        (
            f"{name} median / p95 (ms)",
            lambda r, n=name: _ms(r.latencies[n]) if n in r.latencies else "-",
        )
        for name in names
    ]
    lines += [
        ("analyze alone (articles/s, wall)", lambda r: _rate(r, "analyze_wall")),
        ("corpus add (articles/s, wall)", lambda r: _rate(r, "add_wall")),
        ("store cost: add/analyze, wall", lambda r: _cost(r, "add_wall", "analyze_wall")),
        ("store cost: add/analyze, CPU", lambda r: _cost(r, "add_cpu", "analyze_cpu")),
        ("time in the store (ms/article)", lambda r: _per_article(r)),
        ("store time / analysis time", lambda r: _share(r)),
        ("database size (MB)", lambda r: f"{r.megabytes:,.0f}"),
    ]
    for label, cell in lines:
        print(f"{label:34}" + "".join(f"{cell(r):>22}" for r in rows))
    print(flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes to measure at")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--real", type=int, default=120, help="articles for add vs analyze")
    parser.add_argument("--queries", type=int, default=60, help="searches and lookups per size")
    parser.add_argument(
        "--per-article",
        type=int,
        default=1_000,
        help="articles stored as corpus add stores them before each size (the insert rate)",
    )
    parser.add_argument(
        "--indexer",
        choices=("synthetic", "story"),
        default="synthetic",
        help="story: build with the StoryIndexer corpus add uses, and time cross-checks",
    )
    parser.add_argument(
        "--real-from",
        type=Path,
        help="compare add with analyze on this file's articles (at the first size only; "
        "e.g. tests/gold/corpus/dev/articles.jsonl)",
    )
    args = parser.parse_args()
    global INDEXER, REAL_FROM, PER_ARTICLE
    INDEXER = args.indexer
    PER_ARTICLE = args.per_article
    REAL_FROM = args.real_from
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows: list[Row] = []
    for backend in args.backends.split(","):
        try:
            rows += run_backend(backend, sizes, real=args.real, queries=args.queries)
        except PostgresUnavailable as exc:
            print(f"{backend}: skipped: {exc}\n")
    print("All sizes, side by side (latencies: median / 95th percentile):")
    _print(rows)


if __name__ == "__main__":
    main()
