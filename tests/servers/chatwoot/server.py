"""A Chatwoot server on 127.0.0.1 for tests: real HTTP, checked against the official spec.

Every request and every answer goes through the OpenAPI contract (``contract.py``); a request
outside the spec gets a 400 and every finding is kept in ``violations``, which the fixture
asserts empty at teardown. Faults (``faults.py``) are injected at the wire, where a real network
or server would fail.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.servers.chatwoot import contract
from tests.servers.chatwoot.api import ApiRequest, ChatwootApi
from tests.servers.chatwoot.cable import CableServer, asks_for_cable
from tests.servers.chatwoot.faults import Fault, FaultKind, FaultPlan
from tests.servers.chatwoot.state import ServerState


class ChatwootServer:
    """Owns the state, the fault plan, the contract findings and the listening thread."""

    def __init__(
        self, state: ServerState | None = None, *, check_responses: bool = True, check_requests: bool = True
    ) -> None:
        self.state = state or ServerState()
        self.api = ChatwootApi(self.state)
        self.faults = FaultPlan()
        self.violations: list[str] = []
        self.requests: list[tuple[str, str]] = []  # (method, path?query) in arrival order
        self.check_responses = check_responses
        self.check_requests = check_requests  # benchmarks turn both off: a check costs milliseconds
        self.cable = CableServer(self.state)  # the websocket at /cable, on the same port
        self._httpd = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.cable = self.cable
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="chatwoot-test-server", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> ChatwootServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.cable.close()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def inject(self, kind: FaultKind, **options: Any) -> Fault:
        """Make the next matching request fail: ``inject(FaultKind.RATE_LIMITED, path="/messages")``."""
        fault = Fault(kind, **options)
        self.faults.add(fault)
        return fault

    def record(self, violation: str) -> None:
        with self.state.lock:
            self.violations.append(violation)

    def count(self, method: str, path_part: str) -> int:
        """How many requests like this arrived: what a test checks to prove nothing was resent."""
        return sum(m == method and path_part in p for m, p in self.requests)


class _QuietServer(ThreadingHTTPServer):
    cable: CableServer | None = None

    def finish_request(self, request: Any, client_address: Any) -> None:
        """A connection that opens with ``GET /cable`` goes to the websocket, the rest to the API."""
        if self.cable is not None and asks_for_cable(request):
            self.cable.serve(request)
        else:
            super().finish_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that timed out, was killed or hung up is what these tests do on purpose."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _handler_for(server: ChatwootServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_ChatwootHandler):
        owner = server

    return Handler


class _ChatwootHandler(BaseHTTPRequestHandler):
    owner: ChatwootServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: without this, 40 ms each

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest shows the server's findings through ``violations`` instead."""

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PATCH(self) -> None:
        self._serve("PATCH")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        owner = self.owner
        parts = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
        with owner.state.lock:
            owner.requests.append((method, self.path))
        spec_request = contract.SpecRequest(
            method,
            parts.path,
            [(k, v) for k, vs in parse_qs(parts.query).items() for v in vs],
            {k: v for k, v in self.headers.items()},
            raw,
            (self.headers.get("Content-Type") or "application/json").lower(),
        )
        fault = owner.faults.take(method, parts.path)
        if fault and fault.kind is FaultKind.DROP_BEFORE_COMMIT:
            return self._drop()
        if fault and fault.kind is FaultKind.SLOW:
            time.sleep(fault.delay)
        if fault and fault.kind is FaultKind.SERVER_ERROR:
            return self._send(fault.status, {"error": "Internal Server Error"})
        if fault and fault.kind is FaultKind.RATE_LIMITED:
            return self._send(429, {"error": "Throttled"}, {"Retry-After": fault.retry_after})
        violation = contract.request_violation(spec_request) if owner.check_requests else None
        if violation:
            owner.record(violation)
            return self._send(
                400,
                {
                    "description": "Request outside the OpenAPI spec",
                    "errors": [{"field": "", "message": violation, "code": "contract"}],
                },
            )
        status, body = owner.api.handle(
            ApiRequest(
                method,
                parts.path,
                parse_qs(parts.query),
                json.loads(raw) if raw else None,
                self.headers.get("api_access_token", ""),
            )
        )
        data = body if isinstance(body, bytes) else json.dumps(body).encode()  # bytes: sent as they are
        if owner.check_responses:
            problem = contract.response_violation(spec_request, contract.SpecResponse(status, data))
            if problem:
                owner.record(problem)
        if fault and fault.kind is FaultKind.DROP_AFTER_COMMIT:
            return self._drop()
        if fault and fault.kind is FaultKind.TRUNCATED_JSON:
            data = data[: max(1, len(data) // 2)]
        self._send_bytes(status, data)

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        self._send_bytes(status, json.dumps(body).encode(), headers)

    def _send_bytes(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _drop(self) -> None:
        """Close the socket without a byte of answer, as a crashed proxy or a lost network would."""
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)
