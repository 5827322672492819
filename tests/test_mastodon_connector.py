"""The Mastodon connector against a loopback instance that answers with recorded real traffic."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import CommandKind
from agentdesk.core.entities import Direction
from agentdesk.sync.errors import MalformedResponse, NeedsSignIn, Offline, RateLimited, Rejected
from agentdesk.sync.mastodon import MastodonConnector
from tests.connector_passes import full_pass, reply
from tests.servers.mastodon.server import MastodonServer

pytest_plugins = ("tests.servers.mastodon.fixtures",)


@pytest_asyncio.fixture
async def connector(server: MastodonServer) -> AsyncIterator[MastodonConnector]:
    conn = MastodonConnector(httpx.AsyncClient(timeout=5), base_url=server.url, token=server.token)
    yield conn
    await conn.close()


@pytest.mark.asyncio
async def test_a_mention_brings_its_whole_thread_as_one_public_conversation(
    server: MastodonServer, connector: MastodonConnector
) -> None:
    kim = server.add_account("kim", "Kim Berger", followers=830)
    us = server.state.me
    first = server.post(kim, "Mein Router blinkt rot, seit gestern kein Internet.")
    ours = server.post(us, "@kim Das tut uns leid! Welche Lampe genau?", in_reply_to=first["id"])
    server.post(kim, "@wellenreich Die DSL-Lampe. Bitte schnell!", in_reply_to=ours["id"])

    [conversation], _ = await full_pass(connector)

    assert conversation.source_id == f"thread:{first['id']}"
    assert (conversation.channel, conversation.audience) == (Channel.MASTODON, Audience.PUBLIC)
    assert conversation.customer.handle == f"@kim@{server.domain}" and conversation.customer.followers == 830
    assert [m.direction for m in conversation.messages] == [Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND]
    assert conversation.messages[0].text == "Mein Router blinkt rot, seit gestern kein Internet."
    assert conversation.assignee is None  # Mastodon assigns nobody: the local assignment stays


@pytest.mark.asyncio
async def test_a_direct_message_is_a_private_conversation(server: MastodonServer, connector: MastodonConnector) -> None:
    ada = server.add_account("ada", "Ada", domain="social.example")
    server.post(ada, "@wellenreich Meine Kundennummer ist 4711, bitte um Rückruf.", visibility="direct")
    [conversation], _ = await full_pass(connector)
    assert conversation.audience is Audience.PRIVATE
    assert conversation.customer.handle == "@ada@social.example"


@pytest.mark.asyncio
async def test_later_passes_bring_only_new_mentions(server: MastodonServer, connector: MastodonConnector) -> None:
    kim = server.add_account("kim", "Kim")
    for n in range(45):  # more than one page of 40
        server.post(kim, f"@wellenreich Frage {n}")
    first, cursor = await full_pass(connector)
    assert len(first) == 45
    assert (await full_pass(connector, cursor))[0] == []
    server.post(kim, "@wellenreich Noch eine Frage")
    [new], _ = await full_pass(connector, cursor)
    assert new.messages[-1].text == "@wellenreich Noch eine Frage"


@pytest.mark.asyncio
async def test_a_reply_goes_to_the_newest_customer_post_with_its_visibility_and_a_mention(
    server: MastodonServer, connector: MastodonConnector
) -> None:
    kim = server.add_account("kim", "Kim")
    root = server.post(kim, "@wellenreich Hallo?", visibility="unlisted")
    follow_up = server.post(kim, "@wellenreich Noch da?", in_reply_to=root["id"], visibility="unlisted")
    [conversation], _ = await full_pass(connector)

    result = await connector.execute(reply(conversation.source_id, "Ja, wir sind für Sie da."))

    [posted] = server.replies_by_me()
    assert posted["in_reply_to_id"] == follow_up["id"] and posted["visibility"] == "unlisted"
    assert posted["content"] == "<p>@kim Ja, wir sind für Sie da.</p>"
    assert result.message is not None and result.message.source_id == posted["id"]
    assert result.message.direction is Direction.OUTBOUND


@pytest.mark.asyncio
async def test_a_send_whose_answer_was_lost_is_found_and_never_posted_twice(
    server: MastodonServer, connector: MastodonConnector
) -> None:
    kim = server.add_account("kim", "Kim")
    server.post(kim, "@wellenreich Hallo?")
    [conversation], _ = await full_pass(connector)
    command = reply(conversation.source_id, "Wir melden uns gleich.")
    server.inject("drop_after_commit", path="/api/v1/statuses", method="POST")

    with pytest.raises(Offline):
        await connector.execute(command)

    found = await connector.find_executed(command)
    assert found is not None and found.message is not None
    again = await connector.execute(command)  # the same Idempotency-Key: Mastodon gives back the first status
    assert again.message is not None and again.message.source_id == found.message.source_id
    assert len(server.replies_by_me()) == 1


@pytest.mark.asyncio
async def test_notes_and_assignments_stay_local(server: MastodonServer, connector: MastodonConnector) -> None:
    kim = server.add_account("kim", "Kim")
    server.post(kim, "@wellenreich Hallo?")
    [conversation], _ = await full_pass(connector)
    for kind in (CommandKind.NOTE, CommandKind.ASSIGN):
        assert (await connector.execute(reply(conversation.source_id, "intern", kind=kind))).message is None
    assert server.replies_by_me() == []


@pytest.mark.asyncio
async def test_a_revoked_sign_in_asks_to_sign_in_again(server: MastodonServer, connector: MastodonConnector) -> None:
    server.revoke(server.token)
    with pytest.raises(NeedsSignIn, match="Sign in again"):
        await connector.fetch_changes(None)


@pytest.mark.asyncio
async def test_429_waits_until_the_announced_reset(server: MastodonServer, connector: MastodonConnector) -> None:
    server.inject("rate_limited", path="/api/v1/notifications")
    await connector.me()
    with pytest.raises(RateLimited) as limited:
        await connector.fetch_changes(None)
    assert 200 < limited.value.retry_after <= 300  # x-ratelimit-reset is five minutes after the server's clock


@pytest.mark.asyncio
async def test_a_truncated_answer_is_reported_not_swallowed(
    server: MastodonServer, connector: MastodonConnector
) -> None:
    await connector.me()
    server.inject("malformed", path="/api/v1/notifications")
    with pytest.raises(MalformedResponse, match="could not read"):
        await connector.fetch_changes(None)


@pytest.mark.asyncio
async def test_a_reply_to_a_deleted_thread_is_rejected_in_words(
    server: MastodonServer, connector: MastodonConnector
) -> None:
    with pytest.raises(Rejected, match="no longer exists"):
        await connector.execute(reply("thread:1", "Hallo"))


@pytest.mark.asyncio
async def test_the_instance_announces_its_limit(server: MastodonServer, connector: MastodonConnector) -> None:
    rules = await connector.instance_rules()
    assert rules.max_characters == 500 and rules.characters_reserved_per_url == 23
