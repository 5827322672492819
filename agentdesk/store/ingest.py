"""Writing a connector's batch into the store: upserts keyed by source ids, in one transaction.

Idempotent by construction, so a page fetched twice (after a crash or a retry) changes nothing.
A 10,000-conversation initial sync writes 200,000 messages, so every statement of a page goes
straight to the driver (``executemany`` on the session's own connection, inside its transaction)
with times already in the store's integer milliseconds: SQLAlchemy's statement building and
per-row parameter handling had been most of the writer thread's time. Which messages are new is
told by their ids (above the highest before the insert), not by reading the existing ones first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from agentdesk.core.entities import Direction
from agentdesk.core.incoming import IncomingConversation
from agentdesk.store.models import ConversationTable
from agentdesk.store.search_index import INDEX_MESSAGES_AFTER, LAST_MESSAGE_ID
from agentdesk.store.types import to_millis

# Derived columns of a conversation, recomputed from its messages after every change.
_REFRESH_DERIVED = """
    UPDATE conversations SET
      last_message_at = coalesce(
        (SELECT max(m.created_at) FROM messages m WHERE m.conversation_id = conversations.id),
        conversations.created_at),
      preview = coalesce(
        (SELECT m.text FROM messages m WHERE m.conversation_id = conversations.id AND m.direction = 'inbound'
         ORDER BY m.created_at DESC LIMIT 1), conversations.preview),
      waiting_since = (
        SELECT min(m.created_at) FROM messages m
        WHERE m.conversation_id = conversations.id AND m.direction = 'inbound'
          AND m.created_at > coalesce(
            (SELECT max(o.created_at) FROM messages o
             WHERE o.conversation_id = conversations.id AND o.direction = 'outbound'
               AND o.delivery != 'failed'), 0))
    WHERE id = ?
    """


_UPSERT_CUSTOMER = (
    "INSERT INTO customers (account_id, source_id, name, handle, channel, followers, language, form_of_address) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, source_id) DO UPDATE SET "
    "name = excluded.name, handle = excluded.handle, followers = excluded.followers, "
    # a form of address the agent chose locally is kept unless the source knows one
    "form_of_address = CASE WHEN excluded.form_of_address != '' THEN excluded.form_of_address "
    "ELSE form_of_address END"
)

# The columns a synced conversation fills; the rest take their model defaults (unread, triage...).
_CONVERSATION_COLUMNS = (
    "account_id, source_id, channel, audience, customer_id, status, assignee, team, labels, subject, preview, "
    "language, created_at, last_message_at, priority"
).split(", ")
_CONVERSATION_TABLE = cast(Table, ConversationTable.__table__)
_CONVERSATION_DEFAULTS = {
    column.name: column.default.arg  # type: ignore[attr-defined]
    for column in _CONVERSATION_TABLE.columns
    if column.default is not None and column.default.is_scalar and column.name not in _CONVERSATION_COLUMNS
}
# A column added later with a computed default, or required without one, would be left NULL here.
_UNFILLED = [
    column.name
    for column in _CONVERSATION_TABLE.columns
    if column.name not in _CONVERSATION_COLUMNS
    and column.name not in _CONVERSATION_DEFAULTS
    and not column.primary_key
    and column.server_default is None
    and (column.default is not None or not column.nullable)
]
if _UNFILLED:
    raise TypeError(f"conversations columns a sync cannot fill: {_UNFILLED}; give them a plain default")
_INSERT_CONVERSATION = "INSERT INTO conversations ({}) VALUES ({})".format(
    ", ".join([*_CONVERSATION_COLUMNS, *_CONVERSATION_DEFAULTS]),
    ", ".join(f":{name}" for name in [*_CONVERSATION_COLUMNS, *_CONVERSATION_DEFAULTS]),
)

_INSERT_MESSAGE = (
    "INSERT INTO messages (conversation_id, source_id, direction, author, text, created_at, delivery, error) "
    "VALUES (?, ?, ?, ?, ?, ?, 'delivered', '') ON CONFLICT DO NOTHING"
)

# News from the customer makes a conversation unread again.
_MARK_UNREAD = (
    "UPDATE conversations SET unread = 1 WHERE id IN "
    f"(SELECT conversation_id FROM messages WHERE id > ? AND direction = '{Direction.INBOUND.value}')"
)


def _millis(value: datetime) -> int:
    if value.tzinfo is None:
        raise ValueError("naive datetime given to the store; pass an aware one")
    return to_millis(value)


def _driver(session: Session) -> sqlite3.Cursor:
    """A cursor on the session's connection, inside its transaction (begun here if need be)."""
    session.flush()  # ORM changes the caller made in this session come first, as with session.execute
    return cast(sqlite3.Connection, session.connection().connection.driver_connection).cursor()


def apply_conversations(session: Session, account_id: int, items: Iterable[IncomingConversation]) -> set[int]:
    """Upsert customers, conversations and messages; returns the ids of conversations that changed."""
    items = list(items)
    if not items:
        return set()
    cursor = _driver(session)
    try:
        customer_ids = _upsert_customers(cursor, account_id, items)
        conversation_ids = _upsert_conversations(cursor, account_id, items, customer_ids)
        _insert_messages(cursor, items, conversation_ids)
        changed = set(conversation_ids.values())
        cursor.executemany(_REFRESH_DERIVED, [(cid,) for cid in changed])
    finally:
        cursor.close()
    return changed


def refresh_derived(session: Session, conversation_ids: Iterable[int]) -> None:
    cursor = _driver(session)
    try:
        cursor.executemany(_REFRESH_DERIVED, [(cid,) for cid in conversation_ids])
    finally:
        cursor.close()


def _ids(cursor: sqlite3.Cursor, table: str, account_id: int, source_ids: list[str]) -> dict[str, int]:
    marks = ", ".join("?" * len(source_ids))
    found = cursor.execute(
        f"SELECT source_id, id FROM {table} WHERE account_id = ? AND source_id IN ({marks})",
        [account_id, *source_ids],
    )
    return dict(found.fetchall())


def _upsert_customers(cursor: sqlite3.Cursor, account_id: int, items: list[IncomingConversation]) -> dict[str, int]:
    rows = {
        c.source_id: (
            account_id,
            c.source_id,
            c.name,
            c.handle,
            c.channel.value,
            c.followers,
            c.language,
            c.form_of_address,
        )
        for c in (it.customer for it in items)
    }
    cursor.executemany(_UPSERT_CUSTOMER, list(rows.values()))
    return _ids(cursor, "customers", account_id, list(rows))


def _upsert_conversations(
    cursor: sqlite3.Cursor, account_id: int, items: list[IncomingConversation], customer_ids: dict[str, int]
) -> dict[str, int]:
    rows: dict[str, dict[str, Any]] = {}
    for it in items:
        created = _millis(it.created_at)
        rows[it.source_id] = {
            **_CONVERSATION_DEFAULTS,
            "account_id": account_id,
            "source_id": it.source_id,
            "channel": it.channel.value,
            "audience": it.audience.value,
            "customer_id": customer_ids[it.customer.source_id],
            "status": it.status.value,
            "assignee": it.assignee or "",
            "team": it.team or "",
            "labels": ",".join(it.labels),
            "subject": it.subject,
            "preview": it.subject,
            "language": it.language,
            "created_at": created,
            "last_message_at": created,
            "priority": it.priority or "",
        }
    # a source without teams or priorities (None) keeps the local ones, e.g. those an escalation set
    known = [key for key in ("team", "priority") if all(getattr(it, key) is not None for it in items)]
    backend = ", ".join(f"{key} = excluded.{key}" for key in ("status", "assignee", "labels", "subject", *known))
    # A platform without a backend knows no assignment: who has it stays ours, and a new post reopens it.
    platform = "status = excluded.status"
    conflict = " ON CONFLICT (account_id, source_id) DO UPDATE SET "
    assigns = {it.source_id: it.assignee is not None for it in items}
    for update_set, owned in ((backend, True), (platform, False)):
        chunk = [row for source_id, row in rows.items() if assigns[source_id] is owned]
        if chunk:
            cursor.executemany(_INSERT_CONVERSATION + conflict + update_set, chunk)
    return _ids(cursor, "conversations", account_id, list(rows))


def _insert_messages(
    cursor: sqlite3.Cursor, items: list[IncomingConversation], conversation_ids: dict[str, int]
) -> None:
    rows = [
        (cid, m.source_id, m.direction.value, m.author, m.text, _millis(m.created_at))
        for it in items
        for cid in (conversation_ids[it.source_id],)
        for m in it.messages
    ]
    if not rows:
        return
    last_id = cursor.execute(LAST_MESSAGE_ID).fetchone()[0]
    cursor.executemany(_INSERT_MESSAGE, rows)  # a message stored before is left as it is
    cursor.execute(INDEX_MESSAGES_AFTER, (last_id,))
    cursor.execute(_MARK_UNREAD, (last_id,))
