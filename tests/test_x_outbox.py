"""An X reply through the real outbox and sync engine, exactly once: the store on disk, the keyring
secret, the loopback X API dropping its answer after it posted (extended beyond the recordings)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import pytest_asyncio

from agentdesk.core.channels import Audience
from agentdesk.core.entities import Delivery, Queue
from agentdesk.core.oauth import Tokens
from agentdesk.store import Store
from agentdesk.store.queries import SortOrder
from agentdesk.sync import credentials
from agentdesk.sync.errors import Offline
from agentdesk.sync.operations import Operations
from agentdesk.sync.workspace import Workspace, open_workspace
from agentdesk.sync.x.session import StoredSignIn
from tests.servers.memory_keyring import MemoryKeyring
from tests.servers.x.server import XServer

pytest_plugins = ("tests.servers.x.fixtures",)

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def workspace(tmp_path: Path, x_server: XServer, vault: MemoryKeyring) -> AsyncIterator[Workspace]:
    store = Store.open(tmp_path)
    try:
        store.add_account("x", "X", datetime.now(UTC), base_url=x_server.url)
    finally:
        store.close()
    credentials.set_secret("x", "X", StoredSignIn(Tokens(x_server.token)).encode())
    ws = open_workspace(tmp_path)
    yield ws
    await ws.close()


async def test_a_reply_whose_answer_was_lost_is_found_after_the_retry_and_posted_once(
    workspace: Workspace, x_server: XServer
) -> None:
    kim = x_server.add_user("kim", "Kim")
    mention = x_server.post(kim, "@wellenreich Wo bleibt mein Paket?")
    [account] = [a for a in workspace.accounts if a.kind == "x"]
    await workspace.engine.sync_once(account.id)
    ops = Operations(workspace)
    [cid] = await ops.conversation_ids(Queue.ALL_OPEN, SortOrder.DUE, "")
    command = await ops.send(cid, "Es ist unterwegs.", Audience.PUBLIC)
    x_server.inject("drop_after_commit", path="/2/tweets", method="POST")

    with pytest.raises(Offline):  # X posted it; the answer never arrived, so nothing is recorded yet
        await workspace.engine.sync_once(account.id)
    await ops.retry(command.id)  # due now rather than after the backoff
    await workspace.engine.sync_once(account.id)  # the second try asks X first (find_executed)

    [posted] = x_server.posts_by_me()
    assert posted["referenced_tweets"] == [{"type": "replied_to", "id": mention["id"]}]
    conversation = await ops.conversation(cid)
    assert conversation is not None
    last = conversation.messages[-1]
    assert (last.source_id, last.text, last.delivery) == (posted["id"], "Es ist unterwegs.", Delivery.DELIVERED)
    assert await ops.outbox_counts() == {"pending": 0, "sending": 0, "done": 1, "failed": 0}
