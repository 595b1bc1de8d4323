"""The API's errors: one JSON shape, stable codes, and the one table of HTTP statuses.

Every error answer is ``{"error": {"code": "...", "message": "..."}}``: `code` is stable
(clients branch on it), `message` is one line a person can act on. Never a traceback:
an unexpected exception is logged on the server and answered 500 ``internal_error``, and
bad input never reaches that far (it is a `NewsprobeError` or a validation error first).

| code | status | when |
|---|---|---|
| invalid_request | 422 | the body or a parameter does not fit the schema |
| invalid_input | 400 | the input is readable but not usable (no text, bad option) |
| unsupported_input | 415 | the input is of a kind newsprobe does not read |
| fetch_failed | 502 | the site was unreachable or answered an error (bad URL: invalid_input) |
| fetch_refused | 403 | the URL points at a private or local address |
| not_found | 404 | no such route, analysis, article or story |
| no_corpus | 404 | a corpus endpoint, but the service runs without ``--db`` |
| method_not_allowed | 405 | the route exists, not with this method |
| unauthorized | 401 | a write endpoint without the right bearer token |
| writes_disabled | 403 | a write endpoint, but no token is configured |
| body_too_large | 413 | the request body exceeds the limit |
| busy | 503 | too many analyses are waiting |
| timeout | 504 | the analysis took longer than the time limit |
| corpus_error | 503 | the corpus database cannot be read or written |
| internal_error | 500 | a bug of ours (logged, never shown) |
"""

from __future__ import annotations

import logging
from typing import Literal

from pydantic import BaseModel, Field

from newsprobe.errors import (
    ConfigError,
    CorpusError,
    FetchError,
    IngestError,
    NewsprobeError,
    NotInCorpusError,
    UnsupportedInputError,
)

__all__ = ["STATUS", "ApiError", "ErrorBody", "ErrorCode", "ErrorDetail", "from_newsprobe"]

log = logging.getLogger("newsprobe.service")

ErrorCode = Literal[
    "invalid_request",
    "invalid_input",
    "unsupported_input",
    "fetch_failed",
    "fetch_refused",
    "not_found",
    "no_corpus",
    "method_not_allowed",
    "unauthorized",
    "writes_disabled",
    "body_too_large",
    "busy",
    "timeout",
    "corpus_error",
    "internal_error",
]

#: The HTTP status of every error code (the table in the module docstring).
STATUS: dict[str, int] = {
    "invalid_request": 422,
    "invalid_input": 400,
    "unsupported_input": 415,
    "fetch_failed": 502,
    "fetch_refused": 403,
    "not_found": 404,
    "no_corpus": 404,
    "method_not_allowed": 405,
    "unauthorized": 401,
    "writes_disabled": 403,
    "body_too_large": 413,
    "busy": 503,
    "timeout": 504,
    "corpus_error": 503,
    "internal_error": 500,
}


class ErrorDetail(BaseModel):
    code: ErrorCode = Field(description="Stable machine-readable code; see the service docs.")
    message: str = Field(description="One line saying what went wrong and what to do.")


class ErrorBody(BaseModel):
    """What every error answer holds."""

    error: ErrorDetail


class ApiError(Exception):
    """An error answer: raised anywhere in a request, turned into JSON by the app."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message

    @property
    def status(self) -> int:
        return STATUS[self.code]

    def body(self) -> dict[str, dict[str, str]]:
        return ErrorBody(error=ErrorDetail(code=self.code, message=self.message)).model_dump()


def from_newsprobe(exc: NewsprobeError) -> ApiError:
    """The API error for a library error: the code by its class, the message as it is."""
    message = str(exc)
    if isinstance(exc, FetchError):
        if exc.status is None and "refused" in message:
            # The guard's advice names the CLI's option; a server's client cannot pass it.
            message = message.replace(
                "pass --allow-private to allow it", "this server does not fetch such addresses"
            )
            return ApiError("fetch_refused", message)
        return ApiError("fetch_failed", message)
    if isinstance(exc, UnsupportedInputError):
        return ApiError("unsupported_input", message)
    if isinstance(exc, IngestError | ConfigError):
        return ApiError("invalid_input", message)
    if isinstance(exc, NotInCorpusError):
        return ApiError("not_found", message)
    if isinstance(exc, CorpusError):
        log.error("corpus error: %s", message)
        return ApiError("corpus_error", message)
    log.error("newsprobe error: %s: %s", type(exc).__name__, message)
    return ApiError("internal_error", "newsprobe failed on this input; the server log says why")
