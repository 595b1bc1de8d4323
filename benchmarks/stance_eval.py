"""Accuracy and speed of the shipped stance model on the FNC-1 hold-out bodies.

    .venv/bin/python benchmarks/stance_eval.py            # score + per-class F1 + speed
    .venv/bin/python benchmarks/stance_eval.py --limit 2000

Hold-out = the 337 bodies of the official FNC-1 baseline split
(``baseline_holdout_body_ids.txt``), every headline paired with them; the model never saw
these bodies (vocabulary and idf were fit on the 1,346 training bodies only). The score is
the official FNC-1 rule: +0.25 when related/unrelated is right, +0.75 more for the exact
stance of a related pair, reported as a share of the maximum.

The data loading and scoring are `newsprobe.evaluation.stance`'s, shared with
``train/stance.py``, ``benchmarks/accuracy.py`` and the tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from newsprobe.evaluation.stance import default_root, format_report, load_split, report

DATA = default_root()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pairs")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no data at {DATA}", file=sys.stderr)
        return 1
    from newsprobe.analyzers.headline.stance import (
        MODEL_VERSION,
        STANCES,
        decide,
        stance,
        stance_many,
    )

    _, test = load_split()
    if args.limit:
        test = test[: args.limit]
    start = time.perf_counter()
    probs = stance_many((p.headline, p.body) for p in test)
    batch_ms = 1000 * (time.perf_counter() - start) / len(test)
    gold = [p.stance for p in test]
    print(f"stance model v{MODEL_VERSION} on the FNC-1 hold-out bodies; argmax:")
    print(format_report(report(gold, [max(STANCES, key=p.__getitem__) for p in probs])))
    print("with newsprobe.analyzers.headline.stance.decide (the label the analyzer acts on):")
    print(format_report(report(gold, [decide(p) for p in probs])))
    sample = test[:: max(1, len(test) // 500)]
    stance(sample[0].headline, sample[0].body)  # load outside the timing
    # CPU time as well as wall time: on a shared machine the wall clock mostly measures
    # the other processes.
    start, cpu = time.perf_counter(), time.process_time()
    for p in sample:
        stance(p.headline, p.body)
    single_ms = 1000 * (time.perf_counter() - start) / len(sample)
    single_cpu_ms = 1000 * (time.process_time() - cpu) / len(sample)
    mean_chars = sum(len(p.body) for p in sample) / len(sample)
    print(f"speed, one pair at a time ({len(sample)} pairs, bodies {mean_chars:.0f} chars on "
          f"average): {single_ms:.2f} ms wall, {single_cpu_ms:.2f} ms CPU per pair; "
          f"stance_many over the whole set: {batch_ms:.2f} ms wall per pair")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
