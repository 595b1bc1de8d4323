"""Score the claims analyzer on its composed gold set (`tests/gold/claims.json`): per shared
gold article, unique prefixes of the sentences that assert something checkable (`claims`)
and of opinions, questions, speculation and quoted opinion (`not_claims`). Sentences in
neither list are ambiguous and not scored.

    >>> evaluate(helpers=True)["precision"] >= 0.9  # doctest: +SKIP
    True
"""

from __future__ import annotations

import json
from typing import Any

from newsprobe.analyzers.claims.claims import ClaimsAnalyzer
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.registry import available_analyzers
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.goldset import article_of, gold_article, spans_of
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import ClaimFinding

__all__ = ["HELPERS", "evaluate", "load_gold"]

#: The analyzers whose findings the claims analyzer reads for its slots and filters
#: (those installed: every one is a built-in today).
HELPERS: tuple[str, ...] = tuple(
    name
    for name in ("entities", "quantities", "hedging", "quotes", "attribution")
    if name in available_analyzers()
)


def load_gold() -> dict[str, dict[str, list[str]]]:
    """Per article slug, its `claims` and `not_claims` sentence prefixes."""
    gold: dict[str, dict[str, list[str]]] = json.loads(
        gold_file("claims.json").read_text(encoding="utf-8")
    )["articles"]
    return gold


def evaluate(*, helpers: bool) -> dict[str, Any]:
    """Sentence-level precision, recall and F1 of claim detection, with or without the
    helper analyzers.

    Recall counts gold claim sentences touched by an emitted claim; precision counts
    emitted claims touching a gold claim against those touching a gold negative. The
    judged findings (confidence: the check-worthiness score) are the emitted claims that
    touch either list.
    """
    names: list[str | ClaimsAnalyzer] = [*HELPERS] if helpers else []
    pipeline = Pipeline([*names, ClaimsAnalyzer()], on_error="record")
    found = total = right = wrong = 0
    judged: list[Judged] = []
    for slug, wanted in load_gold().items():
        article = article_of(gold_article(slug))
        emitted = [f for f in pipeline.analyze(article).findings if isinstance(f, ClaimFinding)]
        positives = [spans_of(article, s)[0] for s in wanted["claims"]]
        negatives = [spans_of(article, s)[0] for s in wanted["not_claims"]]
        total += len(positives)
        found += sum(1 for g in positives if any(c.span.overlaps(g) for c in emitted))
        for claim in emitted:
            if any(claim.span.overlaps(g) for g in positives):
                right += 1
                judged.append(Judged(claim.confidence, True))
            elif any(claim.span.overlaps(g) for g in negatives):
                wrong += 1
                judged.append(Judged(claim.confidence, False))
    precision = right / max(1, right + wrong)
    recall = found / max(1, total)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1, "right": right,
            "wrong": wrong, "found": found, "total": total, "judged": judged}  # fmt: skip
