"""The exceptions newsprobe raises, in one tree.

```
NewsprobeError                 every error below; `.exit_code` is the CLI exit status
├── ConfigError                unknown analyzer, bad option: the message lists the valid ones
├── ModelNotFoundError         the spaCy model (or a shipped model file) cannot be loaded
├── IngestError                an input could not be turned into an Article (`.source`)
│   ├── FetchError             a URL could not be fetched or was refused (`.url`, `.status`)
│   ├── ExtractionError        the page or file had no article text
│   └── UnsupportedInputError  what was given, and what is accepted
├── AnalyzerError              an analyzer failed (`.analyzer`, `.article_id`; chained)
├── CorpusError                the corpus store cannot be opened, read or written
│   └── NotInCorpusError       no stored article or story has that id or URL
└── ReportError                a report could not be rendered or written
    └── OutputError            the report file could not be written (`.path`); status 4
```

The library raises and never prints or exits; the CLI turns an error into one line and
the exit status below (usage errors are 2, bad input 1, anything of ours that breaks 3,
an output file that cannot be written 4).
"""

from __future__ import annotations

__all__ = [
    "AnalyzerError",
    "ConfigError",
    "CorpusError",
    "ExtractionError",
    "FetchError",
    "IngestError",
    "ModelNotFoundError",
    "NewsprobeError",
    "NotInCorpusError",
    "OutputError",
    "ReportError",
    "UnsupportedInputError",
]


class NewsprobeError(Exception):
    """Base of every error newsprobe raises on purpose."""

    exit_code: int = 3


class ConfigError(NewsprobeError):
    """A setting, option or analyzer name is not valid; the message lists valid ones."""

    exit_code = 2


class ModelNotFoundError(NewsprobeError):
    """A language model or shipped model file cannot be loaded; says how to install it."""

    exit_code = 3


class IngestError(NewsprobeError):
    """An input could not be read as an article.

    Args:
        message: what went wrong, in one line a reader can act on.
        source: the file name, URL or record that was being read.
    """

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.source}: {message}" if self.source else message


class FetchError(IngestError):
    """A URL could not be fetched, or fetching it was refused for safety."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message, source=url)
        self.url = url
        self.status = status


class ExtractionError(IngestError):
    """The input was readable but held no article text."""


class UnsupportedInputError(IngestError):
    """The input is of a kind newsprobe does not read; the message says what it accepts."""


class AnalyzerError(NewsprobeError):
    """An analyzer raised while analysing an article.

    The original exception is chained (`raise ... from exc`), so `--debug` shows it.
    """

    def __init__(self, message: str, *, analyzer: str, article_id: str | None = None) -> None:
        super().__init__(f"analyzer {analyzer!r} failed: {message}")
        self.analyzer = analyzer
        self.article_id = article_id


class CorpusError(NewsprobeError):
    """The corpus store cannot be opened, read or written.

    A file that is not an SQLite database, an SQLite database of another program, a
    PostgreSQL server that is unreachable or refuses the password, a schema newer than
    this newsprobe knows: the message names the database (password hidden) and the reason.
    """

    exit_code = 1


class NotInCorpusError(CorpusError):
    """No stored article or story has the id or URL that was asked for."""


class ReportError(NewsprobeError):
    """A report could not be rendered or written."""


class OutputError(ReportError):
    """The report could not be written to its file (full disk, no permission, a folder).

    Its own exit status, 4, so a script tells "my disk is full" from "an input was bad"
    (1); the message names the file.
    """

    exit_code = 4

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
