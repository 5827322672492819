"""Plain-Python events: what changed, told to whoever listens (one bridge turns them into Qt signals).

The core and the sync engine publish; they never know who listens, so they stay Qt-free and
testable, and no view polls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SyncPhase(StrEnum):
    IDLE = "idle"  # synced, waiting for the next poll or push
    SYNCING = "syncing"
    OFFLINE = "offline"
    NEEDS_SIGN_IN = "needs_sign_in"
    NO_ACCESS = "no_access"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class AccountState:
    account_id: int
    name: str
    phase: SyncPhase
    done: int = 0
    total: int | None = None
    since: datetime | None = None  # offline since / last synced at
    message: str = ""
    #: Push updates: True while they arrive, False while the source's push channel is down (the
    #: engine polls), None for a source without one.
    live: bool | None = None


@dataclass(frozen=True, slots=True)
class ConversationsChanged:
    ids: frozenset[int]
    #: False when only how the rows look changed (read, a draft): no list needs re-sorting.
    membership: bool = True


@dataclass(frozen=True, slots=True)
class AccountStateChanged:
    state: AccountState


@dataclass(frozen=True, slots=True)
class OutboxChanged:
    conversation_id: int


@dataclass(frozen=True, slots=True)
class ClockChanged:
    now: datetime
    speed: float


@dataclass(frozen=True, slots=True)
class CannedResponsesChanged:
    """An account's saved canned responses differ from before: the template library is stale."""

    account_id: int


Event = ConversationsChanged | AccountStateChanged | OutboxChanged | ClockChanged | CannedResponsesChanged
Listener = Callable[[Event], None]


class EventHub:
    """Synchronous publish/subscribe on the thread that publishes (the event loop's)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def publish(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)
