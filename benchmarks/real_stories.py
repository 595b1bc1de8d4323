"""Story grouping on real news: FNC-1 bodies grouped by the claims they were gathered for.

    .venv/bin/python benchmarks/real_stories.py [--topics 12] [--seeds 1-5] [--sizes 5-12]

FNC-1 (``../shared/data/fnc1``) pairs real news bodies with the headline claims they were
collected for; a body related to a claim (agree, disagree or discuss) covers its story.
Bodies that share a related claim are one topic here (joined transitively), which gives
real coverage of one story by several outlets, long articles, no dates and no outlet
names, with a gold grouping nobody here wrote. For each seed, `--topics` topics of
`--sizes` bodies are drawn, their articles analysed, profiled and assigned to stories one by one as
`newsprobe corpus add` does (candidates: articles sharing a name key or an LSH band,
undated articles having no time window), and the predicted stories are scored pairwise
against the topics; then the mean over the seeds.

The composed corpus's stories are harder in one way (distractors: the same leaders at
another summit, the same place a week later, told apart by dates) and easier in another
(short articles whose leads say the same thing). These topics have easy negatives (other
stories entirely) and hard positives: long bodies whose first lines differ.

Measured 2026-12-07 (12 topics of 5-12 bodies, seeds 1-5): see benchmarks/README.md.
With the vector over the first 300 characters of the body, P 0.942 R 0.805: the lowest
same-topic pair scores fell below the join threshold (0.75) while different topics stayed
under about 0.55. Over 800 characters (`embedding.LEAD_CHARS`, tuned on seeds 11-30),
P 0.927 R 0.914: what is lost is topics about one subject merging.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from newsprobe.evaluation.stance import default_root

DATA = default_root()


def topics(data: Path) -> list[list[tuple[int, str]]]:
    """Every topic: the (body id, text) of the bodies that share a related claim."""
    csv.field_size_limit(10_000_000)
    with (data / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}
    by_claim: dict[str, set[int]] = defaultdict(set)
    with (data / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Stance"] != "unrelated":
                by_claim[row["Headline"]].add(int(row["Body ID"]))
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ids in by_claim.values():
        first, *rest = sorted(ids)
        for other in rest:
            parent[find(other)] = find(first)
    grouped: dict[int, list[int]] = defaultdict(list)
    for body in sorted(parent):
        grouped[find(body)].append(body)
    return [[(b, bodies[b]) for b in group] for group in grouped.values()]


def score_draw(chosen: Sequence[Sequence[tuple[int, str]]]) -> tuple[float, float, int, int]:
    """(precision, recall, stories, articles) of story grouping over the chosen topics."""
    import newsprobe
    from newsprobe.corpus.profile import build_profiles
    from newsprobe.document import Article
    from newsprobe.evaluation.corpus import assign_all, story_pairs

    topic_of: dict[str, int] = {}
    analyses = []
    for k, topic in enumerate(chosen):
        for body_id, text in topic:
            headline = text.strip().partition("\n")[0][:150]
            body = Article.create(
                headline=headline, body=text, url=f"https://fnc1.example/body/{body_id}"
            )
            analyses.append(newsprobe.analyze(body))
            topic_of[body.id] = k
    story_of = assign_all(build_profiles(analyses))
    predicted: dict[str, list[str]] = defaultdict(list)
    for article, story in story_of.items():
        predicted[story].append(article)
    gold: dict[int, list[str]] = defaultdict(list)
    for article, k in topic_of.items():
        gold[k].append(article)
    found, expected = story_pairs(predicted.values()), story_pairs(gold.values())
    tp = len(found & expected)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(expected) if expected else 1.0
    return precision, recall, len(predicted), len(analyses)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=12, help="how many topics per draw")
    parser.add_argument("--seeds", default="1-5", help="the draws' seeds, FIRST-LAST")
    parser.add_argument("--sizes", default="5-12", help="bodies per topic, LOW-HIGH")
    options = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"real_stories.py: no FNC-1 data at {DATA}; nothing to measure", file=sys.stderr)
        return 1
    low, _, high = options.sizes.partition("-")
    pool = [t for t in topics(DATA) if int(low) <= len(t) <= int(high or low)]
    if len(pool) < options.topics:
        print(f"real_stories.py: {len(pool)} topics of {options.sizes} bodies", file=sys.stderr)
        return 1
    first, _, last = options.seeds.partition("-")
    seeds = range(int(first), int(last or first) + 1)
    print(f"{options.topics} FNC-1 topics of {options.sizes} bodies per draw")
    scores = []
    start = time.perf_counter()
    for seed in seeds:
        chosen = random.Random(seed).sample(pool, options.topics)
        p, r, stories, articles = score_draw(chosen)
        scores.append((p, r))
        print(
            f"seed {seed}: {articles} bodies, {stories} stories: "
            f"P {p:.3f} R {r:.3f} F1 {_f1(p, r):.3f}"
        )
    mean_p = sum(p for p, _ in scores) / len(scores)
    mean_r = sum(r for _, r in scores) / len(scores)
    mean_f1 = sum(_f1(p, r) for p, r in scores) / len(scores)
    print(f"mean over {len(scores)} draws: P {mean_p:.3f} R {mean_r:.3f} F1 {mean_f1:.3f}")
    print(f"{time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
