"""Time and peak memory of one long article, against the bare spaCy parse of the same text.

    .venv/bin/python benchmarks/long_articles.py [--sizes 100,250,1000] [--only spacy,newsprobe]

For each size (kilobytes of text) one article is built by joining real news bodies from
the FNC-1 training set (``../shared/data``; none repeats, so nothing downstream profits
from caching a sentence it saw before) or, without them, composed sentences with varied
invented names and figures. Each measurement runs in a fresh process:

- ``spacy``: ``nlp(text)`` with en_core_web_sm exactly as spaCy ships it (its
  ``max_length`` raised to the text's length: spaCy refuses a million characters);
- ``newsprobe``: ``Pipeline().analyze`` of the article with every built-in analyzer, as
  ``newsprobe analyze story.txt`` runs it (the parse in pieces, the analyzers on the
  joined Doc).

Printed: wall and CPU seconds (the work only, model load excluded; on a shared machine
the CPU seconds are the steadier figure) and peak resident memory (model load included,
as a user sees it) of each, and newsprobe's ratios to spaCy. The target of
issue 14 is time linear in the length and peak memory under 1.5 GB on any single input.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FNC1 = REPO.parent / "shared" / "data" / "fnc1"
_MODES = ("spacy", "newsprobe")


def long_text(kilobytes: int) -> str:
    """About `kilobytes` KB of news prose in paragraphs (see the module docstring)."""
    target = kilobytes * 1000
    paragraphs: list[str] = []
    size = 0
    for body in _bodies():
        for paragraph in body.split("\n"):
            if paragraph.strip():
                paragraphs.append(paragraph.strip())
                size += len(paragraph) + 2
        if size >= target:
            break
    return "\n\n".join(paragraphs)[:target]


def _bodies() -> list[str]:
    if (FNC1 / "train_bodies.csv").exists():
        with (FNC1 / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
            return [row["articleBody"] for row in csv.DictReader(handle)]
    return [_composed(seed) for seed in range(5_000)]


def _composed(seed: int) -> str:
    rng = random.Random(seed)
    people = ["Ana Ruiz", "Tom Bell", "Ilse Brandt", "Omar Haddad", "Mireille Okafor"]
    places = ["Eastgate", "Port Varne", "Tidewater", "Kellsbridge", "Marrow Bay"]
    lines = []
    for _ in range(rng.randint(4, 9)):
        who, where = rng.choice(people), rng.choice(places)
        figure = rng.randint(2, 9_000)
        lines.append(
            f'"We expect {figure} more passengers in {where} by {rng.randint(2027, 2035)}," '
            f"{who} said on {rng.choice(['Monday', 'Friday', 'Sunday'])}. The council may "
            f"spend ${rng.randint(1, 90)}m on the {where} line, according to {who}."
        )
    return "\n".join(lines)


def _child(mode: str, path: Path) -> None:
    """One measurement in this process; prints a JSON line with the seconds taken."""
    text = path.read_text(encoding="utf-8")
    if mode == "spacy":
        import importlib

        from newsprobe.nlp.parse import _MODEL_MODULES

        for name in _MODEL_MODULES:
            try:
                nlp = importlib.import_module(name).load()
                break
            except ImportError:
                continue
        else:
            raise SystemExit("no English spaCy model is installed")
        nlp.max_length = len(text) + 1
        nlp("Warm up the pipeline once.")
        start, cpu = time.perf_counter(), time.process_time()
        nlp(text)
    else:
        from newsprobe.analyzers.pipeline import Pipeline
        from newsprobe.ingest.text import article_from_text

        pipeline = Pipeline()
        pipeline.analyze(article_from_text("Warm up\n\nWarm up the pipeline once."))
        article = article_from_text(text, headline="A long article", language="en")
        start, cpu = time.perf_counter(), time.process_time()
        analysis = pipeline.analyze(article)
        assert not analysis.errors, analysis.errors
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds}))


def _measure(mode: str, path: Path) -> dict[str, float]:
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # wait4 gives this child's own peak memory (RUSAGE_CHILDREN would keep the maximum of
    # every child so far).
    _, status, usage = os.wait4(process.pid, 0)
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read(), process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{mode} failed:\n{err[-2000:]}")
    figures: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    figures["peak_mb"] = usage.ru_maxrss / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,250,1000", help="kilobytes, comma-separated")
    parser.add_argument("--only", default=",".join(_MODES), help="spacy,newsprobe")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    modes = [m for m in args.only.split(",") if m in _MODES]
    print(f"{'size':>8} {'mode':>10} {'seconds':>9} {'CPU s':>9} {'peak MB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for kilobytes in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"article-{kilobytes}k.txt"
            path.write_text(long_text(kilobytes), encoding="utf-8")
            figures = {mode: _measure(mode, path) for mode in modes}
            for mode, got in figures.items():
                print(
                    f"{kilobytes:>6}KB {mode:>10} {got['seconds']:>9.1f} "
                    f"{got['cpu_seconds']:>9.1f} {got['peak_mb']:>9.0f}"
                )
            if len(figures) == 2:
                ours, bare = figures["newsprobe"], figures["spacy"]
                print(
                    f"{kilobytes:>6}KB {'ratio':>10} {ours['seconds'] / bare['seconds']:>8.2f}x "
                    f"{ours['cpu_seconds'] / bare['cpu_seconds']:>8.2f}x "
                    f"{ours['peak_mb'] / bare['peak_mb']:>8.2f}x"
                )
            sys.stdout.flush()


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
