"""The ActionCable client against the loopback Chatwoot server's /cable: it subscribes with the
profile's pubsub token, hears a colleague's changes, is refused with a wrong token, comes back
after a drop or missed pings, gives up politely where there is no /cable, and never logs the token."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from agentdesk.sync.chatwoot.cable import CableIdentity, CableListener, cable_url, identity_from_profile
from tests.conftest import wait_until
from tests.servers.chatwoot import ChatwootServer, Demo
from tests.servers.chatwoot.views import pubsub_token

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


@dataclass
class Heard:
    events: list[str] = field(default_factory=list)
    lives: list[bool] = field(default_factory=list)


@contextlib.asynccontextmanager
async def listening(
    server: ChatwootServer,
    demo: Demo,
    *,
    token: str | None = None,
    stale_after: float = 6.0,
    confirm: float = 10.0,
    presence_every: float = 20.0,
) -> AsyncIterator[tuple[CableListener, Heard]]:
    """A listener for the demo's agent, running on the test's loop; reconnects after 1 s (no jitter)."""
    heard = Heard()

    async def identity() -> CableIdentity:
        return CableIdentity(demo.account_id, demo.me.id, token or pubsub_token(demo.me))

    listener = CableListener(
        cable_url(server.url),
        identity,
        on_event=heard.events.append,
        on_live=heard.lives.append,
        stale_after=stale_after,
        confirm_timeout=confirm,
        presence_every=presence_every,
        jitter=lambda: 0.0,
    )
    task = asyncio.create_task(listener.run())
    try:
        yield listener, heard
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def reassign(server: ChatwootServer, demo: Demo, name: str) -> None:
    """A colleague assigns a conversation to me in Chatwoot's web app."""
    with server.state.lock:
        server.state.assign(demo.conversations[name], {"assignee_id": demo.me.id}, demo.colleague)


@pytest.mark.asyncio
async def test_subscribes_and_hears_a_colleagues_reassignment(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    async with listening(chatwoot_server, chatwoot_demo) as (listener, heard):
        await wait_until(lambda: listener.live)
        assert heard.lives == [False, True] and chatwoot_server.cable.subscriptions == 1

        reassign(chatwoot_server, chatwoot_demo, "chat")

        await wait_until(lambda: "assignee.changed" in heard.events)
        assert heard.events == ["message.created", "assignee.changed"]  # the activity message, then the change


@pytest.mark.asyncio
async def test_the_agent_stays_online_for_colleagues_while_the_app_listens(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    """Chatwoot shows an agent online for 20 s after each presence update; the app keeps sending them
    (here every 0.3 s instead of 20 s), and a stale presence lapses once it stops."""
    cable, me = chatwoot_server.cable, chatwoot_demo.me.id
    async with listening(chatwoot_server, chatwoot_demo, presence_every=0.3) as (listener, heard):
        await wait_until(lambda: listener.live)
        assert cable.online(me)  # subscribing counts as being here
        await wait_until(lambda: cable.presence_updates >= 3, timeout=5)
        assert cable.online(me, within=0.6)
        assert heard.events == []  # the presence broadcast wakes no sync
    await asyncio.sleep(0.7)
    assert not cable.online(me, within=0.6)


@pytest.mark.asyncio
async def test_events_of_another_account_or_that_change_nothing_stay_quiet(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    with chatwoot_server.state.lock:
        chatwoot_demo.me.account_ids.append(chatwoot_demo.other_account_id)  # the stream is the user's
    async with listening(chatwoot_server, chatwoot_demo) as (listener, heard):
        await wait_until(lambda: listener.live)
        cable = chatwoot_server.cable
        cable.broadcast(chatwoot_demo.other_account_id, "message.created", {"id": 1, "conversation_id": 1})
        cable.broadcast(chatwoot_demo.account_id, "conversation.typing_on", {"conversation": {"id": 1}})
        cable.broadcast(chatwoot_demo.account_id, "presence.update", {"users": {}})
        cable.broadcast(chatwoot_demo.account_id, "conversation.read", {"id": 1})  # comes last: the marker

        await wait_until(lambda: heard.events)
        assert heard.events == ["conversation.read"]


@pytest.mark.asyncio
async def test_a_wrong_pubsub_token_is_refused_and_never_goes_live(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="agentdesk.sync.chatwoot.cable")
    async with listening(chatwoot_server, chatwoot_demo, token="pubsub-guessed") as (listener, heard):
        await wait_until(lambda: chatwoot_server.cable.rejections == 1)
        await wait_until(lambda: "refused the subscription" in caplog.text)
        assert heard.lives == [False] and not listener.live
        assert chatwoot_server.cable.subscriptions == 0


@pytest.mark.asyncio
async def test_a_subscription_met_with_silence_counts_as_refused(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo, caplog: pytest.LogCaptureFixture
) -> None:
    """A real RoomChannel raises on a bad token instead of rejecting: the client must not wait forever."""
    caplog.set_level(logging.INFO, logger="agentdesk.sync.chatwoot.cable")
    chatwoot_server.cable.answer_subscriptions = False
    async with listening(chatwoot_server, chatwoot_demo, confirm=0.3) as (_listener, heard):
        await wait_until(lambda: "subscription was not confirmed" in caplog.text)
        assert heard.lives == [False]


@pytest.mark.asyncio
async def test_comes_back_after_the_connection_drops(chatwoot_server: ChatwootServer, chatwoot_demo: Demo) -> None:
    async with listening(chatwoot_server, chatwoot_demo) as (listener, heard):
        await wait_until(lambda: listener.live)

        chatwoot_server.cable.drop()

        await wait_until(lambda: heard.lives == [False, True, False, True], timeout=5)
        assert chatwoot_server.cable.subscriptions == 2
        reassign(chatwoot_server, chatwoot_demo, "chat")
        await wait_until(lambda: "assignee.changed" in heard.events)


@pytest.mark.asyncio
async def test_missed_pings_mean_a_dead_line_and_a_new_connection(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    cable = chatwoot_server.cable
    cable.ping_interval = 0.1
    async with listening(chatwoot_server, chatwoot_demo, stale_after=0.5) as (listener, heard):
        await wait_until(lambda: listener.live)
        await asyncio.sleep(0.8)  # pings keep it alive past the stale threshold
        assert heard.lives == [False, True]

        cable.stop_pings()
        await wait_until(lambda: not listener.live, timeout=2)
        cable.resume_pings()

        await wait_until(lambda: listener.live, timeout=5)
        assert cable.subscriptions == 2


@pytest.mark.asyncio
async def test_a_goodbye_without_reconnect_is_respected(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="agentdesk.sync.chatwoot.cable")
    async with listening(chatwoot_server, chatwoot_demo) as (listener, _heard):
        await wait_until(lambda: listener.live)

        chatwoot_server.cable.disconnect("unauthorized", reconnect=False)

        await wait_until(lambda: not listener.live)
        await wait_until(lambda: "closed the connection (unauthorized)" in caplog.text)
        await asyncio.sleep(1.2)  # a plain drop would have reconnected by now; a refusal waits longer
        assert chatwoot_server.cable.subscriptions == 1


@pytest.mark.asyncio
async def test_a_server_without_cable_is_told_apart(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="agentdesk.sync.chatwoot.cable")
    chatwoot_server.cable.enabled = False
    async with listening(chatwoot_server, chatwoot_demo) as (_listener, heard):
        await wait_until(lambda: "answered 404 at /cable" in caplog.text)
        assert heard.lives == [False]


@pytest.mark.asyncio
async def test_the_pubsub_token_appears_in_no_log_line(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # everything, the websocket library's frames included
    token = pubsub_token(chatwoot_demo.me)
    async with listening(chatwoot_server, chatwoot_demo) as (listener, heard):
        await wait_until(lambda: listener.live)
        reassign(chatwoot_server, chatwoot_demo, "chat")
        await wait_until(lambda: "assignee.changed" in heard.events)
        chatwoot_server.cable.drop()
        await wait_until(lambda: heard.lives == [False, True, False, True], timeout=5)
    assert "cable" in caplog.text  # the session was logged
    assert token not in caplog.text
    assert token not in repr(CableIdentity(1, 2, token))


def test_the_cable_lives_beside_the_api_over_tls_unless_the_server_is_plain_http() -> None:
    assert cable_url("https://chat.example.com") == "wss://chat.example.com/cable"
    assert cable_url("https://example.com/chatwoot/") == "wss://example.com/chatwoot/cable"
    assert cable_url("http://127.0.0.1:3000") == "ws://127.0.0.1:3000/cable"
    with pytest.raises(ValueError):
        cable_url("ftp://chat.example.com")


def test_the_identity_comes_from_the_profile() -> None:
    identity = identity_from_profile({"id": 7, "pubsub_token": "abc", "accounts": []}, 3)
    assert identity == CableIdentity(3, 7, "abc")
    assert identity.identifier() == '{"channel":"RoomChannel","pubsub_token":"abc","account_id":3,"user_id":7}'
    assert identity_from_profile({"id": 7}, 3) is None
    assert identity_from_profile({"id": "7", "pubsub_token": "abc"}, 3) is None
