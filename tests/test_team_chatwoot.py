"""A Chatwoot account's team through the real engine into a real store, against the spec-checked
loopback server: who is online, which inboxes (channels) and teams they have, languages from their
conversations; and a reassignment with a note that reaches Chatwoot with the agent's id."""

from __future__ import annotations

import httpx
import pytest

from agentdesk.core.channels import Channel
from agentdesk.core.sla import DEFAULT_POLICY, BusinessCalendar
from agentdesk.core.team import Availability
from agentdesk.sync.chatwoot import ChatwootConnector
from agentdesk.sync.operations import Operations
from agentdesk.sync.workspace import utc_now
from tests.servers.chatwoot import TOKEN

pytest_plugins = ("tests.servers.chatwoot.fixtures",)
pytestmark = pytest.mark.asyncio


async def test_fetch_team_joins_agents_with_their_inboxes_and_teams(chatwoot_server, chatwoot_demo) -> None:
    connector = ChatwootConnector(
        httpx.AsyncClient(timeout=5), base_url=chatwoot_server.url, account_id=chatwoot_demo.account_id, token=TOKEN
    )
    try:
        snapshot = await connector.fetch_team()
    finally:
        await connector.close()
    agents = {a.name: a for a in snapshot.agents}
    assert agents["Bob Backup"].availability is Availability.BUSY
    assert agents["Bob Backup"].channels == {Channel.FACEBOOK, Channel.EMAIL}
    assert agents["Bob Backup"].teams == ("Legal",)
    assert agents["Alice Agent"].availability is Availability.ONLINE
    assert agents["Alice Agent"].channels >= {Channel.X, Channel.WHATSAPP, Channel.EMAIL, Channel.SMS}
    assert set(agents["Alice Agent"].teams) == {"Social Media", "Legal"}
    assert agents["Alice Agent"].source_id == str(chatwoot_demo.me.id)
    assert {t.name for t in snapshot.teams} == {"Social Media", "Legal"}
    assert chatwoot_server.count("GET", "/team_members") == 2
    assert chatwoot_server.count("GET", "/inbox_members/") == len(chatwoot_demo.inboxes)


async def test_a_sync_stores_the_team_and_the_board_shows_it(workspace, chatwoot_server, chatwoot_demo) -> None:
    account = workspace.accounts[0]
    await workspace.engine.sync_once(account.id)
    agents = {a.name: a for a in workspace.store.team_agents()}
    assert agents["Bob Backup"].availability is Availability.BUSY
    stored = [workspace.store.conversation(c["id"]) for c in workspace.store.export(utc_now())["conversations"]]
    alices = {c.language for c in stored if c and c.assignee == "Alice Agent" and c.language}
    assert alices
    assert agents["Alice Agent"].languages == alices  # Chatwoot has none: those of her conversations

    with chatwoot_server.state.lock:
        chatwoot_demo.colleague.availability = "offline"
    workspace.engine.team_interval = 0
    await workspace.engine.sync_once(account.id)
    calendar = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", tz="Europe/Berlin")
    board = {r.name: r for r in workspace.store.team_board(utc_now(), DEFAULT_POLICY, calendar)}
    assert board["Bob Backup"].availability is Availability.OFFLINE
    open_bob = sum(
        c.status == "open" and c.assignee_id == chatwoot_demo.colleague.id
        for c in chatwoot_server.state.conversations.values()
    )
    assert board["Bob Backup"].open == open_bob


async def test_reassign_with_a_note_reaches_chatwoot_with_the_agents_id(
    workspace, chatwoot_server, chatwoot_demo
) -> None:
    account = workspace.accounts[0]
    await workspace.engine.sync_once(account.id)
    chat = chatwoot_demo.conversations["chat"]
    export = workspace.store.export(utc_now())
    local = next(c["id"] for c in export["conversations"] if c["source_id"] == str(chat.display_id))
    await Operations(workspace).reassign([local], "Bob Backup", "Needs the billing login – Bob has it.")
    await workspace.engine.sync_once(account.id)
    assert chat.assignee_id == chatwoot_demo.colleague.id
    notes = [m for m in chat.messages if m.private]
    assert [m.content for m in notes] == ["Needs the billing login – Bob has it."]
    assert workspace.store.outbox_counts()["pending"] == 0
    assert workspace.store.conversation(local).assignee == "Bob Backup"
