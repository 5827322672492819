"""The durable outbox: a user's write becomes a row (with its idempotency key) before any sending.

A reply or note also gets a local *pending* message in the same transaction, so the thread shows
it at once and a crash between "typed" and "sent" loses nothing.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from agentdesk.core.commands import Command, CommandKind, CommandResult, CommandState
from agentdesk.core.entities import Delivery, Direction, Status
from agentdesk.store import convert
from agentdesk.store.ingest import refresh_derived
from agentdesk.store.models import ConversationTable, DraftRow, MessageTable, OutboxRow
from agentdesk.store.search_index import index_messages_after, last_message_id

# An escalation's private note shows at once too; its reason was written in a dialog, so the draft stays.
_SHOWS_MESSAGE = {
    CommandKind.REPLY: Direction.OUTBOUND,
    CommandKind.NOTE: Direction.NOTE,
    CommandKind.ESCALATE: Direction.NOTE,
}


def enqueue(
    session: Session,
    conversation_id: int,
    kind: CommandKind,
    payload: dict[str, str],
    now: datetime,
    author: str = "",
) -> Command:
    conv = session.get_one(ConversationTable, conversation_id)
    key = uuid.uuid4().hex
    local_id = None
    if kind in _SHOWS_MESSAGE and (kind is not CommandKind.ESCALATE or payload.get("text")):
        msg = MessageTable(
            conversation_id=conversation_id,
            source_id=f"local:{key}",
            direction=_SHOWS_MESSAGE[kind].value,
            author=author,
            text=payload.get("text", ""),
            created_at=now,
            delivery=Delivery.PENDING.value,
        )
        last_id = last_message_id(session)
        session.add(msg)
        session.flush()
        index_messages_after(session, last_id)
        local_id = msg.id
        if kind is not CommandKind.ESCALATE:
            session.execute(delete(DraftRow).where(DraftRow.conversation_id == conversation_id))
    row = OutboxRow(
        idempotency_key=key,
        kind=kind.value,
        account_id=conv.account_id,
        conversation_id=conversation_id,
        payload_json=json.dumps(payload, ensure_ascii=False),
        state=CommandState.PENDING.value,
        created_at=now,
        local_message_id=local_id,
    )
    session.add(row)
    session.flush()
    if local_id is not None:
        refresh_derived(session, [conversation_id])
    return convert.command(row, conv.source_id)


def apply_locally(
    session: Session, conversation_id: int, kind: CommandKind, payload: dict[str, str], now: datetime
) -> None:
    """What a write changes on the conversation, shown at once rather than after the source confirms."""
    values: dict[str, object] = {}
    if kind is CommandKind.ASSIGN:
        values["assignee"] = payload["assignee"]
    elif kind is CommandKind.UNASSIGN:
        values["assignee"] = ""
    elif kind is CommandKind.SET_STATUS:
        values["status"] = Status(payload["status"]).value
    elif kind is CommandKind.ESCALATE:  # the path, and whom it goes to at what priority, at once
        values.update({key: payload[key] for key in ("team", "assignee", "priority") if payload.get(key)})
        if payload.get("path"):
            values.update(escalation=payload["path"], escalated_at=now)
    if values:
        session.execute(update(ConversationTable).where(ConversationTable.id == conversation_id).values(**values))


def keep_pending_writes(session: Session, account_id: int, conversation_ids: set[int]) -> None:
    """Lay the writes the backend has not confirmed yet over a page it sent before it had them.

    Without this, a conversation reassigned a moment ago jumps back to its old agent (or a resolved
    one back into the queue) until the write is delivered and the next sync brings it right. Only
    for sources that own assignment and status: on a platform, a status from the sync is news (a
    new post reopens the conversation), not an old picture.
    """
    if not conversation_ids:
        return
    waiting = session.execute(
        select(OutboxRow.conversation_id, OutboxRow.kind, OutboxRow.payload_json, OutboxRow.created_at)
        .where(
            OutboxRow.state.in_((CommandState.PENDING.value, CommandState.SENDING.value)),
            OutboxRow.account_id == account_id,
        )
        .order_by(OutboxRow.id)
    )
    for conversation_id, kind, payload_json, created_at in waiting:
        if conversation_id in conversation_ids:
            apply_locally(session, conversation_id, CommandKind(kind), json.loads(payload_json), created_at)


def due_commands(session: Session, account_id: int, now: datetime) -> list[Command]:
    """Commands to run now, oldest first; SENDING ones are those a crash interrupted."""
    stmt = (
        select(OutboxRow, ConversationTable.source_id)
        .join(ConversationTable, ConversationTable.id == OutboxRow.conversation_id)
        .where(
            OutboxRow.account_id == account_id,
            OutboxRow.state.in_((CommandState.PENDING.value, CommandState.SENDING.value)),
            or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now),
        )
        .order_by(OutboxRow.id)
    )
    return [convert.command(row, source_id) for row, source_id in session.execute(stmt)]


def next_due_at(session: Session, account_id: int) -> datetime | None:
    return session.scalar(
        select(OutboxRow.next_attempt_at)
        .where(OutboxRow.account_id == account_id, OutboxRow.state == CommandState.PENDING.value)
        .order_by(OutboxRow.next_attempt_at)
        .limit(1)
    )


def mark_sending(session: Session, command_id: int) -> None:
    session.execute(
        update(OutboxRow)
        .where(OutboxRow.id == command_id)
        .values(state=CommandState.SENDING.value, attempts=OutboxRow.attempts + 1)
    )


def complete(session: Session, command_id: int, result: CommandResult) -> int:
    """Record success; the local pending message takes the source's id (or gives way to it)."""
    row = session.get_one(OutboxRow, command_id)
    row.state = CommandState.DONE.value
    row.error = ""
    if row.local_message_id is not None and result.message is not None:
        local = session.get(MessageTable, row.local_message_id)
        synced = session.scalar(
            select(MessageTable).where(
                MessageTable.conversation_id == row.conversation_id,
                MessageTable.source_id == result.message.source_id,
            )
        )
        if local is not None and synced is not None and synced.id != local.id:
            session.delete(local)  # a sync brought it first: keep exactly one
        elif local is not None:
            local.source_id = result.message.source_id
            local.delivery = Delivery.DELIVERED.value
            local.created_at = result.message.created_at
            local.error = ""
    else:
        _set_delivery(session, row, Delivery.DELIVERED)
    session.flush()
    refresh_derived(session, [row.conversation_id])
    return row.conversation_id


def fail(session: Session, command_id: int, error: str, *, retry_at: datetime | None) -> int:
    """A failed try: back to PENDING with a time for the next try, or FAILED for the user to decide."""
    row = session.get_one(OutboxRow, command_id)
    row.error = error
    if retry_at is None:
        row.state = CommandState.FAILED.value
        row.next_attempt_at = None
        _set_delivery(session, row, Delivery.FAILED, error)
        session.flush()
        refresh_derived(session, [row.conversation_id])
    else:
        row.state = CommandState.PENDING.value
        row.next_attempt_at = retry_at
    return row.conversation_id


def retry(session: Session, command_id: int, now: datetime) -> int:
    row = session.get_one(OutboxRow, command_id)
    row.state = CommandState.PENDING.value
    row.next_attempt_at = now
    _set_delivery(session, row, Delivery.PENDING)
    session.flush()
    refresh_derived(session, [row.conversation_id])
    return row.conversation_id


def discard(session: Session, command_id: int) -> tuple[int, str]:
    """Drop a failed command and its pending message; returns the conversation and the text."""
    row = session.get_one(OutboxRow, command_id)
    if row.state not in (CommandState.FAILED.value, CommandState.PENDING.value):
        raise ValueError("only a failed or waiting command can be discarded")
    text = json.loads(row.payload_json).get("text", "")
    conversation_id = row.conversation_id
    if row.local_message_id is not None:
        session.execute(delete(MessageTable).where(MessageTable.id == row.local_message_id))
    session.delete(row)
    session.flush()
    refresh_derived(session, [conversation_id])
    return conversation_id, text


def command_for_message(session: Session, message_id: int) -> int | None:
    return session.scalar(select(OutboxRow.id).where(OutboxRow.local_message_id == message_id))


def state_counts(session: Session) -> dict[CommandState, int]:
    """How many commands are in each state: the status bar's "Ausgang: 2 wartend"."""
    rows = session.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state))
    counts = dict.fromkeys(CommandState, 0)
    counts.update({CommandState(state): n for state, n in rows})
    return counts


def _set_delivery(session: Session, row: OutboxRow, delivery: Delivery, error: str = "") -> None:
    """Show the command's outcome on the message it put in the thread, if it put one there."""
    if row.local_message_id is not None:
        session.execute(
            update(MessageTable)
            .where(MessageTable.id == row.local_message_id)
            .values(delivery=delivery.value, error=error)
        )
