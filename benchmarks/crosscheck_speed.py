"""What cross-checking costs per article, and how it grows, without a database.

    .venv/bin/python benchmarks/crosscheck_speed.py [--repeat 5]

Times the pure functions `corpus add` and `corpus crosscheck` run around the store, on the
composed corpus's development part (`tests/gold/corpus/dev`; its articles are analysed
once, then reused):

- profile: `build_profile` of one analysed article (name keys, days, figures, MinHash and
  LSH bands, the lead vector), the encoder's cost shown apart;
- story assignment: `assign_story` of one profile against 10, 100 and 1,000 candidate
  profiles read from their JSON blobs (as the store hands them over): it grows linearly
  with the candidates the store finds, not with the corpus;
- cross-check: `crosscheck` of one article against stories of 5, 10, 20 and 40 members
  (a story's articles repeated under other outlets' names for the larger sizes): it grows
  with the story's size (pairs of articles for copies, claims times articles), not with
  the corpus.

What the store adds at 100,000 articles (candidate lookup, reading a story's analyses) is
measured by `benchmarks/corpus.py`. Timings print; nothing is asserted. The median of
`--repeat` runs is shown, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsprobe.corpus import embedding
from newsprobe.corpus.crosscheck import crosscheck
from newsprobe.corpus.profile import ArticleProfile, build_profile, build_profiles
from newsprobe.corpus.stories import Candidate, assign_story
from newsprobe.document import Analysis, Article
from newsprobe.evaluation.corpus import _analyses, load_part

REPO = Path(__file__).resolve().parents[1]


def _median_ms(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def _renamed(analysis: Analysis, n: int) -> Analysis:
    """The same article under another outlet and URL (a new article id)."""
    a = analysis.article
    article = Article.model_validate(
        a.model_dump() | {"id": f"{a.id}-{n}", "outlet": f"{a.outlet} {n}", "url": f"{a.url}?{n}"}
    )
    return analysis.model_copy(update={"article": article})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None, help="cache analyses here")
    args = parser.parse_args(argv)
    part = load_part("dev")
    analyses = _analyses(part.articles, args.cache)
    ordered = [analyses[k] for k in part.articles]
    embedding.warm_up()
    target = ordered[0]
    vector = embedding.encode([embedding.lead_text(target.article)])[0]
    lead = embedding.lead_text(target.article)
    print("profile of one article (ms)")
    print(
        f"  lead vector          {_median_ms(lambda: embedding.encode([lead]), args.repeat):7.1f}"
    )
    rest = _median_ms(lambda: build_profile(target, vector=vector), args.repeat)
    print(f"  the rest             {rest:7.1f}")
    profiles = build_profiles(ordered)
    blobs = [p.to_json() for p in profiles]
    print("story assignment of one article against N candidates read from JSON (ms)")
    for n in (10, 100, 1000):
        chosen = [blobs[i % len(blobs)] for i in range(1, n + 1)]

        def assign(chosen: list[str] = chosen) -> object:
            candidates = [
                Candidate(profile=ArticleProfile.from_json(b), story=str(i % 50))
                for i, b in enumerate(chosen)
            ]
            return assign_story(profiles[0], candidates)

        print(f"  N = {n:<5}            {_median_ms(assign, args.repeat):7.1f}")
    print("cross-check of one article against a story of N members (ms)")
    story = [analyses[k] for k in part.gold["stories"][0]["articles"]]
    for n in (5, 10, 20, 40):
        members = [story[i] if i < len(story) else _renamed(story[i % len(story)], i)
                   for i in range(n)]  # fmt: skip
        crosscheck(members[0], members)  # warm: the stance model loads once
        ms = _median_ms(lambda members=members: crosscheck(members[1], members), args.repeat)
        print(f"  N = {n:<5}            {ms:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
