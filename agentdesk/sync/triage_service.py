"""Triage for an open profile: every stored customer message gets a verdict, off the GUI thread.

The service wakes whenever conversations change (a synced page, above all) and judges what was
stored since its last batch, in batches, inside the store's write transaction on the writer
thread. That thread is also the only one that touches the ``Triage`` object (it is not
thread-safe), including the agent's lessons. A cursor in the store makes it catch up on
messages a CLI sync or a crash left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import timedelta

from agentdesk.core.events import ConversationsChanged, Event, OutboxChanged
from agentdesk.core.triage.records import TriageInput, TriageResult
from agentdesk.core.triage.triage import Triage, TriageSettings
from agentdesk.store.triage_state import TriageStateUnreadable, load_triage_state, save_triage_state
from agentdesk.store.triage_verdicts import Storm, TriageOutcome
from agentdesk.sync.workspace import Workspace

log = logging.getLogger(__name__)

#: Topics and storms live in memory; a start rebuilds them from this much history.
REPLAY = timedelta(days=3)
#: An alarm about posts older than this (a first sync of old data) is history, not news.
FRESH_ALARM = timedelta(hours=1)


class TriageService:
    def __init__(self, workspace: Workspace, settings: TriageSettings | None = None, batch: int = 5000) -> None:
        self.ws = workspace
        self.batch = batch
        self.storm_listeners: list[Callable[[Storm], None]] = []
        #: How old an alarm may be and still be announced.
        self.fresh_for = FRESH_ALARM
        #: Why the learned filter could not be loaded (lessons then stay in memory only), or None.
        self.error: str | None = None
        state = None
        try:
            state = load_triage_state(workspace.data_dir)
            self._triage = Triage(settings, state)
        except (TriageStateUnreadable, ValueError) as exc:
            self.error = str(exc)
            self._triage = Triage(settings)
        self._save_lessons = self.error is None  # never overwrite a file we could not read
        self._replayed = False
        self._dirty = False  # something may await a verdict
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def idle(self) -> bool:
        """Nothing waits for a verdict (tests and the bench wait for this)."""
        return not self._dirty and (self._task is None or self._task.done())

    def start(self) -> None:
        self._unsubscribe = self.ws.hub.subscribe(self._on_event)
        self._schedule()

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def _on_event(self, event: Event) -> None:
        if isinstance(event, ConversationsChanged):
            self._schedule()

    def _schedule(self) -> None:
        """A short task per burst of changes rather than one that lives as long as the window:
        nothing waits on a loop-bound primitive between syncs."""
        self._dirty = True
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._drain())

    async def _drain(self) -> None:
        runner, store = self.ws.runner, self.ws.store
        try:
            if not self._replayed:
                rebuilt = await runner.write(store.replay_topics, self._judge, self.ws.now() - REPLAY)
                self._replayed = True
                if rebuilt:
                    self.ws.hub.publish(ConversationsChanged(frozenset(rebuilt)))
            while self._dirty:
                self._dirty = False
                outcome = await runner.write(store.triage_new, self._judge, self.ws.now(), self.batch)
                self._dirty |= outcome.more
                self._publish(outcome)
        except Exception:  # a bug must not stop syncing: log it; the next change tries again
            self._dirty = False
            log.exception("triage failed")

    def _judge(self, inputs: list[TriageInput]) -> list[TriageResult]:
        """On the writer thread, in time order."""
        return [self._triage.process(msg) for msg in inputs]

    def _publish(self, outcome: TriageOutcome) -> None:
        hub = self.ws.hub
        if outcome.changed:
            hub.publish(ConversationsChanged(outcome.changed))
        for conversation_id in sorted(outcome.moved_to_spam):
            hub.publish(OutboxChanged(conversation_id))
        if outcome.moved_to_spam:
            self.ws.engine.wake()  # the moves are outbox commands: tell the source now
        now = self.ws.now()
        for storm in outcome.storms:
            if storm.alarm.at >= now - self.fresh_for:
                for listener in list(self.storm_listeners):
                    listener(storm)

    async def learn(self, conversation_id: int, is_spam: bool) -> None:
        """The agent's *Mark spam* / *Not spam*: remembered on the conversation, taught to the
        classifier and saved to the profile before this returns."""
        await self.ws.runner.write(self._learn, conversation_id, is_spam)

    def _learn(self, conversation_id: int, is_spam: bool) -> None:
        text = self.ws.store.record_spam_verdict(conversation_id, is_spam)
        if text:
            self._triage.learn(text, is_spam)
        if self._save_lessons:
            save_triage_state(self.ws.data_dir, self._triage.state())
