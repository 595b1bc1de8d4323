"""Train the learned cue reader shipped as ``src/newsprobe/models/attribution_cues.json``.

    .venv/bin/python train/attribution_cues.py                 # train, evaluate, write
    .venv/bin/python train/attribution_cues.py --dry-run       # train and evaluate only
    .venv/bin/python train/attribution_cues.py --limit 300     # on a sample of articles
    .venv/bin/python train/attribution_cues.py --docs train.spacy  # parses saved before

Data: PolNeAR train (``../shared/data/polnear/train``; Newell, Margolin & Ruths, LREC
2018). Dev is never read here: it is where the analyzer is scored
(``python -m newsprobe.evaluation.polnear --split dev``).

Examples: every verb with a subject (found as the attribution analyzer finds it,
`subject_of`) whose lemma is neither a verb of saying nor in the cue lexicon: those are
the rules' business; and (v5) the verbs of saying and of the cue lexicon that the rules
(`read_cue`) turn away, where `second_subject` lets the second reading ask. A verb is a
positive example when a gold cue covers it and the gold source of that attribution
matches the subject's description (token Dice >= 0.5). The threshold is chosen on the
first kind alone and shared; the second reading's figures are printed per threshold.

Model: L2 logistic regression over the binary features of
`newsprobe.analyzers.attribution.learned.features`. The threshold is set by 5-fold
cross-validation over articles (every fifth article a fold): the out-of-fold
probabilities of all folds pooled, the threshold with the best F-beta (`BETA`: 0.75) among
0.20-0.80 whose precision is at least `MIN_PRECISION` is the one shipped; then the
model is refitted on all articles. Only lemmas with at least `MIN_POSITIVES` positive
examples are asked at run time (the rest never fire and cost nothing). Weights under
`PRUNE` in absolute value are dropped, as are the features of lemmas never asked.
scikit-learn is needed only here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support

from newsprobe.analyzers.attribution.attribution import AttributionAnalyzer
from newsprobe.analyzers.attribution.cue_parts import QUOTE_MARKS, subject_of
from newsprobe.analyzers.attribution.cue_rules import read_cue, ruled, second_subject
from newsprobe.analyzers.attribution.cues import description
from newsprobe.analyzers.attribution.learned import features
from newsprobe.analyzers.shared.tokens import columns
from newsprobe.evaluation.polnear import (
    MATCH_DICE,
    _OffsetMap,
    _Tokens,
    article_for,
    dice,
    load_split,
)
from newsprobe.nlp.parse import load_english, parse_many, pipes_for

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc

MODEL = Path(__file__).resolve().parents[1] / "src" / "newsprobe" / "models"
#: A lemma is asked at run time only with this many positive examples in train: one
#: example is as likely an annotator's quirk as a cue verb.
MIN_POSITIVES = 2
#: Inverse regularisation; 0.3, 1 and 3 were tried on the 20 % split, 1 was best.
C = 1.0
#: Thresholds tried by cross-validation; the one with the best F-beta is shipped.
THRESHOLDS = tuple(step / 100 for step in range(20, 81, 5))
#: The threshold is the F-beta-best one: precision weighs more than recall because the
#: reader's cues ("other") are actions as often as views, and a false one gives an article
#: a source it does not have (on our composed news, 0.25 read "the bank raised its rate"
#: and "the bowler hit a century" as attributions in v3). v5 shipped F0.5 under a
#: precision floor of 0.69 (0.45). v6 sets beta by what the analyzer scores: with the
#: fold models (`--fold-models`, `train/attribution_cues_cv.py`), 5-fold CV of the whole
#: analyzer on PolNeAR train (840) gave, at thresholds 0.45 / 0.35 / 0.30 / 0.25, source
#: F1 .740 / .746 / .748 / .747, content-token F1 .807 / .810 / .809 / .809, relation F1
#: .662 / .664 / .663 / .661: 0.35 is best on two of three and within .002 on the third.
#: F0.75 is the beta whose best threshold on the reader's own pooled out-of-fold figures
#: is 0.35 (F0.5: 0.40; F1: 0.25).
BETA = 0.75
#: The threshold is chosen among those whose cross-validated precision is at least this
#: (v4-v5: 0.69, which held the threshold at 0.45); 0.60 keeps out the F1-best 0.25 and
#: 0.30 (reader precision .55-.59).
MIN_PRECISION = 0.60
#: Folds of the cross-validation (by article: every `FOLDS`-th article is one fold).
FOLDS = 5
#: Weights smaller than this change no decision at the threshold; dropped to keep the file
#: small.
PRUNE = 0.01


def _parses(texts: list[str], saved: Path | None) -> Iterator[Doc]:
    """The parses of `texts`: read from a spaCy DocBin saved before (in the same order),
    else parsed here as the analyzer parses."""
    if saved is None:
        yield from parse_many(texts, pipes=pipes_for(AttributionAnalyzer.requires))
        return
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(saved).get_docs(load_english().vocab))
    if [d.text for d in docs] != texts:
        raise SystemExit(f"{saved} does not hold the parses of these articles")
    yield from docs


def examples(
    limit: int | None, saved: Path | None = None
) -> tuple[list[list[str]], list[int], list[str], list[int]]:
    """(features, labels, lemmas, article index) of every candidate verb in train."""
    articles = load_split("train", limit=limit)
    built = [article_for(a) for a in articles]
    rows: list[list[str]] = []
    labels: list[int] = []
    lemmas: list[str] = []
    groups: list[int] = []
    for n, (item, article, doc) in enumerate(
        zip(articles, built, _parses([a.text for a in built], saved), strict=True)
    ):
        back = _OffsetMap(article.text, item.text)
        tokens = _Tokens(item.text)
        gold = [(g.cue, tokens.of(g.source)) for g in item.attributions if g.source and g.cue]
        cols = columns(doc)
        for token in doc:
            if token.pos_ not in {"VERB", "AUX"}:
                continue
            lemma = token.lemma_.lower()
            subject = subject_of(cols, token)
            if subject is None:
                continue
            if ruled(lemma):
                # The rules' cue words, where the rules turn them away: the second
                # reading's examples (v5), as `attribution.second_reading` asks.
                sentence = token.sent
                quoted = not QUOTE_MARKS.isdisjoint(cols.text[sentence.start : sentence.end])
                if read_cue(cols, token, quoted) is not None:
                    continue
                subject = second_subject(cols, token, quoted)
                if subject is None:
                    continue
            whole = description(subject)
            start = back(whole.start_char)
            end = back(whole.end_char)
            source = tokens.of(((start, end),))
            at = back(token.idx)
            positive = any(
                any(a <= at < b for a, b in cue) and dice(source, gold_source) >= MATCH_DICE
                for cue, gold_source in gold
            )
            rows.append(features(token, subject))
            labels.append(int(positive))
            lemmas.append(lemma)
            groups.append(n)
        if (n + 1) % 50 == 0:
            print(f"{n + 1}/{len(articles)} articles parsed", file=sys.stderr)
    print(file=sys.stderr)
    return rows, labels, lemmas, groups


def _asked(feature: str, asked: set[str]) -> bool:
    """Whether a feature can fire at run time: one naming a lemma only for asked lemmas."""
    if not feature.startswith("lemma"):
        return True
    value = feature.split("=", 1)[1]
    return value in asked or value.split("_", 1)[0] in asked


def fit(rows: list[list[str]], labels: list[int]) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(r, 1) for r in rows])
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(x, labels)
    return vectorizer, model


def cross_validated(
    rows: list[list[str]], labels: list[int], lemmas: list[str], groups: list[int], asked: set[str]
) -> tuple[float, dict[float, tuple[float, float, float]]]:
    """The F-beta-best threshold (`BETA`) and (P, R, F1) at each of `THRESHOLDS`, from
    the pooled out-of-fold probabilities of the asked lemmas' verbs."""
    gold: list[int] = []
    probs: list[float] = []
    second: list[bool] = []  # a verb the rules turned away (the second reading's)
    for fold in range(FOLDS):
        fit_on = [i for i, g in enumerate(groups) if g % FOLDS != fold]
        held = [i for i, g in enumerate(groups) if g % FOLDS == fold and lemmas[i] in asked]
        vectorizer, model = fit([rows[i] for i in fit_on], [labels[i] for i in fit_on])
        x = vectorizer.transform([dict.fromkeys(rows[i], 1) for i in held])
        probs.extend(float(p[1]) for p in model.predict_proba(x))
        gold.extend(labels[i] for i in held)
        second.extend(ruled(lemmas[i]) for i in held)
    for threshold in THRESHOLDS:
        hits = [(y, p >= threshold) for y, p, r in zip(gold, probs, second, strict=True) if r]
        tp = sum(1 for y, yes in hits if y and yes)
        said = sum(1 for _, yes in hits if yes)
        print(
            f"  second reading at {threshold:.2f}: {tp} of {sum(y for y, _ in hits)} cues,"
            f" {said - tp} false",
            file=sys.stderr,
        )
    # The threshold is chosen on the first reading's verbs alone, as for v4: the second
    # reading's (v5) shares it, and its figures are printed above.
    first = [(y, p) for y, p, r in zip(gold, probs, second, strict=True) if not r]
    table: dict[float, tuple[float, float, float]] = {}
    for threshold in THRESHOLDS:
        p, r, f, _ = precision_recall_fscore_support(
            [y for y, _ in first],
            [int(p >= threshold) for _, p in first],
            average="binary",
            zero_division=0,
        )
        table[threshold] = (float(p), float(r), float(f))

    def fbeta(t: float) -> float:
        p, r, _ = table[t]
        return (1 + BETA**2) * p * r / (BETA**2 * p + r) if p + r else 0.0

    allowed = [t for t in table if table[t][0] >= MIN_PRECISION] or list(table)
    best = max(allowed, key=lambda t: (fbeta(t), t))
    return best, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write the model")
    parser.add_argument("--limit", type=int, default=None, help="a sample of N articles")
    parser.add_argument("--docs", type=Path, default=None, help="a DocBin of the parses")
    parser.add_argument(
        "--fold-models", type=Path, default=None, help="also write one model per fold here"
    )
    args = parser.parse_args(argv)
    rows, labels, lemmas, groups = examples(args.limit, args.docs)
    positives = Counter(lemma for lemma, y in zip(lemmas, labels, strict=True) if y)
    asked = {lemma for lemma, count in positives.items() if count >= MIN_POSITIVES}
    print(f"{len(rows)} candidate verbs, {sum(labels)} cues; {len(asked)} lemmas asked")
    threshold, table = cross_validated(rows, labels, lemmas, groups, asked)
    for t, (p, r, f) in table.items():
        print(f"  {t:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    p, r, f = table[threshold]
    print(
        f"{FOLDS}-fold cross-validated, asked lemmas: P {p:.3f} R {r:.3f} F1 {f:.3f} at {threshold}"
    )
    if args.fold_models is not None:
        # One model per fold, fitted without it: the analyzer's cross-validated figures
        # on train (each article read by the model that never saw it).
        args.fold_models.mkdir(parents=True, exist_ok=True)
        for fold in range(FOLDS):
            fit_on = [i for i, g in enumerate(groups) if g % FOLDS != fold]
            vec, mod = fit([rows[i] for i in fit_on], [labels[i] for i in fit_on])
            folded = _data(vec, mod, asked, threshold, len(set(groups)), (p, r, f))
            path = args.fold_models / f"attribution_cues_fold{fold}.json"
            path.write_text(json.dumps(folded) + "\n", encoding="utf-8")
        print(f"wrote {FOLDS} fold models to {args.fold_models}")
    vectorizer, model = fit(rows, labels)
    data = _data(vectorizer, model, asked, threshold, len(set(groups)), (p, r, f))
    if args.dry_run:
        print(f"dry run: {len(data['weights'])} weights not written")
        return 0
    path = MODEL / "attribution_cues.json"
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(data['weights'])} weights)")
    return 0


def _data(
    vectorizer: DictVectorizer,
    model: LogisticRegression,
    asked: set[str],
    threshold: float,
    articles: int,
    figures: tuple[float, float, float],
) -> dict[str, Any]:
    """The model file's contents."""
    p, r, f = figures
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= PRUNE and _asked(name, asked)
    }
    data = {
        "name": "attribution_cues",
        "version": "8",
        "trained_on": f"PolNeAR train ({articles} articles)",
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 4),
        "lemmas": sorted(lemma for lemma in asked if not ruled(lemma)),
        "ruled_lemmas": sorted(lemma for lemma in asked if ruled(lemma)),
        "weights": dict(sorted(weights.items())),
        "cross_validated": {
            "folds": FOLDS,
            "threshold": threshold,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
        },
    }
    return data


if __name__ == "__main__":
    raise SystemExit(main())
