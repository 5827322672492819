"""What the client last knew of each conversation, so a change can be told from a state.

"Assigned to me" needs the assignee before the change, "turned at risk" the SLA state a moment
ago, "a new message" the row before it: the watch keeps the last row of every conversation and
the last state of mine, and says which changes are worth a notice.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime, timedelta
from types import MappingProxyType

from agentdesk.core.entities import ConversationRow
from agentdesk.core.events import AccountState, SyncPhase
from agentdesk.core.notifications.rules import Notice, NoticeKind
from agentdesk.core.sla import SlaState, SlaStatus, format_span

_ALREADY_LATE = (SlaState.AT_RISK, SlaState.BREACHED)

#: How a row's SLA stands at a moment (None: nobody waits for an answer).
StateOf = Callable[[ConversationRow, datetime], SlaStatus | None]


def caught_up(states: Iterable[AccountState]) -> bool:
    """Every account finished its first pass since start (or cannot make one): what the sync
    brings from now on happened while the window was open. The catch-up itself is news for the
    queues, not for notifications."""
    return all(
        s.phase is not SyncPhase.SYNCING and (s.since is not None or s.phase is not SyncPhase.IDLE) for s in states
    )


def is_new_customer_message(before: ConversationRow, after: ConversationRow) -> bool:
    """The customer wrote since ``before``: the conversation is unread again, with a newer last
    message and a newer customer line (a colleague's note changes neither the preview nor unread)."""
    return (
        after.unread
        and after.waiting_since is not None
        and after.last_message_at > before.last_message_at
        and (not before.unread or after.preview != before.preview)
    )


class ConversationWatch:
    """Rows seen so far and the SLA state of mine; ``observe`` and ``tick`` return notices."""

    def __init__(self, me: str) -> None:
        self.me = me
        self.seeded = False  # every conversation of the store is known: an unknown id is a new one
        self._rows: dict[int, ConversationRow] = {}
        self._mine: set[int] = set()
        self._states: dict[int, SlaState | None] = {}
        # When a conversation of mine is worth asking about again; None: only once its row changes.
        self._next_look: dict[int, datetime | None] = {}
        self._own: set[int] = set()

    @property
    def states(self) -> Mapping[int, SlaState | None]:
        """The SLA state of mine at the last tick (None: nobody waits for an answer)."""
        return MappingProxyType(self._states)

    def assignee(self, conversation_id: int) -> str | None:
        """Whom the conversation was assigned to when last seen (None: never seen)."""
        row = self._rows.get(conversation_id)
        return None if row is None else row.assignee

    def seed(self, rows: Iterable[ConversationRow]) -> None:
        """What the store held at start: remembered, never announced."""
        for row in rows:
            if self._rows.setdefault(row.id, row) is row and row.assignee == self.me:
                self._mine.add(row.id)
        self.seeded = True

    def own_assignment(self, conversation_id: int) -> None:
        """I assign this one to myself: the change that follows is no news to me."""
        if conversation_id not in self._mine:
            self._own.add(conversation_id)

    def observe(self, rows: Iterable[ConversationRow], background: Collection[int]) -> list[Notice]:
        """Rows read after a change; ``background``: conversations I opened earlier and left open."""
        notices: list[Notice] = []
        for row in rows:
            before = self._rows.get(row.id)
            self._rows[row.id] = row
            self._next_look.pop(row.id, None)  # a changed row is looked at on the next tick
            if row.assignee != self.me:
                self._mine.discard(row.id)
                self._states.pop(row.id, None)
                continue
            self._mine.add(row.id)
            became_mine = before.assignee != self.me if before is not None else self.seeded
            if became_mine and row.id in self._own:
                self._own.discard(row.id)
            elif became_mine:
                notices.append(Notice(NoticeKind.ASSIGNED, row.id, _who(row), row.preview))
            if before is not None and row.id in background and is_new_customer_message(before, row):
                notices.append(Notice(NoticeKind.NEW_MESSAGE, row.id, _who(row), row.preview))
        return notices

    def tick(self, now: datetime, state_of: StateOf, at_risk: timedelta) -> list[Notice]:
        """Mine that turned at risk since the last tick; a first look only remembers the state.

        ``at_risk`` is the policy's threshold: a request with more business time left than that
        cannot turn at risk sooner than the difference (business time never runs faster than the
        clock), so each conversation is asked about once until then, not every second.
        """
        notices: list[Notice] = []
        for conversation_id in self._mine:
            if conversation_id in self._next_look:
                look = self._next_look[conversation_id]
                if look is None or now < look:
                    continue
            row = self._rows[conversation_id]
            status = state_of(row, now)
            if status is not None and status.state is SlaState.ON_TRACK:
                self._next_look[conversation_id] = now + status.business_left - at_risk
            else:
                self._next_look[conversation_id] = None
            known = conversation_id in self._states
            before = self._states.get(conversation_id)
            self._states[conversation_id] = status.state if status is not None else None
            if status is not None and status.state is SlaState.AT_RISK and known and before not in _ALREADY_LATE:
                notices.append(
                    Notice(NoticeKind.AT_RISK, conversation_id, _who(row), format_span(status.business_left))
                )
        return notices


def _who(row: ConversationRow) -> str:
    return row.customer_name or row.customer_handle
