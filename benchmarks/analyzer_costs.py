"""What each analyzer costs, as a multiple of the spaCy parse of the same articles.

    .venv/bin/python benchmarks/analyzer_costs.py [--articles 120] [--profile NAME]

Parses the articles once (timed: the baseline), then runs every built-in analyzer over
each parse in pipeline order and times each one, the shared token columns included in
whichever analyzer asks for them first. All analyzers together must stay under about
0.25x for newsprobe to keep 0.8 of spaCy's throughput on one core (see throughput.py).
``--profile NAME`` adds a cProfile of that analyzer, by own time, to find its hot spots.
Uses the same articles as throughput.py (real FNC-1 bodies when ../shared/data is there).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from types import MappingProxyType

from throughput import corpus

from newsprobe.analyzers.base import Context
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.shared.views import ParseViews
from newsprobe.document import Article
from newsprobe.findings import FindingBase
from newsprobe.nlp.parse import parse_many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--corpus", choices=["auto", "fnc1", "composed"], default="auto")
    parser.add_argument("--profile", metavar="NAME", help="cProfile this analyzer")
    parser.add_argument(
        "--sort", default="tottime", help="profile order: tottime (own time) or cumulative"
    )
    args = parser.parse_args()

    pipeline = Pipeline()
    pipeline.analyze(Article.create(headline="Warm up", body="Warm up the pipeline once."))
    articles = [
        Article.create(headline=h, body=b, language="en")
        for h, b in corpus(args.articles, args.corpus)
    ]
    start = time.perf_counter()
    docs = list(parse_many((a.text for a in articles), pipes=pipeline._pipes(articles[0])))
    parse = time.perf_counter() - start

    cost: dict[str, float] = defaultdict(float)
    profiler = cProfile.Profile() if args.profile else None
    for article, doc in zip(articles, docs, strict=True):
        found: dict[str, list[FindingBase]] = defaultdict(list)
        views = ParseViews.build(doc)  # as the pipeline does: once per document, untimed
        for analyzer in pipeline.analyzers:
            snapshot = MappingProxyType({k: tuple(v) for k, v in found.items()})
            ctx = Context(article=article, doc=doc, findings=snapshot, views=views)
            profiled = profiler is not None and analyzer.name == args.profile
            if profiled:
                profiler.enable()
            start = time.perf_counter()
            produced = pipeline._collect(analyzer, ctx, found)
            cost[analyzer.name] += time.perf_counter() - start
            if profiled:
                profiler.disable()
            for finding in produced:
                found[finding.kind].append(finding)

    print(f"{len(articles)} articles; spaCy parse {parse:.2f} s")
    for name, seconds in sorted(cost.items(), key=lambda item: -item[1]):
        print(f"  {name:<16} {seconds:6.2f} s  {seconds / parse:6.3f}x")
    total = sum(cost.values())
    print(f"  {'all analyzers':<16} {total:6.2f} s  {total / parse:6.3f}x")
    print(f"one-core throughput ratio at most {parse / (parse + total):.2f}")
    if profiler is not None:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(25)


if __name__ == "__main__":
    main()
