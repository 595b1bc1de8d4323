"""Score the hedging analyzer on its two composed gold sets.

`tests/gold/hedges.json`: per shared gold article, the hedge cues a reader finds
(`hedges`), uses that must not be flagged (`not`) and uses defensible either way
(`neutral`, left out of scoring); each as a phrase unique in the article (`context`) and
the cue inside it. `tests/gold/hedge_sentences.json`: single sentences labelled uncertain
or certain, for vague sources and weasel words.

    >>> from newsprobe.analyzers.pipeline import Pipeline
    >>> evaluate(Pipeline(["hedging"]))["recall"] >= 0.9  # doctest: +SKIP
    True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Article
from newsprobe.evaluation.calibration import Judged
from newsprobe.evaluation.goldset import article_of, find_span, gold_article
from newsprobe.evaluation.paths import gold_file
from newsprobe.findings import HedgeFinding, Span

__all__ = [
    "cue_span",
    "evaluate",
    "evaluate_sentences",
    "hedges_in",
    "load_gold",
    "load_sentences",
    "violations",
]


def load_gold() -> dict[str, dict[str, list[dict[str, str]]]]:
    """Per article slug, its `hedges`, `not` and `neutral` annotations."""
    gold: dict[str, Any] = json.loads(gold_file("hedges.json").read_text(encoding="utf-8"))
    gold.pop("_format", None)
    return gold


def load_sentences() -> list[dict[str, Any]]:
    """The labelled sentences of `hedge_sentences.json` (`text`, `uncertain`)."""
    sentences: list[dict[str, Any]] = json.loads(
        gold_file("hedge_sentences.json").read_text(encoding="utf-8")
    )["sentences"]
    return sentences


def cue_span(article: Article, entry: Mapping[str, str]) -> Span:
    """Where an annotated cue is: inside its context phrase, which is unique in the text."""
    context = find_span(article, entry["context"])
    offset = article.text.index(entry["cue"], context.start, context.end)
    return Span(start=offset, end=offset + len(entry["cue"]))


def hedges_in(pipeline: Pipeline, article: Article) -> list[HedgeFinding]:
    """The hedge findings of one article."""
    return [f for f in pipeline.analyze(article).findings if isinstance(f, HedgeFinding)]


def evaluate(pipeline: Pipeline) -> dict[str, Any]:
    """Cue precision, recall and F1 on the gold articles (a found hedge is right when it
    overlaps a gold cue, wrong when it overlaps neither a cue nor a neutral use), with the
    counts and the judged findings for the confidence bands (neutral ones are not judged)."""
    tp = fp = fn = 0
    judged: list[Judged] = []
    for slug, gold in load_gold().items():
        article = article_of(gold_article(slug))
        found = hedges_in(pipeline, article)
        wanted = [cue_span(article, e) for e in gold["hedges"]]
        ignored = [cue_span(article, e) for e in gold["neutral"]]
        matched = {i for i, w in enumerate(wanted) if any(w.overlaps(f.span) for f in found)}
        tp += len(matched)
        fn += len(wanted) - len(matched)
        for finding in found:
            right = any(finding.span.overlaps(w) for w in wanted)
            if right or not any(finding.span.overlaps(n) for n in ignored):
                judged.append(Judged(finding.confidence, right))
                fp += not right
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "tp": tp, "fp": fp, "fn": fn, "judged": judged}  # fmt: skip


def violations(pipeline: Pipeline) -> list[tuple[str, str]]:
    """(slug, context) of every `not` annotation a hedge was found on."""
    out: list[tuple[str, str]] = []
    for slug, gold in load_gold().items():
        article = article_of(gold_article(slug))
        found = [h.span for h in hedges_in(pipeline, article)]
        out += [
            (slug, entry["context"])
            for entry in gold["not"]
            if any(cue_span(article, entry).overlaps(f) for f in found)
        ]
    return out


def evaluate_sentences(pipeline: Pipeline, kind: str = "") -> dict[str, Any]:
    """Uncertain-sentence precision, recall and F1 on the labelled sentences (those whose
    `kind` starts with `kind`, all by default): a sentence is predicted uncertain when any
    hedge is found in it. Its judged findings are the most confident hedge of each sentence
    predicted uncertain (right when the label agrees); `missed` and `false_alarms` list the
    texts that went wrong."""
    sentences = [s for s in load_sentences() if s["kind"].startswith(kind)]
    missed: list[str] = []
    false_alarms: list[str] = []
    tp = fp = fn = 0
    judged: list[Judged] = []
    for entry in sentences:
        article = Article.create(headline=None, body=entry["text"], language="en")
        found = hedges_in(pipeline, article)
        predicted, uncertain = bool(found), bool(entry["uncertain"])
        tp += predicted and uncertain
        fp += predicted and not uncertain
        fn += not predicted and uncertain
        if predicted != uncertain:
            (false_alarms if predicted else missed).append(entry["text"])
        if found:
            judged.append(Judged(max(f.confidence for f in found), uncertain))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn,
            "n": len(sentences), "judged": judged, "missed": missed,
            "false_alarms": false_alarms}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """`python -m newsprobe.evaluation.hedging [KIND] [-v]`: uncertain-sentence P/R/F1 of
    the sentences whose kind starts with KIND (e.g. 'probe 8'), per kind and together;
    `-v` lists the misses and false alarms."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m newsprobe.evaluation.hedging")
    parser.add_argument("kind", nargs="?", default="")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    pipeline = Pipeline(["hedging"])
    kinds = sorted({s["kind"] for s in load_sentences() if s["kind"].startswith(args.kind)})
    for kind in [*kinds, args.kind] if len(kinds) > 1 else kinds:
        s = evaluate_sentences(pipeline, kind)
        print(f"{kind or 'all':32} n {s['n']:4}  P {s['precision']:.3f}  R {s['recall']:.3f}"
              f"  F1 {s['f1']:.3f}  fp {s['fp']}  fn {s['fn']}")  # fmt: skip
        if args.verbose and kind in kinds:
            for text in s["missed"]:
                print(f"    missed: {text}")
            for text in s["false_alarms"]:
                print(f"    false alarm: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
