"""The Chatwoot connector against the spec-checked loopback server: sync, queues and every command."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import pytest_asyncio

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import Command, CommandKind
from agentdesk.core.entities import Direction, Status
from agentdesk.sync.chatwoot import ChatwootConnector
from tests.servers.chatwoot import TOKEN, ChatwootServer, Demo, generate_bulk

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


@pytest_asyncio.fixture
async def connector(chatwoot_server: ChatwootServer, chatwoot_demo: Demo) -> AsyncIterator[ChatwootConnector]:
    conn = ChatwootConnector(
        httpx.AsyncClient(timeout=5), base_url=chatwoot_server.url, account_id=chatwoot_demo.account_id, token=TOKEN
    )
    yield conn
    await conn.close()


async def full_pass(connector: ChatwootConnector, cursor: str | None = None) -> tuple[list, str]:
    """Every batch of one pass, and the cursor that starts the next one."""
    batches = []
    while True:
        batch = await connector.fetch_changes(cursor)
        batches.append(batch)
        cursor = batch.cursor
        if batch.complete:
            assert cursor is not None
            return batches, cursor


def command(demo: Demo, key: str, kind: CommandKind, **payload: str) -> Command:
    conversation = demo.conversations[key]
    return Command(
        id=1,
        idempotency_key=f"key-{kind}-{key}-{sorted(payload.items())}",
        kind=kind,
        account_id=1,
        conversation_id=1,
        conversation_source_id=str(conversation.display_id),
        payload=payload,
    )


@pytest.mark.asyncio
async def test_first_sync_brings_every_channel_with_its_audience_and_queue(connector, chatwoot_demo):
    batches, _ = await full_pass(connector)
    seen = {c.customer.name: c for b in batches for c in b.conversations}
    assert len(seen) == 9
    assert (seen["Tina Tweet"].channel, seen["Tina Tweet"].audience) == (Channel.X, Audience.PUBLIC)
    assert (seen["Dan DM"].channel, seen["Dan DM"].audience) == (Channel.X, Audience.PRIVATE)
    assert seen["Tina Tweet"].customer.handle == "@tinatweets"
    assert seen["Ines Insta"].channel is Channel.INSTAGRAM
    assert seen["Fiona Face"].channel is Channel.FACEBOOK
    assert seen["Erik Mail"].channel is Channel.EMAIL and seen["Erik Mail"].subject == "Invoice 2026-11"
    assert seen["Wanda Whats"].channel is Channel.WHATSAPP and seen["Wanda Whats"].status is Status.SNOOZED
    assert seen["Sam Sms"].channel is Channel.SMS and seen["Sam Sms"].status is Status.RESOLVED
    assert seen["Chris Chat"].channel is Channel.CHAT
    assert (seen["Mia Mastodon"].channel, seen["Mia Mastodon"].audience) == (Channel.MASTODON, Audience.PUBLIC)
    assert seen["Fiona Face"].assignee == "Bob Backup"
    assert [m.text for m in seen["Tina Tweet"].messages] == ["@acme my order never arrived!"]
    assert seen["Tina Tweet"].messages[0].direction is Direction.INBOUND
    assert batches[-1].total == 9


@pytest.mark.asyncio
async def test_full_sync_pages_through_every_conversation_and_message(connector, chatwoot_server, chatwoot_demo):
    generate_bulk(chatwoot_server.state, chatwoot_demo, conversations=60, messages=60 * 45)
    batches, _ = await full_pass(connector)
    assert [b.complete for b in batches] == [False, False, True]
    conversations = {c.source_id: c for b in batches for c in b.conversations}
    assert len(conversations) == 69 and batches[-1].done == 69
    bulk = conversations["1000"]
    assert len(bulk.messages) == 45  # three message pages of 20, 20, 5
    assert [m.text for m in bulk.messages[:2]] == ["Message 0 in conversation 0", "Message 1 in conversation 0"]


@pytest.mark.asyncio
async def test_next_pass_brings_only_what_changed(connector, chatwoot_server, chatwoot_demo):
    generate_bulk(chatwoot_server.state, chatwoot_demo, conversations=40, messages=80)
    _, cursor = await full_pass(connector)
    state = chatwoot_server.state
    state.advance(5)
    with state.lock:
        state.customer_writes(chatwoot_demo.conversations["chat"], "Still waiting...")
    batches, _ = await full_pass(connector, cursor)
    changed = [c for b in batches for c in b.conversations]
    assert changed[0].customer.name == "Chris Chat"
    assert changed[0].messages[-1].text == "Still waiting..."
    # Only the watermark's second is read again (upserts make that harmless); the older bulk is not.
    assert not [c for c in changed if int(c.source_id) >= 1000]


@pytest.mark.asyncio
async def test_queues_mine_and_unassigned_with_status_filter(connector, chatwoot_demo):
    mine, counts = await connector.list_conversations("me", "all")
    assert {c.customer.name for c in mine} == {"Tina Tweet", "Ines Insta", "Wanda Whats"}
    unassigned_open, _ = await connector.list_conversations("unassigned", "open")
    assert {c.customer.name for c in unassigned_open} == {"Dan DM", "Erik Mail", "Chris Chat", "Mia Mastodon"}
    assert (counts.mine, counts.all) == (3, 9)


@pytest.mark.asyncio
async def test_reference_data(connector, chatwoot_demo):
    profile = await connector.fetch_profile()
    assert profile.name == "Alice Agent" and profile.account(chatwoot_demo.account_id) is not None
    assert {a.name for a in await connector.fetch_agents()} == {"Alice Agent", "Bob Backup"}
    assert {t.name for t in await connector.fetch_teams()} == {"Social Media", "Legal"}
    assert ("refund", "Your refund is on its way.") in await connector.fetch_canned_responses()
    contacts = await connector.fetch_contacts(1)
    assert "Tina Tweet" in {c.name for c in contacts}
    inboxes = await connector.fetch_inboxes()
    assert {i.channel_type for i in inboxes.values()} >= {"Channel::TwitterProfile", "Channel::TwilioSms"}


@pytest.mark.asyncio
async def test_reply_and_note_reach_the_conversation(connector, chatwoot_server, chatwoot_demo):
    reply = await connector.execute(command(chatwoot_demo, "tweet", CommandKind.REPLY, text="Sorry! DM us."))
    note = await connector.execute(command(chatwoot_demo, "tweet", CommandKind.NOTE, text="Angry customer"))
    assert reply.message and reply.message.direction is Direction.OUTBOUND and reply.message.author == "Alice Agent"
    assert note.message and note.message.direction is Direction.NOTE
    stored = chatwoot_demo.conversations["tweet"].messages
    assert [(m.content, m.private) for m in stored[-2:]] == [("Sorry! DM us.", False), ("Angry customer", True)]


@pytest.mark.asyncio
async def test_assign_unassign_status_snooze_labels_escalate(connector, chatwoot_demo):
    conv = chatwoot_demo.conversations["chat"]
    bob, legal = chatwoot_demo.colleague.id, chatwoot_demo.teams["Legal"]
    await connector.execute(
        command(
            chatwoot_demo,
            "chat",
            CommandKind.ASSIGN,
            agent_id=str(bob),
            team_id=str(chatwoot_demo.teams["Social Media"]),
        )
    )
    assert (conv.assignee_id, conv.team_id) == (bob, chatwoot_demo.teams["Social Media"])
    await connector.execute(command(chatwoot_demo, "chat", CommandKind.UNASSIGN))
    await connector.execute(command(chatwoot_demo, "chat", CommandKind.UNASSIGN, target="team"))
    assert (conv.assignee_id, conv.team_id) == (None, None)
    until = datetime.now(UTC) + timedelta(hours=2)
    await connector.execute(
        command(chatwoot_demo, "chat", CommandKind.SET_STATUS, status="snoozed", snoozed_until=until.isoformat())
    )
    assert conv.status == "snoozed" and conv.snoozed_until == int(until.timestamp())
    await connector.execute(command(chatwoot_demo, "chat", CommandKind.SET_STATUS, status="resolved"))
    assert conv.status == "resolved"
    await connector.execute(command(chatwoot_demo, "chat", CommandKind.LABELS, labels="billing, vip"))
    assert conv.labels == ["billing", "vip"]
    result = await connector.execute(
        command(chatwoot_demo, "chat", CommandKind.ESCALATE, team_id=str(legal), text="Threatens to sue")
    )
    assert conv.team_id == legal and result.message and result.message.direction is Direction.NOTE


@pytest.mark.asyncio
async def test_changes_made_elsewhere_show_up_on_the_next_pass(connector, chatwoot_server, chatwoot_demo):
    _, cursor = await full_pass(connector)
    chatwoot_server.state.advance(5)
    await connector.execute(command(chatwoot_demo, "email", CommandKind.SET_STATUS, status="pending"))
    batches, _ = await full_pass(connector, cursor)
    changed = {c.customer.name: c for b in batches for c in b.conversations}
    assert changed["Erik Mail"].status is Status.PENDING
