"""The test server's API for benchmarks: same state and handlers, no contract checks, no faults,
on a small asyncio HTTP/1.1 loop in several processes that share one listening socket.

``ChatwootServer`` (threads on ``http.server``) answers about 500 requests a second, and its
handler threads contend for one GIL, so a benchmark would measure the server. Here each worker
process has its own interpreter; the state is seeded once, before the workers fork, so every
worker holds the same data (copy-on-write). The data must not change while it serves: the
workers' copies would drift apart. Because it does not change, two things are cheaper here than
in the test server, with the same answers: a conversation list's selection and order are worked
out once per filter and only sliced per page (the test server filters and sorts every conversation
for each page, which grows with the square of the account), and bodies are encoded with orjson.
"""

from __future__ import annotations

import asyncio
import gc
import os
import socket
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import orjson

from tests.servers.chatwoot.api import ApiRequest, ChatwootApi
from tests.servers.chatwoot.state import Conversation, ServerState, User

PARENT_CHECK = 0.5  # seconds between two looks whether the process that started us is still there


class FrozenApi(ChatwootApi):
    """The API over state that no longer changes: a list's selection is kept for its later pages."""

    def __init__(self, state: ServerState) -> None:
        super().__init__(state)
        self._lists: dict[tuple[object, ...], tuple[dict[str, int], list[Conversation]]] = {}

    def listed(self, req: ApiRequest, user: User, account_id: int) -> tuple[dict[str, int], list[Conversation]]:
        query = tuple(sorted((name, tuple(values)) for name, values in req.query.items() if name != "page"))
        key = (user.id, account_id, query)
        if key not in self._lists:
            self._lists[key] = super().listed(req, user, account_id)
        return self._lists[key]


def listen() -> socket.socket:
    """A listening socket on 127.0.0.1, on an ephemeral port, to hand to ``serve_forked``."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    return sock


def serve_forked(state: ServerState, sock: socket.socket, workers: int) -> None:
    """Fork ``workers`` processes that answer on ``sock`` until the calling process ends; never returns."""
    gc.freeze()  # the seeded records are long-lived: keep the collector off them in every worker
    for _ in range(workers - 1):
        if os.fork() == 0:
            break
    asyncio.run(_serve(FrozenApi(state), sock, os.getppid()))


async def _serve(api: ChatwootApi, sock: socket.socket, parent: int) -> None:
    server = await asyncio.get_running_loop().create_server(lambda: _Connection(api), sock=sock)
    async with server:
        while os.getppid() == parent:  # the bench killed our parent: stop, do not linger
            await asyncio.sleep(PARENT_CHECK)


class _Connection(asyncio.Protocol):
    """One client's kept-alive connection: each complete request in the bytes is answered at once.

    A protocol rather than asyncio's streams: no future and no task switch per request, and the
    server's CPU is taken from the same two cores as the client's.
    """

    def __init__(self, api: ChatwootApi) -> None:
        self.api = api
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            request_line, *lines = self.buffer[:end].decode("latin-1").split("\r\n")
            headers = {}
            for line in lines:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length") or 0)
            if len(self.buffer) < end + 4 + length:
                return  # the body is still on its way
            raw = bytes(self.buffer[end + 4 : end + 4 + length])
            del self.buffer[: end + 4 + length]
            self._answer(request_line, headers, raw)

    def _answer(self, request_line: str, headers: dict[str, str], raw: bytes) -> None:
        method, target, _version = request_line.split(" ", 2)
        parts = urlsplit(target)
        status, body = self.api.handle(
            ApiRequest(
                method,
                parts.path,
                parse_qs(parts.query),
                orjson.loads(raw) if raw else None,
                headers.get("api_access_token", ""),
            )
        )
        data = body if isinstance(body, bytes) else orjson.dumps(body)
        assert self.transport is not None
        self.transport.write(
            b"HTTP/1.1 %d %s\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
            % (status, HTTPStatus(status).phrase.encode(), len(data))
            + data
        )
