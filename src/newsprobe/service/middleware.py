"""Two small ASGI middlewares: the request body limit and the security headers.

Both are plain ASGI (no `BaseHTTPMiddleware`), so streaming bodies pass through them
untouched and they cost one function call per message.
"""

from __future__ import annotations

import json

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["PAGE_CSP", "BodyLimit", "SecurityHeaders"]

#: The web pages' policy: their own stylesheet and script, nothing else; forms post back
#: to the service only. (The report pages carry the report's stricter, hash-based policy.)
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


def _too_large(limit: int) -> str:
    return f"the request body is larger than {limit:,} bytes; send a shorter article"


class BodyLimit:
    """Answers 413 ``body_too_large`` for a body over `limit` bytes.

    A declared Content-Length over the limit is refused before the body is read; a body
    sent without one (chunked) is counted as it arrives and refused when it passes the
    limit (FastAPI passes the `HTTPException` raised while reading on to the error handler).
    """

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            body = {"error": {"code": "body_too_large", "message": _too_large(self.limit)}}
            if not declared.isdigit():
                body = {"error": {"code": "invalid_request", "message": "bad Content-Length"}}
            payload = json.dumps(body).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 413 if declared.isdigit() else 422,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(payload)).encode()),
                        (b"connection", b"close"),
                        *_HEADERS,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": payload})
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(status_code=413, detail=_too_large(self.limit))
            return message

        await self.app(scope, counted, send)


class SecurityHeaders:
    """Adds nosniff, no-referrer and no-framing to every answer, and the pages' CSP to
    HTML answers that do not set their own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [h for h in _HEADERS if h[0] not in names]
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and (
                    b"content-security-policy" not in names
                ):
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
