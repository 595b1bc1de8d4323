"""Accuracy and speed of the shipped stance model on the FNC-1 hold-out bodies.

    .venv/bin/python benchmarks/stance_eval.py            # score + per-class F1 + speed
    .venv/bin/python benchmarks/stance_eval.py --limit 2000

Hold-out = the 337 bodies of the official FNC-1 baseline split
(``baseline_holdout_body_ids.txt``), every headline paired with them; the model never saw
these bodies (vocabulary and idf were fit on the 1,346 training bodies only). The score is
the official FNC-1 rule: +0.25 when related/unrelated is right, +0.75 more for the exact
stance of a related pair, reported as a share of the maximum.

The data loading and scoring here are also used by ``train/stance.py`` and the tests.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "fnc1"
LABELS = ("agree", "disagree", "discuss", "unrelated")


@dataclass(frozen=True, slots=True)
class Pair:
    headline: str
    body_id: int
    body: str
    stance: str


def load_split(data: Path = DATA) -> tuple[list[Pair], list[Pair]]:
    """(train pairs, hold-out pairs), split by body with the official baseline ids."""
    csv.field_size_limit(10_000_000)
    with (data / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}
    with (data / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    holdout = {
        int(line)
        for line in (data / "baseline_holdout_body_ids.txt").read_text().split()
        if line.strip()
    }
    train_ids = {
        int(line)
        for line in (data / "baseline_train_body_ids.txt").read_text().split()
        if line.strip()
    }
    train: list[Pair] = []
    test: list[Pair] = []
    for row in rows:
        body_id = int(row["Body ID"])
        pair = Pair(row["Headline"], body_id, bodies[body_id], row["Stance"])
        if body_id in holdout:
            test.append(pair)
        elif body_id in train_ids:
            train.append(pair)
    return train, test


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Official FNC-1 score as a share of the best possible score."""
    score = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
            if g != "unrelated" and g == p:
                score += 0.75
    return score / best if best else 0.0


def report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, object]:
    """Score, accuracy, per-class precision/recall/F1 and the confusion matrix."""
    confusion = {g: dict.fromkeys(LABELS, 0) for g in LABELS}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    per_class: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = confusion[label][label]
        predicted = sum(confusion[g][label] for g in LABELS)
        actual = sum(confusion[label].values())
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1}
    return {
        "fnc_score": fnc_score(gold, pred),
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / max(len(gold), 1),
        "macro_f1": sum(c["f1"] for c in per_class.values()) / len(LABELS),
        "per_class": per_class,
        "confusion": confusion,
        "pairs": len(gold),
    }


def print_report(result: dict[str, object]) -> None:
    print(f"pairs {result['pairs']}  FNC score {result['fnc_score']:.4f}  "
          f"accuracy {result['accuracy']:.4f}  macro-F1 {result['macro_f1']:.4f}")  # fmt: skip
    per_class = result["per_class"]
    assert isinstance(per_class, dict)
    for label, c in per_class.items():
        print(f"  {label:10s} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}")
    confusion = result["confusion"]
    assert isinstance(confusion, dict)
    print("  confusion (rows gold, columns predicted): " + " ".join(LABELS))
    for g in LABELS:
        print(f"  {g:10s} " + " ".join(f"{confusion[g][p]:8d}" for p in LABELS))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pairs")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no data at {DATA}", file=sys.stderr)
        return 1
    from newsprobe.analyzers.headline.stance import (
        MODEL_VERSION,
        STANCES,
        decide,
        stance,
        stance_many,
    )

    _, test = load_split()
    if args.limit:
        test = test[: args.limit]
    start = time.perf_counter()
    probs = stance_many((p.headline, p.body) for p in test)
    batch_ms = 1000 * (time.perf_counter() - start) / len(test)
    gold = [p.stance for p in test]
    print(f"stance model v{MODEL_VERSION} on the FNC-1 hold-out bodies; argmax:")
    print_report(report(gold, [max(STANCES, key=p.__getitem__) for p in probs]))
    print("with newsprobe.analyzers.headline.stance.decide (the label the analyzer acts on):")
    print_report(report(gold, [decide(p) for p in probs]))
    sample = test[:: max(1, len(test) // 500)]
    stance(sample[0].headline, sample[0].body)  # load outside the timing
    # CPU time as well as wall time: on a shared machine the wall clock mostly measures
    # the other processes.
    start, cpu = time.perf_counter(), time.process_time()
    for p in sample:
        stance(p.headline, p.body)
    single_ms = 1000 * (time.perf_counter() - start) / len(sample)
    single_cpu_ms = 1000 * (time.process_time() - cpu) / len(sample)
    mean_chars = sum(len(p.body) for p in sample) / len(sample)
    print(f"speed, one pair at a time ({len(sample)} pairs, bodies {mean_chars:.0f} chars on "
          f"average): {single_ms:.2f} ms wall, {single_cpu_ms:.2f} ms CPU per pair; "
          f"stance_many over the whole set: {batch_ms:.2f} ms wall per pair")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
