"""Score the shipped clickbait model on the composed headlines (`tests/gold/headlines.json`):
headlines written for newsprobe across outlet styles, each labelled clickbait or not.

The held-out split of the public Stop Clickbait data is scored by
`benchmarks/clickbait_eval.py` and `benchmarks/accuracy.py` (it needs `../shared/data`).

    >>> from newsprobe.analyzers.headline.clickbait import ClickbaitModel
    >>> evaluate(ClickbaitModel.shipped())["accuracy"] >= 0.9  # doctest: +SKIP
    True
"""

from __future__ import annotations

import json
from typing import Any

from newsprobe.analyzers.headline.clickbait import ClickbaitModel
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.paths import gold_file

__all__ = ["evaluate", "load_headlines"]


def load_headlines() -> list[dict[str, Any]]:
    """Every composed headline (`headline`, `clickbait` 0/1, `style`)."""
    rows: list[dict[str, Any]] = json.loads(
        gold_file("headlines.json").read_text(encoding="utf-8")
    )["headlines"]
    return rows


def evaluate(model: ClickbaitModel) -> dict[str, Any]:
    """Accuracy, precision, recall and F1 at the model's threshold, the share of clickbait
    in the set, and the judged findings: each headline the analyzer would flag, with its
    probability as the confidence, right when the label is clickbait."""
    rows = load_headlines()
    labels = [int(r["clickbait"]) for r in rows]
    probs = [model.score(r["headline"]).probability for r in rows]
    flagged = [int(p >= model.threshold) for p in probs]
    tp = sum(1 for y, f in zip(labels, flagged, strict=True) if y and f)
    fp = sum(1 for y, f in zip(labels, flagged, strict=True) if f and not y)
    fn = sum(1 for y, f in zip(labels, flagged, strict=True) if y and not f)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    judged = [
        Judged(round(p, 4), bool(y)) for p, y, f in zip(probs, labels, flagged, strict=True) if f
    ]
    return {
        "accuracy": sum(y == f for y, f in zip(labels, flagged, strict=True)) / len(rows),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "n": len(rows),
        "clickbait_share": sum(labels) / len(labels),
        "judged": judged,
    }
