"""The sync engine: per account, push the outbox, pull changes, then wait for a poll or a wake-up.

Only the engine touches the store (through the StoreRunner, off the event loop's thread) and
tells listeners what changed through the EventHub. Sending is exactly-once: a command that may
have reached the source before (it was in flight at a crash, or a try failed midway) is first
looked up at the source by its idempotency key, and only sent when the source does not have it.
A source's canned responses are fetched after a complete pass, at most every few minutes, and
saved in the profile folder; failing to fetch them never fails the pass. A team backend's agents
and teams are fetched after the changes, at most every minute, into the store (so the languages of
the conversations just pulled count); failing to fetch them never fails the pass either.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from agentdesk.core.backoff import backoff_delay
from agentdesk.core.commands import Command, CommandState
from agentdesk.core.entities import Account
from agentdesk.core.events import (
    AccountState,
    AccountStateChanged,
    CannedResponsesChanged,
    ConversationsChanged,
    EventHub,
    OutboxChanged,
    SyncPhase,
)
from agentdesk.core.incoming import SyncBatch
from agentdesk.store.runner import StoreRunner
from agentdesk.sync.canned import CannedResponseFiles
from agentdesk.sync.connector import Connector, fetch_canned_responses, fetch_team, push_events
from agentdesk.sync.errors import (
    Conflict,
    Forbidden,
    NeedsSignIn,
    RateLimited,
    RealSourcesForbidden,
    Rejected,
    SourceError,
)
from agentdesk.sync.words import _

log = logging.getLogger(__name__)

#: Fetched pages that may wait for the store before fetching waits too.
WRITE_AHEAD = 8

#: The only source a training profile may run.
SANDBOX_KIND = "sandbox"

#: Seconds between two fetches of an account's canned responses: they change rarely.
CANNED_INTERVAL = 300.0

#: Seconds between polls while the source pushes its changes: polling is then only a safety net.
LIVE_POLL_INTERVAL = 60.0

#: Seconds between two fetches of an account's team: who is online changes within minutes.
TEAM_INTERVAL = 60.0


@dataclass
class _Slot:
    account: Account
    connector: Connector
    state: AccountState
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None
    push: asyncio.Task[None] | None = None  # listens to the source's push channel, if it has one
    push_failures: int = 0  # tries of the push channel since it was last live
    failures: int = 0
    canned_at: float | None = None  # time.monotonic() of the last try to fetch canned responses
    team_at: float | None = None  # time.monotonic() of the last try to fetch the team


class _PageWriter:
    """Writes a pass's pages in order, one transaction at a time, while the next pages are fetched.

    Pages that arrive while a write runs go into the next transaction together, so a fast source
    costs fewer commits; at most ``WRITE_AHEAD`` pages wait, so a slow disk slows the fetching.
    """

    def __init__(self, engine: SyncEngine, account_id: int) -> None:
        self._engine, self._account_id = engine, account_id
        self._waiting: list[SyncBatch] = []
        self._writing: asyncio.Future[set[int]] | None = None

    async def add(self, batch: SyncBatch) -> None:
        self._waiting.append(batch)
        if self._writing is not None and not self._writing.done() and len(self._waiting) < WRITE_AHEAD:
            return
        await self._written()
        self._start()

    async def finish(self, *, quietly: bool = False) -> None:
        """Write what waits and wait for it; ``quietly`` (another error is on its way) keeps a
        failed write from replacing it: the next pass reads the same pages again."""
        try:
            await self._written()
            self._start()
            await self._written()
        except Exception:
            if not quietly:
                raise
            log.warning("pages fetched before a sync error were not written", exc_info=True)

    def _start(self) -> None:
        if self._waiting:
            runner = self._engine.runner
            batches, self._waiting = self._waiting, []
            self._writing = asyncio.ensure_future(runner.write(runner.store.apply_batches, self._account_id, batches))

    async def _written(self) -> None:
        writing, self._writing = self._writing, None
        if writing is not None:
            self._engine._publish_changed(await writing)


class SyncEngine:
    def __init__(
        self,
        runner: StoreRunner,
        hub: EventHub,
        *,
        now: Callable[[], datetime],
        poll_interval: float = 5.0,
        jitter: Callable[[], float] = random.random,
        canned: CannedResponseFiles | None = None,
        canned_interval: float = CANNED_INTERVAL,
        sandbox_only: bool = False,
        live_poll_interval: float = LIVE_POLL_INTERVAL,
        team_interval: float = TEAM_INTERVAL,
    ) -> None:
        self.runner = runner
        self.hub = hub
        self.now = now
        self.poll_interval = poll_interval
        self.live_poll_interval = live_poll_interval
        self._jitter = jitter
        self.canned = canned
        self.canned_interval = canned_interval
        self.team_interval = team_interval
        self.sandbox_only = sandbox_only  # a trainee's engine: nothing but the sandbox ever runs
        self._slots: dict[int, _Slot] = {}

    # --- set-up ----------------------------------------------------------------------------------
    def add(self, account: Account, connector: Connector) -> None:
        if self.sandbox_only and (account.kind != SANDBOX_KIND or connector.kind != SANDBOX_KIND):
            # The last gate before the network: even a profile that slipped past the others stays offline.
            raise RealSourcesForbidden(
                _("A training profile never syncs {kind} accounts, only the sandbox.").format(kind=account.kind)
            )
        state = AccountState(account.id, account.name, SyncPhase.IDLE)
        self._slots[account.id] = _Slot(account, connector, state)

    def states(self) -> list[AccountState]:
        return [slot.state for slot in self._slots.values()]

    def start(self) -> None:
        """Start one background task per account (in the GUI: on the qasync loop)."""
        for slot in self._slots.values():
            if slot.task is None:
                slot.task = asyncio.create_task(self._run(slot), name=f"sync:{slot.account.name}")
            if slot.push is None:
                slot.push = asyncio.create_task(self._listen(slot), name=f"push:{slot.account.name}")

    async def stop(self) -> None:
        tasks = [t for s in self._slots.values() for t in (s.task, s.push) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for slot in self._slots.values():
            slot.task = slot.push = None
            await slot.connector.close()

    async def remove(self, account_id: int) -> None:
        """Stop and forget one account (the user removed it); the others keep running."""
        slot = self._slots.pop(account_id, None)
        if slot is not None:
            tasks = [t for t in (slot.task, slot.push) if t is not None]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await slot.connector.close()

    def wake(self, account_id: int | None = None) -> None:
        """Run now instead of at the next poll: after a user's write, or after signing in again."""
        for slot in self._slots.values():
            if account_id is None or slot.account.id == account_id:
                slot.wake.set()

    # --- one pass, for the CLI and the loop alike ------------------------------------------------------
    async def sync_once(self, account_id: int) -> None:
        """Send what is due, pull until the source says the pass is complete, then refresh canned responses."""
        slot = self._slots[account_id]
        await self._flush_outbox(slot)
        await self._pull(slot)
        await self._refresh_team(slot)
        await self._refresh_canned(slot)

    async def _run(self, slot: _Slot) -> None:
        while True:
            slot.wake.clear()
            try:
                await self.sync_once(slot.account.id)
                slot.failures = 0
                self._set_state(slot, SyncPhase.IDLE, since=self.now())
                delay = await self._until_next_command(slot)
            except RateLimited as exc:
                delay = exc.retry_after
                self._set_state(slot, SyncPhase.OFFLINE, message=str(exc), since=slot.state.since or self.now())
            except NeedsSignIn as exc:
                self._set_state(slot, SyncPhase.NEEDS_SIGN_IN, message=str(exc))
                delay = None  # until the user signs in again and wakes us
            except Forbidden as exc:
                self._set_state(slot, SyncPhase.NO_ACCESS, message=str(exc))
                delay = None
            except SourceError as exc:
                slot.failures += 1
                since = slot.state.since if slot.state.phase is SyncPhase.OFFLINE else self.now()
                self._set_state(slot, SyncPhase.OFFLINE, message=str(exc), since=since)
                delay = backoff_delay(slot.failures, self._jitter(), cap=120).total_seconds()
            except Exception:  # a bug: log it with its traceback, keep the other accounts running
                log.exception("sync of %s failed unexpectedly", slot.account.name)
                self._set_state(slot, SyncPhase.STOPPED, message=_("Internal error; see the log."))
                delay = None
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await slot.wake.wait()

    async def _until_next_command(self, slot: _Slot) -> float:
        interval = self.live_poll_interval if slot.state.live else self.poll_interval
        due = await self.runner.read(self.runner.store.next_command_due, slot.account.id)
        if due is None:
            return interval
        return max(0.05, min(interval, (due - self.now()).total_seconds()))

    # --- the push channel --------------------------------------------------------------------------
    async def _listen(self, slot: _Slot) -> None:
        """Keep the source's push channel open: each push wakes the account's task, which fetches
        the changes itself. A channel that fails opens again after a backoff; a source without
        one (the sandbox) ends this task at once."""
        while True:
            try:
                await push_events(slot.connector, slot.wake.set, lambda live: self._set_live(slot, live))
                return
            except SourceError as exc:  # offline, or no secret yet: polling says so, this just waits
                log.info("live updates of %s unavailable: %s", slot.account.name, exc)
            except Exception:
                log.exception("live updates of %s failed unexpectedly", slot.account.name)
            if slot.state.live:
                self._set_live(slot, False)
            slot.push_failures += 1
            await asyncio.sleep(backoff_delay(slot.push_failures, self._jitter(), cap=120).total_seconds())

    def _set_live(self, slot: _Slot, live: bool) -> None:
        was = slot.state.live
        if was is live:
            return
        slot.state = replace(slot.state, live=live)
        slot.push_failures = 0 if live else slot.push_failures
        self.hub.publish(AccountStateChanged(slot.state))
        if live or was:  # live: catch up on what was missed; lost: poll at the normal pace again
            slot.wake.set()

    # --- pulling ---------------------------------------------------------------------------------
    async def _pull(self, slot: _Slot) -> None:
        """Fetch pages and write them behind: the next page is on its way while the store writes."""
        store = self.runner.store
        cursor = await self.runner.read(store.cursor, slot.account.id)
        pages = _PageWriter(self, slot.account.id)
        done = 0
        try:
            while True:
                batch = await slot.connector.fetch_changes(cursor)
                await pages.add(batch)
                cursor = batch.cursor
                done += len(batch.conversations)
                if batch.complete:
                    break
                self._set_state(slot, SyncPhase.SYNCING, done=done, total=batch.total)
        except Exception:
            await pages.finish(quietly=True)  # what was fetched before the failure still lands
            raise
        await pages.finish()

    def _publish_changed(self, changed: set[int]) -> None:
        if changed:
            self.hub.publish(ConversationsChanged(frozenset(changed)))

    async def _refresh_canned(self, slot: _Slot) -> None:
        """Save the source's canned responses when they are due; on failure the saved ones stay."""
        started = time.monotonic()
        if self.canned is None or (slot.canned_at is not None and started - slot.canned_at < self.canned_interval):
            return
        slot.canned_at = started  # a failing source is asked again only after the interval, too
        try:
            responses = await fetch_canned_responses(slot.connector)
        except SourceError as exc:
            log.warning("canned responses of %s not refreshed: %s", slot.account.name, exc)
            return
        if responses is not None and await asyncio.to_thread(self.canned.save, slot.account.id, responses):
            self.hub.publish(CannedResponsesChanged(slot.account.id))

    async def _refresh_team(self, slot: _Slot) -> None:
        """Store the source's agents and teams when due; on failure the stored ones stay."""
        started = time.monotonic()
        if slot.team_at is not None and started - slot.team_at < self.team_interval:
            return
        slot.team_at = started
        try:
            snapshot = await fetch_team(slot.connector)
        except SourceError as exc:
            log.warning("team of %s not refreshed: %s", slot.account.name, exc)
            return
        if snapshot is not None:
            await self.runner.write(self.runner.store.save_team, slot.account.id, snapshot, self.now())

    # --- pushing -----------------------------------------------------------------------------------
    async def _flush_outbox(self, slot: _Slot) -> None:
        store = self.runner.store
        for command in await self.runner.read(store.due_commands, slot.account.id, self.now()):
            await self._send(slot, command)

    async def _send(self, slot: _Slot, command: Command) -> None:
        store = self.runner.store
        try:
            result = None
            if command.attempts > 0 or command.state is CommandState.SENDING:
                result = await slot.connector.find_executed(command)
            if result is None:
                await self.runner.write(store.mark_sending, command.id)
                result = await slot.connector.execute(command)
            conversation_id = await self.runner.write(store.complete_command, command.id, result)
        except (Rejected, Conflict) as exc:
            conversation_id = await self.runner.write(store.fail_command, command.id, str(exc), None)
        except SourceError as exc:
            wait = exc.retry_after if isinstance(exc, RateLimited) else None
            delay = timedelta(seconds=wait) if wait is not None else backoff_delay(command.attempts + 1, self._jitter())
            await self.runner.write(store.fail_command, command.id, str(exc), self.now() + delay)
            self.hub.publish(OutboxChanged(command.conversation_id))
            raise  # the account's state shows why the outbox waits
        self.hub.publish(OutboxChanged(conversation_id))
        self.hub.publish(ConversationsChanged(frozenset({conversation_id})))

    def _set_state(self, slot: _Slot, phase: SyncPhase, **changes: object) -> None:
        base = {"done": 0, "total": None, "message": "", "since": None}
        base.update(changes)
        slot.state = replace(slot.state, phase=phase, **base)  # type: ignore[arg-type]
        self.hub.publish(AccountStateChanged(slot.state))
