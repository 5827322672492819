"""What the user sees when Chatwoot or the network fails: each failure lands on the right error."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio

from agentdesk.core.commands import Command, CommandKind
from agentdesk.sync.chatwoot import ChatwootConnector
from agentdesk.sync.chatwoot.endpoints import Endpoints
from agentdesk.sync.errors import (
    Forbidden,
    MalformedResponse,
    NeedsSignIn,
    Offline,
    RateLimited,
    Rejected,
    ServerError,
)
from tests.servers.chatwoot import TOKEN, ChatwootServer, Demo, FaultKind
from tests.servers.chatwoot.api import MAX_CONTENT

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


def make(server: ChatwootServer, account_id: int, token: str = TOKEN, timeout: float = 5) -> ChatwootConnector:
    return ChatwootConnector(
        httpx.AsyncClient(timeout=timeout), base_url=server.url, account_id=account_id, token=token
    )


@pytest_asyncio.fixture
async def connector(chatwoot_server: ChatwootServer, chatwoot_demo: Demo) -> AsyncIterator[ChatwootConnector]:
    conn = make(chatwoot_server, chatwoot_demo.account_id)
    yield conn
    await conn.close()


def reply(demo: Demo, text: str = "We are on it.", key: str = "outbox-42") -> Command:
    conv = demo.conversations["messenger"]
    return Command(
        id=42,
        idempotency_key=key,
        kind=CommandKind.REPLY,
        account_id=1,
        conversation_id=7,
        conversation_source_id=str(conv.display_id),
        payload={"text": text},
    )


@pytest.mark.asyncio
async def test_wrong_token_asks_to_sign_in_again(chatwoot_server, chatwoot_demo):
    conn = make(chatwoot_server, chatwoot_demo.account_id, token="revoked")
    with pytest.raises(NeedsSignIn, match="access token"):
        await conn.fetch_changes(None)
    await conn.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("which", ["other", "missing"])
async def test_account_without_access_or_missing_is_forbidden(chatwoot_server, chatwoot_demo, which):
    account_id = chatwoot_demo.other_account_id if which == "other" else 999
    conn = make(chatwoot_server, account_id)
    with pytest.raises(Forbidden, match=str(account_id)):
        await conn.fetch_changes(None)
    await conn.close()


@pytest.mark.asyncio
async def test_refused_reply_is_rejected_with_the_servers_words(connector, chatwoot_server, chatwoot_demo):
    with pytest.raises(Rejected, match="Content is too long"):
        await connector.execute(reply(chatwoot_demo, "x" * (MAX_CONTENT + 1)))


@pytest.mark.asyncio
async def test_deleted_conversation_rejects_the_command(connector, chatwoot_demo):
    gone = Command(
        id=1,
        idempotency_key="k",
        kind=CommandKind.NOTE,
        account_id=1,
        conversation_id=1,
        conversation_source_id="4040",
        payload={"text": "hi"},
    )
    with pytest.raises(Rejected, match="no longer exists"):
        await connector.execute(gone)


@pytest.mark.asyncio
@pytest.mark.parametrize("retry_after, expected", [("7", 7.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
async def test_rate_limit_says_when_to_retry(connector, chatwoot_server, retry_after, expected):
    chatwoot_server.inject(FaultKind.RATE_LIMITED, path="/conversations", retry_after=retry_after)
    with pytest.raises(RateLimited) as caught:
        await connector.fetch_changes(None)
    assert caught.value.retry_after == expected


@pytest.mark.asyncio
async def test_server_failure_is_retried_later(connector, chatwoot_server):
    chatwoot_server.inject(FaultKind.SERVER_ERROR, path="/conversations", status=502)
    with pytest.raises(ServerError, match="502"):
        await connector.fetch_changes(None)
    assert (await connector.fetch_changes(None)).conversations  # the next try works


@pytest.mark.asyncio
async def test_slow_server_counts_as_offline(chatwoot_server, chatwoot_demo):
    chatwoot_server.inject(FaultKind.SLOW, path="/conversations", delay=3)
    impatient = make(chatwoot_server, chatwoot_demo.account_id, timeout=0.5)
    with pytest.raises(Offline, match="did not answer in time"):
        await impatient.fetch_changes(None)
    await impatient.close()


@pytest.mark.asyncio
async def test_truncated_json_is_malformed_not_a_crash(connector, chatwoot_server):
    chatwoot_server.inject(FaultKind.TRUNCATED_JSON, path="/messages")
    with pytest.raises(MalformedResponse, match="could not read"):
        await connector.fetch_changes(None)


@pytest.mark.asyncio
async def test_server_gone_is_offline(chatwoot_demo):
    conn = ChatwootConnector(httpx.AsyncClient(timeout=1), base_url="http://127.0.0.1:9", account_id=1, token=TOKEN)
    with pytest.raises(Offline, match="No connection"):
        await conn.fetch_changes(None)
    await conn.close()


@pytest.mark.asyncio
async def test_dropped_before_commit_is_offline_and_not_found_later(connector, chatwoot_server, chatwoot_demo):
    chatwoot_server.inject(FaultKind.DROP_BEFORE_COMMIT, method="POST", path="/messages")
    command = reply(chatwoot_demo)
    with pytest.raises(Offline):
        await connector.execute(command)
    assert await connector.find_executed(command) is None
    await connector.execute(command)
    assert [m.content for m in chatwoot_demo.conversations["messenger"].messages].count("We are on it.") == 1


@pytest.mark.asyncio
async def test_reply_dropped_after_commit_is_found_and_not_sent_twice(connector, chatwoot_server, chatwoot_demo):
    chatwoot_server.inject(FaultKind.DROP_AFTER_COMMIT, method="POST", path="/messages")
    command = reply(chatwoot_demo)
    with pytest.raises(Offline):
        await connector.execute(command)
    with chatwoot_server.state.lock:  # the customer answers meanwhile
        chatwoot_server.state.customer_writes(chatwoot_demo.conversations["messenger"], "Hello??")
    found = await connector.find_executed(command)
    assert found is not None and found.message is not None and found.message.text == "We are on it."
    assert await connector.find_executed(reply(chatwoot_demo, key="another-key")) is None
    assert chatwoot_server.count("POST", "/messages") == 1
    assert [m.content for m in chatwoot_demo.conversations["messenger"].messages].count("We are on it.") == 1


@pytest.mark.asyncio
async def test_off_spec_request_is_refused_and_recorded(chatwoot_server, chatwoot_demo):
    async with httpx.AsyncClient(base_url=chatwoot_server.url, headers={"api_access_token": TOKEN}) as client:
        answer = await client.get(Endpoints(chatwoot_demo.account_id).conversations().path, params={"status": "spam"})
    assert answer.status_code == 400
    assert [v for v in chatwoot_server.violations if "'spam' is not one of" in v]
    chatwoot_server.violations.clear()  # seen: the fixture would otherwise fail this test
