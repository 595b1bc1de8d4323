"""Guarded fetching of article pages and feeds.

A URL given to newsprobe is untrusted: it may point at the machine's own services
(``http://127.0.0.1:8080/admin``), the cloud metadata endpoint (``169.254.169.254``), a
gigabyte of zeros compressed to a megabyte, or a redirect chain into any of those. So:

- only ``http``/``https``; every host is resolved and *every* address it resolves to must
  be public, checked again on each redirect (followed by hand, at most `MAX_REDIRECTS`);
  ``allow_private`` opens private and loopback addresses, never link-local ones (the
  cloud metadata service at 169.254.169.254 hands out credentials);
- the connection goes to the address that was checked, never to a second lookup of the
  name (a DNS server answering differently the second time, "DNS rebinding", would
  otherwise lead it anywhere);
- a URL with a user name or password (``user:secret@host``) is refused, and the password
  is never shown in a message;
- connect and read timeouts, and an overall deadline (`_DEADLINE_FACTOR` times the
  timeout) enforced on every socket read, so a server trickling one byte a second
  cannot hold on;
- the body is decompressed here, incrementally and with a cap on the *decompressed* size;
- only HTML, XHTML, plain text and RSS/Atom/XML bodies are accepted.

    >>> page = fetch("https://news.example/story", allow_private=False)
    >>> page.content_type, len(page.content)
    ('text/html', 48213)

Tests pass ``transport=httpx.MockTransport(...)`` and ``resolve=lambda host, port: [...]``;
a custom transport makes its own connections, so neither the pinning nor the socket-level
deadline applies to it (the deadline is still checked between body chunks). Environment
proxies are not used: a proxy would resolve the name itself, out of the guard's reach.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsprobe._version import __version__
from newsprobe.errors import FetchError

if TYPE_CHECKING:
    # Imported where a page is fetched: httpx costs a tenth of a second to import, and
    # most runs read local files.
    import httpx

__all__ = [
    "MAX_REDIRECTS",
    "USER_AGENT",
    "Fetcher",
    "Page",
    "Resolver",
    "check_address",
    "fetch",
    "redact_url",
]

MAX_REDIRECTS = 5
USER_AGENT = f"newsprobe/{__version__} (+article analysis)"
#: Resolves (host, port) to IP address strings; `socket.getaddrinfo` by default.
Resolver = Callable[[str, int], Iterable[str]]

_ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# The whole fetch (all redirects and the body) may take this many times the read timeout;
# with the default 15 s that is one minute, beyond any real news page on a slow link.
_DEADLINE_FACTOR = 4
_CHUNK = 65_536
# Cloud instance-metadata endpoints outside the link-local range (AWS over IPv6, Alibaba).
_METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")}
)


# The authority of a URL and its user information, up to the last "@" before the path.
_USERINFO = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.-]*:)?//(?P<userinfo>[^/?#]*)@", re.I)


def redact_url(url: str) -> str:
    """`url` without its ``user:password@`` part, for messages and stored fields."""
    return _USERINFO.sub(lambda m: f"{m['scheme'] or ''}//", url.strip(), count=1)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response body and what the server said about it.

    Attributes:
        url: the final URL, after redirects.
        content: the decompressed body.
        content_type: media type without parameters ("" when the server sent none).
        charset: the charset from the Content-Type header, if any.
        status: the HTTP status of the final response.
    """

    url: str
    content: bytes
    content_type: str
    charset: str | None
    status: int


def _default_resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def _why_refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return _why_refused(mapped)
    # Order matters: 169.254/16 and ::1 are also "private" in Python's tables, and the
    # more specific reason is the one a reader can act on.
    checks = (
        ("is_unspecified", "an unspecified"),
        ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"),
        ("is_multicast", "a multicast"),
        ("is_reserved", "a reserved"),
        ("is_private", "a private"),
    )
    for attribute, reason in checks:
        if getattr(ip, attribute):
            return f"{reason} address"
    # fec0::/10, deprecated (RFC 3879) but still routed inside some networks; Python's
    # tables count it as global.
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return "a site-local address"
    if not ip.is_global:
        return "a non-public address"
    return None


def check_address(address: str, *, url: str) -> None:
    """Refuse an IP address that is not publicly routable.

    Raises:
        FetchError: the address is private, loopback, link-local, multicast, reserved or
            unspecified (also as IPv4-mapped IPv6); the message says which.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError as exc:
        raise FetchError(f"refused: {address!r} is not an IP address", url=url) from exc
    reason = _why_refused(ip)
    if reason:
        inner = ip.ipv4_mapped or ip.sixtofour if isinstance(ip, ipaddress.IPv6Address) else None
        shown = f"{ip} ({inner})" if inner else str(ip)
        raise FetchError(f"refused: {shown} is {reason}; pass --allow-private to allow it", url=url)


def _never_fetched(address: str) -> bool:
    """Link-local addresses and known cloud metadata endpoints: refused even when allowed.

    `--allow-private` exists to read a page from a local or intranet server; no article
    lives at 169.254.169.254 (the instance metadata service of most clouds, which hands out
    credentials), so a page that redirects there is refused whatever the options say.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        ip = ip.ipv4_mapped or ip.sixtofour or ip
    return ip.is_link_local or ip in _METADATA_ADDRESSES


def _check_url(url: httpx.URL, *, allow_private: bool, resolve: Resolver) -> list[str]:
    """The checked addresses of `url`'s host: the only ones a connection may go to."""
    shown = str(url)
    if url.scheme not in ("http", "https"):
        raise FetchError(
            f"refused: the {url.scheme or 'missing'} scheme is not fetched; "
            "only http:// and https:// URLs are",
            url=shown,
        )
    host = url.host
    if not host:
        raise FetchError("the URL has no host", url=shown)
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        ipaddress.ip_address(host)
        addresses: list[str] = [host]
    except ValueError:
        try:
            addresses = list(resolve(host, port))
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"cannot resolve host {host!r}: {exc}", url=shown) from exc
    if allow_private:
        for address in addresses:
            if _never_fetched(address):
                raise FetchError(
                    f"refused: {address} is a link-local address (where cloud metadata "
                    "services live); it is never fetched, even with --allow-private",
                    url=shown,
                )
    if not addresses:
        raise FetchError(f"host {host!r} resolves to no address", url=shown)
    if not allow_private:
        for address in addresses:
            check_address(address, url=shown)
    return addresses


class _Decoder:
    """Incremental gzip/deflate decoding that never produces more than a cap."""

    def __init__(self, encoding: str, *, limit: int, url: str) -> None:
        self._url = url
        self._limit = limit
        self._size = 0
        self._identity = encoding in ("", "identity")
        self._wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(self._wbits)
        if not self._identity and encoding not in ("gzip", "x-gzip", "deflate"):
            raise FetchError(f"unsupported content encoding {encoding!r}", url=url)

    def _count(self, data: bytes) -> bytes:
        self._size += len(data)
        if self._size > self._limit:
            raise FetchError(
                f"refused: the page is larger than {self._limit:,} bytes (decompressed)",
                url=self._url,
            )
        return data

    def feed(self, chunk: bytes) -> bytes:
        if self._identity:
            return self._count(chunk)
        out = bytearray()
        data = chunk
        while data:
            try:
                # max_length bounds what one call may expand to: a 64 KB chunk of a
                # compression bomb would otherwise inflate to ~64 MB before we count it.
                piece = self._zlib.decompress(data, self._limit - self._size + 1)
            except zlib.error as exc:
                if self._wbits == zlib.MAX_WBITS and not out and self._size == 0:
                    # "deflate" is often sent raw, without the zlib header.
                    self._wbits = -zlib.MAX_WBITS
                    self._zlib = zlib.decompressobj(self._wbits)
                    continue
                raise FetchError(f"the compressed body is corrupt: {exc}", url=self._url) from exc
            out += self._count(piece)
            if self._zlib.unconsumed_tail:
                data = self._zlib.unconsumed_tail
            elif self._zlib.eof and self._zlib.unused_data:
                data = self._zlib.unused_data  # another gzip member follows
                self._zlib = zlib.decompressobj(self._wbits)
            else:
                data = b""
        return bytes(out)


def _media_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def _read_body(response: httpx.Response, *, url: str, max_bytes: int, deadline: float) -> bytes:
    media, _ = _media_type(response.headers.get("content-type", ""))
    # A missing type is let through: the content is sniffed like a file's.
    if media and media not in _ACCEPTED_TYPES:
        raise FetchError(
            f"refused: content type {media} is not an article page; newsprobe reads HTML, "
            "XHTML, plain text and RSS/Atom feeds",
            url=url,
            status=response.status_code,
        )
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"refused: the page is larger than {max_bytes:,} bytes",
            url=url,
            status=response.status_code,
        )
    if response.is_stream_consumed:
        # A transport that hands over a body it already read (httpx decoded it); only the
        # size can still be checked. Network transports always stream.
        if len(response.content) > max_bytes:
            raise FetchError(f"refused: the page is larger than {max_bytes:,} bytes", url=url)
        return response.content
    encoding = response.headers.get("content-encoding", "").strip().lower()
    decoder = _Decoder(encoding, limit=max_bytes, url=url)
    body = bytearray()
    for chunk in response.iter_raw(_CHUNK):
        body += decoder.feed(chunk)
        if time.monotonic() > deadline:
            raise FetchError("timed out while reading the page", url=url)
    return bytes(body)


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 15.0,
    max_bytes: int = 20 * 1024 * 1024,
    client: httpx.Client | None = None,
    transport: httpx.BaseTransport | None = None,
    resolve: Resolver | None = None,
) -> Page:
    """Fetch a page under the guards in the module docstring.

    Args:
        url: an http:// or https:// URL.
        allow_private: fetch private and loopback addresses too (link-local and cloud
            metadata addresses stay refused).
        timeout: seconds for connecting and for each read; the whole fetch gets
            `_DEADLINE_FACTOR` times as long.
        max_bytes: largest body accepted, counted after decompression.
        client: an httpx client to use (its redirect setting is overridden; redirects are
            always followed here, one checked hop at a time). Its connections are not
            pinned to the checked address: `Fetcher` is the way to reuse one safely.
        transport: build a client over this transport (e.g. ``httpx.MockTransport``).
        resolve: host-name resolver used for the address check (tests inject one).

    Raises:
        FetchError: refused, unreachable, timed out, an HTTP error status, too many
            redirects, too large, or a content type that is not a page.
    """
    with Fetcher(
        allow_private=allow_private,
        timeout=timeout,
        max_bytes=max_bytes,
        transport=transport,
        resolve=resolve,
        client=client,
    ) as get:
        return get(url)


def _refuse_credentials(url: httpx.URL, *, given: str) -> None:
    if url.userinfo:
        shown = redact_url(str(url))
        where = "" if shown == redact_url(given) else f" (redirected from {redact_url(given)})"
        raise FetchError(
            "refused: the URL holds a user name or password (user:password@); newsprobe "
            f"never sends credentials: remove them from the URL{where}",
            url=shown,
        )


_ACCEPT = {
    "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8",
    # Only encodings decoded (and capped) by `_Decoder`.
    "Accept-Encoding": "gzip, deflate",
}


class Fetcher:
    """Fetch several URLs (a feed's articles) over one connection pool, same guards.

        >>> with Fetcher(allow_private=False) as get:
        ...     page = get("https://news.example/story")

    Args:
        allow_private, timeout, max_bytes, transport, resolve: as for `fetch`.
        client: an httpx client to use instead of one built here (not pinned).
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        timeout: float = 15.0,
        max_bytes: int = 20 * 1024 * 1024,
        transport: httpx.BaseTransport | None = None,
        resolve: Resolver | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._transport = transport
        self._resolve = resolve or _default_resolve
        self._client = client
        self._owned = client is None
        self._backend: Any = None  # a PinnedBackend when our own transport connects

    def _session(self) -> httpx.Client:
        import httpx

        if self._client is None:
            transport = self._transport
            if transport is None:
                from newsprobe.ingest.pinned import PinnedBackend, pinned_transport

                self._backend = PinnedBackend()
                transport = pinned_transport(self._backend)
            self._client = httpx.Client(
                transport=transport,
                timeout=httpx.Timeout(self.timeout, connect=self.timeout),
                headers={"User-Agent": USER_AGENT},
                follow_redirects=False,
                trust_env=False,
            )
        return self._client

    def __call__(self, url: str) -> Page:
        import httpx

        given = url
        safe = redact_url(url)
        deadline = time.monotonic() + _DEADLINE_FACTOR * self.timeout
        session = self._session()
        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise FetchError(f"not a valid URL: {redact_url(str(exc))}", url=safe) from exc
        try:
            for hop in range(MAX_REDIRECTS + 1):
                _refuse_credentials(current, given=given)
                shown = str(current)
                try:
                    addresses = _check_url(
                        current, allow_private=self.allow_private, resolve=self._resolve
                    )
                except FetchError as exc:
                    if hop:  # name the URL the user gave, not only where it led
                        raise FetchError(
                            f"{exc.args[0]} (redirected from {safe})", url=shown
                        ) from exc
                    raise
                if self._backend is not None:
                    host = current.raw_host.decode("ascii")
                    self._backend.pin(host, addresses, deadline=deadline)
                with session.stream("GET", current, headers=_ACCEPT) as resp:
                    if resp.status_code in _REDIRECTS and "location" in resp.headers:
                        try:
                            current = current.join(resp.headers["location"])
                        except httpx.InvalidURL as exc:
                            raise FetchError(f"bad redirect: {exc}", url=shown) from exc
                        continue
                    if not 200 <= resp.status_code < 300:
                        raise FetchError(
                            f"HTTP {resp.status_code} {resp.reason_phrase}".strip(),
                            url=shown,
                            status=resp.status_code,
                        )
                    body = _read_body(resp, url=shown, max_bytes=self.max_bytes, deadline=deadline)
                    media, charset = _media_type(resp.headers.get("content-type", ""))
                    return Page(shown, body, media, charset, resp.status_code)
            raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})", url=safe)
        except httpx.TimeoutException as exc:
            if time.monotonic() >= deadline:
                raise FetchError(
                    f"timed out: no complete answer within {_DEADLINE_FACTOR * self.timeout:g} s",
                    url=safe,
                ) from exc
            raise FetchError(f"timed out after {self.timeout:g} s", url=safe) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"could not fetch: {redact_url(str(exc))}", url=safe) from exc

    def close(self) -> None:
        """Close the connection pool (idempotent)."""
        if self._client is not None and self._owned:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
