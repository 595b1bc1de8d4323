"""`Settings`: everything `newsprobe serve` is configured with, in one validated model.

The CLI builds one from its options; `create_app(settings)` reads nothing else (no global
configuration read at import time). With several uvicorn workers each worker process
builds its app from the same settings, passed to it as JSON in an environment variable
(`SETTINGS_ENV`), because uvicorn starts workers from an import string, not an object.

    >>> settings = Settings(db="newsprobe.db", token="s3cret")
    >>> settings.writes_enabled
    True
"""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DEFAULT_ANALYSIS_TIMEOUT",
    "DEFAULT_CACHE_SIZE",
    "DEFAULT_MAX_BODY",
    "DEFAULT_QUEUE",
    "SETTINGS_ENV",
    "Settings",
]

#: Environment variable that carries the settings (JSON) to uvicorn's worker processes.
SETTINGS_ENV = "NEWSPROBE_SERVICE_SETTINGS"

#: Largest request body. Articles run to tens of kilobytes of text and a few hundred of
#: HTML; 5 MiB leaves room for heavy pages (inline scripts and styles) while keeping a
#: request from holding much memory. The ingest layer's own cap (20 MiB) is for files.
DEFAULT_MAX_BODY = 5 * 1024 * 1024
#: Seconds one analysis may take, waiting in line included. An article of 1,000 words is
#: analysed in well under a second on one core, a 200 KB one in about 10 s (see
#: benchmarks/throughput.py); 30 s answers every sane article on a loaded machine and
#: still stops a client from waiting forever.
DEFAULT_ANALYSIS_TIMEOUT = 30.0
#: Analyses kept in memory for `GET /v1/analyses/{id}` when there is no corpus. An
#: analysis takes 50-500 KB as objects, so 256 cost at most about 100 MB.
DEFAULT_CACHE_SIZE = 256
#: Analyses allowed to wait for the worker's one analysis thread. Beyond this a request is
#: answered 503 at once: at about a second per article, 64 waiting already exceed the
#: time limit, so a longer line would only produce timeouts.
DEFAULT_QUEUE = 64


class Settings(BaseModel):
    """How the service runs. Every field has a safe default: local only, writes off.

    Attributes:
        host: address to bind; 127.0.0.1 so that nothing outside the machine can reach it
            unless asked.
        port: TCP port.
        db: corpus database (SQLite path or ``postgresql://`` URL); None serves without a
            corpus: analyses are kept in a bounded in-memory cache and the corpus
            endpoints answer 404 ``no_corpus``.
        token: bearer token for the endpoints that write; None turns them off (403).
        workers: uvicorn worker processes, each with its own loaded pipeline.
        cors_origins: origins allowed to call the API from a browser; none by default.
        max_body: largest request body in bytes (413 beyond).
        analysis_timeout: seconds one analysis may take, waiting included (504 beyond).
        fetch_timeout: seconds for connecting to, and each read from, a URL to analyse.
        cache_size: analyses kept in memory when there is no corpus.
        queue: analyses allowed to wait for the analysis thread (503 beyond).
        allow_private: let URL analysis fetch private, loopback or link-local addresses
            (for tests; never on a server others can reach).
        analyzers: run only these analyzers (None: every built-in).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    db: str | None = None
    token: str | None = Field(default=None, repr=False)
    workers: int = Field(default=1, ge=1)
    cors_origins: tuple[str, ...] = ()
    max_body: int = Field(default=DEFAULT_MAX_BODY, ge=1024)
    analysis_timeout: float = Field(default=DEFAULT_ANALYSIS_TIMEOUT, gt=0)
    fetch_timeout: float = Field(default=15.0, gt=0)
    cache_size: int = Field(default=DEFAULT_CACHE_SIZE, ge=1)
    queue: int = Field(default=DEFAULT_QUEUE, ge=1)
    allow_private: bool = False
    analyzers: tuple[str, ...] | None = None

    @property
    def writes_enabled(self) -> bool:
        """Whether the endpoints that write are on (a token is configured)."""
        return bool(self.token)

    def to_env(self) -> dict[str, str]:
        """The environment that hands these settings to a worker process."""
        return {SETTINGS_ENV: self.model_dump_json()}

    @classmethod
    def from_env(cls) -> Settings:
        """The settings a parent process put in the environment (defaults if none)."""
        raw = os.environ.get(SETTINGS_ENV)
        return cls.model_validate_json(raw) if raw else cls()
