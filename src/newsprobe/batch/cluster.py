"""The Dask cluster a batch run uses: a local one by default, or any scheduler's.

    >>> with dask_client(workers=2) as client:                  # processes on this machine
    ...     run_batch(["crawl.warc.gz"], Path("out"), client=client)
    >>> with dask_client(scheduler="tcp://10.0.0.5:8786") as client:   # a cluster

A local cluster runs one single-threaded worker process per core (spaCy's parse holds
the GIL, so threads would not add speed), each loading the NLP model once. Its scheduler
gives up on a task after its worker died twice, and sends each worker only the task it
runs, and keeps memory flat (`CLUSTER_CONFIG`). A cluster started with ``dask
scheduler`` and ``dask worker`` has its own settings: the README's section on clusters
gives the environment that matches.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from newsprobe.batch.worker import IgnoreInterrupts
from newsprobe.errors import ConfigError

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["check_cluster_options", "dask_client", "default_workers"]

#: The local cluster's settings, each against a Dask default that does not suit this work:
#:
#: - a task whose worker dies twice is given up on (default: three times);
#: - a worker holds only the task it runs (default: one more ahead): when a record kills
#:   its worker, every task that worker held counts as a suspect;
#: - memory stays flat: Dask keeps the last messages of each connection (1,000) and the
#:   last computations submitted (100) for debugging, and ours carry whole partitions of
#:   articles (over 16,000 short articles the client grew by 0.8 MB per partition);
#: - idle work is cut: the statistical profiler (a stack sample every 10 ms), the event
#:   loop's 20 ms tick and the half-second system monitor cost 3.5 % of a core in every
#:   process, at rest; at these settings 0.7-0.9 % (measured on an idle local cluster);
#: - fewer wake-ups: every worker and its nanny checked the worker's memory ten times a
#:   second, and the scheduler looked for work to steal once a second (nothing to steal:
#:   with a saturation of 1.0 no task waits on a worker). Checking once a second (a
#:   worker grows by a partition at most between checks) and no stealing halved what an
#:   idle local cluster of 2 workers costs: from 2.2 % of a core to 1.1 % in the client
#:   process, 0.9 % to 0.4 % in each worker (measured over 20 s, load average 5-6). Each
#:   wake-up also takes the worker's GIL from the task that is analysing;
#: - worker processes start without ``MALLOC_TRIM_THRESHOLD_=65536``, which Dask sets to
#:   fight fragmentation: with it, analysing 60 FNC-1 bodies took 128 CPU ms an article
#:   instead of 106 (the parse allocates and frees much; memory stays under target).
CLUSTER_CONFIG: dict[str, object] = {
    "distributed.scheduler.allowed-failures": 1,
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.admin.low-level-log-length": 10,
    "distributed.diagnostics.computations.max-history": 2,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}

#: Seconds to wait for a remote scheduler to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 20


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_cluster_options(*, workers: int | None, scheduler: str | None) -> None:
    """Refuse a cluster that cannot be made.

    Raises:
        ConfigError: both `workers` and `scheduler`, or fewer than one worker.
    """
    if workers is not None and scheduler is not None:
        raise ConfigError("give --workers (a local cluster) or --scheduler, not both")
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")


@contextmanager
def dask_client(
    *, workers: int | None = None, scheduler: str | None = None, quiet: bool = True
) -> Iterator[Client]:
    """A client of a new local cluster, or of the scheduler at `scheduler`.

    Args:
        workers: worker processes of the local cluster (default: one per core).
        scheduler: address of a running Dask scheduler (``tcp://host:8786``); the
            cluster's workers must have newsprobe installed.
        quiet: keep Dask's own log lines (a worker restarted, a task retried) off the
            terminal; the run reports what became of every record itself.

    Raises:
        ConfigError: `workers` and `scheduler` given together, or no
            scheduler answers at `scheduler`.
    """
    import dask
    from distributed import Client, LocalCluster

    check_cluster_options(workers=workers, scheduler=scheduler)
    with ExitStack() as stack:
        stack.enter_context(dask.config.set(CLUSTER_CONFIG))
        if scheduler is not None:
            try:
                client = stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError, ValueError) as exc:
                raise ConfigError(
                    f"--scheduler {scheduler}: no Dask scheduler answers there ({exc})"
                ) from None
        else:
            with _interrupts_ignored_by_children():
                cluster = stack.enter_context(
                    LocalCluster(
                        n_workers=workers or default_workers(),
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        # A random port: with None the scheduler still takes 8787 for
                        # its HTTP routes and warns on the terminal when another Dask
                        # cluster holds it. No dashboard is served (bokeh is not needed).
                        dashboard_address="127.0.0.1:0",
                        worker_dashboard_address=None,
                        silence_logs=logging.CRITICAL if quiet else logging.WARNING,
                    )
                )
            client = stack.enter_context(Client(cluster))
            # Workers that replace dead ones start with Ctrl-C live: the plugin stops that.
            client.register_plugin(IgnoreInterrupts())
        yield client


@contextmanager
def _interrupts_ignored_by_children() -> Iterator[None]:
    """Start processes that ignore Ctrl-C: an ignored SIGINT is inherited, and Python
    then leaves it ignored. A Ctrl-C in these few seconds of start-up is ignored too."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
