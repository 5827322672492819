"""The X connector against a loopback X API that answers with recorded real traffic.

Replies, threads and every error answer are extended beyond the recordings (tweepy records
none), after X's API documentation: see ``tests/servers/x/server.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import pytest_asyncio

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import CommandKind
from agentdesk.core.entities import Direction, Status
from agentdesk.core.oauth import Tokens
from agentdesk.sync.errors import Forbidden, MalformedResponse, NeedsSignIn, Offline, RateLimited, Rejected
from agentdesk.sync.x import XConnector, parsing
from agentdesk.sync.x.session import StoredSignIn
from tests.connector_passes import full_pass, reply
from tests.servers.x.server import XServer

pytest_plugins = ("tests.servers.x.fixtures",)


@pytest_asyncio.fixture
async def connector(x_server: XServer) -> AsyncIterator[XConnector]:
    conn = XConnector(httpx.AsyncClient(timeout=5), base_url=x_server.url, stored=StoredSignIn(Tokens(x_server.token)))
    yield conn
    await conn.close()


@pytest.mark.asyncio
async def test_a_mention_brings_its_whole_thread_as_one_public_conversation(
    x_server: XServer, connector: XConnector
) -> None:
    """Extended: the recorded mentions carry no fields or expansions; threads follow X's documented
    ``conversation_id``, ``referenced_tweets`` and ``includes``."""
    kim = x_server.add_user("kim_berger", "Kim Berger", followers=830)
    us = x_server.state.me
    first = x_server.post(kim, "Mein Router blinkt rot, seit gestern kein Internet.")
    ours = x_server.post(us, "@kim_berger Das tut uns leid! Welche Lampe genau?", in_reply_to=first["id"])
    second = x_server.post(kim, "@wellenreich Die DSL-Lampe & die WLAN-Lampe. Bitte schnell!", in_reply_to=ours["id"])

    [conversation], _ = await full_pass(connector)

    assert conversation.source_id == f"thread:{first['id']}"  # X's conversation_id: the root post
    assert (conversation.channel, conversation.audience) == (Channel.X, Audience.PUBLIC)
    assert conversation.customer.handle == "@kim_berger" and conversation.customer.followers == 830
    assert [m.source_id for m in conversation.messages] == [first["id"], ours["id"], second["id"]]
    assert [m.direction for m in conversation.messages] == [Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND]
    assert conversation.messages[-1].text == "@wellenreich Die DSL-Lampe & die WLAN-Lampe. Bitte schnell!"
    assert conversation.messages[1].author == "Wellenreich Service"
    assert conversation.subject == "Mein Router blinkt rot, seit gestern kein Internet."


@pytest.mark.asyncio
async def test_a_long_thread_is_followed_to_its_root(x_server: XServer, connector: XConnector) -> None:
    kim, ben = x_server.add_user("kim", "Kim"), x_server.add_user("ben", "Ben")
    parent = x_server.post(ben, "Wer hat auch kein Netz?")
    root = parent
    for n in range(6):  # more levels than one lookup brings (two per request)
        parent = x_server.post(kim if n % 2 else ben, f"Ich auch ({n})", in_reply_to=parent["id"])
    x_server.post(kim, "@wellenreich Was ist los?", in_reply_to=parent["id"])
    [conversation], _ = await full_pass(connector)
    assert len(conversation.messages) == 8 and conversation.messages[0].source_id == root["id"]
    lookups = [target for method, target in x_server.state.requests if target.startswith("/2/tweets?")]
    assert 1 <= len(lookups) <= 4


@pytest.mark.asyncio
async def test_a_direct_message_is_a_private_conversation(x_server: XServer, connector: XConnector) -> None:
    ada = x_server.add_user("ada", "Ada Lang")
    x_server.send_dm(ada, x_server.state.me, "Meine Kundennummer ist 4711, bitte um Rückruf.")
    [conversation], cursor = await full_pass(connector)
    assert conversation.audience is Audience.PRIVATE and conversation.channel is Channel.X
    assert conversation.customer.handle == "@ada" and conversation.customer.name == "Ada Lang"
    assert conversation.messages[0].text == "Meine Kundennummer ist 4711, bitte um Rückruf."
    assert (await full_pass(connector, cursor))[0] == []  # nothing new, nothing twice
    x_server.send_dm(ada, x_server.state.me, "Hallo?")
    [again], _ = await full_pass(connector, cursor)
    assert again.source_id == conversation.source_id and [m.text for m in again.messages] == ["Hallo?"]


@pytest.mark.asyncio
async def test_later_passes_bring_only_new_mentions(x_server: XServer, connector: XConnector) -> None:
    kim = x_server.add_user("kim", "Kim")
    for n in range(105):  # more than one page of 100
        x_server.post(kim, f"@wellenreich Frage {n}")
    first, cursor = await full_pass(connector)
    assert len(first) == 105
    assert (await full_pass(connector, cursor))[0] == []
    x_server.post(kim, "@wellenreich Noch eine Frage")
    [new], _ = await full_pass(connector, cursor)
    assert new.messages[-1].text == "@wellenreich Noch eine Frage"


@pytest.mark.asyncio
async def test_a_reply_is_threaded_to_the_newest_customer_post(x_server: XServer, connector: XConnector) -> None:
    """Extended: no recording has a reply; ``reply.in_reply_to_tweet_id`` is from X's POST /2/tweets docs."""
    kim = x_server.add_user("kim", "Kim")
    root = x_server.post(kim, "@wellenreich Hallo?")
    follow_up = x_server.post(kim, "@wellenreich Noch da?", in_reply_to=root["id"])
    [conversation], _ = await full_pass(connector)

    result = await connector.execute(reply(conversation.source_id, "Ja, wir sind für Sie da."))

    [posted] = x_server.posts_by_me()
    assert posted["referenced_tweets"] == [{"type": "replied_to", "id": follow_up["id"]}]
    assert posted["conversation_id"] == root["id"] and posted["text"] == "Ja, wir sind für Sie da."
    assert result.message is not None and result.message.source_id == posted["id"]
    assert result.message.direction is Direction.OUTBOUND


def test_an_ids_time_is_read_from_the_snowflake_as_recorded() -> None:
    """The recorded POST /2/tweets answered with id 1456012973835788293 and ``date: Wed, 03 Nov 2021
    21:38:39 UTC`` (test_client_create_and_delete_tweet.yaml)."""
    assert parsing.made_at("1456012973835788293") == datetime(2021, 11, 3, 21, 38, 39, 32000, tzinfo=UTC)
    assert parsing.made_at("20") is None and parsing.made_at("") is None  # pre-snowflake ids, no id


@pytest.mark.asyncio
async def test_a_sent_reply_is_timed_by_xs_clock_so_it_follows_the_post_it_answers(
    x_server: XServer, connector: XConnector
) -> None:
    """This computer's clock is ten minutes behind X's: the reply still comes after the customer's post."""
    x_server.clock = datetime.now(UTC) + timedelta(minutes=10)
    kim = x_server.add_user("kim", "Kim")
    x_server.post(kim, "@wellenreich Hallo?")
    [conversation], _ = await full_pass(connector)

    result = await connector.execute(reply(conversation.source_id, "Ja, wir sind für Sie da."))

    [posted] = x_server.posts_by_me()
    assert result.message is not None and result.message.created_at > conversation.messages[-1].created_at
    assert result.message.created_at.replace(microsecond=0) == datetime.fromisoformat(posted["created_at"])


@pytest.mark.asyncio
async def test_a_direct_message_is_answered_directly(x_server: XServer, connector: XConnector) -> None:
    ada = x_server.add_user("ada", "Ada")
    x_server.send_dm(ada, x_server.state.me, "Wo bleibt meine Gutschrift?")
    [conversation], _ = await full_pass(connector)
    result = await connector.execute(reply(conversation.source_id, "Wir prüfen das."))
    [sent] = x_server.dms_by_me()
    assert f"dm:{sent['dm_conversation_id']}" == conversation.source_id and sent["text"] == "Wir prüfen das."
    assert x_server.posts_by_me() == []  # never in public
    assert result.message is not None and result.message.source_id == sent["id"]


@pytest.mark.asyncio
@pytest.mark.parametrize("private", [False, True])
async def test_a_send_whose_answer_was_lost_is_found_and_never_posted_twice(
    x_server: XServer, connector: XConnector, private: bool
) -> None:
    kim = x_server.add_user("kim", "Kim")
    if private:
        x_server.send_dm(kim, x_server.state.me, "Hallo?")
    else:
        x_server.post(kim, "@wellenreich Hallo?")
    [conversation], _ = await full_pass(connector)
    command = reply(conversation.source_id, "Wir melden uns gleich.")
    path = "/2/dm_conversations" if private else "/2/tweets"
    x_server.inject("drop_after_commit", path=path, method="POST")

    with pytest.raises(Offline):  # the send was accepted, the answer lost: the engine records nothing
        await connector.execute(command)

    found = await connector.find_executed(command)
    assert found is not None and found.message is not None
    sent = x_server.dms_by_me() if private else x_server.posts_by_me()
    assert [s["id"] for s in sent] == [found.message.source_id]


@pytest.mark.asyncio
async def test_an_earlier_identical_answer_is_not_taken_for_this_one(x_server: XServer, connector: XConnector) -> None:
    kim = x_server.add_user("kim", "Kim")
    x_server.send_dm(kim, x_server.state.me, "Hallo?")
    [conversation], _ = await full_pass(connector)
    await connector.execute(reply(conversation.source_id, "Danke!"))
    later = reply(conversation.source_id, "Danke!", created_at=datetime.now(UTC) + timedelta(hours=3))
    assert await connector.find_executed(later) is None


@pytest.mark.asyncio
async def test_x_refusing_a_duplicate_post_rejects_that_reply_only(x_server: XServer, connector: XConnector) -> None:
    """Extended: X's documented 403 for duplicate content (tweepy records no errors)."""
    kim = x_server.add_user("kim", "Kim")
    x_server.post(kim, "@wellenreich Hallo?")
    [conversation], _ = await full_pass(connector)
    await connector.execute(reply(conversation.source_id, "Gern geschehen."))
    with pytest.raises(Rejected, match="duplicate content"):
        await connector.execute(reply(conversation.source_id, "Gern geschehen."))


@pytest.mark.asyncio
async def test_notes_and_assignments_stay_local(x_server: XServer, connector: XConnector) -> None:
    for kind in (CommandKind.NOTE, CommandKind.ASSIGN):
        assert (await connector.execute(reply("thread:1", "intern", kind=kind))).message is None
    assert x_server.posts_by_me() == []


@pytest.mark.asyncio
async def test_a_revoked_sign_in_asks_to_sign_in_again(x_server: XServer, connector: XConnector) -> None:
    """Extended: X's 401 problem object for a revoked bearer token."""
    x_server.revoke(x_server.token)
    with pytest.raises(NeedsSignIn, match="Sign in again"):
        await connector.fetch_changes(None)


@pytest.mark.asyncio
async def test_429_waits_until_the_announced_reset(x_server: XServer, connector: XConnector) -> None:
    """Extended: X's 429 with ``x-rate-limit-reset`` in epoch seconds, as the recorded headers carry it."""
    await connector.me()
    x_server.inject("rate_limited", path="/mentions")
    with pytest.raises(RateLimited) as limited:
        await connector.fetch_changes(None)
    assert 100 < limited.value.retry_after <= 120  # x-rate-limit-reset: two minutes after the server's clock
    with pytest.raises(RateLimited):  # the budget says so: no request is spent on a sure 429
        await connector.fetch_changes(None)
    assert sum("/mentions" in target for _method, target in x_server.state.requests) == 1
    ada = x_server.add_user("ada", "Ada")
    x_server.send_dm(ada, x_server.state.me, "Hallo?")
    assert (await connector.fetch_changes('{"stage": "dms"}')).conversations  # other endpoints go on


@pytest.mark.asyncio
async def test_a_truncated_answer_is_reported_not_swallowed(x_server: XServer, connector: XConnector) -> None:
    await connector.me()
    x_server.inject("malformed", path="/mentions")
    with pytest.raises(MalformedResponse, match="could not read"):
        await connector.fetch_changes(None)


@pytest.mark.asyncio
async def test_a_reply_to_a_deleted_thread_is_rejected_in_words(x_server: XServer, connector: XConnector) -> None:
    """Extended: X's 403 for a reply to a post that is gone."""
    with pytest.raises(Rejected, match="deleted or not visible"):
        await connector.execute(reply("thread:1", "Hallo"))


@pytest.mark.asyncio
async def test_a_server_that_is_not_x_is_named(x_server: XServer) -> None:
    async with httpx.AsyncClient(timeout=5) as client:
        conn = XConnector(client, base_url=f"{x_server.url}/elsewhere", stored=StoredSignIn(Tokens("t")))
        with pytest.raises(Forbidden, match="does not answer like the X API"):
            await conn.me()
    x_server.state.violations.clear()  # the request was wrong on purpose


@pytest.mark.asyncio
async def test_a_monitoring_search_finds_posts_with_their_thread(x_server: XServer, connector: XConnector) -> None:
    ada, ben = x_server.add_user("ada", "Ada Lang", followers=5400), x_server.add_user("ben", "Ben")
    question = x_server.post(ben, "Kennt jemand einen guten Anbieter?")
    said = x_server.post(ada, "Wellenreich hat seit dem Update nur Störungen", in_reply_to=question["id"])
    x_server.post(x_server.state.me, "Wellenreich wünscht einen guten Morgen")  # our own post is no news
    [hit] = await connector.search_posts("Wellenreich")
    assert hit.uri == f"https://x.com/i/web/status/{said['id']}"
    assert hit.conversation.status is Status.MONITORING and hit.conversation.customer.handle == "@ben"
    assert [m.source_id for m in hit.conversation.messages] == [question["id"], said["id"]]


@pytest.mark.asyncio
async def test_without_access_to_direct_messages_the_mentions_still_sync(
    x_server: XServer, connector: XConnector
) -> None:
    kim = x_server.add_user("kim", "Kim")
    x_server.post(kim, "@wellenreich Hallo?")
    x_server.inject("not_enrolled", path="/2/dm_events", times=2)
    [conversation], cursor = await full_pass(connector)
    assert conversation.audience is Audience.PUBLIC
    x_server.post(kim, "@wellenreich Noch da?")
    [again], _ = await full_pass(connector, cursor)  # the next pass tries the direct messages again
    assert again.messages[-1].text == "@wellenreich Noch da?"


@pytest.mark.asyncio
async def test_an_app_without_access_to_mentions_is_told_so(x_server: XServer, connector: XConnector) -> None:
    """Extended: X's 403 ``client-not-enrolled`` for an access level without the endpoint."""
    await connector.me()
    x_server.inject("not_enrolled", path="/mentions")
    with pytest.raises(Forbidden, match="X refuses this account access: You currently have access to a subset"):
        await connector.fetch_changes(None)
