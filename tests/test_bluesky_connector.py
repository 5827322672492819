"""The Bluesky connector against the real local AT Protocol network (PLC, PDS and AppView of
``@atproto/dev-env``, our chat service behind the PDS's proxy): what a customer posts or writes
reaches the queue, and what the agent answers reaches the customer, threaded, exactly once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count

import httpx
import pytest
import pytest_asyncio

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import Command, CommandKind
from agentdesk.core.entities import Account, Direction, Status
from agentdesk.core.incoming import IncomingConversation
from agentdesk.sync import credentials
from agentdesk.sync.bluesky import BlueskyConnector, records
from agentdesk.sync.bluesky.setup import Directory, sign_in
from agentdesk.sync.bluesky.xrpc import Session
from agentdesk.sync.errors import NeedsSignIn
from tests.servers.bluesky.network import LocalNetwork, Person, expired_copy, poll
from tests.servers.bluesky.passes import full_pass
from tests.servers.memory_keyring import MemoryKeyring

pytest_plugins = ("tests.servers.bluesky.fixtures",)
pytestmark = [pytest.mark.bluesky, pytest.mark.asyncio]

_keys = count(1)


@dataclass
class Keeper:
    """The keyring's part for the connector: every rotated session, the newest last."""

    saved: list[Session]

    async def save(self, session: Session) -> None:
        self.saved.append(session)

    async def load(self) -> Session | None:
        return self.saved[-1] if self.saved else None


@dataclass
class Shop:
    """Our company account on the network, signed in as AgentDesk signs in: with an app password."""

    person: Person
    app_password: str
    connector: BlueskyConnector
    keeper: Keeper


async def signed_in(net: LocalNetwork, person: Person, app_password: str) -> Session:
    check = await sign_in(person.handle, app_password, directory=Directory(net.plc, net.pds, net.chat_did))
    assert check.ok, check.message
    return Session.from_secret(check.secret)


@pytest_asyncio.fixture
async def shop(bluesky_net: LocalNetwork) -> AsyncIterator[Shop]:
    person = bluesky_net.new_person("shop")
    app_password = person.app_password(privileged=True)
    session = await signed_in(bluesky_net, person, app_password)
    keeper = Keeper([session])
    connector = BlueskyConnector(
        httpx.AsyncClient(timeout=20),
        pds=bluesky_net.pds,
        session=session,
        keeper=keeper,
        chat_did=bluesky_net.chat_did,
    )
    yield Shop(person, app_password, connector, keeper)
    await connector.close()


async def synced_until(connector: BlueskyConnector, wanted, timeout: float = 15.0) -> list[IncomingConversation]:  # type: ignore[no-untyped-def]
    """Full passes until ``wanted(conversations)``: the AppView indexes within about a second."""
    deadline = time.monotonic() + timeout
    while True:
        conversations, _ = await full_pass(connector)
        if wanted(conversations):
            return conversations
        if time.monotonic() > deadline:
            raise AssertionError(f"not synced within {timeout} s: {conversations}")
        await asyncio.sleep(0.2)


def reply(conversation: IncomingConversation, text: str, created_at: datetime | None = None) -> Command:
    return Command(
        id=1,
        idempotency_key=f"key-{next(_keys)}-{time.time_ns()}",
        kind=CommandKind.REPLY,
        account_id=1,
        conversation_id=1,
        conversation_source_id=conversation.source_id,
        payload={"text": text},
        created_at=created_at or datetime.now(UTC),
    )


async def test_a_mention_brings_its_whole_thread_as_one_public_conversation(
    bluesky_net: LocalNetwork, shop: Shop
) -> None:
    kim = bluesky_net.new_person("kim")
    first = kim.post("Mein Router blinkt rot, seit gestern kein Internet.")
    ours = shop.person.post("Das tut uns leid! Welche Lampe genau?", reply_to=first)
    kim.post(f"@{shop.person.handle} Die DSL-Lampe. Bitte schnell!", mention=shop.person, reply_to=ours)

    [conversation] = await synced_until(shop.connector, lambda found: len(found) == 1 and len(found[0].messages) == 3)

    assert conversation.source_id == f"thread:{first['uri']}"
    assert (conversation.channel, conversation.audience, conversation.status) == (
        Channel.BLUESKY,
        Audience.PUBLIC,
        Status.OPEN,
    )
    assert conversation.customer.handle == f"@{kim.handle}" and conversation.customer.source_id == kim.did
    assert [m.direction for m in conversation.messages] == [Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND]
    assert conversation.messages[0].text == "Mein Router blinkt rot, seit gestern kein Internet."
    assert conversation.assignee is None


async def test_a_later_pass_brings_only_what_is_new(bluesky_net: LocalNetwork, shop: Shop) -> None:
    kim = bluesky_net.new_person("kim")
    kim.post(f"@{shop.person.handle} Erste Frage", mention=shop.person)
    await synced_until(shop.connector, lambda found: len(found) == 1)
    _, cursor = await full_pass(shop.connector)
    assert (await full_pass(shop.connector, cursor))[0] == []  # nothing new, nothing again
    second = kim.post(f"@{shop.person.handle} Zweite Frage", mention=shop.person)
    deadline = time.monotonic() + 15
    while True:
        found, after = await full_pass(shop.connector, cursor)
        if found or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    assert [c.source_id for c in found] == [f"thread:{second['uri']}"]
    assert (await full_pass(shop.connector, after))[0] == []


async def test_the_reply_goes_out_threaded_under_the_newest_customer_post_with_facets(
    bluesky_net: LocalNetwork, shop: Shop
) -> None:
    kim = bluesky_net.new_person("kim")
    first = kim.post(f"@{shop.person.handle} Wo bleibt meine Bestellung?", mention=shop.person)
    second = kim.post("Nummer 4711, bestellt am Montag.", reply_to=first)
    [conversation] = await synced_until(shop.connector, lambda found: len(found) == 1 and len(found[0].messages) == 2)

    link = "https://wellenreich.example/hilfe/sendungsverfolgung/4711"
    text = f"Grüße 👋 @{kim.handle}: Ihre Sendung finden Sie unter {link} – danke! #Lieferung."
    result = await shop.connector.execute(reply(conversation, text))

    assert result.message is not None and result.message.direction is Direction.OUTBOUND
    posted = kim.record(result.message.source_id)
    assert posted is not None
    assert posted["reply"]["root"] == {"uri": first["uri"], "cid": first["cid"]}
    assert posted["reply"]["parent"] == {"uri": second["uri"], "cid": second["cid"]}
    shown = "wellenreich.example/hilfe/sendun..."  # as the app shows it: 13 characters of the path
    assert posted["text"] == f"Grüße 👋 @{kim.handle}: Ihre Sendung finden Sie unter {shown} – danke! #Lieferung."
    as_bytes = posted["text"].encode()
    spans = {
        feature["$type"].rsplit("#", 1)[1]: (
            as_bytes[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode(),
            feature.get("did") or feature.get("uri") or feature.get("tag"),
        )
        for facet in posted["facets"]
        for feature in facet["features"]
    }
    assert spans == {
        "mention": (f"@{kim.handle}", kim.did),
        "link": (shown, link),
        "tag": ("#Lieferung", "Lieferung"),  # the full stop after it is no part of the tag
    }

    def kim_sees_the_reply() -> bool:
        thread = kim.call("GET", "app.bsky.feed.getPostThread", params={"uri": second["uri"]})["thread"]
        return any(r["post"]["uri"] == result.message.source_id for r in thread.get("replies", []))

    poll("the reply under Kim's newest post", kim_sees_the_reply)


async def test_a_reply_is_sent_exactly_once_after_a_crash_between_sending_and_recording(
    bluesky_net: LocalNetwork, shop: Shop
) -> None:
    kim = bluesky_net.new_person("kim")
    kim.post(f"@{shop.person.handle} Hallo?", mention=shop.person)
    [conversation] = await synced_until(shop.connector, lambda found: len(found) == 1)
    command = reply(conversation, "Wir sind da.")
    assert await shop.connector.find_executed(command) is None  # not sent yet: the engine sends it

    first = await shop.connector.execute(command)  # ... and the app dies before it records the result
    found = await shop.connector.find_executed(command)  # after the restart the engine asks first
    assert found is not None and found.message is not None and first.message is not None
    assert found.message.source_id == first.message.source_id
    again = await shop.connector.execute(command)  # even a blind second send posts nothing new
    assert again.message is not None and again.message.source_id == first.message.source_id
    ours = [p for p in kim.posts_by(shop.person.did) if p.get("reply")]
    assert [p["text"] for p in ours] == ["Wir sind da."]
    assert first.message.source_id.endswith("/" + records.record_key(command.idempotency_key, command.created_at))


async def test_a_direct_message_is_a_private_conversation_and_the_answer_arrives(
    bluesky_net: LocalNetwork, shop: Shop
) -> None:
    ada = bluesky_net.new_person("ada")
    convo_id = ada.write_to(shop.person, "Meine Kundennummer ist 4711, bitte um Rückruf.")

    [conversation] = await synced_until(
        shop.connector, lambda found: any(c.audience is Audience.PRIVATE for c in found)
    )

    assert conversation.source_id == f"convo:{convo_id}" and conversation.audience is Audience.PRIVATE
    assert conversation.customer.handle == f"@{ada.handle}"
    assert [m.text for m in conversation.messages] == ["Meine Kundennummer ist 4711, bitte um Rückruf."]
    command = reply(conversation, "Wir rufen Sie heute noch an.")
    await shop.connector.execute(command)
    assert ada.messages(convo_id)[0]["text"] == "Wir rufen Sie heute noch an."
    assert await shop.connector.find_executed(command) is not None


async def test_without_access_to_direct_messages_the_mentions_still_sync(bluesky_net: LocalNetwork) -> None:
    shop = bluesky_net.new_person("shop")
    check = await sign_in(
        shop.handle,
        shop.app_password(privileged=False),
        directory=Directory(bluesky_net.plc, bluesky_net.pds, bluesky_net.chat_did),
    )
    assert check.ok and "may not read them" in check.message
    kim = bluesky_net.new_person("kim")
    kim.post(f"@{shop.handle} Hallo", mention=shop)
    kim.write_to(shop, "Privat")
    connector = BlueskyConnector(
        httpx.AsyncClient(timeout=20),
        pds=bluesky_net.pds,
        session=Session.from_secret(check.secret),
        chat_did=bluesky_net.chat_did,
    )
    try:
        [conversation] = await synced_until(connector, lambda found: len(found) == 1)
        assert conversation.audience is Audience.PUBLIC
        assert "may not read or send direct messages" in connector.chat_problem
    finally:
        await connector.close()


async def test_monitoring_finds_a_post_through_the_appview_search(bluesky_net: LocalNetwork, shop: Shop) -> None:
    ada = bluesky_net.new_person("ada")
    post = ada.post("Seit dem Update von Wellenreichxyz geht bei mir gar nichts mehr")
    shop.person.post("Wellenreichxyz: unser eigener Beitrag ist keine Fundstelle")

    async def found() -> list:
        return list(await shop.connector.search_posts("Wellenreichxyz"))

    deadline = time.monotonic() + 15
    while not (hits := await found()) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    [hit] = hits
    assert hit.uri == post["uri"]
    assert hit.conversation.status is Status.MONITORING and hit.conversation.customer.handle == f"@{ada.handle}"


async def test_an_expired_session_is_refreshed_and_the_rotated_tokens_are_kept(
    bluesky_net: LocalNetwork, shop: Shop
) -> None:
    old = shop.connector.xrpc.signed_in()
    expired = Session(old.did, old.handle, expired_copy(old.access_jwt), old.refresh_jwt)
    shop.connector.xrpc.session = expired
    await full_pass(shop.connector)  # works: refreshed on the way
    rotated = shop.keeper.saved[-1]
    assert rotated.refresh_jwt != old.refresh_jwt and rotated.access_jwt != expired.access_jwt
    assert shop.connector.xrpc.signed_in() == rotated


async def test_a_revoked_app_password_asks_to_sign_in_again(bluesky_net: LocalNetwork, shop: Shop) -> None:
    await full_pass(shop.connector)
    name = next(
        p["name"]
        for p in shop.person.call("GET", "com.atproto.server.listAppPasswords")["passwords"]
        if p["name"].startswith("agentdesk-")
    )
    shop.person.call("POST", "com.atproto.server.revokeAppPassword", json={"name": name})
    old = shop.connector.xrpc.signed_in()
    shop.connector.xrpc.session = Session(old.did, old.handle, expired_copy(old.access_jwt), old.refresh_jwt)
    with pytest.raises(NeedsSignIn, match="Sign in again"):
        await full_pass(shop.connector)
    check = await sign_in(shop.person.handle, shop.app_password, directory=Directory(bluesky_net.plc, bluesky_net.pds))
    assert not check.ok and check.message == "Bluesky refused this handle or app password."


async def test_a_wrong_app_password_is_refused_in_words(bluesky_net: LocalNetwork) -> None:
    kim = bluesky_net.new_person("kim")
    check = await sign_in(kim.handle, "abcd-efgh-ijkl-mnop", directory=Directory(bluesky_net.plc, bluesky_net.pds))
    assert not check.ok and check.message == "Bluesky refused this handle or app password."
    assert check.secret == ""


async def test_the_server_is_found_from_the_handle_and_an_unknown_handle_is_named(bluesky_net: LocalNetwork) -> None:
    kim = bluesky_net.new_person("kim")
    check = await sign_in(
        f"@{kim.handle.upper()}", kim.app_password(), directory=Directory(bluesky_net.plc, bluesky_net.pds)
    )
    assert check.ok and check.pds == bluesky_net.pds and check.settings["did"] == kim.did
    unknown = await sign_in(
        "niemand.test", "abcd-efgh-ijkl-mnop", directory=Directory(bluesky_net.plc, bluesky_net.pds)
    )
    assert not unknown.ok and unknown.message == "There is no Bluesky account with the handle niemand.test."


async def test_an_email_address_signs_in_on_the_named_server(bluesky_net: LocalNetwork) -> None:
    kim = bluesky_net.new_person("kim")
    check = await sign_in(f"{kim.handle}@example.test", kim.app_password(), bluesky_net.pds, Directory(bluesky_net.plc))
    assert check.ok, check.message
    assert check.settings["handle"] == kim.handle and check.settings["did"] == kim.did


async def test_a_rotated_session_is_written_to_the_keyring_at_once(
    bluesky_net: LocalNetwork, vault: MemoryKeyring
) -> None:
    """The refresh token is single use: the rotated pair must be in the keyring before anything else happens."""
    shop = bluesky_net.new_person("shop")
    session = await signed_in(bluesky_net, shop, shop.app_password())
    expired = Session(session.did, session.handle, expired_copy(session.access_jwt), session.refresh_jwt)
    credentials.set_secret("bluesky", "Blau", expired.to_secret())
    account = Account(
        1,
        "bluesky",
        "Blau",
        bluesky_net.pds,
        {"handle": shop.handle, "did": shop.did, "chat_did": bluesky_net.chat_did},
    )
    connector = BlueskyConnector.for_account(account, expired.to_secret())
    try:
        await full_pass(connector)
    finally:
        await connector.close()
    kept = Session.from_secret(vault.entries[("AgentDesk", "bluesky:Blau")])
    assert kept.refresh_jwt != session.refresh_jwt and kept == connector.xrpc.signed_in()
