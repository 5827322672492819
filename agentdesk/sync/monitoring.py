"""Saved searches, polled within the platforms' limits, into the *Monitoring* queue.

Each account's searches run one after another every few minutes (a Mastodon instance allows 300
requests in five minutes for everything a client does); an account that is rate-limited waits
as long as the platform says, one that needs a new sign-in is skipped (the sync engine already
says so on that account). A search's results and its time of running are written together, so
a crash only repeats a search.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from agentdesk.core.entities import Account
from agentdesk.core.events import ConversationsChanged
from agentdesk.core.monitoring import FoundPost, SavedSearch, normalise_query, reason_for
from agentdesk.sync.connector import Connector
from agentdesk.sync.connector_factory import real_connector
from agentdesk.sync.errors import RateLimited, SourceError
from agentdesk.sync.monitoring_search import search_posts
from agentdesk.sync.workspace import Workspace, utc_now

log = logging.getLogger(__name__)

INTERVAL = timedelta(minutes=5)

#: Account kinds whose platform has a post search (a team backend has none).
SEARCHABLE_KINDS = ("mastodon", "x")


class MonitoringService:
    def __init__(
        self,
        workspace: Workspace,
        *,
        interval: timedelta = INTERVAL,
        connector_for: Callable[[Account], Connector | None] = real_connector,
    ) -> None:
        self.ws = workspace
        self.interval = interval
        self._connector_for = connector_for
        self._connectors: dict[int, Connector | None] = {}
        self._paused_until: dict[int, datetime] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        #: The last problem per account, in words (shown next to its searches), or absent.
        self.problems: dict[int, str] = {}

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="monitoring")

    def wake(self) -> None:
        """Run due searches now (a search was just added)."""
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for connector in self._connectors.values():
            if connector is not None:
                await connector.close()
        self._connectors.clear()

    # --- the saved searches, as the window and the CLI change them ---------------------------------
    def searchable(self) -> list[Account]:
        return [account for account in self.ws.accounts if account.kind in SEARCHABLE_KINDS]

    async def searches(self) -> list[SavedSearch]:
        return await self.ws.runner.read(self.ws.store.saved_searches)

    async def add(self, account: Account, text: str) -> SavedSearch:
        """Save a search (``QueryProblem`` if the text cannot be one) and run it now."""
        search = await self.ws.runner.write(self.ws.store.add_search, account.id, normalise_query(text), utc_now())
        self.wake()
        return search

    async def change(self, search: SavedSearch, text: str) -> SavedSearch | None:
        """A new query for a saved search (``QueryProblem`` if the text cannot be one), run now."""
        changed = await self.ws.runner.write(self.ws.store.change_search, search.id, normalise_query(text))
        self.wake()
        return changed

    async def remove(self, search: SavedSearch) -> bool:
        """Stop the search; what it found stays in Monitoring until an agent takes or dismisses it."""
        return await self.ws.runner.write(self.ws.store.remove_search, search.id)

    async def _run(self) -> None:
        while True:
            try:
                await self.run_due()
            except Exception:  # a bug must not end monitoring for the session; it is logged
                log.exception("monitoring pass failed")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=min(self.interval.total_seconds(), 60.0))

    async def run_due(self, now: datetime | None = None) -> int:
        """Every search whose time has come; returns how many conversations are new or changed."""
        now = now or utc_now()
        searches = await self.ws.runner.read(self.ws.store.saved_searches)
        accounts = {account.id: account for account in self.ws.accounts}
        changed: set[int] = set()
        for search in searches:
            account = accounts.get(search.account_id)
            if account is not None and self._due(search, now):
                changed |= await self._run_one(account, search, now)
        return len(changed)

    def _due(self, search: SavedSearch, now: datetime) -> bool:
        if self._paused_until.get(search.account_id, now) > now:
            return False
        return search.last_run_at is None or now - search.last_run_at >= self.interval

    async def _run_one(self, account: Account, search: SavedSearch, now: datetime) -> set[int]:
        connector = self._connector(account)
        if connector is None:
            return set()
        try:
            hits = await search_posts(connector, search.query)
        except RateLimited as limited:
            self._paused_until[account.id] = now + timedelta(seconds=limited.retry_after)
            self.problems[account.id] = str(limited)
            return set()
        except SourceError as exc:
            self.problems[account.id] = str(exc)
            return set()
        if hits is None:
            return set()
        self.problems.pop(account.id, None)
        found = [FoundPost(hit, reason_for(search.query, account.name)) for hit in hits]
        changed = await self.ws.runner.write(self.ws.store.record_matches, search.id, account.id, found, now)
        if changed:
            self.ws.hub.publish(ConversationsChanged(frozenset(changed), membership=True))
        return changed

    def _connector(self, account: Account) -> Connector | None:
        if account.id not in self._connectors:
            self._connectors[account.id] = self._connector_for(account)
        return self._connectors[account.id]
