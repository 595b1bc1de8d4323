"""`create_app(settings)`: the REST API and the web page, as one FastAPI application.

    >>> app = create_app(Settings(db="newsprobe.db", token="s3cret"))
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)      # what `newsprobe serve` does

What happens once per worker process, at start (the lifespan), not on the first call: the
pipeline is built and loaded by analysing a small article (`AnalysisRunner.start`), and
the corpus is opened (created or upgraded) when ``db`` is set. uvicorn accepts
connections only after that, so ``GET /healthz`` answering means the worker is ready.

Around every request, outermost first: security headers, the body size limit
(`BodyLimit`), CORS (only with ``cors_origins``), then the routes: ``routes/analyses.py``,
``routes/corpus.py``, ``routes/health.py`` (the API under ``/v1``) and ``routes/web.py``
(the pages). Errors of every kind become the JSON of `newsprobe.service.errors` (or an
HTML error page for the pages).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from newsprobe._version import __version__
from newsprobe.errors import NewsprobeError
from newsprobe.service.errors import ApiError, ErrorCode, from_newsprobe
from newsprobe.service.middleware import BodyLimit, SecurityHeaders
from newsprobe.service.runner import AnalysisRunner, RecentAnalyses
from newsprobe.service.settings import Settings
from newsprobe.service.state import ServiceState

if TYPE_CHECKING:
    from newsprobe.analyzers.pipeline import Pipeline

__all__ = ["app_from_env", "create_app"]

log = logging.getLogger("newsprobe.service")

_BY_STATUS: dict[int, ErrorCode] = {
    400: "invalid_request",
    401: "unauthorized",
    403: "writes_disabled",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    422: "invalid_request",
}


def _wants_html(request: Request) -> bool:
    """Whether an error should be a page (a browser on the web pages) rather than JSON."""
    path = request.url.path
    if path.startswith(("/v1/", "/healthz", "/openapi", "/docs", "/static/")):
        return False
    return "text/html" in request.headers.get("accept", "")


def _error_response(request: Request, error: ApiError) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if error.code == "unauthorized" else None
    if _wants_html(request):
        from newsprobe.service.pages import error_page

        return error_page(error, headers=headers)
    return JSONResponse(error.body(), status_code=error.status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    """The first problem of a validation error, in one line: where, and what is wrong."""
    errors = exc.errors()
    if not errors:
        return "the request does not fit the schema"
    first = errors[0]
    loc = list(first.get("loc", ()))
    if loc and loc[0] in ("body", "query", "path", "header"):
        loc = loc[1:]  # where FastAPI found it, not a field (a field may be named "body")
    where = ".".join(str(p) for p in loc) or "request"
    message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    if first.get("type") == "extra_forbidden":
        message = "no such field; the fields this endpoint takes are listed at /docs"
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}"


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return _error_response(request, exc)

    async def newsprobe_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NewsprobeError)
        return _error_response(request, from_newsprobe(exc))

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _error_response(request, ApiError("invalid_request", _validation_message(exc)))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = _BY_STATUS.get(exc.status_code, "invalid_request")
        if code == "not_found":
            message = f"no such resource: {request.method} {request.url.path}"
        elif code == "method_not_allowed":
            message = f"{request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        error = ApiError(code, message)
        response = _error_response(request, error)
        response.status_code = exc.status_code
        return response

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        error = ApiError("internal_error", "newsprobe failed on this request; the log says why")
        return _error_response(request, error)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(NewsprobeError, newsprobe_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)


def create_app(settings: Settings | None = None, *, pipeline: Pipeline | None = None) -> FastAPI:
    """The application for `settings` (defaults: local only, no corpus, writes off).

    Args:
        settings: how to run (`Settings`).
        pipeline: use this pipeline instead of building one from ``settings.analyzers``
            (tests share one loaded pipeline among several apps).
    """
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from newsprobe.analyzers.pipeline import Pipeline

        chosen = pipeline or Pipeline(
            list(settings.analyzers) if settings.analyzers else None, on_error="record"
        )
        runner = AnalysisRunner(chosen, timeout=settings.analysis_timeout, queue=settings.queue)
        corpus = None
        if settings.db is not None:
            from newsprobe.corpus import Corpus

            corpus = await asyncio.to_thread(Corpus, settings.db)
        state = ServiceState(
            settings=settings,
            runner=runner,
            recent=RecentAnalyses(settings.cache_size),
            corpus=corpus,
        )
        app.state.service = state
        try:
            await runner.start()
            log.info("newsprobe service ready (corpus: %s)", corpus.location if corpus else None)
            yield
        finally:
            runner.close()
            if corpus is not None:
                corpus.close()

    app = FastAPI(
        title="newsprobe",
        version=__version__,
        summary="Read the news critically: claims, sources, speculation and spin, "
        "pinned to exact spans.",
        description="The REST API of newsprobe. `POST /v1/analyze` returns exactly the JSON "
        "of `newsprobe analyze --format json`. Endpoints that write need "
        "`Authorization: Bearer TOKEN`, with the token the server was started with. "
        'Errors are `{"error": {"code": ..., "message": ...}}` with stable codes.',
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    _install_error_handlers(app)

    from newsprobe.service.routes import analyses, corpus, health, web

    app.include_router(health.router)
    app.include_router(analyses.router)
    app.include_router(corpus.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(packages=[("newsprobe.service", "static")]), name="static")

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> Any:
    """The app of a uvicorn worker process, from the settings its parent put in the
    environment (``uvicorn.run("newsprobe.service.app:app_from_env", factory=True)``)."""
    return create_app(Settings.from_env())
