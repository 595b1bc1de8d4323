"""Train the clickbait model shipped as ``src/newsprobe/models/clickbait.{json,npz}``.

    .venv/bin/python train/clickbait.py            # train, evaluate, write the model files
    .venv/bin/python train/clickbait.py --dry-run  # train and evaluate only

Data: ``../shared/data/clickbait/headlines.jsonl`` (Chakraborty et al., ASONAM 2016, "Stop
Clickbait"; MIT). One stratified 80/20 split with a fixed seed: the model is trained on the
80 % only and every figure printed for "held-out" is on the 20 % it never saw.

Model: one linear function of two blocks, the blend of two logistic regressions.
(a) vocabulary: TF-IDF (sublinear tf, l2) of lower-cased word 1-2-grams and character
    2-5-grams (`newsprobe.analyzers.headline.form.ngrams`, shared with the runtime), pruned to
    the `TOP_K` terms with the largest |coefficient|;
(b) form: the binary devices of `headline_form.find_devices`.
A vocabulary-only model and a joint vocabulary+form model are fitted on the same terms and
their logits blended (`BLEND`). The joint model explains bait by form, which transfers
across publishers, where the vocabulary model partly learns BuzzFeed vs. NYT style; the
blend keeps the vocabulary model's in-distribution accuracy. Form weights are constrained
to be >= 0: a device of bait never counts as evidence *against* bait (the data has almost
no "?" or "!" in its bait class, which would otherwise teach the opposite).

Runtime inference is pure numpy (`newsprobe.analyzers.headline.clickbait`); scikit-learn is needed
only here.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split

from newsprobe.analyzers.headline.form import FORM_FEATURES, find_devices, form_vector, ngrams

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "clickbait" / "headlines.jsonl"
GOLD = REPO / "tests" / "gold" / "headlines.json"
OUT = REPO / "src" / "newsprobe" / "models"

SEED = 20261125  # the split and every solver use this seed; the benchmark reuses it
TEST_SIZE = 0.2
VERSION = "1"
# Calibrated on an inner 80/20 split of the training part (never the held-out 20 %), full
# vocabulary (76k terms at MIN_DF=2), accuracy on the inner validation part:
#   vocabulary only, C=8: 0.9789; C=32: 0.9794
#   joint vocabulary+form, FORM_SCALE=1, C=16: 0.9762 (scale 2 or 3, C 8-32: 0.9744-0.9762)
#   blend of logits, BLEND * vocabulary-only + (1 - BLEND) * joint:
#     BLEND=0.3: 0.9774, 0.5: 0.9776, 0.7: 0.9796  -> 0.7, the only blend that costs
#     nothing against the vocabulary-only model while keeping form weights.
# The joint model alone loses ~0.003 in-distribution (form devices fire on some NYT and
# WikiNews headlines too); the blend keeps the vocabulary model's accuracy and still gives
# form 30 % of the joint model's weight, which is what carries to other outlets (the
# composed headlines were scored for each setting; see the model card).
C_VOCAB = 32.0
C_JOINT = 16.0
FORM_SCALE = 1.0
BLEND = 0.7
# Terms kept (largest |coef| of the vocabulary-only model); both blended models are then
# fitted on these terms only, so runtime l2 normalisation matches training exactly.
TOP_K = 30_000
MIN_DF = 2


def load_rows(path: Path = DATA) -> tuple[list[str], np.ndarray]:
    """Headlines and labels of the training data."""
    headlines: list[str] = []
    labels: list[int] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            headlines.append(row["headline"])
            labels.append(int(row["clickbait"]))
    return headlines, np.asarray(labels)


def split(
    headlines: list[str], labels: np.ndarray
) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """The fixed, stratified 80/20 split (train, held-out)."""
    train_x, test_x, train_y, test_y = train_test_split(
        headlines, labels, test_size=TEST_SIZE, stratify=labels, random_state=SEED
    )
    return list(train_x), list(test_x), np.asarray(train_y), np.asarray(test_y)


@cache
def _form_row(headline: str) -> tuple[float, ...]:
    return tuple(form_vector(find_devices(headline)))


def form_matrix(headlines: list[str]) -> np.ndarray:
    """The form block (unscaled, 0/1), one row per headline."""
    return np.asarray([_form_row(h) for h in headlines], dtype=np.float64)


class Trained:
    """A fitted model in the exact shape that is shipped: one linear function."""

    def __init__(
        self,
        vectorizer: TfidfVectorizer,
        text_coef: np.ndarray,
        form_coef: np.ndarray,
        intercept: float,
    ) -> None:
        self.vectorizer = vectorizer
        self.text_coef = text_coef
        self.form_coef = form_coef  # applied to the 0/1 form block (scale folded in)
        self.intercept = intercept

    @property
    def n_terms(self) -> int:
        return len(self.vectorizer.vocabulary_)

    def logit(self, headlines: list[str]) -> np.ndarray:
        text = self.vectorizer.transform(headlines) @ self.text_coef
        return np.asarray(text + form_matrix(headlines) @ self.form_coef + self.intercept)

    def proba(self, headlines: list[str]) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-self.logit(headlines))))


def _vectorizer(vocabulary: list[str] | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer=ngrams,
        sublinear_tf=True,
        min_df=1 if vocabulary else MIN_DF,
        vocabulary=vocabulary,
        dtype=np.float64,
    )


def _lr(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=SEED)


def fit(
    headlines: list[str],
    y: np.ndarray,
    *,
    top_k: int = TOP_K,
    blend: float = BLEND,
) -> Trained:
    """Vocabulary-only and joint models on the top-`top_k` terms, blended into one.

    Form weights of the joint model are kept >= 0: a feature that comes out negative is
    dropped and the model refitted.
    """
    full = _vectorizer().fit(headlines)
    coef = _lr(C_VOCAB).fit(full.transform(headlines), y).coef_[0]
    terms = full.get_feature_names_out()
    keep = np.sort(np.argsort(-np.abs(coef), kind="stable")[:top_k])
    vectorizer = _vectorizer([str(terms[i]) for i in keep]).fit(headlines)
    text = vectorizer.transform(headlines)
    vocab = _lr(C_VOCAB).fit(text, y)
    form = form_matrix(headlines) * FORM_SCALE
    mask = np.ones(len(FORM_FEATURES))
    while True:
        joint = _lr(C_JOINT).fit(sparse.hstack([text, sparse.csr_matrix(form * mask)]).tocsr(), y)
        form_w = joint.coef_[0][len(keep) :] * mask
        if not (form_w < 0).any():
            break
        mask = np.where(form_w < 0, 0.0, mask)
    return Trained(
        vectorizer,
        blend * vocab.coef_[0] + (1 - blend) * joint.coef_[0][: len(keep)],
        (1 - blend) * form_w * FORM_SCALE,
        float(blend * vocab.intercept_[0] + (1 - blend) * joint.intercept_[0]),
    )


def scores(y: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> dict[str, float]:
    pred = (p >= threshold).astype(int)
    return {
        "accuracy": round(float(accuracy_score(y, pred)), 4),
        "f1": round(float(f1_score(y, pred)), 4),
        "precision": round(float(precision_score(y, pred, zero_division=0)), 4),
        "recall": round(float(recall_score(y, pred)), 4),
    }


def gold() -> tuple[list[str], np.ndarray]:
    rows = json.loads(GOLD.read_text(encoding="utf-8"))["headlines"]
    return [r["headline"] for r in rows], np.asarray([r["clickbait"] for r in rows])


def export(model: Trained, metrics: dict[str, object], threshold: float) -> None:
    """Write clickbait.npz (idf and coefficients) and clickbait.json (terms and the rest)."""
    np.savez_compressed(
        OUT / "clickbait.npz",
        idf=model.vectorizer.idf_.astype(np.float32),
        coef=model.text_coef.astype(np.float32),
    )
    meta = {
        "name": "clickbait",
        "version": VERSION,
        "date": "2026-11-25",
        "data": "Chakraborty et al. 2016 'Stop Clickbait' (MIT), stratified 80% split",
        "split_seed": SEED,
        "threshold": threshold,
        "intercept": round(model.intercept, 6),
        "form_features": list(FORM_FEATURES),
        "form_coef": [round(float(v), 6) for v in model.form_coef],
        "metrics": metrics,
        "terms": [str(t) for t in model.vectorizer.get_feature_names_out()],
    }
    (OUT / "clickbait.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write model files")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"training data not found: {DATA}", file=sys.stderr)
        return 1
    headlines, labels = load_rows()
    train_x, test_x, train_y, test_y = split(headlines, labels)
    gold_x, gold_y = gold()

    plain = fit(train_x, train_y, blend=1.0)
    model = fit(train_x, train_y)
    held_p = model.proba(test_x)
    # Threshold: the shipped default flags a headline at p >= 0.5 (the data are balanced and
    # the logistic output is calibrated on them; held-out precision and recall are reported
    # at this point). Chosen before looking at the composed set.
    threshold = 0.5
    metrics: dict[str, object] = {
        "held_out": {"n": len(test_y), **scores(test_y, held_p, threshold)},
        "held_out_vocabulary_only": scores(test_y, plain.proba(test_x), threshold),
        "composed": {"n": len(gold_y), **scores(gold_y, model.proba(gold_x), threshold)},
        "composed_vocabulary_only": scores(gold_y, plain.proba(gold_x), threshold),
        "terms": model.n_terms,
    }
    print(json.dumps(metrics, indent=1))
    for name, w in zip(FORM_FEATURES, model.form_coef, strict=True):
        print(f"  form {name:22s} {w:+.3f}")
    if not args.dry_run:
        export(model, metrics, threshold)
        print(f"wrote {OUT / 'clickbait.json'} and {OUT / 'clickbait.npz'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
