"""Score the events analyzer on the shared gold articles (`tests/gold/events.json`, events
annotated by reading `tests/gold/articles/`): type and span, then participants, place,
time and duration of each matched event."""

from __future__ import annotations

import json
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.goldset import article_of, find_span, gold_article
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import EntityFinding, EventFinding

__all__ = ["evaluate"]


def _name_match(one: str, other: str) -> bool:
    a, b = one.casefold(), other.casefold()
    return a in b or b in a


def _names_equal(predicted: list[str], gold: list[str]) -> bool:
    return all(any(_name_match(p, g) for p in predicted) for g in gold) and all(
        any(_name_match(p, g) for g in gold) for p in predicted
    )


def evaluate(pipeline: Pipeline) -> dict[str, Any]:
    """Event P/R/F1 (type + overlapping span), slot accuracy on matched events, and the
    judged events for the confidence bands."""
    gold_all = json.loads(gold_file("events.json").read_text(encoding="utf-8"))["articles"]
    tp = fp = fn = 0
    judged: list[Judged] = []
    slots: dict[str, list[bool]] = {"participants": [], "place": [], "time": [], "duration": []}
    for slug, gold_events in gold_all.items():
        article = article_of(gold_article(slug))
        analysis = pipeline.analyze(article)
        names = {f.id: f.canonical for f in analysis.findings if isinstance(f, EntityFinding)}
        predicted = [f for f in analysis.findings if isinstance(f, EventFinding)]
        unmatched = list(range(len(gold_events)))
        for event in predicted:
            hit = next(
                (
                    i
                    for i in unmatched
                    if gold_events[i]["type"] == event.event_type
                    and any(
                        find_span(article, m).overlaps(event.span)
                        for m in gold_events[i]["mentions"]
                    )
                ),
                None,
            )
            judged.append(Judged(event.confidence, hit is not None))
            if hit is None:
                fp += 1
                continue
            unmatched.remove(hit)
            tp += 1
            gold = gold_events[hit]
            if gold["participants"] != "?":
                found = [names.get(p, p) for p in event.participants]
                slots["participants"].append(_names_equal(found, gold["participants"]))
            if gold["place"] != "?":
                place = names.get(event.place, event.place) if event.place else None
                slots["place"].append(
                    place is None
                    if not gold["place"]
                    else place is not None and any(_name_match(place, g) for g in gold["place"])
                )
            if gold["time"] != "?":
                slots["time"].append(event.time == gold["time"])
            duration = next((f for f in analysis.findings if f.id == event.duration), None)
            value = getattr(duration, "value", None)
            slots["duration"].append(
                value is None if gold["duration"] is None else value == gold["duration"]
            )
        fn += len(unmatched)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = {k: sum(v) / len(v) if v else 0.0 for k, v in slots.items()}
    counts = {k: len(v) for k, v in slots.items()}
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
            "accuracy": accuracy, "scored": counts, "judged": judged}  # fmt: skip
