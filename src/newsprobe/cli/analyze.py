"""`newsprobe analyze`: analyse articles and write one report per article."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from newsprobe.cli.common import (
    AllowPrivateOption,
    AnalyzerOption,
    FieldOption,
    HeadlineOption,
    InputFormatOption,
    OutputFormat,
    articles,
    fail,
    reading_options,
    state,
)
from newsprobe.cli.output import ErrorLog, ReportFile, check_not_an_input, guarded_stdout
from newsprobe.cli.progress import Bar, estimate_records, progress_bar
from newsprobe.errors import NewsprobeError
from newsprobe.ingest.files import expand_folders
from newsprobe.ingest.options import MAX_ARTICLE_CHARS, MAX_DOCUMENT_BYTES

if TYPE_CHECKING:
    from newsprobe.document import Analysis

__all__ = ["analyze"]


def _emit_document(analyses: Iterator[Analysis], fmt: OutputFormat, out: TextIO) -> int:
    """Write the html or claims report of every analysis; returns how many had errors.

    html: one self-contained page, every article in its own section (streamed, so a big
    archive never sits in memory). claims: one JSON-LD document of schema.org Claims per
    article, one per line like ``--format json``.
    """
    import json

    from newsprobe.report.claims import claims_jsonld
    from newsprobe.report.html import write_html

    if fmt is OutputFormat.html:
        return sum(bool(a.errors) for a in write_html(analyses, out))
    broken = 0
    for analysis in analyses:
        broken += bool(analysis.errors)
        out.write(json.dumps(claims_jsonld(analysis), ensure_ascii=False) + "\n")
        out.flush()
    return broken


def _counted(analyses: Iterator[Analysis], seen: list[int]) -> Iterator[Analysis]:
    for analysis in analyses:
        seen[0] += 1
        yield analysis


def _emit(analyses: Iterator[Analysis], fmt: OutputFormat, out: TextIO) -> int:
    """Write every analysis; returns how many had analyzer errors."""
    if fmt in (OutputFormat.html, OutputFormat.claims):
        return _emit_document(analyses, fmt, out)
    from rich.console import Console

    console = Console(file=out, highlight=False, soft_wrap=False)
    broken = 0
    for count, analysis in enumerate(analyses):
        broken += bool(analysis.errors)
        if fmt is OutputFormat.json:
            # One JSON object per line: one article gives one object, many give JSON Lines.
            out.write(analysis.to_json(indent=None) + "\n")
            out.flush()
        else:
            from newsprobe.report.terminal import render_text

            if count:
                console.rule()
            render_text(analysis, console)
    return broken


def analyze(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, URLs, or - for stdin: text, Markdown, HTML, JSONL, CSV, WARC,"
            " feeds.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="Report format: text, json, html (one self-contained page) or claims "
            "(schema.org Claim JSON-LD).",
        ),
    ] = OutputFormat.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report to this file.")
    ] = None,
    analyzer: AnalyzerOption = None,
    headline: HeadlineOption = None,
    input_format: InputFormatOption = None,
    field: FieldOption = None,
    allow_private: AllowPrivateOption = False,
    max_bytes: Annotated[
        int,
        typer.Option(
            min=1,
            help="Largest document (file, download, record) read, in bytes.",
        ),
    ] = MAX_DOCUMENT_BYTES,
    max_chars: Annotated[
        int,
        typer.Option(
            min=1,
            help="Longest article analysed, in characters (about 1 GB of memory per million).",
        ),
    ] = MAX_ARTICLE_CHARS,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            help="Write every input that could not be read to this file, one per line "
            "(stderr shows the first few of each source).",
        ),
    ] = None,
) -> None:
    """Analyse articles and report what they claim, who says so, and what is not fact."""
    debug = state["debug"]
    try:
        from newsprobe.analyzers.pipeline import Pipeline

        options = reading_options(
            input_format=input_format,
            field=field,
            allow_private=allow_private,
            headline=headline,
            max_bytes=max_bytes,
            max_chars=max_chars,
        )
        pipeline = Pipeline(
            analyzer or None, on_error="raise" if debug else "record", memory_zones=True
        )
        for target in (out, errors):
            if target is not None:
                check_not_an_input(target, sources)
        skip = {target.resolve() for target in (out, errors) if target is not None}
        sources = expand_folders(sources, skip=skip)
        failures: list[str] = []
        with ExitStack() as stack:
            log = stack.enter_context(ErrorLog(errors)) if errors is not None else None
            total = estimate_records(sources) if sys.stderr.isatty() else None
            bar = stack.enter_context(progress_bar("analysing", total=total))
            stream = articles(sources, options, failures, errors=log)
            analyses = _advancing(pipeline.analyze_many(stream), bar, failures)
            if out is None:
                broken = _emit(analyses, output_format, guarded_stdout(sys.stdout))
            else:
                written = [0]
                report = ReportFile(out)
                with report as handle:
                    broken = _emit(_counted(analyses, written), output_format, handle)
                    if written[0]:
                        # Only a report replaces the file: a run whose inputs all failed
                        # leaves the previous one as it was.
                        report.keep()
    except NewsprobeError as exc:
        if debug:
            raise
        raise fail(str(exc), exc.exit_code) from None
    except OSError as exc:
        if debug:
            raise
        raise fail(f"{exc.filename or 'input'}: cannot read it: {exc.strerror or exc}", 1) from None
    if broken:
        raise fail(f"{broken} analysis(es) had analyzer failures; see their errors", 3)
    if failures:
        raise typer.Exit(1)


def _advancing(analyses: Iterator[Analysis], bar: Bar, failures: list[str]) -> Iterator[Analysis]:
    """Moves the progress bar per analysis and per bad input (the estimated total counts
    both), with the bad inputs so far in its label."""
    seen = 0
    for analysis in analyses:
        bar.advance(1 + len(failures) - seen)
        if len(failures) != seen:
            seen = len(failures)
            bar.describe(f"analysing ({seen:,} skipped)")
        yield analysis
    bar.advance(len(failures) - seen)
    if len(failures) != seen:
        bar.describe(f"analysing ({len(failures):,} skipped)")
