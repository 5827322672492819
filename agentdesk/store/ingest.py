"""Writing a connector's batch into the store: upserts keyed by source ids, in one transaction.

Idempotent by construction, so a page fetched twice (after a crash or a retry) changes nothing.
Bulk statements keep a 10,000-conversation initial sync fast: customers and conversations go
through Core (not the ORM's bulk path), and messages, the bulk of a sync, straight to the
driver's ``executemany`` with their times already in the store's integer milliseconds
(SQLAlchemy's per-row parameter handling was most of the writer thread's time).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import cast

from sqlalchemy import Table, select, text, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from agentdesk.core.entities import Direction
from agentdesk.core.incoming import IncomingConversation
from agentdesk.store.models import ConversationTable, CustomerRow, MessageTable
from agentdesk.store.search_index import index_messages_after, last_message_id
from agentdesk.store.types import to_millis

# Derived columns of a conversation, recomputed from its messages after every change.
_REFRESH_DERIVED = text(
    """
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
    WHERE id = :cid
    """
)


# The columns of MessageTable a synced message fills; what UtcMillis would bind is computed by _millis.
_INSERT_MESSAGE = (
    "INSERT INTO messages (conversation_id, source_id, direction, author, text, created_at, delivery, error) "
    "VALUES (?, ?, ?, ?, ?, ?, 'delivered', '') ON CONFLICT DO NOTHING"
)


def _millis(value: datetime) -> int:
    if value.tzinfo is None:
        raise ValueError("naive datetime given to the store; pass an aware one")
    return to_millis(value)


def apply_conversations(session: Session, account_id: int, items: Iterable[IncomingConversation]) -> set[int]:
    """Upsert customers, conversations and messages; returns the ids of conversations that changed."""
    items = list(items)
    if not items:
        return set()
    customer_ids = _upsert_customers(session, account_id, items)
    conversation_ids = _upsert_conversations(session, account_id, items, customer_ids)
    _insert_messages(session, items, conversation_ids)
    changed = set(conversation_ids.values())
    refresh_derived(session, changed)
    return changed


def refresh_derived(session: Session, conversation_ids: Iterable[int]) -> None:
    session.execute(_REFRESH_DERIVED, [{"cid": cid} for cid in conversation_ids])


def _upsert_customers(session: Session, account_id: int, items: list[IncomingConversation]) -> dict[str, int]:
    rows = {
        it.customer.source_id: {
            "account_id": account_id,
            "source_id": it.customer.source_id,
            "name": it.customer.name,
            "handle": it.customer.handle,
            "channel": it.customer.channel.value,
            "followers": it.customer.followers,
            "language": it.customer.language,
            "form_of_address": it.customer.form_of_address,
        }
        for it in items
    }
    stmt = insert(cast(Table, CustomerRow.__table__))
    stmt = stmt.on_conflict_do_update(
        index_elements=["account_id", "source_id"],
        set_={
            "name": stmt.excluded.name,
            "handle": stmt.excluded.handle,
            "followers": stmt.excluded.followers,
            # a form of address the agent chose locally is kept unless the source knows one
            "form_of_address": text(
                "CASE WHEN excluded.form_of_address != '' THEN excluded.form_of_address ELSE form_of_address END"
            ),
        },
    )
    session.execute(stmt, list(rows.values()))
    found = session.execute(
        select(CustomerRow.source_id, CustomerRow.id).where(
            CustomerRow.account_id == account_id, CustomerRow.source_id.in_(rows)
        )
    )
    return {source_id: row_id for source_id, row_id in found}


def _upsert_conversations(
    session: Session, account_id: int, items: list[IncomingConversation], customer_ids: dict[str, int]
) -> dict[str, int]:
    rows = {
        it.source_id: {
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
            "created_at": it.created_at,
            "last_message_at": it.created_at,
            "priority": it.priority or "",
        }
        for it in items
    }
    stmt = insert(cast(Table, ConversationTable.__table__))
    # a source without teams or priorities (None) keeps the local ones, e.g. those an escalation set
    known = [key for key in ("team", "priority") if all(getattr(it, key) is not None for it in items)]
    backend = stmt.on_conflict_do_update(
        index_elements=["account_id", "source_id"],
        set_={
            "status": stmt.excluded.status,
            "assignee": stmt.excluded.assignee,
            "labels": stmt.excluded.labels,
            "subject": stmt.excluded.subject,
            **{key: getattr(stmt.excluded, key) for key in known},
        },
    )
    # A platform without a backend knows no assignment: who has it stays ours, and a new post reopens it.
    platform = stmt.on_conflict_do_update(
        index_elements=["account_id", "source_id"], set_={"status": stmt.excluded.status}
    )
    assigns = {it.source_id: it.assignee is not None for it in items}
    for upsert, owned in ((backend, True), (platform, False)):
        chunk = [row for source_id, row in rows.items() if assigns[source_id] is owned]
        if chunk:
            session.execute(upsert, chunk)
    found = session.execute(
        select(ConversationTable.source_id, ConversationTable.id).where(
            ConversationTable.account_id == account_id, ConversationTable.source_id.in_(rows)
        )
    )
    return {source_id: row_id for source_id, row_id in found}


def _insert_messages(session: Session, items: list[IncomingConversation], conversation_ids: dict[str, int]) -> None:
    wanted = [(conversation_ids[it.source_id], m) for it in items for m in it.messages]
    if not wanted:
        return
    existing = set(
        session.execute(
            select(MessageTable.conversation_id, MessageTable.source_id).where(
                MessageTable.conversation_id.in_({cid for cid, _ in wanted})
            )
        )
    )
    rows = [
        (cid, m.source_id, m.direction.value, m.author, m.text, _millis(m.created_at))
        for cid, m in wanted
        if (cid, m.source_id) not in existing
    ]
    if not rows:
        return
    last_id = last_message_id(session)
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(_INSERT_MESSAGE, rows)
    finally:
        cursor.close()
    index_messages_after(session, last_id)
    # News from the customer makes a conversation unread again.
    inbound = {row[0] for row in rows if row[2] == Direction.INBOUND.value}
    if inbound:
        session.execute(update(ConversationTable).where(ConversationTable.id.in_(inbound)).values(unread=True))
