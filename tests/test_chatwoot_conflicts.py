"""A colleague takes over, resolves or answers a conversation while the agent writes: the next poll
shows it, the draft stays, and Send can say what changed before anything goes out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from agentdesk.core.channels import Audience
from agentdesk.core.conflicts import SeenState, changes_since
from agentdesk.core.entities import Status
from agentdesk.core.events import ConversationsChanged
from agentdesk.sync.operations import Operations
from agentdesk.sync.workspace import Workspace, open_workspace, utc_now
from tests.servers.chatwoot import ChatwootServer, Demo
from tests.servers.chatwoot.profiles import add_account, memory_keyring

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


@pytest_asyncio.fixture
async def workspace(tmp_path: Path, chatwoot_server: ChatwootServer, chatwoot_demo: Demo) -> AsyncIterator[Workspace]:
    with memory_keyring():
        add_account(tmp_path, chatwoot_server, chatwoot_demo.account_id)
        ws = open_workspace(tmp_path)
        await ws.engine.sync_once(ws.accounts[0].id)
        yield ws
        await ws.close()


def local_id(ws: Workspace, display_id: int) -> int:
    return next(c["id"] for c in ws.store.export(utc_now())["conversations"] if c["source_id"] == str(display_id))


@pytest.mark.asyncio
async def test_takeover_while_writing_shows_at_the_next_poll_and_the_draft_stays(
    workspace, chatwoot_server, chatwoot_demo
):
    tweet = chatwoot_demo.conversations["tweet"]
    conversation_id = local_id(workspace, tweet.display_id)
    ops = Operations(workspace)
    seen = SeenState.of(await ops.conversation(conversation_id))
    await ops.save_draft(conversation_id, "Sorry to hear that, Tina! Could you DM us", Audience.PUBLIC)
    changed: list[int] = []
    workspace.hub.subscribe(lambda e: changed.extend(e.ids) if isinstance(e, ConversationsChanged) else None)

    state, bob = chatwoot_server.state, chatwoot_demo.colleague
    with state.lock:
        state.assign(tweet, {"assignee_id": bob.id}, bob)
        state.post_message(tweet, "Hi Tina, a new parcel is on its way.", 1, sender=("user", bob.id))
        state.toggle_status(tweet, "resolved", None, bob)
        state.customer_writes(tweet, "Thanks!")
    await workspace.engine.sync_once(workspace.accounts[0].id)

    assert conversation_id in changed
    now = await ops.conversation(conversation_id)
    assert (now.assignee, now.status) == ("Bob Backup", Status.RESOLVED)
    assert (await ops.draft(conversation_id)).text == "Sorry to hear that, Tina! Could you DM us"
    changes = changes_since(seen, now, workspace.me)
    assert changes
    assert changes.new_assignee == "Bob Backup"
    assert changes.new_status is Status.RESOLVED
    assert changes.customer_messages == 1
    assert changes.colleague_replies == ("Bob Backup",)


@pytest.mark.asyncio
async def test_the_agents_own_assignment_and_pending_reply_are_no_conflict(workspace, chatwoot_demo):
    conversation_id = local_id(workspace, chatwoot_demo.conversations["chat"].display_id)
    ops = Operations(workspace)
    seen = SeenState.of(await ops.conversation(conversation_id))
    await ops.assign_to_me(conversation_id)
    await ops.send(conversation_id, "Click 'Forgot password' on the sign-in page.", Audience.PRIVATE)
    now = await ops.conversation(conversation_id)
    assert now.assignee == "Alice Agent"
    assert not changes_since(seen, now, workspace.me)
    await workspace.engine.sync_once(workspace.accounts[0].id)
    assert chatwoot_demo.conversations["chat"].assignee_id == chatwoot_demo.me.id
    assert not changes_since(seen, await ops.conversation(conversation_id), workspace.me)
