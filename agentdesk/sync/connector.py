"""The protocol every source implements: pure protocol over an injected HTTP client.

A connector pulls pages of changes and executes outbox commands; it never touches the store.
``find_executed`` is what makes sending exactly-once: after a crash with a command in flight,
the engine asks the source whether it already has it (by idempotency key) before sending again.
Canned responses and the team (agents, their availability, channels and languages) are
optional capabilities: only some sources have them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from agentdesk.core.commands import Command, CommandResult
from agentdesk.core.incoming import SyncBatch
from agentdesk.core.team import TeamSnapshot


class Connector(Protocol):
    kind: str

    async def fetch_changes(self, cursor: str | None) -> SyncBatch:
        """The next page of changes after ``cursor`` (None: start a full pass)."""
        ...

    async def execute(self, command: Command) -> CommandResult:
        """Carry out one command; raises a SourceError subclass on failure."""
        ...

    async def find_executed(self, command: Command) -> CommandResult | None:
        """The result if the source already has this command (same idempotency key), else None."""
        ...

    async def close(self) -> None: ...


async def fetch_canned_responses(connector: Connector) -> tuple[tuple[str, str], ...] | None:
    """The source's (short_code, content) canned responses; None for a source without any (the sandbox)."""
    fetch = getattr(connector, "fetch_canned_responses", None)
    return None if fetch is None else await fetch()


async def push_events(connector: Connector, wake: Callable[[], None], live: Callable[[bool], None]) -> None:
    """Listen to the source's push channel until cancelled; returns at once for a source without one.

    ``wake()`` asks the engine to fetch changes now; ``live(on)`` tells whether pushes arrive (when
    they do, the engine polls only as a safety net). A push carries no data the engine trusts.
    """
    listen = getattr(connector, "push_events", None)
    if listen is not None:
        await listen(wake, live)


async def fetch_team(connector: Connector) -> TeamSnapshot | None:
    """The source's agents and teams; None for a source without a team (a direct platform account)."""
    fetch = getattr(connector, "fetch_team", None)
    return None if fetch is None else await fetch()
