"""`read(..., progress=)`: how far into a local file reading has got, in bytes of the file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsprobe.document import Article
from newsprobe.ingest import read


def test_progress_counts_the_file_bytes_up_to_its_size(tmp_path: Path) -> None:
    records = [
        {
            "title": f"Tide gauge {n} replaced",
            "text": f"Gauge {n} at Marrow Bay was replaced. " * 400,
        }
        for n in range(40)
    ]
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    source = tmp_path / "gauges.jsonl"
    source.write_bytes(data)
    seen: list[int] = []
    at_each_article: list[int] = []
    for item in read(source, progress=seen.append):
        assert isinstance(item, Article)
        at_each_article.append(seen[-1])
    assert len(at_each_article) == 40
    assert seen == sorted(seen) and seen[-1] == len(data)
    assert at_each_article[0] < len(data), "counted as it reads, not all at once"


def test_a_gzipped_file_counts_its_compressed_bytes(tmp_path: Path) -> None:
    data = gzip.compress(b'{"title": "Ferry back", "text": "The ferry is back in service."}\n')
    source = tmp_path / "ferry.jsonl.gz"
    source.write_bytes(data)
    seen: list[int] = []
    assert len(list(read(source, progress=seen.append))) == 1
    assert seen[-1] == len(data)


def test_without_progress_nothing_changes(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("Harbour reopens\n\nThe harbour at Kessling reopened on Monday.")
    seen: list[int] = []
    [article] = list(read(source, progress=seen.append))
    assert isinstance(article, Article) and article.headline_text == "Harbour reopens"
    assert seen[-1] == source.stat().st_size
    assert list(read(source)) == [article]
