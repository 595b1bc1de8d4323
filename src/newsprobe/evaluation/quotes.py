"""Score the quotes analyzer on its composed gold set (`tests/gold/quotes.json`): for each
gold article (in `tests/gold/articles/`), its quotations with their speakers and its scare
quotes; quotes marked optional may be read either way and count for neither side."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.goldset import article_of, find_span, gold_article
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import QuoteFinding, ScareQuoteFinding

__all__ = ["gold_scores", "judged_quotes", "speaker_ok"]


@cache
def _pipeline(with_entities: bool = True) -> Pipeline:
    return Pipeline(["entities", "quotes"] if with_entities else ["quotes"])


def speaker_ok(predicted: str | None, gold: str | list[str]) -> bool:
    """Equal, or the gold surname contained; a description must be contained whole."""
    if not predicted:
        return False
    guess = predicted.casefold()
    for wanted in [gold] if isinstance(gold, str) else gold:
        words = wanted.split()
        is_name = all(w[:1].isupper() for w in words if w.lower() not in ("of", "for", "and"))
        if guess == wanted.casefold() or (
            words[-1].casefold() in guess if is_name else wanted.casefold() in guess
        ):
            return True
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_scores(*, with_entities: bool = True) -> dict[str, tuple[float, float, float]]:
    """P/R/F1 of quote detection, quote-with-speaker and scare quotes on the gold set."""
    counts, _ = _score(with_entities)
    return {k: _prf(*v) for k, v in counts.items()}


def judged_quotes(*, with_entities: bool = True) -> dict[str, list[Judged]]:
    """The judged findings for the confidence bands: `quote` (a quotation found, right when
    it is a gold one with the gold speaker) and `scare` (right when it is a gold one)."""
    return _score(with_entities)[1]


@cache
def _score(with_entities: bool) -> tuple[dict[str, list[int]], dict[str, list[Judged]]]:
    data: dict[str, Any] = json.loads(gold_file("quotes.json").read_text(encoding="utf-8"))[
        "articles"
    ]
    counts = {k: [0, 0, 0] for k in ("quote", "speaker", "scare")}  # tp, predicted, gold
    judged: dict[str, list[Judged]] = {"quote": [], "scare": []}
    for slug, wanted in data.items():
        article = article_of(gold_article(slug))
        analysis = _pipeline(with_entities).analyze(article)
        for kind, cls, key in (
            ("quote", QuoteFinding, "quotes"),
            ("scare", ScareQuoteFinding, "scare_quotes"),
        ):
            golds = [(find_span(article, g["first"]), g) for g in wanted.get(key, [])]
            optional = [
                find_span(article, g["first"])
                for g in wanted.get("quotes", []) + wanted.get("scare_quotes", [])
                if g.get("optional")
            ]  # either reading is fine: neither counted nor penalized
            golds = [(s, g) for s, g in golds if not g.get("optional")]
            preds = [
                f for f in analysis.findings
                if isinstance(f, cls) and not any(f.span.overlaps(o) for o in optional)
            ]  # fmt: skip
            used: set[int] = set()
            right: set[int] = set()
            tp = tp_speaker = 0
            for span, g in golds:
                match = next(
                    (i for i, f in enumerate(preds) if i not in used and f.span.overlaps(span)),
                    None,
                )
                if match is None:
                    continue
                used.add(match)
                tp += 1
                pred = preds[match]
                if isinstance(pred, QuoteFinding) and speaker_ok(pred.speaker, g["speaker"]):
                    tp_speaker += 1
                    right.add(match)
                elif isinstance(pred, ScareQuoteFinding):
                    right.add(match)
            judged[kind] += [Judged(f.confidence, i in right) for i, f in enumerate(preds)]
            counts[kind][0] += tp
            counts[kind][1] += len(preds)
            counts[kind][2] += len(golds)
            if kind == "quote":
                counts["speaker"][0] += tp_speaker
                counts["speaker"][1] += len(preds)
                counts["speaker"][2] += len(golds)
    return counts, judged
