"""What routes depend on: the worker's state, the corpus, and the writer's token."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsprobe.corpus.corpus import Corpus
from newsprobe.service.errors import ApiError
from newsprobe.service.state import ServiceState

__all__ = ["CorpusDep", "StateDep", "WriterDep", "require_corpus", "require_writer", "state"]

_bearer = HTTPBearer(
    auto_error=False,
    description="The token `newsprobe serve` was started with (--token or NEWSPROBE_TOKEN).",
)


def state(request: Request) -> ServiceState:
    """The worker's shared state, set up by the lifespan."""
    found: ServiceState = request.app.state.service
    return found


StateDep = Annotated[ServiceState, Depends(state)]


def require_corpus(request: Request) -> Corpus:
    """The corpus, or 404 ``no_corpus`` when the service runs without one."""
    corpus = state(request).corpus
    if corpus is None:
        raise ApiError(
            "no_corpus",
            "this server runs without a corpus; start it with --db newsprobe.db "
            "(or a postgresql:// URL) to store and compare articles",
        )
    return corpus


CorpusDep = Annotated[Corpus, Depends(require_corpus)]


def require_writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Let the request write only with the configured bearer token.

    No token configured: 403 ``writes_disabled``, saying how to turn writing on. A missing
    or wrong token: 401 ``unauthorized``. Tokens are compared in constant time.
    """
    token = state(request).settings.token
    if not token:
        raise ApiError(
            "writes_disabled",
            "writing is off on this server: start it with --token TOKEN (or set "
            "NEWSPROBE_TOKEN) and send the header 'Authorization: Bearer TOKEN'",
        )
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise ApiError(
            "unauthorized",
            "this endpoint writes: send the header 'Authorization: Bearer TOKEN' with the "
            "server's token",
        )


WriterDep = Depends(require_writer)
