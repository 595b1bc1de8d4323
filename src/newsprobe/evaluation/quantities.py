"""Score the quantities analyzer on its composed gold set (`tests/gold/quantities.json`):
sentences, each with the quantities a reader finds in it (surface, dimension, value or
bounds, unit, approximation flags)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Article
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import QuantityFinding

__all__ = ["evaluate", "load_items"]


def load_items() -> list[dict[str, Any]]:
    """Every sentence of the gold set (ids h01-h25 were written after the rules)."""
    items: list[dict[str, Any]] = json.loads(
        gold_file("quantities.json").read_text(encoding="utf-8")
    )["items"]
    return items


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.01 * max(abs(a), abs(b)) or abs(a - b) < 1e-9


def _matches(f: QuantityFinding, gold: Mapping[str, Any], text: str) -> bool:
    start = text.find(gold["surface"])
    end = start + len(gold["surface"])
    return (
        f.span.start < end
        and start < f.span.end
        and f.dimension == gold["dimension"]
        and all(_close(getattr(f, k), gold[k]) for k in ("value", "lower", "upper"))
    )


def evaluate(
    pipeline: Pipeline, items: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """P/R/F1 of quantities (an overlapping span with the gold dimension and values), the
    share of matches whose unit and approximation flags are right, and the judged findings
    for the confidence bands; over `items` (default: every sentence of the gold set)."""
    if items is None:
        items = load_items()
    tp = predicted = expected = fields_ok = 0
    judged: list[Judged] = []
    for item in items:
        article = Article.create(headline=item.get("headline"), body=item["text"], language="en")
        found = [f for f in pipeline.analyze(article).findings if isinstance(f, QuantityFinding)]
        predicted += len(found)
        expected += len(item["expected"])
        unused = list(found)
        for gold in item["expected"]:
            hit = next((f for f in unused if _matches(f, gold, article.text)), None)
            if hit is not None:
                unused.remove(hit)
                tp += 1
                fields_ok += all(
                    getattr(hit, k) == gold[k] for k in ("unit", "approximate", "about")
                )
        judged += [Judged(f.confidence, all(f is not u for u in unused)) for f in found]
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "fields": fields_ok / tp if tp else 0.0, "tp": tp, "predicted": predicted,
            "expected": expected, "judged": judged}  # fmt: skip
