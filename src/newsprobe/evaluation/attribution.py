"""Score attribution and sourcing on their composed gold set (`tests/gold/attribution.json`):
for each gold article (in `tests/gold/articles/`), the sentences that attribute what they
report (the source's name and the types it may take) and those that attribute nothing,
and the sourcing verdict with the outlets it names."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Analysis
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.goldset import article_of, find_span, gold_article
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import AttributionFinding, SourcingFinding

__all__ = ["analyze", "judged", "load_gold", "score", "sourcing_right"]


def load_gold() -> dict[str, dict[str, Any]]:
    """Gold article slug -> its attributed and unattributed sentences and sourcing."""
    gold: dict[str, dict[str, Any]] = json.loads(
        gold_file("attribution.json").read_text(encoding="utf-8")
    )
    gold.pop("_format", None)
    return gold


def analyze(pipeline: Pipeline, gold: Mapping[str, Any] | None = None) -> dict[str, Analysis]:
    """The analysis of every gold article by `pipeline`, by slug."""
    slugs = gold if gold is not None else load_gold()
    return {slug: pipeline.analyze(article_of(gold_article(slug))) for slug in slugs}


def score(
    analyses: Mapping[str, Analysis], gold: Mapping[str, Any] | None = None
) -> dict[str, float]:
    """Sentence level: a gold sentence is right when an attribution on it has a gold type
    and (when the gold names one) a source containing the gold name; a sentence the gold
    leaves unattributed that gets an attribution is spurious."""
    if gold is None:
        gold = load_gold()
    right = wrong_type = missed = spurious = 0
    for slug, entries in gold.items():
        analysis = analyses[slug]
        found = [f for f in analysis.findings if isinstance(f, AttributionFinding)]
        for entry in entries["attributed"]:
            where = find_span(analysis.article, entry["sentence"])
            here = [f for f in found if f.span.contains(where)]
            if not here:
                missed += 1
            elif any(
                f.source_type in entry["types"]
                and entry["source"].lower() in (f.source or "").lower()
                for f in here
            ):
                right += 1
            else:
                wrong_type += 1
        for sentence in entries["none"]:
            where = find_span(analysis.article, sentence)
            spurious += any(f.span.contains(where) for f in found)
    total = right + wrong_type + missed
    predicted = right + wrong_type + spurious
    precision = right / predicted if predicted else 1.0
    recall = right / total if total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "right": right,
        "wrong_source": wrong_type,
        "missed": missed,
        "spurious": spurious,
    }


def sourcing_right(analyses: Mapping[str, Analysis], gold: Mapping[str, Any] | None = None) -> int:
    """How many gold articles get exactly the gold sourcing verdict and outlets."""
    if gold is None:
        gold = load_gold()
    right = 0
    for slug, analysis in analyses.items():
        want = gold[slug]["sourcing"]
        found = [f for f in analysis.findings if isinstance(f, SourcingFinding)]
        right += [(f.verdict, f.outlets) for f in found] == [(want["verdict"], want["outlets"])]
    return right


def judged(analyses: Mapping[str, Analysis], gold: Mapping[str, Any] | None = None) -> list[Judged]:
    """The attributions on annotated sentences, for the confidence bands: right when the
    gold sentence is attributed and the finding has a gold type and source, wrong when it
    has not or the gold leaves the sentence unattributed (other findings are not judged)."""
    if gold is None:
        gold = load_gold()
    out: list[Judged] = []
    for slug, entries in gold.items():
        analysis = analyses[slug]
        found = [f for f in analysis.findings if isinstance(f, AttributionFinding)]
        for entry in entries["attributed"]:
            where = find_span(analysis.article, entry["sentence"])
            out += [
                Judged(
                    f.confidence,
                    f.source_type in entry["types"]
                    and entry["source"].lower() in (f.source or "").lower(),
                )
                for f in found
                if f.span.contains(where)
            ]
        for sentence in entries["none"]:
            where = find_span(analysis.article, sentence)
            out += [Judged(f.confidence, False) for f in found if f.span.contains(where)]
    return out
