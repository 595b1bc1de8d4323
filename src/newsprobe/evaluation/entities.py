"""Score the entities analyzer on its composed gold set (`tests/gold/entities.json`):
passages with each entity's canonical name, every mention, label and role."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Article
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import EntityFinding

__all__ = ["Scores", "evaluate", "load_passages"]

# The gold set's label classes: spaCy's place labels are one class, rare kinds another.
_CLASS = {
    "GPE": "PLACE",
    "LOC": "PLACE",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "WORK_OF_ART": "OTHER",
}


def load_passages() -> list[dict[str, Any]]:
    """Every passage of the gold set, with its split (dev or heldout)."""
    passages: list[dict[str, Any]] = json.loads(
        gold_file("entities.json").read_text(encoding="utf-8")
    )["passages"]
    return passages


@dataclass
class Scores:
    """Clusters (an entity with exactly the gold mentions), mentions, labels and roles;
    the misses, one line each; the judged entities for the confidence bands."""

    cluster_p: float
    cluster_r: float
    cluster_f1: float
    mention_p: float
    mention_r: float
    label_acc: float
    role_acc: float
    misses: list[str]
    judged: list[Judged]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(split: str | None = None) -> Scores:
    """Cluster and mention precision/recall over the gold passages (one split, or all)."""
    pipeline = Pipeline(["entities"])
    gold = [p for p in load_passages() if split is None or p["split"] == split]
    right = n_pred = n_gold = 0
    m_hit = m_pred = m_gold = 0
    labels_ok = roles_ok = roles_total = 0
    misses: list[str] = []
    judged: list[Judged] = []
    for passage in gold:
        article = Article.create(headline=passage["headline"], body=passage["body"], language="en")
        analysis = pipeline.analyze(article)
        found = [f for f in analysis.findings if isinstance(f, EntityFinding)]
        predicted = [
            (f.canonical, Counter(analysis.article.slice(s) for s in f.mentions), f) for f in found
        ]
        expected: list[dict[str, Any]] = passage["entities"]
        n_pred += len(predicted)
        n_gold += len(expected)
        unmatched = list(predicted)
        for entity in expected:
            want = Counter(entity["mentions"])
            hit = next((p for p in unmatched if p[0] == entity["canonical"] and p[1] == want), None)
            if hit is None:
                misses.append(f"{passage['id']}: missed {entity['canonical']} {entity['mentions']}")
                continue
            unmatched.remove(hit)
            right += 1
            labels_ok += _CLASS.get(hit[2].label, hit[2].label) == entity["label"]
            if entity["role"] is not None or hit[2].role is not None:
                roles_total += 1
                roles_ok += hit[2].role == entity["role"]
                if hit[2].role != entity["role"]:
                    misses.append(f"{passage['id']}: role {hit[2].role!r} != {entity['role']!r}")
        misses += [f"{passage['id']}: spurious {p[0]} {sorted(p[1].elements())}" for p in unmatched]
        judged += [Judged(p[2].confidence, all(p is not u for u in unmatched)) for p in predicted]
        gold_mentions = Counter(m for e in expected for m in e["mentions"])
        pred_mentions: Counter[str] = Counter()
        for p in predicted:
            pred_mentions += p[1]
        m_hit += sum((gold_mentions & pred_mentions).values())
        m_pred += sum(pred_mentions.values())
        m_gold += sum(gold_mentions.values())
    cp, cr = right / max(n_pred, 1), right / max(n_gold, 1)
    mp, mr = m_hit / max(m_pred, 1), m_hit / max(m_gold, 1)
    return Scores(
        cp, cr, _f1(cp, cr), mp, mr, labels_ok / max(right, 1),
        roles_ok / max(roles_total, 1), misses, judged,
    )  # fmt: skip
