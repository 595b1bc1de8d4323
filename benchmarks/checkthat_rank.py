"""Check-worthiness ranking of whole debates through the analyzers (CheckThat'19, MAP).

Each of the 19 CheckThat'19 training debates is read as one article, one paragraph per
line, and ranked by `newsprobe.rank` (the claims analyzer with the analyzers it blends
in). A line's score is the highest score of the sentences in its paragraph. Printed:

- ``claims findings only``: what an analysis exposed before every sentence had a score
  (sentences under the claims threshold tie at 0, ranked in text order);
- ``full ranking``: every sentence's score (`newsprobe rank`);
- per-debate average precision for both.

    .venv/bin/python benchmarks/checkthat_rank.py [--debates N]

Needs ../shared/data/checkthat19; slow (every sentence goes through the pipeline).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "checkthat19" / "training"


def average_precision(labels: list[int], scores: list[float]) -> float:
    """AP of a ranking by score, ties broken by position (the CheckThat'19 scorer's order)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    hits, total = 0, 0.0
    for rank, i in enumerate(order, start=1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def debate_scores(path: Path) -> tuple[list[int], list[float]]:
    """(labels, full-ranking scores) of one debate's lines."""
    from newsprobe.document import Article
    from newsprobe.ranking import rank

    lines: list[tuple[str, int]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 4 and row[3].strip() in {"0", "1"}:
                lines.append((" ".join(row[2].split()), int(row[3])))
    body = "\n\n".join(text for text, _ in lines)
    article = Article.create(headline=None, body=body, language="en")
    starts, at = [], 0
    for text, _ in lines:
        at = article.text.index(text, at)
        starts.append(at)
        at += len(text)
    scores = [0.0] * len(lines)
    from bisect import bisect_right

    for sentence in rank(article):
        i = bisect_right(starts, sentence.span.start) - 1
        if i >= 0:
            scores[i] = max(scores[i], sentence.score)
    return [label for _, label in lines], scores


def evaluate(limit: int | None = None, threshold: float = 0.5) -> dict[str, object]:
    """MAP of the claims-only and the full ranking over the debates."""
    per: dict[str, tuple[float, float]] = {}
    for path in sorted(DATA.glob("*.tsv"))[:limit]:
        labels, scores = debate_scores(path)
        only = [s if s >= threshold else 0.0 for s in scores]
        per[path.stem] = (average_precision(labels, only), average_precision(labels, scores))
        only_ap, full_ap = per[path.stem]
        print(f"  {path.stem:<32} claims only {only_ap:.3f}  full {full_ap:.3f}",
              file=sys.stderr, flush=True)  # fmt: skip
    n = len(per) or 1
    return {
        "debates": len(per),
        "map_claims_only": sum(a for a, _ in per.values()) / n,
        "map_full_ranking": sum(b for _, b in per.values()) / n,
        "ap": per,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--debates", type=int, default=None, help="only the first N debates")
    args = parser.parse_args()
    if not DATA.is_dir():
        print("skipped: ../shared/data/checkthat19 not found")
        return 0
    result = evaluate(args.debates)
    only, full = result["map_claims_only"], result["map_full_ranking"]
    print(f"{result['debates']} debates: MAP claims findings only {only:.3f}, "
          f"full ranking {full:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
