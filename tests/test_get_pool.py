"""The lean GET path of a sync, against a real socket server that answers with hand-written bytes."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
import pytest_asyncio

from agentdesk.sync.get_pool import GetPool

Answer = Callable[[bytes], bytes | None]  # the request head -> the raw answer, or None to hang up


class RawServer:
    """A loopback server that answers each request with ``answer(head)`` and counts connections."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.connections = 0
        self.requests: list[bytes] = []
        self.writers: list[asyncio.StreamWriter] = []
        self.server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    async def start(self) -> RawServer:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.writers.append(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                self.requests.append(head)
                raw = self.answer(head)
                if raw is None:
                    break
                writer.write(raw)
                await writer.drain()
                if b"Connection: close" in raw:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def stop(self) -> None:
        assert self.server is not None
        for writer in self.writers:
            writer.close()
        self.server.close()
        await self.server.wait_closed()


def ok(body: bytes, *headers: str) -> bytes:
    extra = "".join(f"{h}\r\n" for h in headers)
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n%s\r\n" % (len(body), extra.encode()) + body


@pytest_asyncio.fixture
async def serve() -> AsyncIterator[Callable[[Answer], asyncio.Future[RawServer]]]:
    started: list[RawServer] = []

    def start(answer: Answer) -> asyncio.Future[RawServer]:
        server = RawServer(answer)
        started.append(server)
        return asyncio.ensure_future(server.start())

    yield start
    for server in started:
        await server.stop()


@pytest.mark.asyncio
async def test_chunked_gzip_answers_arrive_whole_and_one_connection_carries_them(serve):
    body = gzip.compress(b'{"payload": [1, 2, 3]}')
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:7], body[7:])) + b"0\r\n\r\n"
    server = await serve(
        lambda _head: (
            b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Encoding: gzip\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n" + chunked
        )
    )
    pool = GetPool(server.url + "/base/", timeout=5, keep=2, headers={"api_access_token": "t"})
    for _ in range(3):
        answer = await pool.get("/api/v1/messages", {"after": 0})
        assert (answer.status, answer.headers["retry-after"], answer.body) == (429, "7", b'{"payload": [1, 2, 3]}')
        assert not answer.is_success
    await pool.close()
    assert server.connections == 1
    assert server.requests[0].startswith(b"GET /base/api/v1/messages?after=0 HTTP/1.1\r\n")
    assert b"api_access_token: t\r\n" in server.requests[0]


@pytest.mark.asyncio
async def test_a_connection_the_server_closes_is_not_reused(serve):
    closing = await serve(lambda _head: ok(b"{}", "Connection: close"))
    pool = GetPool(closing.url, timeout=5, keep=2)
    assert [(await pool.get("/a")).status for _ in range(3)] == [200, 200, 200]
    assert closing.connections == 3

    idle = await serve(lambda _head: ok(b"{}"))
    pool = GetPool(idle.url, timeout=5, keep=2)
    await pool.get("/a")
    idle.writers[0].close()  # the server ends a kept-alive connection while we do nothing
    await asyncio.sleep(0.05)
    assert (await pool.get("/a")).status == 200  # noticed before reuse: a fresh connection, no error
    assert idle.connections == 2
    await pool.close()


@pytest.mark.asyncio
async def test_no_answer_is_a_timeout_and_a_hang_up_an_error_and_neither_is_sent_twice(serve):
    silent = await serve(lambda _head: b"")
    with pytest.raises(httpx.ReadTimeout):
        await GetPool(silent.url, timeout=0.2, keep=1).get("/slow")
    assert len(silent.requests) == 1

    hanging_up = await serve(lambda _head: None)
    pool = GetPool(hanging_up.url, timeout=5, keep=1)
    with pytest.raises(httpx.RemoteProtocolError):
        await pool.get("/dropped")
    assert len(hanging_up.requests) == 1

    truncated = await serve(lambda _head: ok(b'{"payload": [1, 2, 3]}')[:-5])  # and then nothing more
    with pytest.raises(httpx.ReadTimeout):
        await GetPool(truncated.url, timeout=0.2, keep=1).get("/cut")


@pytest.mark.asyncio
async def test_nothing_listening_is_a_connect_error():
    with pytest.raises(httpx.ConnectError):
        await GetPool("http://127.0.0.1:9", timeout=2, keep=1).get("/")


def test_an_environment_proxy_leaves_the_requests_to_httpx(monkeypatch: pytest.MonkeyPatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    assert GetPool.reaches_directly("https://chat.example.com")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example.com:3128")
    assert not GetPool.reaches_directly("https://chat.example.com")
    assert GetPool.reaches_directly("http://chat.example.com")
    monkeypatch.setenv("NO_PROXY", "chat.example.com")
    assert GetPool.reaches_directly("https://chat.example.com")
