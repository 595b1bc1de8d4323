"""newsprobe's parse against the stock spaCy model: same token attributes, and how much faster.

    .venv/bin/python benchmarks/attribute_cache_check.py [--articles 300] [--corpus auto]

newsprobe runs the model's attribute ruler and lemmatizer as one memoized step
(`newsprobe.nlp.attribute_cache`). This parses the same articles with that pipeline and with
the stock model, compares every token's tag, part of speech, morphology, lemma, dependency,
head, entity and sentence start, prints each difference (there should be none), then the
CPU time of both parses and their ratio. Exits 1 when any token differs.
Uses the same articles as throughput.py (real FNC-1 bodies when ../shared/data is there).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time

from spacy.tokens import Doc, Token
from throughput import corpus

from newsprobe.document import Article
from newsprobe.nlp.parse import _MODEL_MODULES, BATCH_SIZE, PARAGRAPHS_PIPE, load_english


def _attributes(t: Token) -> tuple[object, ...]:
    return (
        t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i,
        t.ent_iob_, t.ent_type_, t.is_sent_start,
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--corpus", choices=["auto", "fnc1", "composed"], default="auto")
    args = parser.parse_args()

    ours = load_english()
    stock = next(
        importlib.import_module(name).load()
        for name in _MODEL_MODULES
        if importlib.util.find_spec(name) is not None
    )
    stock.add_pipe(PARAGRAPHS_PIPE, first=True)
    texts = [
        Article.create(headline=h, body=b, language="en").text
        for h, b in corpus(args.articles, args.corpus)
    ]
    list(ours.pipe(texts[:1])), list(stock.pipe(texts[:1]))

    timings: dict[str, float] = {}
    docs: dict[str, list[Doc]] = {}
    for name, nlp in (("stock", stock), ("newsprobe", ours)):
        start = time.process_time()
        docs[name] = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
        timings[name] = time.process_time() - start

    tokens = differences = 0
    for mine, reference in zip(docs["newsprobe"], docs["stock"], strict=True):
        for a, b in zip(mine, reference, strict=True):
            tokens += 1
            if _attributes(a) != _attributes(b):
                differences += 1
                print(f"differs: {_attributes(a)} != {_attributes(b)}")
    print(f"{len(texts)} articles, {tokens} tokens compared, {differences} differ")
    print(
        f"CPU: stock model {timings['stock']:.2f} s, newsprobe parse "
        f"{timings['newsprobe']:.2f} s; newsprobe parses "
        f"{timings['stock'] / timings['newsprobe']:.2f}x as fast"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
