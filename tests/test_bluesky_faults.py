"""What the Bluesky connector does when the PDS is short of breath or the answer is broken: a clear
error for the account, nothing lost, nothing sent twice. The PDS is the real local one; the
failures that dev-env cannot produce (rate limits, a lost answer, a broken body) come from the
loopback proxy in front of it (``tests.servers.bluesky.faults``)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import pytest
import pytest_asyncio

from agentdesk.core.commands import Command, CommandKind
from agentdesk.sync.bluesky import BlueskyConnector
from agentdesk.sync.bluesky.setup import Directory, sign_in
from agentdesk.sync.bluesky.xrpc import Session
from agentdesk.sync.errors import MalformedResponse, RateLimited, Rejected
from tests.servers.bluesky.faults import Fault, FaultState, faulty_pds
from tests.servers.bluesky.network import LocalNetwork, Person, poll
from tests.servers.bluesky.passes import full_pass

pytest_plugins = ("tests.servers.bluesky.fixtures",)
pytestmark = [pytest.mark.bluesky, pytest.mark.asyncio]

NOTIFICATIONS = "app.bsky.notification.listNotifications"


@dataclass
class Setup:
    net: LocalNetwork
    shop: Person
    connector: BlueskyConnector
    faults: FaultState


@pytest_asyncio.fixture
async def setup(bluesky_net: LocalNetwork) -> AsyncIterator[Setup]:
    shop = bluesky_net.new_person("shop")
    check = await sign_in(shop.handle, shop.app_password(), bluesky_net.pds, Directory(chat_did=bluesky_net.chat_did))
    assert check.ok, check.message
    with faulty_pds(bluesky_net.pds) as (url, faults):
        connector = BlueskyConnector(
            httpx.AsyncClient(timeout=20),
            pds=url,
            session=Session.from_secret(check.secret),
            chat_did=bluesky_net.chat_did,
        )
        yield Setup(bluesky_net, shop, connector, faults)
        await connector.close()


async def mentioned(setup: Setup, text: str) -> tuple[Person, dict]:
    """A customer and their mention, once the AppView has indexed it (asked of the PDS, not the proxy)."""
    kim = setup.net.new_person("kim")
    post = kim.post(f"@{setup.shop.handle} {text}", mention=setup.shop)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        notes = setup.shop.call("GET", NOTIFICATIONS)["notifications"]
        if any(n["uri"] == post["uri"] for n in notes):
            return kim, post
        await asyncio.sleep(0.1)
    raise AssertionError("the mention was not indexed")


async def test_a_429_waits_until_the_reset_and_loses_nothing(setup: Setup) -> None:
    _, post = await mentioned(setup, "Hallo?")
    reset = int(time.time()) + 42
    setup.faults.once(
        NOTIFICATIONS,
        Fault(429, b'{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}', {"ratelimit-reset": str(reset)}),
    )
    with pytest.raises(RateLimited) as raised:
        await setup.connector.fetch_changes(None)
    assert 35 <= raised.value.retry_after <= 43
    assert "slow down" in str(raised.value)
    found, _ = await full_pass(setup.connector)
    assert [c.source_id for c in found] == [f"thread:{post['uri']}"]


async def test_a_spent_budget_stops_before_the_next_request(setup: Setup) -> None:
    await full_pass(setup.connector)
    asked = len(setup.faults.requests)
    setup.faults.remaining = 2  # the next answer says: two requests left in this window
    with pytest.raises(RateLimited, match="budget is almost used up") as raised:
        await full_pass(setup.connector)
    assert len(setup.faults.requests) == asked + 1  # the one that told us; nothing was sent into a 429
    assert 250 < raised.value.retry_after <= 300


async def test_a_broken_body_is_a_clear_error_and_the_next_pass_brings_everything(setup: Setup) -> None:
    _, post = await mentioned(setup, "Ist da wer?")
    setup.faults.once(NOTIFICATIONS, Fault(200, b"<html>Bad Gateway</html>"))
    with pytest.raises(MalformedResponse, match="could not read"):
        await setup.connector.fetch_changes(None)
    setup.faults.once(NOTIFICATIONS, Fault(200, b'{"notifications": "none"}'))
    with pytest.raises(MalformedResponse, match="not a list"):
        await setup.connector.fetch_changes(None)
    found, _ = await full_pass(setup.connector)
    assert [c.source_id for c in found] == [f"thread:{post['uri']}"]


async def test_a_reply_whose_answer_is_lost_is_not_posted_twice(setup: Setup) -> None:
    await mentioned(setup, "Antwort bitte")
    [conversation], _ = await full_pass(setup.connector)
    command = Command(
        1,
        "lost-answer",
        CommandKind.REPLY,
        1,
        1,
        conversation.source_id,
        {"text": "Hier!"},
        created_at=datetime.now(UTC),
    )
    setup.faults.once("com.atproto.repo.createRecord", Fault(502, b'{"error":"UpstreamFailure"}', forward_first=True))
    result = await setup.connector.execute(command)  # the PDS posted it; the answer never came back
    assert result.message is not None and result.message.text == "Hier!"
    assert await setup.connector.execute(command) == result  # the engine's next try: found, not posted
    replies = [p for p in setup.shop.posts_by(setup.shop.did) if p.get("reply")]
    assert [p["text"] for p in replies] == ["Hier!"]


async def test_a_reply_to_a_deleted_thread_is_refused_in_words(setup: Setup) -> None:
    kim, post = await mentioned(setup, "Gleich wieder weg")
    [conversation], _ = await full_pass(setup.connector)
    rkey = post["uri"].rsplit("/", 1)[1]
    kim.call(
        "POST",
        "com.atproto.repo.deleteRecord",
        json={"repo": kim.did, "collection": "app.bsky.feed.post", "rkey": rkey},
    )

    def gone() -> bool:
        with httpx.Client(timeout=20) as client:
            answer = client.get(
                f"{setup.net.pds}/xrpc/app.bsky.feed.getPostThread",
                params={"uri": post["uri"]},
                headers={"Authorization": f"Bearer {kim.access}"},
            )
        return answer.status_code == 400

    poll("the deletion in the AppView", gone)
    command = Command(
        1, "gone", CommandKind.REPLY, 1, 1, conversation.source_id, {"text": "Zu spät"}, created_at=datetime.now(UTC)
    )
    with pytest.raises(Rejected, match="no longer exists on Bluesky"):
        await setup.connector.execute(command)
    assert [p for p in setup.shop.posts_by(setup.shop.did) if p.get("reply")] == []


async def test_a_post_deleted_between_notification_and_thread_still_arrives(setup: Setup) -> None:
    """The post goes between ``listNotifications`` and ``getPostThread``: the notification alone is kept."""
    kim, post = await mentioned(setup, "Schnell gelöscht")
    setup.faults.once("app.bsky.feed.getPostThread", Fault(400, b'{"error":"NotFound","message":"Post not found"}'))
    [conversation], _ = await full_pass(setup.connector)
    assert conversation.source_id == f"thread:{post['uri']}"
    assert [m.text for m in conversation.messages] == [f"@{setup.shop.handle} Schnell gelöscht"]
    assert conversation.customer.handle == f"@{kim.handle}"
