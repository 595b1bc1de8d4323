"""Cross-validated figures of the whole attribution analyzer on PolNeAR train.

    .venv/bin/python train/attribution_cues.py --dry-run --fold-models /tmp/folds
    .venv/bin/python train/attribution_cues_cv.py /tmp/folds [--threshold 0.35]

Each fifth of the train articles (every fifth article, as the training script folds them)
is read by the fold model fitted without it, so the learned reader never scores an
article it was trained on; the figures are the scorer's (`evaluation.polnear`) over all
840. This is how the reader's threshold was chosen (see `BETA` in `attribution_cues.py`):
the reader's own out-of-fold precision and recall say nothing of the sources, contents
and relations the analyzer finds with it. Dev is never read here.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsprobe.analyzers.attribution import cue_parts
from newsprobe.analyzers.attribution.learned import CueModel
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.evaluation.polnear import ANALYZERS, Scores, evaluate, format_figures, load_split

#: As `train/attribution_cues.py` folds the articles.
FOLDS = 5


def _use(model: CueModel) -> None:
    """Make `model` the one the analyzer reads (the shipped one is cached)."""
    CueModel.shipped = staticmethod(lambda: model)  # type: ignore[method-assign]
    cue_parts.cue_candidates.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folds", type=Path, help="the folder of attribution_cues_fold*.json")
    parser.add_argument("--threshold", type=float, default=None, help="instead of the fold's")
    parser.add_argument("--root", type=Path, default=None, help="the polnear/ folder")
    args = parser.parse_args(argv)
    articles = load_split("train", root=args.root)
    pipeline = Pipeline(list(ANALYZERS))
    scores = Scores()
    started = time.perf_counter()
    for fold in range(FOLDS):
        path = args.folds / f"attribution_cues_fold{fold}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        if args.threshold is not None:
            data["threshold"] = args.threshold
        _use(CueModel(data))
        evaluate(pipeline, [a for n, a in enumerate(articles) if n % FOLDS == fold], scores)
    elapsed = time.perf_counter() - started
    print(f"PolNeAR train, {FOLDS}-fold: {scores.articles} articles ({elapsed:.0f} s)")
    print(format_figures(scores.figures()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
