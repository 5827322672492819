"""A whole sync pass of a connector, page after page, as the engine runs it."""

from __future__ import annotations

from agentdesk.core.incoming import IncomingConversation, SyncBatch
from agentdesk.sync.bluesky import BlueskyConnector


async def full_pass(connector: BlueskyConnector, cursor: str | None = None) -> tuple[list[IncomingConversation], str]:
    """Every conversation of one pass from ``cursor``, and the cursor the next pass starts at."""
    conversations, batch = [], SyncBatch((), cursor, complete=False)
    while True:
        batch = await connector.fetch_changes(batch.cursor)
        conversations.extend(batch.conversations)
        if batch.complete:
            assert batch.cursor is not None
            return conversations, batch.cursor
