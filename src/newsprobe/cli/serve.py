"""`newsprobe serve`: the REST API and the web page, served by uvicorn.

Binds to 127.0.0.1 unless told otherwise; endpoints that write are off until a token is
given (``--token`` or ``NEWSPROBE_TOKEN``). Each worker process loads the pipeline once,
at start, before it accepts connections. The app is `newsprobe.service.create_app`; this
command only turns options into its `Settings`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from newsprobe.cli.common import fail, state
from newsprobe.errors import NewsprobeError

__all__ = ["serve"]

_LOCAL = ("127.0.0.1", "::1", "localhost")


def serve(
    host: Annotated[
        str, typer.Option(help="Address to bind; 0.0.0.0 makes the service reachable by others.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8000,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="NEWSPROBE_DB",
            help="Corpus: an SQLite file or postgresql://... URL. Without it the corpus "
            "endpoints are off and recent analyses are kept in memory.",
            show_default=False,
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSPROBE_TOKEN",
            help="Bearer token that endpoints which write require; without one they are off.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes, each with its own loaded pipeline.")
    ] = 1,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(help="Allow browser calls from this origin (repeatable); none by default."),
    ] = None,
    max_body_kb: Annotated[
        int | None, typer.Option(min=1, help="Largest request body, in KB. [default: 5120]")
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(min=0.1, help="Seconds an analysis may take, waiting included. [default: 30]"),
    ] = None,
) -> None:
    """Serve the REST API (/v1, OpenAPI at /docs) and the web page (/)."""
    debug = state["debug"]
    try:
        import uvicorn

        from newsprobe.service.settings import Settings
    except ImportError as exc:
        raise fail(
            f"the service needs the 'serve' extra ({exc.name} is missing): "
            "pip install 'newsprobe[serve]'",
            2,
        ) from None
    options: dict[str, object] = {}
    if max_body_kb is not None:
        options["max_body"] = max_body_kb * 1024
    if timeout is not None:
        options["analysis_timeout"] = timeout
    settings = Settings(
        host=host,
        port=port,
        db=db,
        token=token or None,
        workers=workers,
        cors_origins=tuple(cors_origin or ()),
        **options,
    )
    if host not in _LOCAL and not settings.token:
        typer.echo(
            f"newsprobe: serving on {host}: anyone who reaches it can analyse (and make it "
            "fetch URLs); writing stays off without --token",
            err=True,
        )
    log_level = "debug" if debug else "info"
    try:
        if workers == 1:
            from newsprobe.service import create_app

            uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)
        else:
            import os

            # Workers start from an import string; they read the settings from the
            # environment they inherit.
            os.environ.update(settings.to_env())
            uvicorn.run(
                "newsprobe.service.app:app_from_env",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                log_level=log_level,
            )
    except NewsprobeError as exc:
        if debug:
            raise
        raise fail(str(exc), exc.exit_code) from None
