"""The hard guarantee of training: a trainee profile holds no real account, its engine runs nothing
but the sandbox, and a whole training session sends no request out of the process.

Two traps watch: a loopback HTTP server that records every hit (a "real" account points at it) and
an httpx transport, installed for every client, that records and fails every request.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from agentdesk.cli import main
from agentdesk.core.channels import Audience
from agentdesk.core.entities import Queue
from agentdesk.store import Store
from agentdesk.store.profile import Role, Settings, save_settings
from agentdesk.store.queries import SortOrder
from agentdesk.sync.account_setup import AccountForm, AccountSetup
from agentdesk.sync.chatwoot import setup as chatwoot_setup
from agentdesk.sync.connector_factory import real_connector
from agentdesk.sync.errors import RealSourcesForbidden
from agentdesk.sync.operations import Operations
from agentdesk.sync.workspace import open_workspace


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str]

    def _record(self) -> None:
        self.hits.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _record

    def log_message(self, *args: object) -> None:
        """Quiet: the hits list is the log."""


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


@pytest.fixture
def failing_transport(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every httpx request in the process, sync or async, is recorded and fails."""
    attempts: list[str] = []

    def fail(request: httpx.Request) -> httpx.Response:
        attempts.append(str(request.url))
        raise httpx.ConnectError("a trainee's request left the process", request=request)

    async def fail_async(_self: object, request: httpx.Request) -> httpx.Response:
        return fail(request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", lambda _self, request: fail(request))
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", fail_async)
    return attempts


def _trainee_profile(data_dir: Path) -> None:
    save_settings(data_dir, Settings(role=Role.TRAINEE))


def test_a_trainee_profile_with_a_real_account_does_not_open(tmp_path: Path, loopback: tuple[str, list[str]]) -> None:
    url, hits = loopback
    _trainee_profile(tmp_path)
    store = Store.open(tmp_path)
    store.add_account("sandbox", "Sandbox", datetime.now(UTC))
    store.add_account("chatwoot", "Team", datetime.now(UTC), base_url=url, settings={"account_id": "1"})
    store.close()
    with pytest.raises(RealSourcesForbidden):
        open_workspace(tmp_path)
    with pytest.raises(RealSourcesForbidden):
        open_workspace(tmp_path, sandbox_mode=True)
    assert hits == []


@pytest.mark.asyncio
async def test_a_trainee_session_sends_nothing_out_of_the_process(
    tmp_path: Path, loopback: tuple[str, list[str]], failing_transport: list[str]
) -> None:
    url, hits = loopback
    ws = open_workspace(tmp_path, sandbox_mode=True)
    try:
        assert ws.settings.role is Role.TRAINEE and ws.engine.sandbox_only
        (sandbox,) = ws.accounts
        # The accounts dialog's way in: refused before its connection test.
        with pytest.raises(RealSourcesForbidden):
            await chatwoot_setup.add_account(
                AccountSetup(ws), AccountForm("Team", url, 1, secret="secret-token"), print
            )
        # The engine's own gate, for an account that slipped into the profile some other way.
        smuggled = ws.store.add_account("chatwoot", "Team", datetime.now(UTC), base_url=url)
        connector = real_connector(smuggled)
        assert connector is not None
        with pytest.raises(RealSourcesForbidden):
            ws.engine.add(smuggled, connector)
        # A whole session: sync, reply, the simulated customer answers.
        await ws.engine.sync_once(sandbox.id)
        ops = Operations(ws)
        ids = await ops.conversation_ids(Queue.ALL_OPEN, SortOrder.DUE, "")
        conversation = await ops.conversation(ids[0])
        assert conversation is not None
        await ops.send(ids[0], "Danke für Ihre Nachricht, wir kümmern uns darum.", Audience.PRIVATE)
        await ws.engine.sync_once(sandbox.id)
        assert ws.sandbox is not None
        sent = await asyncio.to_thread(
            ws.sandbox.world.sent_count, conversation.source_id, "Danke für Ihre Nachricht, wir kümmern uns darum."
        )
        assert sent == 1
    finally:
        await ws.close()
    assert hits == [] and failing_transport == []
    with pytest.raises(httpx.ConnectError):  # the trap is armed: a request would have shown here
        httpx.get(url)
    assert failing_transport == [url] and hits == []


def test_the_account_command_refuses_a_trainee_profile(
    tmp_path: Path, loopback: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, hits = loopback
    _trainee_profile(tmp_path)
    code = main(["--data-dir", str(tmp_path), "account", "add", "chatwoot", "--name", "Team", "--url", url,
                 "--account-id", "1"])  # fmt: skip
    assert code == 3 and "training profile" in capsys.readouterr().err
    assert hits == []
