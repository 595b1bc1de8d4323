"""The assessment on every composed article: the figures its thresholds were set from.

    .venv/bin/python benchmarks/assessment_calibration.py [--figures]

Runs every analyzer and the assessment over the composed articles and prints, per
article, the rating and each criterion's outcome (P pass, W warn, F fail, - not
applicable), then the ratings of sober and sensational copy side by side:

- ``gold``: the 32 articles of ``tests/gold/articles/`` (their ``kind`` says the genre);
- ``spin-dev``: the 41 development articles of ``tests/gold/spin_articles.json``;
- ``spin-heldout``: its 8 held-out articles, not read while the thresholds were set;
- ``assess``: the articles of ``tests/assess/articles.json``, written after the thresholds
  were set (wire copy and tabloid retellings of the same invented events).

``criteria.toml`` says which figures each threshold came from. With ``--figures`` each
criterion's figure is printed too. Last, the CPU time of the assessment and of the HTML
report per article. Takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Analysis, Article
from newsprobe.evaluation.goldset import article_of, load_articles

REPO = Path(__file__).resolve().parents[1]

SPIN = REPO / "tests" / "gold" / "spin_articles.json"
ASSESS = REPO / "tests" / "assess" / "articles.json"
_LETTER = {"pass": "P", "warn": "W", "fail": "F", "not_applicable": "-"}
# Genres of tests/gold/articles/ that are straight reporting ("sober") and those written
# to show spin; the rest (opinion, interview, aggregation...) are reported but not paired.
_GOLD_SOBER = {"wire", "court", "election", "agreement", "disaster", "crime", "council"}
_GOLD_SPIN = {"tabloid", "rhetorical-inference", "headline-mismatch"}


@dataclass(frozen=True)
class Case:
    part: str
    key: str
    label: str  # "sober", "spin" or "" (not paired)
    article: Article


def _cases() -> list[Case]:
    cases = []
    for gold in load_articles():
        label = "sober" if gold.kind in _GOLD_SOBER else "spin" if gold.kind in _GOLD_SPIN else ""
        cases.append(Case("gold", gold.slug, label, article_of(gold)))
    spin = json.loads(SPIN.read_text(encoding="utf-8"))
    held = set(spin["held_out"])
    for item in spin["articles"]:
        article = Article.create(headline=item["headline"], body=item["body"], language="en")
        part = "spin-heldout" if item["id"] in held else "spin-dev"
        cases.append(Case(part, item["id"], "sober" if item["sober"] else "spin", article))
    if ASSESS.is_file():
        for item in json.loads(ASSESS.read_text(encoding="utf-8"))["articles"]:
            article = Article.create(
                headline=item["headline"], body=item["body"], outlet=item["outlet"], language="en"
            )
            cases.append(Case("assess", item["id"], item["label"], article))
    return cases


def _row(case: Case, analysis: Analysis, figures: bool) -> str:
    assert analysis.assessment is not None
    rating = analysis.assessment.rating
    letters = "".join(_LETTER[c.outcome] for c in analysis.assessment.criteria)
    line = (
        f"{case.part:13} {case.key[:30]:30} {case.label:5} {rating.score!s:>4} "
        f"{rating.word:7} {letters}"
    )
    if figures:
        shown = [f"{c.id}={c.figure.display}" for c in analysis.assessment.criteria if c.figure]
        line += "\n      " + "; ".join(shown)
    return line


def _timing(analyses: list[Analysis]) -> None:
    """CPU time of the assessment and of the HTML report per article (best of 3 rounds)."""
    from newsprobe.assess import assess
    from newsprobe.report.html import render_html

    for name, run in (("assess", assess), ("render_html", render_html)):
        best = min(_cpu(run, analyses) for _ in range(3))
        print(f"{name}: {1000 * best / len(analyses):.2f} ms CPU per article")
    sizes = [len(render_html(a).encode("utf-8")) for a in analyses]
    print(f"HTML report size: median {statistics.median(sizes) / 1024:.0f} KiB")


def _cpu(run: Any, analyses: list[Analysis]) -> float:
    start = time.process_time()
    for analysis in analyses:
        run(analysis)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", action="store_true", help="print each criterion's figure")
    args = parser.parse_args()
    cases = _cases()
    pipeline = Pipeline(on_error="record")
    analyses = list(pipeline.analyze_many(c.article for c in cases))
    table = analyses[0].assessment
    assert table is not None
    print("criteria: " + " ".join(f"{i + 1}={c.id}" for i, c in enumerate(table.criteria)))
    scores: dict[tuple[str, str], list[int]] = {}
    for case, analysis in zip(cases, analyses, strict=True):
        print(_row(case, analysis, args.figures))
        assert analysis.assessment is not None
        score = analysis.assessment.rating.score
        if case.label and score is not None:
            scores.setdefault((case.part, case.label), []).append(score)
    print()
    print(f"{'part':13} {'label':5} {'n':>3} {'min':>4} {'median':>6} {'max':>4}")
    for (part, label), values in sorted(scores.items()):
        print(
            f"{part:13} {label:5} {len(values):3d} {min(values):4d} "
            f"{statistics.median(values):6.1f} {max(values):4d}"
        )
    _timing(analyses)
    for part in sorted({p for p, _ in scores}):
        sober, spin = scores.get((part, "sober"), []), scores.get((part, "spin"), [])
        if sober and spin:
            below = sum(1 for s in sober for t in spin if s <= t)
            print(
                f"{part}: sober above sensational in "
                f"{len(sober) * len(spin) - below} of {len(sober) * len(spin)} pairs"
            )


if __name__ == "__main__":
    main()
