"""Snapshot every finding on every text we have, and diff two snapshots.

A behaviour-preserving change (a refactor, a speed-up, moving rules into data) must leave
every finding identical. This runs the full pipeline over every composed and gold text in
`tests/gold/`, the bundled examples and, when `../shared/data` is beside the repository,
real news (FNC-1 bodies and PolNeAR dev articles), and writes one JSON line per text.

    .venv/bin/python benchmarks/findings_diff.py snapshot before.jsonl
    ... change the code ...
    .venv/bin/python benchmarks/findings_diff.py snapshot after.jsonl
    .venv/bin/python benchmarks/findings_diff.py compare before.jsonl after.jsonl

`compare` prints each text whose findings differ, the first differences, and a count; it
exits 1 when anything differs. `--real N` caps the real-news texts (default 400).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared" / "data"
# A fixed publication date, so relative dates ("on Sunday") resolve the same every run.
PUBLISHED = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def _texts_in(value: Any) -> Iterator[tuple[str, str]]:
    """(headline, body) of every record in a gold file that holds a passage of text."""
    if isinstance(value, dict):
        body = value.get("body") or value.get("text")
        if isinstance(body, str) and len(body) > 20:
            headline = value.get("headline")
            yield (headline if isinstance(headline, str) else "", body)
        for child in value.values():
            yield from _texts_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from _texts_in(child)


def corpus(real: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(key, Article.create keyword arguments) of every text to snapshot."""
    for path in sorted((GOLD / "articles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        yield (
            path.stem,
            {
                "headline": data["headline"],
                "body": data["body"],
                "outlet": data["outlet"],
                "url": data["url"],
                "published": datetime.fromisoformat(data["published"]),
            },
        )
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for n, (headline, body) in enumerate(_texts_in(data)):
            yield f"{path.stem}#{n}", {"headline": headline, "body": body}
        if path.stem == "headlines":
            for n, item in enumerate(data["headlines"]):
                yield f"headline#{n}", {"headline": item["headline"], "body": ""}
    for path in sorted((ROOT / "examples").glob("*.txt")):
        headline, _, body = path.read_text(encoding="utf-8").partition("\n")
        yield f"example:{path.name}", {"headline": headline, "body": body}
    if not SHARED.is_dir() or real <= 0:
        return
    fnc = SHARED / "fnc1" / "train_bodies.csv"
    if fnc.is_file():
        with fnc.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle)):
                if n >= real // 2:
                    break
                yield f"fnc1:{row['Body ID']}", {"headline": "", "body": row["articleBody"]}
    polnear = sorted((SHARED / "polnear" / "dev" / "text").glob("*.txt"))
    for path in polnear[: real - real // 2]:
        yield f"polnear:{path.stem}", {"headline": "", "body": path.read_text(encoding="utf-8")}


def snapshot(out: Path, real: int) -> int:
    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.document import Article

    pipeline = Pipeline(on_error="record")
    keys: list[str] = []
    articles: list[Article] = []
    for key, fields in corpus(real):
        fields.setdefault("published", PUBLISHED)
        keys.append(key)
        articles.append(Article.create(language="en", **fields))
    with out.open("w", encoding="utf-8") as handle:
        for key, analysis in zip(keys, pipeline.analyze_many(articles), strict=True):
            record = {
                "key": key,
                "findings": [f.model_dump(mode="json") for f in analysis.findings],
                "errors": [e.model_dump(mode="json") for e in analysis.errors],
            }
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(keys)} texts -> {out}", file=sys.stderr)
    return 0


def _load(path: Path) -> dict[str, dict[str, Any]]:
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {r["key"]: r for r in records}


def compare(before_path: Path, after_path: Path, *, show: int = 5) -> int:
    before, after = _load(before_path), _load(after_path)
    differing = 0
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        differing += 1
        if differing > 40:
            continue
        print(f"--- {key}")
        if old is None or new is None:
            print("    only in", after_path if old is None else before_path)
            continue
        old_f = [json.dumps(f, sort_keys=True) for f in old["findings"]]
        new_f = [json.dumps(f, sort_keys=True) for f in new["findings"]]
        gone = [f for f in old_f if f not in new_f][:show]
        came = [f for f in new_f if f not in old_f][:show]
        for line in gone:
            print("    -", line[:400])
        for line in came:
            print("    +", line[:400])
        if old["errors"] != new["errors"]:
            print("    errors:", old["errors"], "->", new["errors"])
    print(f"{differing} of {len(before.keys() | after.keys())} texts differ")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="write the findings of every text")
    snap.add_argument("out", type=Path)
    snap.add_argument("--real", type=int, default=400, help="real-news texts (0: none)")
    comp = sub.add_parser("compare", help="diff two snapshots; exit 1 if they differ")
    comp.add_argument("before", type=Path)
    comp.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        return snapshot(args.out, args.real)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
