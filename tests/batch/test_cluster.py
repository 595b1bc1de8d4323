"""The local cluster: its workers run with `CLUSTER_CONFIG`, not Dask's defaults."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")

from newsprobe.batch.cluster import CLUSTER_CONFIG, dask_client

pytestmark = pytest.mark.slow

# What a worker process itself decides with (the others act in the scheduler or nanny).
_WORKER_KEYS = (
    "distributed.worker.memory.monitor-interval",
    "distributed.worker.profile.enabled",
    "distributed.admin.tick.interval",
    "distributed.admin.system-monitor.interval",
)


def _settings() -> dict[str, object]:
    import dask

    return {key: dask.config.get(key) for key in _WORKER_KEYS}


def test_workers_of_the_local_cluster_get_its_settings() -> None:
    with dask_client(workers=1) as client:
        seen = client.run(_settings)
        stealing = client.run_on_scheduler(
            lambda dask_scheduler: "stealing" in dask_scheduler.extensions
        )
    assert list(seen.values()) == [{key: CLUSTER_CONFIG[key] for key in _WORKER_KEYS}]
    assert stealing is False
