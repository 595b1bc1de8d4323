"""newsprobe: read the news critically.

    >>> import newsprobe
    >>> analysis = newsprobe.analyze("examples/ferry-strike.txt")
    >>> [f.text for f in analysis.of_kind("quantity")]

`load` turns a source (file, URL, "-" for stdin) into an `Article`; `analyze` runs the
analyzers over it and returns an `Analysis` whose every finding is pinned to a span of
`analysis.article.text`. `read` streams the articles of multi-record sources.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsprobe._version import __version__
from newsprobe.analyzers import Analyzer, Context, Pipeline
from newsprobe.document import SCHEMA_VERSION, Analysis, Article
from newsprobe.errors import (
    AnalyzerError,
    ConfigError,
    CorpusError,
    ExtractionError,
    FetchError,
    IngestError,
    ModelNotFoundError,
    NewsprobeError,
    NotInCorpusError,
    ReportError,
    UnsupportedInputError,
)
from newsprobe.findings import Finding, Span

if TYPE_CHECKING:
    from newsprobe.corpus import Corpus
    from newsprobe.ingest import IngestOptions
    from newsprobe.ranking import RankedSentence, rank

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Analyzer",
    "AnalyzerError",
    "Article",
    "ConfigError",
    "Context",
    "Corpus",
    "CorpusError",
    "ExtractionError",
    "FetchError",
    "Finding",
    "IngestError",
    "ModelNotFoundError",
    "NewsprobeError",
    "NotInCorpusError",
    "Pipeline",
    "RankedSentence",
    "ReportError",
    "Span",
    "UnsupportedInputError",
    "__version__",
    "analyze",
    "load",
    "rank",
    "read",
]


def __getattr__(name: str) -> object:
    # `Corpus` is imported on first use: the database libraries cost a tenth of a second
    # to import, and most uses of newsprobe never open a corpus.
    if name == "Corpus":
        from newsprobe.corpus import Corpus

        return Corpus
    if name in ("rank", "RankedSentence"):  # the claims analyzer loads its model module
        from newsprobe import ranking

        return getattr(ranking, name)
    raise AttributeError(f"module 'newsprobe' has no attribute {name!r}")


def load(source: str | Path, options: IngestOptions | None = None) -> Article:
    """The one article in a file, URL or "-" (stdin). See `newsprobe.ingest.load`."""
    from newsprobe.ingest import load as _load

    return _load(source, options)


def read(
    source: str | Path, options: IngestOptions | None = None
) -> Iterator[Article | IngestError]:
    """Stream the articles (and per-record errors) of a source. See `newsprobe.ingest.read`."""
    from newsprobe.ingest import read as _read

    return _read(source, options)


@cache
def _default_pipeline(analyzers: tuple[str, ...] | None) -> Pipeline:
    return Pipeline(list(analyzers) if analyzers is not None else None)


def analyze(
    source: str | Path | Article,
    *,
    analyzers: Sequence[str | Analyzer] | None = None,
    options: IngestOptions | None = None,
) -> Analysis:
    """Analyse one article: a file, a URL, "-" for stdin, or an `Article`.

    Args:
        source: what to read; an `Article` is analysed as it is.
        analyzers: analyzer names (see `newsprobe analyzers`) or instances; default all.
        options: how to read `source` (headline override, format, URL safety...).

    Raises:
        IngestError: the source could not be read as one article.
        ConfigError: an unknown analyzer was named.
        AnalyzerError: an analyzer failed (the library does not hide failures).
    """
    article = source if isinstance(source, Article) else load(source, options)
    if analyzers is None or all(isinstance(a, str) for a in analyzers):
        names = tuple(str(a) for a in analyzers) if analyzers is not None else None
        pipeline = _default_pipeline(names)
    else:
        pipeline = Pipeline(analyzers)
    return pipeline.analyze(article)
