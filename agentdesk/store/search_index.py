"""Keeping the full-text index of message text current.

New messages are indexed in bulk after each write, which is about three times faster than a
per-row trigger during a large sync; edits and deletions are kept right by triggers (see the
first migration). Every path that inserts messages calls one of these functions.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

# For the driver's cursor (the sync's bulk path, agentdesk.store.ingest) as for the session.
LAST_MESSAGE_ID = "SELECT coalesce(max(id), 0) FROM messages"
INDEX_MESSAGES_AFTER = "INSERT INTO messages_fts(rowid, text) SELECT id, text FROM messages WHERE id > ?"


def last_message_id(session: Session) -> int:
    return int(session.connection().exec_driver_sql(LAST_MESSAGE_ID).scalar_one())


def index_messages_after(session: Session, last_id: int) -> None:
    """Index every message with an id above ``last_id`` (those this transaction added)."""
    session.connection().exec_driver_sql(INDEX_MESSAGES_AFTER, (last_id,))
