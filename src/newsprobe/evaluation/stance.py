"""Score the stance model on FNC-1 (the Fake News Challenge stage 1 data), by its own rule.

The hold-out set is the 337 bodies of the official FNC-1 baseline split
(``baseline_holdout_body_ids.txt``), every headline paired with them; the shipped model
never saw these bodies (vocabulary and idf were fit on the 1,346 training bodies only).
The score is the official FNC-1 rule: +0.25 when related/unrelated is right, +0.75 more
for the exact stance of a related pair, reported as a share of the maximum.

Used by ``train/stance.py`` (which chooses its settings on the training bodies),
``benchmarks/stance_eval.py``, ``benchmarks/accuracy.py`` and the tests. The data lives
in ``../shared/data/fnc1`` beside the repository.

    >>> fnc_score(["agree", "unrelated"], ["discuss", "unrelated"])
    0.4
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LABELS", "Pair", "default_root", "fnc_score", "format_report", "load_split", "report"]

LABELS = ("agree", "disagree", "discuss", "unrelated")


def default_root() -> Path:
    """``../shared/data/fnc1`` beside the repository (it may be absent)."""
    return Path(__file__).resolve().parents[4] / "shared" / "data" / "fnc1"


@dataclass(frozen=True, slots=True)
class Pair:
    """One FNC-1 headline and body, with the gold stance of the body towards it."""

    headline: str
    body_id: int
    body: str
    stance: str


def load_split(data: Path | None = None) -> tuple[list[Pair], list[Pair]]:
    """(train pairs, hold-out pairs), split by body with the official baseline ids; `data`
    is the fnc1/ folder (default: `default_root()`)."""
    data = data or default_root()
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


def format_report(result: dict[str, object]) -> str:
    """`report`'s figures as a few lines of text: score, per-class figures, confusion."""
    lines = [
        f"pairs {result['pairs']}  FNC score {result['fnc_score']:.4f}  "
        f"accuracy {result['accuracy']:.4f}  macro-F1 {result['macro_f1']:.4f}"
    ]
    per_class = result["per_class"]
    assert isinstance(per_class, dict)
    for label, c in per_class.items():
        lines.append(f"  {label:10s} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}")
    confusion = result["confusion"]
    assert isinstance(confusion, dict)
    lines.append("  confusion (rows gold, columns predicted): " + " ".join(LABELS))
    for g in LABELS:
        lines.append(f"  {g:10s} " + " ".join(f"{confusion[g][p]:8d}" for p in LABELS))
    return "\n".join(lines)
