"""GET requests over kept-alive HTTP/1.1 connections: the lean read path of a large sync.

A full Chatwoot pass asks once per conversation, so 10,000 conversations are 10,000 small GETs.
httpx spends about 2.5 ms of CPU on each (pool bookkeeping, a readiness system call per idle
connection, anyio's cancel scopes); here a request is a prepared head written to an asyncio
protocol and an answer cut out of its bytes (``agentdesk.sync.http_answer``), a fraction of that
(bench/README.md). It does only what a sync's reads need: GET, keep-alive, Content-Length,
chunked and gzip bodies, TLS verified with httpx's default context. Failures are raised as
httpx's transport errors, so callers map them as before. Writes stay on httpx.

The timeout is httpx's: for connecting, and for each wait for more of the answer. An answer that
arrived while the process was busy elsewhere counts as in time, even when the timer is due too.
Connections are opened on demand, so callers bound how many requests run at once; at most
``keep`` idle ones are kept. A kept connection the server closed meanwhile is noticed without a
system call (the event loop saw its end). New connections are opened one after the other: a
burst of simultaneous connects overflows a small server's accept queue, and each dropped one
costs a second until the kernel tries again. As with httpx, a request is never sent twice: a
connection that breaks before the answer is an error for the caller to retry.
"""

from __future__ import annotations

import asyncio
import gzip
import re
import ssl
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import httpx

from agentdesk.sync.http_answer import AnswerReader, ProtocolError

USER_AGENT = "AgentDesk"
_NOT_IN_A_HEAD = re.compile(r"[\x00-\x1f\x7f]")  # controls (CR, LF...) would end a line early
_NOT_IN_A_TARGET = re.compile(r"[\x00-\x20\x7f-\U0010ffff]")  # a request target is visible ASCII


@dataclass(frozen=True, slots=True)
class GetResponse:
    status: int
    headers: dict[str, str]  # lower-case names; a repeated header keeps its last value
    body: bytes

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300


class _Connection(asyncio.Protocol):
    """One socket, the bytes of its answer so far and the one request waiting for more (if any)."""

    def __init__(self) -> None:
        self.reader = AnswerReader()
        self.transport: asyncio.Transport | None = None
        self.ended = False  # the server closed its side, or the connection broke
        self.failure: Exception | None = None
        self._waiter: asyncio.Future[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.reader.feed(data)
        self._wake()

    def eof_received(self) -> bool:
        self._end(None)
        return False  # close the transport

    def connection_lost(self, exc: Exception | None) -> None:
        self._end(exc)

    def alive(self) -> bool:
        return not self.ended and self.transport is not None and not self.transport.is_closing()

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    async def more(self, timeout: float | None) -> None:
        """Wait until bytes (or the end) arrive; ReadTimeout after ``timeout`` seconds without."""
        if self.ended:
            return
        loop = asyncio.get_running_loop()
        waiter = self._waiter = loop.create_future()
        timer = None if timeout is None else loop.call_later(timeout, self._expire, waiter, timeout)
        try:
            await waiter
        finally:
            self._waiter = None
            if timer is not None:
                timer.cancel()

    def _end(self, exc: Exception | None) -> None:
        if not self.ended:
            self.ended, self.failure = True, exc
        self._wake()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    @staticmethod
    def _expire(waiter: asyncio.Future[None], timeout: float) -> None:
        if not waiter.done():  # bytes that came in this same turn of the loop win
            waiter.set_exception(httpx.ReadTimeout(f"no answer within {timeout:g} s"))


class GetPool:
    """Kept-alive connections to one server (``base_url``'s scheme, host and port)."""

    def __init__(
        self, base_url: str, *, timeout: float | None, keep: int, headers: dict[str, str] | None = None
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {base_url!r}")
        default_port = 443 if parts.scheme == "https" else 80
        self._prefix = parts.path.rstrip("/")
        self._host = parts.hostname
        self._port = parts.port or default_port
        self._ssl: ssl.SSLContext | None = httpx.create_ssl_context() if parts.scheme == "https" else None
        host = f"[{self._host}]" if ":" in self._host else self._host
        fields = [
            ("Host", host if self._port == default_port else f"{host}:{self._port}"),
            ("User-Agent", USER_AGENT),
            ("Accept", "application/json"),
            ("Accept-Encoding", "gzip"),
            *(headers or {}).items(),
        ]
        # Every request's head after its first line, ready to send; a value that could not be sent
        # (a token with a line break, say) fails each request as httpx would, not the set-up.
        self._head = "".join(f"{name}: {value}\r\n" for name, value in fields) + "\r\n"
        self._bad_head = any(_NOT_IN_A_HEAD.search(f"{name}{value}") for name, value in fields)
        self._timeout = timeout
        self._keep = keep
        self._idle: list[_Connection] = []
        self._closed = False
        self._connecting = asyncio.Lock()

    @staticmethod
    def reaches_directly(base_url: str) -> bool:
        """False when the environment names a proxy for this URL, as httpx would use (HTTP_PROXY & co.)."""
        parts = urlsplit(base_url)
        proxies = urllib.request.getproxies_environment()
        if not (proxies.get(parts.scheme) or proxies.get("all")):
            return True
        bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]  # NO_PROXY, as httpx reads it
        return bool(bypass(parts.netloc, proxies))

    async def get(self, path: str, params: dict[str, str | int] | None = None) -> GetResponse:
        """One GET of ``path`` (below the base URL); failures are httpx.TransportError subclasses."""
        if self._closed:
            raise RuntimeError("This connection pool was closed.")
        target = f"{self._prefix}{path}?{urlencode(params)}" if params else self._prefix + path
        if self._bad_head or _NOT_IN_A_TARGET.search(target):
            raise httpx.LocalProtocolError("a header or the path holds characters HTTP cannot carry")
        request = f"GET {target} HTTP/1.1\r\n{self._head}".encode("latin-1")
        return await self._exchange(self._reused() or await self._open(), request)

    async def close(self) -> None:
        self._closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    def _reused(self) -> _Connection | None:
        while self._idle:
            connection = self._idle.pop()
            if connection.alive():
                return connection
            connection.close()
        return None

    async def _open(self) -> _Connection:
        loop = asyncio.get_running_loop()
        try:
            async with self._connecting, asyncio.timeout(self._timeout):
                _, connection = await loop.create_connection(
                    _Connection,
                    self._host,
                    self._port,
                    ssl=self._ssl,
                    server_hostname=self._host if self._ssl else None,
                )
        except TimeoutError as exc:
            raise httpx.ConnectTimeout(f"no connection within {self._timeout:g} s") from exc
        except OSError as exc:  # ssl.SSLError is one: its cause tells a TLS failure from the rest
            raise httpx.ConnectError(f"{type(exc).__name__}: {exc}") from exc
        return connection

    async def _exchange(self, connection: _Connection, request: bytes) -> GetResponse:
        reusable = False
        try:
            assert connection.transport is not None
            connection.transport.write(request)
            while True:
                try:
                    answer = connection.reader.answer(connection.ended)
                except ProtocolError as exc:  # a broken answer, or none before the connection ended
                    raise httpx.RemoteProtocolError(str(exc)) from connection.failure or exc
                if answer is not None:
                    break
                await connection.more(self._timeout)
            reusable = answer.reusable
            return GetResponse(answer.status, answer.headers, _decoded(answer.body, answer.headers))
        finally:
            if reusable and connection.alive() and len(self._idle) < self._keep and not self._closed:
                self._idle.append(connection)
            else:  # an error, a cancellation, or the server closes after this answer
                connection.close()


def _decoded(body: bytes, headers: dict[str, str]) -> bytes:
    if headers.get("content-encoding", "").lower() != "gzip":
        return body
    try:
        return gzip.decompress(body)
    except (OSError, EOFError, zlib.error) as exc:  # a broken transfer, as far as we can tell
        raise httpx.RemoteProtocolError(f"a gzip body that does not unpack: {exc}") from exc
