"""Batch runs at archive scale: the per-article pipeline mapped over Dask, into Parquet.

    >>> from newsprobe.batch import BatchSettings, dask_client, run_batch
    >>> with dask_client(workers=2) as client:
    ...     summary = run_batch(["crawl.warc.gz"], Path("out"), client=client)

An interface over the core, like `newsprobe.cli`: the work on each article is the core's
`newsprobe.records.process_records` (no Dask in it); this package only reads the inputs
into partitions (`partitions`), hands them to the cluster (`runner`, `worker`,
`cluster`), and writes what comes back (`output`) under a manifest that makes a run
resumable (`manifest`). Needs the ``batch`` extra: ``pip install 'newsprobe[batch]'``.

The output folder::

    manifest.json                 settings and finished partitions, replaced atomically
    errors.jsonl                  one line per record that gave no analysis
    articles/part-*.parquet       one row per article (columns: `newsprobe.rows`)
    analyses/part-*.jsonl.gz      the full analyses, one JSON object per line
"""

from newsprobe.batch.cluster import check_cluster_options, dask_client, default_workers
from newsprobe.batch.runner import (
    PARTITION_SIZE,
    BatchProgress,
    BatchSettings,
    BatchSummary,
    run_batch,
)

__all__ = [
    "PARTITION_SIZE",
    "BatchProgress",
    "BatchSettings",
    "BatchSummary",
    "check_cluster_options",
    "dask_client",
    "default_workers",
    "run_batch",
]
