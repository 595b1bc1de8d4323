"""Accuracy of the shipped clickbait model: held-out split and composed headlines.

    .venv/bin/python benchmarks/clickbait_eval.py

Scores the model inside the package (pure-numpy inference, exactly what the analyzer runs)
on the 20 % of ``../shared/data/clickbait/headlines.jsonl`` that ``train/clickbait.py``
held out (same stratified split, same seed: the shipped model never saw these rows), then
on ``tests/gold/headlines.json``, headlines composed for newsprobe across outlet styles.
The held-out part needs scikit-learn (for the split only) and ``../shared/data``.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from newsprobe.analyzers.headline.clickbait import ClickbaitModel

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "clickbait" / "headlines.jsonl"
GOLD = REPO / "tests" / "gold" / "headlines.json"


def _report(name: str, labels: list[int], probs: list[float], threshold: float) -> None:
    pred = [int(p >= threshold) for p in probs]
    tp = sum(1 for y, p in zip(labels, pred, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, pred, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, pred, strict=True) if y and not p)
    accuracy = sum(y == p for y, p in zip(labels, pred, strict=True)) / len(labels)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{name:24s} n={len(labels):5d}  accuracy={accuracy:.4f}  F1={f1:.4f}  "
        f"precision={precision:.4f}  recall={recall:.4f}"
    )


def held_out(model: ClickbaitModel, seed: int) -> None:
    if not DATA.is_file():
        print(f"held-out: skipped ({DATA} not found)")
        return
    from sklearn.model_selection import train_test_split

    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    headlines = [r["headline"] for r in rows]
    labels = [int(r["clickbait"]) for r in rows]
    _, test_x, _, test_y = train_test_split(
        headlines, labels, test_size=0.2, stratify=labels, random_state=seed
    )
    start = time.perf_counter()
    probs = [model.score(h).probability for h in test_x]
    per_headline = (time.perf_counter() - start) / len(test_x) * 1e6
    _report("held-out 20% split", list(test_y), probs, model.threshold)
    print(f"{'':24s} scoring time {per_headline:.0f} us per headline (numpy runtime)")


def composed(model: ClickbaitModel) -> None:
    rows = json.loads(GOLD.read_text(encoding="utf-8"))["headlines"]
    probs = [model.score(r["headline"]).probability for r in rows]
    labels = [int(r["clickbait"]) for r in rows]
    _report("composed headlines", labels, probs, model.threshold)
    by_style: dict[str, list[bool]] = defaultdict(list)
    for row, p in zip(rows, probs, strict=True):
        by_style[row["style"]].append(int(p >= model.threshold) == row["clickbait"])
    for style, right in sorted(by_style.items()):
        print(f"  {style:22s} {sum(right):3d}/{len(right):3d} right")
    for row, p in zip(rows, probs, strict=True):
        if int(p >= model.threshold) != row["clickbait"]:
            print(f"  miss (gold {row['clickbait']}, p={p:.2f}): {row['headline']}")


def main() -> None:
    model = ClickbaitModel.shipped()
    print(f"clickbait model v{model.version}, threshold {model.threshold}")
    held_out(model, model.split_seed)
    composed(model)


if __name__ == "__main__":
    main()
