"""The connector for a real account (a team backend), built without touching the keyring.

The profile is opened on the GUI thread, and a keyring read can block on D-Bus or on a password
prompt. So a real account gets a :class:`KeyringConnector` at once; it reads the secret on its
first use, on the keyring thread (``credentials.off_loop``), and then hands every call to the
source's connector. A missing secret (or no usable keyring) raises ``NeedsSignIn``: the engine
shows that account as NEEDS_SIGN_IN and keeps the other accounts syncing. A refused token is
dropped as well, so after the user signs in again, ``engine.wake(account_id)`` is all it takes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from agentdesk.core.commands import Command, CommandResult
from agentdesk.core.entities import Account
from agentdesk.core.incoming import SyncBatch
from agentdesk.core.monitoring import SearchHit
from agentdesk.core.team import TeamSnapshot
from agentdesk.sync.connector import Connector, fetch_canned_responses, fetch_team, push_events
from agentdesk.sync.errors import NeedsSignIn
from agentdesk.sync.monitoring_search import search_posts
from agentdesk.sync.words import _

T = TypeVar("T")
Build = Callable[[Account, str], Connector]


def _chatwoot(account: Account, token: str) -> Connector:
    from agentdesk.sync.chatwoot import ChatwootConnector  # httpx and the connector load on first use

    return ChatwootConnector.for_account(account, token)


#: Account kinds backed by a server and a secret, with how to build their connector from the secret.
def _mastodon(account: Account, token: str) -> Connector:
    from agentdesk.sync.mastodon import MastodonConnector

    return MastodonConnector.for_account(account, token)


def _x(account: Account, secret: str) -> Connector:
    from agentdesk.sync.x import XConnector

    return XConnector.for_account(account, secret)


def _bluesky(account: Account, secret: str) -> Connector:
    from agentdesk.sync.bluesky import BlueskyConnector

    return BlueskyConnector.for_account(account, secret)


REAL_SOURCES: dict[str, Build] = {"chatwoot": _chatwoot, "mastodon": _mastodon, "x": _x, "bluesky": _bluesky}


def real_connector(account: Account) -> Connector | None:
    """The connector for a real account, or None for a kind this version cannot sync."""
    build = REAL_SOURCES.get(account.kind)
    return None if build is None else KeyringConnector(account, build)


class KeyringConnector:
    """A real account's connector that fetches its secret lazily, off the event loop's thread."""

    def __init__(self, account: Account, build: Build) -> None:
        self.kind = account.kind
        self._account = account
        self._build = build
        self._inner: Connector | None = None

    async def fetch_changes(self, cursor: str | None) -> SyncBatch:
        return await self._call(lambda c: c.fetch_changes(cursor))

    async def execute(self, command: Command) -> CommandResult:
        return await self._call(lambda c: c.execute(command))

    async def find_executed(self, command: Command) -> CommandResult | None:
        return await self._call(lambda c: c.find_executed(command))

    async def fetch_canned_responses(self) -> tuple[tuple[str, str], ...] | None:
        return await self._call(fetch_canned_responses)

    async def fetch_team(self) -> TeamSnapshot | None:
        return await self._call(fetch_team)

    async def search_posts(self, query: str) -> tuple[SearchHit, ...] | None:
        """A saved search on the platform; None for a source without search (a team backend)."""
        return await self._call(lambda c: search_posts(c, query))

    async def push_events(self, wake: Callable[[], None], live: Callable[[bool], None]) -> None:
        """The source's push channel, with the secret read first; returns at once if it has none."""
        await self._call(lambda c: push_events(c, wake, live))

    async def close(self) -> None:
        inner, self._inner = self._inner, None
        if inner is not None:
            await inner.close()

    async def _call(self, operation: Callable[[Connector], Awaitable[T]]) -> T:
        connector = self._inner or await self._signed_in()
        try:
            return await operation(connector)
        except NeedsSignIn:
            await self.close()  # the next try reads the keyring again: the user may have signed in
            raise

    async def _signed_in(self) -> Connector:
        from agentdesk.sync import credentials  # keyring loads only for a real account

        name = self._account.name
        try:
            secret = await credentials.off_loop(credentials.get_secret, self.kind, name)
        except credentials.KeyringUnavailable as exc:
            raise NeedsSignIn(str(exc)) from exc
        if not secret:
            raise NeedsSignIn(
                _("No access token is stored for {name}. Open Accounts and sign in again.").format(name=name)
            )
        self._inner = self._build(self._account, secret)
        return self._inner
