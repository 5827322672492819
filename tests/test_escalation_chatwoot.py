"""Escalating a Chatwoot conversation against the spec-checked loopback server: the team by its id,
the priority through toggle_priority, the private note last; each arrives exactly once, also
when the connection or the process dies between the sends. The priority syncs back into the store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

from agentdesk.core.commands import Command, CommandKind, CommandState
from agentdesk.core.entities import Delivery, Queue
from agentdesk.core.escalation import EscalationPath, parse_paths
from agentdesk.resources import read_text
from agentdesk.store import SortOrder
from agentdesk.sync.chatwoot import ChatwootConnector
from agentdesk.sync.errors import Offline, Rejected
from agentdesk.sync.operations import Operations
from agentdesk.sync.workspace import open_workspace, utc_now
from tests.servers.chatwoot import TOKEN, ChatwootServer, Demo, FaultKind
from tests.servers.chatwoot.profiles import add_account, disagreements
from tests.test_chatwoot_sync import later, local_id

pytest_plugins = ("tests.servers.chatwoot.fixtures",)

LEGAL = parse_paths(read_text("escalation.toml"), "escalation.toml").get("legal")
BOB = EscalationPath("lead", "Teamleitung", "Team lead", person="Bob Backup", priority="urgent", notify=True)
NOTE = "Escalated to Legal: threatens to sue"


@pytest_asyncio.fixture
async def connector(chatwoot_server: ChatwootServer, chatwoot_demo: Demo) -> AsyncIterator[ChatwootConnector]:
    conn = ChatwootConnector(
        httpx.AsyncClient(timeout=5), base_url=chatwoot_server.url, account_id=chatwoot_demo.account_id, token=TOKEN
    )
    yield conn
    await conn.close()


def escalation(demo: Demo, key: str = "esc-1", **payload: str) -> Command:
    """What Operations.escalate queues for the legal path (names, not ids: the connector looks them up)."""
    return Command(
        id=1,
        idempotency_key=key,
        kind=CommandKind.ESCALATE,
        account_id=1,
        conversation_id=1,
        conversation_source_id=str(demo.conversations["chat"].display_id),
        payload={"path": "legal", "team": "Legal", "priority": "high", "notify": "1", "text": NOTE, **payload},
    )


def notes(demo: Demo, text: str = NOTE) -> list[str]:
    return [m.content for m in demo.conversations["chat"].messages if m.private and text in m.content]


@pytest.mark.asyncio
async def test_team_by_id_priority_and_note_arrive_once(connector, chatwoot_server, chatwoot_demo):
    result = await connector.execute(escalation(chatwoot_demo))
    chat = chatwoot_demo.conversations["chat"]
    assert chat.team_id == chatwoot_demo.teams["Legal"] and chat.priority == "high"
    assert notes(chatwoot_demo) == [NOTE] and result.message is not None and result.message.text == NOTE
    calls = [(m, p.rsplit("/", 1)[-1]) for m, p in chatwoot_server.requests if m == "POST"]
    assert calls == [("POST", "assignments"), ("POST", "toggle_priority"), ("POST", "messages")]  # the note last
    await connector.execute(escalation(chatwoot_demo, key="esc-2"))  # the team list is asked for once
    assert chatwoot_server.count("GET", "/teams") == 1


@pytest.mark.asyncio
async def test_a_person_is_assigned_by_id_and_mentioned_so_chatwoot_notifies_them(connector, chatwoot_demo):
    bob = chatwoot_demo.colleague
    await connector.execute(
        escalation(chatwoot_demo, team="", assignee=bob.name, priority="urgent", text="Bitte ansehen")
    )
    chat = chatwoot_demo.conversations["chat"]
    assert chat.assignee_id == bob.id and chat.priority == "urgent"
    assert notes(chatwoot_demo, "Bitte ansehen") == [
        f"[@Bob Backup](mention://user/{bob.id}/Bob%20Backup) Bitte ansehen"
    ]


@pytest.mark.asyncio
async def test_an_unknown_team_is_rejected_in_words(connector, chatwoot_demo):
    with pytest.raises(Rejected, match="no team named 'PR'"):
        await connector.execute(escalation(chatwoot_demo, team="PR"))
    assert notes(chatwoot_demo) == []


@pytest.mark.asyncio
async def test_cut_off_before_the_note_repeats_the_states_and_sends_the_note_once(
    connector, chatwoot_server, chatwoot_demo
):
    command = escalation(chatwoot_demo)
    chatwoot_server.inject(FaultKind.DROP_BEFORE_COMMIT, method="POST", path="/messages")
    with pytest.raises(Offline):
        await connector.execute(command)
    assert chatwoot_demo.conversations["chat"].priority == "high" and notes(chatwoot_demo) == []
    assert await connector.find_executed(command) is None  # so the engine runs it again ...
    await connector.execute(command)
    assert notes(chatwoot_demo) == [NOTE]  # ... and the note arrives once


@pytest.mark.asyncio
async def test_a_note_whose_answer_got_lost_is_found_and_not_sent_again(connector, chatwoot_server, chatwoot_demo):
    command = escalation(chatwoot_demo)
    chatwoot_server.inject(FaultKind.DROP_AFTER_COMMIT, method="POST", path="/messages")
    with pytest.raises(Offline):
        await connector.execute(command)
    found = await connector.find_executed(command)
    assert found is not None and found.message is not None and found.message.text == NOTE
    assert notes(chatwoot_demo) == [NOTE]


@pytest.mark.asyncio
async def test_through_the_engine_the_escalation_lands_once_and_the_priority_syncs_back(
    workspace, chatwoot_server, chatwoot_demo
):
    account = workspace.accounts[0]
    await workspace.engine.sync_once(account.id)
    ops = Operations(workspace)
    chat = chatwoot_demo.conversations["chat"]
    conversation_id = local_id(workspace, chat.display_id)
    chatwoot_server.inject(FaultKind.DROP_AFTER_COMMIT, method="POST", path="/toggle_priority")
    await ops.escalate(conversation_id, LEGAL, "threatens to sue", NOTE)
    shown = workspace.store.conversation(conversation_id)
    assert (shown.escalation, shown.priority) == ("legal", "high")  # at once, before any sending
    assert await ops.conversation_ids(Queue.ESCALATED, SortOrder.DUE, "") == [conversation_id]
    with pytest.raises(Offline):
        await workspace.engine.sync_once(account.id)
    later(workspace, 600)
    await workspace.engine.sync_once(account.id)
    await workspace.engine.sync_once(account.id)
    assert notes(chatwoot_demo) == [NOTE] and chat.team_id == chatwoot_demo.teams["Legal"] and chat.priority == "high"
    shown = workspace.store.conversation(conversation_id)
    assert [m.delivery for m in shown.messages if m.text == NOTE] == [Delivery.DELIVERED]
    assert workspace.store.outbox_counts()[CommandState.DONE] == 1
    assert disagreements(chatwoot_server, chatwoot_demo.account_id, workspace.store.export(utc_now())) == []

    with chatwoot_server.state.lock:  # someone raises it in Chatwoot itself: the next pass brings it
        chatwoot_server.state.set_priority(chat, "urgent", chatwoot_demo.me)
    chatwoot_server.state.advance(5)
    await workspace.engine.sync_once(account.id)
    assert workspace.store.conversation(conversation_id).priority == "urgent"


@pytest.mark.asyncio
async def test_a_process_killed_between_the_sends_sends_the_note_once_after_a_restart(
    tmp_path: Path, vault, chatwoot_server, chatwoot_demo
):
    add_account(tmp_path, chatwoot_server, chatwoot_demo.account_id)
    ws = open_workspace(tmp_path, poll_interval=0.2)
    account = ws.accounts[0]
    await ws.engine.sync_once(account.id)
    chat = chatwoot_demo.conversations["chat"]
    command = await Operations(ws).escalate(local_id(ws, chat.display_id), LEGAL, "threatens to sue", NOTE)
    ws.store.mark_sending(command.id)  # handed to the connector: team and priority went out, then the kill
    with chatwoot_server.state.lock:
        chatwoot_server.state.assign(chat, {"team_id": chatwoot_demo.teams["Legal"]}, chatwoot_demo.me)
        chatwoot_server.state.set_priority(chat, "high", chatwoot_demo.me)
    await ws.close()

    ws = open_workspace(tmp_path, poll_interval=0.2)
    try:
        await ws.engine.sync_once(account.id)
        assert notes(chatwoot_demo) == [NOTE] and chat.priority == "high"
        assert ws.store.outbox_counts()[CommandState.DONE] == 1
    finally:
        await ws.close()
