"""Score the headline-body checks on their composed gold set (`tests/gold/headline_body.json`):
headline and body pairs, each with the checks that should fire (number, entity,
certainty) and the stance of the body towards the headline."""

from __future__ import annotations

import json
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Article
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import HeadlineBodyFinding

__all__ = ["CHECKS", "evaluate", "load_items"]

CHECKS = ("number", "entity", "certainty")


def load_items() -> list[dict[str, Any]]:
    """Every pair of the gold set."""
    items: list[dict[str, Any]] = json.loads(
        gold_file("headline_body.json").read_text(encoding="utf-8")
    )["items"]
    return items


def evaluate(pipeline: Pipeline) -> dict[str, Any]:
    """Stance accuracy, for each check (P, R) of whether it fires on a pair at all, and the
    judged findings: a check's finding is right when the pair has that check, a stance
    finding when its stance is the gold one."""
    items = load_items()
    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CHECKS}
    stance_right = 0
    judged: list[Judged] = []
    for item in items:
        analysis = pipeline.analyze(
            Article.create(headline=item["headline"], body=item["body"], language="en")
        )
        findings = [f for f in analysis.findings if isinstance(f, HeadlineBodyFinding)]
        found = {f.check for f in findings}
        for check in CHECKS:
            expected, got = check in item["checks"], check in found
            key = "tp" if expected and got else "fp" if got else "fn" if expected else None
            if key:
                counts[check][key] += 1
        stances = [f.stance for f in findings if f.check == "stance"]
        stance_right += stances == [item["stance"]]
        judged += [
            Judged(
                f.confidence,
                f.stance == item["stance"] if f.check == "stance" else f.check in item["checks"],
            )
            for f in findings
        ]
    result: dict[str, Any] = {"stance_accuracy": stance_right / len(items), "judged": judged}
    for check, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        result[check] = (p, r)
    return result
