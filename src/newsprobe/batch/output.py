"""The files of one partition: its rows as Parquet, its analyses as gzipped JSON Lines.

Both are made in memory on the worker that analysed the partition and handed to the
client, which writes them (`write_partition`); the output folder need not be reachable
from the workers. The same rows give the same bytes, so a partition done twice (after a
kill) leaves the same files.

    DIR/articles/part-<input id>-<partition>.parquet     one row per article (newsprobe.rows)
    DIR/analyses/part-<input id>-<partition>.jsonl.gz    one full analysis per line
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprobe.batch.manifest import replace_file
from newsprobe.rows import CLAIM_FIELDS, CRITERION_FIELDS, Column, ColumnType, columns_of

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "ANALYSES",
    "ARTICLES",
    "arrow_schema",
    "jsonl_gz_bytes",
    "parquet_bytes",
    "partition_stem",
    "warm_output",
    "write_partition",
]

ARTICLES = "articles"
ANALYSES = "analyses"
# zstd: about a third smaller than pyarrow's default snappy on these rows, and read by
# every Parquet reader in use (DuckDB, Spark, pandas, polars).
_COMPRESSION = "zstd"


def partition_stem(input_id: str, number: int) -> str:
    """The file name of a partition without its suffix: ``part-<input id>-<number>``."""
    return f"part-{input_id}-{number:06d}"


def _arrow_type(kind: ColumnType) -> pa.DataType:
    import pyarrow as pa

    scalars: dict[str, pa.DataType] = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "strings": pa.list_(pa.string()),
    }
    if kind == "claims":
        return pa.list_(pa.struct([(k, scalars[v]) for k, v in CLAIM_FIELDS.items()]))
    if kind == "criteria":
        return pa.list_(pa.struct([(k, scalars[v]) for k, v in CRITERION_FIELDS.items()]))
    return scalars[kind]


def arrow_schema(columns: Sequence[Column]) -> pa.Schema:
    """The Arrow schema of these columns, each with its description as field metadata."""
    import pyarrow as pa

    return pa.schema(
        [
            pa.field(c.name, _arrow_type(c.type), metadata={"description": c.description})
            for c in columns
        ]
    )


def parquet_bytes(rows: Sequence[dict[str, Any]]) -> bytes:
    """The rows as one Parquet file, in memory."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(columns_of(rows))
    table = pa.Table.from_pylist(list(rows), schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression=_COMPRESSION)
    return bytes(sink.getvalue().to_pybytes())


def jsonl_gz_bytes(lines: Sequence[str]) -> bytes:
    """Lines of JSON, gzipped with no time stamp in the header (same lines, same bytes)."""
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    return gzip.compress(data, compresslevel=6, mtime=0)


def warm_output() -> None:
    """Import pyarrow and make one empty file of each kind, so that a worker's first
    partition does not pay for it: importing pyarrow and its Parquet writer and starting
    the zstd codec took 0.11-0.15 s of each worker's first task here (load average 5-6)."""
    parquet_bytes([])
    jsonl_gz_bytes([])


def write_partition(folder: Path, stem: str, *, parquet: bytes, analyses: bytes) -> None:
    """Write a partition's two files, each atomically (see `replace_file`)."""
    for sub, suffix, data in ((ARTICLES, ".parquet", parquet), (ANALYSES, ".jsonl.gz", analyses)):
        target = folder / sub
        target.mkdir(exist_ok=True)
        replace_file(target / f"{stem}{suffix}", data)
