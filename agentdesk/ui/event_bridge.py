"""The one place where the core's plain-Python events become Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agentdesk.core.events import (
    AccountState,
    AccountStateChanged,
    CannedResponsesChanged,
    ClockChanged,
    ConversationsChanged,
    Event,
    EventHub,
    OutboxChanged,
)


class EventBridge(QObject):
    conversations_changed = Signal(object, bool)  # frozenset[int], membership or order may have changed
    account_state_changed = Signal(object)  # AccountState
    outbox_changed = Signal(int)
    clock_changed = Signal(object, float)  # datetime, speed
    canned_responses_changed = Signal(int)  # account id

    def __init__(self, hub: EventHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = hub.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        match event:
            case ConversationsChanged(ids, membership):
                self.conversations_changed.emit(ids, membership)
            case AccountStateChanged(state):
                self._emit_state(state)
            case OutboxChanged(conversation_id):
                self.outbox_changed.emit(conversation_id)
            case ClockChanged(now, speed):
                self.clock_changed.emit(now, speed)
            case CannedResponsesChanged(account_id):
                self.canned_responses_changed.emit(account_id)

    def _emit_state(self, state: AccountState) -> None:
        self.account_state_changed.emit(state)

    def detach(self) -> None:
        self._unsubscribe()
