"""The sync engine against the sandbox source: pulling, sending exactly once, and failures."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from agentdesk.core.commands import Command, CommandKind, CommandResult, CommandState
from agentdesk.core.entities import Delivery, Queue
from agentdesk.core.events import AccountStateChanged, ConversationsChanged, EventHub, SyncPhase
from agentdesk.store import Store
from agentdesk.store.runner import StoreRunner
from agentdesk.sync.engine import SyncEngine
from agentdesk.sync.errors import Offline, RateLimited, Rejected
from agentdesk.sync.sandbox.connector import SandboxConnector
from agentdesk.sync.sandbox.scenario_loader import load_scenarios
from agentdesk.sync.sandbox.world import SandboxWorld
from tests.factories import T0

DATA = Path(__file__).parent / "data" / "scenarios"


class Flaky(SandboxConnector):
    """The real sandbox, with one failure injected into the next ``execute``."""

    fail_with: Exception | None = None

    async def execute(self, command: Command) -> CommandResult:
        if self.fail_with is not None:
            exc, self.fail_with = self.fail_with, None
            raise exc
        return await super().execute(command)


class Profile:
    """A store, a sandbox world and an engine on one folder, reopened like a restarted app."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.real = [T0]
        self.events: list[object] = []
        self.open()

    def open(self) -> None:
        self.store = Store.open(self.folder)
        accounts = self.store.list_accounts()
        self.account = accounts[0] if accounts else self.store.add_account("sandbox", "Sandbox", T0)
        world = SandboxWorld(self.folder / "sandbox.sqlite3", load_scenarios(DATA).conversations, T0)
        self.connector = Flaky(world, "Alex", real_now=lambda: self.real[0])
        hub = EventHub()
        hub.subscribe(self.events.append)
        self.runner = StoreRunner(self.store)
        self.engine = SyncEngine(self.runner, hub, now=self.connector.now, jitter=lambda: 0.0)
        self.engine.add(self.account, self.connector)

    async def restart(self) -> None:
        await self.engine.stop()
        self.runner.shutdown()
        self.open()

    def conversation(self, source_id: str):  # type: ignore[no-untyped-def]
        for cid in self.store.conversation_ids(Queue.ALL_OPEN, "Alex"):
            conv = self.store.conversation(cid)
            if conv.source_id == source_id:
                return conv
        raise KeyError(source_id)


@pytest_asyncio.fixture
async def profile(tmp_path: Path):  # type: ignore[no-untyped-def]
    p = Profile(tmp_path)
    await p.engine.sync_once(p.account.id)
    yield p
    await p.engine.stop()
    p.runner.shutdown()


@pytest.mark.asyncio
async def test_a_pass_brings_the_queue_and_says_what_changed(profile: Profile) -> None:
    assert profile.store.queue_counts("Alex")[Queue.ALL_OPEN] == 2
    changed = set().union(*(e.ids for e in profile.events if isinstance(e, ConversationsChanged)))
    assert len(changed) == 2
    profile.real[0] = T0 + timedelta(minutes=11)
    await profile.engine.sync_once(profile.account.id)
    assert profile.conversation("lena-rechnung").messages[-1].text == "Hallo? Ich warte noch auf eine Antwort."


@pytest.mark.asyncio
async def test_a_reply_goes_out_and_the_customer_answers(profile: Profile) -> None:
    conv = profile.conversation("kim-paket")
    profile.store.perform(conv.id, CommandKind.REPLY, {"text": "Magst du uns eine DM schicken?"}, T0, "Alex")
    await profile.engine.sync_once(profile.account.id)
    assert profile.conversation("kim-paket").messages[-1].delivery is Delivery.DELIVERED
    profile.real[0] = T0 + timedelta(minutes=3)
    await profile.engine.sync_once(profile.account.id)
    texts = [m.text for m in profile.conversation("kim-paket").messages]
    assert texts[-2:] == ["Magst du uns eine DM schicken?", "Danke, ich hab dir die Nummer per DM geschickt."]


@pytest.mark.asyncio
async def test_accepted_by_the_source_but_not_recorded_is_not_sent_again(profile: Profile) -> None:
    """The process died after the source took the reply and before we wrote that down."""
    conv = profile.conversation("kim-paket")
    command = profile.store.perform(conv.id, CommandKind.REPLY, {"text": "Einmal, bitte."}, T0, "Alex")
    profile.store.mark_sending(command.id)
    profile.connector.world.post(command.idempotency_key, "kim-paket", "outbound", "Alex", "Einmal, bitte.", T0)
    await profile.restart()
    await profile.engine.sync_once(profile.account.id)
    assert profile.connector.world.sent_count("kim-paket", "Einmal, bitte.") == 1
    replies = [m for m in profile.conversation("kim-paket").messages if m.text == "Einmal, bitte."]
    assert [(m.delivery, m.source_id.startswith("local:")) for m in replies] == [(Delivery.DELIVERED, False)]


@pytest.mark.asyncio
async def test_in_flight_but_never_arrived_is_sent_after_a_restart(profile: Profile) -> None:
    conv = profile.conversation("kim-paket")
    command = profile.store.perform(conv.id, CommandKind.REPLY, {"text": "Noch mal."}, T0, "Alex")
    profile.store.mark_sending(command.id)
    await profile.restart()
    await profile.engine.sync_once(profile.account.id)
    assert profile.connector.world.sent_count("kim-paket", "Noch mal.") == 1
    assert profile.store.outbox_counts()[CommandState.DONE] == 1


@pytest.mark.asyncio
async def test_offline_keeps_the_reply_waiting_with_a_later_try(profile: Profile) -> None:
    conv = profile.conversation("kim-paket")
    command = profile.store.perform(conv.id, CommandKind.REPLY, {"text": "Später."}, T0, "Alex")
    profile.connector.fail_with = Offline("The connection was reset.")
    with pytest.raises(Offline):
        await profile.engine.sync_once(profile.account.id)
    now = profile.connector.now()
    assert profile.store.due_commands(profile.account.id, now) == []  # waits for its next try
    [waiting] = profile.store.due_commands(profile.account.id, now + timedelta(seconds=5))
    assert (waiting.id, waiting.error) == (command.id, "The connection was reset.")
    assert profile.conversation("kim-paket").messages[-1].delivery is Delivery.PENDING
    profile.real[0] = T0 + timedelta(seconds=5)
    await profile.engine.sync_once(profile.account.id)
    assert profile.connector.world.sent_count("kim-paket", "Später.") == 1


@pytest.mark.asyncio
async def test_rate_limits_wait_as_long_as_the_source_says(profile: Profile) -> None:
    conv = profile.conversation("kim-paket")
    profile.store.perform(conv.id, CommandKind.REPLY, {"text": "Gleich."}, T0, "Alex")
    profile.connector.fail_with = RateLimited("Too many requests.", retry_after=90)
    with pytest.raises(RateLimited):
        await profile.engine.sync_once(profile.account.id)
    now = profile.connector.now()
    assert profile.store.due_commands(profile.account.id, now + timedelta(seconds=89)) == []
    assert len(profile.store.due_commands(profile.account.id, now + timedelta(seconds=90))) == 1


@pytest.mark.asyncio
async def test_a_rejected_reply_shows_the_sources_reason(profile: Profile) -> None:
    conv = profile.conversation("kim-paket")
    profile.store.perform(conv.id, CommandKind.REPLY, {"text": "x" * 400}, T0, "Alex")
    profile.connector.fail_with = Rejected("Text is too long (400 of 280).")
    await profile.engine.sync_once(profile.account.id)  # the pass goes on: one bad reply blocks nothing
    last = profile.conversation("kim-paket").messages[-1]
    assert (last.delivery, last.error) == (Delivery.FAILED, "Text is too long (400 of 280).")


@pytest.mark.asyncio
async def test_the_background_loop_reports_offline_and_recovers(profile: Profile) -> None:
    conv = profile.conversation("kim-paket")
    profile.store.perform(conv.id, CommandKind.REPLY, {"text": "Loop"}, T0, "Alex")
    profile.connector.fail_with = Offline("No connection.")
    profile.engine.poll_interval = 0.05
    profile.engine.start()
    phases: list[SyncPhase] = []
    for _ in range(1000):  # up to 20 s on a loaded machine; usually a few rounds
        phases = [e.state.phase for e in profile.events if isinstance(e, AccountStateChanged)]
        if SyncPhase.OFFLINE in phases and phases[-1] is SyncPhase.IDLE:
            break
        profile.real[0] += timedelta(seconds=2)
        profile.engine.wake()
        await asyncio.sleep(0.02)
    assert SyncPhase.OFFLINE in phases and phases[-1] is SyncPhase.IDLE
    assert profile.connector.world.sent_count("kim-paket", "Loop") == 1
