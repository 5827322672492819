"""A loopback proxy in front of the local PDS that answers like Bluesky's production PDS where the
test network does not: rate-limit headers on every answer, and, once each, the failures a test
queues (a 429, a body that is no JSON, an answer lost after the PDS did the work).

dev-env runs without rate limits, so ``ratelimit-*`` headers and 429s never come from it. They
are added here as Bluesky documents them (docs.bsky.app, "Rate Limits": ``ratelimit-limit``,
``ratelimit-remaining``, ``ratelimit-reset`` in epoch seconds, ``ratelimit-policy``; a 429 with
``{"error": "RateLimitExceeded"}``). Everything else is the real PDS's answer, passed through.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host"}


@dataclass
class Fault:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    forward_first: bool = False  # the PDS does the work, then the answer is replaced (lost on the way)


@dataclass
class FaultState:
    upstream: str
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    remaining: int = 3000  # the budget the next answer reports
    requests: list[str] = field(default_factory=list)  # the methods (NSIDs) asked, in order
    lock: threading.Lock = field(default_factory=threading.Lock)

    def once(self, nsid: str, fault: Fault) -> None:
        with self.lock:
            self.faults.setdefault(nsid, []).append(fault)

    def take(self, nsid: str) -> Fault | None:
        with self.lock:
            queued = self.faults.get(nsid) or []
            return queued.pop(0) if queued else None


class _Handler(BaseHTTPRequestHandler):
    state: FaultState

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        nsid = self.path.split("?", 1)[0].removeprefix("/xrpc/")
        self.state.requests.append(nsid)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        fault = self.state.take(nsid)
        if fault is None or fault.forward_first:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
            with httpx.Client(timeout=20) as client:
                answer = client.request(self.command, self.state.upstream + self.path, headers=headers, content=body)
            status, payload = answer.status_code, answer.content
            out = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP}
        if fault is not None:
            status, payload, out = fault.status, fault.body, {"content-type": "application/json"}
        reset = int(time.time()) + 300
        out = {
            "ratelimit-limit": "3000",
            "ratelimit-remaining": str(self.state.remaining),
            "ratelimit-reset": str(reset),
            "ratelimit-policy": "3000;w=300",
            **out,
            **(fault.headers if fault is not None else {}),
        }
        self.send_response(status)
        for key, value in out.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def faulty_pds(upstream: str) -> Iterator[tuple[str, FaultState]]:
    """The proxy's address and its state, for the length of a ``with``."""
    state = FaultState(upstream.rstrip("/"))
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
