"""The engine with Chatwoot's push channel, against the loopback server: a change on the server
is fetched at once instead of at the next poll, polling slows to a safety net while pushes arrive,
and a server without /cable is still synced by polling."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from agentdesk.core.events import AccountState
from agentdesk.sync.workspace import Workspace, open_workspace, utc_now
from tests.conftest import wait_until
from tests.servers.chatwoot import ChatwootServer, Demo
from tests.servers.chatwoot.profiles import add_account
from tests.servers.chatwoot.views import pubsub_token
from tests.servers.memory_keyring import MemoryKeyring

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


def state(ws: Workspace) -> AccountState:
    return ws.engine.states()[0]


def texts(ws: Workspace) -> list[str]:
    return [m["text"] for c in ws.store.export(utc_now())["conversations"] for m in c["messages"]]


async def started(data_dir: Path, server: ChatwootServer, demo: Demo, poll_interval: float) -> Workspace:
    add_account(data_dir, server, demo.account_id)
    ws = open_workspace(data_dir, poll_interval=poll_interval)
    ws.engine.start()
    await wait_until(lambda: state(ws).since is not None, timeout=10)  # the first pass is in
    return ws


@pytest.mark.asyncio
async def test_a_customer_message_is_fetched_at_once_not_at_the_next_poll(
    tmp_path: Path, vault: MemoryKeyring, chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    ws = await started(tmp_path, chatwoot_server, chatwoot_demo, poll_interval=30.0)
    try:
        await wait_until(lambda: state(ws).live is True)
        with chatwoot_server.state.lock:
            chatwoot_server.state.customer_writes(chatwoot_demo.conversations["email"], "Any news on my invoice?")

        await wait_until(lambda: "Any news on my invoice?" in texts(ws), timeout=1.5)  # the poll is 30 s away
    finally:
        await ws.close()
    assert pubsub_token(chatwoot_demo.me).encode() not in b"".join(
        p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()
    )


@pytest.mark.asyncio
async def test_while_pushes_arrive_polling_is_only_a_safety_net(
    tmp_path: Path, vault: MemoryKeyring, chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    ws = await started(tmp_path, chatwoot_server, chatwoot_demo, poll_interval=0.1)
    try:
        await wait_until(lambda: state(ws).live is True)
        await asyncio.sleep(0.3)  # the catch-up pass that going live starts
        before = chatwoot_server.count("GET", "/conversations?")
        await asyncio.sleep(1.0)  # ten polls' worth
        assert chatwoot_server.count("GET", "/conversations?") - before == 0

        chatwoot_server.cable.enabled = False
        chatwoot_server.cable.drop()  # the line is gone for good: poll at the normal pace again
        await wait_until(lambda: state(ws).live is False)
        before = chatwoot_server.count("GET", "/conversations?")
        await wait_until(lambda: chatwoot_server.count("GET", "/conversations?") - before >= 3, timeout=3)
    finally:
        await ws.close()


@pytest.mark.asyncio
async def test_a_server_without_cable_is_synced_by_polling(
    tmp_path: Path, vault: MemoryKeyring, chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    chatwoot_server.cable.enabled = False
    ws = await started(tmp_path, chatwoot_server, chatwoot_demo, poll_interval=0.2)
    try:
        assert state(ws).live is False
        with chatwoot_server.state.lock:
            chatwoot_server.state.customer_writes(chatwoot_demo.conversations["email"], "Hello? Anyone?")

        await wait_until(lambda: "Hello? Anyone?" in texts(ws), timeout=5)
        assert state(ws).live is False
    finally:
        await ws.close()
