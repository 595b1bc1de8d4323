"""`newsprobe batch`: analyse archives on a Dask cluster into Parquet, resumably."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsprobe.cli.common import (
    AllowPrivateOption,
    AnalyzerOption,
    FieldOption,
    InputFormatOption,
    fail,
    reading_options,
    state,
)
from newsprobe.errors import NewsprobeError
from newsprobe.ingest.files import expand_folders

if TYPE_CHECKING:
    from collections.abc import Callable

    from distributed import Client

    from newsprobe.batch import BatchProgress, BatchSummary

__all__ = ["batch"]

#: Seconds of recent progress the articles/s figure is taken over.
_RATE_WINDOW = 60.0

_MISSING = (
    "newsprobe batch needs Dask and pyarrow, which a plain install leaves out; "
    "install them with: pip install 'newsprobe[batch]'"
)


@contextmanager
def _progress_display() -> Iterator[Callable[[BatchProgress], None] | None]:
    """A progress bar on stderr (articles, rate, ETA) when it is a terminal, else None.

    The bar advances by bytes of input committed, which is what the ETA needs: the
    number of articles in a stream is not known until it has been read.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return

    class Articles(ProgressColumn):
        def render(self, task: Task) -> Text:
            articles, errors = task.fields.get("articles", 0), task.fields.get("errors", 0)
            rate = task.fields.get("rate")
            bad = f", {errors:,} bad" if errors else ""
            speed = f"{rate:,.1f}/s" if rate else "–/s"
            return Text(f"{articles:,} articles{bad} · {speed}", style="cyan")

    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("[progress.percentage]{task.percentage:>3.0f}%"),
        Articles(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("analysing", total=None, articles=0, errors=0, rate=None)
        # (time, articles) since the first articles came back: the rate leaves out the
        # cluster's start and reads the last minute, as a rate shown live should.
        samples: deque[tuple[float, int]] = deque()

        def show(now: BatchProgress) -> None:
            if now.articles:
                samples.append((time.monotonic(), now.articles))
                while samples[-1][0] - samples[0][0] > _RATE_WINDOW and len(samples) > 2:
                    samples.popleft()
            rate = None
            if len(samples) > 1:
                (start, first), (end, last) = samples[0], samples[-1]
                rate = (last - first) / (end - start) if end > start else None
            progress.update(
                task,
                total=now.bytes_total,
                completed=now.bytes_done,
                articles=now.articles,
                errors=now.errors,
                rate=rate,
            )

        yield show


def _report(summary: BatchSummary, out: Path) -> None:
    done = f"analysed {summary.articles:,} article(s) into {out}"
    if summary.resumed:
        done += f" (resumed: {summary.skipped:,} partition(s) were already done)"
    typer.echo(f"newsprobe: {done}", err=True)
    if summary.broken_in_output:
        earlier = summary.broken_in_output - summary.broken
        typer.echo(
            f"newsprobe: an analyzer failed on {summary.broken_in_output:,} article(s)"
            + (f" ({earlier:,} in the run this one resumed)" if earlier else "")
            + "; their analyses say which (rows with analyzer_errors above 0)",
            err=True,
        )
    if summary.errors_in_output:
        earlier = summary.errors_in_output - summary.errors
        typer.echo(
            f"newsprobe: {summary.errors_in_output:,} record(s) gave no analysis"
            + (f" ({earlier:,} in the run this one resumed)" if earlier else "")
            + f"; see {out / 'errors.jsonl'}",
            err=True,
        )


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, URLs, or - for stdin: JSONL, CSV, WARC, feeds, HTML, text.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Output folder (Parquet, JSONL, errors.jsonl, manifest)."),
    ],
    workers: Annotated[
        int | None,
        typer.Option(help="Worker processes of the local cluster [default: one per core]."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Run on the Dask cluster of this scheduler (tcp://host:8786)."),
    ] = None,
    analyzer: AnalyzerOption = None,
    input_format: InputFormatOption = None,
    field: FieldOption = None,
    corpus: Annotated[
        str | None,
        typer.Option(
            help="Also add every analysis to this corpus: an SQLite file or a "
            "postgresql:// URL (see newsprobe corpus)."
        ),
    ] = None,
    partition_size: Annotated[
        int | None,
        typer.Option(help="Records per partition (one Parquet file each) [default: 128]."),
    ] = None,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Analyse archives in parallel into Parquet and JSONL; run it again to resume.

    Exit status: 0; 1 when records gave no analysis (see errors.jsonl; a resumed run
    counts the records of the run it resumed too); 3 when an analyzer failed on some
    article (its analysis says which; a resumed run counts the earlier run's too).
    """
    debug = state["debug"]
    try:
        from newsprobe.batch import (
            PARTITION_SIZE,
            BatchSettings,
            check_cluster_options,
            dask_client,
            run_batch,
        )
    except ImportError:
        if debug:
            raise
        raise fail(_MISSING, 2) from None
    try:
        from newsprobe.analyzers.pipeline import Pipeline

        check_cluster_options(workers=workers, scheduler=scheduler)
        size = partition_size if partition_size is not None else PARTITION_SIZE
        if size < 1:
            raise fail(f"--partition-size must be at least 1, not {size}", 2)
        names = tuple(analyzer) if analyzer else None
        Pipeline(list(names) if names else None)  # an unknown analyzer is told before Dask starts
        settings = BatchSettings(
            analyzers=names,
            partition_size=size,
            options=reading_options(
                input_format=input_format, field=field, allow_private=allow_private
            ),
        )
        with ExitStack() as stack:
            store = None
            if corpus is not None:
                from newsprobe.corpus import Corpus

                store = stack.enter_context(Corpus(corpus))

            def connect() -> Client:
                cluster = dask_client(workers=workers, scheduler=scheduler, quiet=not debug)
                return stack.enter_context(cluster)

            show = stack.enter_context(_progress_display())
            # The output folder may lie inside an input folder: never read it back.
            inputs = expand_folders(inputs, skip={out.resolve()})
            summary = run_batch(
                inputs, out, client=connect, settings=settings, on_progress=show, corpus=store
            )
            where = store.location if store is not None else None
    except KeyboardInterrupt:
        typer.echo(
            f"newsprobe: interrupted; every finished partition is kept in {out}: "
            "run the same command again to resume",
            err=True,
        )
        raise typer.Exit(130) from None
    except NewsprobeError as exc:
        if debug:
            raise
        raise fail(str(exc), exc.exit_code) from None
    except OSError as exc:
        if debug:
            raise
        raise fail(f"{exc.filename or ''}: {exc.strerror or exc}", 1) from None
    _report(summary, out)
    if where is not None:
        typer.echo(
            f"newsprobe: stored {summary.stored:,} new article(s) in {where}"
            + (
                f" ({summary.already_stored:,} were there already)"
                if summary.already_stored
                else ""
            ),
            err=True,
        )
    if summary.broken_in_output:
        raise typer.Exit(3)
    if summary.errors_in_output:
        raise typer.Exit(1)
