"""What connector tests of every platform do: a whole sync pass, and a reply command as the outbox
hands it over."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

from agentdesk.core.commands import Command, CommandKind
from agentdesk.core.incoming import IncomingConversation, SyncBatch
from agentdesk.sync.connector import Connector

_keys = count(1)


async def full_pass(connector: Connector, cursor: str | None = None) -> tuple[list[IncomingConversation], str | None]:
    """Every page until the connector says the pass is complete; the cursor to resume after it."""
    conversations: list[IncomingConversation] = []
    batch = SyncBatch((), cursor, complete=False)
    while True:
        batch = await connector.fetch_changes(batch.cursor)
        conversations.extend(batch.conversations)
        if batch.complete:
            return conversations, batch.cursor


def reply(conversation_source_id: str, text: str, **changes: object) -> Command:
    """A reply command with its own idempotency key, created now (``changes``: other fields)."""
    fields: dict[str, object] = {
        "id": 1,
        "idempotency_key": f"key-{next(_keys)}",
        "kind": CommandKind.REPLY,
        "account_id": 1,
        "conversation_source_id": conversation_source_id,
        "conversation_id": 1,
        "payload": {"text": text},
        "created_at": datetime.now(UTC),
    }
    return Command(**{**fields, **changes})  # type: ignore[arg-type]
