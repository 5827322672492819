"""A Chatwoot account through the real engine into a real store, against the spec-checked loopback server:
what the agent sees after a first sync, while offline, when throttled, and when a token stops working."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from agentdesk.core.channels import Audience
from agentdesk.core.entities import Delivery, Queue
from agentdesk.core.events import AccountState, AccountStateChanged, SyncPhase
from agentdesk.sync import credentials
from agentdesk.sync.errors import Offline, RateLimited
from agentdesk.sync.operations import Operations
from agentdesk.sync.workspace import Workspace, open_workspace, utc_now
from tests.conftest import wait_until
from tests.servers.chatwoot import FaultKind, generate_bulk
from tests.servers.chatwoot.profiles import add_account, disagreements

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


def states_of(ws: Workspace) -> list[AccountState]:
    seen: list[AccountState] = []
    ws.hub.subscribe(lambda event: seen.append(event.state) if isinstance(event, AccountStateChanged) else None)
    return seen


def local_id(ws: Workspace, display_id: int) -> int:
    document = ws.store.export(utc_now())
    return next(c["id"] for c in document["conversations"] if c["source_id"] == str(display_id))


def later(ws: Workspace, seconds: float) -> None:
    """Let the engine's clock run ahead, so commands waiting for their next try are due."""
    ws.engine.now = lambda: utc_now() + timedelta(seconds=seconds)


@pytest.mark.asyncio
async def test_first_sync_fills_the_store_and_shows_syncing_n_of_m(workspace, chatwoot_server, chatwoot_demo):
    generate_bulk(chatwoot_server.state, chatwoot_demo, conversations=60, messages=60 * 30)
    states = states_of(workspace)
    account = workspace.accounts[0]
    await workspace.engine.sync_once(account.id)
    assert [(s.phase, s.done, s.total) for s in states] == [(SyncPhase.SYNCING, 25, 69), (SyncPhase.SYNCING, 50, 69)]
    assert disagreements(chatwoot_server, chatwoot_demo.account_id, workspace.store.export(utc_now())) == []
    assert workspace.me == "Alice Agent"
    mine = sum(
        c.status == "open" and c.assignee_id == chatwoot_demo.me.id
        for c in chatwoot_server.state.conversations.values()
    )
    assert workspace.store.queue_counts(workspace.me)[Queue.MINE] == mine > 0


@pytest.mark.asyncio
async def test_offline_writes_wait_in_the_outbox_and_go_out_once_when_back(workspace, chatwoot_server, chatwoot_demo):
    account = workspace.accounts[0]
    await workspace.engine.sync_once(account.id)
    ops = Operations(workspace)
    chat = chatwoot_demo.conversations["chat"]
    conversation_id = local_id(workspace, chat.display_id)
    chatwoot_server.inject(FaultKind.DROP_BEFORE_COMMIT, times=10_000)  # the network is gone
    await ops.send(conversation_id, "Try the link in the e-mail we just sent.", Audience.PRIVATE)
    await ops.assign_to_me(conversation_id)
    with pytest.raises(Offline):
        await workspace.engine.sync_once(account.id)
    shown = workspace.store.conversation(conversation_id)
    assert shown.assignee == "Alice Agent"
    assert [m.delivery for m in shown.messages if m.text.startswith("Try the link")] == [Delivery.PENDING]
    assert workspace.store.outbox_counts()["pending"] == 2

    chatwoot_server.faults.clear()  # back online, but the answer to the reply gets lost on the way
    chatwoot_server.inject(FaultKind.DROP_AFTER_COMMIT, method="POST", path="/messages")
    later(workspace, 600)
    with pytest.raises(Offline):
        await workspace.engine.sync_once(account.id)
    later(workspace, 1200)
    await workspace.engine.sync_once(account.id)
    await workspace.engine.sync_once(account.id)

    assert [m.content for m in chat.messages].count("Try the link in the e-mail we just sent.") == 1
    assert chat.assignee_id == chatwoot_demo.me.id
    assert workspace.store.outbox_counts()["pending"] == 0
    shown = workspace.store.conversation(conversation_id)
    assert [m.delivery for m in shown.messages if m.text.startswith("Try the link")] == [Delivery.DELIVERED]
    assert disagreements(chatwoot_server, chatwoot_demo.account_id, workspace.store.export(utc_now())) == []


@pytest.mark.asyncio
async def test_throttled_send_waits_as_long_as_retry_after_says(workspace, chatwoot_server, chatwoot_demo):
    account = workspace.accounts[0]
    await workspace.engine.sync_once(account.id)
    conversation_id = local_id(workspace, chatwoot_demo.conversations["email"].display_id)
    chatwoot_server.inject(FaultKind.RATE_LIMITED, method="POST", path="/messages", retry_after="40")
    await Operations(workspace).send(conversation_id, "Your invoice is corrected.", Audience.PRIVATE)
    with pytest.raises(RateLimited, match="40 seconds"):
        await workspace.engine.sync_once(account.id)
    later(workspace, 30)
    await workspace.engine.sync_once(account.id)
    assert chatwoot_server.count("POST", "/messages") == 1  # not again before the 40 seconds
    later(workspace, 41)
    await workspace.engine.sync_once(account.id)
    assert chatwoot_server.count("POST", "/messages") == 2
    assert workspace.store.outbox_counts()["pending"] == 0


@pytest.mark.asyncio
async def test_revoked_token_asks_to_sign_in_while_the_other_account_keeps_syncing(
    tmp_path, vault, chatwoot_server, chatwoot_demo
):
    with chatwoot_server.state.lock:
        chatwoot_demo.colleague.token = "bob-token"
    add_account(tmp_path, chatwoot_server, chatwoot_demo.account_id)
    add_account(tmp_path, chatwoot_server, chatwoot_demo.account_id, name="Bob", me="Bob Backup", token="bob-token")
    add_account(tmp_path, chatwoot_server, chatwoot_demo.account_id, name="Nokey", token=None)
    ws = open_workspace(tmp_path, poll_interval=0.1)
    try:
        acme, bob, nokey = ws.accounts
        with chatwoot_server.state.lock:
            chatwoot_demo.me.token = "revoked"
        ws.engine.start()

        def phase(account) -> SyncPhase:
            return next(s.phase for s in ws.engine.states() if s.account_id == account.id)

        await wait_until(lambda: phase(acme) is SyncPhase.NEEDS_SIGN_IN and phase(nokey) is SyncPhase.NEEDS_SIGN_IN)
        with chatwoot_server.state.lock:
            chatwoot_server.state.customer_writes(chatwoot_demo.conversations["tweet"], "Still waiting!")
        await wait_until(lambda: any(m["text"] == "Still waiting!" for m in messages(ws, bob.id)), timeout=10)
        assert "access token" in next(s.message for s in ws.engine.states() if s.account_id == acme.id)
        assert "No access token is stored for Nokey" in next(
            s.message for s in ws.engine.states() if s.account_id == nokey.id
        )

        await credentials.off_loop(credentials.set_secret, "chatwoot", "Acme", "a-new-token")  # signs in again
        with chatwoot_server.state.lock:
            chatwoot_demo.me.token = "a-new-token"
        ws.engine.wake(acme.id)
        await wait_until(lambda: phase(acme) is SyncPhase.IDLE, timeout=10)
        await asyncio.sleep(0)
    finally:
        await ws.close()


def messages(ws: Workspace, account_id: int) -> list[dict]:
    document = ws.store.export(utc_now())
    return [m for c in document["conversations"] if c["account_id"] == account_id for m in c["messages"]]
