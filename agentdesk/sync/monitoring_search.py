"""The optional search capability of a source, for saved searches (Monitoring)."""

from __future__ import annotations

from agentdesk.core.monitoring import SearchHit


async def search_posts(connector: object, query: str) -> tuple[SearchHit, ...] | None:
    """The source's newest posts for a saved search; None for a source that cannot search."""
    search = getattr(connector, "search_posts", None)
    return None if search is None else await search(query)
