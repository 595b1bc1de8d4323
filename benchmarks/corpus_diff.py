"""Snapshot what the corpus store decides on the composed corpus, and diff two snapshots.

A change to the store or the story indexer that is meant to be faster only (fewer
statements, cheaper JSON, skipped work) must leave every story assignment and every
cross-check identical. This stores the composed corpus's development and held-out parts
(`tests/gold/corpus`) as `corpus add` does (`Corpus.add_iter` with the `StoryIndexer`, in
transactions of `COMMIT_ARTICLES`), then writes one JSON line per article: its story (as the
set of its fellow members, since story ids are row numbers), its stored cross-check, and
per story its provenance graph; and one line per new article cross-checked against the
stored corpus (each article retold by a new outlet: `crosscheck_new`).

    .venv/bin/python benchmarks/corpus_diff.py snapshot before.jsonl [--db postgresql]
    ... change the code ...
    .venv/bin/python benchmarks/corpus_diff.py snapshot after.jsonl
    .venv/bin/python benchmarks/corpus_diff.py compare before.jsonl after.jsonl

Analyses are computed once and cached in the temporary folder (`newsprobe-corpus-diff`;
same text: same analysis), so a snapshot takes about half a minute after the first; with
`--analyse` the articles themselves are added instead, analysed by `corpus add` (what a
change to how adding overlaps with the analysis must leave alone), and each stored
analysis is compared too. Run both snapshots under the same
`PYTHONHASHSEED` (the script sets 0 for itself when unset) so that set orders inside
cross-checks cannot differ. `compare` exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

CACHE = Path(tempfile.gettempdir()) / "newsprobe-corpus-diff"
PARTS = ("dev", "heldout")


def _retold(analysis: Any) -> Any:
    """The same article under a new outlet and URL: a new article about a stored story."""
    from newsprobe.document import Article

    a = analysis.article
    article = Article.model_validate(
        a.model_dump() | {"id": f"{a.id}-retold", "outlet": "Diff Extra", "url": f"{a.url}?retold"}
    )
    return analysis.model_copy(update={"article": article})


def _records(database: Callable[[str], str], *, analyse: bool) -> Iterator[dict[str, Any]]:
    """The records of every part, each stored in the empty database `database(part)`."""
    from newsprobe.corpus import Corpus
    from newsprobe.corpus.checking import crosscheck_new, crosscheck_stored, story_graph
    from newsprobe.corpus.story_indexer import StoryIndexer
    from newsprobe.evaluation.corpus import _analyses, load_part

    for part in PARTS:
        loaded = load_part(part)
        analyses = _analyses(loaded.articles, CACHE)
        order = list(loaded.articles)
        with Corpus(database(part)) as corpus:
            outcomes = list(corpus.add_iter([analyses[k] for k in order], indexer=StoryIndexer()))
            ids = [o.article_id for o in outcomes]
            stored = {i: corpus.article(i) for i in ids if i is not None}
            members: dict[int | None, list[str]] = {}
            for article_id, article in stored.items():
                members.setdefault(article.story_id, []).append(article_id)
            for key, outcome in zip(order, outcomes, strict=True):
                article_id = outcome.article_id
                record: dict[str, Any] = {"part": part, "key": key, "status": outcome.status}
                if article_id is not None:
                    story = stored[article_id].story_id
                    record["story"] = sorted(members.get(story, []))
                    record["check"] = json.loads(
                        crosscheck_stored(corpus, article_id).model_dump_json()
                    )
                    if analyse:
                        record["analysis"] = json.loads(
                            corpus.analysis(article_id).model_dump_json(exclude={"meta"})
                        )
                yield record
            for story in sorted(s for s in members if s is not None):
                graph = story_graph(corpus, story)
                yield {
                    "part": part,
                    "graph": sorted(members[story]),
                    "edges": json.loads(graph.model_dump_json())["edges"],
                }
            for key in order[::3]:
                check = crosscheck_new(corpus, _retold(analyses[key]))
                yield {"part": part, "new": key, "check": json.loads(check.model_dump_json())}


def _strip_ids(value: Any) -> Any:
    """Story ids are row numbers: drop them where they are only numbering."""
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k not in ("story_id",)}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def snapshot(out: Path, backend: str, *, analyse: bool) -> int:
    if os.environ.get("PYTHONHASHSEED") is None:
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        command = [sys.executable, __file__, "snapshot", str(out), "--db", backend]
        return subprocess.call(command + ["--analyse"] * analyse, env=env)
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="newsprobe-diff-") as folder:
            return _write(out, lambda part: str(Path(folder) / f"{part}.db"), analyse)
    from newsprobe.corpus.store.pgserver import PostgresServer

    with PostgresServer.start() as server:
        return _write(out, lambda part: server.create_database(f"diff_{part}"), analyse)


def _write(out: Path, database: Callable[[str], str], analyse: bool) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for record in _records(database, analyse=analyse):
            handle.write(json.dumps(_strip_ids(record), sort_keys=True) + "\n")
            count += 1
    print(f"{count} records written to {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    differ = 0
    for number, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            differ += 1
            if differ <= 5:
                ra, rb = json.loads(a), json.loads(b)
                label = {k: ra.get(k) for k in ("part", "key", "new", "graph") if k in ra}
                print(f"line {number + 1} differs: {label}")
                for k in sorted(set(ra) | set(rb)):
                    if ra.get(k) != rb.get(k):
                        print(f"  {k}: {str(ra.get(k))[:300]}\n   -> {str(rb.get(k))[:300]}")
    if len(old) != len(new):
        print(f"{len(old)} records before, {len(new)} after")
        differ += 1
    print(f"{differ} of {max(len(old), len(new))} records differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot")
    snap.add_argument("out", type=Path)
    snap.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    snap.add_argument("--analyse", action="store_true", help="add articles, not analyses")
    comp = sub.add_parser("compare")
    comp.add_argument("before", type=Path)
    comp.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        return snapshot(args.out, args.db, analyse=args.analyse)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
