"""Score the rhetoric analyzers (sensational wording, engagement bait) on their composed
gold set (`tests/gold/spin_articles.json`): articles, sober and spun, with every
sensational span and its category and every bait span and its form; some articles were
written after the rules were tuned (`held_out`)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from newsprobe.analyzers.base import Context
from newsprobe.analyzers.rhetoric.engagement import EngagementBaitAnalyzer
from newsprobe.analyzers.rhetoric.sensational import SensationalAnalyzer
from newsprobe.document import Article
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import EngagementBaitFinding, SensationalFinding

__all__ = ["evaluate_engagement", "evaluate_sensational", "gold_span", "load_articles", "load_gold"]


def load_gold() -> dict[str, Any]:
    """The whole gold file: articles, categories and the ids held out."""
    gold: dict[str, Any] = json.loads(gold_file("spin_articles.json").read_text(encoding="utf-8"))
    return gold


def load_articles() -> list[dict[str, Any]]:
    """Every article of the gold set."""
    articles: list[dict[str, Any]] = load_gold()["articles"]
    return articles


def _article(item: Mapping[str, Any]) -> Article:
    return Article.create(headline=item["headline"], body=item["body"], language="en")


def gold_span(text: str, item: Mapping[str, Any]) -> tuple[int, int]:
    """Where an annotated surface is in the article text (its `nth` occurrence)."""
    start, end = list(re.finditer(re.escape(item["surface"]), text))[item.get("nth", 0)].span()
    return start, end


def evaluate_sensational(
    analyzer: SensationalAnalyzer, articles: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """Sensational wording: span-overlap precision and recall (and with the category
    required too), false findings per 100 words of the sober articles, and the judged
    findings (right when they overlap a gold span) for the confidence bands."""
    n_pred = n_gold = hit_pred = hit_gold = strict_pred = strict_gold = 0
    sober_false = sober_words = 0
    judged: list[Judged] = []
    for item in load_articles() if articles is None else articles:
        article = _article(item)
        text = article.text
        findings = [
            f
            for f in analyzer.analyze(Context(article=article))
            if isinstance(f, SensationalFinding)
        ]
        preds = [(f.span.start, f.span.end, f.category) for f in findings]
        golds = [(*gold_span(text, g), g["category"]) for g in item["sensational"]]

        def overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
            return a[0] < b[1] and b[0] < a[1]

        matched = [any(overlap(p, g) for g in golds) for p in preds]
        judged += [Judged(f.confidence, m) for f, m in zip(findings, matched, strict=True)]
        n_pred += len(preds)
        n_gold += len(golds)
        hit_pred += sum(matched)
        hit_gold += sum(any(overlap(p, g) for p in preds) for g in golds)
        strict_pred += sum(any(overlap(p, g) and p[2] == g[2] for g in golds) for p in preds)
        strict_gold += sum(any(overlap(p, g) and p[2] == g[2] for p in preds) for g in golds)
        if item["sober"]:
            sober_words += len(re.findall(r"[^\W\d_]+", text))
            sober_false += matched.count(False)
    return {
        "precision": hit_pred / n_pred,
        "recall": hit_gold / n_gold,
        "strict_precision": strict_pred / n_pred,
        "strict_recall": strict_gold / n_gold,
        "sober_false_per_100_words": 100 * sober_false / sober_words,
        "judged": judged,
    }


def evaluate_engagement(articles: Sequence[Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """Engagement bait: span-overlap precision and recall, recall with the form right, and
    the judged findings (right when they overlap a gold span)."""
    analyzer = EngagementBaitAnalyzer()
    n_pred = n_gold = hit_pred = hit_gold = strict = 0
    judged: list[Judged] = []
    for item in load_articles() if articles is None else articles:
        article = _article(item)
        findings = [
            f
            for f in analyzer.analyze(Context(article=article))
            if isinstance(f, EngagementBaitFinding)
        ]
        preds = [(f.span.start, f.span.end, f.form) for f in findings]
        golds = [
            (*next(re.finditer(re.escape(g["surface"]), article.text)).span(), g["form"])
            for g in item["engagement_bait"]
        ]

        def overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
            return a[0] < b[1] and b[0] < a[1]

        n_pred += len(preds)
        n_gold += len(golds)
        judged += [
            Judged(f.confidence, any(overlap(p, g) for g in golds))
            for f, p in zip(findings, preds, strict=True)
        ]
        hit_pred += sum(any(overlap(p, g) for g in golds) for p in preds)
        hit_gold += sum(any(overlap(p, g) for p in preds) for g in golds)
        strict += sum(any(overlap(p, g) and p[2] == g[2] for p in preds) for g in golds)
    return {
        "precision": hit_pred / n_pred,
        "recall": hit_gold / n_gold,
        "strict_recall": strict / n_gold,
        "judged": judged,
    }
