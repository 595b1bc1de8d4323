"""What `analyze` keeps from one record to the next: memory per 1,000 records, by holder.

    .venv/bin/python benchmarks/memory_creep.py [--records 3000] [--every 500] [--zones] [--trace]

Analyses distinct records (FNC-1 bodies from ``../shared/data``, else composed ones) with
every built-in analyzer, one stream as ``newsprobe analyze dump.jsonl`` runs it, and every
`--every` records prints the resident memory beside the sizes of what lives across
records: spaCy's string store and lexeme table (every new word form adds to both, for
the life of the process), the attribute cache's remembered token kinds (bounded, see
``nlp/attribute_cache.py``) and the timex cache. ``--zones`` runs the pipeline as the
CLI does, each batch in a spaCy memory zone. ``--trace`` adds the ten lines of code
whose allocations grew most between the first report and the last (tracemalloc; slow).

spaCy's ``len(vocab)`` counts every lexeme ever added, also those a memory zone freed,
so under ``--zones`` the lexeme column keeps rising while the string store stays flat.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FNC1 = REPO.parent / "shared" / "data" / "fnc1"


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _texts(n: int) -> Iterator[tuple[str, str]]:
    if (FNC1 / "train_bodies.csv").exists():
        with (FNC1 / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
            rows = [row["articleBody"] for row in csv.DictReader(handle)]
    else:
        rng = random.Random(7)
        words = [f"{a}{b}" for a in ("Kel", "Var", "Mor", "Tid", "Ash") for b in "aeiouyrs"]
        rows = [
            " ".join(
                f"{rng.choice(words)} said {rng.randint(1, 9999)} ferries sailed."
                for _ in range(30)
            )
            for _ in range(2_000)
        ]
    for i in range(n):
        # Past the end of the data set, numbered copies: their new words are the numbers.
        yield f"Report {i}", rows[i % len(rows)] + ("" if i < len(rows) else f" Copy {i}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--trace", action="store_true")
    parser.add_argument(
        "--zones", action="store_true", help="Pipeline(memory_zones=True), as the CLI runs it"
    )
    args = parser.parse_args()

    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.analyzers.shared import timex
    from newsprobe.document import Article
    from newsprobe.nlp.parse import load_english

    pipeline = Pipeline(memory_zones=args.zones)
    nlp = load_english()
    cache = (
        nlp.get_pipe("newsprobe_attributes") if "newsprobe_attributes" in nlp.pipe_names else None
    )
    articles = (Article.create(headline=h, body=b, language="en") for h, b in _texts(args.records))
    print(f"{'records':>8} {'RSS MB':>8} {'strings':>9} {'lexemes':>9} {'kinds':>8} {'timex':>6}")
    first = None
    for count, _ in enumerate(pipeline.analyze_many(articles), 1):
        if count % args.every == 0 or count == args.records:
            kinds = len(getattr(cache, "_kinds", {}))
            timex_size = timex._calendar_date.cache_info().currsize
            print(
                f"{count:>8} {_rss_mb():>8.0f} {len(nlp.vocab.strings):>9} "
                f"{len(nlp.vocab):>9} {kinds:>8} {timex_size:>6}",
                flush=True,
            )
            if args.trace:
                if first is None:
                    tracemalloc.start(5)
                    first = tracemalloc.take_snapshot()
                elif count == args.records:
                    diff = tracemalloc.take_snapshot().compare_to(first, "lineno")
                    for stat in diff[:10]:
                        print(stat)


if __name__ == "__main__":
    main()
