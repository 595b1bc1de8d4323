"""An httpx transport that connects only to checked addresses, within one deadline.

`web.fetch` resolves a host and checks every address before connecting. A stock httpx
transport would then resolve the name a second time, and a DNS server that answers
with a public address first and ``127.0.0.1`` the second time (DNS rebinding) would steer
the connection past the check. This transport's network backend instead connects to
the addresses `web.fetch` pinned for the host (the URL's host still goes in the Host
header, and TLS still verifies the certificate against the name).

Every socket operation also gets at most the time left before the fetch's overall
deadline: httpx's read timeout restarts with every byte, so a server sending one byte a
second would otherwise never time out.

    >>> backend = PinnedBackend()
    >>> client = httpx.Client(transport=pinned_transport(backend))
    >>> backend.pin("news.example", ["93.184.216.34"], deadline=time.monotonic() + 60)
"""

from __future__ import annotations

import math
import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

__all__ = ["PinnedBackend", "pinned_transport"]


class PinnedBackend(httpcore.NetworkBackend):
    """Connects a host name only to the addresses pinned for it, before `deadline`."""

    def __init__(self) -> None:
        self._addresses: dict[str, list[str]] = {}
        self._inner = httpcore.SyncBackend()
        self.deadline = math.inf

    def pin(self, host: str, addresses: Iterable[str], *, deadline: float) -> None:
        """Allow connections to `host` (as in the URL, ASCII) at these checked addresses."""
        self._addresses[host.lower()] = list(addresses)
        self.deadline = deadline

    def remaining(self, timeout: float | None) -> float:
        """`timeout` cut to the time left before the deadline; raises once it has passed."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the overall deadline for this fetch has passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._addresses.get(host.lower().strip("[]"))
        if not addresses:
            raise httpcore.ConnectError(f"{host} was not checked before connecting")
        error: Exception | None = None
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(
                    address.split("%", 1)[0],
                    port,
                    self.remaining(timeout),
                    local_address,
                    socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc  # the next checked address, as getaddrinfo users do
                continue
            return _DeadlineStream(stream, self)
        assert error is not None
        raise error

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the backend's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, backend: PinnedBackend) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._backend.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._backend.remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, self._backend.remaining(timeout)
        )
        return _DeadlineStream(inner, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


def pinned_transport(backend: PinnedBackend) -> httpx.HTTPTransport:
    """An `httpx.HTTPTransport` whose connection pool connects through `backend`.

    httpx does not take a network backend as an argument, so the pool it built is
    replaced by an equal one (same TLS defaults) over ours.
    """
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=backend,
    )
    return transport
